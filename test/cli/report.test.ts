import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';

describe('industry-metrics report', () => {
  it('report big-data-14th-fyp --out DIR prints the summary and writes report.html with SVG, PNG and spec per chart', async () => {
    const dir = tempDir();
    const r = await cli(['report', 'big-data-14th-fyp', '--out', 'out', '--paths', '2000', '--seed', '3'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('P(exceeds RMB 3 trillion in 2025) = ');
    expect(r.stdout).toContain('Wrote out/report.html and 9 chart files');
    for (const chart of ['trajectories', 'fan', 'distribution']) {
      for (const ext of ['svg', 'png', 'vl.json']) {
        const f = join(dir, 'out', `big-data-14th-fyp-${chart}.${ext}`);
        expect(existsSync(f), f).toBe(true);
        expect(statSync(f).size).toBeGreaterThan(1000);
      }
    }
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('By 2025, the estimated scale of the big data industry will exceed 3 trillion RMB');
  });

  it('bad options exit 2 with one line', async () => {
    const r = await cli(['report', 'big-data-14th-fyp', '--paths', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'industry-metrics report: --paths must be a whole number >= 1 (got "0"). For example --paths 20000 or --paths 2e4.\n',
    );
    expect((await cli(['report', '--locale', 'fr'])).code).toBe(2);
  });
});
