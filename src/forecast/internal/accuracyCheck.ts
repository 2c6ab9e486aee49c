import { MetricsError } from '../../errors.js';
import { assertFiniteArray, assertInRange, argumentError } from '../../internal/assert.js';

// Input checks shared by the accuracy measures (internal: not exported from src/index.ts).

/** Checks that `actual` and `predicted` are non-empty arrays of finite numbers of equal length. */
export function checkPair(
  fn: string,
  actual: readonly number[],
  predicted: readonly number[],
  predictedName = 'predicted',
): void {
  assertFiniteArray(fn, 'actual', actual);
  assertFiniteArray(fn, predictedName, predicted);
  if (actual.length === 0) {
    throw new MetricsError('invalid_argument', `${fn}: actual is empty (got []). Give at least one held-out value.`);
  }
  if (actual.length !== predicted.length) {
    throw new MetricsError(
      'invalid_argument',
      `${fn}: actual has ${actual.length} values but ${predictedName} has ${predicted.length}. Give one forecast per actual value.`,
      { actual: actual.length, [predictedName]: predicted.length },
    );
  }
}

/** Checks an interval: finite bounds, one per actual value, lower <= upper everywhere. */
export function checkInterval(
  fn: string,
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): void {
  checkPair(fn, actual, lower, 'lower');
  checkPair(fn, actual, upper, 'upper');
  for (let i = 0; i < lower.length; i++) {
    if ((lower[i] as number) > (upper[i] as number)) {
      throw new MetricsError(
        'invalid_argument',
        `${fn}: lower[${i}] is above upper[${i}] (got ${lower[i]} > ${upper[i]}). Pass the bounds in order.`,
        { index: i, lower: lower[i], upper: upper[i] },
      );
    }
  }
}

/** Checks an interval level in (0, 1) and returns alpha = 1 - level. */
export function alphaOf(fn: string, level: unknown): number {
  assertInRange(
    fn,
    'level',
    level,
    { min: 0, max: 1, minExclusive: true, maxExclusive: true },
    'Levels are fractions: 0.95 for a 95% interval.',
  );
  return 1 - (level as number);
}

/**
 * The in-sample naive scale: mean |x_t - x_{t-m}| over the history (m = 1 for yearly data).
 * @throws {MetricsError} invalid_argument when the history has m or fewer values; degenerate when it is
 *   constant (every seasonal difference is zero), because a scaled error would divide by zero
 */
export function naiveScale(fn: string, history: readonly number[], period = 1): number {
  assertFiniteArray(fn, 'history', history);
  assertInRange(fn, 'period', period, { min: 1 });
  if (!Number.isInteger(period)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: period must be a whole number of steps (got ${period}). Use 1 for yearly data.`,
      'period',
      'a whole number of steps',
      period,
      { period },
    );
  }
  if (history.length <= period) {
    throw new MetricsError(
      'invalid_argument',
      `${fn}: history needs more than ${period} value(s) to measure the naive error (got ${history.length}). Pass the in-sample series the forecast was fitted on.`,
      { history: history.length, period },
    );
  }
  let sum = 0;
  for (let t = period; t < history.length; t++)
    sum += Math.abs((history[t] as number) - (history[t - period] as number));
  const scale = sum / (history.length - period);
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new MetricsError(
      'degenerate',
      `${fn}: the history is constant (every ${period}-step difference is 0), so the naive scale is 0 and scaled errors are undefined. Use MAE or RMSE for this series.`,
      { scale },
    );
  }
  return scale;
}

/** Returns `value` when finite; throws degenerate otherwise (an overflow on extreme inputs). */
export function finiteResult(fn: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new MetricsError(
      'degenerate',
      `${fn}: the result overflowed (${Number.isNaN(value) ? 'no number came out' : `got ${value}`}). Rescale the data (e.g. to millions) first.`,
      { value },
    );
  }
  return value;
}
