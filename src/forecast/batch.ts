import { type ErrorCode, MetricsError } from '../errors.js';
import { assertInteger, assertOneOf, assertOptions, optionNames, show, argumentError } from '../internal/assert.js';
import { series } from '../series/series.js';
import { interpolate } from '../series/interpolate.js';
import type { Unit } from '../series/units.js';
import type { FillMethod } from './defaultForecast.js';
import type { Forecast, ForecastMethod } from './types.js';
import { checkMethod } from './internal/checkMethod.js';
import { assertSmallSample } from './internal/common.js';
import { levelLabel } from './levels.js';

/** One input observation: a long table row, as {@link parseSeriesCsv} returns. */
export interface BatchRow {
  readonly id: string;
  readonly year: number;
  readonly value: number;
}

/** Options of {@link forecastMany}: give exactly one of `horizon` and `toYear`. */
export interface ForecastManyOptions {
  /** Years to forecast after each series' own last year, >= 1. */
  readonly horizon?: number;
  /** Forecast every series up to this year (each must end before it). */
  readonly toYear?: number;
  /** Interval levels as fractions in (0, 1). Default [0.8, 0.95]. */
  readonly levels?: readonly number[];
  /**
   * Small-sample intervals under 10 observations (default true, see ForecastOptions.smallSample); `false`
   * gives R's intervals.
   */
  readonly smallSample?: boolean;
  /** Unit of every series (text or Unit). Default `unit`, a plain number. */
  readonly unit?: string | Unit;
  /** Fill missing years first: `linear` or `log` (constant growth between neighbours). Default: a gap is an error. */
  readonly fill?: FillMethod;
  /** Stops between series; the call then throws `aborted`. */
  readonly signal?: AbortSignal;
}

const FORECAST_MANY_OPTIONS = optionNames<ForecastManyOptions>({
  horizon: true,
  toYear: true,
  levels: true,
  smallSample: true,
  unit: true,
  fill: true,
  signal: true,
});

/** A tidy output row: `lower_80`, `upper_80`, `lower_95`, `upper_95`, … per level. */
export type ForecastManyRow = Readonly<Record<string, string | number>> & {
  readonly id: string;
  readonly year: number;
  readonly mean: number;
};

/** A series that could not be forecast, and why. */
export interface ForecastManyError {
  /** The series' id, or `rows[i]` for a row without a string id. */
  readonly id: string;
  /** The MetricsError code, or `internal` for an unexpected failure inside a method (not a MetricsError). */
  readonly code: ErrorCode | 'internal';
  readonly message: string;
}

/** Result of {@link forecastMany}: plain data. */
export interface ForecastMany {
  /** Name of the method asked for. */
  readonly method: string;
  /** Per series, in first-seen order of the ids (the Forecast's `method` names the model chosen). */
  readonly forecasts: readonly Forecast[];
  /** One row per series and forecast year. */
  readonly rows: readonly ForecastManyRow[];
  /** Series that failed; the others are unaffected. */
  readonly errors: readonly ForecastManyError[];
}

/**
 * Forecasts many series from one long table in one call: groups the rows by `id` (ids in first-seen
 * order, years sorted), forecasts each series with `method`, and returns every Forecast plus tidy rows
 * `{ id, year, mean, lower_80, upper_80, lower_95, upper_95 }`. A series that fails (a bad value, a
 * duplicated year, a gap, too short for the method) is reported in `errors` with its id and does not stop
 * the others; a row without a string id belongs to no series and is reported as `rows[i]`.
 * @param rows observations of any number of series
 * @param method any {@link ForecastMethod}
 * @throws {MetricsError} invalid_argument for a non-array `rows`, a non-method, neither or both of
 *   horizon/toYear, or a horizon below 1; aborted when `signal` fires
 * @example
 * forecastMany([{ id: 'a', year: 2020, value: 1 }, { id: 'a', year: 2021, value: 2 }, { id: 'a', year: 2022, value: 3 }],
 *   naive, { horizon: 1 }).rows[0].mean; // => 3
 */
export function forecastMany(
  rows: readonly BatchRow[],
  method: ForecastMethod,
  options: ForecastManyOptions,
): ForecastMany {
  const fn = 'forecastMany';
  if (!Array.isArray(rows)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: rows must be an array of { id, year, value } (got ${show(rows)}). Read a CSV with readSeriesCsv.`,
      'rows',
      'an array of { id, year, value }',
      rows,
    );
  }
  checkMethod(fn, method);
  assertOptions(fn, options, '{ horizon: 5 }', FORECAST_MANY_OPTIONS);
  const { horizon, toYear } = options;
  if ((horizon === undefined) === (toYear === undefined)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: give exactly one of horizon and toYear (got horizon ${show(horizon)}, toYear ${show(toYear)}).`,
      'options',
      'exactly one of horizon and toYear',
      { horizon, toYear },
    );
  }
  if (horizon !== undefined) {
    assertInteger(fn, 'horizon', horizon);
    if (horizon < 1)
      throw argumentError(
        'invalid_argument',
        `${fn}: horizon must be >= 1 year (got ${horizon}).`,
        'horizon',
        '>= 1 year',
        horizon,
        { horizon },
      );
  } else assertInteger(fn, 'toYear', toYear);
  const levels = options.levels ?? [0.8, 0.95];
  assertSmallSample(fn, options.smallSample);
  const small = options.smallSample === false ? { smallSample: false } : {};
  if (options.fill !== undefined) assertOneOf(fn, 'fill', options.fill, ['linear', 'log']);
  const unit = options.unit ?? 'unit';

  const groups = new Map<string, { years: unknown[]; values: unknown[] }>();
  const errors: ForecastManyError[] = [];
  // An indexed loop (forEach skips holes). A row without a string id belongs to no series: it is reported
  // on its own, under its place in the table, and no series named "undefined" is made of it.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as BatchRow | undefined;
    if (typeof r !== 'object' || r === null || typeof r.id !== 'string' || r.id.trim() === '') {
      errors.push({
        id: `rows[${i}]`,
        code: 'invalid_argument',
        message: `${fn}: rows[${i}] has no string id (got ${show(r)}). Give every row { id, year, value }.`,
      });
      continue;
    }
    const g = groups.get(r.id) ?? { years: [], values: [] };
    g.years.push(r.year);
    g.values.push(r.value);
    groups.set(r.id, g);
  }

  const forecasts: Forecast[] = [];
  const out: ForecastManyRow[] = [];
  for (const [id, g] of groups) {
    if (options.signal?.aborted) {
      throw new MetricsError(
        'aborted',
        `${fn}: cancelled after ${forecasts.length + errors.length} of ${groups.size} series.`,
      );
    }
    try {
      const order = g.years.map((_, i) => i).sort((a, b) => Number(g.years[a]) - Number(g.years[b]));
      const raw = series({
        id,
        unit,
        years: order.map((i) => g.years[i]) as number[],
        values: order.map((i) => g.values[i]) as number[],
      });
      const s = options.fill === undefined ? raw : interpolate(raw, options.fill === 'log' ? 'geometric' : 'linear');
      const filled = s.years.filter((y) => !raw.years.includes(y));
      const last = s.years[s.years.length - 1] as number;
      if (s.values.length < method.minLength) {
        throw argumentError(
          'invalid_argument',
          `${fn}: series "${id}" has ${s.values.length} observation(s), and ${method.name} needs at least ${method.minLength} (got ${s.values.length}). Add years or pick a simpler method.`,
          'rows',
          `at least ${method.minLength} observations of series "${id}"`,
          s.values.length,
        );
      }
      if (toYear !== undefined && toYear <= last) {
        throw argumentError(
          'invalid_argument',
          `${fn}: series "${id}" already ends in ${last}, so there is nothing to forecast up to ${toYear} (got toYear ${toYear}). Use horizon instead.`,
          'options.toYear',
          `a year after ${last}, the end of series "${id}"`,
          toYear,
        );
      }
      const f0 = method.forecast(method.fit(s), horizon !== undefined ? last + horizon : (toYear as number), {
        levels,
        ...small,
      });
      const f =
        filled.length === 0
          ? f0
          : {
              ...f0,
              fit: {
                ...f0.fit,
                notes: [
                  `filled ${filled.length} missing year(s) (${filled.join(', ')}) by ${options.fill} interpolation`,
                  ...(f0.fit.notes ?? []),
                ],
              },
            };
      forecasts.push(f);
      f.years.forEach((year, i) => {
        const row: Record<string, string | number> = { id, year, mean: f.mean[i] as number };
        for (const iv of f.intervals) {
          row[`lower_${levelLabel(iv.level)}`] = iv.lower[i] as number;
          row[`upper_${levelLabel(iv.level)}`] = iv.upper[i] as number;
        }
        out.push(row as ForecastManyRow);
      });
    } catch (e) {
      if (e instanceof MetricsError) {
        if (e.code === 'aborted') throw e;
        errors.push({ id, code: e.code, message: e.message });
      } else {
        errors.push({ id, code: 'internal', message: `${method.name}: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }
  return { method: method.name, forecasts, rows: out, errors };
}
