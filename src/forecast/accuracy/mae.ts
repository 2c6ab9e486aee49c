import { checkPair, finiteResult } from '../internal/accuracyCheck.js';

/**
 * Mean absolute error: mean |actual - predicted|, in the unit of the data.
 * @param actual held-out values
 * @param predicted point forecasts, one per actual value
 * @throws {MetricsError} invalid_argument for empty or unequal-length inputs; non_finite for NaN/±Infinity
 * @example
 * mae([10, 20], [8, 23]); // => 2.5
 */
export function mae(actual: readonly number[], predicted: readonly number[]): number {
  checkPair('mae', actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs((actual[i] as number) - (predicted[i] as number));
  return finiteResult('mae', sum / actual.length);
}
