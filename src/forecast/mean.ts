import type { Series } from '../series/series.js';
import { tQuantile } from './internal/normalAndStudentT.js';
import { MetricsError } from '../errors.js';
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
  simulateInput,
} from './internal/common.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * The mean method, as R's `forecast::meanf`: every future year equals the mean of the observations.
 * Intervals are mean ± t(n - 1) * s * sqrt(1 + 1/n), with s the sample standard deviation. Suits
 * series without trend; for growing industry metrics prefer drift or a trend method.
 * - fit: `params.mean`, `params.sd`; `fitted` is the mean everywhere.
 * - simulate: each path draws its mean from N(mean, s^2 / n), then independent normal years.
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [1, 2, 3] });
 * mean.forecast(mean.fit(s), 2023).mean; // => [2]
 */
export const mean: ForecastMethod = {
  name: 'mean',
  description: 'Mean of the observations, with t intervals (R forecast::meanf).',
  minLength: MIN_LENGTH,
  fit(s: Series): ForecastFit {
    const y = fitInput('mean.fit', s);
    const n = y.length;
    const m = meanOf(y);
    let ss = 0;
    for (const v of y) ss += (v - m) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    return Object.assign(fitBase(s, 'mean', y), {
      params: { mean: m, sd },
      state: { level: m },
      fitted: y.map(() => m),
      residuals: y.map((v) => v - m),
      sigma2: sd * sd,
    });
  },
  forecast(fit: ForecastFit, toYear: number, options?: ForecastOptions): Forecast {
    const years = horizonYears('mean.forecast', fit, toYear);
    const levels = intervalLevels('mean.forecast', options);
    const n = fit.values.length;
    const { mean: m, sd } = meanParams('mean.forecast', fit);
    const se = sd * Math.sqrt(1 + 1 / n);
    const mean = years.map(() => m);
    const intervals = levels.map((level) => {
      const q = tQuantile(0.5 + level / 2, n - 1);
      return { level, lower: mean.map((v) => v - q * se), upper: mean.map((v) => v + q * se) };
    });
    return makeForecast(fit, years, mean, intervals);
  },
  simulate(fit: ForecastFit, toYear: number, options: SimulateFitOptions) {
    const { years, paths, rng } = simulateInput('mean.simulate', fit, toYear, options);
    const n = fit.values.length,
      h = years.length;
    const { mean: m, sd } = meanParams('mean.simulate', fit);
    const out = new Float64Array(paths * h);
    for (let p = 0; p < paths; p++) {
      const mu = m + (sd / Math.sqrt(n)) * rng.normal();
      for (let j = 0; j < h; j++) out[p * h + j] = mu + sd * rng.normal();
    }
    return checkPaths('mean.simulate', fit, years, out);
  },
};

/** The mean and sd a mean fit holds (sd >= 0). */
function meanParams(fn: string, fit: ForecastFit): { mean: number; sd: number } {
  const p = fitNumbers(fn, fit, 'params', ['mean', 'sd']);
  if (p.sd < 0) {
    throw new MetricsError(
      'invalid_argument',
      `${fn}: fit.params.sd must be >= 0 (got ${p.sd}). Pass the fit mean.fit made, unchanged.`,
    );
  }
  return p;
}
