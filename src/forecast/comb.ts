import { combination, type CombinationFit } from './combination.js';
import { damped } from './damped.js';
import { holt } from './holt.js';
import { ses } from './ses.js';
import type { ForecastMethod } from './types.js';

/**
 * The M4 competition's "Comb" benchmark: the mean of the SES, Holt and damped-trend point forecasts
 * (Makridakis, Spiliotis & Assimakopoulos 2020). Intervals are the mean bounds (see combination).
 * On the M3 yearly series its sMAPE is R's Comb 16.637.
 * @example
 * comb.name; // => 'comb'
 */
export const comb: ForecastMethod<CombinationFit> = combination([ses, holt, damped], { name: 'comb' });
