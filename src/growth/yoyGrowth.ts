import { MetricsError } from '../errors.js';
import { asSeries, assertAnnual, series, type Series } from '../series/series.js';
import { argumentError } from '../internal/assert.js';

/**
 * Year-over-year growth of an annual series: `v[t] / v[t-1] - 1`, one value per year from the second.
 * The result is a series of fractions with id `<id>:yoy`.
 * @throws {MetricsError} missing_years when a year is absent (interpolate first, or use averageGrowth);
 *   invalid_argument with fewer than 2 points; degenerate when a previous value is 0
 * @example
 * yoyGrowth(series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [100, 110, 121] })).values; // ≈ [0.1, 0.1]
 */
export function yoyGrowth(s: Series): Series {
  return growthSeries('yoyGrowth', s, 'yoy', (prev, cur) => cur / prev - 1);
}

/** Shared by yoyGrowth and logGrowth: per-year growth of consecutive values. */
export function growthSeries(
  fn: string,
  input: Series,
  suffix: string,
  rate: (prev: number, cur: number) => number,
): Series {
  const s = asSeries(fn, input);
  if (s.years.length < 2) {
    throw argumentError(
      'invalid_argument',
      `${fn}: series "${s.id}" needs at least 2 years (got ${s.years.length}).`,
      'series.years',
      'at least 2 years',
      s.years,
    );
  }
  assertAnnual(fn, s);
  const values: number[] = [];
  for (let i = 1; i < s.values.length; i++) {
    const prev = s.values[i - 1] as number;
    const cur = s.values[i] as number;
    if (prev <= 0 || cur < 0) {
      throw new MetricsError(
        'degenerate',
        `${fn}: series "${s.id}" has ${prev} in ${s.years[i - 1]} and ${cur} in ${s.years[i]}; growth needs positive levels.`,
        { year: s.years[i] },
      );
    }
    const r = rate(prev, cur);
    if (!Number.isFinite(r)) {
      throw new MetricsError(
        'degenerate',
        `${fn}: series "${s.id}" has no finite growth in ${s.years[i]} (from ${prev} to ${cur}).`,
        { year: s.years[i] },
      );
    }
    values.push(r);
  }
  return series({ id: `${s.id}:${suffix}`, unit: 'fraction', years: s.years.slice(1), values });
}
