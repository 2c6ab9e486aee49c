import { MetricsError } from '../errors.js';
import { assertInteger, assertOptions, optionNames, show, argumentError } from '../internal/assert.js';
import { assertAnnual, series, type Series } from '../series/series.js';
import type { Forecast, ForecastFit, ForecastMethod } from './types.js';
import { accuracy, type Accuracy } from './accuracy.js';
import { checkMethod } from './internal/checkMethod.js';
import { assertSmallSample } from './internal/common.js';
import { levelLabel } from './levels.js';

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** Forecast horizon in years at every origin, >= 1. */
  readonly horizon: number;
  /**
   * Observations in the first training window. Default: the larger of the method's `minLength` and
   * half the series (rounded up), capped so that at least one origin fits.
   */
  readonly initial?: number;
  /** Observations added between origins, >= 1. Default 1. */
  readonly step?: number;
  /**
   * When to fit the method again. `true` (default): at every origin. `false`: only at the first origin.
   * A whole number k: at every k-th origin. Between refits the last fit is not updated with the new
   * data, so its longer-range forecasts for the evaluation years are used: what a stale model costs.
   */
  readonly refit?: boolean | number;
  /** Interval levels as fractions in (0, 1). Default [0.8, 0.95]. */
  readonly levels?: readonly number[];
  /**
   * Small-sample intervals under 10 observations (default true, see ForecastOptions.smallSample); `false`
   * gives R's intervals.
   */
  readonly smallSample?: boolean;
}

const BACKTEST_OPTIONS = optionNames<BacktestOptions>({
  horizon: true,
  initial: true,
  step: true,
  refit: true,
  levels: true,
  smallSample: true,
});

/** One forecast origin: trained on the years up to `origin`, evaluated on the next `horizon` years. */
export interface BacktestOrigin {
  /** Last year of the training window. */
  readonly origin: number;
  /** Observations in the training window. */
  readonly trainLength: number;
  /** Last year of the data the fit used (equals `origin` unless refit is off for this origin). */
  readonly fitOrigin: number;
  readonly years: readonly number[];
  readonly actual: readonly number[];
  readonly mean: readonly number[];
  readonly intervals: Forecast['intervals'];
  /** actual - mean, per year. */
  readonly errors: readonly number[];
  /** Measures at this origin; MASE/MSIS are scaled by this origin's training window. */
  readonly accuracy: Accuracy;
}

/**
 * Accuracy over all origins: the measures of {@link Accuracy} (ME, MAE, RMSE, MAPE, sMAPE, MASE and per level
 * coverage, Winkler and MSIS), scaled and percent measures as the mean of the per-origin values. `mape` is
 * absent when any origin had a zero actual, `mase` when any training window was constant, an interval's
 * `msis` unless every origin had one; `points` counts the forecast-actual pairs compared.
 */
export interface BacktestSummary extends Omit<Accuracy, 'n' | 'skipped'> {
  readonly origins: number;
  /** Forecast-actual pairs compared. */
  readonly points: number;
}

/** One tidy row: one forecast year at one origin. Interval bounds are `lower_80`, `upper_95`, …. */
export type BacktestRow = Readonly<Record<string, string | number>> & {
  readonly method: string;
  readonly series: string;
  readonly origin: number;
  readonly horizon: number;
  readonly year: number;
  readonly actual: number;
  readonly mean: number;
  readonly error: number;
};

/** Result of {@link backtest}: plain data. */
export interface Backtest {
  readonly method: string;
  readonly seriesId: string;
  readonly horizon: number;
  readonly initial: number;
  readonly step: number;
  readonly origins: readonly BacktestOrigin[];
  readonly summary: BacktestSummary;
  /** Per steps ahead (1 … horizon): MAE and sMAPE over origins, and coverage per level. */
  readonly byHorizon: readonly {
    readonly horizon: number;
    readonly mae: number;
    readonly smape: number;
    readonly coverage: readonly { readonly level: number; readonly coverage: number }[];
  }[];
  /** Long rows, one per origin and forecast year. */
  readonly rows: readonly BacktestRow[];
}

/**
 * Rolling-origin evaluation ("time series cross-validation"): fit on the first `initial` years, forecast
 * `horizon` years, compare with what happened; move the origin forward by `step` years and repeat while
 * a full horizon of actual values remains. There are floor((n - initial - horizon) / step) + 1 origins.
 * @param s an annual series (no missing years)
 * @param method any {@link ForecastMethod}
 * @throws {MetricsError} invalid_argument for a horizon, step or initial that is not a whole number >= 1,
 *   an initial below the method's minLength, or a series too short for one origin; missing_years for a
 *   sparse series; a method's own error at an origin, with the origin year added to the message
 * @example
 * backtest(series({ id: 'x', unit: 'count', years: [2001, 2002, 2003, 2004, 2005], values: [1, 2, 3, 4, 5] }),
 *   naive, { horizon: 1, initial: 3 }).origins.length; // => 2
 */
export function backtest(s: Series, method: ForecastMethod, options: BacktestOptions): Backtest {
  const fn = 'backtest';
  checkMethod(fn, method);
  if (typeof s !== 'object' || s === null || !Array.isArray(s.values)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a Series (got ${show(s)}). Build one with series().`,
      's',
      'a Series',
      s,
    );
  }
  assertAnnual(fn, s);
  const n = s.values.length;
  assertOptions(fn, options, '{ horizon: 1 }', BACKTEST_OPTIONS);
  const horizon = options.horizon;
  assertWhole(fn, 'horizon', horizon);
  const step = options.step ?? 1;
  assertWhole(fn, 'step', step);
  const refit = options.refit ?? true;
  if (typeof refit === 'number') assertWhole(fn, 'refit', refit);
  else if (typeof refit !== 'boolean') {
    throw argumentError(
      'invalid_argument',
      `${fn}: refit must be true, false or a whole number of origins (got ${show(refit)}).`,
      'refit',
      'true, false or a whole number of origins',
      refit,
    );
  }
  const minLength = Math.max(1, method.minLength);
  const initial = options.initial ?? Math.min(Math.max(minLength, Math.ceil(n / 2)), n - horizon);
  assertWhole(fn, 'initial', initial);
  if (initial < minLength) {
    throw argumentError(
      'invalid_argument',
      `${fn}: initial must be at least ${minLength}, the fewest observations ${method.name} accepts (got ${initial}).`,
      'initial',
      `at least ${minLength}, the fewest observations ${method.name} accepts`,
      initial,
      { initial, minLength },
    );
  }
  if (initial + horizon > n) {
    throw argumentError(
      'invalid_argument',
      `${fn}: series "${s.id}" has ${n} observations, too few for a first window of ${Math.max(initial, minLength)} plus a horizon of ${horizon} (got initial ${initial}). Shorten the horizon or lower initial.`,
      'options.initial',
      `a first window and a horizon of ${horizon} within the ${n} observations`,
      initial,
      { n, initial, horizon },
    );
  }
  const levels = options.levels ?? [0.8, 0.95];
  assertSmallSample(fn, options.smallSample);
  const small = options.smallSample === false ? { smallSample: false } : {};
  const refitEvery = refit === true ? 1 : refit === false ? Infinity : refit;

  const origins: BacktestOrigin[] = [];
  const rows: BacktestRow[] = [];
  let fit: ForecastFit | undefined;
  let k = 0;
  for (let o = initial; o + horizon <= n; o += step, k++) {
    const originYear = s.years[o - 1] as number;
    const toYear = s.years[o + horizon - 1] as number;
    if (fit === undefined || k % refitEvery === 0) fit = atOrigin(fn, originYear, () => method.fit(window(s, o)));
    const f = atOrigin(fn, originYear, () => method.forecast(fit as ForecastFit, toYear, { levels, ...small }));
    // With a stale fit, keep only the evaluation years (the forecast starts after the fit's last year).
    const skip = f.years.length - horizon;
    const mean = f.mean.slice(skip);
    const intervals = f.intervals.map((iv) => ({
      level: iv.level,
      lower: iv.lower.slice(skip),
      upper: iv.upper.slice(skip),
    }));
    const years = s.years.slice(o, o + horizon);
    const actual = s.values.slice(o, o + horizon);
    const errors = actual.map((y, i) => y - (mean[i] as number));
    const acc = accuracy(actual, { ...f, years, mean, intervals }, { history: s.values.slice(0, o) });
    origins.push({
      origin: originYear,
      trainLength: o,
      fitOrigin: fit.years[fit.years.length - 1] as number,
      years,
      actual,
      mean,
      intervals,
      errors,
      accuracy: acc,
    });
    for (let i = 0; i < horizon; i++) {
      const row: Record<string, string | number> = {
        method: f.method,
        series: s.id,
        origin: originYear,
        horizon: i + 1,
        year: years[i] as number,
        actual: actual[i] as number,
        mean: mean[i] as number,
        error: errors[i] as number,
      };
      for (const iv of intervals) {
        row[`lower_${levelLabel(iv.level)}`] = iv.lower[i] as number;
        row[`upper_${levelLabel(iv.level)}`] = iv.upper[i] as number;
      }
      rows.push(row as BacktestRow);
    }
  }
  return {
    method: method.name,
    seriesId: s.id,
    horizon,
    initial,
    step,
    origins,
    summary: summarise(origins),
    byHorizon: perHorizon(origins, horizon),
    rows,
  };
}

function window(s: Series, length: number): Series {
  return series({ id: s.id, unit: s.unit, years: s.years.slice(0, length), values: s.values.slice(0, length) });
}

function atOrigin<T>(fn: string, originYear: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MetricsError) {
      throw new MetricsError(
        e.code,
        `${fn}: at the origin ${originYear}: ${e.message}`,
        {
          ...e.details,
          origin: originYear,
        },
        e.issues,
      );
    }
    throw e;
  }
}

function assertWhole(fn: string, name: string, value: unknown): asserts value is number {
  assertInteger(fn, name, value);
  if ((value as number) < 1) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be a whole number >= 1 (got ${value}).`,
      `${name}`,
      'a whole number >= 1',
      value,
      {
        [name]: value,
      },
    );
  }
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function summarise(origins: readonly BacktestOrigin[]): BacktestSummary {
  const acc = origins.map((o) => o.accuracy);
  const all = <K extends 'mape' | 'mase'>(k: K): number[] | undefined => {
    const v = acc.map((a) => a[k]);
    return v.every((x): x is number => x !== undefined) ? v : undefined;
  };
  const mapes = all('mape');
  const mases = all('mase');
  const points = origins.reduce((a, o) => a + o.actual.length, 0);
  const levels = (origins[0]?.intervals ?? []).map((iv) => iv.level).sort((a, b) => a - b);
  const intervals = levels.map((level) => {
    const per = acc.map((a) => a.intervals.find((i) => i.level === level));
    let covered = 0;
    per.forEach((p, j) => {
      covered += (p?.coverage ?? 0) * (origins[j]?.actual.length ?? 0);
    });
    const msisValues = per.map((p) => p?.msis);
    const msisAll = msisValues.every((x): x is number => x !== undefined) ? mean(msisValues as number[]) : undefined;
    return {
      level,
      coverage: covered / points,
      winkler: mean(per.map((p) => p?.winkler ?? 0)),
      ...(msisAll !== undefined ? { msis: msisAll } : {}),
    };
  });
  return {
    origins: origins.length,
    points,
    me: mean(acc.map((a) => a.me)),
    mae: mean(acc.map((a) => a.mae)),
    rmse: mean(acc.map((a) => a.rmse)),
    ...(mapes ? { mape: mean(mapes) } : {}),
    smape: mean(acc.map((a) => a.smape)),
    ...(mases ? { mase: mean(mases) } : {}),
    intervals,
  };
}

function perHorizon(origins: readonly BacktestOrigin[], horizon: number): Backtest['byHorizon'] {
  const out: Backtest['byHorizon'][number][] = [];
  for (let h = 0; h < horizon; h++) {
    const abs = origins.map((o) => Math.abs(o.errors[h] as number));
    const sm = origins.map((o) => {
      const y = o.actual[h] as number;
      const f = o.mean[h] as number;
      const d = Math.abs(y) + Math.abs(f);
      return d === 0 ? 0 : (200 * Math.abs(y - f)) / d;
    });
    const levels = (origins[0]?.intervals ?? []).map((iv) => iv.level).sort((a, b) => a - b);
    const coverage = levels.map((level) => {
      const inside = origins.filter((o) => {
        const iv = o.intervals.find((i) => i.level === level);
        const y = o.actual[h] as number;
        return iv !== undefined && y >= (iv.lower[h] as number) && y <= (iv.upper[h] as number);
      }).length;
      return { level, coverage: inside / origins.length };
    });
    out.push({ horizon: h + 1, mae: mean(abs), smape: mean(sm), coverage });
  }
  return out;
}
