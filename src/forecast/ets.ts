import type { Series } from '../series/series.js';
import { MIN_LENGTH } from './internal/common.js';
import { fitEtsMethod, forecastEtsFit, simulateEtsFit, type EtsFit } from './internal/etsFamily.js';
import type { Forecast, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * Automatic exponential smoothing, as R's `forecast::ets(y)` for yearly data: fits ETS(A,N,N),
 * ETS(A,Ad,N), ETS(A,A,N) and, when every value is > 0, ETS(M,N,N), ETS(M,Ad,N), ETS(M,A,N) by maximum
 * likelihood (parameters and initial states together, R's bounds and starting values, Nelder-Mead),
 * and keeps the one with the lowest AICc. `fit.method` names the choice (`ets(M,Ad,N)`) and `fit.notes`
 * says why. On the M3 yearly series its forecasts equal R's to about 1e-9.
 * - Intervals: additive errors use the exact class 1 variance; multiplicative errors the exact class 2
 *   mean and variance (Hyndman et al. 2008, ch. 6) with normal quantiles, as R's forecast.ets does;
 *   under 10 observations Student-t ones with n - k degrees of freedom (`smallSample: false` for R's).
 * - Models need n >= k + 3 points (k counts parameters and initial states: 5 for N, 7 for A, 8 for Ad);
 *   the notes count only the candidates fitted. At 6 observations or fewer, as R, classical Holt and SES
 *   fits (l0 = y1, b0 = y2 - y1, weights minimising the SSE) and the one with the smaller residual variance.
 * - A constant series gives that constant, with zero-width intervals.
 * - simulate: Gaussian paths from the chosen state space model (sigma relative for M errors); under 10
 *   observations t paths with the intervals' degrees of freedom (`smallSample: false`: Gaussian).
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021], values: [10, 12, 13, 15, 18, 19, 21, 24, 25, 28] });
 * ets.fit(s).method.startsWith('ets('); // => true
 */
export const ets: ForecastMethod<EtsFit> = {
  name: 'ets',
  onTransformedScale: Object.freeze({
    name: 'ets',
    description: 'Automatic ETS among the additive models (R forecast::ets with a lambda).',
    minLength: MIN_LENGTH,
    fit(s: Series): EtsFit {
      return fitEtsMethod('ets.fit', s, undefined, 'lik', 'ets', true);
    },
    forecast(fit: EtsFit, toYear: number, options?: ForecastOptions): Forecast {
      return forecastEtsFit('ets.forecast', fit, toYear, options);
    },
    simulate(fit: EtsFit, toYear: number, options: SimulateFitOptions) {
      return simulateEtsFit('ets.simulate', fit, toYear, options);
    },
  } satisfies ForecastMethod<EtsFit> as ForecastMethod),
  description:
    'Exponential smoothing state space model chosen by AICc among the non-seasonal ETS models (R forecast::ets).',
  minLength: MIN_LENGTH,
  fit(s: Series): EtsFit {
    return fitEtsMethod('ets.fit', s, undefined, 'lik', 'ets');
  },
  forecast(fit: EtsFit, toYear: number, options?: ForecastOptions): Forecast {
    return forecastEtsFit('ets.forecast', fit, toYear, options);
  },
  simulate(fit: EtsFit, toYear: number, options: SimulateFitOptions) {
    return simulateEtsFit('ets.simulate', fit, toYear, options);
  },
};
