import { MetricsError } from '../errors.js';
import { argumentError } from '../internal/assert.js';
import type { Series } from '../series/series.js';
import {
  assertPositive,
  checkPaths,
  fitBase,
  fitInput,
  fitNumbers,
  horizonYears,
  intervalLevels,
  makeForecast,
  MIN_LENGTH,
  ols,
  pathScales,
  simulateInput,
} from './internal/common.js';
import { tQuantile } from './internal/normalAndStudentT.js';
import { ar1Normals, ar1Notes, residualAcf1, shortSeriesVariance } from './internal/ar1Variance.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * Log-linear trend: least squares of log(value) on year, i.e. constant compound growth. Reports the
 * fitted growth rate `params.cagr` = exp(slope) - 1 with its 95% confidence interval
 * `params.cagrLower` / `params.cagrUpper` from the t distribution with n - 2 degrees of freedom.
 * Forecasts are exp(a + b year), the median of a log-normal (no bias adjustment); prediction
 * intervals are exp of the regression's t prediction intervals, s sqrt(1 + 1/n + (x - xbar)^2 / Sxx).
 * Fitted on every year the series has (years may be sparse here: no annual check).
 * - Under 10 observations (unless `smallSample: false`, which gives the regression's intervals exactly)
 *   the intervals allow for autocorrelated errors: when the log residuals' lag-1 autocorrelation r1
 *   (`params.acf1`, over years one apart) is > 0, the errors are taken as AR(1) with rho the bias-corrected
 *   r1 and the half-width is t(n - 2) times the larger of the formula above and the exact
 *   standard deviation of the least-squares forecast's error under AR(1) errors, which includes the trend's
 *   estimation variance (src/forecast/internal/ar1Variance.ts; Greene, Econometric Analysis, the
 *   generalized regression model; Box, Jenkins & Reinsel, ch. 3.2). Point forecasts and `cagr` stay OLS.
 * - Needs values > 0 (invalid_argument otherwise) and at least 3 observations; throws degenerate when the
 *   growth cannot be stated, its confidence interval's upper end overflowing (values spanning hundreds of
 *   orders of magnitude).
 * - simulate: paths follow the intervals: each year's log is the trend plus the interval's standard error
 *   times a t(n - 2) draw (one chi-square factor per path), whose variance is split as the regression's:
 *   the intercept's and slope's estimation errors, shared by the path's years, and the year's own error,
 *   AR(1)-correlated between years where the intervals are AR(1) ones. The 2.5 % and 97.5 % quantiles of
 *   many paths are the 95 % bounds.
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [100, 110, 121] });
 * logTrend.fit(s).params.cagr; // => 0.0999999999999999
 * // a steady rise then a flat spell: positively autocorrelated log residuals, wider short-series intervals
 * const b = series({ id: 'b', unit: 'count', years: [2016, 2017, 2018, 2019, 2020, 2021, 2022], values: [100, 105, 111, 130, 136, 140, 143] });
 * const w = (small: boolean) => logTrend.forecast(logTrend.fit(b), 2025, { levels: [0.95], smallSample: small }).intervals[0].upper[2];
 * w(true) > w(false); // => true
 */
export const logTrend: ForecastMethod = {
  name: 'logTrend',
  description: 'Log-linear trend (constant growth) with the fitted CAGR and its 95% confidence interval.',
  minLength: MIN_LENGTH,
  fit(s: Series): ForecastFit {
    // Sparse years are fine for a regression on the year: no annual check.
    const y = fitInput('logTrend.fit', s, MIN_LENGTH, false);
    assertPositive('logTrend.fit', s, 'a log-linear trend');
    const x = [...s.years];
    const ly = y.map(Math.log);
    const { a, b, s2, sxx, xbar } = ols(x, ly);
    const n = y.length;
    const seB = Math.sqrt(s2 / sxx);
    const q = tQuantile(0.975, n - 2);
    const fitted = x.map((t) => Math.exp(a + b * t));
    const cagr = Math.expm1(b),
      cagrUpper = Math.expm1(b + q * seB);
    // Logs of values from 5e-324 to 1e150 span about 1,090, so the slope, its standard error and the
    // fitted values are finite, but e to the upper end of the growth's interval may not be (e^710 overflows):
    // such a growth cannot be stated, and the fit is refused as the forecast is when its mean overflows.
    if (!Number.isFinite(cagrUpper) || !Number.isFinite(cagr) || !fitted.every(Number.isFinite)) {
      throw new MetricsError(
        'degenerate',
        `logTrend.fit: the growth rate of series "${s.id}" cannot be estimated: the upper end of its 95% confidence interval overflows (got a log slope of ${b} ± ${q * seB}). The values (from ${Math.min(...y)} to ${Math.max(...y)}) are too extreme for a log-linear trend; leave out the outlying years, or try drift or naive.`,
        { slope: b, slopeSe: seB },
      );
    }
    const logResiduals = ly.map((v, i) => v - a - b * x[i]!);
    const acf1 = residualAcf1(x, logResiduals);
    return Object.assign(fitBase(s, 'logTrend', y), {
      params: {
        intercept: a,
        slope: b,
        slopeSe: seB,
        logSigma2: s2,
        xbar,
        sxx,
        cagr,
        cagrLower: Math.expm1(b - q * seB),
        cagrUpper,
        acf1,
      },
      state: { level: fitted[n - 1]! },
      fitted,
      residuals: y.map((v, i) => v - fitted[i]!),
      sigma2: s2,
      notes: ['sigma2 is the residual variance of log(value)', ...ar1Notes(n, acf1)],
    });
  },
  forecast(fit: ForecastFit, toYear: number, options?: ForecastOptions): Forecast {
    const years = horizonYears('logTrend.forecast', fit, toYear);
    const levels = intervalLevels('logTrend.forecast', options);
    const n = fit.values.length;
    const { a, b, v } = logErrors('logTrend.forecast', fit, years, options);
    const mean = years.map((t) => Math.exp(a + b * t));
    const intervals = levels.map((level) => {
      const q = tQuantile(0.5 + level / 2, n - 2);
      const w = v.map((vh) => q * Math.sqrt(vh));
      return {
        level,
        lower: years.map((t, i) => Math.exp(a + b * t - w[i]!)),
        upper: years.map((t, i) => Math.exp(a + b * t + w[i]!)),
      };
    });
    return makeForecast(fit, years, mean, intervals);
  },
  simulate(fit: ForecastFit, toYear: number, options: SimulateFitOptions) {
    const { years, paths, rng } = simulateInput('logTrend.simulate', fit, toYear, options);

    const n = fit.values.length,
      H = years.length;
    const { a, b, xbar, sxx, v, rho } = logErrors('logTrend.simulate', fit, years, options);
    // The intervals' distribution on the log scale: each year's variance split as the regression splits it,
    // into the estimates' part (intercept and slope, independent and shared by the path's years) and the
    // year's own error (AR(1) between years when the intervals are AR(1) ones), scaled to the interval's
    // standard error and by one t(n - 2) factor per path, since the intervals are t ones at every length.
    const scales = pathScales(n - 2, paths, rng);
    const normal = () => rng.normal();
    // Per year, made once: the point on the log scale, the slope error's weight, and the standard error over
    // the independent-error one (z below has unit variance).
    const centre = years.map((t) => a + b * t);
    const slopeWeight = years.map((t) => (t - xbar) / Math.sqrt(sxx));
    const scale = years.map((t, h) => Math.sqrt(v[h]!) / Math.sqrt(1 + 1 / n + (t - xbar) ** 2 / sxx));
    const interceptWeight = 1 / Math.sqrt(n);
    const out = new Float64Array(paths * H);
    for (let p = 0; p < paths; p++) {
      const c1 = rng.normal(),
        c2 = rng.normal();
      const w = ar1Normals(normal, H, rho);
      const k = scales?.[p] ?? 1;
      for (let h = 0; h < H; h++) {
        const z = c1 * interceptWeight + c2 * slopeWeight[h]! + w[h]!;
        out[p * H + h] = Math.exp(centre[h]! + k * scale[h]! * z);
      }
    }
    return checkPaths('logTrend.simulate', fit, years, out);
  },
};

/**
 * The variance of each forecast year's log error, the regression's s^2 (1 + 1/n + (x - xbar)^2 / Sxx), or under
 * AR(1) errors (short series, log residual r1 > 0) the larger of it and the exact AR(1) one; the rho used; and the
 * fit's regression (a, b, xbar, Sxx), read once.
 */
function logErrors(
  fn: string,
  fit: ForecastFit,
  years: readonly number[],
  options: Pick<ForecastOptions, 'smallSample'> | undefined,
): { a: number; b: number; xbar: number; sxx: number; v: number[]; rho: number } {
  const { intercept: a, slope: b, logSigma2: s2, xbar, sxx } = logTrendParams(fn, fit);
  const n = fit.values.length;
  // s^2 (1 + 1/n + (x - xbar)^2 / Sxx); under AR(1) errors the exact variance of the OLS forecast's error,
  // never below it
  const { variance: v, rho } = shortSeriesVariance(
    fn,
    fit,
    options,
    years.map((t) => s2 * (1 + 1 / n + (t - xbar) ** 2 / sxx)),
    () => [fit.years.map(() => 1), fit.years.map((t) => t - xbar)],
    () => years.map((t) => ({ time: t, x: [1, t - xbar] })),
    s2 * (n - 2),
  );
  return { a, b, xbar, sxx, v, rho };
}

/** The regression a logTrend fit holds: every number present, the variances >= 0 and Sxx > 0. */
function logTrendParams(fn: string, fit: ForecastFit) {
  const p = fitNumbers(fn, fit, 'params', ['intercept', 'slope', 'logSigma2', 'xbar', 'sxx']);
  if (!(p.logSigma2 >= 0) || !(p.sxx > 0)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fit.params.logSigma2 must be >= 0 and sxx > 0 (got ${p.logSigma2} and ${p.sxx}). Pass the fit logTrend.fit made, unchanged.`,
      !(p.logSigma2 >= 0) ? 'fit.params.logSigma2' : 'fit.params.sxx',
      !(p.logSigma2 >= 0) ? '>= 0' : '> 0',
      !(p.logSigma2 >= 0) ? p.logSigma2 : p.sxx,
    );
  }
  return p;
}
