// The README and docs run as printed: every TypeScript and shell snippet of README.md, CONTRIBUTING.md and docs/*.md
// (see test/docs/snippets.ts for how blocks are found and flagged) runs in a fresh project folder where the packed
// tarball is installed (`clone` shell snippets in this repository), and must exit 0 (TypeScript ones with nothing on
// stderr); the claims in TypeScript snippets (`expression; // => value`, `// ≈ value`; test/helpers/claims.ts) must
// hold. So a snippet can only use what it imports, files the package ships and files it makes itself. The TypeScript
// snippets run one after the other in one process (each its own module, in its own project folder); shell snippets each
// in their own bash, in their own project folder.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimStatements } from '../helpers/claims.js';
import { runWithFonts } from '../helpers/fonts.js';
import { childEnv, cleanTempFolder, installTarball, packedTarball, REPO } from '../helpers/installedPackage.js';
import { asSnippet, blocks, type Snippet } from './snippets.js';

const SETUP_MS = 400_000;
const RUN_MS = 240_000;
/** At most this many snippets are excluded (each says why); the test prints them. */
const MAX_NOT_RUN = 8;
const tsx = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const claimsUrl = pathToFileURL(join(REPO, 'test', 'helpers', 'claims.ts')).href;
const JUPYTER = '/usr/bin/jupyter';
const inCi = process.env['CI'] === 'true';

const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const all = DOCS.flatMap((f) => blocks(REPO, f));
const snippets = all.map(asSnippet).filter((s): s is Snippet => s !== null);
const runnable = snippets.filter((s) => s.notRun === undefined);
const name = (s: { file: string; line: number }) => `${s.file}:${s.line}`;
const slug = (s: { file: string; line: number }) => `${s.file.replace(/[/.]/g, '-')}-${s.line}`;

let work = '';
let app = '';

beforeAll(() => {
  work = cleanTempFolder('snippets');
  app = join(work, 'project');
  installTarball(app, packedTarball(SETUP_MS / 2), { timeoutMs: SETUP_MS / 4 });
}, SETUP_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs a program; resolves with its exit code and output, never rejects. */
async function run(
  file: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, [...args], {
      cwd,
      env: childEnv(),
      timeout: RUN_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof err.code === 'number' ? err.code : -1,
      stdout: err.stdout ?? '',
      stderr: err.stderr || err.message,
    };
  }
}

/**
 * A fresh project folder for one snippet, as a user's project with the package installed: its own package.json,
 * and the one install's node_modules (linked, so that installing once serves every snippet).
 */
function freshProject(folder: string): string {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(app, 'package.json'), join(folder, 'package.json'));
  symlinkSync(join(app, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return folder;
}

/** At most two snippets run at a time (the machine has two cores, shared with the rest of the suite). */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  while (running >= 2) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The snippet's code with its claims turned into checks that record failures for the runner. */
function checkedTypeScript(s: Snippet): string {
  const { statements, claims } = claimStatements(s.code.split('\n'), '__check');
  return [
    ...statements,
    '',
    `import { claimChecker as __claimChecker } from ${JSON.stringify(claimsUrl)};`,
    'function __check(i: number, actual: () => Promise<unknown>, expected: () => unknown): Promise<void> {',
    `  return __claimChecker(${JSON.stringify(claims)}, (globalThis as any).__snippetFailures)(i, actual, expected);`,
    '}',
    '',
  ].join('\n');
}

const DRIVER = `// Imports each snippet in turn, in its own folder, and writes what failed.
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
const [out, ...files] = process.argv.slice(2);
const results = [];
process.on('unhandledRejection', (e) => globalThis.__snippetFailures.push('unhandled rejection: ' + (e?.stack ?? e)));
for (const file of files) {
  globalThis.__snippetFailures = [];
  process.chdir(dirname(file));
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    globalThis.__snippetFailures.push('does not run: ' + (e?.stack ?? e));
  }
  results.push({ file, failures: globalThis.__snippetFailures });
}
process.chdir(dirname(out));
writeFileSync(out, JSON.stringify(results));
`;

describe('code blocks of README.md, CONTRIBUTING.md and docs/', () => {
  it('every code block names its language (ts, sh, json, text, …)', () => {
    expect(all.filter((b) => b.info === '').map(name)).toEqual([]);
  });

  it(`snippets that are not run say why, and there are at most ${MAX_NOT_RUN}`, () => {
    const notRun = snippets.filter((s) => s.notRun !== undefined);
    console.log(
      `${runnable.length} snippets run as printed; ${notRun.length} not run:\n${notRun.map((s) => `  ${name(s)}: ${s.notRun}`).join('\n')}`,
    );
    expect(notRun.length).toBeLessThanOrEqual(MAX_NOT_RUN);
    expect(runnable.length).toBeGreaterThan(30);
  });

  it('a not-run comment is only used before a TypeScript or shell snippet', () => {
    const misplaced = all.filter((b) => b.notRun !== undefined && asSnippet(b) === null);
    expect(misplaced.map(name)).toEqual([]);
  });
});

const tsSnippets = runnable.filter((s) => s.language === 'ts');
const tsPages = [...new Set(tsSnippets.map((s) => s.file))];

/**
 * Every TypeScript snippet, each in its own project folder, imported one after the other by one tsx process (one
 * start-up and one load of the package instead of one per page). Started by the first test that needs it.
 */
let tsRun: Promise<{ run: Awaited<ReturnType<typeof run>>; failures: Map<Snippet, string[]> }> | undefined;
function runTypeScript() {
  tsRun ??= (async () => {
    const dir = join(app, 'snippets');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = tsSnippets.map((s) => {
      const folder = freshProject(join(dir, slug(s)));
      writeFileSync(join(folder, 'snippet.ts'), checkedTypeScript(s));
      return join(folder, 'snippet.ts');
    });
    writeFileSync(join(dir, 'run.mjs'), DRIVER);
    const out = join(dir, 'results.json');
    const r = await slot(() => run('node', [tsx, join(dir, 'run.mjs'), out, ...files], dir));
    const results = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { failures: string[] }[]) : [];
    return { run: r, failures: new Map(tsSnippets.map((s, i) => [s, results[i]?.failures ?? ['did not run']])) };
  })();
  return tsRun;
}

describe('TypeScript snippets run as printed, in a project with the package installed, and their claims hold', () => {
  it(
    'they run to the end and write nothing on stderr',
    async () => {
      const { run: r } = await runTypeScript();
      expect(r.stderr).toBe('');
      expect(r.code, r.stderr).toBe(0);
    },
    RUN_MS,
  );

  it.concurrent.each(tsPages)(
    '%s',
    async (page) => {
      const { failures } = await runTypeScript();
      const failed = tsSnippets
        .filter((s) => s.file === page)
        .flatMap((s) => (failures.get(s) ?? []).map((f) => `${name(s)}: ${f.split('\n').slice(0, 6).join('\n')}`));
      expect(failed, failed.join('\n\n')).toEqual([]);
    },
    RUN_MS,
  );
});

const shell = runnable.filter((s) => s.language === 'sh');

/**
 * `npx <bin>` of a package installed in the project runs `node_modules/.bin/<bin>`, as npx itself does, without
 * npm's own start-up (about a second a call on a loaded machine, and the docs have dozens); anything else goes to
 * npx.
 */
const NPX =
  'npx() { if [ -x "node_modules/.bin/$1" ]; then local bin="node_modules/.bin/$1"; shift; "$bin" "$@"; else command npx "$@"; fi; }';

describe('shell snippets run as printed (in a project with the package installed, or `clone` ones in this repository)', () => {
  it.concurrent.each(shell.map((s) => [name(s), s] as const))(
    '%s',
    async (_, s) => {
      if (/\bjupyter\b/.test(s.code) && !existsSync(JUPYTER)) {
        if (inCi) throw new Error(`${JUPYTER} is missing: run scripts/setup-system.sh`);
        console.warn(`${name(s)}: skipped, ${JUPYTER} is not installed (scripts/setup-system.sh installs it)`);
        return;
      }
      // A PNG asked for by name needs the chart fonts (the report alone leaves a PNG out, with a note).
      if (/\.png\b/.test(s.code) && !runWithFonts(name(s), 'this snippet, which writes a PNG')) return;
      const cwd = s.where === 'project' ? freshProject(join(app, 'shell', slug(s))) : REPO;
      const r = await slot(() => run('bash', ['-e', '-o', 'pipefail', '-c', `${NPX}\n${s.code}`], cwd));
      // Commands may write progress and "wrote <file>" on stderr: the exit code is what counts.
      expect(r.code, `${s.code}\n--- stderr:\n${r.stderr.slice(-3000)}\n--- stdout:\n${r.stdout.slice(-2000)}`).toBe(0);
    },
    RUN_MS,
  );
});
