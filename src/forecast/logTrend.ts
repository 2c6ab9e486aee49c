import { MetricsError } from '../errors.js';
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
  simulateInput,
} from './internal/common.js';
import { tQuantile } from './internal/normalAndStudentT.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * Log-linear trend: least squares of log(value) on year, i.e. constant compound growth. Reports the
 * fitted growth rate `params.cagr` = exp(slope) - 1 with its 95% confidence interval
 * `params.cagrLower` / `params.cagrUpper` from the t distribution with n - 2 degrees of freedom.
 * Forecasts are exp(a + b year), the median of a log-normal (no bias adjustment); prediction
 * intervals are exp of the regression's t prediction intervals, s sqrt(1 + 1/n + (x - xbar)^2 / Sxx).
 * Fitted on every year the series has (years may be sparse here: no annual check).
 * - Needs values > 0 (invalid_argument otherwise) and at least 3 observations.
 * - simulate: draws (a, b) from their sampling distribution, then log-normal noise.
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [100, 110, 121] });
 * logTrend.fit(s).params.cagr; // => 0.0999999999999999
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
    return Object.assign(fitBase(s, 'logTrend', y), {
      params: {
        intercept: a,
        slope: b,
        slopeSe: seB,
        logSigma2: s2,
        xbar,
        sxx,
        cagr: Math.expm1(b),
        cagrLower: Math.expm1(b - q * seB),
        cagrUpper: Math.expm1(b + q * seB),
      },
      state: { level: fitted[n - 1]! },
      fitted,
      residuals: y.map((v, i) => v - fitted[i]!),
      sigma2: s2,
      notes: ['sigma2 is the residual variance of log(value)'],
    });
  },
  forecast(fit: ForecastFit, toYear: number, options?: ForecastOptions): Forecast {
    const years = horizonYears('logTrend.forecast', fit, toYear);
    const levels = intervalLevels('logTrend.forecast', options);
    const { intercept: a, slope: b, logSigma2: s2, xbar, sxx } = logTrendParams('logTrend.forecast', fit);
    const n = fit.values.length;
    const mean = years.map((t) => Math.exp(a + b * t));
    const intervals = levels.map((level) => {
      const q = tQuantile(0.5 + level / 2, n - 2);
      const w = years.map((t) => q * Math.sqrt(s2 * (1 + 1 / n + (t - xbar) ** 2 / sxx)));
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
    const { intercept: a, slope: b, logSigma2: s2, xbar, sxx } = logTrendParams('logTrend.simulate', fit);
    const n = fit.values.length,
      H = years.length,
      s = Math.sqrt(s2);
    const out = new Float64Array(paths * H);
    for (let p = 0; p < paths; p++) {
      // (a + b xbar) and b are independent in OLS.
      const mid = a + b * xbar + (s / Math.sqrt(n)) * rng.normal();
      const bp = b + (s / Math.sqrt(sxx)) * rng.normal();
      for (let h = 0; h < H; h++) out[p * H + h] = Math.exp(mid + bp * (years[h]! - xbar) + s * rng.normal());
    }
    return checkPaths('logTrend.simulate', fit, years, out);
  },
};

/** The regression a logTrend fit holds: every number present, the variances >= 0 and Sxx > 0. */
function logTrendParams(fn: string, fit: ForecastFit) {
  const p = fitNumbers(fn, fit, 'params', ['intercept', 'slope', 'logSigma2', 'xbar', 'sxx']);
  if (!(p.logSigma2 >= 0) || !(p.sxx > 0)) {
    throw new MetricsError(
      'invalid_argument',
      `${fn}: fit.params.logSigma2 must be >= 0 and sxx > 0 (got ${p.logSigma2} and ${p.sxx}). Pass the fit logTrend.fit made, unchanged.`,
    );
  }
  return p;
}
