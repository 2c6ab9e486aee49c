import { checkInterval } from '../internal/accuracyCheck.js';

/**
 * Interval coverage: the share of actual values inside [lower, upper] (bounds included), in [0, 1].
 * A calibrated 95% interval covers about 0.95 of held-out values.
 * @param actual held-out values
 * @param lower lower bounds, one per actual value
 * @param upper upper bounds, one per actual value, each >= its lower bound
 * @throws {MetricsError} invalid_argument for empty or unequal-length inputs or lower > upper;
 *   non_finite for NaN/±Infinity
 * @example
 * coverage([1, 5, 9], [0, 0, 0], [6, 6, 6]); // => 0.6666666666666666
 */
export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  checkInterval('coverage', actual, lower, upper);
  let inside = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    if (y >= (lower[i] as number) && y <= (upper[i] as number)) inside++;
  }
  return inside / actual.length;
}
