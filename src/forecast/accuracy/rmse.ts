import { checkPair, finiteResult } from '../internal/accuracyCheck.js';

/**
 * Root mean squared error: sqrt(mean (actual - predicted)^2), in the unit of the data. Never below
 * {@link mae} on the same input.
 * @param actual held-out values
 * @param predicted point forecasts, one per actual value
 * @throws {MetricsError} invalid_argument for empty or unequal-length inputs; non_finite for NaN/±Infinity
 * @example
 * rmse([10, 20], [8, 23]); // => 2.5495097567963922 (sqrt((4 + 9) / 2))
 */
export function rmse(actual: readonly number[], predicted: readonly number[]): number {
  checkPair('rmse', actual, predicted);
  // Scaled by the largest error so that squaring cannot overflow for large magnitudes.
  let big = 0;
  for (let i = 0; i < actual.length; i++)
    big = Math.max(big, Math.abs((actual[i] as number) - (predicted[i] as number)));
  if (big === 0) return 0;
  finiteResult('rmse', big);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = ((actual[i] as number) - (predicted[i] as number)) / big;
    sum += e * e;
  }
  return finiteResult('rmse', big * Math.sqrt(sum / actual.length));
}
