import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { me } from '../../src/forecast/accuracy/me.js';
import { mae } from '../../src/forecast/accuracy/mae.js';
import { rmse } from '../../src/forecast/accuracy/rmse.js';
import { mape } from '../../src/forecast/accuracy/mape.js';
import { smape } from '../../src/forecast/accuracy/smape.js';
import { mase } from '../../src/forecast/accuracy/mase.js';
import { owa } from '../../src/forecast/accuracy/owa.js';
import { coverage } from '../../src/forecast/accuracy/coverage.js';
import { winkler } from '../../src/forecast/accuracy/winkler.js';
import { msis } from '../../src/forecast/accuracy/msis.js';
import { accuracy } from '../../src/forecast/accuracy.js';
import type { Forecast } from '../../src/forecast/types.js';
import { thrown } from '../helpers/thrown.js';
import { runWithShared } from '../helpers/sharedData.js';

const y = [100, 200, 300];
const f = [110, 180, 330];
// errors y - f = [-10, 20, -30]

describe('point measures: worked examples', () => {
  it('me(y, f) is (-10 + 20 - 30) / 3 = -20/3', () => {
    expect(me(y, f)).toBeCloseTo(-20 / 3, 12);
  });
  it('mae(y, f) is (10 + 20 + 30) / 3 = 20', () => {
    expect(mae(y, f)).toBe(20);
  });
  it('rmse(y, f) is sqrt((100 + 400 + 900) / 3) = sqrt(1400/3)', () => {
    expect(rmse(y, f)).toBeCloseTo(Math.sqrt(1400 / 3), 10);
  });
  it('mape(y, f) is 100 * (0.1 + 0.1 + 0.1) / 3 = 10', () => {
    expect(mape(y, f)).toBeCloseTo(10, 12);
  });
  it('smape(y, f) is mean of 200·10/210, 200·20/380, 200·30/630', () => {
    expect(smape(y, f)).toBeCloseTo((2000 / 210 + 4000 / 380 + 6000 / 630) / 3, 10);
  });
  it('smape counts a term with actual = forecast = 0 as 0 and one with only the forecast 0 as 200', () => {
    expect(smape([0, 5], [0, 0])).toBe(100);
  });
  it('mase(y, f, history [40, 60, 70, 100]) is MAE 20 / scale (20 + 10 + 30)/3 = 1', () => {
    expect(mase(y, f, { history: [40, 60, 70, 100] })).toBeCloseTo(1, 12);
  });
  it('mase with period 2 scales by mean |x_t - x_{t-2}|: history [1, 2, 4, 8] gives (3 + 6)/2 = 4.5', () => {
    expect(mase([10], [1], { history: [1, 2, 4, 8], period: 2 })).toBeCloseTo(9 / 4.5, 12);
  });
  it('owa of R rwf drift on M3 yearly is 0.5·(16.790/17.880 + 2.632/3.172)', () => {
    // R summary: owa 0.884416 from unrounded sMAPE/MASE
    expect(
      owa({ smape: 16.7903772583775, mase: 2.63178344843969 }, { smape: 17.8798904916532, mase: 3.1717102368676 }),
    ).toBeCloseTo(0.884416407778777, 12);
  });
  it('owa of the benchmark itself is 1', () => {
    expect(owa({ smape: 12, mase: 3 }, { smape: 12, mase: 3 })).toBe(1);
  });
  it('rmse of huge equal-sized errors does not overflow', () => {
    expect(rmse([1e200, -1e200], [0, 0])).toBeCloseTo(1e200, -190);
  });
});

describe('interval measures: worked examples', () => {
  const actual = [5, 12, 1];
  const lower = [4, 4, 2];
  const upper = [10, 10, 8];
  it('coverage: only 5 lies inside its interval, 1/3', () => {
    expect(coverage(actual, lower, upper)).toBeCloseTo(1 / 3, 15);
  });
  it('coverage includes the bounds', () => {
    expect(coverage([4, 10], [4, 4], [10, 10])).toBe(1);
  });
  it('winkler at 95 %: widths 6, 6 + 40·2, 6 + 40·1, mean (6 + 86 + 46)/3 = 46', () => {
    expect(winkler(actual, lower, upper, { level: 0.95 })).toBeCloseTo(46, 12);
  });
  it('winkler at 80 %: penalty 2/0.2 = 10, mean (6 + 26 + 16)/3 = 16', () => {
    expect(winkler(actual, lower, upper, { level: 0.8 })).toBeCloseTo(16, 12);
  });
  it('msis is the winkler score over the naive scale: history [1, 3, 5] has scale 2, 46/2 = 23', () => {
    expect(msis(actual, lower, upper, { history: [1, 3, 5], level: 0.95 })).toBeCloseTo(23, 12);
  });
});

describe('accuracy', () => {
  const fakeForecast: Forecast = {
    method: 'test',
    seriesId: 's',
    unit: { kind: 'count', scale: 'one' },
    years: [2004, 2005, 2006],
    mean: f,
    intervals: [
      { level: 0.95, lower: [50, 150, 200], upper: [150, 250, 310] },
      { level: 0.8, lower: [90, 170, 290], upper: [130, 190, 350] },
    ],
    fit: {
      method: 'test',
      seriesId: 's',
      unit: { kind: 'count', scale: 'one' },
      years: [2000, 2001, 2002, 2003],
      values: [40, 60, 70, 100],
      params: {},
      state: {},
      fitted: [40, 40, 60, 70],
      residuals: [0, 20, 10, 30],
      sigma2: 1,
    },
  };
  it('collects every measure and takes the history from the fit', () => {
    const a = accuracy(y, fakeForecast);
    expect(a).toMatchObject({ n: 3, mae: 20, skipped: [] });
    expect(a.mase).toBeCloseTo(1, 12);
    expect(a.mape).toBeCloseTo(10, 12);
    expect(a.intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
    // 80 %: 100 in [90,130], 200 above 190 by 10, 300 in [290,350]: coverage 2/3
    expect(a.intervals[0]?.coverage).toBeCloseTo(2 / 3, 15);
    // widths 40, 20, 60 plus 10·10 = 220 / 3
    expect(a.intervals[0]?.winkler).toBeCloseTo(220 / 3, 12);
    // 95 %: all inside, widths 100, 100, 110: 310/3, scaled by 20
    expect(a.intervals[1]?.coverage).toBe(1);
    expect(a.intervals[1]?.msis).toBeCloseTo(310 / 3 / 20, 12);
  });
  it('skips MAPE with a zero actual and MASE with a constant history, saying why', () => {
    const a = accuracy([0, 1], [1, 1], { history: [3, 3, 3] });
    expect(a.mape).toBeUndefined();
    expect(a.mase).toBeUndefined();
    expect(a.skipped.map((s) => s.measure)).toEqual(['mape', 'mase']);
    expect(a.skipped[0]?.reason).toMatch(/actual\[0\] is 0/);
  });
  it('skips MASE without any history', () => {
    expect(accuracy([1], [2]).skipped).toMatchObject([{ measure: 'mase' }]);
  });
  it('throws invalid_argument for a forecast that is not an array or Forecast', () => {
    expect(thrown(() => accuracy([1], null as never))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('errors', () => {
  it.each([
    ['me', () => me([], [])],
    ['mae', () => mae([1, 2], [1])],
    ['rmse', () => rmse([1], [])],
    ['smape', () => smape([1], [1, 2])],
    ['mape', () => mape('x' as never, [1])],
  ])('%s with empty, unequal or non-array input throws invalid_argument', (_, fn) => {
    expect(thrown(fn)).toMatchObject({ code: 'invalid_argument' });
  });
  it('mae([NaN], [1]) throws non_finite naming actual[0]', () => {
    expect(thrown(() => mae([Number.NaN], [1]))).toMatchObject({
      code: 'non_finite',
      message: expect.stringContaining('actual[0]'),
    });
  });
  it('mape([0, 1], [1, 1]) throws degenerate naming the zero actual', () => {
    expect(thrown(() => mape([1, 0], [1, 1]))).toMatchObject({
      code: 'degenerate',
      message: expect.stringContaining('actual[1] is 0'),
    });
  });
  it('mase with a constant history throws degenerate', () => {
    expect(thrown(() => mase([1], [2], { history: [5, 5, 5] }))).toMatchObject({
      code: 'degenerate',
      message: expect.stringContaining('constant'),
    });
  });
  it('mase with a one-value history throws invalid_argument', () => {
    expect(thrown(() => mase([1], [2], { history: [5] }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('mase with a fractional period throws invalid_argument', () => {
    expect(thrown(() => mase([1], [2], { history: [5, 6, 7], period: 1.5 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('mase without options throws invalid_argument', () => {
    expect(thrown(() => mase([1], [2], undefined as never))).toMatchObject({ code: 'invalid_argument' });
  });
  it.each([
    ['accuracy', () => accuracy([1], [2], { histroy: [1, 2] } as never), 'histroy', 'history'],
    ['mase', () => mase([1], [2], { history: [1, 2], periods: 1 } as never), 'periods', 'period'],
    ['msis', () => msis([1], [0], [2], { history: [1, 2], lvel: 0.95 } as never), 'lvel', 'level'],
    ['winkler', () => winkler([1], [0], [2], { levels: 0.95 } as never), 'levels', 'level'],
  ])('%s with a misspelt option throws invalid_argument naming the option meant', (fn, call, key, meant) => {
    expect(thrown(call)).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(new RegExp(`^${fn}: unknown option "${key}" .*Did you mean ${meant}\\?`)),
      issues: [{ path: ['options', key] }],
    });
  });
  it('msis with a constant history throws degenerate', () => {
    expect(thrown(() => msis([1], [0], [2], { history: [5, 5], level: 0.95 }))).toMatchObject({ code: 'degenerate' });
  });
  it('owa with a zero benchmark error throws degenerate', () => {
    expect(thrown(() => owa({ smape: 1, mase: 1 }, { smape: 0, mase: 1 }))).toMatchObject({ code: 'degenerate' });
  });
  it('owa with a negative error throws invalid_argument', () => {
    expect(thrown(() => owa({ smape: -1, mase: 1 }, { smape: 1, mase: 1 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('owa with NaN throws non_finite', () => {
    expect(thrown(() => owa({ smape: Number.NaN, mase: 1 }, { smape: 1, mase: 1 }))).toMatchObject({
      code: 'non_finite',
    });
  });
  it('coverage with lower above upper throws invalid_argument naming the index', () => {
    expect(thrown(() => coverage([1, 2], [0, 3], [2, 2]))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('lower[1]'),
    });
  });
  it.each([0, 1, 95, -0.1])('winkler with level %s throws invalid_argument', (level) => {
    expect(thrown(() => winkler([1], [0], [2], { level }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('me of values near the float limit throws degenerate instead of returning Infinity', () => {
    expect(thrown(() => me([1.7e308], [-1.7e308]))).toMatchObject({ code: 'degenerate' });
  });
});

describe('properties', () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const pair = fc
    .integer({ min: 1, max: 12 })
    .chain((n) =>
      fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n })),
    );
  it('mae <= rmse', () => {
    fc.assert(fc.property(pair, ([a, p]) => mae(a, p) <= rmse(a, p) * (1 + 1e-12) + 1e-300));
  });
  it('coverage is in [0, 1]', () => {
    fc.assert(
      fc.property(pair, fc.double({ min: 0, max: 1e6, noNaN: true }), ([a, p], w) => {
        const c = coverage(
          a,
          p.map((x) => x - w),
          p.map((x) => x + w),
        );
        return c >= 0 && c <= 1;
      }),
    );
  });
  const positive = fc.double({ min: 1, max: 1e6, noNaN: true });
  const scaleFactor = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
  it('smape and mase are unchanged when data and forecasts are multiplied by c > 0', () => {
    const input = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.tuple(
        fc.array(positive, { minLength: n, maxLength: n }),
        fc.array(positive, { minLength: n, maxLength: n }),
        // whole-number histories: a history like [1, 1, 1 + 4e-16] has a scale made of rounding error,
        // whose relative change under scaling is a limit of floating point, not of MASE
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 3, maxLength: 10 }),
      ),
    );
    fc.assert(
      fc.property(input, scaleFactor, ([a, p, h], c) => {
        fc.pre(h.some((v, i) => i > 0 && v !== h[i - 1]));
        const s = (xs: readonly number[]) => xs.map((x) => x * c);
        const close = (u: number, v: number) => Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u));
        return (
          close(smape(s(a), s(p)), smape(a, p)) &&
          close(mase(s(a), s(p), { history: s(h) }), mase(a, p, { history: h }))
        );
      }),
    );
  });
  it('smape([0], [5e-324]) is 200 (subnormals do not underflow to 0/0)', () => {
    expect(smape([0], [5e-324])).toBe(200);
  });
  it('smape lies in [0, 200]', () => {
    fc.assert(
      fc.property(pair, ([a, p]) => {
        const v = smape(a, p);
        return v >= 0 && v <= 200;
      }),
    );
  });
  it('a perfect forecast has zero error on every measure', () => {
    fc.assert(
      fc.property(
        fc.array(positive, { minLength: 1, maxLength: 10 }),
        (a) => me(a, a) === 0 && mae(a, a) === 0 && rmse(a, a) === 0 && smape(a, a) === 0 && mape(a, a) === 0,
      ),
    );
  });
});

const m3 = new URL('../../../shared/benchmarks/m3-yearly/', import.meta.url);
const m3Present = runWithShared(
  'accuracy.test.ts',
  "the checks against R's M3 summary",
  'benchmarks/m3-yearly/reference/r-forecast-forecasts.csv',
);

describe.skipIf(!m3Present)('against R forecast on M3 yearly', () => {
  it("sMAPE, MASE, 95 % coverage and MSIS of R's own forecasts match R's summary", () => {
    const read = (name: string) => csvParse(readFileSync(fileURLToPath(new URL(name, m3)), 'utf8'));
    const train = new Map<string, number[]>();
    for (const r of read('train.csv')) {
      const list = train.get(r['id'] as string) ?? [];
      list.push(Number(r['value']));
      train.set(r['id'] as string, list);
    }
    const byId = new Map<string, Record<string, number[]>>();
    const cols = ['y', 'naive', 'theta', 'ets', 'theta_lo95', 'theta_hi95'];
    for (const r of read('reference/r-forecast-forecasts.csv')) {
      const entry = byId.get(r['id'] as string) ?? Object.fromEntries(cols.map((c) => [c, [] as number[]]));
      for (const c of cols) entry[c]?.push(Number(r[c]));
      byId.set(r['id'] as string, entry);
    }
    const summary = new Map(read('reference/r-forecast-summary.csv').map((r) => [r['method'] as string, r]));
    const meanOver = (f: (id: string, e: Record<string, number[]>) => number) => {
      let s = 0;
      for (const [id, e] of byId) s += f(id, e);
      return s / byId.size;
    };
    for (const m of ['naive', 'theta', 'ets']) {
      const s = meanOver((_, e) => smape(e['y'] as number[], e[m] as number[]));
      const q = meanOver((id, e) => mase(e['y'] as number[], e[m] as number[], { history: train.get(id) as number[] }));
      // the forecasts file has 10 significant digits, so agreement is to about 1e-8 relative
      expect(s).toBeCloseTo(Number(summary.get(m)?.['smape']), 6);
      expect(q).toBeCloseTo(Number(summary.get(m)?.['mase']), 6);
    }
    const cov = meanOver((_, e) =>
      coverage(e['y'] as number[], e['theta_lo95'] as number[], e['theta_hi95'] as number[]),
    );
    expect(cov).toBeCloseTo(Number(summary.get('theta')?.['cover95']), 10);
    const ms = meanOver((id, e) =>
      msis(e['y'] as number[], e['theta_lo95'] as number[], e['theta_hi95'] as number[], {
        history: train.get(id) as number[],
        level: 0.95,
      }),
    );
    expect(ms).toBeCloseTo(Number(summary.get('theta')?.['msis']), 5);
  });
  it("sMAPE and MASE of series Y1 for R's naive forecast, by hand", () => {
    // Y1 (M3 N0001): training values rise every year from 940.66 to 4936.99 over 14 years, so the naive
    // scale is (4936.99 - 940.66) / 13 = 307.41. The naive forecast is 4936.99 for all six test years.
    // Absolute errors 442.76, 1221.69, 1939.59, 2914.92, 3470.85, 4219.02 sum to 14208.83:
    // MASE = 14208.83 / 6 / 307.41 = 7.70351756...; sMAPE (computed term by term in Python) 36.81967204.
    const read = (name: string) =>
      csvParse(readFileSync(fileURLToPath(new URL(name, m3)), 'utf8')).filter((r) => r['id'] === 'Y1');
    const history = read('train.csv').map((r) => Number(r['value']));
    const ref = read('reference/r-forecast-forecasts.csv');
    const actual = ref.map((r) => Number(r['y']));
    const naive = ref.map((r) => Number(r['naive']));
    expect(mase(actual, naive, { history })).toBeCloseTo(14208.83 / 6 / 307.41, 10);
    expect(smape(actual, naive)).toBeCloseTo(36.819672040832, 9);
  });
});
