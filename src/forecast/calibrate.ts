import { MetricsError } from '../errors.js';
import { assertInteger, assertOptions, optionNames, show, argumentError } from '../internal/assert.js';
import { sameData } from '../internal/sameData.js';
import { asSeries, fitPrefix, type Series } from '../series/series.js';
import type { Forecast, ForecastFit, ForecastInterval, ForecastMethod, ForecastOptions } from './types.js';
import { checkMethod } from './internal/checkMethod.js';
import {
  BASE_FIT_FIELDS,
  boundIntervals,
  checkForecastOptions,
  horizonYears,
  MAX_LENGTH,
  pointsFromFreshFit,
  rangeBoundOff,
  SMALL_SAMPLE,
} from './internal/common.js';
import { tQuantile } from './internal/normalAndStudentT.js';

/** How in-sample forecast errors are measured. */
export const CalibrationErrors = Object.freeze({
  /** log(actual / forecast): multiplicative intervals forecast·exp(±q); needs positive data and forecasts. */
  log: 'log',
  /** actual - forecast: additive intervals forecast ± q. */
  absolute: 'absolute',
  /** log when every value and every in-sample forecast is > 0, else absolute. */
  auto: 'auto',
} as const);
export type CalibrationErrors = keyof typeof CalibrationErrors;

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** Error scale: `auto` (default), `log` or `absolute`. */
  readonly errors?: CalibrationErrors;
  /** Longest steps-ahead collected from the history, >= 1. Default 6. Later steps extrapolate (see below). */
  readonly maxHorizon?: number;
  /** Observations in the first in-sample training window. Default: the method's minLength (at least 3). */
  readonly initial?: number;
  /** Fewest pooled errors needed; with fewer, the method's own intervals are kept (noted in the fit). Default 8. */
  readonly minErrors?: number;
  /** Most in-sample origins refitted, which bounds the cost to about (1 + maxOrigins) fits. Default 4. */
  readonly maxOrigins?: number;
}

const CALIBRATE_OPTIONS = optionNames<CalibrateOptions>({
  errors: true,
  maxHorizon: true,
  initial: true,
  minErrors: true,
  maxOrigins: true,
});

/**
 * The in-sample origins refitted: the latest ones `maxHorizon` apart (each then yields a full set of
 * steps ahead), then, while fewer than `maxOrigins`, the latest unused ones; none before `initial`.
 */
export function calibrationOrigins(n: number, initial: number, maxHorizon: number, maxOrigins: number): number[] {
  const fn = 'calibrationOrigins';
  // Whole numbers within a series' reach: a step of 0 or a fraction would never end the search below.
  for (const [name, v, min] of [
    ['n', n, 0],
    ['initial', initial, 1],
    ['maxHorizon', maxHorizon, 1],
    ['maxOrigins', maxOrigins, 1],
  ] as const) {
    assertInteger(fn, name, v);
    if (v < min || v > MAX_LENGTH) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name} must be a whole number in [${min}, ${MAX_LENGTH}] (got ${v}).`,
        name,
        `a whole number in [${min}, ${MAX_LENGTH}]`,
        v,
        { [name]: v },
      );
    }
  }
  return origins(n, initial, maxHorizon, maxOrigins);
}

/** calibrationOrigins without the checks, for calibrate's fit (its options were checked once, n by the method). */
function origins(n: number, initial: number, maxHorizon: number, maxOrigins: number): number[] {
  const out: number[] = [];
  for (let o = n - maxHorizon; o >= initial && out.length < maxOrigins; o -= maxHorizon) out.push(o);
  for (let o = n - 1; o >= initial && out.length < maxOrigins; o--) if (!out.includes(o)) out.push(o);
  return out.sort((a, b) => a - b);
}

/** What calibration learned from the history: plain data. */
export interface Calibration {
  /** The error scale used. */
  readonly errors: 'log' | 'absolute';
  /** Absolute in-sample errors per steps ahead: `byHorizon[h - 1]` holds the h-step errors. */
  readonly byHorizon: readonly (readonly number[])[];
  /**
   * Factor applied to every error: the history's in-sample residual scale over the error-weighted root mean
   * square of the in-sample origins' (1 when either is 0).
   */
  readonly scale: number;
  /** Distinct values the in-sample forecasts predicted (n minus the first origin): the t quantile's degrees of freedom. */
  readonly observations: number;
  /** Growth exponent b of the error scale with the steps ahead, h^b. */
  readonly exponent: number;
  /** Pooled errors times `scale` divided by h^b, sorted ascending. */
  readonly pooled: readonly number[];
  /** True when too few errors were found, so the method's own intervals are used. */
  readonly fallback: boolean;
}

/** A calibrated fit: the wrapped method's fit plus the calibration. */
export interface CalibratedFit extends ForecastFit {
  readonly inner: ForecastFit;
  readonly calibration: Calibration;
}

// conformal rank: the k-th smallest of m errors with k = ceil((m + 1)·level) bounds a new error with
// probability >= level when errors are exchangeable (Vovk et al. 2005; Lei et al. 2018).
function conformalRank(m: number, level: number): number {
  return Math.ceil((m + 1) * level - 1e-9);
}

/**
 * Wraps any forecasting method so that its prediction intervals come from its own out-of-sample
 * errors on the history instead of from model assumptions (split-conformal style; model-based yearly
 * intervals are usually too narrow: R's ets and thetaf 95% intervals cover about 84% of the M3
 * yearly held-out values). The point forecasts are the wrapped method's.
 *
 * Algorithm, at `fit(series)` with n observations:
 * 1. For at most `maxOrigins` origins o (the latest ones maxHorizon apart, then the latest others; none
 *    before `initial`), fit the method on the first o values and forecast min(maxHorizon, n - o) years, so
 *    calibrating costs about 1 + maxOrigins fits. Record the h-step error e = log(y / f) (log scale) or y - f
 *    (absolute scale). Origins where the method throws are skipped.
 * 2. The origins' fits are shorter than the history: scale every error by the history fit's in-sample
 *    residual scale (root mean square of its one-step errors after the first, log or absolute) over the
 *    error-weighted root mean square of the origin fits' (`calibration.scale`; 1 when either is 0, or when
 *    the method's `calibrationScale` is `none`, as dotm's and mean's). A trend fitted to more years can misfit more
 *    (logTrend's errors from short windows understate its errors from the whole history); a steadier recent
 *    past narrows.
 * 3. Errors grow with the steps ahead. Fit |e| ≈ a·h^b by least squares of log mean|e_h| on log h over
 *    the steps with at least 2 errors (b clamped to [0.5, 1.5]; b = 1 when fewer than 2 steps qualify).
 *    Pool all steps: s = scale·|e| / h^b. The calibrated half-width at step h and level L is q_L · h^b,
 *    q_L the larger of the k-th smallest pooled s with k = ceil((m + 1)·L) (m errors; when k > m, the
 *    largest s times k / m) and the Student-t quantile t((1 + L) / 2, d) times their root mean square, with
 *    d the distinct values the in-sample forecasts predicted (n minus the first origin,
 *    `calibration.observations`): the errors of overlapping origins and steps share those values.
 *    Pooling is what makes this usable on short yearly series: 15 values give about 60 errors, while a
 *    per-step 95% quantile would need at least 19 errors at every step.
 * 4. Interval: f·exp(±q_L·h^b) on the log scale, f ± q_L·h^b on the absolute scale, never narrower than
 *    the method's own normal one (R's: under 10 points, not its Student-t one, since q_L already allows for
 *    few errors). A step whose point forecast is <= 0 on the log scale uses the absolute errors instead.
 * 5. Bounds are held within the range bound every method shares: [min - 5 h R, max + 5 h R], R the
 *    range of the history, so a wild in-sample error (logTrend on three points) cannot blow them up.
 * With fewer than `minErrors` errors the wrapped method's intervals are kept and the fit says so in
 * `notes`. The scale factor, d and the floor were chosen among seven rules by validation coverage inside the
 * M3 yearly training data (bench/calibrationStudy.ts; BENCHMARKS.md).
 * @param method the method to wrap
 * @returns a ForecastMethod named `<name>-cal`
 * @throws {MetricsError} invalid_argument for a non-method or bad options; `fit` and `forecast` throw what
 *   the wrapped method throws
 * @example
 * const cal = calibrate(naive);
 * const s = series({ id: 'x', unit: 'count', years: [2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008], values: [10, 11, 13, 12, 15, 16, 18, 17] });
 * cal.forecast(cal.fit(s), 2010).intervals.length; // => 2
 */
export function calibrate(method: ForecastMethod, options: CalibrateOptions = {}): ForecastMethod<CalibratedFit> {
  const fn = 'calibrate';
  checkMethod(fn, method);
  assertOptions(fn, options, '{ maxHorizon: 6 }', CALIBRATE_OPTIONS);
  const mode = options.errors ?? 'auto';
  if (typeof mode !== 'string' || !Object.hasOwn(CalibrationErrors, mode)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: errors must be one of ${Object.keys(CalibrationErrors).join(', ')} (got ${show(mode)}).`,
      'errors',
      `one of ${Object.keys(CalibrationErrors).join(', ')}`,
      mode,
    );
  }
  const maxHorizon = options.maxHorizon ?? 6;
  positiveWhole(fn, 'maxHorizon', maxHorizon, MAX_LENGTH);
  const minLength = Math.max(3, method.minLength);
  const initial = options.initial ?? minLength;
  positiveWhole(fn, 'initial', initial, MAX_LENGTH);
  if (initial < method.minLength) {
    throw argumentError(
      'invalid_argument',
      `${fn}: initial must be at least ${method.minLength}, the fewest observations ${method.name} accepts (got ${initial}).`,
      'initial',
      `at least ${method.minLength}, the fewest observations ${method.name} accepts`,
      initial,
      { initial },
    );
  }
  const minErrors = options.minErrors ?? 8;
  positiveWhole(fn, 'minErrors', minErrors);
  const maxOrigins = options.maxOrigins ?? 4;
  positiveWhole(fn, 'maxOrigins', maxOrigins, MAX_LENGTH);
  const name = `${method.name}-cal`;

  const fit = (s: Series): CalibratedFit => {
    const inner = method.fit(s);
    // s passed the method's checks: as a series() result (the same object when it is one), its windows need none.
    const checked = asSeries(`${name}.fit`, s);
    const { years, values } = checked;
    const n = values.length;
    const logErr: number[][] = [];
    const absErr: number[][] = [];
    for (let h = 0; h < maxHorizon; h++) {
      logErr.push([]);
      absErr.push([]);
    }
    let logOk = mode !== 'absolute';
    for (let i = 0; i < n && logOk; i++) logOk = (values[i] as number) > 0;
    let skippedOrigins = 0;
    let firstOrigin = n;
    // per origin used: the number of errors and its fit (whose residual scale is taken once the error scale is known)
    const originFits: { count: number; fit: ForecastFit }[] = [];
    for (const o of origins(n, initial, maxHorizon, maxOrigins)) {
      const steps = Math.min(maxHorizon, n - o);
      let mean: readonly number[];
      let originFit: ForecastFit;
      try {
        // A prefix of a series the method has just fitted is a valid series (fitPrefix: no checks again),
        // and only the point forecasts are used, so no intervals are computed (pointsFromFreshFit).
        originFit = fitPrefix(checked, o, (w) => method.fit(w));
        const fo = originFit;
        mean = pointsFromFreshFit(fo, () => method.forecast(fo, years[o + steps - 1] as number)).mean;
      } catch (e) {
        if (e instanceof MetricsError) {
          skippedOrigins++;
          continue;
        }
        throw e;
      }
      // The fresh fit was not checked again (pointsFromFreshFit): points that are missing or not finite skip the
      // origin like a fit that fails.
      let finite = mean.length >= steps;
      for (let h = 0; h < steps && finite; h++) finite = Number.isFinite(mean[h]);
      if (!finite) {
        skippedOrigins++;
        continue;
      }
      firstOrigin = Math.min(firstOrigin, o);
      originFits.push({ count: steps, fit: originFit });
      for (let h = 0; h < steps; h++) {
        const y = values[o + h] as number;
        const p = mean[h] as number;
        (absErr[h] as number[]).push(Math.abs(y - p));
        if (p > 0 && y > 0) (logErr[h] as number[]).push(Math.abs(Math.log(y / p)));
        else logOk = false;
      }
    }
    if (mode === 'log' && !logOk) {
      throw argumentError(
        'invalid_argument',
        `${name}.fit: log errors need values and in-sample forecasts > 0, and series "${s.id}" has one <= 0. Use errors: 'absolute' or 'auto'.`,
        ['series', 'values'],
        'values and in-sample forecasts > 0 for log errors',
        s.values,
      );
    }
    const kind = logOk ? 'log' : 'absolute';
    // The errors of fits on shorter windows speak for a fit on the whole history in proportion to the
    // methods' in-sample residual scales (a trend fitted to more years can misfit more): one common factor,
    // the history's residual scale over the error-weighted root mean square of the origins'.
    let ss = 0;
    let count = 0;
    for (const o of originFits) {
      const v = residualScale(o.fit, kind === 'log');
      if (v > 0) {
        ss += v * v * o.count;
        count += o.count;
      }
    }
    const full = residualScale(inner, kind === 'log');
    const ratio = method.calibrationScale !== 'none' && count > 0 && full > 0 ? full / Math.sqrt(ss / count) : 1;
    // Residual scales near 1e-162 square to 0 (the origins' is then 0, and the ratio infinite): 1, as for 0.
    const scale = Number.isFinite(ratio) && ratio > 0 ? ratio : 1;
    const calibration = learn(kind === 'log' ? logErr : absErr, kind, minErrors, scale, n - firstOrigin);
    // The errors are sorted ascending: the last is the largest. One that overflows cannot give a width.
    if (!Number.isFinite(calibration.pooled[calibration.pooled.length - 1] ?? 0)) {
      throw new MetricsError(
        'degenerate',
        `${name}.fit: an in-sample error of series "${s.id}" overflows (${method.name}'s in-sample forecasts are too extreme to measure). Rescale the series, or calibrate a simpler method.`,
      );
    }
    const notes = [...(inner.notes ?? [])];
    if (skippedOrigins > 0)
      notes.push(
        `${name}: ${skippedOrigins} in-sample origin(s) skipped because ${method.name} could not fit them or forecast from them.`,
      );
    if (calibration.fallback) {
      notes.push(
        `${name}: only ${calibration.pooled.length} in-sample errors (fewer than ${minErrors}), so ${method.name}'s own intervals are used.`,
      );
    }
    return Object.assign({}, inner, { method: `${inner.method}-cal`, inner, calibration, notes });
  };

  const forecast = (f: CalibratedFit, toYear: number, opts?: ForecastOptions): Forecast => {
    if (typeof f !== 'object' || f === null || typeof f.calibration !== 'object' || typeof f.inner !== 'object') {
      throw argumentError(
        'invalid_argument',
        `${name}.forecast: expected a fit made by ${name}.fit (got ${show(f)}).`,
        'fit',
        `a fit made by ${name}.fit`,
        f,
      );
    }
    // The outer fit is plain data handed back, and the forecast returns it: all of it (its data, fitted values,
    // parameters and calibration) is checked as the methods check theirs; the wrapped method checks its own
    // fit, f.inner. (Checking only what is read here let a non-finite fitted value through to the result.)
    // Its own fields are checked below, the copied ones against the inner fit, which the wrapped method checks.
    horizonYears(`${name}.forecast`, f, toYear, false, Object.keys(f));
    checkForecastOptions(`${name}.forecast`, opts);
    checkCalibration(`${name}.forecast`, f.calibration);
    checkCopiedFields(`${name}.forecast`, f);
    const base = method.forecast(f.inner, toYear, opts);
    if (f.calibration.fallback) return Object.assign({}, base, { method: f.method, fit: f });
    // The floor is the method's normal (R's) interval, also under 10 points where its own are Student-t:
    // the calibrated width already allows for few errors (chosen by validation, bench/calibrationStudy.ts).
    const own =
      f.values.length < SMALL_SAMPLE && opts?.smallSample !== false
        ? method.forecast(f.inner, toYear, { ...opts, smallSample: false })
        : base;
    const { exponent, pooled } = f.calibration;
    const absolute = f.calibration.errors === 'absolute';
    const steps = base.mean.length;
    const growth: number[] = [];
    for (let i = 0; i < steps; i++) growth.push((i + 1) ** exponent);
    // log scale with a forecast <= 0: the half-width in data units at the last value's size
    const last = Math.abs(f.values[f.values.length - 1] as number);
    const intervals: ForecastInterval[] = own.intervals.map((iv) => {
      const q = quantile(pooled, iv.level, f.calibration.observations);
      const lower: number[] = [];
      const upper: number[] = [];
      for (let i = 0; i < steps; i++) {
        const m = base.mean[i] as number;
        const width = q * (growth[i] as number);
        let lo: number;
        let hi: number;
        if (!absolute && m > 0) {
          lo = m * Math.exp(-width);
          hi = m * Math.exp(width);
        } else {
          const w = absolute ? width : last * (Math.exp(width) - 1);
          lo = m - w;
          hi = m + w;
        }
        // Never narrower than the method's own (normal) interval.
        lower.push(Math.min(lo, iv.lower[i] as number));
        upper.push(Math.max(hi, iv.upper[i] as number));
      }
      return { level: iv.level, lower, upper };
    });
    const bounded = boundIntervals(f.values, base.mean, intervals);
    if (!rangeBoundOff()) {
      for (const iv of bounded) {
        for (let i = 0; i < steps; i++) {
          if (!Number.isFinite(iv.lower[i]) || !Number.isFinite(iv.upper[i])) {
            throw new MetricsError(
              'degenerate',
              `${name}.forecast: the calibrated ${iv.level} interval of series "${f.seriesId}" overflowed. Forecast a nearer year.`,
            );
          }
        }
      }
    }
    return Object.assign({}, base, { method: f.method, intervals: bounded, fit: f });
  };

  return {
    name,
    description: `${method.description} Intervals calibrated on in-sample rolling-origin errors.`,
    minLength: method.minLength,
    fit,
    forecast,
  };
}

/** The fields calibrate adds to a fit (checked here); those every fit has are checked by horizonYears. */
const CALIBRATION_FIELDS: ReadonlySet<string> = new Set(['inner', 'calibration']);

/**
 * A calibrated fit copies the wrapped method's own fields (a combination's `models`, an ARIMA model's
 * standard errors) from its inner fit, and the forecast returns the outer fit: each such field must be the
 * same data as the inner fit's, which the wrapped method checks.
 */
function checkCopiedFields(fn: string, f: CalibratedFit): void {
  const inner = f.inner as unknown as Record<string, unknown>;
  for (const key of Object.keys(f)) {
    if (BASE_FIT_FIELDS.has(key) || CALIBRATION_FIELDS.has(key)) continue;
    const value = (f as unknown as Record<string, unknown>)[key];
    if (!sameData(value, inner[key])) {
      throw argumentError(
        'invalid_argument',
        `${fn}: the fit's ${key} differs from its inner fit's, of which it is a copy (got ${show(value)}). Pass the fit calibrate's fit() made, unchanged.`,
        ['fit', key],
        `the inner fit's ${key}`,
        value,
        { field: key },
      );
    }
  }
}

/** Checks a calibration handed back in a fit: the fields forecast reads, typed and finite. */
function checkCalibration(fn: string, c: Calibration): void {
  if (typeof c.fallback !== 'boolean') badCalibration(fn, 'fallback', 'must be true or false', c.fallback);
  if (c.errors !== 'log' && c.errors !== 'absolute') badCalibration(fn, 'errors', 'must be log or absolute', c.errors);
  if (typeof c.exponent !== 'number' || !Number.isFinite(c.exponent) || c.exponent < 0 || c.exponent > 10)
    badCalibration(fn, 'exponent', 'must be a number in [0, 10]', c.exponent);
  if (typeof c.scale !== 'number' || !Number.isFinite(c.scale) || !(c.scale > 0))
    badCalibration(fn, 'scale', 'must be a finite number > 0', c.scale);
  if (!Number.isInteger(c.observations) || c.observations < 0 || c.observations > MAX_LENGTH)
    badCalibration(fn, 'observations', `must be a whole number in [0, ${MAX_LENGTH}]`, c.observations);
  const byHorizon: unknown = c.byHorizon;
  if (!Array.isArray(byHorizon) || byHorizon.length > MAX_LENGTH)
    badCalibration(fn, 'byHorizon', 'must be the errors per steps ahead (an array of arrays)', byHorizon);
  for (let h = 0; h < (byHorizon as unknown[]).length; h++) {
    const errors: unknown = (byHorizon as unknown[])[h];
    if (!Array.isArray(errors) || errors.length > MAX_LENGTH)
      badCalibration(fn, `byHorizon[${h}]`, 'must be an array of errors', errors);
    for (let i = 0; i < (errors as unknown[]).length; i++) {
      const v = (errors as unknown[])[i];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        badCalibration(fn, `byHorizon[${h}][${i}]`, 'must be a finite error >= 0', v);
    }
  }
  const pooled: unknown = c.pooled;
  if (!Array.isArray(pooled) || pooled.length > MAX_LENGTH * MAX_LENGTH || (!c.fallback && pooled.length === 0))
    badCalibration(fn, 'pooled', 'must be the sorted errors (at least one)', pooled);
  for (let i = 0; i < (pooled as unknown[]).length; i++) {
    const v = (pooled as unknown[])[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      badCalibration(fn, `pooled[${i}]`, 'must be a finite error >= 0', v);
    if (i > 0 && (v as number) < ((pooled as number[])[i - 1] as number))
      badCalibration(fn, `pooled[${i}]`, 'must be sorted ascending', v);
  }
}

function badCalibration(fn: string, where: string, what: string, got: unknown): never {
  throw argumentError(
    'invalid_argument',
    `${fn}: fit.calibration.${where} ${what} (got ${show(got)}). Pass the fit calibrate's fit() made, unchanged.`,
    `fit.calibration.${where}`,
    what.replace(/^(must (be )?|expected |is )/, ''),
    got,
    { field: `calibration.${where}` },
  );
}

/** Throws invalid_argument unless v is a whole number in [1, max]. */
function positiveWhole(fn: string, name: string, v: unknown, max = Infinity): void {
  assertInteger(fn, name, v);
  if ((v as number) < 1 || (v as number) > max) {
    const range = max === Infinity ? '>= 1' : `in [1, ${max}]`;
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be a whole number ${range} (got ${v}).`,
      name,
      `a whole number ${range}`,
      v,
      {
        [name]: v,
      },
    );
  }
}

function learn(
  byHorizon: number[][],
  errors: 'log' | 'absolute',
  minErrors: number,
  scale: number,
  observations: number,
): Calibration {
  // growth exponent from per-step mean absolute errors (weighted by counts)
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < byHorizon.length; i++) {
    const e = byHorizon[i] as number[];
    let sum = 0;
    for (const v of e) sum += v * scale;
    const m = sum / e.length;
    if (e.length >= 2 && m > 0) {
      xs.push(Math.log(i + 1));
      ys.push(Math.log(m));
      ws.push(e.length);
    }
  }
  let exponent = 1;
  if (xs.length >= 2) {
    let W = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < xs.length; i++) {
      W += ws[i] as number;
    }
    for (let i = 0; i < xs.length; i++) sx += (xs[i] as number) * (ws[i] as number);
    for (let i = 0; i < xs.length; i++) sy += (ys[i] as number) * (ws[i] as number);
    const xbar = sx / W;
    const ybar = sy / W;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as number;
      sxx += (ws[i] as number) * (x - xbar) ** 2;
      sxy += (ws[i] as number) * (x - xbar) * ((ys[i] as number) - ybar);
    }
    exponent = Math.min(1.5, Math.max(0.5, sxy / sxx));
  }
  const scaled: number[] = [];
  for (let i = 0; i < byHorizon.length; i++) {
    const d = (i + 1) ** exponent;
    for (const v of byHorizon[i] as number[]) scaled.push((v * scale) / d);
  }
  return {
    errors,
    byHorizon,
    scale,
    observations,
    exponent,
    pooled: sortAscending(scaled),
    fallback: scaled.length < minErrors,
  };
}

// Insertion sort for the few dozen pooled errors (several times faster than Array.prototype.sort with a
// comparator at this size); the built-in sort beyond that.
function sortAscending(a: number[]): number[] {
  if (a.length > 64) return a.sort((x, y) => x - y);
  for (let k = 1; k < a.length; k++) {
    const v = a[k] as number;
    let j = k - 1;
    while (j >= 0 && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
  return a;
}

function quantile(sorted: readonly number[], level: number, observations: number): number {
  const m = sorted.length;
  const k = conformalRank(m, level);
  const rank = k <= m ? (sorted[k - 1] as number) : (sorted[m - 1] as number) * (k / m);
  // A few dozen errors resolve a 95% quantile poorly: also take the Student-t quantile of their root mean
  // square, and keep the larger. Its degrees of freedom are the distinct values the in-sample forecasts
  // predicted, not the errors: errors from overlapping origins and steps share those values.
  let ss = 0;
  for (const v of sorted) ss += v * v;
  const rms = Math.sqrt(ss / m);
  const t = observations >= 1 ? tQuantile(0.5 + level / 2, observations) * rms : rank;
  return Math.max(rank, t);
}

/**
 * Root mean square of a fit's in-sample one-step errors after the first (the first fitted value is the
 * data itself for several methods), as log(y / fitted) or y - fitted; 0 when there are none. Not in the
 * public index: bench/calibrationStudy.ts scores its rules with it.
 */
export function residualScale(f: ForecastFit, log: boolean): number {
  let ss = 0;
  let k = 0;
  for (let i = 1; i < f.values.length; i++) {
    const y = f.values[i] as number;
    const p = f.fitted[i] as number;
    if (log && !(y > 0 && p > 0)) continue;
    const e = log ? Math.log(y / p) : y - p;
    ss += e * e;
    k++;
  }
  return k > 0 ? Math.sqrt(ss / k) : 0;
}
