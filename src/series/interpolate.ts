import { MetricsError } from '../errors.js';
import { assertOneOf } from '../internal/assert.js';
import { asSeries, series, type Series } from './series.js';

/** How {@link interpolate} fills a gap: on a straight line, or at the constant growth rate between the ends. */
export const InterpolationMethod = Object.freeze({ linear: 'linear', geometric: 'geometric' } as const);
export type InterpolationMethod = keyof typeof InterpolationMethod;

const MAX_YEARS = 100_000;

/**
 * Fills the missing years between the first and last year of a sparse series. `geometric` (the default)
 * grows at the CAGR between the two neighbouring points, which is what a plan's "average annual growth"
 * means; `linear` draws a straight line. Filled points carry no provenance.
 * @throws {MetricsError} invalid_argument for an unknown method; degenerate for geometric
 *   interpolation across a non-positive value; too_large for a span of more than 100 000 years
 * @example
 * interpolate(series({ id: 'x', unit: 'count', years: [2020, 2022], values: [100, 121] })).values; // ≈ [100, 110, 121]
 */
export function interpolate(s: Series, method: InterpolationMethod = 'geometric'): Series {
  s = asSeries('interpolate', s); // a hand-built object is checked as series() checks its input
  assertOneOf('interpolate', 'method', method, InterpolationMethod);
  const span = s.years.length === 0 ? 0 : (s.years[s.years.length - 1] as number) - (s.years[0] as number) + 1;
  if (span > MAX_YEARS) {
    throw new MetricsError(
      'too_large',
      `interpolate: series "${s.id}" spans ${span} years; filling more than ${MAX_YEARS} is refused. Check the years are calendar years.`,
      { span },
    );
  }
  const years: number[] = [];
  const values: number[] = [];
  const provenance: (Series['provenance'] extends readonly (infer P)[] | undefined ? P : never)[] = [];
  for (let i = 0; i < s.years.length; i++) {
    const y1 = s.years[i] as number;
    const v1 = s.values[i] as number;
    if (i > 0) {
      const y0 = s.years[i - 1] as number;
      const v0 = s.values[i - 1] as number;
      if (method === 'geometric' && y1 - y0 > 1 && (v0 <= 0 || v1 <= 0)) {
        throw new MetricsError(
          'degenerate',
          `interpolate: geometric filling between ${y0} (${v0}) and ${y1} (${v1}) needs positive values. Use method "linear".`,
          { from: y0, to: y1 },
        );
      }
      for (let y = y0 + 1; y < y1; y++) {
        const t = (y - y0) / (y1 - y0);
        years.push(y);
        let v = method === 'linear' ? v0 + (v1 - v0) * t : v0 * Math.pow(v1 / v0, t);
        // v1 - v0 or v1 / v0 can overflow between finite ends (-1e308 to 1e308, 1e-300 to 1e300).
        if (!Number.isFinite(v))
          v = method === 'linear' ? v0 * (1 - t) + v1 * t : Math.exp(Math.log(v0) * (1 - t) + Math.log(v1) * t);
        values.push(v);
        provenance.push(undefined);
      }
    }
    years.push(y1);
    values.push(v1);
    provenance.push(s.provenance?.[i]);
  }
  return series({ id: s.id, unit: s.unit, years, values, ...(s.provenance ? { provenance } : {}) });
}
