import { show, argumentError } from '../../internal/assert.js';
import type { ForecastMethod } from '../types.js';

/**
 * True when `method` has what every caller reads: name and description (text), a whole minLength >= 1, fit,
 * forecast, simulate if any.
 */
export function looksLikeMethod(method: unknown): method is ForecastMethod {
  const m = method as ForecastMethod | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.fit === 'function' &&
    typeof m.forecast === 'function' &&
    typeof m.name === 'string' &&
    typeof m.description === 'string' &&
    Number.isSafeInteger(m.minLength) &&
    m.minLength >= 1 &&
    (m.simulate === undefined || typeof m.simulate === 'function')
  );
}

/** Throws invalid_argument unless `method` looks like a {@link ForecastMethod}. */
export function checkMethod(fn: string, method: unknown): asserts method is ForecastMethod {
  const m = method as ForecastMethod | null;
  if (!looksLikeMethod(m)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: method must be a ForecastMethod with name, description, minLength, fit and forecast (got ${show(method)}). Pick one from forecastMethods.`,
      'method',
      'a ForecastMethod with name, description, minLength, fit and forecast',
      method,
    );
  }
  if (m.calibrationScale !== undefined && m.calibrationScale !== 'residuals' && m.calibrationScale !== 'none') {
    throw argumentError(
      'invalid_argument',
      `${fn}: method.calibrationScale must be 'residuals' or 'none' (got ${show(m.calibrationScale)}). Leave it out for 'residuals'.`,
      'method.calibrationScale',
      "'residuals' or 'none'",
      m.calibrationScale,
    );
  }
}
