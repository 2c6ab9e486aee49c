import { MetricsError } from '../errors.js';
import { assertInteger, show, argumentError } from '../internal/assert.js';
import type { Series } from '../series/series.js';
import type { Forecast, ForecastFit, ForecastInterval, ForecastMethod, ForecastOptions } from './types.js';
import { checkMethod } from './internal/checkMethod.js';
import { boundIntervals } from './internal/common.js';
import { tQuantile } from './internal/normalAndStudentT.js';

/** How in-sample forecast errors are measured. */
export const CalibrationErrors = {
  /** log(actual / forecast): multiplicative intervals forecast·exp(±q); needs positive data and forecasts. */
  log: 'log',
  /** actual - forecast: additive intervals forecast ± q. */
  absolute: 'absolute',
  /** log when every value and every in-sample forecast is > 0, else absolute. */
  auto: 'auto',
} as const;
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

/**
 * The in-sample origins refitted: the latest ones `maxHorizon` apart (each then yields a full set of
 * steps ahead), then, while fewer than `maxOrigins`, the latest unused ones; none before `initial`.
 */
export function calibrationOrigins(n: number, initial: number, maxHorizon: number, maxOrigins: number): number[] {
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
  /** Growth exponent b of the error scale with the steps ahead, h^b. */
  readonly exponent: number;
  /** Pooled errors divided by h^b, sorted ascending. */
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
 * intervals are usually too narrow: R's ets and thetaf 95 % intervals cover about 84 % of the M3
 * yearly held-out values). The point forecasts are the wrapped method's.
 *
 * Algorithm, at `fit(series)` with n observations:
 * 1. For at most `maxOrigins` origins o (the latest ones maxHorizon apart, then the latest others; none
 *    before `initial`), fit the method on the first o values and forecast min(maxHorizon, n - o) years, so
 *    calibrating costs about 1 + maxOrigins fits. Record the h-step error e = log(y / f) (log scale) or y - f
 *    (absolute scale). Origins where the method throws are skipped.
 * 2. Errors grow with the steps ahead. Fit |e| ≈ a·h^b by least squares of log mean|e_h| on log h over
 *    the steps with at least 2 errors (b clamped to [0.5, 1.5]; b = 1 when fewer than 2 steps qualify).
 * 3. Pool all steps: s = |e| / h^b. The calibrated half-width at step h and level L is
 *    q_L · h^b, where q_L is the k-th smallest pooled s with k = ceil((m + 1)·L) (m errors); when
 *    k > m, q_L is the largest s times (k / m) (a short history cannot resolve that level; noted).
 *    Pooling is what makes this usable on short yearly series: 15 values give about 60 errors, while a
 *    per-step 95 % quantile would need at least 19 errors at every step.
 * 4. Interval: f·exp(±q_L·h^b) on the log scale, f ± q_L·h^b on the absolute scale. A step whose point
 *    forecast is <= 0 on the log scale uses the absolute errors instead.
 * 5. Bounds are held within the range bound every method shares: [min - 5 h R, max + 5 h R], R the
 *    range of the history, so a wild in-sample error (logTrend on three points) cannot blow them up.
 * With fewer than `minErrors` errors the wrapped method's intervals are kept and the fit says so in
 * `notes`.
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
  const mode = options.errors ?? 'auto';
  if (!(mode in CalibrationErrors)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: errors must be one of ${Object.keys(CalibrationErrors).join(', ')} (got ${show(mode)}).`,
      'errors',
      `one of ${Object.keys(CalibrationErrors).join(', ')}`,
      mode,
    );
  }
  const maxHorizon = options.maxHorizon ?? 6;
  positiveWhole(fn, 'maxHorizon', maxHorizon);
  const minLength = Math.max(3, method.minLength);
  const initial = options.initial ?? minLength;
  positiveWhole(fn, 'initial', initial);
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
  positiveWhole(fn, 'maxOrigins', maxOrigins);
  const name = `${method.name}-cal`;

  const fit = (s: Series): CalibratedFit => {
    const inner = method.fit(s);
    const n = s.values.length;
    const logErr: number[][] = Array.from({ length: maxHorizon }, () => []);
    const absErr: number[][] = Array.from({ length: maxHorizon }, () => []);
    let logOk = mode !== 'absolute' && s.values.every((v) => v > 0);
    let skippedOrigins = 0;
    for (const o of calibrationOrigins(n, initial, maxHorizon, maxOrigins)) {
      const steps = Math.min(maxHorizon, n - o);
      let f: Forecast;
      try {
        // A prefix of a checked series is a valid series: skip series()'s checks (they cost more than naive's fit).
        const w: Series = Object.freeze({
          id: s.id,
          unit: s.unit,
          years: Object.freeze(s.years.slice(0, o)),
          values: Object.freeze(s.values.slice(0, o)),
        });
        f = method.forecast(method.fit(w), s.years[o + steps - 1] as number, { levels: [0.95] });
      } catch (e) {
        if (e instanceof MetricsError) {
          skippedOrigins++;
          continue;
        }
        throw e;
      }
      for (let h = 0; h < steps; h++) {
        const y = s.values[o + h] as number;
        const p = f.mean[h] as number;
        absErr[h]?.push(Math.abs(y - p));
        if (p > 0 && y > 0) logErr[h]?.push(Math.abs(Math.log(y / p)));
        else logOk = false;
      }
    }
    if (mode === 'log' && !logOk) {
      throw new MetricsError(
        'invalid_argument',
        `${name}.fit: log errors need values and in-sample forecasts > 0, and series "${s.id}" has one <= 0. Use errors: 'absolute' or 'auto'.`,
      );
    }
    const kind = logOk ? 'log' : 'absolute';
    const calibration = learn(kind === 'log' ? logErr : absErr, kind, minErrors);
    const notes = [...(inner.notes ?? [])];
    if (skippedOrigins > 0)
      notes.push(`${name}: ${skippedOrigins} in-sample origin(s) skipped because ${method.name} could not fit them.`);
    if (calibration.fallback) {
      notes.push(
        `${name}: only ${calibration.pooled.length} in-sample errors (fewer than ${minErrors}), so ${method.name}'s own intervals are used.`,
      );
    }
    return { ...inner, method: `${inner.method}-cal`, inner, calibration, notes };
  };

  const forecast = (f: CalibratedFit, toYear: number, opts?: ForecastOptions): Forecast => {
    if (typeof f !== 'object' || f === null || typeof f.calibration !== 'object' || typeof f.inner !== 'object') {
      throw new MetricsError(
        'invalid_argument',
        `${name}.forecast: expected a fit made by ${name}.fit (got ${show(f)}).`,
      );
    }
    const base = method.forecast(f.inner, toYear, opts);
    if (f.calibration.fallback) return { ...base, method: f.method, fit: f };
    const absolute = f.calibration.errors === 'absolute' ? f.calibration : undefined;
    const intervals: ForecastInterval[] = base.intervals.map((iv) => {
      const q = quantile(f.calibration.pooled, iv.level);
      const lower: number[] = [];
      const upper: number[] = [];
      base.mean.forEach((m, i) => {
        const width = q * (i + 1) ** f.calibration.exponent;
        if (absolute === undefined && m > 0) {
          lower.push(m * Math.exp(-width));
          upper.push(m * Math.exp(width));
        } else {
          // log scale with a forecast <= 0: the half-width in data units at the last value's size
          const w = absolute ? width : Math.abs(f.values[f.values.length - 1] as number) * (Math.exp(width) - 1);
          lower.push(m - w);
          upper.push(m + w);
        }
      });
      // Never narrower than the method's own interval.
      return {
        level: iv.level,
        lower: lower.map((l, i) => Math.min(l, iv.lower[i]!)),
        upper: upper.map((u, i) => Math.max(u, iv.upper[i]!)),
      };
    });
    const bounded = boundIntervals(f.values, base.mean, intervals);
    for (const iv of bounded) {
      if (![...iv.lower, ...iv.upper].every(Number.isFinite)) {
        throw new MetricsError(
          'degenerate',
          `${name}.forecast: the calibrated ${iv.level} interval of series "${f.seriesId}" overflowed. Forecast a nearer year.`,
        );
      }
    }
    return { ...base, method: f.method, intervals: bounded, fit: f };
  };

  return {
    name,
    description: `${method.description} Intervals calibrated on in-sample rolling-origin errors.`,
    minLength: method.minLength,
    fit,
    forecast,
  };
}

function positiveWhole(fn: string, name: string, v: unknown): void {
  assertInteger(fn, name, v);
  if ((v as number) < 1)
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be a whole number >= 1 (got ${v}).`,
      `${name}`,
      'a whole number >= 1',
      v,
      { [name]: v },
    );
}

function learn(byHorizon: number[][], errors: 'log' | 'absolute', minErrors: number): Calibration {
  // growth exponent from per-step mean absolute errors (weighted by counts)
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  byHorizon.forEach((e, i) => {
    const m = e.reduce((a, b) => a + b, 0) / e.length;
    if (e.length >= 2 && m > 0) {
      xs.push(Math.log(i + 1));
      ys.push(Math.log(m));
      ws.push(e.length);
    }
  });
  let exponent = 1;
  if (xs.length >= 2) {
    const W = ws.reduce((a, b) => a + b, 0);
    const xbar = xs.reduce((a, x, i) => a + x * (ws[i] as number), 0) / W;
    const ybar = ys.reduce((a, y, i) => a + y * (ws[i] as number), 0) / W;
    let sxx = 0;
    let sxy = 0;
    xs.forEach((x, i) => {
      sxx += (ws[i] as number) * (x - xbar) ** 2;
      sxy += (ws[i] as number) * (x - xbar) * ((ys[i] as number) - ybar);
    });
    exponent = Math.min(1.5, Math.max(0.5, sxy / sxx));
  }
  const pooled: number[] = [];
  byHorizon.forEach((e, i) => {
    for (const v of e) pooled.push(v / (i + 1) ** exponent);
  });
  pooled.sort((a, b) => a - b);
  return { errors, byHorizon, exponent, pooled, fallback: pooled.length < minErrors };
}

function quantile(sorted: readonly number[], level: number): number {
  const m = sorted.length;
  const k = conformalRank(m, level);
  const rank = k <= m ? (sorted[k - 1] as number) : (sorted[m - 1] as number) * (k / m);
  // A few dozen errors resolve a 95 % quantile poorly: also take the Student-t quantile of their root mean
  // square (m - 1 degrees of freedom), and keep the larger.
  const rms = Math.sqrt(sorted.reduce((a, v) => a + v * v, 0) / m);
  const t = m > 1 ? tQuantile(0.5 + level / 2, m - 1) * rms : rank;
  return Math.max(rank, t);
}
