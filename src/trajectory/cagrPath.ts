import { optionNames } from '../internal/assert.js';
import { checkRate, checkSpan, levelsPath, yearsOf } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';

/** Options of {@link cagrPath}. */
export interface CagrPathOptions extends PathSpan {
  /** Constant yearly growth, a fraction > -1 (0.25 is 25% a year). */
  readonly rate: number;
}

const CAGR_PATH_OPTIONS = optionNames<CagrPathOptions>({ fromYear: true, toYear: true, base: true, rate: true });

/**
 * The constant-growth path: level in year y = `base * (1 + rate)^(y - fromYear)`.
 * @throws {MetricsError} invalid_argument for a bad span (toYear <= fromYear, base <= 0) or rate <= -1 or > 3
 *   (300% a year: a percent, not a fraction);
 *   degenerate when the level overflows
 * @example
 * cagrPath({ base: 1, rate: 0.25, fromYear: 2020, toYear: 2025 }).levels.at(-1); // => 3.0517578125
 */
export function cagrPath(options: CagrPathOptions): LevelPath {
  const fn = 'cagrPath';
  checkSpan(fn, options, CAGR_PATH_OPTIONS);
  const { base, rate, fromYear, toYear } = options;
  checkRate(fn, 'rate', rate);
  const years = yearsOf(fromYear, toYear);
  // Powers, not repeated products: the last level is exactly base * (1 + rate)^n as a closed form gives it.
  const levels = years.map((y) => base * Math.pow(1 + rate, y - fromYear));
  const path = levelsPath(fn, years, levels);
  // Report the rate as given (levels' ratios can differ from it in the last bits).
  return Object.freeze({ ...path, rates: Object.freeze(path.rates.map(() => rate)) });
}
