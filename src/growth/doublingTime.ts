import { MetricsError } from '../errors.js';
import { argumentError, assertFinite } from '../internal/assert.js';
import { assertPlausible } from '../internal/plausible.js';

/**
 * Years to double at a constant yearly rate: `ln 2 / ln(1 + rate)`. (The rule of 70 approximates it.)
 * @param rate yearly growth as a fraction, > 0 and at most 3 (300% a year)
 * @throws {MetricsError} invalid_argument when rate <= 0 (a level that does not grow never doubles) or
 *   rate > 3 (a percent, not a fraction);
 *   degenerate when the rate is so small that the time overflows (1e-320)
 * @example
 * doublingTime(0.25); // => 3.10628371950539
 */
export function doublingTime(rate: number): number {
  assertFinite('doublingTime', { rate });
  if (rate <= 0) {
    throw argumentError(
      'invalid_argument',
      `doublingTime: rate must be > 0 (got ${rate}). A level that does not grow never doubles.`,
      'rate',
      '> 0',
      rate,
      { rate },
    );
  }
  assertPlausible('doublingTime', 'rate', rate, 'rate');
  const out = Math.LN2 / Math.log1p(rate);
  if (!Number.isFinite(out)) {
    throw new MetricsError(
      'degenerate',
      `doublingTime: rate ${rate} is too small for a finite doubling time. Check the rate is a fraction (0.25 is 25%).`,
      { rate },
    );
  }
  return out;
}
