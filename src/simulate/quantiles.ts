import { assertFiniteArray, show, argumentError } from '../internal/assert.js';
import { selectQuantiles } from './internal/selectQuantiles.js';

/**
 * Sample quantiles, R's type 7 (numpy's default): with 0-based order statistics x(i) and h = (n - 1) p,
 * Q(p) = x(floor h) + (h - floor h) (x(floor h + 1) - x(floor h)) (Hyndman & Fan 1996). Computed by
 * Floyd-Rivest selection on a copy (the input is not reordered), never by sorting: O(n) per level.
 * @param values at least one finite number
 * @param levels probabilities in [0, 1], any order
 * @returns the quantiles, in the order of `levels`
 * @throws {MetricsError} invalid_argument for an empty or non-finite `values` or a level outside [0, 1]
 * @example
 * quantiles([3, 1, 4, 1, 5], [0, 0.5, 0.9]); // => [1, 3, 4.6]
 */
export function quantiles(values: readonly number[] | Float64Array, levels: readonly number[]): number[] {
  assertFiniteArray('quantiles', 'values', values);
  if (values.length === 0)
    throw argumentError(
      'invalid_argument',
      'quantiles: values must hold at least one number (got an empty array).',
      'values',
      'at least one number',
      values,
    );
  if (!Array.isArray(levels))
    throw argumentError(
      'invalid_argument',
      `quantiles: levels must be an array of probabilities (got ${show(levels)}).`,
      'levels',
      'an array of probabilities',
      levels,
    );
  // An indexed loop, not forEach: forEach skips the holes of a sparse array, and a hole became an endless selection.
  for (let i = 0; i < levels.length; i++) {
    const p: unknown = levels[i];
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw argumentError(
        'invalid_argument',
        `quantiles: levels[${i}] must be in [0, 1] (got ${show(p)}). Levels are fractions: 0.05, 0.5, 0.95.`,
        `levels[${i}]`,
        'in [0, 1]',
        p,
        { index: i },
      );
    }
  }
  const a = Float64Array.from(values);
  const out = levels.map(() => 0);
  selectQuantiles(a, a.length, levels, out);
  return out;
}
