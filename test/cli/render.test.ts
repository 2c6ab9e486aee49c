import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cases } from '../charts/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'im-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    cwd: dir,
    stderrIsTTY: false,
  });
  return { code, out, err };
}

describe('industry-metrics render', () => {
  writeFileSync(join(dir, 'fan.vl.json'), JSON.stringify((cases[1] as (typeof cases)[number]).spec()));
  writeFileSync(join(dir, 'bad.vl.json'), JSON.stringify({ mark: 'nope' }));
  writeFileSync(join(dir, 'notjson.vl.json'), '{');

  it('render fan.vl.json --format svg --out fan.svg writes an SVG', async () => {
    const r = await cli('render', 'fan.vl.json', '--format', 'svg', '--out', 'fan.svg');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'fan.svg'), 'utf8')).toContain('P(exceeds RMB 3 trillion in 2025) = 62%');
  });
  it('render --out fan.png takes the format from the extension', async () => {
    const r = await cli('render', 'fan.vl.json', '--out', 'out/fan.png', '--scale', '1');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out/fan.png')).subarray(1, 4).toString()).toBe('PNG');
  });
  it('render --format html writes a self-contained page', async () => {
    const r = await cli('render', 'fan.vl.json', '--format', 'html', '--out', 'fan.html');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'fan.html'), 'utf8')).toContain('<title>Simulated range</title>');
  });
  it.each([
    [['render', 'bad.vl.json', '--out', 'x.svg'], /does not match the vega-lite v6 schema/],
    [['render', 'notjson.vl.json', '--out', 'x.svg'], /is not JSON/],
    [['render', 'missing.vl.json', '--out', 'x.svg'], /cannot read missing\.vl\.json/],
    [['render', 'fan.vl.json', '--format', 'tiff', '--out', 'x.tiff'], /--format must be one of svg, png, html, pdf/],
    [['render', 'fan.vl.json'], /--out FILE is required/],
    [['render'], /exactly one spec file/],
  ])('render %j exits 2 with a one-line reason', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
