import { MetricsError } from '../errors.js';
import { argumentError, assertFinite } from '../internal/assert.js';
import { assertPlausible } from '../internal/plausible.js';

/**
 * The base level implied by an end level and a constant yearly rate: `end / (1 + rate)^years`.
 * "Exceed RMB 1 trillion by 2020 at about 30% a year" implies a 2015 base of 1 / 1.3^5 = 0.2693 trillion.
 * @param end the level in the last year
 * @param rate yearly growth as a fraction, > -1 and at most 3 (300% a year)
 * @param years compounding periods, >= 0
 * @throws {MetricsError} invalid_argument when rate <= -1, rate > 3 (a percent, not a fraction) or years < 0
 * @example
 * backcast(1, 0.3, 5); // => 0.2693290743429044
 */
export function backcast(end: number, rate: number, years: number): number {
  assertFinite('backcast', { end, rate, years });
  if (rate <= -1) {
    throw argumentError(
      'invalid_argument',
      `backcast: rate must be > -1 (got ${rate}). Rates are fractions: 0.3 is 30%.`,
      'rate',
      '> -1',
      rate,
      { rate },
    );
  }
  assertPlausible('backcast', 'rate', rate, 'rate');
  if (years < 0) {
    throw argumentError(
      'invalid_argument',
      `backcast: years must be >= 0 (got ${years}). To go forward in time use compound.`,
      'years',
      '>= 0',
      years,
      { years },
    );
  }
  const out = end / Math.pow(1 + rate, years);
  if (!Number.isFinite(out)) {
    throw new MetricsError(
      'degenerate',
      `backcast: ${end} at ${rate} over ${years} years has no finite base. Check the rate is a fraction.`,
      { end, rate, years },
    );
  }
  return out;
}
