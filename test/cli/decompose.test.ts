import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { cli, tempDir } from '../helpers/cli.js';

// 2020: a 50, b 30, c 20 (sum 100), stated total 100.  2021: a 60, b 27, c 25 (sum 112), stated total 115.
// Contributions: a +10/100 = 0.1, b -0.03, c +0.05, residual (115-112) - 0 = +0.03; growth 0.15.
const CSV =
  'id,year,value\na,2020,50\nb,2020,30\nc,2020,20\ntotal,2020,100\na,2021,60\nb,2021,27\nc,2021,25\ntotal,2021,115\n';

describe('industry-metrics decompose', () => {
  it('decompose file.csv --format csv gives tidy rows whose contributions add up to the growth', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.csv'), CSV);
    const r = await cli(['decompose', 's.csv', '--format', 'csv'], dir);
    expect(r.code).toBe(0);
    const rows = csvParse(r.stdout);
    expect(rows.columns).toEqual(['sector', 'year', 'measure', 'value']);
    const c = rows.filter((x) => x.measure === 'contribution' && x.year === '2021');
    expect(c.map((x) => [x.sector, Number(x.value)])).toEqual([
      ['a', 0.1],
      ['b', -0.03],
      ['c', 0.05],
      ['(residual)', 0.03],
    ]);
    const growth = rows.find((x) => x.measure === 'growth');
    expect(Number(growth?.value)).toBeCloseTo(0.15, 14);
  });
  it('decompose big-data-sectors-example prints the table and the summary against the plan', async () => {
    const r = await cli(['decompose', 'big-data-sectors-example']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^sector\s+year\s+level \(CNY\s+total \(CNY\s+share %\s+contribution\s+share of\s+growth %\n/,
    );
    expect(r.stdout).toMatch(/data-resources\s+2021\s+0\.156\s+12\.49\s+3\.60\s+14\.44\n/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    // The summary wraps at 100 characters.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      "the sectors' sum grows 25.40% a year 2020-2025; the headline path 25.00%",
    );
    expect(r.stdout).toContain('target bd14.revenue-2025');
  });
  it('decompose <model> --out x.json writes the whole decomposition', async () => {
    const dir = tempDir();
    const r = await cli(['decompose', 'big-data-sectors-example', '--out', 'x.json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8'));
    expect(json.modelId).toBe('big-data-sectors-example');
    expect(json.totalCagr).toBeCloseTo(0.254023, 6);
  });
  it('a bad CSV cell exits 2 naming the file, row and field', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), 'id,year,value\na,2020,50\na,2021,x\n');
    const r = await cli(['decompose', 'bad.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.csv: row 3, field "value"');
  });
  it('mismatched units, a missing column, a missing sector-year or no argument exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'u.csv'), 'id,year,value,unit\na,2020,1,CNY billion\nb,2020,1,CNY trillion\n');
    writeFileSync(join(dir, 'h.csv'), 'id,value\na,1\n');
    writeFileSync(join(dir, 'm.csv'), 'id,year,value\na,2020,1\na,2021,2\nb,2020,1\n');
    const u = await cli(['decompose', 'u.csv'], dir);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('u.csv: row 3, field "unit"');
    expect((await cli(['decompose', 'h.csv'], dir)).stderr).toContain('no "year" column');
    expect((await cli(['decompose', 'm.csv'], dir)).stderr).toContain('"b" has no row for 2021');
    expect((await cli(['decompose'])).code).toBe(2);
    expect((await cli(['decompose', 'nope.csv'], dir)).code).toBe(2);
  });
});
