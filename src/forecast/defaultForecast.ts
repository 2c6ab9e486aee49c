import { assertOneOf, assertOptions, optionNames, show, argumentError } from '../internal/assert.js';
import { formatPercent } from '../internal/formatNumber.js';
import type { Series } from '../series/series.js';
import { interpolate } from '../series/interpolate.js';
import { arima } from './arima.js';
import { calibrate, type CalibratedFit } from './calibrate.js';
import { combination } from './combination.js';
import { withBoxCox } from './withBoxCox.js';
import { drift } from './drift.js';
import { forecastMethods } from './methods.js';
import { theta } from './theta.js';
import type { Forecast, ForecastMethod, ForecastOptions } from './types.js';

/** The default's parts, in order (not in the public index: the benchmarks score them). */
export const defaultParts: readonly ForecastMethod[] = Object.freeze([
  theta,
  arima,
  drift,
  withBoxCox(theta, { lambda: 0 }),
  withBoxCox(drift, { lambda: 0 }),
]);

/**
 * The default's point forecasts before calibration: the trimmed mean of its parts, with their trimmed bounds as
 * intervals (not in the public index: the benchmarks compare calibrated intervals with these).
 */
export const defaultCombination: ForecastMethod = combination(defaultParts, { name: 'default', average: 'trimmed' });

const calibratedDefault = calibrate(defaultCombination);

/**
 * The method {@link forecast} uses unless told otherwise, named `default`: the trimmed mean (without the
 * lowest and the highest, at each year) of Theta, automatic ARIMA and drift on the data and of Theta and
 * drift on the log scale (both back-transformed medians), with intervals from {@link calibrate} (its own
 * rolling-origin errors on each history; `fit.method` ends in `-cal`, and `fit.inner` holds the combination's
 * fit). Log parts are left out, with a note, for a series with a value <= 0 (with fewer than 3 parts fitted
 * the mean of those fitted is used, noted too).
 * - Point forecasts: chosen by one rule, the lowest OWA in rolling-origin validation inside the M3 yearly
 *   training data (two origins per series, horizon 6), among the 60 candidates listed in BENCHMARKS.md
 *   (bench/defaultStudy.ts): 0.828, against 0.836 for the mean of the same parts.
 * - Intervals: chosen among six candidates by a rule stated before measuring (95% coverage within 90-98%
 *   on M3 yearly validation and held-out values, on the M3 series grown more than 8% a year, on the
 *   synthetic growth set and on M3 cut to 7 and 8 points, at most 5x the cost; then the lowest validation
 *   MSIS): only the calibrated ones qualify, covering 91.7-96.5% on those sets against 84.2-91.0% for the
 *   parts' trimmed bounds, with wider intervals (bench/intervalStudy.ts, bench/forecast-candidates.md).
 * On the 645 held-out M3 yearly tests its OWA is 0.8605 (sMAPE 15.90, 95% coverage 96.5%), against 0.861
 * for the mean of the same parts, 0.867 for the earlier default and 0.884 for R's best method, drift. It
 * compounds only in part: on constant 5-35% growth it forecasts 15% low on average (see BENCHMARKS.md); a
 * forecast of a series that grew 8% a year or more says so in a note when it implies less growth (see
 * {@link compoundingNote}).
 * Change this one constant to change the default.
 * @example
 * defaultMethod.name; // => 'default'
 */
export const defaultMethod: ForecastMethod<CalibratedFit> = {
  ...calibratedDefault,
  name: 'default',
  description:
    'Trimmed mean of theta, arima, drift, log(theta) and log(drift) (without the lowest and the highest); intervals calibrated on its own rolling-origin errors.',
  fit(s: Series): CalibratedFit {
    // calibrate copies the combination's fields onto its fit; the parts' fits stay in `inner` only, where
    // forecast reads them, so a fit handed back carries no second, unread copy of them.
    const { parts: _unread, ...fit } = calibratedDefault.fit(s) as CalibratedFit & { parts?: unknown };
    return fit;
  },
  forecast(fit: CalibratedFit, toYear: number, options?: ForecastOptions): Forecast {
    const f = calibratedDefault.forecast(fit, toYear, options);
    const note = compoundingNote(f);
    return note === undefined ? f : { ...f, fit: { ...f.fit, notes: [...(f.fit.notes ?? []), note] } };
  },
};

/** The history's compound growth from which the default's forecast notes how much of it it extrapolates. */
const COMPOUNDING_NOTE_FROM = 0.08;
/**
 * How the default's compounding note begins (see {@link compoundingNote}): find it among a forecast's
 * `fit.notes` by this prefix, as the command line does.
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2016, 2017, 2018, 2019, 2020, 2021], values: [80, 88, 97, 104, 110, 121] });
 * forecast(s, 2026).fit.notes?.some((n) => n.startsWith(COMPOUNDING_NOTE)); // => true
 */
export const COMPOUNDING_NOTE = 'compounding: ';

/**
 * The note the default adds to a forecast of a series that compounded at 8 % a year or more (first to last
 * value, both positive) when the forecast implies less growth a year: both rates, the history's over its
 * second half too (from the middle year, so that a jump long ago does not pass for growth that lasts), and
 * what the benchmarks say of the default on such series. It begins with {@link COMPOUNDING_NOTE} (the
 * command line prints it).
 */
export function compoundingNote(f: Forecast): string | undefined {
  const { years, values } = f.fit;
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const end = f.mean[f.mean.length - 1]!;
  const lastYear = years[years.length - 1]!;
  const toYear = f.years[f.years.length - 1]!;
  if (!(first > 0 && last > 0 && end > 0) || years.length < 3) return undefined;
  const past = (last / first) ** (1 / (lastYear - years[0]!)) - 1;
  const ahead = (end / last) ** (1 / (toYear - lastYear)) - 1;
  if (!(past >= COMPOUNDING_NOTE_FROM && ahead < past)) return undefined;
  const pct = (x: number) => formatPercent(x, { decimals: 1, fixed: true });
  const m = Math.floor((years.length - 1) / 2);
  const mid = values[m]!;
  // at least three years, so the middle year m >= 1 is not the first
  const recent =
    mid > 0 ? `; ${pct((last / mid) ** (1 / (lastYear - years[m]!)) - 1)} a year over ${years[m]}-${lastYear}` : '';
  return (
    `${COMPOUNDING_NOTE}the history grew ${pct(past)} a year (${years[0]}-${lastYear}, compound${recent}); this forecast implies ` +
    `${pct(ahead)} a year to ${toYear}. The default extrapolates growth only in part: on series growing at a ` +
    'constant rate it forecast too low, while the M3 yearly series that grew more than 8% a year slowed ' +
    'afterwards and it forecast them too high (BENCHMARKS.md, compounding series). If this growth should last, ' +
    'compare logTrend or drift on logs (withBoxCox(drift, { lambda: 0 }); --method drift --lambda 0).'
  );
}

/** How {@link forecast} fills missing years: on a straight line, or at constant growth (log-linear). */
export const FillMethod = Object.freeze({ linear: 'linear', log: 'log' } as const);
export type FillMethod = keyof typeof FillMethod;

/** Options of {@link forecast}. */
export interface DefaultForecastOptions extends ForecastOptions {
  /** A method object or a name from `forecastMethods`. Default {@link defaultMethod}. */
  readonly method?: ForecastMethod | string;
  /** Years to forecast after the last observation, instead of a target year. */
  readonly h?: number;
  /** Fill missing years before fitting: `linear` or `log` (constant growth between neighbours). Default: gaps throw. */
  readonly fill?: FillMethod;
  /** Fit on the Box-Cox scale: a number (0 for logs) or 'auto' (see withBoxCox). Default: none. */
  readonly lambda?: number | 'auto';
  /** With `lambda`, bias-adjust the point forecast to the mean (see withBoxCox). Default false. */
  readonly biasadj?: boolean;
}

const FORECAST_OPTIONS = optionNames<DefaultForecastOptions>({
  method: true,
  h: true,
  levels: true,
  smallSample: true,
  fill: true,
  lambda: true,
  biasadj: true,
});

/**
 * Forecasts a yearly series in one call: fit, then forecast, with the default method (see
 * {@link defaultMethod}) unless `options.method` names another. Give the target year, or `{ h }`.
 * The result says what was used: `forecast.method` names the models fitted (e.g.
 * `default(theta, ARIMA(0,1,1) with drift, drift, log(theta), log(drift))-cal`), and `forecast.fit.notes` any
 * fallback.
 * - Needs at least 3 observations (1-2 points throw invalid_argument); gaps throw missing_years unless
 *   `fill` says how to fill them (the filled years are listed in the notes).
 * - Levels are fractions, default [0.8, 0.95]; percent is read when every entry is above 1 ([80, 95]).
 * - `lambda` wraps the method in {@link withBoxCox}.
 * @throws {MetricsError} invalid_argument for an unknown method name, a target year <= the last year,
 *   both or neither of toYear and h, bad levels or too short a series; missing_years for gaps without `fill`
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023], values: [10, 12, 13, 15, 18, 19, 21, 24] });
 * forecast(s, 2026).years; // => [2024, 2025, 2026]
 * forecast(s, { h: 2 }).years; // => [2024, 2025]
 */
export function forecast(
  s: Series,
  toYearOrOptions: number | DefaultForecastOptions,
  options: DefaultForecastOptions = {},
): Forecast {
  const opts = typeof toYearOrOptions === 'object' && toYearOrOptions !== null ? toYearOrOptions : options;
  if (typeof opts === 'object' && opts !== null && Object.hasOwn(opts, 'horizon')) {
    const h = (opts as { horizon?: unknown }).horizon;
    throw argumentError(
      'invalid_argument',
      `forecast: the horizon is the option h (got horizon: ${show(h)}). Pass { h: ${typeof h === 'number' ? h : 5} } or a target year.`,
      ['options', 'horizon'],
      'h instead of horizon',
      h,
      { option: 'horizon' },
    );
  }
  assertOptions('forecast', opts, '{ h: 5 }', FORECAST_OPTIONS);
  const m = opts.method ?? defaultMethod;
  let method: ForecastMethod;
  if (typeof m === 'string') {
    const found = Object.hasOwn(forecastMethods, m) ? forecastMethods[m] : m === 'default' ? defaultMethod : undefined;
    if (found === undefined) {
      throw argumentError(
        'invalid_argument',
        `forecast: unknown method ${show(m)} (got ${show(m)}). Use one of default, ${Object.keys(forecastMethods).join(', ')}, or pass a method object.`,
        'method',
        `one of default, ${Object.keys(forecastMethods).join(', ')}, or a method object`,
        m,
        { method: m },
      );
    }
    method = found;
  } else if (typeof m === 'object' && m !== null && typeof m.fit === 'function' && typeof m.forecast === 'function') {
    method = m;
  } else {
    throw argumentError(
      'invalid_argument',
      `forecast: method must be a method name or a ForecastMethod (got ${show(m)}).`,
      'method',
      'a method name or a ForecastMethod',
      m,
    );
  }
  if (opts.lambda !== undefined) {
    method = withBoxCox(method, {
      lambda: opts.lambda,
      ...(opts.biasadj !== undefined ? { biasadj: opts.biasadj } : {}),
    });
  }
  let data = s;
  const notes: string[] = [];
  if (opts.fill !== undefined) {
    assertOneOf('forecast', 'fill', opts.fill, FillMethod);
    if (typeof s === 'object' && s !== null && Array.isArray(s.years)) {
      const have = new Set(s.years);
      data = interpolate(s, opts.fill === 'log' ? 'geometric' : 'linear');
      const filled = data.years.filter((y) => !have.has(y));
      if (filled.length > 0)
        notes.push(`filled ${filled.length} missing year(s) (${filled.join(', ')}) by ${opts.fill} interpolation`);
    }
  }
  const fit = method.fit(data);
  const last = fit.years[fit.years.length - 1]!;
  let toYear: number;
  if (typeof toYearOrOptions === 'number') {
    if (opts.h !== undefined) {
      throw argumentError(
        'invalid_argument',
        `forecast: give a target year or h, not both (got ${toYearOrOptions} and h ${show(opts.h)}). Drop one.`,
        'h',
        'no h with a target year',
        opts.h,
      );
    }
    toYear = toYearOrOptions;
  } else {
    const h = opts.h;
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 1) {
      throw argumentError(
        'invalid_argument',
        `forecast: h must be a whole number of years >= 1 (got ${show(h)}). Pass e.g. forecast(s, { h: 5 }) or forecast(s, 2030).`,
        'h',
        'a whole number of years >= 1',
        h,
        { h },
      );
    }
    toYear = last + h;
  }
  const fc = method.forecast(fit, toYear, {
    ...(opts.levels !== undefined ? { levels: opts.levels } : {}),
    ...(opts.smallSample !== undefined ? { smallSample: opts.smallSample } : {}),
  });
  if (notes.length === 0) return fc;
  const withNotes = { ...fc.fit, notes: [...notes, ...(fc.fit.notes ?? [])] };
  return { ...fc, fit: withNotes };
}
