// Every JSDoc @example in src/ is executed, and each claim (`expression; // => expected` or `// ≈ expected`; see
// test/helpers/claims.ts) must hold. Other lines of an example run as statements, in order, so an example can build what it needs.
// In scope: every public export, plus the exports of the file the example is in.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import * as lib from '../../src/index.js';
import { claimChecker, claimStatements } from '../helpers/claims.js';

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
    if (body.some((l) => l.trim() !== '')) out.push({ file, line, body: commentImports(body) });
  }
  return out;
}

/** Turns `import { a } from 'x'` lines into comments, resolved before the example runs (see the scope below). */
function commentImports(body: readonly string[]): string[] {
  return body.map((raw) => {
    const t = raw.trim();
    return /^import\s+\{[^}]*\}\s+from\s+['"][^'"]+['"];?$/.test(t) ? `// ${t}` : raw;
  });
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
    const { statements, claims } = claimStatements(ex.body, '__check');
    const failures: string[] = [];
    const __check = claimChecker(claims, failures);
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
