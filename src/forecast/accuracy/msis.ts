import { assertOptions, optionNames } from '../../internal/assert.js';
import { alphaOf, checkInterval, finiteResult, naiveScale } from '../internal/accuracyCheck.js';
import { intervalScoreSum } from './winkler.js';

/** Options of {@link msis}. */
export interface MsisOptions {
  /** The in-sample series the intervals were made from, oldest first. */
  readonly history: readonly number[];
  /** Level of the interval as a fraction in (0, 1): 0.95 for the M4 95% interval (alpha = 0.05). */
  readonly level: number;
  /** Seasonal period m of the naive scale: 1 (the default) for yearly data. */
  readonly period?: number;
}

const MSIS_OPTIONS = optionNames<MsisOptions>({ history: true, level: true, period: true });

/**
 * Mean scaled interval score (M4 competition): the mean {@link winkler} score divided by the in-sample
 * mean absolute m-step difference of the history, as in {@link mase}. With level 0.95 a miss costs
 * 40 times its distance. Lower is better.
 * @param actual held-out values
 * @param lower lower bounds, one per actual value
 * @param upper upper bounds, one per actual value
 * @throws {MetricsError} degenerate for a constant history; invalid_argument for a level outside (0, 1),
 *   a short history, empty/unequal inputs or lower > upper
 * @example
 * msis([5, 12], [4, 4], [10, 10], { history: [1, 3, 5], level: 0.95 }); // ≈ 23 (Winkler 46 / scale 2; 2 / (1 - 0.95) is not exactly 40 in binary)
 */
export function msis(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  options: MsisOptions,
): number {
  checkInterval('msis', actual, lower, upper);
  assertOptions('msis', options, '{ history, level: 0.95 }', MSIS_OPTIONS);
  const alpha = alphaOf('msis', options.level);
  const scale = naiveScale('msis', options.history, options.period ?? 1);
  return finiteResult('msis', intervalScoreSum(actual, lower, upper, alpha) / actual.length / scale);
}
