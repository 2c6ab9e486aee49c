import { checkPair, finiteResult } from '../internal/accuracyCheck.js';

/**
 * Symmetric mean absolute percentage error, in percent, as in the M3 and M4 competitions:
 * mean of 200 |y - f| / (|y| + |f|). Each term lies in [0, 200]. A term where both the actual and
 * the forecast are 0 is a perfect forecast and counts as 0 (the formula alone would give 0/0).
 * @param actual held-out values
 * @param predicted point forecasts, one per actual value
 * @throws {MetricsError} invalid_argument for empty or unequal-length inputs; non_finite for NaN/±Infinity
 * @example
 * smape([100, 200], [110, 150]); // => 19.047619047619047 (mean of 200·10/210 and 200·50/350)
 */
export function smape(actual: readonly number[], predicted: readonly number[]): number {
  checkPair('smape', actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    const f = predicted[i] as number;
    const denom = Math.abs(y) + Math.abs(f);
    if (denom === 0) continue;
    // |y - f| <= |y| + |f|, so the term is finite whenever denom is; halving only for magnitudes near
    // Number.MAX_VALUE (halving always would lose subnormals).
    sum += Number.isFinite(denom)
      ? (2 * Math.abs(y - f)) / denom
      : (2 * Math.abs(y / 2 - f / 2)) / (Math.abs(y) / 2 + Math.abs(f) / 2);
  }
  return finiteResult('smape', (100 * sum) / actual.length);
}
