import { show, argumentError } from '../../internal/assert.js';
import type { ForecastMethod } from '../types.js';

/** Throws invalid_argument unless `method` looks like a {@link ForecastMethod}. */
export function checkMethod(fn: string, method: unknown): asserts method is ForecastMethod {
  const m = method as ForecastMethod | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    typeof m.fit !== 'function' ||
    typeof m.forecast !== 'function' ||
    typeof m.name !== 'string' ||
    !(Number.isSafeInteger(m.minLength) && m.minLength >= 1) ||
    (m.simulate !== undefined && typeof m.simulate !== 'function')
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: method must be a ForecastMethod with name, minLength, fit and forecast (got ${show(method)}). Pick one from forecastMethods.`,
      'method',
      'a ForecastMethod with name, minLength, fit and forecast',
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
