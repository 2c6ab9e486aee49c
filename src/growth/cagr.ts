import { MetricsError } from '../errors.js';
import { argumentError, assertFinite } from '../internal/assert.js';

/**
 * Compound annual growth rate: the constant yearly rate that takes `start` to `end` in `years`
 * compounding periods. Same as a spreadsheet's `RRI(years, start, end)`.
 * https://en.wikipedia.org/wiki/Compound_annual_growth_rate
 * @param start value in the first year, > 0
 * @param end value in the last year, >= 0
 * @param years compounding periods, toYear - fromYear (2015 to 2020 is 5, not 6); > 0, may be fractional
 * @returns the rate as a fraction: 0.07 is 7% a year
 * @throws {MetricsError} invalid_argument when start <= 0, end < 0 or years <= 0; degenerate when the
 *   rate overflows (cagr(1e-300, 1e300, 1))
 * @example
 * cagr(100, 200, 10); // => 0.07177346253629313
 */
export function cagr(start: number, end: number, years: number): number {
  assertFinite('cagr', { start, end, years });
  if (start <= 0) {
    throw argumentError(
      'invalid_argument',
      `cagr: start must be > 0 (got ${start}). Growth from zero or a negative level has no rate; pick a later base year.`,
      'start',
      '> 0',
      start,
      { start },
    );
  }
  if (end < 0) {
    throw argumentError(
      'invalid_argument',
      `cagr: end must be >= 0 (got ${end}). A compound rate needs levels of one sign.`,
      'end',
      '>= 0',
      end,
      { end },
    );
  }
  if (years <= 0) {
    throw argumentError(
      'invalid_argument',
      `cagr: years must be > 0 (got ${years}). Pass toYear - fromYear, e.g. 5 for 2015 to 2020.`,
      'years',
      '> 0',
      years,
      { years },
    );
  }
  // expm1/log1p-free form keeps exact results for exact powers (2^(1/10) - 1).
  const out = Math.pow(end / start, 1 / years) - 1;
  if (!Number.isFinite(out)) {
    throw new MetricsError(
      'degenerate',
      `cagr: ${start} to ${end} in ${years} years has no finite rate. Check the levels are in one unit and years is toYear - fromYear.`,
      { start, end, years },
    );
  }
  return out;
}
