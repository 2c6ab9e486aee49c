// Every JSDoc @example in src/ is executed, and each line of the form
//   expression; // => expected      (deep equality; numbers exactly as printed)
//   expression; // ≈ expected       (numbers to the precision printed: ±half a unit in the last digit shown)
// must hold. Other lines of an example run as statements, in order, so an example can build what it needs.
// In scope: every public export, plus the exports of the file the example is in.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import * as lib from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const srcDir = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Example {
  file: string;
  line: number;
  body: string[];
}

function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  const re = /\/\*\*([\s\S]*?)\*\//g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lines = (m[1] as string).split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const start = lines.findIndex((l) => l.trim().startsWith('@example'));
    if (start < 0) continue;
    const body: string[] = [];
    const first = (lines[start] as string).trim().replace(/^@example\s*/, '');
    if (first) body.push(first);
    for (const l of lines.slice(start + 1)) {
      if (l.trim().startsWith('@')) break;
      body.push(l);
    }
    const line = text.slice(0, m.index).split('\n').length;
    if (body.some((l) => l.trim() !== '')) out.push({ file, line, body: joinExpectations(body) });
  }
  return out;
}

/**
 * Puts an expectation written on its own line (`// => [...]` under the call, possibly continued on more
 * `//` lines) onto the line of the call it belongs to, and turns `import { a } from 'x'` lines into
 * dynamic imports.
 */
function joinExpectations(body: readonly string[]): string[] {
  const out: string[] = [];
  let open = 0;
  for (const raw of body) {
    const t = raw.trim();
    if (/^import\s+\{[^}]*\}\s+from\s+['"][^'"]+['"];?$/.test(t)) {
      out.push(`// ${t}`); // resolved before the example runs: see importsOf
      continue;
    }
    if (/^\/\/\s*(=>|≈)/.test(t) && out.length > 0) {
      out[out.length - 1] = `${(out[out.length - 1] as string).replace(/;?\s*$/, ';')} ${t}`;
      open = (t.match(/[[{(]/g)?.length ?? 0) - (t.match(/[\]})]/g)?.length ?? 0);
      continue;
    }
    if (open > 0 && /^\/\//.test(t) && out.length > 0) {
      const more = t.replace(/^\/\/\s*/, '');
      out[out.length - 1] = `${out[out.length - 1] as string} ${more}`;
      open += (more.match(/[[{(]/g)?.length ?? 0) - (more.match(/[\]})]/g)?.length ?? 0);
      continue;
    }
    open = 0;
    out.push(raw);
  }
  return out;
}

const CHECK = /^(.*?);?\s*\/\/\s*(=>|≈)\s*(.+)$/;

/** Half a unit in the last digit shown of a number literal: `0.3` → 0.05, `164` → 0.5. */
function printedPrecision(literal: string): number {
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(literal.trim());
  if (!m) return 0;
  return 0.5 * 10 ** (-(m[1]?.length ?? 0) + Number(m[2] ?? 0));
}

function approxEqual(actual: unknown, expected: unknown, expectedText: string): boolean {
  if (typeof expected === 'number') {
    return (
      typeof actual === 'number' &&
      Math.abs(actual - expected) <= Math.max(printedPrecision(expectedText), 1e-12 * Math.abs(expected))
    );
  }
  if (Array.isArray(expected)) {
    const parts = expectedText
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((s) => s.trim());
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => approxEqual(actual[i], e, parts[i] ?? String(e)))
    );
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/**
 * The expected value's text: a trailing note in parentheses is dropped (`1.5 (MAE 2 / scale 4/3)`), and
 * `Float64Array [1, 2]` reads as the array of its elements.
 */
function expectedLiteral(text: string): string {
  let t = text.replace(/^(Float64Array|Float32Array|Int32Array)\s*(?=\[)/, '');
  if (t.endsWith(')')) {
    // Find the "(" that opens the final group; a space before it marks a note, not a call.
    let depth = 0;
    for (let i = t.length - 1; i >= 0; i--) {
      if (t[i] === ')') depth++;
      else if (t[i] === '(' && --depth === 0) {
        if (i > 0 && /\s/.test(t[i - 1] as string)) t = t.slice(0, i).trimEnd();
        break;
      }
    }
  }
  return t;
}

const transpile = (code: string) =>
  ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } })
    .outputText;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...a: unknown[]) => Promise<void>;

const all = files(srcDir).flatMap(examplesOf);

describe('JSDoc @examples in src/', () => {
  it('there are examples to check', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it.each(all.map((e) => [`${relative(root, e.file)}:${e.line}`, e] as const))('%s', async (_name, ex) => {
    const own = (await import(pathToFileURL(ex.file).href)) as Record<string, unknown>;
    const scope: Record<string, unknown> = { ...lib, ...own };
    for (const l of ex.body) {
      const imp = /^\/\/ import\s+\{([^}]*)\}\s+from\s+['"]([^'"]+)['"]/.exec(l.trim());
      if (!imp) continue;
      const mod = (await import(imp[2] as string)) as Record<string, unknown>;
      for (const name of (imp[1] as string)
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean))
        scope[name] = mod[name];
    }
    const checks: { line: string; kind: string; expectedText: string }[] = [];
    // Lines of a call that spans several lines, waiting for the line that closes it.
    let pending: string[] = [];
    const balance = (t: string) => (t.match(/[([{]/g)?.length ?? 0) - (t.match(/[)\]}]/g)?.length ?? 0);
    const statements = ex.body.flatMap((raw) => {
      const m = CHECK.exec(raw.trim());
      if (!m) {
        pending.push(raw);
        if (balance(pending.join('\n')) > 0) return [];
        const done = pending;
        pending = [];
        return done;
      }
      const head = pending.join('\n');
      pending = [];
      let expectedText = expectedLiteral((m[3] as string).trim());
      let prefix = false;
      if (/,\s*…\s*\]$/.test(expectedText)) {
        expectedText = expectedText.replace(/,\s*…\s*\]$/, ']');
        prefix = true;
      }
      checks.push({ line: `${head ? `${head.trim()} ` : ''}${raw.trim()}`, kind: m[2] as string, expectedText });
      const i = checks.length - 1;
      return [`await __check(${i}, async () => (${head}${m[1]}), () => (${expectedText}), ${prefix});`];
    });
    const failures: string[] = [];
    const __check = async (i: number, actualFn: () => Promise<unknown>, expectedFn: () => unknown, prefix: boolean) => {
      const c = checks[i] as (typeof checks)[number];
      let actual: unknown;
      let expected: unknown;
      try {
        expected = expectedFn();
      } catch (e) {
        failures.push(`${c.line}\n    the expected value is not a JavaScript value (${(e as Error).message})`);
        return;
      }
      try {
        actual = await actualFn();
      } catch (e) {
        failures.push(`${c.line}\n    threw ${(e as Error).name}: ${(e as Error).message}`);
        return;
      }
      if (ArrayBuffer.isView(actual)) actual = Array.from(actual as unknown as ArrayLike<number>);
      if (prefix && Array.isArray(actual) && Array.isArray(expected)) actual = actual.slice(0, expected.length);
      const ok =
        c.kind === '≈'
          ? approxEqual(actual, expected, c.expectedText)
          : JSON.stringify(actual) === JSON.stringify(expected) &&
            (typeof expected !== 'number' || actual === expected);
      if (!ok) failures.push(`${c.line}\n    gives ${JSON.stringify(actual)}`);
    };
    const code = transpile(statements.join('\n'));
    const names = Object.keys(scope).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
    try {
      await new AsyncFunction(...names, '__check', code)(...names.map((k) => scope[k]), __check);
    } catch (e) {
      failures.push(`the example does not run: ${(e as Error).name}: ${(e as Error).message}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
