import type { Series } from '../series/series.js';
import { tQuantile } from './internal/normalAndStudentT.js';
import { argumentError } from '../internal/assert.js';
import { ar1Normals, ar1Notes, residualAcf1, shortSeriesVariance } from './internal/ar1Variance.js';
import {
  checkPaths,
  fitBase,
  fitInput,
  fitNumbers,
  horizonYears,
  intervalLevels,
  makeForecast,
  meanOf,
  MIN_LENGTH,
  pathScales,
  simulateInput,
} from './internal/common.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * The mean method, as R's `forecast::meanf`: every future year equals the mean of the observations.
 * Intervals are mean ± t(n - 1) * s * sqrt(1 + 1/n), with s the sample standard deviation. Suits
 * series without trend; for growing industry metrics prefer drift or a trend method.
 * - Under 10 observations (unless `smallSample: false`, which gives meanf's intervals exactly) the
 *   intervals allow for autocorrelated years: when the residuals' lag-1 autocorrelation r1 is > 0, the
 *   errors are taken as AR(1) around the mean with rho the bias-corrected r1 (`params.acf1`), and the
 *   half-width is t(n - 1) times the larger of s sqrt(1 + 1/n) and the exact standard deviation of
 *   y_{n+h} - mean under AR(1) errors (src/forecast/internal/ar1Variance.ts; Box, Jenkins & Reinsel,
 *   Time Series Analysis, ch. 3.2, for the AR(1) autocovariances). With r1 <= 0 they are meanf's.
 * - fit: `params.mean`, `params.sd`, `params.acf1` (r1); `fitted` is the mean everywhere.
 * - simulate: paths follow the intervals: each year is the mean plus the interval's standard error times a
 *   t(n - 1) draw (one chi-square factor per path), whose variance is split as meanf's: the mean's estimation
 *   error, shared by the path's years, and the year's own error, AR(1)-correlated between years where the
 *   intervals are AR(1) ones. The 2.5 % and 97.5 % quantiles of many paths are the 95 % bounds.
 * - calibrate(mean) keeps the in-sample origins' errors as measured (`calibrationScale: 'none'`): the
 *   residuals are deviations from the whole history's mean, not forecast errors, and on a trending history
 *   they grow with its length faster than the forecast errors do (on y = 1, …, n the residuals' root mean
 *   square is sqrt((n² - 1) / 12), about n / 3.5, while the h-step error is (n - 1) / 2 + h), so scaling by
 *   them overstated the widths (95 % coverage 98.4 % on M3 yearly scaled; see docs/forecast-evaluation.md).
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [1, 2, 3] });
 * mean.forecast(mean.fit(s), 2023).mean; // => [2]
 * // rising values: residuals -2, -1, 0, 1, 2 have r1 = 0.4, so the short-series interval is wider than meanf's
 * const r = series({ id: 'r', unit: 'count', years: [2018, 2019, 2020, 2021, 2022], values: [1, 2, 3, 4, 5] });
 * const w = (small: boolean) => mean.forecast(mean.fit(r), 2023, { levels: [0.95], smallSample: small }).intervals[0].upper[0];
 * w(true) > w(false); // => true
 */
export const mean: ForecastMethod = {
  name: 'mean',
  description: 'Mean of the observations, with t intervals (R forecast::meanf).',
  minLength: MIN_LENGTH,
  calibrationScale: 'none',
  fit(s: Series): ForecastFit {
    const y = fitInput('mean.fit', s);
    const n = y.length;
    const m = meanOf(y);
    let ss = 0;
    for (const v of y) ss += (v - m) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    const residuals = y.map((v) => v - m);
    const acf1 = residualAcf1(s.years, residuals);
    const notes = ar1Notes(n, acf1);
    return Object.assign(fitBase(s, 'mean', y), {
      params: { mean: m, sd, acf1 },
      state: { level: m },
      fitted: y.map(() => m),
      residuals,
      sigma2: sd * sd,
      ...(notes.length > 0 ? { notes } : {}),
    });
  },
  forecast(fit: ForecastFit, toYear: number, options?: ForecastOptions): Forecast {
    const years = horizonYears('mean.forecast', fit, toYear);
    const levels = intervalLevels('mean.forecast', options);
    const n = fit.values.length;
    const { mean: m, se } = meanErrors('mean.forecast', fit, years, options);
    const mean = years.map(() => m);
    const intervals = levels.map((level) => {
      const q = tQuantile(0.5 + level / 2, n - 1);
      return { level, lower: mean.map((v, i) => v - q * se[i]!), upper: mean.map((v, i) => v + q * se[i]!) };
    });
    return makeForecast(fit, years, mean, intervals);
  },
  simulate(fit: ForecastFit, toYear: number, options: SimulateFitOptions) {
    const { years, paths, rng } = simulateInput('mean.simulate', fit, toYear, options);
    const n = fit.values.length,
      h = years.length;
    const { mean: m, se, rho } = meanErrors('mean.simulate', fit, years, options);
    // The intervals' distribution: each year's variance split as meanf splits it, into the mean's estimation
    // part (shared by the path's years, 1/(n + 1) of it) and the year's own error (AR(1) between years when
    // the intervals are AR(1) ones), scaled to the interval's standard error and by one t(n - 1) factor per
    // path, since meanf's intervals are t ones at every length.
    const scales = pathScales(n - 1, paths, rng);
    const shared = Math.sqrt(1 / (n + 1)),
      own = Math.sqrt(n / (n + 1));
    const normal = () => rng.normal();
    const out = new Float64Array(paths * h);
    for (let p = 0; p < paths; p++) {
      const c = rng.normal();
      const w = ar1Normals(normal, h, rho);
      const k = scales?.[p] ?? 1;
      for (let j = 0; j < h; j++) out[p * h + j] = m + k * se[j]! * (shared * c + own * w[j]!);
    }
    return checkPaths('mean.simulate', fit, years, out);
  },
};

/**
 * The standard error of each forecast year's error, meanf's s sqrt(1 + 1/n), or under AR(1) errors (short
 * series, residual r1 > 0) the larger of it and the exact AR(1) one; the rho used (0: independent years); and the
 * fit's mean.
 */
function meanErrors(
  fn: string,
  fit: ForecastFit,
  years: readonly number[],
  options: Pick<ForecastOptions, 'smallSample'> | undefined,
): { mean: number; se: number[]; rho: number } {
  const n = fit.values.length;
  const { mean, sd } = meanParams(fn, fit);
  // meanf's variance s^2 (1 + 1/n); under AR(1) errors the exact variance of y_{n+h} - mean, never below it
  const base = sd * sd * (1 + 1 / n);
  const { variance, rho } = shortSeriesVariance(
    fn,
    fit,
    options,
    years.map(() => base),
    () => [fit.years.map(() => 1)],
    () => years.map((time) => ({ time, x: [1] })),
    sd * sd * (n - 1),
  );
  return { mean, se: variance.map(Math.sqrt), rho };
}

/** The mean and sd a mean fit holds (sd >= 0). */
function meanParams(fn: string, fit: ForecastFit): { mean: number; sd: number } {
  const p = fitNumbers(fn, fit, 'params', ['mean', 'sd']);
  if (p.sd < 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fit.params.sd must be >= 0 (got ${p.sd}). Pass the fit mean.fit made, unchanged.`,
      'fit.params.sd',
      '>= 0',
      p.sd,
    );
  }
  return p;
}
