// The default method without its calibrated intervals (bench helper): the combination whose point forecasts the
// default uses, with the parts' mean bounds as intervals, as src/forecast/defaultForecast.ts builds it.
import { arima } from '../../src/forecast/arima.js';
import { combination } from '../../src/forecast/combination.js';
import { drift } from '../../src/forecast/drift.js';
import { theta } from '../../src/forecast/theta.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import type { ForecastMethod } from '../../src/forecast/types.js';

/** The default's parts, in its order. */
export const defaultParts: readonly ForecastMethod[] = [
  theta,
  arima,
  drift,
  withBoxCox(theta, { lambda: 0 }),
  withBoxCox(drift, { lambda: 0 }),
];

/** The default's combination with the mean of the parts' bounds as intervals (the default before its intervals were calibrated). */
export const defaultCombination: ForecastMethod = combination(defaultParts, { name: 'default' });
