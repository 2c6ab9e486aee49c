// The package as a user gets it: `npm pack` (which runs `prepare`, the build), installed from the tarball into an
// empty project, then imported from plain JavaScript, type-checked from TypeScript, and run as a command.
// Slow (tens of seconds: a build, an install, two type checks), so one set-up for all checks and long timeouts.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
const SETUP_MS = 400_000;
const STEP_MS = 120_000;

/** The environment for child npm processes: the user's npm config, without the variables of an enclosing `npm run`. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') && !k.startsWith('npm_config_')) continue;
    env[k] = v;
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1' };
}

interface Run { code: number; stdout: string; stderr: string }

/** Runs a program and returns its exit code and output instead of throwing on a non-zero exit. */
function run(file: string, args: readonly string[], options: ExecFileSyncOptions): Run {
  try {
    const stdout = execFileSync(file, args, { ...options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }) as string;
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status?: number | null; stdout?: string | Buffer; stderr?: string | Buffer; message: string };
    return { code: err.status ?? -1, stdout: String(err.stdout ?? ''), stderr: String(err.stderr ?? err.message) };
  }
}

let work = '';
let app = '';
let tarball = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'industry-metrics-pack-'));
  app = join(work, 'app');
  mkdirSync(app);
  const env = childEnv();

  // npm pack runs the `prepare` script, which builds dist/ first, so the tarball is never stale.
  const pack = run('npm', ['pack', '--pack-destination', work], { cwd: repo, env, timeout: SETUP_MS / 2 });
  if (pack.code !== 0) {
    throw new Error(`npm pack failed (exit ${pack.code}); a type error in src/ stops the build:\n${pack.stderr.slice(-4000)}\n${pack.stdout.slice(-2000)}`);
  }
  const tgz = readdirSync(work).filter((f) => f.endsWith('.tgz'));
  if (tgz.length !== 1) throw new Error(`expected one tarball in ${work}, found ${JSON.stringify(tgz)}`);
  tarball = join(work, tgz[0] as string);

  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'pack-test-app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  // The runtime dependencies are in the npm cache after the project's own install; fall back to the registry.
  const installArgs = ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball];
  let install = run('npm', [...installArgs, '--offline'], { cwd: app, env, timeout: SETUP_MS / 4 });
  if (install.code !== 0) install = run('npm', installArgs, { cwd: app, env, timeout: SETUP_MS / 4 });
  if (install.code !== 0) throw new Error(`npm install of the tarball failed (exit ${install.code}):\n${install.stderr.slice(-4000)}`);
}, SETUP_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('industry-metrics installed from its tarball', () => {
  it('a plain .mjs script imports it and computes cagr(1, 3, 5) = 3^(1/5) - 1', () => {
    writeFileSync(join(app, 'check.mjs'), [
      "import { cagr, series, formatQuantity, parseUnit, isMetricsError, compound } from 'industry-metrics';",
      'let code = null;',
      "try { cagr(0, 1, 1); } catch (e) { code = isMetricsError(e) ? e.code : 'not a MetricsError'; }",
      'console.log(JSON.stringify({',
      '  rate: cagr(1, 3, 5),',
      "  values: series({ id: 'bd', unit: 'CNY trillion', years: [2020, 2025], values: [1, 3] }).values,",
      "  text: formatQuantity({ value: compound(1, 0.25, 5), unit: parseUnit('CNY trillion') }),",
      '  code,',
      '}));',
    ].join('\n'));
    const r = run('node', ['check.mjs'], { cwd: app, timeout: STEP_MS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { rate: number; values: number[]; text: string; code: string };
    expect(out.rate).toBeCloseTo(3 ** 0.2 - 1, 15);
    expect(out.values).toEqual([1, 3]);
    expect(out.text).toBe('RMB 3.05 trillion');
    expect(out.code).toBe('invalid_argument');
  }, STEP_MS);

  it('a .ts file importing it type-checks with tsc --strict under nodenext, and a wrong type is caught', () => {
    writeFileSync(join(app, 'good.ts'), [
      "import { cagr, series, MetricsError, type Series, type Unit } from 'industry-metrics';",
      "const s: Series = series({ id: 'x', unit: 'CNY trillion', years: [2020, 2025], values: [1, 3] });",
      'const unit: Unit = s.unit;',
      'const rate: number = cagr(s.values[0] ?? 1, s.values[1] ?? 1, 5);',
      "const e: MetricsError = new MetricsError('degenerate', 'x');",
      'export const out = { rate, unit, code: e.code };',
    ].join('\n'));
    // The same import with a deliberate error proves the types are real and not `any`.
    writeFileSync(join(app, 'bad.ts'), [
      "import { cagr } from 'industry-metrics';",
      'export const rate: string = cagr(1, 3, 5);',
    ].join('\n'));
    const flags = ['--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--strict'];
    const good = run('node', [tsc, ...flags, 'good.ts'], { cwd: app, timeout: STEP_MS });
    expect(good.stdout + good.stderr).toBe('');
    expect(good.code).toBe(0);
    const bad = run('node', [tsc, ...flags, 'bad.ts'], { cwd: app, timeout: STEP_MS });
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain("error TS2322: Type 'number' is not assignable to type 'string'.");
  }, STEP_MS);

  it('simulate on 2 worker threads loads the compiled worker and gives the one-thread result bit for bit', () => {
    // 70 000 paths: the workers also count the quantiles of their blocks, merged in the calling thread.
    writeFileSync(join(app, 'workers.mjs'), [
      "import { simulate } from 'industry-metrics';",
      "const o = { baseYear: 2020, baseValue: 1, toYear: 2023, growth: [0.25, 0.25, 0.25], volatility: 0.1, paths: 70000, seed: 7, targets: [{ year: 2023, value: 1.9, comparator: 'atLeast' }] };",
      'const one = await simulate(o);',
      'const two = await simulate({ ...o, workers: 2 });',
      'console.log(JSON.stringify({ same: JSON.stringify(one.series) === JSON.stringify(two.series), p: two.targets[0].probability, workers: two.settings.workers, median: two.series[0].quantiles[2].values }));',
    ].join('\n'));
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
  }, STEP_MS);

  it('the industry-metrics command runs --help', () => {
    const bin = join(app, 'node_modules', '.bin', 'industry-metrics');
    const r = run(bin, ['--help'], { cwd: app, timeout: STEP_MS });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: industry-metrics <command> [options]');
    expect(r.stdout).toContain('Commands:');
  }, STEP_MS);
});
