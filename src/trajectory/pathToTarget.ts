import { argumentError, assertFinite, optionNames } from '../internal/assert.js';
import { checkSpan, levelsPath, yearsOf } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';

/** Options of {@link pathToTarget}. */
export interface PathToTargetOptions extends PathSpan {
  /** The level to reach in `toYear`, > 0. */
  readonly target: number;
}

const PATH_TO_TARGET_OPTIONS = optionNames<PathToTargetOptions>({
  fromYear: true,
  toYear: true,
  base: true,
  target: true,
});

/**
 * The constant-CAGR path from `base` in `fromYear` to `target` in `toYear`, with that rate:
 * `rate = (target / base)^(1 / (toYear - fromYear)) - 1`. The last level is set to `target` exactly.
 * @throws {MetricsError} invalid_argument when target <= 0 or for a bad span
 * @example
 * pathToTarget({ base: 1, target: 4, fromYear: 2020, toYear: 2022 }).rate; // => 1
 */
export function pathToTarget(options: PathToTargetOptions): LevelPath & { readonly rate: number } {
  const fn = 'pathToTarget';
  checkSpan(fn, options, PATH_TO_TARGET_OPTIONS);
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
  // The rate comes from the levels the caller gave, so it is not held to the plausibility bound of a
  // rate typed in (cagrPath's): 0.001 to 4 in a year is a rate of 3999, and that is what it takes.
  const rate = Math.pow(target / base, 1 / (toYear - fromYear)) - 1;
  const years = yearsOf(fromYear, toYear);
  // Powers, not repeated products (as cagrPath); the last level is the target exactly.
  const levels = years.map((y) => base * Math.pow(1 + rate, y - fromYear));
  levels[levels.length - 1] = target;
  const path = levelsPath(fn, years, levels);
  return Object.freeze({ ...path, rates: Object.freeze(path.rates.map(() => rate)), rate });
}
