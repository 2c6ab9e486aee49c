import fc from 'fast-check';
import { describe, it } from 'vitest';
import { isMetricsError } from '../../src/errors.js';
import { averageGrowth } from '../../src/growth/averageGrowth.js';
import { backcast } from '../../src/growth/backcast.js';
import { cagr } from '../../src/growth/cagr.js';
import { compound } from '../../src/growth/compound.js';
import { doublingTime } from '../../src/growth/doublingTime.js';
import { logGrowth } from '../../src/growth/logGrowth.js';
import { requiredCagr } from '../../src/growth/requiredCagr.js';
import { yoyGrowth } from '../../src/growth/yoyGrowth.js';
import { interpolate } from '../../src/series/interpolate.js';
import { series } from '../../src/series/series.js';

/** Any double, including NaN, ±Infinity, ±0, subnormals and the extremes. */
const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, 5e-324, 1e308, -1e308, Number.NaN, Infinity, -Infinity),
);
const isFiniteNumber = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);

/** True when `f` returns a value `ok` accepts or throws a MetricsError; false for anything else. */
function finiteOrMetricsError<T>(f: () => T, ok: (v: T) => boolean): boolean {
  try {
    return ok(f());
  } catch (e) {
    return isMetricsError(e);
  }
}

describe('any input gives a finite result or a MetricsError', () => {
  it('cagr, compound, backcast, doublingTime', () => {
    fc.assert(
      fc.property(
        anyDouble,
        anyDouble,
        anyDouble,
        (a, b, c) =>
          finiteOrMetricsError(() => cagr(a, b, c), isFiniteNumber) &&
          finiteOrMetricsError(() => compound(a, b, c), isFiniteNumber) &&
          finiteOrMetricsError(() => backcast(a, b, c), isFiniteNumber) &&
          finiteOrMetricsError(() => doublingTime(a), isFiniteNumber),
      ),
      { numRuns: 3000 },
    );
  });
  it('requiredCagr', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, anyDouble, anyDouble, (y0, v0, y1, v1) =>
        finiteOrMetricsError(() => requiredCagr({ year: y0, value: v0 }, { year: y1, value: v1 }), isFiniteNumber),
      ),
      { numRuns: 2000 },
    );
  });
  it('yoyGrowth, logGrowth, averageGrowth and interpolate of any valid series', () => {
    const values = fc.array(
      fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 5e-324, 1e308)),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 3 }), (vs, step) => {
        const s = series({ id: 'p', unit: 'count', years: vs.map((_, i) => 2000 + step * i), values: vs });
        const seriesOk = (out: { values: readonly number[] }) => out.values.every(Number.isFinite);
        return (
          finiteOrMetricsError(() => yoyGrowth(s), seriesOk) &&
          finiteOrMetricsError(() => logGrowth(s), seriesOk) &&
          finiteOrMetricsError(() => averageGrowth(s), isFiniteNumber) &&
          finiteOrMetricsError(() => interpolate(s), seriesOk) &&
          finiteOrMetricsError(() => interpolate(s, 'linear'), seriesOk)
        );
      }),
      { numRuns: 2000 },
    );
  });
});
