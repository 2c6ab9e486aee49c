import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { lognormalExceedance } from '../helpers/normal.js';

describe('--as-of on project and simulate', () => {
  it('project big-data-14th-fyp --as-of 2022 starts from RMB 1.57 trillion in 2022 and needs (3 / 1.57)^(1/3) - 1 = 24.1 % a year', async () => {
    const r = await cli(['project', 'big-data-14th-fyp', '--as-of', '2022', '--targets', '--format', 'csv']);
    expect(r.code).toBe(0);
    const plan = r.stdout.split('\n').find((l) => l.startsWith('big-data-14th-fyp,plan,bd14.revenue-2025'));
    const required = Number(plan?.split(',')[11]);
    expect(required).toBeCloseTo((3 / 1.57) ** (1 / 3) - 1, 12);
    const table = await cli(['project', 'big-data-14th-fyp', '--as-of', '2022']);
    expect(table.stdout).toContain(
      'As of 2022: starts from RMB 1.57 trillion in 2022 (obs.big-data.miit-2022; China Banking News, 2023-02-22',
    );
    const json = JSON.parse(
      (await cli(['project', 'big-data-14th-fyp', '--as-of', '2022', '--format', 'json'])).stdout,
    );
    expect(json.model.asOf).toEqual({ year: 2022, observation: 'obs.big-data.miit-2022', originalFromYear: 2020 });
  });
  it('simulate big-data-14th-fyp --as-of 2022 --format json: P matches the lognormal from 1.57 at 25 % (0.5998) within 4 standard errors', async () => {
    const r = await cli([
      'simulate',
      'big-data-14th-fyp',
      '--as-of',
      '2022',
      '--paths',
      '20000',
      '--seed',
      '4',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const t = json.targets[0];
    const exact = lognormalExceedance(1.57, 0.25, 0.05, 3, 3);
    expect(Math.abs(t.probability - exact)).toBeLessThan(4 * t.standardError);
    expect(json.settings.baseYear).toBe(2022);
    expect(t.basis).toMatch(/^rests on the 2022 observation RMB 1\.57 trillion/);
  });
  it('--as-of 2022.5 exits 2 with the reason; --as-of before any observation exits 2 naming the definition', async () => {
    const bad = await cli(['simulate', 'big-data-14th-fyp', '--as-of', '2022.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of must be a whole year (got "2022.5")');
    const early = await cli(['project', 'big-data-13th-fyp', '--as-of', '2016']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('no level observation on "big data industry, MIIT" between 2015 and 2016');
  });
});
