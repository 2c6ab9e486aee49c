// The rule of src/errors.ts, read from the source: every error about the input says where (issue 17). A
// `new MetricsError(code, message, details)` without its fourth argument, the issues, is allowed only for
// the codes that may be about no one place (degenerate, too_large, aborted) and for the few input-coded
// sites listed below with the reason each is not about a place in the input. Everything else throws with
// `argumentError(code, message, path, expected, received)` (src/internal/assert.ts) or passes issues.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
// The codes of errors about the input: the fuzz harness checks the same set on every export's errors.
import { INPUT_CODES } from './fuzz/harness.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/**
 * Input-coded throw sites without issues, by file and the start of the message, each with why it is not
 * about one place in the input.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'internal/dependencies.ts: $fn: cannot load the dependency':
    'the machine lacks an optional dependency (resvg, playwright, exceljs); nothing in the input is wrong',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface Site {
  /** `file: message start`, the key of {@link ALLOWED}. */
  readonly key: string;
  /** `file:line`, for the failure message. */
  readonly at: string;
  /** The code when it is a literal; the expression otherwise (a rethrow of `e.code`, a choice of two). */
  readonly code: string;
}

/**
 * The `new MetricsError(...)` expressions of a source text that pass no issues: fewer than 4 arguments, or a
 * literal `[]` or `undefined` as the fourth.
 */
function sitesWithoutIssues(file: string, text: string): Site[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Site[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'MetricsError') {
      const args = n.arguments ?? ts.factory.createNodeArray();
      const issues = args[3];
      const none =
        issues === undefined ||
        (ts.isArrayLiteralExpression(issues) && issues.elements.length === 0) ||
        (ts.isIdentifier(issues) && issues.text === 'undefined');
      if (none) {
        const [code, message] = args;
        // The message as written, quotes dropped and `${x}` shown as `$x` (so keys are plain strings).
        const text = (message?.getText() ?? '')
          .replace(/^[`'"]|[`'"]$/g, '')
          .replace(/\$\{([^}]*)\}/g, '$$$1')
          .replace(/\s+/g, ' ');
        out.push({
          key: `${file}: ${text.slice(0, 40)}`,
          at: `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`,
          code: code !== undefined && ts.isStringLiteral(code) ? code.text : (code?.getText() ?? ''),
        });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** A site breaks the rule when its code is an input code, or is computed (it may be one). */
const breaksRule = (s: Site): boolean => !/^[a-z_]+$/.test(s.code) || INPUT_CODES.has(s.code);

describe('every input error says where (issues)', () => {
  it('the check finds a three-argument MetricsError with an input code, and not one with issues or a degenerate one', () => {
    const text = [
      "throw new MetricsError('invalid_argument', `f: x must be > 0 (got 0).`, { x });",
      "throw new MetricsError('invalid_argument', 'f: m.', {}, [{ path: ['x'], message: 'm' }]);",
      "throw new MetricsError('degenerate', 'f: the fit does not converge.');",
      "throw new MetricsError(e.code, 'f: ' + e.message, e.details);",
      "throw new MetricsError('invalid_argument', 'f: y.', {}, []);",
      "throw new MetricsError('not_found', 'f: z.', {}, undefined);",
    ].join('\n');
    const found = sitesWithoutIssues('x.ts', text).filter(breaksRule);
    expect(found.map((s) => s.at)).toEqual(['x.ts:1', 'x.ts:4', 'x.ts:5', 'x.ts:6']);
    expect(found[0]?.key).toBe('x.ts: f: x must be > 0 (got 0).');
  });

  it('no input-coded MetricsError in src/ is thrown without issues, except the allowed ones', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(200);
    const sites = files.flatMap((f) =>
      sitesWithoutIssues(f.slice(SRC.length).replaceAll('\\', '/'), readFileSync(f, 'utf8')),
    );
    const breaking = sites.filter(breaksRule);
    const allowed = (s: Site) => Object.keys(ALLOWED).some((k) => s.key.startsWith(k));
    expect(
      breaking.filter((s) => !allowed(s)).map((s) => `${s.at} ${s.code}`),
      'throw these with argumentError(code, message, path, expected, received) from src/internal/assert.ts',
    ).toEqual([]);
    // Every allowed site still exists: a stale entry would allow the next one silently.
    for (const k of Object.keys(ALLOWED))
      expect(
        breaking.some((s) => s.key.startsWith(k)),
        k,
      ).toBe(true);
  });
});
