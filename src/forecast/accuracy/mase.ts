import { assertOptions, optionNames } from '../../internal/assert.js';
import { checkPair, finiteResult, naiveScale } from '../internal/accuracyCheck.js';

/** Options of {@link mase}. */
export interface MaseOptions {
  /** The in-sample series the forecasts were made from, oldest first (at least period + 1 values). */
  readonly history: readonly number[];
  /** Seasonal period m of the naive scale: 1 (the default) for yearly data. */
  readonly period?: number;
}

const MASE_OPTIONS = optionNames<MaseOptions>({ history: true, period: true });

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006; M4 definition): mean |y - f| divided by the
 * in-sample mean absolute m-step difference of the history, mean_t |x_t - x_{t-m}|. Below 1 means
 * the forecasts beat the in-sample one-step naive forecast on average.
 * @param actual held-out values
 * @param predicted point forecasts, one per actual value
 * @throws {MetricsError} degenerate when the history is constant (zero scale); invalid_argument when the
 *   history is too short or inputs are empty/unequal; non_finite for NaN/±Infinity
 * @example
 * mase([13, 15], [12, 12], { history: [10, 11, 13, 12] }); // => 1.5 (MAE 2 / scale (1 + 2 + 1) / 3)
 */
export function mase(actual: readonly number[], predicted: readonly number[], options: MaseOptions): number {
  checkPair('mase', actual, predicted);
  assertOptions('mase', options, '{ history }', MASE_OPTIONS);
  const scale = naiveScale('mase', options.history, options.period ?? 1);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs((actual[i] as number) - (predicted[i] as number)) / scale;
  return finiteResult('mase', sum / actual.length);
}
