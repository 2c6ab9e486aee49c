import { show, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import { checkMethod } from './internal/checkMethod.js';
import { toLevels } from './levels.js';
import type { ForecastFit, ForecastMethod, ForecastOptions } from './types.js';

/** Quantiles of a forecast: `values[j][i]` is the `probs[j]` quantile for `years[i]`. */
export interface ForecastQuantiles {
  readonly method: string;
  readonly years: readonly number[];
  readonly probs: readonly number[];
  readonly values: readonly (readonly number[])[];
}

const FORECAST_QUANTILES_OPTIONS = optionNames<Pick<ForecastOptions, 'smallSample'>>({ smallSample: true });

/** The level used for the median: the midpoint of a 1e-9 interval. */
const MEDIAN_LEVEL = 1e-9;

/**
 * Any quantiles of a method's forecast distribution, not only the 80% and 95% bounds: the p-quantile is
 * the lower bound of the central (1 - 2p) interval for p < 0.5, the upper bound of the (2p - 1) interval for
 * p > 0.5, and the midpoint of a vanishing interval for p = 0.5 (the mean of a normal forecast, the
 * back-transformed median under Box-Cox). One call to `method.forecast` gives them all, so they are exactly
 * the method's own intervals (range bound included), for combinations and calibrated methods too.
 * - p = 0 and p = 1 have no finite quantile for these distributions and are refused.
 * @param method the method that made `fit`
 * @param fit its fit
 * @param toYear the last year forecast
 * @param probs probabilities in (0, 1) by the levels convention (fractions, or unambiguous percent: 5,50,95)
 * @param options `smallSample: false` for R's intervals under 10 observations (see ForecastOptions)
 * @returns the quantiles per probability (sorted ascending) and year
 * @throws {MetricsError} invalid_argument for a non-method, bad probabilities (0 or 1 among them); what the
 *   method's forecast throws
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2019, 2020, 2021, 2022], values: [10, 12, 11, 13] });
 * forecastQuantiles(naive, naive.fit(s), 2023, [0.5]).values; // => [[13]]
 */
export function forecastQuantiles(
  method: ForecastMethod,
  fit: ForecastFit,
  toYear: number,
  probs: readonly number[],
  options: Pick<ForecastOptions, 'smallSample'> = {},
): ForecastQuantiles {
  const fn = 'forecastQuantiles';
  checkMethod(fn, method);
  assertOptions(fn, options, '{ smallSample: false }', FORECAST_QUANTILES_OPTIONS);
  const ps = toLevels(fn, probs, 'quantile');
  if (ps.some((p) => p === 0 || p === 1)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: probabilities must lie strictly between 0 and 1 (got ${show(probs)}). The 0 and 1 quantiles of these forecasts are infinite.`,
      'probabilities',
      'probabilities strictly between 0 and 1',
      probs,
    );
  }
  const levelOf = (p: number): number => (p === 0.5 ? MEDIAN_LEVEL : Math.abs(2 * p - 1));
  const levels = [...new Set(ps.map(levelOf))].sort((a, b) => a - b);
  const f = method.forecast(fit, toYear, options.smallSample === false ? { levels, smallSample: false } : { levels });
  const byLevel = new Map(f.intervals.map((iv) => [iv.level, iv]));
  const values = ps.map((p) => {
    const iv = byLevel.get(levelOf(p))!;
    if (p === 0.5) return iv.lower.map((l, i) => (l + iv.upper[i]!) / 2);
    return p < 0.5 ? [...iv.lower] : [...iv.upper];
  });
  return { method: f.method, years: f.years, probs: ps, values };
}
