// naive, drift and mean: hand-computed worked examples (R forecast's naive, rwf(drift = TRUE), meanf
// formulas), edge cases and errors.
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { rng } from '../../src/random/rng.js';
import { naive } from '../../src/forecast/naive.js';
import { drift } from '../../src/forecast/drift.js';
import { mean } from '../../src/forecast/mean.js';
import { forecastMethods } from '../../src/forecast/methods.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { calibrate } from '../../src/forecast/calibrate.js';
import { combination } from '../../src/forecast/combination.js';
import { etsModel } from '../../src/forecast/etsModel.js';
import { defaultMethod } from '../../src/forecast/defaultForecast.js';
import type { ForecastMethod } from '../../src/forecast/types.js';
import { MetricsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const z95 = 1.959963984540054; // qnorm(0.975)
const mk = (values: number[], from = 2020) =>
  series({ id: 's', unit: 'count', years: values.map((_, i) => from + i), values });

describe('naive', () => {
  it('naive on [10, 12, 11] forecasts 11 with sigma^2 = (2^2 + 1^2) / 2 = 2.5', () => {
    const fit = naive.fit(mk([10, 12, 11]));
    expect(fit.sigma2).toBeCloseTo(2.5, 14);
    const f = naive.forecast(fit, 2024, { levels: [0.95], smallSample: false });
    expect(f.mean).toEqual([11, 11]);
    expect(f.intervals[0]!.upper[1]).toBeCloseTo(11 + z95 * Math.sqrt(2.5 * 2), 12);
    expect(f.intervals[0]!.lower[0]).toBeCloseTo(11 - z95 * Math.sqrt(2.5), 12);
  });
  it('naive on [10, 12, 11] (under 10 points) takes qt(0.975, 2) = 4.3026527297494619 instead of qnorm, and says so', () => {
    const fit = naive.fit(mk([10, 12, 11]));
    expect(fit.notes).toEqual([
      "3 observations: intervals use Student-t quantiles with 2 degrees of freedom, where R uses normal ones (forecast with smallSample: false for R's)",
    ]);
    const f = naive.forecast(fit, 2024, { levels: [0.95] });
    expect(f.intervals[0]!.upper[1]).toBeCloseTo(11 + 4.3026527297494619 * Math.sqrt(2.5 * 2), 12);
  });
  it('naive on 10 points keeps R normal intervals (no note)', () => {
    const fit = naive.fit(mk([10, 12, 11, 13, 12, 14, 15, 14, 16, 17]));
    expect(fit.notes).toBeUndefined();
    const f = naive.forecast(fit, 2031, { levels: [0.95] });
    expect(f.intervals[0]!.upper[0]! - f.mean[0]!).toBeCloseTo(z95 * Math.sqrt(fit.sigma2), 12);
  });
  it('naive paths are random walks whose spread grows like sqrt(h) (Gaussian, as R: on 3 points the t paths have 2 degrees of freedom and no variance)', () => {
    const fit = naive.fit(mk([10, 12, 11]));
    const { paths } = naive.simulate!(fit, 2027, { paths: 20000, rng: rng(1), smallSample: false });
    const sd = (h: number) => {
      let s = 0,
        s2 = 0;
      for (let p = 0; p < 20000; p++) {
        const v = paths[p * 5 + h]!;
        s += v;
        s2 += v * v;
      }
      return Math.sqrt(s2 / 20000 - (s / 20000) ** 2);
    };
    expect(sd(3) / sd(0)).toBeCloseTo(2, 1);
  });
});

describe('drift', () => {
  it('drift on [10, 12, 11, 15] has slope 5/3 and sigma^2 = (1/9 + 64/9 + 49/9) / 2', () => {
    const fit = drift.fit(mk([10, 12, 11, 15]));
    expect(fit.params['drift']).toBeCloseTo(5 / 3, 14);
    expect(fit.sigma2).toBeCloseTo(57 / 9, 12);
    const f = drift.forecast(fit, 2025, { levels: [0.95], smallSample: false });
    expect(f.mean[1]).toBeCloseTo(15 + 10 / 3, 12);
    // se^2 = h sigma^2 + h^2 sigma^2 / (n - 1) at h = 2: (2 + 4/3) sigma^2
    expect(f.intervals[0]!.upper[1]! - f.mean[1]!).toBeCloseTo(z95 * Math.sqrt((10 / 3) * (57 / 9)), 11);
    // under 10 points by default: qt(0.975, n - 2 = 2) = 4.3026527297494619 times the same se
    const t = drift.forecast(fit, 2025, { levels: [0.95] });
    expect(t.intervals[0]!.upper[1]! - t.mean[1]!).toBeCloseTo(4.3026527297494619 * Math.sqrt((10 / 3) * (57 / 9)), 11);
  });
  it('drift on an exact line has zero-width intervals', () => {
    const f = drift.forecast(drift.fit(mk([1, 3, 5, 7])), 2025);
    expect(f.mean).toEqual([9, 11]);
    expect(f.intervals[1]!.upper).toEqual([9, 11]);
  });
});

describe('mean', () => {
  // smallSample: false for meanf's intervals; the short-series AR(1) ones: ar1Intervals.test.ts
  it('mean on [1, 2, 3, 6] gives 3 ± qt(0.975, 3) sd sqrt(1 + 1/4)', () => {
    const f = mean.forecast(mean.fit(mk([1, 2, 3, 6])), 2025, { levels: [0.95], smallSample: false });
    expect(f.mean).toEqual([3, 3]);
    expect(f.intervals[0]!.upper[0]).toBeCloseTo(3 + 3.182446305284263 * Math.sqrt(14 / 3) * Math.sqrt(1.25), 10);
  });
});

describe('errors shared by all methods', () => {
  const s = mk([10, 12, 11]);
  it('forecast(fit, lastYear) throws invalid_argument naming the last year', () => {
    expect(thrown(() => naive.forecast(naive.fit(s), 2022))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('2022'),
    });
  });
  it('a horizon over 1000 years throws too_large', () => {
    expect(thrown(() => naive.forecast(naive.fit(s), 4000))).toMatchObject({ code: 'too_large' });
  });
  it('toYear 2024.5 throws invalid_argument', () => {
    expect(thrown(() => naive.forecast(naive.fit(s), 2024.5))).toMatchObject({ code: 'invalid_argument' });
  });
  it('levels [80] is read as 0.8 (unambiguous percent); a mix [0.8, 95] and levels [0] and [1] are refused', () => {
    expect(drift.forecast(drift.fit(s), 2024, { levels: [80] }).intervals[0]!.level).toBe(0.8);
    expect(drift.forecast(drift.fit(s), 2024, { levels: [95, 80] }).intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
    expect(thrown(() => drift.forecast(drift.fit(s), 2024, { levels: [0.8, 95] }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('mixes fractions and percent'),
    });
    expect(thrown(() => drift.forecast(drift.fit(s), 2024, { levels: [0] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => drift.forecast(drift.fit(s), 2024, { levels: [1] }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('one observation throws invalid_argument saying 3 are needed', () => {
    expect(thrown(() => naive.fit(mk([5])))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('at least 3'),
    });
  });
  it('a forecast from something that is not a fit throws invalid_argument', () => {
    expect(thrown(() => naive.forecast({} as never, 2030))).toMatchObject({ code: 'invalid_argument' });
  });
  const every: [string, ForecastMethod][] = [
    ...Object.entries(forecastMethods),
    ['withBoxCox', withBoxCox(drift, { lambda: 0 })],
    ['calibrate', calibrate(naive)],
    ['combination', combination([naive, drift])],
    ['etsModel', etsModel({ error: 'A', trend: 'Ad' })],
    ['default', defaultMethod],
  ];
  it.each(every)('%s: forecast and simulate refuse a misspelt option and take every known one', (_, m) => {
    const fit = m.fit(mk([10, 12, 13, 15, 14, 17, 19, 20], 2015));
    const e = thrown(() => m.forecast(fit, 2024, { level: [0.9] } as never));
    expect(e).toBeInstanceOf(MetricsError);
    expect(e).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/\.forecast: unknown option "level" .*Did you mean levels\?/),
      issues: [{ path: ['options', 'level'] }],
    });
    expect(thrown(() => m.forecast(fit, 2024, null as never))).toMatchObject({ code: 'invalid_argument' });
    expect(m.forecast(fit, 2024, { levels: [0.9], smallSample: false }).intervals.map((i) => i.level)).toEqual([0.9]);
    if (m.simulate === undefined) return;
    expect(thrown(() => m.simulate!(fit, 2024, { paths: 2, rng: rng(1), smallSampel: false } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/\.simulate: unknown option "smallSampel" .*Did you mean smallSample\?/),
      issues: [{ path: ['options', 'smallSampel'] }],
    });
    expect(m.simulate(fit, 2024, { paths: 2, rng: rng(1), smallSample: false }).paths.length).toBe(4);
  });
  it.each(every)(
    '%s: a fit copied as data forecasts as it does; a field of its own that is not finite is refused',
    (_, m) => {
      const fit = m.fit(mk([10, 12, 13, 15, 14, 17, 19, 20], 2015));
      expect(m.forecast(structuredClone(fit), 2024).mean).toEqual(m.forecast(fit, 2024).mean);
      // A field no method reads comes back with the fit: Infinity there was returned as given (fuzz seed 24).
      const e = thrown(() => m.forecast({ ...fit, methods: Infinity, note: { deep: [1, Number.NaN] } } as never, 2024));
      expect(e).toMatchObject({ code: 'invalid_argument' });
      expect((e as Error).message).toMatch(
        /: (fit\.methods must be finite \(got Infinity\)|the fit's methods differs from its inner fit's)/,
      );
    },
  );
  it('mean: the first number that is not finite is named with its path, nested fields too', () => {
    const fit = mean.fit(mk([10, 12, 13, 15]));
    expect(thrown(() => mean.forecast({ ...fit, note: { deep: [1, Number.NaN] } } as never, 2025))).toMatchObject({
      code: 'invalid_argument',
      message:
        "mean.forecast: fit.note.deep[1] must be finite (got NaN). Pass a fit made by this method's fit(), unchanged.",
      issues: [{ path: ['fit', 'note', 'deep', 1] }],
    });
    expect(mean.forecast({ ...fit, note: { text: 'kept', n: 2 } } as never, 2025).fit).toMatchObject({
      note: { text: 'kept', n: 2 },
    });
  });
  it('simulate refuses 0 paths and a missing rng', () => {
    const fit = naive.fit(s);
    expect(thrown(() => naive.simulate!(fit, 2024, { paths: 0, rng: rng(1) }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => naive.simulate!(fit, 2024, { paths: 5, rng: undefined as never }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => naive.simulate!(fit, 2024, { paths: 1e8, rng: rng(1) }))).toMatchObject({ code: 'too_large' });
  });
});
