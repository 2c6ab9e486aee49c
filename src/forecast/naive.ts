import type { Series } from '../series/series.js';
import {
  checkPaths,
  fitBase,
  fitInput,
  fitNumbers,
  horizonYears,
  intervalLevels,
  makeForecast,
  MIN_LENGTH,
  normalIntervals,
  pathScales,
  SMALL_SAMPLE,
  simulateInput,
  smallSampleDf,
  smallSampleNote,
} from './internal/common.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * The naive method (random walk): every future year equals the last observation, as R's
 * `forecast::naive`. Intervals are normal with standard error sigma * sqrt(h), where sigma^2 is the mean
 * squared first difference. The benchmark every other method should beat. Under 10 observations the
 * quantiles are Student-t with n - 1 degrees of freedom (`smallSample: false` for R's normal ones).
 * - fit: `params` {}; `state.level` = last value; `fitted[0]` is the first value (no prior year).
 * - simulate: Gaussian random walks from the last value; under 10 observations Student-t ones with n - 1
 *   degrees of freedom (one scale factor per path), as the intervals (`smallSample: false`: Gaussian).
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [10, 12, 11] });
 * naive.forecast(naive.fit(s), 2024).mean; // => [11, 11]
 */
export const naive: ForecastMethod = {
  name: 'naive',
  description: 'Random walk: the last value carried forward (R forecast::naive).',
  minLength: MIN_LENGTH,
  fit(s: Series): ForecastFit {
    const y = fitInput('naive.fit', s);
    const n = y.length;
    const fitted = y.map((v, i) => (i === 0 ? v : y[i - 1]!));
    const residuals = y.map((v, i) => v - fitted[i]!);
    let ss = 0;
    for (let i = 1; i < n; i++) ss += residuals[i]! ** 2;
    return Object.assign(fitBase(s, 'naive', y), {
      params: {},
      state: { level: y[n - 1]! },
      fitted,
      residuals,
      sigma2: ss / (n - 1),
      ...(n < SMALL_SAMPLE ? { notes: smallSampleNote(n, n - 1) } : {}),
    });
  },
  forecast(fit: ForecastFit, toYear: number, options?: ForecastOptions): Forecast {
    const years = horizonYears('naive.forecast', fit, toYear);
    const levels = intervalLevels('naive.forecast', options);
    const { level } = fitNumbers('naive.forecast', fit, 'state', ['level']);
    const mean = years.map(() => level);
    const se = years.map((_, i) => Math.sqrt(fit.sigma2 * (i + 1)));
    const n = fit.values.length;
    return makeForecast(fit, years, mean, normalIntervals(levels, mean, se, smallSampleDf(n, n - 1, options)));
  },
  simulate(fit: ForecastFit, toYear: number, options: SimulateFitOptions) {
    const { years, paths, rng } = simulateInput('naive.simulate', fit, toYear, options);
    const { level } = fitNumbers('naive.simulate', fit, 'state', ['level']);
    const h = years.length,
      sigma = Math.sqrt(fit.sigma2);
    const n = fit.values.length;
    const scales = pathScales(smallSampleDf(n, n - 1, options), paths, rng);
    const out = new Float64Array(paths * h);
    for (let p = 0; p < paths; p++) {
      const sp = sigma * (scales?.[p] ?? 1);
      let y = level;
      for (let j = 0; j < h; j++) {
        y += sp * rng.normal();
        out[p * h + j] = y;
      }
    }
    return checkPaths('naive.simulate', fit, years, out);
  },
};
