import { checkPair, finiteResult } from '../internal/accuracyCheck.js';

/**
 * Mean error: mean(actual - predicted). Positive when the forecasts are too low on average (bias).
 * Same sign convention as R's `forecast::accuracy`.
 * @param actual held-out values
 * @param predicted point forecasts, one per actual value
 * @throws {MetricsError} invalid_argument for empty or unequal-length inputs; non_finite for NaN/±Infinity
 * @example
 * me([10, 20], [8, 23]); // => -0.5
 */
export function me(actual: readonly number[], predicted: readonly number[]): number {
  checkPair('me', actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (actual[i] as number) - (predicted[i] as number);
  return finiteResult('me', sum / actual.length);
}
