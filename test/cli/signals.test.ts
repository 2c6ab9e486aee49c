// Interrupts and failed writes leave no half-written output (issue 15, point 5). The CLI runs as a real
// process (node with tsx's loader), is sent SIGINT or SIGTERM while its 2 worker threads simulate, and must
// exit promptly with 130 or 143, leaving neither the output file nor any temporary file or folder; an old
// report folder stays as it was. The bound on the exit (5 s after the signal) is generous for a loaded
// machine: the workers see the stop flag within 50 ms.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const EXIT_BOUND_MS = 5000;

/**
 * Starts the CLI with its progress bar on (INDUSTRY_METRICS_PROGRESS=1); resolves once the bar shows a
 * simulated year done, so the workers are running and the signal lands mid-run.
 */
async function startCli(args: readonly string[], cwd: string): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd,
    env: { ...process.env, NODE_OPTIONS: '', INDUSTRY_METRICS_PROGRESS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  child.stdout?.resume();
  const t0 = Date.now();
  while (Date.now() - t0 < 90_000) {
    if (child.exitCode !== null) throw new Error(`the CLI ended before its simulation was under way: ${err}`);
    if (/simulating[^\n]*\] +[1-9]\d?%/.test(err)) return { child, stderr: () => err };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the CLI did not report progress within 90 s: ${err}`);
}

/** Sends `signal`, resolves with the exit code and the milliseconds it took to exit. */
function interrupt(child: ChildProcess, signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, ms: Date.now() - t0 }));
    child.kill(signal);
  });
}

/** Names in a folder that look like temporary output (`.name.<pid>.<count>.tmp`). */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.includes('.tmp.'));
}

describe('interrupting the CLI', () => {
  it('SIGINT to a 2-worker simulation with --out: exit 130 promptly, no output file, no temporary file', async () => {
    const dir = tempDir('im-sigint-');
    const { child, stderr } = await startCli(
      ['simulate', 'big-data-14th-fyp', '--paths', '1e7', '--workers', '2', '--out', 'sim.json'],
      dir,
    );
    const r = await interrupt(child, 'SIGINT');
    expect(r.code, stderr()).toBe(130);
    expect(r.ms).toBeLessThan(EXIT_BOUND_MS);
    expect(stderr()).toMatch(/SIGINT received, stopping/);
    expect(existsSync(join(dir, 'sim.json'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('SIGTERM to a report mid-run: exit 143 promptly, the old report folder unchanged, no temporary folder', async () => {
    const dir = tempDir('im-sigterm-');
    mkdirSync(join(dir, 'rep'));
    writeFileSync(join(dir, 'rep', 'report.html'), 'the old report');
    const { child, stderr } = await startCli(
      ['report', 'big-data-14th-fyp', '--paths', '1e7', '--workers', '2', '--out', 'rep'],
      dir,
    );
    const r = await interrupt(child, 'SIGTERM');
    expect(r.code, stderr()).toBe(143);
    expect(r.ms).toBeLessThan(EXIT_BOUND_MS);
    expect(readdirSync(join(dir, 'rep'))).toEqual(['report.html']);
    expect(readFileSync(join(dir, 'rep', 'report.html'), 'utf8')).toBe('the old report');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('interrupting a report while it writes its folder', () => {
  it('SIGINT once the temporary report folder exists: exit 130, the old folder unchanged, nothing temporary left', async () => {
    const dir = tempDir('im-sigwrite-');
    mkdirSync(join(dir, 'rep'));
    writeFileSync(join(dir, 'rep', 'report.html'), 'the old report');
    const child = spawn(
      process.execPath,
      ['--import', TSX, MAIN, 'report', 'big-data-14th-fyp', '--paths', '2000', '--no-pdf', '--out', 'rep'],
      { cwd: dir, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    // The charts are drawn into `.rep.<pid>.<count>.tmp` before anything is written under `rep`.
    const t0 = Date.now();
    while (leftovers(dir).length === 0) {
      if (child.exitCode !== null || Date.now() - t0 > 90_000) {
        child.kill('SIGKILL');
        throw new Error(`no temporary report folder appeared before the report ended: ${err}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = await interrupt(child, 'SIGINT');
    expect(r.code, err).toBe(130);
    expect(r.ms).toBeLessThan(EXIT_BOUND_MS);
    expect(readdirSync(join(dir, 'rep'))).toEqual(['report.html']);
    expect(readFileSync(join(dir, 'rep', 'report.html'), 'utf8')).toBe('the old report');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a write that fails leaves nothing behind', () => {
  it('--out under a file (not a folder) exits 2 with one line naming the path, and no temporary file', async () => {
    const dir = tempDir('im-outfail-');
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const r = await cli(['models', '--out', 'blocker/models.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^industry-metrics models: cannot write blocker\/models\.csv \(got E[A-Z]+\)/);
    expect(leftovers(dir)).toEqual([]);
  });
  it('--out replaces an existing file only when the new one is complete', async () => {
    const dir = tempDir('im-outok-');
    writeFileSync(join(dir, 'models.csv'), 'old');
    const r = await cli(['models', '--out', 'models.csv'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'models.csv'), 'utf8')).toMatch(/^id,years,title,origin,status\n/);
    expect(leftovers(dir)).toEqual([]);
  });
});
