import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';
import { loadModel } from '../../src/model/loadModel.js';
import { normalCdf } from '../simulate/normalCdf.js';

describe('industry-metrics simulate', () => {
  it('simulate big-data-14th-fyp --format json: P(target) matches the lognormal closed form within 4 standard errors', async () => {
    const m = loadModel('big-data-14th-fyp');
    expect(m.path.type).toBe('cagr');
    const rate = m.path.type === 'cagr' ? m.path.rate.value : NaN;
    const sigma = m.uncertainty!.volatility.value;
    const T = m.toYear - m.fromYear;
    const target = m.targets[0]!;
    const r = await cli([
      'simulate',
      'big-data-14th-fyp',
      '--paths',
      '20000',
      '--seed',
      '5',
      '--quantiles',
      '0.1,0.5,0.9',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.model).toBe('big-data-14th-fyp');
    expect(json.settings).toMatchObject({ seed: 5, paths: 20000 });
    expect(json.years).toHaveLength(T);
    expect(Object.keys(json.years[0].quantiles)).toEqual(['0.1', '0.5', '0.9']);
    // ln L_T ~ N(ln base + T ln(1 + rate), T sigma^2): P(L_T > target) = 1 - Phi((ln target - mu) / (sigma sqrt T))
    const mu = Math.log(m.base.value) + T * Math.log(1 + rate);
    const p = 1 - normalCdf((Math.log(target.value) - mu) / (sigma * Math.sqrt(T)));
    const got = json.targets[0];
    expect(got.id).toBe(target.id);
    expect(Math.abs(got.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 20000));
    // the median of the last year is the plan level base (1 + rate)^T
    expect(Math.abs(json.years[T - 1].quantiles['0.5'] / Math.exp(mu) - 1)).toBeLessThan(0.01);
  });

  it('simulate and project say when the plan probability is 50 % by construction, and the plan does not miss its own target by 1e-14', async () => {
    const r = await cli(['simulate', 'big-data-13th-fyp', '--paths', '2000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'bd13.revenue-2020: 50% by construction: the 2015 base is back-cast from bd13.revenue-2020',
    );
    const json = JSON.parse(
      (await cli(['simulate', 'big-data-13th-fyp', '--paths', '500', '--format', 'json'])).stdout,
    );
    expect(json.targets[0].basis).toMatch(/^50% by construction/);
    const other = JSON.parse(
      (await cli(['simulate', 'big-data-14th-fyp', '--paths', '500', '--format', 'json'])).stdout,
    );
    expect(other.targets[0].basis).toMatch(
      /^rests on a 2020 level of RMB 1 trillion taken at the floor of "more than RMB 1 trillion" \(bd14\.revenue-2020\)/,
    );
    const p = await cli(['project', 'big-data-13th-fyp']);
    expect(p.stdout).toMatch(
      /plan\s+bd13\.revenue-2020\s+2020\s+>\s+1\.000\s+1\.000\s+by construction\s+0\.0\s+30\.00\s+30\.00\n/,
    );
    expect(p.stdout).not.toContain('e-14');
  });

  it('the same seed prints the same table on 1 and 2 workers', async () => {
    const a = await cli(['simulate', 'big-data-14th-fyp', '--paths', '3000']);
    const b = await cli(['simulate', 'big-data-14th-fyp', '--paths', '3000', '--workers', '2']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/year\s+mean\s+sd\s+q05\s+q25\s+q50\s+q75\s+q95/);
    expect(a.stdout).toContain('Probability of meeting each target');
    expect(b.stdout).toBe(a.stdout);
  });

  it('--format csv gives long rows and the targets as "probability" rows; --out writes a file', async () => {
    const dir = tempDir();
    const r = await cli(
      ['simulate', 'big-data-14th-fyp', '--paths', '500', '--quantiles', '0.5', '--format', 'csv', '--out', 'sim.csv'],
      dir,
    );
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'sim.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('series,year,statistic,quantile,value');
    expect(csv[1]).toMatch(/^big-data-14th-fyp,2021,quantile,0\.5,/);
    expect(csv.at(-1)).toMatch(/^bd14\.revenue-2025,2025,probability,,/);
  });

  it('--quantiles 10,50,90 (percent) equals --quantiles 0.1,0.5,0.9; a mix is refused', async () => {
    const base = ['simulate', 'big-data-14th-fyp', '--paths', '300', '--seed', '4', '--format', 'csv'];
    const a = await cli([...base, '--quantiles', '0.1,0.5,0.9']);
    const b = await cli([...base, '--quantiles', '10,50,90']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const c = await cli([...base, '--quantiles', '0.1,50']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/--quantiles: the quantile list mixes fractions and percent/);
  });

  it('bad options exit 2 with a one-line message', async () => {
    for (const argv of [
      ['--paths', 'lots'],
      ['--quantiles', '0.5,2'],
      ['--workers', '0'],
      ['--scenario', 'nope'],
    ]) {
      const r = await cli(['simulate', 'big-data-14th-fyp', ...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await cli(['simulate'])).code).toBe(2);
  });
});
