// Every method's intervals stay within a stated multiple of the series' range (issue 15, last point; issue 14).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { forecastMethods } from '../../src/forecast/methods.js';
import { defaultMethod } from '../../src/forecast/defaultForecast.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { calibrate } from '../../src/forecast/calibrate.js';
import { boundIntervals, RANGE_BOUND } from '../../src/forecast/internal/common.js';
import type { ForecastMethod } from '../../src/forecast/types.js';

const METHODS: ForecastMethod[] = [
  ...Object.values(forecastMethods),
  defaultMethod,
  withBoxCox(forecastMethods['drift']!, { lambda: 'auto' }),
  withBoxCox(forecastMethods['ets']!, { lambda: -0.5 }),
  calibrate(forecastMethods['logTrend']!),
];

describe('interval bounds', () => {
  it('boundIntervals clips to [min - 5 h R, max + 5 h R], keeps the mean inside, and replaces NaN and Infinity', () => {
    const out = boundIntervals([10, 20], [25, 30], [{ level: 0.95, lower: [Number.NaN, 29], upper: [Infinity, 1e9] }]);
    expect(out[0]!.lower).toEqual([10 - 5 * 10, 29]);
    expect(out[0]!.upper).toEqual([20 + 5 * 10, 20 + 5 * 2 * 10]);
    const above = boundIntervals([10, 20], [500], [{ level: 0.8, lower: [400], upper: [600] }]);
    expect(above[0]!.upper).toEqual([500]);
    expect(above[0]!.lower).toEqual([400]);
  });
  it.each(METHODS.map((m) => [m.name, m] as const))(
    '%s: every bound lies within the range bound or at the point forecast',
    (_name, m) => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 0.5, max: 1000, noNaN: true }), { minLength: 3, maxLength: 14 }),
          fc.integer({ min: 1, max: 8 }),
          (values, h) => {
            const s = series({ id: 'p', unit: 'count', years: values.map((_, i) => 2000 + i), values });
            let f: ReturnType<ForecastMethod['forecast']>;
            try {
              f = m.forecast(m.fit(s), 1999 + values.length + h, { levels: [0.5, 0.95] });
            } catch {
              return true; // a method may refuse a series (too short for it); refusing is not a wide interval
            }
            const lo = Math.min(...values),
              hi = Math.max(...values);
            const r = hi > lo ? hi - lo : Math.max(...values.map(Math.abs)) || 1;
            return f.intervals.every((iv) =>
              iv.upper.every(
                (u, i) =>
                  (u <= hi + RANGE_BOUND * (i + 1) * r * (1 + 1e-12) || u === f.mean[i]) &&
                  (iv.lower[i]! >= lo - RANGE_BOUND * (i + 1) * r * (1 + 1e-12) || iv.lower[i] === f.mean[i]),
              ),
            );
          },
        ),
        { numRuns: 40 },
      );
    },
  );
});
