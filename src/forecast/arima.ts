import { argumentError, show } from '../internal/assert.js';
import type { Series } from '../series/series.js';
import { differencingDelta, kalmanForecast } from './internal/arimaEngine.js';
import { type ArimaCandidate, type ArimaConstant, arimaLabel, autoArimaSearch } from './internal/autoArimaSearch.js';
import {
  checkPaths,
  fitBase,
  fitInput,
  horizonYears,
  intervalLevels,
  MIN_LENGTH,
  makeForecast,
  normalIntervals,
  SMALL_SAMPLE,
  simulateInput,
  pathScales,
  smallSampleDf,
  smallSampleNote,
} from './internal/common.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/** The chosen ARIMA model: orders, coefficients and the filter's last state, as plain data. */
export interface ArimaModel {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  /** drift (d = 1), mean (d = 0), none, or constant-series (the data are one value). */
  readonly constant: ArimaConstant;
  /** AR coefficients ar1..arp and MA coefficients ma1..maq (R's signs: 1 - ar1 B - …, 1 + ma1 B + …). */
  readonly ar: readonly number[];
  readonly ma: readonly number[];
  /** The drift per year or the mean; 0 without a constant. */
  readonly constantValue: number;
  /** Standard errors of ar, ma and the constant, in that order (empty when nothing was estimated). */
  readonly standardErrors: readonly number[];
  /** The Kalman filter's last state mean and covariance (column-major), where forecasts start. */
  readonly stateMean: readonly number[];
  readonly stateCov: readonly number[];
  /** The criterion that ranked the candidates. */
  readonly criterion: 'aicc' | 'aic';
  /** Every candidate the stepwise search fitted, with its criterion (null: rejected as R rejects it). */
  readonly candidates: readonly ArimaCandidate[];
}

/** A fit of {@link arima}: `method` names the model (`ARIMA(0,1,1) with drift`), `model` holds it. */
export interface ArimaFit extends ForecastFit {
  readonly model: ArimaModel;
}

const finiteOrNull = (v: number): number | undefined => (Number.isFinite(v) ? v : undefined);

/**
 * Automatic ARIMA, as R's `forecast::auto.arima(y)` (forecast 8.20, R 4.2) chooses and fits it for a yearly
 * (non-seasonal) series, and `forecast()` of that fit:
 * - d (0 to 2) by repeated KPSS tests at 5%; then a stepwise search over p, q <= min(5, n / 3) from
 *   ARIMA(2,d,2) (ARIMA(1,d,1) under 10 points) and its neighbours, with a drift when d = 1 and a mean when
 *   d = 0, ranked by AICc (AIC at 3 points). Models with a root within 1.01 of the unit circle, a failed fit
 *   or a negative coefficient variance are rejected, as in R.
 * - Each model by exact maximum likelihood: conditional sum of squares for starting values, then the
 *   Kalman filter likelihood of the state-space form, minimised by BFGS with R's numerical gradients; AR
 *   parameters stay stationary through the partial-autocorrelation transformation. Logarithms are
 *   rounded correctly, as the C library under R rounds them, so the optimiser follows R's path.
 * - Forecasts and their variances from the state-space model; intervals are normal with R's bias-adjusted
 *   sigma^2 (they do not include the uncertainty of the coefficients, as in R). Under 10 observations
 *   Student-t quantiles with n - d - k degrees of freedom (k coefficients), and without AR or MA terms the
 *   drift's or mean's estimation variance is added (`smallSample: false` for R's intervals).
 * - Series longer than 150 points are ranked by the CSS approximation and the best refitted exactly (R's
 *   `approximation`). Constant data give that constant with zero-width intervals; exactly linear data a
 *   random walk with the drift fixed at the slope (both as R). Where R stops with "No suitable ARIMA
 *   model found", the fit falls back to ARIMA(0,1,0) and says so in `fit.notes`.
 * On the 645 M3 yearly series it picks R's model on every series, and its point forecasts agree with R's
 * within 7e-7 relative (1e-8 on all but 3; BENCHMARKS.md). Seasonal models and regressors are not offered.
 * - fit: `method` is R's name of the model (`ARIMA(1,1,0) with drift`), `params` has ar1…, ma1…, drift or
 *   mean; `model` the orders, coefficients, standard errors, the candidates tried and the filter's state
 *   (so `state` is empty); `sigma2` is R's bias-adjusted innovation variance.
 * - simulate: Gaussian paths from the state-space model, starting from the filter's last state; under 10
 *   observations t paths with the intervals' degrees of freedom and drift or mean error (`smallSample: false`: R's).
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021], values: [10, 12, 13, 15, 18, 19, 21, 24, 25, 28] });
 * arima.fit(s).method; // => 'ARIMA(0,1,0) with drift'
 */
export const arima: ForecastMethod<ArimaFit> = {
  name: 'arima',
  description:
    'ARIMA model chosen by unit-root tests and a stepwise AICc search, fitted by exact likelihood (R forecast::auto.arima).',
  minLength: MIN_LENGTH,
  fit(s: Series): ArimaFit {
    const y = fitInput('arima.fit', s);
    const sel = autoArimaSearch(y);
    const { fit } = sel;
    const p = sel.p;
    const q = sel.q;
    const ar = fit.coef.slice(0, p);
    const ma = fit.coef.slice(p, p + q);
    const constantValue = sel.constant === 'none' ? 0 : fit.coef[p + q]!;
    const params: Record<string, number> = {};
    ar.forEach((v, i) => {
      params[`ar${i + 1}`] = v;
    });
    ma.forEach((v, i) => {
      params[`ma${i + 1}`] = v;
    });
    if (sel.constant === 'drift') params['drift'] = constantValue;
    if (sel.constant === 'mean' || sel.constant === 'constant-series') params['mean'] = constantValue;
    const k = fit.varCoef === null ? 0 : Math.round(Math.sqrt(fit.varCoef.length));
    const standardErrors = Array.from({ length: k }, (_, i) => Math.sqrt(fit.varCoef![i * k + i]!));
    const fitted = y.map((v, i) => v - fit.residuals[i]!);
    const residuals = y.map((v, i) => v - fitted[i]!);
    const notes = [...sel.notes];
    const tried = sel.candidates.length;
    if (tried > 0) {
      const accepted = sel.candidates.filter((c) => c.ic !== null).length;
      notes.push(
        `d = ${sel.d} from KPSS tests; ${tried} candidate model${tried === 1 ? '' : 's'} fitted, ${accepted} accepted, the lowest ${sel.criterion === 'aicc' ? 'AICc' : 'AIC'} kept.`,
      );
    }
    if (y.length < SMALL_SAMPLE && sel.constant !== 'constant-series') {
      const also =
        p === 0 && q === 0 && (sel.constant === 'drift' || sel.constant === 'mean')
          ? `the ${sel.constant}'s estimation variance`
          : undefined;
      notes.push(...smallSampleNote(y.length, residualDf(y.length, sel.d, p, q, sel.constant), also));
    }
    const loglik = finiteOrNull(fit.loglik);
    const aic = finiteOrNull(sel.aic);
    const aicc = finiteOrNull(sel.aicc);
    const bic = finiteOrNull(sel.bic);
    return Object.assign(fitBase(s, arimaLabel(p, sel.d, q, sel.constant), y), {
      params,
      state: {},
      fitted,
      residuals,
      sigma2: sel.sigma2,
      ...(loglik === undefined ? {} : { loglik }),
      ...(aic === undefined ? {} : { aic }),
      ...(aicc === undefined ? {} : { aicc }),
      ...(bic === undefined ? {} : { bic }),
      notes,
      model: {
        p,
        d: sel.d,
        q,
        constant: sel.constant,
        ar,
        ma,
        constantValue,
        standardErrors: standardErrors.every(Number.isFinite) ? standardErrors : [],
        stateMean: fit.stateMean,
        stateCov: fit.stateCov,
        criterion: sel.criterion,
        candidates: sel.candidates,
      },
    });
  },
  forecast(fit: ArimaFit, toYear: number, options?: ForecastOptions): Forecast {
    const years = horizonYears('arima.forecast', fit, toYear, false, ['model']);
    const levels = intervalLevels('arima.forecast', options);
    const model = modelOf('arima.forecast', fit);
    const { mean, se } = moments(fit, model, years.length);
    const { df, constantSe } = smallSampleTerms(fit, model, options);
    const widened = constantSe === undefined ? se : se.map((v, i) => Math.sqrt(v * v + constantSe(i) ** 2));
    return makeForecast(fit, years, mean, normalIntervals(levels, mean, widened, df));
  },
  simulate(fit: ArimaFit, toYear: number, options: SimulateFitOptions) {
    const { years, paths, rng } = simulateInput('arima.simulate', fit, toYear, options);
    const model = modelOf('arima.simulate', fit);
    const h = years.length;
    const out = new Float64Array(paths * h);
    const level = regressionPath(fit, model, h);
    if (model.constant === 'constant-series') {
      for (let i = 0; i < paths; i++) for (let j = 0; j < h; j++) out[i * h + j] = level[j]!;
      return checkPaths('arima.simulate', fit, years, out);
    }
    const { T, R, Z, rd } = transition(model);
    const L = psdCholesky(model.stateCov, rd);
    // Short series, as the intervals: t paths with the residual degrees of freedom (one scale factor per path,
    // see pathScales), and without AR or MA terms each path's own error in the drift or mean.
    const { df, constantSe } = smallSampleTerms(fit, model, options);
    const scales = pathScales(df, paths, rng);
    const constantSeAt =
      constantSe === undefined ? undefined : Float64Array.from({ length: h }, (_, j) => constantSe(j));
    const base = Math.sqrt(fit.sigma2);
    const a = new Float64Array(rd);
    const next = new Float64Array(rd);
    const z = new Float64Array(rd);
    for (let path = 0; path < paths; path++) {
      const scale = scales?.[path] ?? 1;
      const sigma = base * scale;
      // this path's error in the drift or mean, in standard errors (drawn only where the intervals have one)
      const c = constantSeAt === undefined ? 0 : scale * rng.normal();
      // Initial state ~ N(mean, sigma^2 P), then a_t = T a_{t-1} + R e_t, y_t = Z a_t.
      for (let i = 0; i < rd; i++) z[i] = rng.normal();
      for (let i = 0; i < rd; i++) {
        let v = model.stateMean[i]!;
        for (let j = 0; j <= i; j++) v += sigma * L[i * rd + j]! * z[j]!;
        a[i] = v;
      }
      for (let j = 0; j < h; j++) {
        const e = sigma * rng.normal();
        let y = 0;
        for (let i = 0; i < rd; i++) {
          let v = R[i]! * e;
          for (let c = 0; c < rd; c++) v += T[i * rd + c]! * a[c]!;
          next[i] = v;
          y += Z[i]! * v;
        }
        a.set(next);
        out[path * h + j] = y + level[j]! + (constantSeAt === undefined ? 0 : constantSeAt[j]! * c);
      }
    }
    return checkPaths('arima.simulate', fit, years, out);
  },
};

/** Largest AR or MA order and differencing a model handed back may have (auto.arima's search stays within 5 and 2). */
const MAX_ORDER = 10;
const MAX_DIFFERENCING = 2;
/** Most candidates a fit handed back may list (the stepwise search fits at most 94, R's nmodels). */
const MAX_CANDIDATES = 1000;
const CONSTANTS: readonly ArimaConstant[] = ['drift', 'mean', 'none', 'constant-series'];

/**
 * The model an arima fit holds, checked field by field before any is read: orders within reach, as many
 * finite coefficients as the orders say, a known constant, and the filter's state of the size the orders
 * give (rd = max(p, q + 1) + d numbers, rd x rd covariances). A fit handed back without them gets a
 * MetricsError naming the field, never a TypeError or a forecast of NaN.
 */
/**
 * What short series add to the intervals and the paths alike: the t degrees of freedom (undefined for R's
 * normal quantiles, and for a constant series), and, without AR or MA terms, the standard error that the
 * estimated drift or mean adds at step j (j + 1 times the drift's, the mean's at every step; from the
 * likelihood's Hessian, as R's var.coef), or undefined when it adds none.
 */
function smallSampleTerms(
  fit: ArimaFit,
  model: ArimaModel,
  options: Pick<ForecastOptions, 'smallSample'> | undefined,
): { df: number | undefined; constantSe: ((j: number) => number) | undefined } {
  const n = fit.values.length;
  if (model.constant === 'constant-series') return { df: undefined, constantSe: undefined };
  const df = smallSampleDf(n, residualDf(n, model.d, model.p, model.q, model.constant), options);
  const se = model.standardErrors[model.p + model.q];
  if (df === undefined || model.p !== 0 || model.q !== 0 || se === undefined) return { df, constantSe: undefined };
  const constant = model.constant;
  return { df, constantSe: (j) => (constant === 'drift' ? j + 1 : constant === 'mean' ? 1 : 0) * se };
}

function modelOf(fn: string, fit: ArimaFit): ArimaModel {
  const m = (fit as Partial<ArimaFit>).model as unknown;
  const bad = (where: string, what: string, got: unknown): never => {
    throw argumentError(
      'invalid_argument',
      `${fn}: fit.model${where} ${what} (got ${show(got)}). Pass the fit arima.fit made, unchanged.`,
      `fit.model${where}`,
      what.replace(/^(must (be )?|expected |is )/, ''),
      got,
      { field: `model${where}` },
    );
  };
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return bad('', 'must be the fitted model', m);
  const o = m as Record<string, unknown>;
  const order = (k: 'p' | 'd' | 'q', max: number): number => {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
      bad(`.${k}`, `must be a whole number in [0, ${max}]`, v);
    return v as number;
  };
  const p = order('p', MAX_ORDER);
  const d = order('d', MAX_DIFFERENCING);
  const q = order('q', MAX_ORDER);
  const numbers = (k: string, length: number): void => {
    const a = o[k];
    if (!Array.isArray(a) || a.length !== length) bad(`.${k}`, `must hold ${length} numbers`, a);
    for (let i = 0; i < length; i++) {
      const v = (a as unknown[])[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) bad(`.${k}[${i}]`, 'must be a finite number', v);
    }
  };
  numbers('ar', p);
  numbers('ma', q);
  if (!CONSTANTS.includes(o['constant'] as ArimaConstant))
    bad('.constant', `must be one of ${CONSTANTS.join(', ')}`, o['constant']);
  if (typeof o['constantValue'] !== 'number' || !Number.isFinite(o['constantValue']))
    bad('.constantValue', 'must be a finite number', o['constantValue']);
  const rd = Math.max(p, q + 1) + d;
  numbers('stateMean', rd);
  numbers('stateCov', rd * rd);
  // The rest is read for a short series' intervals (the constant's standard error) or handed back in the
  // forecast's fit: standard errors of the estimated coefficients (ar, ma, then a drift or mean), or none.
  const k = p + q + (o['constant'] === 'drift' || o['constant'] === 'mean' ? 1 : 0);
  const se = o['standardErrors'];
  if (!Array.isArray(se) || (se.length !== 0 && se.length !== k))
    bad('.standardErrors', `must hold ${k === 0 ? 'no' : `0 or ${k}`} numbers`, se);
  for (let i = 0; i < (se as unknown[]).length; i++) {
    const v = (se as unknown[])[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      bad(`.standardErrors[${i}]`, 'must be a finite number >= 0', v);
  }
  if (o['criterion'] !== 'aicc' && o['criterion'] !== 'aic') bad('.criterion', 'must be aicc or aic', o['criterion']);
  const candidates = o['candidates'];
  if (!Array.isArray(candidates) || candidates.length > MAX_CANDIDATES)
    bad('.candidates', `must be the models the search fitted (an array of at most ${MAX_CANDIDATES})`, candidates);
  for (let i = 0; i < (candidates as unknown[]).length; i++) {
    const c = (candidates as unknown[])[i];
    if (typeof c !== 'object' || c === null || Array.isArray(c))
      bad(`.candidates[${i}]`, 'must be a model and its criterion, { model, ic }', c);
    const { model, ic } = c as Record<string, unknown>;
    if (typeof model !== 'string') bad(`.candidates[${i}].model`, "must be the model's name, text", model);
    if (ic !== null && (typeof ic !== 'number' || !Number.isFinite(ic)))
      bad(`.candidates[${i}].ic`, 'must be a finite number or null', ic);
  }
  return m as ArimaModel;
}

/** The regression part of the forecast: the drift line or the mean, per horizon. */
function regressionPath(fit: ArimaFit, model: ArimaModel, h: number): number[] {
  const n = fit.values.length;
  if (model.constant === 'drift') return Array.from({ length: h }, (_, i) => model.constantValue * (n + i + 1));
  if (model.constant === 'mean') return new Array<number>(h).fill(model.constantValue);
  if (model.constant === 'constant-series') return new Array<number>(h).fill(fit.values[0]!);
  return new Array<number>(h).fill(0);
}

function moments(fit: ArimaFit, model: ArimaModel, h: number): { mean: number[]; se: number[] } {
  const level = regressionPath(fit, model, h);
  if (model.constant === 'constant-series') return { mean: level, se: new Array<number>(h).fill(0) };
  const f = kalmanForecast(
    { phi: model.ar, theta: model.ma, d: model.d, stateMean: model.stateMean, stateCov: model.stateCov },
    h,
  );
  return {
    mean: f.mean.map((m, i) => m + level[i]!),
    se: f.variance.map((v) => Math.sqrt(Math.max(v, 0) * fit.sigma2)),
  };
}

/** Residual degrees of freedom of sigma^2 = RSS / (n - d - k), k the coefficients (AR, MA, drift or mean). */
function residualDf(n: number, d: number, p: number, q: number, constant: ArimaConstant): number {
  return n - d - p - q - (constant === 'drift' || constant === 'mean' ? 1 : 0);
}

/** T (row-major), R and Z of the state-space form, and the state's size. */
function transition(model: ArimaModel): { T: Float64Array; R: Float64Array; Z: Float64Array; rd: number } {
  const p = model.ar.length;
  const q = model.ma.length;
  const r = Math.max(p, q + 1);
  const d = model.d;
  const delta = differencingDelta(d);
  const rd = r + d;
  const T = new Float64Array(rd * rd);
  const Z = new Float64Array(rd);
  Z[0] = 1;
  for (let i = 0; i < d; i++) Z[r + i] = delta[i]!;
  for (let i = 0; i < p; i++) T[i * rd] = model.ar[i]!;
  for (let i = 1; i < r; i++) T[(i - 1) * rd + i] = 1;
  if (d > 0) {
    for (let j = 0; j < rd; j++) T[r * rd + j] = Z[j]!;
    for (let i = 1; i < d; i++) T[(r + i) * rd + r + i - 1] = 1;
  }
  const R = new Float64Array(rd);
  R[0] = 1;
  for (let i = 0; i < q; i++) R[i + 1] = model.ma[i]!;
  return { T, R, Z, rd };
}

/** Cholesky factor (row-major, lower) of a symmetric positive semi-definite matrix; tiny or negative pivots give zero columns. */
function psdCholesky(colMajor: readonly number[], k: number): Float64Array {
  const A = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) A[i * k + j] = 0.5 * (colMajor[i + k * j]! + colMajor[j + k * i]!);
  const L = new Float64Array(k * k);
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(A[i * k + i]!));
  const tiny = 1e-12 * scale;
  for (let j = 0; j < k; j++) {
    let s = A[j * k + j]!;
    for (let l = 0; l < j; l++) s -= L[j * k + l]! ** 2;
    if (!(s > tiny)) continue;
    const ljj = Math.sqrt(s);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let t = A[i * k + j]!;
      for (let l = 0; l < j; l++) t -= L[i * k + l]! * L[j * k + l]!;
      L[i * k + j] = t / ljj;
    }
  }
  return L;
}
