import { MetricsError } from '../../errors.js';
import { checkPair, finiteResult } from '../internal/accuracyCheck.js';

/**
 * Mean absolute percentage error, in percent: 100 * mean |actual - predicted| / |actual|.
 * Percent (not a fraction) to match R's `forecast::accuracy` and the M-competitions.
 * @param actual held-out values, none zero
 * @param predicted point forecasts, one per actual value
 * @throws {MetricsError} degenerate when an actual value is 0 (the percentage is undefined; use
 *   {@link smape} or {@link mase}); invalid_argument / non_finite for bad inputs
 * @example
 * mape([100, 200], [110, 150]); // => 17.5 (mean of 10% and 25%)
 */
export function mape(actual: readonly number[], predicted: readonly number[]): number {
  checkPair('mape', actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    if (y === 0) {
      throw new MetricsError(
        'degenerate',
        `mape: actual[${i}] is 0, so its percentage error is undefined (got 0). Use smape or mase for series that reach zero.`,
        { index: i },
      );
    }
    sum += Math.abs(y - (predicted[i] as number)) / Math.abs(y);
  }
  return finiteResult('mape', (100 * sum) / actual.length);
}
