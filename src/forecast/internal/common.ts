// Shared checks and builders for the forecasting methods (not exported from the package).
import { MetricsError } from '../../errors.js';
import { argumentError, assertInteger, show } from '../../internal/assert.js';
import { assertAnnual, type Series } from '../../series/series.js';
import type { Rng } from '../../random/rng.js';
import type { Forecast, ForecastFit, ForecastInterval, ForecastOptions, SimulateFitOptions } from '../types.js';
import { normalQuantile, tQuantile } from './normalAndStudentT.js';
import { toLevels } from '../levels.js';

/** Every method needs at least this many observations. */
export const MIN_LENGTH = 3;
/** Longest horizon accepted, in years. */
export const MAX_HORIZON = 1000;
/** Most simulated numbers (paths x horizon) in one call. */
export const MAX_SIMULATED = 50_000_000;

/** Checks a series for fitting: a Series, annual, finite, at least `minLength` points. Returns a copy of the values. */
export function fitInput(fn: string, s: Series, minLength: number = MIN_LENGTH, annual = true): number[] {
  if (typeof s !== 'object' || s === null || !Array.isArray(s.years) || !Array.isArray(s.values)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a Series (got ${show(s)}). Build one with series({ id, unit, years, values }).`,
      'series',
      'a Series',
      s,
    );
  }
  if (s.values.length < minLength) {
    throw argumentError(
      'invalid_argument',
      `${fn}: series "${s.id}" has ${s.values.length} observation${s.values.length === 1 ? '' : 's'} (got ${show(s.values)}). Forecasting needs at least ${minLength}; with fewer, state a growth assumption instead (see compound).`,
      'series.values',
      `at least ${minLength} observations`,
      s.values,
      { length: s.values.length, minLength },
    );
  }
  if (annual) assertAnnual(fn, s);
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw argumentError(
        'non_finite',
        `${fn}: the value for ${s.years[i]} is ${show(v)}. Remove or fill it first.`,
        ['series', 'values', i],
        'a finite number',
        v,
        { year: s.years[i] },
      );
    }
  }
  return [...s.values];
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

/** The years after the fit's last observation up to `toYear`. */
export function horizonYears(fn: string, fit: ForecastFit, toYear: number): number[] {
  assertFit(fn, fit);
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

function assertFit(fn: string, fit: ForecastFit): void {
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

/** True inside {@link pointsOnly}. */
export function pointsOnlyOn(): boolean {
  return pointsOnlyMode;
}

/**
 * Checks and sorts interval levels by the one convention (see toLevels): fractions, or unambiguous percent.
 * Inside {@link pointsOnly}: none.
 */
export function intervalLevels(fn: string, options: ForecastOptions | undefined): number[] {
  if (pointsOnlyMode) return [];
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
export function smallSampleDf(n: number, df: number, options: ForecastOptions | undefined): number | undefined {
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
  return intervals.map((it) => ({
    level: it.level,
    lower: it.lower.map((l, i) => Math.min(Math.max(Number.isNaN(l) ? -Infinity : l, lo - k * (i + 1) * r), mean[i]!)),
    upper: it.upper.map((u, i) => Math.max(Math.min(Number.isNaN(u) ? Infinity : u, hi + k * (i + 1) * r), mean[i]!)),
  }));
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
        `${fit.method}: the forecast for series "${fit.seriesId}" is not finite (got ${v}). The data may be too extreme for this method; try drift or naive.`,
      );
    }
  }
  for (const it of unboundedDepth > 0 ? [] : intervals) {
    for (let i = 0; i < years.length; i++) {
      if (!Number.isFinite(it.lower[i]!) || !Number.isFinite(it.upper[i]!)) {
        throw new MetricsError(
          'degenerate',
          `${fit.method}: the ${it.level} interval for ${years[i]} is not finite (got ${it.lower[i]}, ${it.upper[i]}). Try a simpler method.`,
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
  return { method, seriesId: s.id, unit: s.unit, years: [...s.years], values: [...values] };
}

/** Checks simulate options; returns the years and the generator. */
export function simulateInput(
  fn: string,
  fit: ForecastFit,
  toYear: number,
  options: SimulateFitOptions,
): { years: number[]; paths: number; rng: Rng } {
  const years = horizonYears(fn, fit, toYear);
  if (typeof options !== 'object' || options === null) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options must be { paths, rng } (got ${show(options)}). Pass e.g. { paths: 1000, rng: rng(2026) }.`,
      'options',
      '{ paths, rng }',
      options,
    );
  }
  const { paths, rng } = options;
  assertInteger(fn, 'paths', paths);
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
