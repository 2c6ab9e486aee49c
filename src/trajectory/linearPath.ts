import { assertFinite, optionNames } from '../internal/assert.js';
import { checkSpan, levelsPath, yearsOf } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';

/** Options of {@link linearPath}. */
export interface LinearPathOptions extends PathSpan {
  /** The yearly increment, in the level's unit (may be negative). */
  readonly slope: number;
}

const LINEAR_PATH_OPTIONS = optionNames<LinearPathOptions>({ fromYear: true, toYear: true, base: true, slope: true });

/**
 * The straight-line path: level in year y = `base + slope * (y - fromYear)`; growth falls as the level rises.
 * @throws {MetricsError} degenerate when a level reaches 0 or below (naming the year); invalid_argument for a bad span
 * @example
 * linearPath({ base: 100, slope: 10, fromYear: 2020, toYear: 2022 }).levels; // => [100, 110, 120]
 */
export function linearPath(options: LinearPathOptions): LevelPath {
  const fn = 'linearPath';
  checkSpan(fn, options, LINEAR_PATH_OPTIONS);
  const { base, slope, fromYear, toYear } = options;
  assertFinite(fn, { slope });
  const years = yearsOf(fromYear, toYear);
  return levelsPath(
    fn,
    years,
    years.map((y) => base + slope * (y - fromYear)),
  );
}
