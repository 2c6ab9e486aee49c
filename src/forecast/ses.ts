import type { Series } from '../series/series.js';
import { MIN_LENGTH } from './internal/common.js';
import { fitEtsMethod, forecastEtsFit, simulateEtsFit, type EtsFit } from './internal/etsFamily.js';
import type { Forecast, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * Simple exponential smoothing, as R's `forecast::ses()`: the ETS(A,N,N) model with alpha and the
 * initial level estimated by minimising the in-sample one-step MSE (Nelder-Mead from R's starting
 * values, alpha in [1e-4, 0.9999]). Forecasts are flat at the final level; intervals are normal with
 * variance sigma^2 (1 + (h - 1) alpha^2), sigma^2 = SSE / (n - 2) (Hyndman et al. 2008, ch. 6, class 1);
 * at 7-9 observations with Student-t quantiles, n - 2 degrees of freedom (`smallSample: false` for R's).
 * - fit: `params` { alpha, l0 }; `state.level`; loglik/aic/aicc/bic as R's ets (no Gaussian constant).
 * - 6 observations or fewer: a classical fit as R makes it there (l0 = y1, alpha minimising the SSE),
 *   said in `fit.notes`.
 * - simulate: Gaussian paths from the state space model; at 7-9 observations t paths with the intervals'
 *   degrees of freedom (`smallSample: false`: Gaussian).
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2016, 2017, 2018, 2019, 2020, 2021], values: [10, 12, 11, 13, 12, 13] });
 * ses.fit(s).params.alpha > 0; // => true
 */
export const ses: ForecastMethod<EtsFit> = {
  name: 'ses',
  description: 'Simple exponential smoothing, ETS(A,N,N) fitted by MSE (R forecast::ses).',
  minLength: MIN_LENGTH,
  fit(s: Series): EtsFit {
    return fitEtsMethod('ses.fit', s, { error: 'A', trend: 'N' }, 'mse', 'ses');
  },
  forecast(fit: EtsFit, toYear: number, options?: ForecastOptions): Forecast {
    return forecastEtsFit('ses.forecast', fit, toYear, options);
  },
  simulate(fit: EtsFit, toYear: number, options: SimulateFitOptions) {
    return simulateEtsFit('ses.simulate', fit, toYear, options);
  },
};
