import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtest } from '../../src/forecast/backtest.js';
import { series } from '../../src/series/series.js';
import { MetricsError } from '../../src/errors.js';
import type { ForecastMethod } from '../../src/forecast/types.js';
import { thrown } from '../helpers/thrown.js';
import { localMean, localNaive } from './localMethods.js';

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const s8 = series({ id: 'x', unit: 'count', years: years(2001, 8), values: [10, 12, 11, 15, 14, 18, 17, 20] });

describe('backtest', () => {
  it('naive, horizon 2, initial 4, step 2 on 8 values: origins 2004 and 2006 with hand-computed errors', () => {
    const b = backtest(s8, localNaive, { horizon: 2, initial: 4, step: 2 });
    // (8 - 4 - 2) / 2 + 1 = 2 origins
    expect(b.origins.map((o) => o.origin)).toEqual([2004, 2006]);
    // origin 2004: last value 15, actual 14, 18 → errors -1, 3; origin 2006: last 18, actual 17, 20 → -1, 2
    expect(b.origins.map((o) => o.errors)).toEqual([
      [-1, 3],
      [-1, 2],
    ]);
    expect(b.origins[0]?.mean).toEqual([15, 15]);
    // MAE per origin 2 and 1.5 → mean 1.75; ME per origin 1 and 0.5 → 0.75
    expect(b.summary).toMatchObject({ origins: 2, points: 4, mae: 1.75, me: 0.75 });
    // MASE at 2004: MAE 2 / mean|diff| of [10,12,11,15] = (2+1+4)/3 → 6/7; at 2006: 1.5 / ((2+1+4+1+4)/5 = 2.4) = 0.625
    expect(b.summary.mase).toBeCloseTo((6 / 7 + 0.625) / 2, 12);
    expect(b.rows).toHaveLength(4);
    expect(b.rows[1]).toMatchObject({
      method: 'localNaive',
      series: 'x',
      origin: 2004,
      horizon: 2,
      year: 2006,
      actual: 18,
      mean: 15,
      error: 3,
    });
    expect(Object.keys(b.rows[0] ?? {})).toEqual(
      expect.arrayContaining(['lower_80', 'upper_80', 'lower_95', 'upper_95']),
    );
    expect(b.byHorizon.map((h) => h.mae)).toEqual([1, 2.5]);
  });
  it('the default initial is half the series (rounded up): 8 values, horizon 1 → origins after 4..7 values', () => {
    const b = backtest(s8, localNaive, { horizon: 1 });
    expect(b.initial).toBe(4);
    expect(b.origins.map((o) => o.trainLength)).toEqual([4, 5, 6, 7]);
  });
  it('refit false keeps the first fit: later origins use its longer-range forecasts', () => {
    const b = backtest(s8, localNaive, { horizon: 1, initial: 4, refit: false });
    // fit on [10,12,11,15]: every later forecast is 15
    expect(b.origins.map((o) => o.mean[0])).toEqual([15, 15, 15, 15]);
    expect(b.origins.map((o) => o.fitOrigin)).toEqual([2004, 2004, 2004, 2004]);
    // wider intervals as the fit goes stale: sd grows with sqrt(steps ahead of the fit)
    const w = b.origins.map((o) => (o.intervals[1]?.upper[0] as number) - (o.intervals[1]?.lower[0] as number));
    expect(w[3]! / w[0]!).toBeCloseTo(2, 12);
  });
  it('refit 2 fits at every second origin', () => {
    const b = backtest(s8, localNaive, { horizon: 1, initial: 4, refit: 2 });
    expect(b.origins.map((o) => o.fitOrigin)).toEqual([2004, 2004, 2006, 2006]);
    expect(b.origins.map((o) => o.mean[0])).toEqual([15, 15, 18, 18]);
  });
  it('leaves MAPE out of the summary when an actual is zero, and MASE with a constant window', () => {
    const z = series({ id: 'z', unit: 'count', years: years(2000, 5), values: [3, 3, 3, 0, 3] });
    const b = backtest(z, localNaive, { horizon: 1, initial: 3 });
    expect(b.summary.mape).toBeUndefined();
    expect(b.summary.mase).toBeUndefined();
    expect(b.summary.smape).toBeCloseTo((200 + 200) / 2, 12);
  });
  it('does not mutate the series', () => {
    const values = [1, 2, 3, 4, 5];
    const s = series({ id: 'm', unit: 'count', years: years(2000, 5), values });
    backtest(s, localMean, { horizon: 2, initial: 2 });
    expect(s.values).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('backtest errors', () => {
  it.each([
    [{ horizon: 0 }, /horizon must be a whole number >= 1/],
    [{ horizon: 1.5 }, /horizon must be a whole number/],
    [{ horizon: 1, step: 0 }, /step/],
    [{ horizon: 1, initial: 1 }, /initial must be at least 2/],
    [{ horizon: 6, initial: 4 }, /too few/],
    [{ horizon: 1, refit: 'yes' }, /refit/],
  ])('backtest(s8, naive, %o) throws invalid_argument', (options, message) => {
    expect(thrown(() => backtest(s8, localNaive, options as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(message),
    });
  });
  it('a misspelt or unknown option throws, listing the options', () => {
    expect(thrown(() => backtest(s8, localNaive, { horizon: 1, steps: 2 } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^backtest: unknown option "steps" .*Did you mean step\?/),
      issues: [{ path: ['options', 'steps'] }],
    });
    expect(thrown(() => backtest(s8, localNaive, { horizon: 2, origin: 3 } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining(
        'unknown option "origin" (got {"horizon":2,"origin":3}). Remove it; the options are horizon, initial, step, refit, levels, smallSample.',
      ),
    });
    const all = { horizon: 1, initial: 4, step: 2, refit: 2, levels: [0.9], smallSample: false };
    expect(backtest(s8, localNaive, all).origins.map((o) => o.trainLength)).toEqual([4, 6]);
  });
  it('a sparse series throws missing_years', () => {
    const sparse = series({ id: 's', unit: 'count', years: [2000, 2001, 2003, 2004], values: [1, 2, 3, 4] });
    expect(thrown(() => backtest(sparse, localNaive, { horizon: 1 }))).toMatchObject({ code: 'missing_years' });
  });
  it('a non-method throws invalid_argument', () => {
    expect(thrown(() => backtest(s8, {} as never, { horizon: 1 }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a method error names the origin year and keeps its code', () => {
    const failing: ForecastMethod = {
      ...localNaive,
      fit: (s) => {
        if (s.values.length > 5) throw new MetricsError('degenerate', 'fails: too long');
        return localNaive.fit(s);
      },
    };
    expect(thrown(() => backtest(s8, failing, { horizon: 1, initial: 4 }))).toMatchObject({
      code: 'degenerate',
      message: expect.stringContaining('at the origin 2006'),
    });
  });
});

describe('backtest properties', () => {
  it('has floor((n - initial - horizon) / step) + 1 origins, each with horizon rows', () => {
    const arb = fc
      .record({
        n: fc.integer({ min: 3, max: 40 }),
        horizon: fc.integer({ min: 1, max: 8 }),
        step: fc.integer({ min: 1, max: 5 }),
        initial: fc.integer({ min: 2, max: 30 }),
      })
      .filter((r) => r.initial + r.horizon <= r.n);
    fc.assert(
      fc.property(arb, ({ n, horizon, step, initial }) => {
        const s = series({ id: 'p', unit: 'count', years: years(1990, n), values: years(1, n).map((i) => i * i) });
        const b = backtest(s, localNaive, { horizon, step, initial });
        const expected = Math.floor((n - initial - horizon) / step) + 1;
        return (
          b.origins.length === expected &&
          b.rows.length === expected * horizon &&
          b.summary.intervals.every((i) => i.coverage >= 0 && i.coverage <= 1)
        );
      }),
      { numRuns: 60 },
    );
  });
});
