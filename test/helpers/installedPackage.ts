// The package as a user gets it, shared by the tests that need it (test/package, test/notebooks):
// `npm pack` once per content of the package (several test files may ask at the same time: a lock folder
// makes one of them build while the others wait), and installs of the tarball into fresh folders under a
// temporary root with no `node_modules` in any folder above it (a stray /tmp/node_modules/@types would
// otherwise make type checks pass here and fail on a clean machine).
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = join(REPO, 'test', '__output__');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program and returns its exit code and output instead of throwing on a non-zero exit. */
export function run(file: string, args: readonly string[], options: ExecFileSyncOptions): Run {
  try {
    const stdout = execFileSync(file, args, {
      ...options,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    }) as string;
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status?: number | null; stdout?: string | Buffer; stderr?: string | Buffer; message: string };
    return { code: err.status ?? -1, stdout: String(err.stdout ?? ''), stderr: String(err.stderr ?? err.message) };
  }
}

/** The environment for child npm processes: the user's npm config, without the variables of an enclosing `npm run`. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') && !k.startsWith('npm_config_')) continue;
    env[k] = v;
  }
  return {
    ...env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    NO_COLOR: '1',
    ...extra,
  };
}

/** The folders above `dir` (and `dir` itself) that hold a node_modules, nearest first. */
export function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) found.push(join(d, 'node_modules'));
    if (dirname(d) === d) return found;
  }
}

/**
 * A new empty folder under the system's temporary folder, checked to have no node_modules on the way up, as on a
 * fresh machine. Throws with what to remove when one is found.
 */
export function cleanTempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `industry-metrics-${prefix}-`));
  const above = nodeModulesAbove(dir);
  if (above.length > 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `${above.join(', ')} exists above the temporary folder ${dir}: a user's machine has none, and TypeScript and ` +
        'Node would pick packages up from it. Remove it, or run the tests with TMPDIR set to a new empty folder.',
    );
  }
  return dir;
}

/** Files whose content goes into the tarball (and so decides whether a packed one can be reused). */
function packageInputs(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  for (const d of ['src', 'models', 'seeds']) walk(join(REPO, d));
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'BENCHMARKS.md'])
    files.push(join(REPO, f));
  return files.filter((f) => existsSync(f)).sort();
}

function contentKey(): string {
  const hash = createHash('sha256');
  for (const f of packageInputs()) hash.update(relative(REPO, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The path of a tarball made by `npm pack` (which runs `prepare`, the build) from the repository as it is now.
 * Made once per content: later calls, from this process or another test file, reuse it.
 */
export function packedTarball(timeoutMs = 300_000): string {
  const key = contentKey();
  const dir = join(OUTPUT, `pack-${key}`);
  const done = join(dir, 'done');
  const lock = join(OUTPUT, 'pack.lock');
  mkdirSync(OUTPUT, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(done)) return join(dir, readFileSync(done, 'utf8').trim());
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is packing; a lock older than the time-out was left by a killed run.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > timeoutMs)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`packedTarball: ${lock} held for over ${timeoutMs} ms; remove it if no test is running`);
      sleep(500);
    }
  }
  try {
    if (existsSync(done)) return join(dir, readFileSync(done, 'utf8').trim());
    for (const old of readdirSync(OUTPUT))
      if (old.startsWith('pack-')) rmSync(join(OUTPUT, old), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pack = run('npm', ['pack', '--pack-destination', dir], { cwd: REPO, env: childEnv(), timeout: timeoutMs });
    if (pack.code !== 0) {
      throw new Error(
        `npm pack failed (exit ${pack.code}); a type error in src/ stops the build:\n${pack.stderr.slice(-4000)}\n${pack.stdout.slice(-2000)}`,
      );
    }
    const tgz = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
    if (tgz.length !== 1) throw new Error(`expected one tarball in ${dir}, found ${JSON.stringify(tgz)}`);
    writeFileSync(done, tgz[0] as string);
    return join(dir, tgz[0] as string);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs the tarball into `app` (made if missing) as a user's project would: a package.json of its own
 * (`type: module` unless told otherwise), the runtime dependencies from the npm cache or the registry.
 */
export function installTarball(app: string, tarball: string, { module = true, timeoutMs = 200_000 } = {}): void {
  mkdirSync(app, { recursive: true });
  const manifest = {
    name: 'industry-metrics-user',
    version: '1.0.0',
    private: true,
    ...(module ? { type: 'module' } : {}),
  };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const args = ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball];
  let install = run('npm', [...args, '--offline'], { cwd: app, env: childEnv(), timeout: timeoutMs });
  if (install.code !== 0) install = run('npm', args, { cwd: app, env: childEnv(), timeout: timeoutMs });
  if (install.code !== 0)
    throw new Error(`npm install of the tarball failed (exit ${install.code}):\n${install.stderr.slice(-4000)}`);
}
