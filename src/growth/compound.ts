import { MetricsError } from '../errors.js';
import { argumentError, assertFinite } from '../internal/assert.js';
import { assertPlausible } from '../internal/plausible.js';

/**
 * A value grown at a constant yearly rate: `start * (1 + rate)^years`.
 * @param start the level in the first year
 * @param rate yearly growth as a fraction, > -1 and at most 3 (0.25 is 25%; 25 is refused: did you mean 0.25?)
 * @param years compounding periods, >= 0
 * @throws {MetricsError} invalid_argument when rate <= -1, rate > 3 (300% a year: a percent, not a fraction) or years < 0
 * @example
 * compound(1, 0.25, 5); // => 3.0517578125
 */
export function compound(start: number, rate: number, years: number): number {
  assertFinite('compound', { start, rate, years });
  if (rate <= -1) {
    throw argumentError(
      'invalid_argument',
      `compound: rate must be > -1 (got ${rate}). Rates are fractions: -0.05 is a 5% fall.`,
      'rate',
      '> -1',
      rate,
      { rate },
    );
  }
  assertPlausible('compound', 'rate', rate, 'rate');
  if (years < 0) {
    throw argumentError(
      'invalid_argument',
      `compound: years must be >= 0 (got ${years}). To go back in time use backcast.`,
      'years',
      '>= 0',
      years,
      { years },
    );
  }
  const out = start * Math.pow(1 + rate, years);
  if (!Number.isFinite(out)) {
    throw new MetricsError(
      'degenerate',
      `compound: ${start} at ${rate} for ${years} years overflows. Check the rate is a fraction (0.25, not 25).`,
      { start, rate, years },
    );
  }
  return out;
}
