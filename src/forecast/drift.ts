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
 * Random walk with drift, as R's `forecast::rwf(drift = TRUE)`: the last value plus h times the
 * average yearly change (last - first) / (n - 1), i.e. the line through the first and last points.
 * Intervals are normal with variance h * sigma^2 + h^2 * se(drift)^2, where sigma^2 is the variance
 * of the first differences (n - 2 degrees of freedom) and se(drift)^2 = sigma^2 / (n - 1). Under 10
 * observations the quantiles are Student-t with n - 2 degrees of freedom (`smallSample: false` for R's).
 * - fit: `params.drift`, `params.driftSe`; `state.level` = last value.
 * - simulate: each path draws its own drift from N(drift, se^2), then a Gaussian random walk; under 10
 *   observations both times one t scale factor per path (n - 2 degrees of freedom), as the intervals.
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [10, 12, 14] });
 * drift.forecast(drift.fit(s), 2024).mean; // => [16, 18]
 */
export const drift: ForecastMethod = {
  name: 'drift',
  description: 'Random walk with drift: the line through the first and last values (R forecast::rwf(drift = TRUE)).',
  minLength: MIN_LENGTH,
  fit(s: Series): ForecastFit {
    const y = fitInput('drift.fit', s);
    const n = y.length;
    const b = (y[n - 1]! - y[0]!) / (n - 1);
    const fitted = y.map((v, i) => (i === 0 ? v : y[i - 1]! + b));
    const residuals = y.map((v, i) => v - fitted[i]!);
    let ss = 0;
    for (let i = 1; i < n; i++) ss += residuals[i]! ** 2;
    const sigma2 = ss / (n - 2);
    return Object.assign(fitBase(s, 'drift', y), {
      params: { drift: b, driftSe: Math.sqrt(sigma2 / (n - 1)) },
      state: { level: y[n - 1]! },
      fitted,
      residuals,
      sigma2,
      ...(n < SMALL_SAMPLE ? { notes: smallSampleNote(n, n - 2) } : {}),
    });
  },
  forecast(fit: ForecastFit, toYear: number, options?: ForecastOptions): Forecast {
    const years = horizonYears('drift.forecast', fit, toYear);
    const levels = intervalLevels('drift.forecast', options);
    const { drift: b, driftSe } = fitNumbers('drift.forecast', fit, 'params', ['drift', 'driftSe']);
    const { level } = fitNumbers('drift.forecast', fit, 'state', ['level']);
    const mean = years.map((_, i) => level + (i + 1) * b);
    const se = years.map((_, i) => Math.sqrt((i + 1) * fit.sigma2 + ((i + 1) * driftSe) ** 2));
    const n = fit.values.length;
    return makeForecast(fit, years, mean, normalIntervals(levels, mean, se, smallSampleDf(n, n - 2, options)));
  },
  simulate(fit: ForecastFit, toYear: number, options: SimulateFitOptions) {
    const { years, paths, rng } = simulateInput('drift.simulate', fit, toYear, options);
    const { drift: b, driftSe } = fitNumbers('drift.simulate', fit, 'params', ['drift', 'driftSe']);
    const { level } = fitNumbers('drift.simulate', fit, 'state', ['level']);
    const h = years.length,
      sigma = Math.sqrt(fit.sigma2);
    const n = fit.values.length;
    // Short series: every shock of a path, the drift's error included, times one t scale factor (see pathScales).
    const scales = pathScales(smallSampleDf(n, n - 2, options), paths, rng);
    const out = new Float64Array(paths * h);
    for (let p = 0; p < paths; p++) {
      const s = scales?.[p] ?? 1;
      const bp = b + s * driftSe * rng.normal();
      let y = level;
      for (let j = 0; j < h; j++) {
        y += bp + s * sigma * rng.normal();
        out[p * h + j] = y;
      }
    }
    return checkPaths('drift.simulate', fit, years, out);
  },
};
