import { assertInRange } from '../../internal/assert.js';
import { checkPair, finiteResult } from '../internal/accuracyCheck.js';

/**
 * Pinball (quantile) loss with fable's scaling (fabletools' `quantile_score`): the mean over the points of
 * 2 (1 - p)(q - y) when y < q and 2 p (y - q) otherwise, for the forecast p-quantiles q. At p = 0.5 it is
 * the mean absolute error; averaged over many p it approaches the CRPS.
 * @param actual held-out values
 * @param quantiles the forecast p-quantile for each actual value
 * @param prob the probability p in [0, 1]
 * @throws {MetricsError} invalid_argument for empty or unequal-length inputs or p outside [0, 1]; non_finite for NaN
 * @example
 * pinball([10, 20], [12, 15], 0.9); // => 4.7
 */
export function pinball(actual: readonly number[], quantiles: readonly number[], prob: number): number {
  checkPair('pinball', actual, quantiles, 'quantiles');
  assertInRange('pinball', 'prob', prob, { min: 0, max: 1 });
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number,
      q = quantiles[i] as number;
    sum += 2 * ((y < q ? 1 : 0) - prob) * (q - y);
  }
  return finiteResult('pinball', sum / actual.length);
}
