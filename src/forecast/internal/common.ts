// Shared checks and builders for the forecasting methods (not exported from the package).
import { MetricsError } from '../../errors.js';
import { argumentError, assertInteger, assertOptions, optionNames, show } from '../../internal/assert.js';
import { notJson } from '../../internal/notJson.js';
import { asSeries, assertAnnual, type Series } from '../../series/series.js';
import type { Rng } from '../../random/rng.js';
import { parseUnit, unitArg } from '../../series/units.js';
import type { Forecast, ForecastFit, ForecastInterval, ForecastOptions, SimulateFitOptions } from '../types.js';
import { normalQuantile, tQuantile } from './normalAndStudentT.js';
import { toLevels } from '../levels.js';

/** Every method needs at least this many observations. */
export const MIN_LENGTH = 3;
/** Longest horizon accepted, in years. */
export const MAX_HORIZON = 1000;
/** Most simulated numbers (paths x horizon) in one call. */
export const MAX_SIMULATED = 50_000_000;
/**
 * Most observations a method fits: a thousand years of yearly data is already far beyond any series this
 * library meets, and refusing more up front keeps every fit (and calibrate's refits) within seconds.
 */
export const MAX_LENGTH = 1000;
/** Largest magnitude of an observation: its square (variances, likelihoods) must stay finite. */
export const MAX_MAGNITUDE = 1e150;

/** Checks a series for fitting: a Series, annual, finite, at least `minLength` points. Returns a copy of the values. */
export function fitInput(fn: string, input: Series, minLength: number = MIN_LENGTH, annual = true): number[] {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.years) || !Array.isArray(input.values)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a Series (got ${show(input)}). Build one with series({ id, unit, years, values }).`,
      'series',
      'a Series',
      input,
    );
  }
  if (input.values.length > MAX_LENGTH || input.years.length > MAX_LENGTH) {
    throw new MetricsError(
      'too_large',
      `${fn}: series "${String(input.id)}" has ${Math.max(input.values.length, input.years.length)} observations, more than the ${MAX_LENGTH} a method fits (got ${input.values.length} values). Forecast from the recent years.`,
      { length: input.values.length, max: MAX_LENGTH },
    );
  }
  // A hand-built object is checked as series() checks its input (whole increasing years, one finite value each).
  const s = asSeries(fn, input);
  // One pass makes the copy returned and refuses values whose squares overflow (a variance of 1e308 data is
  // Infinity); asSeries has checked that they are finite numbers.
  const values: number[] = [];
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i] as number;
    if (Math.abs(v) > MAX_MAGNITUDE) {
      throw argumentError(
        'invalid_argument',
        `${fn}: series "${s.id}" has ${v} in ${s.years[i]}, beyond the ${MAX_MAGNITUDE} a method can square (got it at index ${i}). Rescale the series (e.g. to billions).`,
        ['series', 'values', i],
        `at most ${MAX_MAGNITUDE} in size`,
        v,
        { year: s.years[i] },
      );
    }
    values.push(v);
  }
  if (values.length < minLength) {
    throw argumentError(
      'invalid_argument',
      `${fn}: series "${s.id}" has ${values.length} observation${values.length === 1 ? '' : 's'} (got ${show(s.values)}). Forecasting needs at least ${minLength}; with fewer, state a growth assumption instead (see compound).`,
      'series.values',
      `at least ${minLength} observations`,
      s.values,
      { length: values.length, minLength },
    );
  }
  if (annual) assertAnnual(fn, s);
  return values;
}

/** Throws unless every value is > 0 (multiplicative models, logs). */
export function assertPositive(fn: string, s: Series, what: string): void {
  const i = s.values.findIndex((v) => !(v > 0));
  if (i >= 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${what} needs values > 0, and series "${s.id}" has ${s.values[i]} in ${s.years[i]} (got ${s.values[i]}). Use an additive method (ses, holt, damped, drift) or shift the data.`,
      ['series', 'values', i],
      '> 0',
      s.values[i],
      { year: s.years[i], value: s.values[i] },
    );
  }
}

/**
 * The years after the fit's last observation up to `toYear`, once the fit is checked: every number it holds,
 * or with `dataOnly` its data (method, series id, unit, years, values), for a wrapper that reads only those and
 * whose wrapped method checks its own fit (calibrate). Fields beyond every fit's must hold finite data, except
 * `ownFields`, which the method checks itself with its own words.
 */
export function horizonYears(
  fn: string,
  fit: ForecastFit,
  toYear: number,
  dataOnly = false,
  ownFields: readonly string[] = [],
): number[] {
  // No fresh fit outside pointsFromFreshFit: an undefined fit equals the undefined freshFit and is checked too.
  if (freshFit === undefined || fit !== freshFit) assertFit(fn, fit, dataOnly, ownFields);
  assertInteger(fn, 'toYear', toYear);
  const last = fit.years[fit.years.length - 1]!;
  if (toYear <= last) {
    throw argumentError(
      'invalid_argument',
      `${fn}: toYear must come after the last observation ${last} (got ${toYear}). Pass a later year, e.g. ${last + 5}.`,
      'toYear',
      `> ${last}`,
      toYear,
      { toYear, lastYear: last },
    );
  }
  if (toYear - last > MAX_HORIZON) {
    throw argumentError(
      'too_large',
      `${fn}: a horizon of ${toYear - last} years is more than ${MAX_HORIZON} (got toYear ${toYear}). Forecast a nearer year.`,
      'toYear',
      `<= ${last + MAX_HORIZON}`,
      toYear,
      { toYear, lastYear: last },
    );
  }
  const years: number[] = [];
  for (let y = last + 1; y <= toYear; y++) years.push(y);
  return years;
}

/** Throws invalid_argument unless `fit` is an object: for methods that look at a field before horizonYears. */
export function assertFitObject(fn: string, fit: unknown): asserts fit is ForecastFit {
  if (typeof fit !== 'object' || fit === null) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a fit made by this method's fit() (got ${show(fit)}). Call method.fit(series) first.`,
      'fit',
      "a fit made by this method's fit()",
      fit,
    );
  }
}

function assertFit(fn: string, fit: ForecastFit, dataOnly: boolean, ownFields: readonly string[]): void {
  if (
    typeof fit !== 'object' ||
    fit === null ||
    !Array.isArray(fit.years) ||
    fit.years.length === 0 ||
    typeof fit.params !== 'object'
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a fit made by this method's fit() (got ${show(fit)}). Call method.fit(series) first.`,
      'fit',
      "a fit made by this method's fit()",
      fit,
    );
  }
  // A fit is plain data a caller may store and hand back: every number it holds must still be finite,
  // or the forecast would quietly be NaN. (Module-level helpers, not closures: this runs on every forecast.)
  if (typeof fit.method !== 'string' || fit.method === '') badFit(fn, 'method (a method name)', fit.method);
  if (typeof fit.seriesId !== 'string') badFit(fn, 'seriesId (the series id, text)', fit.seriesId);
  unitArg(fn, 'fit.unit', fit.unit);
  const n = fit.years.length;
  // A fit holds what fit() accepted: MIN_LENGTH to MAX_LENGTH observations.
  if (n < MIN_LENGTH || n > MAX_LENGTH)
    badFit(fn, `years (${MIN_LENGTH} to ${MAX_LENGTH} observations, as fit() takes)`, n);
  finiteFitArray(fn, fit, 'years', n);
  for (let i = 1; i < n; i++)
    if (!((fit.years[i] as number) > (fit.years[i - 1] as number)))
      badFit(fn, `years[${i}] (increasing)`, fit.years[i]);
  finiteFitArray(fn, fit, 'values', n);
  for (let i = 0; i < n; i++)
    if (Math.abs(fit.values[i] as number) > MAX_MAGNITUDE)
      badFit(fn, `values[${i}] (at most ${MAX_MAGNITUDE} in size)`, fit.values[i]);
  // The notes, when present, are text: a forecast returns its fit, and a report prints them.
  fitNotes(fn, fit.notes);
  if (dataOnly) return;
  finiteFitArray(fn, fit, 'fitted', n);
  finiteFitArray(fn, fit, 'residuals', n);
  finiteFitNumbers(fn, fit, 'params');
  if (fit.state !== undefined) finiteFitNumbers(fn, fit, 'state');
  if (!(typeof fit.sigma2 === 'number' && Number.isFinite(fit.sigma2) && fit.sigma2 >= 0))
    badFit(fn, 'sigma2 (>= 0)', fit.sigma2);
  // The likelihood and the criteria, when a fit has them, are numbers too (a method may read them).
  optionalFinite(fn, 'loglik', fit.loglik);
  optionalFinite(fn, 'aic', fit.aic);
  optionalFinite(fn, 'aicc', fit.aicc);
  optionalFinite(fn, 'bic', fit.bic);
  // The fields a method checks itself (ownFields: an ARIMA fit's model, a combination's parts) are its own;
  // any other field is returned with the fit too, so it must hold finite data.
  for (const key of Object.keys(fit)) {
    if (BASE_FIT_FIELDS.has(key) || ownFields.includes(key)) continue;
    const bad = notJson((fit as unknown as Record<string, unknown>)[key], key);
    if (bad !== undefined) badFit(fn, bad.path, bad.value);
  }
}

/** The fields of every fit, checked one by one in assertFit. */
export const BASE_FIT_FIELDS: ReadonlySet<string> = new Set([
  'method',
  'seriesId',
  'unit',
  'years',
  'values',
  'params',
  'state',
  'fitted',
  'residuals',
  'sigma2',
  'loglik',
  'aic',
  'aicc',
  'bic',
  'notes',
]);

function fitNotes(fn: string, notes: unknown): void {
  if (notes === undefined) return;
  if (!Array.isArray(notes)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fit.notes must be an array of text (got ${show(notes)}). Pass a fit made by this method's fit(), unchanged.`,
      'fit.notes',
      'an array of text',
      notes,
      { field: 'notes' },
    );
  }
  for (let i = 0; i < notes.length; i++) {
    const note: unknown = notes[i];
    if (typeof note !== 'string') {
      throw argumentError(
        'invalid_argument',
        `${fn}: fit.notes[${i}] must be text (got ${show(note)}). Pass a fit made by this method's fit(), unchanged.`,
        ['fit', 'notes', i],
        'text',
        note,
        { field: `notes[${i}]` },
      );
    }
  }
}

function optionalFinite(fn: string, name: string, v: unknown): void {
  if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v))) badFit(fn, name, v);
}

function badFit(fn: string, where: string, got: unknown): never {
  throw argumentError(
    'invalid_argument',
    `${fn}: fit.${where} must be finite (got ${show(got)}). Pass a fit made by this method's fit(), unchanged.`,
    `fit.${where}`,
    'a finite number',
    got,
    { field: where },
  );
}

function finiteFitArray(
  fn: string,
  fit: ForecastFit,
  name: 'years' | 'values' | 'fitted' | 'residuals',
  n: number,
): void {
  const a: unknown = fit[name];
  if (a === undefined && (name === 'fitted' || name === 'residuals')) return;
  if (!Array.isArray(a) || a.length !== n) badFit(fn, `${name} (one number per year, ${n})`, a);
  for (let i = 0; i < n; i++) {
    const v: unknown = (a as unknown[])[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) badFit(fn, `${name}[${i}]`, v);
  }
}

function finiteFitNumbers(fn: string, fit: ForecastFit, group: 'params' | 'state'): void {
  const o: unknown = fit[group];
  if (o === null || typeof o !== 'object') badFit(fn, group, o);
  for (const k in o as Record<string, unknown>) {
    if (!Object.hasOwn(o as object, k)) continue;
    const v = (o as Record<string, unknown>)[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) badFit(fn, `${group}.${k}`, v);
  }
}

/**
 * The numbers of a fit's `params` or `state` that a method reads, each required (assertFit, through
 * horizonYears, has checked that those present are finite): a fit handed back without one gets a
 * MetricsError naming it, never a forecast of NaN or one made with a silent default.
 */
export function fitNumbers<K extends string>(
  fn: string,
  fit: ForecastFit,
  group: 'params' | 'state',
  keys: readonly K[],
): Record<K, number> {
  const o = (fit[group] ?? {}) as Readonly<Record<string, number>>;
  const out = {} as Record<K, number>;
  for (const k of keys) {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: fit.${group}.${k} is missing (got ${show(o)}). Pass the fit this method's fit() made, unchanged.`,
        ['fit', group, k],
        'a finite number',
        o[k],
        { field: `${group}.${k}` },
      );
    }
    out[k] = v;
  }
  return out;
}

/** Simulated paths checked: every number finite, or a `degenerate` error naming the year (the fit's numbers are too extreme). */
export function checkPaths(
  fn: string,
  fit: ForecastFit,
  years: readonly number[],
  paths: Float64Array,
): { years: number[]; paths: Float64Array } {
  const h = years.length;
  for (let i = 0; i < paths.length; i++) {
    if (!Number.isFinite(paths[i] as number)) {
      throw new MetricsError(
        'degenerate',
        `${fn}: a simulated path of series "${fit.seriesId}" is not finite in ${years[i % h]} (the fit's numbers overflow there). Simulate a nearer year, or refit with a simpler method.`,
        { year: years[i % h] },
      );
    }
  }
  return { years: [...years], paths };
}

// True while only point forecasts are wanted (calibrate's in-sample origins): methods compute no intervals.
let pointsOnlyMode = false;

/**
 * Runs `compute` with point forecasts only (`on`, the default) or with intervals again (`on` false, for a
 * method that needs its inner method's intervals to make its point forecast: withBoxCox's bias adjustment).
 * Inside, {@link intervalLevels} gives no levels, so every method returns `intervals: []` and skips their
 * cost; the point forecasts are unchanged. calibrate uses it for its in-sample origins, where only the
 * point forecasts are used.
 */
export function pointsOnly<T>(compute: () => T, on = true): T {
  const before = pointsOnlyMode;
  pointsOnlyMode = on;
  try {
    return compute();
  } finally {
    pointsOnlyMode = before;
  }
}

// The fit an in-sample origin has just made, while {@link pointsFromFreshFit} forecasts from it.
let freshFit: ForecastFit | undefined;

/**
 * {@link pointsOnly} from a fit the caller made a moment ago with the method's own fit() and handed to no
 * one (calibrate's in-sample origins): horizonYears does not check that one object again, which would cost
 * as much as the forecast of a short series. Fits nested in it (a combination's parts) are still checked.
 * The caller must check that the points it reads are finite.
 */
export function pointsFromFreshFit<T>(fit: ForecastFit, compute: () => T): T {
  const before = freshFit;
  freshFit = fit;
  try {
    return pointsOnly(compute);
  } finally {
    freshFit = before;
  }
}

/** True inside {@link pointsOnly}. */
export function pointsOnlyOn(): boolean {
  return pointsOnlyMode;
}

/** The fields of {@link ForecastOptions}, for {@link checkForecastOptions}. */
const METHOD_FORECAST_OPTIONS = optionNames<ForecastOptions>({ levels: true, smallSample: true });

/** The fields of {@link SimulateFitOptions}, for {@link checkSimulateOptions}. */
const METHOD_SIMULATE_OPTIONS = optionNames<SimulateFitOptions>({ paths: true, rng: true, smallSample: true });

/**
 * Checks the options of a method's `forecast(fit, toYear, options)`: absent, or an object with no field but
 * `levels` and `smallSample` (a misspelt `level` would otherwise give the default intervals). Every method's
 * forecast reads its options through {@link intervalLevels}, which calls this.
 */
export function checkForecastOptions(fn: string, options: unknown): asserts options is ForecastOptions | undefined {
  if (options !== undefined) assertOptions(fn, options, '{ levels: [0.8, 0.95] }', METHOD_FORECAST_OPTIONS);
}

/**
 * Checks the options of a method's `simulate(fit, toYear, options)`: an object with no field but `paths`,
 * `rng` and `smallSample` (the values are checked by {@link simulateInput}, which calls this).
 */
export function checkSimulateOptions(fn: string, options: unknown): asserts options is SimulateFitOptions {
  assertOptions(fn, options, '{ paths: 1000, rng: rng(2026) }', METHOD_SIMULATE_OPTIONS);
}

/**
 * Checks the options (see {@link checkForecastOptions}), then checks and sorts interval levels by the one
 * convention (see toLevels): fractions, or unambiguous percent. Inside {@link pointsOnly}: none, unchecked.
 */
export function intervalLevels(fn: string, options: ForecastOptions | undefined): number[] {
  // Inside pointsOnly the options are the library's own (calibrate's in-sample origins): nothing to check.
  if (pointsOnlyMode) return [];
  checkForecastOptions(fn, options);
  const levels = options?.levels ?? [0.8, 0.95];
  return toLevels(fn, levels, 'level');
}

/** Below this many observations, forecasts use small-sample intervals unless told not to (see ForecastOptions.smallSample). */
export const SMALL_SAMPLE = 10;

/**
 * The degrees of freedom of the t quantiles for a fit on n observations whose variance has `df` residual
 * degrees of freedom: df for a short series (n < SMALL_SAMPLE, df >= 1) unless `smallSample: false`; else
 * undefined, for R's normal quantiles.
 */
export function smallSampleDf(
  n: number,
  df: number,
  options: Pick<ForecastOptions, 'smallSample'> | undefined,
): number | undefined {
  return n < SMALL_SAMPLE && df >= 1 && options?.smallSample !== false ? df : undefined;
}

/**
 * The note a fit on n < SMALL_SAMPLE observations carries when its intervals use t quantiles with df;
 * `also` names anything else the intervals include (ARIMA: "the drift's estimation variance").
 */
export function smallSampleNote(n: number, df: number, also?: string): string[] {
  return n < SMALL_SAMPLE && df >= 1
    ? [
        `${n} observations: intervals use Student-t quantiles with ${df} degrees of freedom${also === undefined ? '' : ` and include ${also}`}, where R uses normal ones (forecast with smallSample: false for R's)`,
      ]
    : [];
}

/** Throws invalid_argument unless `smallSample` is undefined or a boolean. */
export function assertSmallSample(fn: string, smallSample: unknown): void {
  if (smallSample !== undefined && typeof smallSample !== 'boolean') {
    throw argumentError(
      'invalid_argument',
      `${fn}: smallSample must be true or false (got ${show(smallSample)}). Pass false for R's Gaussian intervals and paths.`,
      'smallSample',
      'true or false',
      smallSample,
    );
  }
}

/**
 * One scale factor per path that turns Gaussian paths into Student-t ones with `df` degrees of freedom, the
 * small-sample intervals' distribution: sqrt(df / chi2_df), chi2_df the sum of df squared standard normals
 * from `rng` (df a whole number >= 1, as {@link smallSampleDf} gives). Every shock of a path times its factor
 * makes each year's value t_df around the point forecast with the Gaussian standard error (a scale mixture,
 * so its quantiles are the t interval's). Undefined when df is (R's Gaussian paths, and no numbers drawn).
 */
export function pathScales(df: number | undefined, paths: number, rng: Rng): Float64Array | undefined {
  if (df === undefined) return undefined;
  const out = new Float64Array(paths);
  for (let p = 0; p < paths; p++) {
    let chi2 = 0;
    for (let k = 0; k < df; k++) chi2 += rng.normal() ** 2;
    // chi2 = 0 has probability zero; guard anyway so a factor is never infinite.
    out[p] = Math.sqrt(df / Math.max(chi2, Number.MIN_VALUE));
  }
  return out;
}

/**
 * Standard normals for paths of `h` shocks each, path p's multiplied by `scales[p]` (see {@link pathScales}):
 * for simulators that draw exactly h normals per path, in path order.
 */
export function scaledNormals(rng: Rng, h: number, scales: Float64Array | undefined): () => number {
  if (scales === undefined) return () => rng.normal();
  let drawn = 0;
  return () => rng.normal() * scales[Math.floor(drawn++ / h)]!;
}

/** Symmetric intervals mean ± q * se: q a normal quantile, or a Student-t one with `df` degrees of freedom. */
export function normalIntervals(
  levels: readonly number[],
  mean: readonly number[],
  se: readonly number[],
  df?: number,
): ForecastInterval[] {
  return levels.map((level) => {
    const z = df === undefined ? normalQuantile(0.5 + level / 2) : tQuantile(0.5 + level / 2, df);
    return { level, lower: mean.map((m, i) => m - z * se[i]!), upper: mean.map((m, i) => m + z * se[i]!) };
  });
}

/**
 * How far an interval may reach, in multiples of the series' range per step ahead: every bound lies within
 * [min - RANGE_BOUND h R, max + RANGE_BOUND h R], R = max - min of the history (its largest |value| when the
 * series is constant, 1 when that is 0), and still contains the point forecast.
 */
export const RANGE_BOUND = 5;

// While > 0, forecasts are computed on a transformed scale and the range bound is left to the caller.
let unboundedDepth = 0;

/**
 * Runs `compute` (a forecast on a transformed scale) with the range bound off: withBoxCox bounds the
 * back-transformed intervals on the data's own scale instead, since a bound on the transformed scale has no
 * meaning for the data (for lambda near -1 it would cut intervals that R's are not). Bounds may then be
 * infinite; the caller back-transforms and bounds them.
 */
export function withoutRangeBound<T>(compute: () => T): T {
  unboundedDepth++;
  try {
    return compute();
  } finally {
    unboundedDepth--;
  }
}

/** True inside {@link withoutRangeBound}. */
export function rangeBoundOff(): boolean {
  return unboundedDepth > 0;
}

/**
 * Clips interval bounds to the range bound (see {@link RANGE_BOUND}); non-finite bounds are clipped too.
 * Inside {@link withoutRangeBound} bounds only contain the point forecast (NaN becomes ±Infinity).
 */
export function boundIntervals(
  values: readonly number[],
  mean: readonly number[],
  intervals: readonly ForecastInterval[],
): ForecastInterval[] {
  if (intervals.length === 0) return [];
  let lo = Infinity,
    hi = -Infinity,
    big = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    big = Math.max(big, Math.abs(v));
  }
  const r = hi > lo ? hi - lo : big > 0 ? big : 1;
  const k = unboundedDepth > 0 ? Infinity : RANGE_BOUND;
  // Loops, not map(): this runs on every forecast.
  const out: ForecastInterval[] = [];
  for (const it of intervals) {
    const lower: number[] = [];
    const upper: number[] = [];
    for (let i = 0; i < it.lower.length; i++) {
      const l = it.lower[i] as number;
      lower.push(Math.min(Math.max(Number.isNaN(l) ? -Infinity : l, lo - k * (i + 1) * r), mean[i]!));
    }
    for (let i = 0; i < it.upper.length; i++) {
      const u = it.upper[i] as number;
      upper.push(Math.max(Math.min(Number.isNaN(u) ? Infinity : u, hi + k * (i + 1) * r), mean[i]!));
    }
    out.push({ level: it.level, lower, upper });
  }
  return out;
}

/** Assembles a Forecast; intervals are held within the range bound (see {@link boundIntervals}). */
export function makeForecast(
  fit: ForecastFit,
  years: number[],
  mean: number[],
  unbounded: ForecastInterval[],
): Forecast {
  const intervals = boundIntervals(fit.values, mean, unbounded);
  for (const v of mean) {
    if (!Number.isFinite(v)) {
      throw new MetricsError(
        'degenerate',
        `${fit.method}: the forecast for series "${fit.seriesId}" is not finite (${Number.isNaN(v) ? 'the fit gives no number' : 'it overflows'}). The data may be too extreme for this method; try drift or naive.`,
      );
    }
  }
  for (const it of unboundedDepth > 0 ? [] : intervals) {
    for (let i = 0; i < years.length; i++) {
      if (!Number.isFinite(it.lower[i]!) || !Number.isFinite(it.upper[i]!)) {
        throw new MetricsError(
          'degenerate',
          `${fit.method}: the ${it.level} interval for ${years[i]} is not finite (the fit gives no number for a bound). Try a simpler method.`,
        );
      }
    }
  }
  return { method: fit.method, seriesId: fit.seriesId, unit: fit.unit, years, mean, intervals, fit };
}

/** Fields every fit shares. */
export function fitBase(
  s: Series,
  method: string,
  values: readonly number[],
): Pick<ForecastFit, 'method' | 'seriesId' | 'unit' | 'years' | 'values'> {
  // The unit as series() checked it (a hand-built series' own object may carry other fields).
  return { method, seriesId: s.id, unit: parseUnit(s.unit), years: [...s.years], values: [...values] };
}

/**
 * The fit of a constant series: the constant as every fitted value, zero residuals and variance, and a note.
 * `params` and `state` are the method's own, set so that its forecast is that constant.
 */
export function constantFit(
  s: Series,
  method: string,
  values: readonly number[],
  params: Readonly<Record<string, number>>,
  state: Readonly<Record<string, number>>,
): ForecastFit {
  return Object.assign(fitBase(s, method, values), {
    params: { ...params },
    state: { ...state },
    fitted: [...values],
    residuals: values.map(() => 0),
    sigma2: 0,
    notes: [`series "${s.id}" is constant: the forecast is that constant`],
  });
}

/** Checks simulate options (see {@link checkSimulateOptions}); returns the years and the generator. */
export function simulateInput(
  fn: string,
  fit: ForecastFit,
  toYear: number,
  options: SimulateFitOptions,
): { years: number[]; paths: number; rng: Rng } {
  const years = horizonYears(fn, fit, toYear);
  checkSimulateOptions(fn, options);
  const { paths, rng } = options;
  assertInteger(fn, 'paths', paths);
  assertSmallSample(fn, options.smallSample);
  if (paths < 1)
    throw argumentError(
      'invalid_argument',
      `${fn}: paths must be >= 1 (got ${paths}). Pass e.g. 1000.`,
      'paths',
      '>= 1',
      paths,
      {
        paths,
      },
    );
  if (paths * years.length > MAX_SIMULATED) {
    throw argumentError(
      'too_large',
      `${fn}: ${paths} paths x ${years.length} years is more than ${MAX_SIMULATED} numbers (got paths ${paths}). Use fewer paths or a nearer year.`,
      'paths',
      `<= ${Math.floor(MAX_SIMULATED / years.length)}`,
      paths,
      { paths },
    );
  }
  if (typeof rng !== 'object' || rng === null || typeof rng.normal !== 'function') {
    throw argumentError(
      'invalid_argument',
      `${fn}: rng must be a generator from rng(seed) (got ${show(rng)}).`,
      'rng',
      'a generator from rng(seed)',
      rng,
    );
  }
  return { years, paths, rng };
}

/** Mean of the first `k` values. */
export function meanOf(values: readonly number[], k = values.length): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += values[i]!;
  return s / k;
}

/** Ordinary least squares of y on x: intercept, slope, residual variance (n - 2 df), Sxx and mean x. */
export function ols(
  x: readonly number[],
  y: readonly number[],
): { a: number; b: number; s2: number; sxx: number; xbar: number } {
  const n = x.length;
  const xbar = meanOf(x),
    ybar = meanOf(y);
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - xbar) ** 2;
    sxy += (x[i]! - xbar) * (y[i]! - ybar);
  }
  const b = sxy / sxx;
  const a = ybar - b * xbar;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i]! - a - b * x[i]!) ** 2;
  return { a, b, s2: n > 2 ? sse / (n - 2) : 0, sxx, xbar };
}

/** True when every value equals the first. */
export function isConstant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}
