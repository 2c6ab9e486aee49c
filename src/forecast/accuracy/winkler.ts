import { assertOptions, optionNames } from '../../internal/assert.js';
import { alphaOf, checkInterval, finiteResult } from '../internal/accuracyCheck.js';

/** Options of {@link winkler}. */
export interface WinklerOptions {
  /** Level of the interval as a fraction in (0, 1): 0.95 for a 95% interval (alpha = 0.05). */
  readonly level: number;
}

const WINKLER_OPTIONS = optionNames<WinklerOptions>({ level: true });

/**
 * Mean Winkler (interval) score, in the unit of the data (Winkler 1972; Gneiting & Raftery 2007):
 * mean of (U - L) + (2/alpha)(L - y)·1{y < L} + (2/alpha)(y - U)·1{y > U} with alpha = 1 - level.
 * Narrow intervals score low; each miss costs 2/alpha times its distance. Lower is better.
 * @param actual held-out values
 * @param lower lower bounds, one per actual value
 * @param upper upper bounds, one per actual value
 * @throws {MetricsError} invalid_argument for a level outside (0, 1), empty/unequal inputs or lower > upper
 * @example
 * winkler([5, 12], [4, 4], [10, 10], { level: 0.95 }); // ≈ 46 (mean of 6 and 6 + 40·2; 2 / (1 - 0.95) is not exactly 40 in binary)
 */
export function winkler(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  options: WinklerOptions,
): number {
  checkInterval('winkler', actual, lower, upper);
  assertOptions('winkler', options, '{ level: 0.95 }', WINKLER_OPTIONS);
  const alpha = alphaOf('winkler', options.level);
  return finiteResult('winkler', intervalScoreSum(actual, lower, upper, alpha) / actual.length);
}

/** Sum of interval scores (internal; shared with msis). */
export function intervalScoreSum(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  alpha: number,
): number {
  const k = 2 / alpha;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const l = lower[i] as number;
    const u = upper[i] as number;
    sum += u - l + (y < l ? k * (l - y) : 0) + (y > u ? k * (y - u) : 0);
  }
  return sum;
}
