import { arima } from './arima.js';
import { ets } from './ets.js';
import { comb } from './comb.js';
import { damped } from './damped.js';
import { dotm } from './dotm.js';
import { drift } from './drift.js';
import { holt } from './holt.js';
import { logTrend } from './logTrend.js';
import { mean } from './mean.js';
import { naive } from './naive.js';
import { ses } from './ses.js';
import { theta } from './theta.js';
import type { ForecastMethod } from './types.js';

/**
 * Every built-in forecasting method by name: naive, drift, mean, ses, holt, damped, ets (automatic),
 * theta, logTrend, comb, arima (automatic), dotm (the dynamic optimised Theta model). Fixed ETS models
 * come from `etsModel({ error, trend })` and other combinations from `combination([...])`; the default
 * of `forecast()` is `defaultMethod`.
 * @example
 * Object.keys(forecastMethods); // => ['naive', 'drift', 'mean', 'ses', 'holt', 'damped', 'ets', 'theta', 'logTrend', 'comb', 'arima', 'dotm']
 */
export const forecastMethods: Readonly<Record<string, ForecastMethod>> = Object.freeze({
  // Each method frozen too (the same objects as the named exports): a caller cannot change one for everyone.
  naive: Object.freeze(naive),
  drift: Object.freeze(drift),
  mean: Object.freeze(mean),
  ses: Object.freeze(ses),
  holt: Object.freeze(holt),
  damped: Object.freeze(damped),
  ets: Object.freeze(ets),
  theta: Object.freeze(theta),
  logTrend: Object.freeze(logTrend),
  comb: Object.freeze(comb),
  arima: Object.freeze(arima),
  dotm: Object.freeze(dotm),
});
