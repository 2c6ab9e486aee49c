import { argumentError, assertFiniteArray, show } from '../../internal/assert.js';
import { normalCdf } from '../internal/normalAndStudentT.js';
import { checkPair, finiteResult } from '../internal/accuracyCheck.js';

/** A normal forecast distribution per point: means and standard deviations. */
export interface NormalForecast {
  readonly mean: readonly number[];
  readonly sd: readonly number[];
}

/** A forecast distribution given by its quantiles: `values[j][i]` is the `probs[j]` quantile at point i. */
export interface QuantileForecast {
  readonly probs: readonly number[];
  readonly values: readonly (readonly number[])[];
}

/**
 * Continuous ranked probability score, mean over the points, with fable's definitions (fabletools' `CRPS`):
 * for a normal forecast the closed form sd (z (2 Phi(z) - 1) + 2 phi(z) - 1/sqrt(pi)), z = (y - mean)/sd
 * (Gneiting & Raftery 2007); for any other forecast the mean of fable's pinball loss (see pinball, which
 * carries the factor 2) over its quantiles, which fable takes at the 1000 probabilities 1/1001, …,
 * 1000/1001 (`crpsProbs()`; get the quantiles with forecastQuantiles).
 * Lower is better; in the unit of the data; for a point forecast (sd 0) it is the absolute error.
 * @param actual held-out values
 * @param forecast `{ mean, sd }` (normal) or `{ probs, values }` (quantiles)
 * @throws {MetricsError} invalid_argument for empty or unequal-length inputs, a negative sd, or quantiles not
 *   given for every point; non_finite for NaN
 * @example
 * crps([0], { mean: [0], sd: [1] }); // => 0.23369497725510913
 */
export function crps(actual: readonly number[], forecast: NormalForecast | QuantileForecast): number {
  const fn = 'crps';
  if (typeof forecast === 'object' && forecast !== null && 'sd' in forecast) {
    checkPair(fn, actual, forecast.mean, 'mean');
    checkPair(fn, actual, forecast.sd, 'sd');
    let sum = 0;
    for (let i = 0; i < actual.length; i++) {
      const sd = forecast.sd[i] as number,
        m = forecast.mean[i] as number,
        y = actual[i] as number;
      if (sd < 0) {
        throw argumentError(
          'invalid_argument',
          `${fn}: sd[${i}] is negative (got ${sd}). Give standard deviations >= 0.`,
          ['forecast', 'sd', i],
          '>= 0',
          sd,
        );
      }
      if (sd === 0) {
        sum += Math.abs(y - m);
        continue;
      }
      const z = (y - m) / sd;
      // Far in a tail (|z| > 38) Phi(z) is 0 or 1 and phi(z) 0 in doubles, so the closed form is
      // |y - mean| - sd / sqrt(pi); written so, a tiny sd cannot make z infinite and the sum NaN.
      if (Math.abs(z) > 38) {
        sum += Math.abs(y - m) - sd / Math.sqrt(Math.PI);
        continue;
      }
      const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      sum += sd * (z * (2 * normalCdf(z) - 1) + 2 * pdf - 1 / Math.sqrt(Math.PI));
    }
    return finiteResult(fn, sum / actual.length);
  }
  if (
    typeof forecast !== 'object' ||
    forecast === null ||
    !Array.isArray(forecast.probs) ||
    !Array.isArray(forecast.values)
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: forecast must be { mean, sd } or { probs, values } (got ${show(forecast)}). Use forecastQuantiles for the second.`,
      'forecast',
      '{ mean, sd } or { probs, values }',
      forecast,
    );
  }
  assertFiniteArray(fn, 'probs', forecast.probs);
  if (forecast.probs.length === 0 || forecast.probs.length !== forecast.values.length) {
    throw argumentError(
      'invalid_argument',
      `${fn}: give one row of values per probability (got ${forecast.probs.length} probabilities and ${forecast.values.length} rows).`,
      'forecast.values',
      `one row per probability (${forecast.probs.length})`,
      forecast.values.length,
    );
  }
  // An indexed loop: forEach would skip a hole (a missing row).
  for (let j = 0; j < forecast.values.length; j++)
    checkPair(fn, actual, forecast.values[j] as readonly number[], `values[${j}]`);
  let sum = 0;
  for (let j = 0; j < forecast.probs.length; j++) {
    const p = forecast.probs[j] as number,
      row = forecast.values[j] as readonly number[];
    for (let i = 0; i < actual.length; i++) {
      const y = actual[i] as number,
        q = row[i] as number;
      sum += 2 * ((y < q ? 1 : 0) - p) * (q - y);
    }
  }
  return finiteResult(fn, sum / (forecast.probs.length * actual.length));
}

/**
 * fable's probabilities for the quantile form of the CRPS: 1/(n + 1), …, n/(n + 1), n = 1000 by default.
 * @example
 * crpsProbs(3); // => [0.25, 0.5, 0.75]
 */
export function crpsProbs(n = 1000): number[] {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > 1_000_000) {
    throw argumentError(
      'invalid_argument',
      `crpsProbs: n must be a whole number in [1, 1000000] (got ${show(n)}). fable uses 1000.`,
      'n',
      'a whole number in [1, 1000000]',
      n,
      { n },
    );
  }
  return Array.from({ length: n }, (_, i) => (i + 1) / (n + 1));
}
