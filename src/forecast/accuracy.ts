import { isMetricsError } from '../errors.js';
import { argumentError, assertFiniteArray, assertOptions, optionNames } from '../internal/assert.js';
import type { Forecast } from './types.js';
import { me } from './accuracy/me.js';
import { mae } from './accuracy/mae.js';
import { rmse } from './accuracy/rmse.js';
import { mape } from './accuracy/mape.js';
import { smape } from './accuracy/smape.js';
import { mase } from './accuracy/mase.js';
import { coverage } from './accuracy/coverage.js';
import { winkler } from './accuracy/winkler.js';
import { msis } from './accuracy/msis.js';

/** Options of {@link accuracy}. */
export interface AccuracyOptions {
  /**
   * The in-sample series, oldest first, for the scaled measures (MASE, MSIS). Defaults to the values the
   * forecast was fitted on when `forecast` is a {@link Forecast}; without it MASE and MSIS are skipped.
   */
  readonly history?: readonly number[];
  /** Seasonal period of the naive scale: 1 (the default) for yearly data. */
  readonly period?: number;
}

const ACCURACY_OPTIONS = optionNames<AccuracyOptions>({ history: true, period: true });

/** Interval measures at one level. */
export interface IntervalAccuracy {
  readonly level: number;
  /** Share of actual values inside the interval, in [0, 1]. */
  readonly coverage: number;
  /** Mean Winkler score, in the unit of the data. */
  readonly winkler: number;
  /** Winkler score scaled like MASE; absent when no usable history (see `skipped`). */
  readonly msis?: number;
}

/** Every measure {@link accuracy} reports; the percent measures (MAPE, sMAPE) are in percent. */
export interface Accuracy {
  /** Number of actual values compared. */
  readonly n: number;
  readonly me: number;
  readonly mae: number;
  readonly rmse: number;
  /** Absent when an actual value is 0 (see `skipped`). */
  readonly mape?: number;
  readonly smape: number;
  /** Absent without a usable history (see `skipped`). */
  readonly mase?: number;
  /** One entry per interval level of the forecast, ascending; empty for plain point forecasts. */
  readonly intervals: readonly IntervalAccuracy[];
  /** Measures left out and why (a zero actual for MAPE, a constant or missing history for MASE). */
  readonly skipped: readonly { readonly measure: string; readonly reason: string }[];
}

/**
 * Every accuracy measure of one forecast against held-out values at once: ME, MAE, RMSE, MAPE, sMAPE,
 * MASE, and for each interval level coverage, Winkler score and MSIS. A measure that is undefined for
 * this input (MAPE with a zero actual, MASE with a constant history) is left out and listed in
 * `skipped` with the reason, instead of throwing; call the measure itself to get the error.
 * @param actual held-out values, one per forecast year
 * @param forecast a {@link Forecast} (its years must start right after the history) or point forecasts
 * @throws {MetricsError} invalid_argument for empty or unequal-length inputs; non_finite for NaN/±Infinity
 * @example
 * accuracy([13, 15], [12, 12], { history: [10, 11, 13, 12] }).mase; // => 1.5
 */
export function accuracy(
  actual: readonly number[],
  forecast: Forecast | readonly number[],
  options: AccuracyOptions = {},
): Accuracy {
  if (typeof forecast !== 'object' || forecast === null) {
    throw argumentError(
      'invalid_argument',
      `accuracy: forecast must be a Forecast or an array of numbers (got ${String(forecast)}).`,
      'forecast',
      'a Forecast or an array of numbers',
      forecast,
    );
  }
  assertOptions('accuracy', options, '{ history }', ACCURACY_OPTIONS);
  const isForecast = !Array.isArray(forecast);
  const predicted = isForecast ? (forecast as Forecast).mean : (forecast as readonly number[]);
  assertFiniteArray('accuracy', 'forecast', predicted);
  const history = options.history ?? (isForecast ? (forecast as Forecast).fit?.values : undefined);
  const period = options.period ?? 1;
  const skipped: { measure: string; reason: string }[] = [];
  const optional = <T>(measure: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (isMetricsError(e, 'degenerate')) {
        skipped.push({ measure, reason: e.message });
        return undefined;
      }
      throw e;
    }
  };
  const base = {
    me: me(actual, predicted),
    mae: mae(actual, predicted),
    rmse: rmse(actual, predicted),
    smape: smape(actual, predicted),
  };
  const mapeValue = optional('mape', () => mape(actual, predicted));
  let maseValue: number | undefined;
  if (history === undefined)
    skipped.push({
      measure: 'mase',
      reason: 'accuracy: no history given, so the naive scale is unknown. Pass options.history.',
    });
  else maseValue = optional('mase', () => mase(actual, predicted, { history, period }));
  const intervals: IntervalAccuracy[] = [];
  if (isForecast) {
    for (const iv of [...(forecast as Forecast).intervals].sort((a, b) => a.level - b.level)) {
      const msisValue =
        history === undefined || maseValue === undefined
          ? undefined
          : optional(`msis@${iv.level}`, () => msis(actual, iv.lower, iv.upper, { history, level: iv.level, period }));
      intervals.push({
        level: iv.level,
        coverage: coverage(actual, iv.lower, iv.upper),
        winkler: winkler(actual, iv.lower, iv.upper, { level: iv.level }),
        ...(msisValue !== undefined ? { msis: msisValue } : {}),
      });
    }
  }
  return {
    n: actual.length,
    ...base,
    ...(mapeValue !== undefined ? { mape: mapeValue } : {}),
    ...(maseValue !== undefined ? { mase: maseValue } : {}),
    intervals,
    skipped,
  };
}
