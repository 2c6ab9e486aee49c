// Box-Cox transformations against R's forecast package 8.20 (R 4.2.2): test/forecast/fixtures/r-boxcox.csv, made
// by scripts/r/boxcox-reference.R on every 40th M3 yearly series (naive, rwf(drift = TRUE), holt and ets with
// lambda = 0 and "auto", biasadj FALSE and TRUE; BoxCox.lambda(x) and BoxCox(x, "auto")'s lambda).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { boxCox, invBoxCox } from '../../src/forecast/boxCox.js';
import { boxCoxLambda } from '../../src/forecast/boxCoxLambda.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { naive } from '../../src/forecast/naive.js';
import { drift } from '../../src/forecast/drift.js';
import { holt } from '../../src/forecast/holt.js';
import { ets } from '../../src/forecast/ets.js';
import { theta } from '../../src/forecast/theta.js';
import { RANGE_BOUND } from '../../src/forecast/internal/common.js';
import { rng } from '../../src/random/rng.js';
import type { ForecastMethod } from '../../src/forecast/types.js';
import { thrown } from '../helpers/thrown.js';
import { m3Train } from './m3Fixture.js';

const rows = readFileSync(new URL('./fixtures/r-boxcox.csv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .slice(1)
  .map((l) => l.split(','));
const BASE: Record<string, ForecastMethod> = { naive, drift, holt, ets };

describe('boxCox and invBoxCox', () => {
  it('closed forms: log for lambda 0, (x^l - 1)/l otherwise; invBoxCox inverts', () => {
    expect(boxCox([1, Math.E], 0)).toEqual([0, 1]);
    expect(boxCox([4, 9], 0.5)).toEqual([2, 4]);
    expect(boxCox([2], -1)).toEqual([0.5]);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.oneof(
          fc.constant(0),
          fc.double({ min: 0.05, max: 2, noNaN: true }),
          fc.double({ min: -1, max: -0.05, noNaN: true }),
        ),
        (x, l) => {
          const back = invBoxCox(boxCox([x], l), l)[0]!;
          return Math.abs(back - x) <= 1e-8 * x;
        },
      ),
    );
  });
  it('bias adjustment: exp(mu)(1 + s2/2) for logs, the second-order mean of a log-normal', () => {
    expect(invBoxCox([Math.log(100)], 0, [0.04])[0]).toBeCloseTo(102, 10);
  });
  it('domain errors: logs of values <= 0, a negative lambda with a negative value', () => {
    expect(thrown(() => boxCox([1, 0], 0))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => boxCox([-1], -0.5))).toMatchObject({ code: 'invalid_argument' });
    expect(boxCox([-4], 0.5)).toEqual([-6]);
  });
});

describe('against R on M3 yearly', () => {
  const train = m3Train();
  it("boxCoxLambda equals R's BoxCox.lambda(x) and BoxCox(x, 'auto') to 1e-9", () => {
    const lam = rows.filter((r) => r[1] === 'lambda');
    expect(lam.length).toBeGreaterThan(15);
    for (const [id, , auto, , guerrero] of lam) {
      const v = train.get(id!)!.values;
      expect(Math.abs(boxCoxLambda(v) - Number(guerrero))).toBeLessThan(1e-9);
      expect(Math.abs(boxCoxLambda(v, { lower: -0.9 }) - Number(auto))).toBeLessThan(1e-9);
    }
  });
  it('naive, drift, holt and ets with lambda 0 and auto, biasadj or not, equal R to 1e-6 (bounds past the range bound excepted)', () => {
    const cache = new Map<string, ReturnType<ForecastMethod['forecast']>>();
    let compared = 0,
      clipped = 0;
    for (const [id, method, , h, mean, lo, hi] of rows) {
      if (method === 'lambda') continue;
      const [b, tag, adj] = method!.split('-');
      const key = `${id}/${method}`;
      let f = cache.get(key);
      if (f === undefined) {
        const t = train.get(id!)!;
        const s = series({ id: id!, unit: 'other', years: t.years, values: t.values });
        const m = withBoxCox(BASE[b!]!, { lambda: tag === 'log' ? 0 : 'auto', biasadj: adj === 'biasadj' });
        f = m.forecast(m.fit(s), t.years.at(-1)! + 6, { levels: [0.95] });
        cache.set(key, f);
      }
      const i = Number(h) - 1;
      const v = train.get(id!)!.values;
      const range = Math.max(...v) - Math.min(...v);
      const cap = Math.max(...v) + RANGE_BOUND * (i + 1) * range;
      expect(f.mean[i]! / Number(mean) - 1).toBeCloseTo(0, 6);
      expect(f.intervals[0]!.lower[i]! / Number(lo) - 1).toBeCloseTo(0, 6);
      if (hi === 'NA' || Number(hi) > cap) {
        // R gives NA where a negative lambda's bound has no inverse; ours is the range bound there.
        expect(f.intervals[0]!.upper[i]).toBe(Math.max(cap, f.mean[i]!));
        clipped++;
      } else expect(f.intervals[0]!.upper[i]! / Number(hi) - 1).toBeCloseTo(0, 6);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
    expect(clipped).toBeLessThan(compared / 50);
  });
});

describe('withBoxCox', () => {
  const s = series({
    id: 'x',
    unit: 'count',
    years: [2016, 2017, 2018, 2019, 2020, 2021],
    values: [80, 88, 97, 104, 110, 121],
  });
  it('log drift compounds the average growth: 121 (121/80)^(h/5)', () => {
    const m = withBoxCox(drift, { lambda: 0 });
    const f = m.forecast(m.fit(s), 2023);
    expect(f.mean[0]).toBeCloseTo(121 * (121 / 80) ** 0.2, 10);
    expect(f.mean[1]).toBeCloseTo(121 * (121 / 80) ** 0.4, 10);
    expect(m.name).toBe('log(drift)');
    expect(f.method).toBe('log(drift)');
  });
  it('names: auto lambda is chosen by Guerrero and shown; automatic ETS is additive only', () => {
    const m = withBoxCox(ets, { lambda: 'auto' });
    const fit = m.fit(
      series({ id: 'y', unit: 'count', years: [2013, 2014, 2015, ...s.years], values: [61, 66, 72, ...s.values] }),
    );
    expect(m.name).toBe('boxcox(ets)');
    expect(fit.lambda).toBe(boxCoxLambda([61, 66, 72, ...s.values], { lower: -0.9 }));
    expect(fit.method).toMatch(/^boxcox\(ets\(A,[NA]d?,N\),-?\d/);
    expect(fit.notes).toContain('additive models only, as R does on a Box-Cox scale');
  });
  it('theta and combinations work on the transformed scale; simulate back-transforms paths', () => {
    const m = withBoxCox(theta, { lambda: 0 });
    const fit = m.fit(s);
    const inner = theta.forecast(fit.inner, 2024);
    expect(m.forecast(fit, 2024).mean).toEqual(inner.mean.map(Math.exp));
    const sim = m.simulate!(fit, 2024, { paths: 4000, rng: rng(7) });
    expect(sim.paths.every((v) => v > 0)).toBe(true);
    const median = [...sim.paths.filter((_, i) => i % 3 === 0)].sort((a, b) => a - b)[2000]!;
    expect(median / Math.exp(inner.mean[0]!)).toBeCloseTo(1, 1);
  });
  it('bad options and out-of-domain data throw invalid_argument', () => {
    expect(thrown(() => withBoxCox(drift, { lambda: Number.NaN }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => withBoxCox(drift, { biasadj: 1 as never }))).toMatchObject({ code: 'invalid_argument' });
    const z = series({ id: 'z', unit: 'count', years: [2019, 2020, 2021], values: [0, 1, 2] });
    expect(thrown(() => withBoxCox(drift).fit(z))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('"z"'),
    });
  });
});
