import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nowcast } from '../../src/scorecard/nowcast.js';
import { cli, tempDir } from '../helpers/cli.js';
import { runWithFonts } from '../helpers/fonts.js';

const fonts = runWithFonts('report.test.ts', 'the PNG checks of the report');

describe('industry-metrics report', () => {
  it('report big-data-14th-fyp --out DIR prints the summary and writes report.html with SVG, PNG and spec per chart', async () => {
    const dir = tempDir();
    const r = await cli(
      ['report', 'big-data-14th-fyp', '--out', 'out', '--paths', '2000', '--seed', '3', '--no-pdf'],
      dir,
    );
    if (fonts) expect(r.stderr).toBe('');
    else expect(r.stderr).toMatch(/^\d of 5 chart PNGs not written: the font files of fonts-noto-cjk .* are missing/);
    expect(r.code).toBe(0);
    // How the plans did comes first, then the model.
    expect(r.stdout.indexOf('How the plans did')).toBe(0);
    expect(r.stdout).toContain('More than RMB 3 trillion in 2025 (14th Five-Year Plan): off track');
    expect(r.stdout).toContain('P(exceeds RMB 3 trillion in 2025) = ');
    // The summary wraps at 100 characters, continuation lines under the text they continue.
    expect(r.stdout.split('\n').filter((l) => [...l].length > 100)).toEqual([]);
    // The nowcast from RMB 1.57 trillion in 2022 uses the run's --seed 3 and --paths 2000 (the manifest's).
    const p = nowcast({
      from: { year: 2022, value: 1.57, observation: 'obs.big-data.miit-2022' },
      target: { year: 2025, value: 3 },
      rate: 0.25,
      rateSource: 'plan',
      volatility: 0.05,
      paths: 2000,
      seed: 3,
    }).probability;
    // The summary wraps at 100 characters: compare its text with the line breaks read as spaces.
    expect(r.stdout.replace(/\s*\n\s*/g, ' ')).toContain(
      `(an assumption): ${(p * 100).toPrecision(3)}% at the plan's rate`,
    );
    // Scorecard, nowcast fan and the model's three charts, four files each.
    if (fonts) expect(r.stdout).toContain('Wrote out/report.html, out/report.xlsx and 20 chart files');
    else expect(r.stdout).toMatch(/Wrote out\/report\.html, out\/report\.xlsx and 1\d chart files/);
    for (const chart of ['trajectories', 'fan', 'distribution']) {
      for (const ext of ['svg', 'png', 'vl.json', 'csv']) {
        const f = join(dir, 'out', `big-data-14th-fyp-${chart}.${ext}`);
        if (ext === 'png' && !fonts && !existsSync(f)) continue;
        expect(existsSync(f), f).toBe(true);
        expect(fileLooksRight(f, ext), f).toBe(true);
      }
    }
    // The numbers behind the trajectories: names and units in the header, one row per scenario and year.
    const csv = readFileSync(join(dir, 'out', 'big-data-14th-fyp-trajectories.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('\uFEFFScenario,Year,Level (RMB trillion)');
    expect(csv[1]).toBe('plan,2020,1');
    expect(csv).toHaveLength(4 * 6 + 2);
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('By 2025, the estimated scale of the big data industry will exceed 3 trillion RMB');
  });

  it('bad options exit 2 with one line', async () => {
    const r = await cli(['report', 'big-data-14th-fyp', '--paths', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'industry-metrics report: --paths must be a whole number >= 1 (got "0"). For example --paths 20000 or --paths 2e4.\n',
    );
    const fr = await cli(['report', '--locale', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toMatch(/--locale must be en or zh \(got "fr"\)\./);
  });
});

/** Each format by its content: an SVG with text, a PNG of chart size, a Vega-Lite spec with data, a CSV with a header. */
function fileLooksRight(file: string, ext: string): boolean {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  switch (ext) {
    case 'svg':
      return text.startsWith('<svg') && text.includes('<text') && text.includes('RMB');
    case 'png':
      // Signature, then IHDR's width and height (big-endian at bytes 16 and 20).
      return bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(16) >= 600 && bytes.readUInt32BE(20) >= 300;
    case 'vl.json':
      // A schema and rows of data somewhere in the (possibly concatenated) spec.
      return (
        /vega-lite\/v6/.test((JSON.parse(text) as { $schema?: string }).$schema ?? '') && /"values": \[\s*\{/.test(text)
      );
    default:
      return text.startsWith('\uFEFF') && text.split('\n').length > 3;
  }
}
