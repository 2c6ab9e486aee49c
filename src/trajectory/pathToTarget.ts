import { assertFinite, argumentError } from '../internal/assert.js';
import { cagrPath } from './cagrPath.js';
import { checkSpan } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';

/** Options of {@link pathToTarget}. */
export interface PathToTargetOptions extends PathSpan {
  /** The level to reach in `toYear`, > 0. */
  readonly target: number;
}

/**
 * The constant-CAGR path from `base` in `fromYear` to `target` in `toYear`, with that rate:
 * `rate = (target / base)^(1 / (toYear - fromYear)) - 1`. The last level is set to `target` exactly.
 * @throws {MetricsError} invalid_argument when target <= 0 or for a bad span
 * @example
 * pathToTarget({ base: 1, target: 4, fromYear: 2020, toYear: 2022 }).rate; // => 1
 */
export function pathToTarget(options: PathToTargetOptions): LevelPath & { readonly rate: number } {
  const fn = 'pathToTarget';
  checkSpan(fn, options);
  const { base, target, fromYear, toYear } = options;
  assertFinite(fn, { target });
  if (target <= 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: target must be > 0 (got ${target}). A constant growth rate needs positive levels.`,
      'target',
      '> 0',
      target,
      { target },
    );
  }
  const rate = Math.pow(target / base, 1 / (toYear - fromYear)) - 1;
  const path = cagrPath({ base, rate, fromYear, toYear });
  const levels = [...path.levels];
  levels[levels.length - 1] = target;
  return Object.freeze({ ...path, levels: Object.freeze(levels), rate });
}
