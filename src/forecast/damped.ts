import type { Series } from '../series/series.js';
import { MIN_LENGTH } from './internal/common.js';
import { fitEtsMethod, forecastEtsFit, simulateEtsFit, type EtsFit } from './internal/etsFamily.js';
import type { Forecast, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * Damped trend method, as R's `forecast::holt(damped = TRUE)`: ETS(A,Ad,N) with alpha, beta (<= alpha),
 * phi in [0.8, 0.98] and the initial states estimated by minimising the in-sample one-step MSE. The
 * trend fades: the h-step forecast is level + (phi + ... + phi^h) trend, approaching a ceiling. Class 1
 * intervals with c_j = alpha + beta (phi + ... + phi^j).
 * - fit: `params` { alpha, beta, phi, l0, b0 }; `state` { level, trend }.
 * - Short series: at 9 observations or fewer R fits classical Holt instead, without damping (l0 = y1,
 *   b0 = y2 - y1, weights minimising the SSE); so does this, and `fit.method` is then `holt` (see notes).
 * - simulate: Gaussian paths from the state space model (under 10 observations the classical fit's, whose
 *   intervals are normal too).
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021], values: [10, 12, 13, 15, 18, 19, 21, 24, 25, 28] });
 * damped.fit(s).params.phi! <= 0.98; // => true
 */
export const damped: ForecastMethod<EtsFit> = {
  name: 'damped',
  description: 'Damped trend, ETS(A,Ad,N) fitted by MSE (R forecast::holt(damped = TRUE)).',
  minLength: MIN_LENGTH,
  fit(s: Series): EtsFit {
    return fitEtsMethod('damped.fit', s, { error: 'A', trend: 'Ad' }, 'mse', 'damped');
  },
  forecast(fit: EtsFit, toYear: number, options?: ForecastOptions): Forecast {
    return forecastEtsFit('damped.forecast', fit, toYear, options);
  },
  simulate(fit: EtsFit, toYear: number, options: SimulateFitOptions) {
    return simulateEtsFit('damped.simulate', fit, toYear, options);
  },
};
