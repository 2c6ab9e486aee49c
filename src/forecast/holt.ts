import type { Series } from '../series/series.js';
import { MIN_LENGTH } from './internal/common.js';
import { fitEtsMethod, forecastEtsFit, simulateEtsFit, type EtsFit } from './internal/etsFamily.js';
import type { Forecast, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * Holt's linear trend method, as R's `forecast::holt()`: ETS(A,A,N) with alpha, beta (<= alpha) and the
 * initial level and trend estimated by minimising the in-sample one-step MSE. Forecasts extend the
 * final trend linearly; intervals use the class 1 variance sigma^2 (1 + sum_{j<h} (alpha + j beta)^2).
 * - fit: `params` { alpha, beta, l0, b0 }; `state` { level, trend }.
 * - Short series: at 8 observations or fewer R fits it as classical Holt-Winters (l0 = y1, b0 = y2 - y1,
 *   alpha and beta minimising the SSE); so does this (said in `fit.notes`). At 9 observations the model
 *   is estimated and its quantiles are Student-t with 9 - 4 degrees of freedom (`smallSample: false`: R's).
 * - simulate: Gaussian paths from the state space model; at 9 observations t paths with the intervals'
 *   degrees of freedom (`smallSample: false`: Gaussian).
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021], values: [10, 12, 13, 15, 18, 19, 21, 24] });
 * holt.forecast(holt.fit(s), 2023).mean.length; // => 2
 */
export const holt: ForecastMethod<EtsFit> = {
  name: 'holt',
  description: "Holt's linear trend, ETS(A,A,N) fitted by MSE (R forecast::holt).",
  minLength: MIN_LENGTH,
  fit(s: Series): EtsFit {
    return fitEtsMethod('holt.fit', s, { error: 'A', trend: 'A' }, 'mse', 'holt');
  },
  forecast(fit: EtsFit, toYear: number, options?: ForecastOptions): Forecast {
    return forecastEtsFit('holt.forecast', fit, toYear, options);
  },
  simulate(fit: EtsFit, toYear: number, options: SimulateFitOptions) {
    return simulateEtsFit('holt.simulate', fit, toYear, options);
  },
};
