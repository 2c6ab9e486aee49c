// The package as a user gets it: `npm pack` (which runs `prepare`, the build), installed from the tarball into an
// empty project, then imported from plain JavaScript, type-checked from TypeScript, and run as a command.
// Slow (tens of seconds: a build, an install, two type checks), so one set-up for all checks and long timeouts.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO as repo, cleanTempFolder, installTarball, packedTarball, run } from '../helpers/installedPackage.js';

const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const deno = join(repo, 'node_modules', 'deno', 'deno');
const SETUP_MS = 400_000;
const STEP_MS = 120_000;

let work = '';
let app = '';

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
