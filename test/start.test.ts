// `npm start` is one of the README's two commands: run it exactly as a user would.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWithFonts } from './helpers/fonts.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const fonts = runWithFonts(
  'start.test.ts',
  'the PNG files (the report writes the others and says which PNGs it left out)',
);

describe('npm start', () => {
  it('runs the main job on every built-in model and writes out/report.html with SVG, PNG and spec per chart', () => {
    const r = spawnSync('npm', ['start', '--silent'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const models = readdirSync(join(root, 'models'))
      .filter((f) => f.endsWith('.model.json'))
      .map((f) => f.replace('.model.json', ''));
    for (const id of models) expect(r.stdout).toContain(`[${id}]`);
    expect(r.stdout).toContain(
      'implied: 2015 level = more than RMB 259 billion (for growth up to 31%); no upper bound',
    );
    expect(r.stdout).toMatch(/Sourced industries side by side\n/);
    expect(r.stdout).toMatch(/Information industry +2015 +RMB 17\.1 trillion/);
    expect(r.stdout).toMatch(/P\(exceeds RMB 3 trillion in 2025\) = \d/);
    // The main job opens with how the plans did.
    expect(r.stdout).toMatch(
      /^How the plans did \(figures published up to \d{4}\)\n {2}More than RMB 1 trillion in 2020 \(13th Five-Year Plan\): met/,
    );
    expect(r.stdout).toMatch(/Wrote out\/report\.html, out\/report\.xlsx(, out\/report\.pdf)? and \d+ chart files/);
    const html = readFileSync(join(root, 'out', 'report.html'), 'utf8');
    expect(html).toContain('data-ready');
    expect(html.indexOf('How the plans did')).toBeLessThan(
      html.indexOf('Big data industry, 13th Five-Year Plan (2015–2020)'),
    );
    for (const chart of [
      'big-data-14th-fyp-fan',
      'big-data-sectors-example-contributions',
      'cybersecurity-2021-2023-trajectories',
    ]) {
      for (const ext of fonts ? ['svg', 'png', 'vl.json'] : ['svg', 'vl.json'])
        expect(existsSync(join(root, 'out', `${chart}.${ext}`)), `${chart}.${ext}`).toBe(true);
    }
    if (fonts) expect(r.stderr).not.toContain('PNGs not written');
    else expect(r.stderr).toMatch(/\d+ of \d+ chart PNGs not written: the font files of .* are missing/);
  }, 300_000);
});
