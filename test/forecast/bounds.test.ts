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
import { combination } from '../../src/forecast/combination.js';
import { m3Train } from './m3Fixture.js';

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

// The same bound on public data: the M3 yearly training series (../shared/benchmarks/m3-yearly). Every built-in
// method, the default and a combination of one's own, each plain, calibrated, on logs and with Guerrero's
// lambda. `npm test` takes every 80th series (9 of 645: a few seconds); M3_BOUNDS=all takes all 645
// (minutes), and prints how close the bounds came to the limit.
describe('interval bounds on the M3 yearly series', () => {
  const all = process.env['M3_BOUNDS'] === 'all';
  const train = [...m3Train().entries()].filter((_, i) => all || i % 80 === 0);
  const base: ForecastMethod[] = [
    ...Object.values(forecastMethods),
    defaultMethod,
    combination([forecastMethods['theta']!, forecastMethods['drift']!, forecastMethods['ets']!], { name: 'mine' }),
  ];
  const variants = (m: ForecastMethod): ForecastMethod[] => [
    m,
    calibrate(m),
    withBoxCox(m, { lambda: 0 }),
    withBoxCox(m, { lambda: 'auto' }),
  ];
  it.each(base.map((m) => [m.name, m] as const))(
    '%s: plain, calibrated, on logs and with lambda auto, every 80 % and 95 % bound of a 6-year forecast within [min - 5 h R, max + 5 h R]',
    (_name, m) => {
      let bounds = 0,
        atLimit = 0,
        refused = 0,
        pastBound = 0;
      let farthest = { reach: 0, where: '' };
      for (const v of variants(m)) {
        for (const [id, { years, values }] of train) {
          const s = series({ id, unit: 'count', years, values });
          let f: ReturnType<ForecastMethod['forecast']>;
          try {
            f = v.forecast(v.fit(s), years[years.length - 1]! + 6, { levels: [0.8, 0.95] });
          } catch (e) {
            // Only a clear refusal (a negative lambda's point forecast past -1/lambda) may stop a forecast.
            expect((e as { code?: string }).code, `${v.name} on ${id}`).toBe('degenerate');
            refused++;
            continue;
          }
          const lo = Math.min(...values),
            hi = Math.max(...values),
            r = hi - lo;
          f.mean.forEach((p, i) => {
            // A point forecast past the range bound (an extrapolation such as logTrend's): the interval then
            // ends at it, on that side.
            const reach = Math.max(p - hi, lo - p) / ((i + 1) * r);
            if (reach > RANGE_BOUND) pastBound++;
            if (reach > farthest.reach) farthest = { reach, where: `${v.name} on ${id}` };
          });
          for (const iv of f.intervals) {
            iv.upper.forEach((u, i) => {
              const l = iv.lower[i]!,
                limit = RANGE_BOUND * (i + 1) * r;
              expect(Number.isFinite(u) && Number.isFinite(l), `${v.name} on ${id}`).toBe(true);
              expect(u, `${v.name} on ${id}, upper ${i + 1}`).toBeLessThanOrEqual(
                Math.max(f.mean[i]!, hi + limit * (1 + 1e-12)),
              );
              expect(l, `${v.name} on ${id}, lower ${i + 1}`).toBeGreaterThanOrEqual(
                Math.min(f.mean[i]!, lo - limit * (1 + 1e-12)),
              );
              bounds += 2;
              if (u >= hi + limit * (1 - 1e-9) || l <= lo - limit * (1 - 1e-9)) atLimit++;
            });
          }
        }
      }
      if (all)
        console.log(
          `${m.name}: ${bounds} bounds on ${train.length} series x 4 forms (${refused} forecasts refused), ${atLimit} held at the range bound; ${pastBound} point forecasts past it, the farthest ${farthest.reach.toFixed(1)} h R beyond the range (${farthest.where})`,
        );
      expect(bounds).toBeGreaterThan(0);
    },
    all ? 600_000 : 20_000,
  );
});
