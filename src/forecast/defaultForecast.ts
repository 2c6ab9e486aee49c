import { MetricsError } from '../errors.js';
import { show } from '../internal/assert.js';
import type { Series } from '../series/series.js';
import { autoEts } from './autoEts.js';
import { combination } from './combination.js';
import { dampedHolt } from './dampedHolt.js';
import { drift } from './drift.js';
import { forecastMethods } from './methods.js';
import { theta } from './theta.js';
import type { Forecast, ForecastMethod, ForecastOptions } from './types.js';

/**
 * The method {@link forecast} uses unless told otherwise: the equal-weight combination of Theta,
 * damped trend, automatic ETS and drift, named `default`. On the 645 M3 yearly series (horizon 6) its
 * sMAPE is 16.16, against 16.64 for M4's Comb, 16.76 for Theta and 16.79 for drift alone. Change this
 * one constant to change the default.
 * @example
 * defaultMethod.name; // => 'default'
 */
export const defaultMethod: ForecastMethod = combination([theta, dampedHolt, autoEts, drift], { name: 'default' });

/** Options of {@link forecast}. */
export interface DefaultForecastOptions extends ForecastOptions {
  /** A method object or a name from `forecastMethods`. Default {@link defaultMethod}. */
  readonly method?: ForecastMethod | string;
}

/**
 * Forecasts a yearly series to `toYear` in one call: fit, then forecast, with the default method
 * (a combination of Theta, damped trend, automatic ETS and drift) unless `options.method` names
 * another. The result says what was used: `forecast.method`, and `forecast.fit.notes` for the
 * component models chosen and any fallback taken for a short series.
 * - Needs at least 3 consecutive yearly observations (1-2 points throw invalid_argument); gaps throw
 *   missing_years (fill them with interpolate()).
 * - Levels are fractions in (0, 1), default [0.8, 0.95]; 95 is refused with a hint (did you mean 0.95?).
 * @throws {MetricsError} invalid_argument for an unknown method name, toYear <= the last year, bad
 *   levels or too short a series; missing_years for gaps
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023], values: [10, 12, 13, 15, 18, 19, 21, 24] });
 * forecast(s, 2026).years; // => [2024, 2025, 2026]
 */
export function forecast(s: Series, toYear: number, options: DefaultForecastOptions = {}): Forecast {
  const m = options.method ?? defaultMethod;
  let method: ForecastMethod;
  if (typeof m === 'string') {
    const found = Object.hasOwn(forecastMethods, m) ? forecastMethods[m] : undefined;
    if (found === undefined) {
      throw new MetricsError(
        'invalid_argument',
        `forecast: unknown method ${show(m)} (got ${show(m)}). Use one of ${Object.keys(forecastMethods).join(', ')}, or pass a method object.`,
        { method: m },
      );
    }
    method = found;
  } else if (typeof m === 'object' && m !== null && typeof m.fit === 'function' && typeof m.forecast === 'function') {
    method = m;
  } else {
    throw new MetricsError(
      'invalid_argument',
      `forecast: method must be a method name or a ForecastMethod (got ${show(m)}).`,
    );
  }
  const fit = method.fit(s);
  return method.forecast(fit, toYear, options.levels !== undefined ? { levels: options.levels } : {});
}
