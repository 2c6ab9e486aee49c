// The package as a user gets it: `npm pack` (which runs `prepare`, the build), installed from the tarball into an
// empty project, then imported from plain JavaScript, type-checked from TypeScript, and run as a command.
// Slow (tens of seconds: a build, an install, two type checks), so one set-up for all checks and long timeouts.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO as repo, cleanTempFolder, installTarball, packedTarball, run } from '../helpers/installedPackage.js';

const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const tsx = join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const deno = join(repo, 'node_modules', 'deno', 'deno');
const SETUP_MS = 400_000;
const STEP_MS = 120_000;

let work = '';
let app = '';

/** The heavy dependencies, loaded only by the functions that need them (src/internal/dependencies.ts). */
const HEAVY = ['mathjs', 'vega', 'vega-lite', 'vega-embed', '@resvg/resvg-js', 'ajv'];
const SPEC = "{ mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } }";

/** `node_modules/<package>/<file>` of a module URL or path, or null for the app's own files and builtins. */
function moduleOf(urlOrPath: string): { pkg: string; file: string } | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(urlOrPath);
  return m ? { pkg: m[1] as string, file: m[2] as string } : null;
}

beforeAll(() => {
  // A fresh folder with no node_modules above it, as on a new machine (cleanTempFolder checks the way up).
  work = cleanTempFolder('pack');
  app = join(work, 'app');
  installTarball(app, packedTarball(SETUP_MS / 2), { timeoutMs: SETUP_MS / 4 });
}, SETUP_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('industry-metrics installed from its tarball', () => {
  it(
    'a plain .mjs script imports it and computes cagr(1, 3, 5) = 3^(1/5) - 1',
    () => {
      writeFileSync(
        join(app, 'check.mjs'),
        [
          "import { cagr, series, formatQuantity, parseUnit, isMetricsError, compound } from 'industry-metrics';",
          'let code = null;',
          "try { cagr(0, 1, 1); } catch (e) { code = isMetricsError(e) ? e.code : 'not a MetricsError'; }",
          'console.log(JSON.stringify({',
          '  rate: cagr(1, 3, 5),',
          "  values: series({ id: 'bd', unit: 'CNY trillion', years: [2020, 2025], values: [1, 3] }).values,",
          "  text: formatQuantity({ value: compound(1, 0.25, 5), unit: parseUnit('CNY trillion') }),",
          '  code,',
          '}));',
        ].join('\n'),
      );
      const r = run('node', ['check.mjs'], { cwd: app, timeout: STEP_MS });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { rate: number; values: number[]; text: string; code: string };
      expect(out.rate).toBeCloseTo(3 ** 0.2 - 1, 15);
      expect(out.values).toEqual([1, 3]);
      expect(out.text).toBe('RMB 3.05 trillion');
      expect(out.code).toBe('invalid_argument');
    },
    STEP_MS,
  );

  it(
    'importing it for cagr loads one file of the package and none of mathjs, vega, vega-lite, resvg or ajv',
    () => {
      // ES modules are seen by a load hook (in its own thread, so it appends to a file); CommonJS ones (mathjs, ajv,
      // resvg are loaded through require) are in require.cache. Then the same process uses what loads each heavy
      // dependency, which shows the check can see them.
      writeFileSync(
        join(app, 'hooks.mjs'),
        [
          "import { appendFileSync } from 'node:fs';",
          'let out;',
          'export function initialize(data) { out = data.out; }',
          'export async function load(url, context, next) { appendFileSync(out, url + "\\n"); return next(url, context); }',
        ].join('\n'),
      );
      writeFileSync(
        join(app, 'register.mjs'),
        [
          "import { register } from 'node:module';",
          "register('./hooks.mjs', import.meta.url, { data: { out: process.env.LOADED_OUT } });",
        ].join('\n'),
      );
      writeFileSync(
        join(app, 'loaded.mjs'),
        [
          "import { readFileSync } from 'node:fs';",
          "import { createRequire } from 'node:module';",
          "import { cagr, compileExpression, svgToPng, toSvg, validateSpec, loadModel } from 'industry-metrics';",
          'const loaded = () => [...readFileSync(process.env.LOADED_OUT, "utf8").split("\\n").filter(Boolean), ...Object.keys(createRequire(import.meta.url).cache)];',
          'const rate = cagr(1, 3, 5);',
          'const atImport = loaded();',
          "compileExpression('t * 2').evaluate({ t: 1 });",
          "loadModel('big-data-14th-fyp');",
          `const svg = await toSvg(${SPEC});`,
          'svgToPng(svg);',
          'console.log(JSON.stringify({ rate, atImport, afterUse: loaded() }));',
        ].join('\n'),
      );
      const out = join(app, 'loaded.txt');
      writeFileSync(out, '');
      const r = run('node', ['--import', './register.mjs', 'loaded.mjs'], {
        cwd: app,
        timeout: STEP_MS,
        env: { ...process.env, LOADED_OUT: out },
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(r.stdout) as { rate: number; atImport: string[]; afterUse: string[] };
      expect(result.rate).toBeCloseTo(3 ** 0.2 - 1, 15);
      const at = result.atImport.map(moduleOf).filter((m) => m !== null);
      // The root entry is one bundled file (scripts/build-dist.mjs); its only dependencies at import are d3's.
      expect(at.filter((m) => m.pkg === 'industry-metrics').map((m) => m.file)).toEqual(['dist/index.js']);
      expect([...new Set(at.map((m) => m.pkg))].sort()).toEqual(['d3-array', 'd3-dsv', 'industry-metrics']);
      const after = new Set(result.afterUse.map(moduleOf).flatMap((m) => (m ? [m.pkg] : [])));
      for (const pkg of HEAVY.filter((p) => p !== 'vega-embed')) expect(after.has(pkg), pkg).toBe(true);
      expect(readFileSync(out, 'utf8')).toContain('/node_modules/vega/');
    },
    STEP_MS,
  );

  it(
    "require('industry-metrics') from a .cjs file gives every export, rendering included",
    () => {
      writeFileSync(
        join(app, 'check.cjs'),
        [
          "const im = require('industry-metrics');",
          "const expression = im.compileExpression('0.25 - 0.01 * (t - 2021)').evaluate({ t: 2023 });",
          "const model = im.loadModel('big-data-14th-fyp').id;",
          'let code = null;',
          "try { im.cagr(0, 1, 1); } catch (e) { code = e instanceof im.MetricsError ? e.code : 'not a MetricsError'; }",
          `im.toSvg(${SPEC}).then((svg) => {`,
          '  const png = im.svgToPng(svg);',
          '  console.log(JSON.stringify({ rate: im.cagr(1, 3, 5), expression, model, code, svg: svg.slice(0, 4), png: png.length > 100 }));',
          '});',
        ].join('\n'),
      );
      const r = run('node', ['check.cjs'], { cwd: app, timeout: STEP_MS });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        rate: 3 ** 0.2 - 1,
        expression: 0.23,
        model: 'big-data-14th-fyp',
        code: 'invalid_argument',
        svg: '<svg',
        png: true,
      });
    },
    STEP_MS,
  );

  it(
    'tsx runs a .ts script importing it in a folder without "type": "module" (the npm init default)',
    () => {
      // tsx compiles such a script to CommonJS, so the import becomes a require of the package.
      const folder = join(app, 'commonjs-project');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'commonjs-project', version: '1.0.0' }));
      writeFileSync(
        join(folder, 'a.ts'),
        [
          "import { cagr, loadModel, toSvg } from 'industry-metrics';",
          `toSvg(${SPEC}).then((svg) => console.log(JSON.stringify({ rate: cagr(1, 3, 5), model: loadModel('big-data-13th-fyp').id, svg: svg.slice(0, 4) })));`,
        ].join('\n'),
      );
      const r = run('node', [tsx, 'a.ts'], { cwd: folder, timeout: STEP_MS });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ rate: 3 ** 0.2 - 1, model: 'big-data-13th-fyp', svg: '<svg' });
    },
    STEP_MS,
  );

  it(
    'a .ts file importing it type-checks with tsc --strict, "types": [] (no Node globals), and a wrong type is caught',
    () => {
      writeFileSync(
        join(app, 'good.ts'),
        [
          "import { cagr, series, MetricsError, svgToPng, toPng, type Series, type Unit } from 'industry-metrics';",
          "const s: Series = series({ id: 'x', unit: 'CNY trillion', years: [2020, 2025], values: [1, 3] });",
          'const unit: Unit = s.unit;',
          'const rate: number = cagr(s.values[0] ?? 1, s.values[1] ?? 1, 5);',
          "const e: MetricsError = new MetricsError('degenerate', 'x');",
          '// Binary results are plain Uint8Arrays in the published types.',
          "const png: Uint8Array = svgToPng('<svg/>');",
          'const later: Promise<Uint8Array> = toPng({ mark: "point", data: { values: [] } });',
          'export const out = { rate, unit, code: e.code, png, later };',
        ].join('\n'),
      );
      // The same import with a deliberate error proves the types are real and not `any`.
      writeFileSync(
        join(app, 'bad.ts'),
        ["import { cagr } from 'industry-metrics';", 'export const rate: string = cagr(1, 3, 5);'].join('\n'),
      );
      // What a strict user's tsconfig.json without @types/node gives: no ambient types at all.
      const config = (file: string) => ({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: [],
        },
        files: [file],
      });
      writeFileSync(join(app, 'tsconfig.good.json'), JSON.stringify(config('good.ts')));
      writeFileSync(join(app, 'tsconfig.bad.json'), JSON.stringify(config('bad.ts')));
      const good = run('node', [tsc, '-p', 'tsconfig.good.json'], { cwd: app, timeout: STEP_MS });
      expect(good.stdout + good.stderr).toBe('');
      expect(good.code).toBe(0);
      const bad = run('node', [tsc, '-p', 'tsconfig.bad.json'], { cwd: app, timeout: STEP_MS });
      expect(bad.code).not.toBe(0);
      expect(bad.stdout).toContain("error TS2322: Type 'number' is not assignable to type 'string'.");
    },
    STEP_MS,
  );

  it(
    'Deno imports the installed package from node_modules and computes cagr(1, 3, 5)',
    () => {
      writeFileSync(join(app, 'deno.json'), JSON.stringify({ nodeModulesDir: 'manual' }));
      const r = run(
        deno,
        ['eval', "import { cagr } from 'industry-metrics'; console.log(JSON.stringify(cagr(1, 3, 5)));"],
        {
          cwd: app,
          timeout: STEP_MS,
          env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
        },
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(Number(r.stdout)).toBeCloseTo(3 ** 0.2 - 1, 15);
    },
    STEP_MS,
  );

  it(
    'simulate on 2 worker threads loads the compiled worker and gives the one-thread result bit for bit',
    () => {
      // 70 000 paths: the workers also count the quantiles of their blocks, merged in the calling thread.
      writeFileSync(
        join(app, 'workers.mjs'),
        [
          "import { simulate } from 'industry-metrics';",
          "const o = { baseYear: 2020, baseValue: 1, toYear: 2023, growth: [0.25, 0.25, 0.25], volatility: 0.1, paths: 70000, seed: 7, targets: [{ year: 2023, value: 1.9, comparator: 'atLeast' }] };",
          'const one = await simulate(o);',
          'const two = await simulate({ ...o, workers: 2 });',
          'console.log(JSON.stringify({ same: JSON.stringify(one.series) === JSON.stringify(two.series), p: two.targets[0].probability, workers: two.settings.workers, median: two.series[0].quantiles[2].values }));',
        ].join('\n'),
      );
      const r = run('node', ['workers.mjs'], { cwd: app, timeout: STEP_MS });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { same: boolean; p: number; workers: number; median: number[] };
      expect(out.same).toBe(true);
      expect(out.workers).toBe(2);
      // log L_2023 ~ N(3 log 1.25, 3 x 0.01): P(L >= 1.9) = 1 - Phi((log 1.9 - 3 log 1.25) / sqrt(0.03)) = 0.5633;
      // 4 standard errors of a proportion at 70 000 paths are 0.0075.
      expect(Math.abs(out.p - 0.5633)).toBeLessThan(0.0075);
      expect(out.median[2]).toBeCloseTo(1.953125, 1); // the median level is the plan path, 1.25^3
    },
    STEP_MS,
  );

  it(
    'the industry-metrics command runs --help',
    () => {
      const bin = join(app, 'node_modules', '.bin', 'industry-metrics');
      const r = run(bin, ['--help'], { cwd: app, timeout: STEP_MS });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: industry-metrics <command> [options]');
      expect(r.stdout).toContain('Commands:');
    },
    STEP_MS,
  );
});
