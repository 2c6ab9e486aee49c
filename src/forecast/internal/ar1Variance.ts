// The forecast error variance of a least-squares fit (a mean, a straight line) whose errors follow a
// stationary AR(1) process, used by `mean` and `logTrend` for short series (issue 14). Not in the public index.
//
// Model: y = X beta + u, Cov(u_i, u_j) = gamma0 rho^|t_i - t_j| (AR(1) autocovariances, Box, Jenkins &
// Reinsel, Time Series Analysis, ch. 3.2), beta estimated by ordinary least squares, b = B y with
// B = (X'X)^-1 X'. With Omega the correlation matrix rho^|t_i - t_j|:
// - Var(b) = gamma0 B Omega B' (the OLS covariance under correlated errors; Greene, Econometric Analysis,
//   "The generalized regression model", Var[b | X] = sigma^2 (X'X)^-1 X' Omega X (X'X)^-1);
// - E[RSS] = gamma0 tr(M Omega), M = I - X B (Greene, same chapter), so gamma0 = RSS / tr(M Omega) is
//   unbiased given rho;
// - the error of the forecast x'b of y at time tau, e = u_tau - x'(b - beta), has variance
//   gamma0 (1 + x' B Omega B' x - 2 x' B r), r_j = rho^|tau - t_j| (u_tau correlates with the sample's u).
// With rho = 0 this is s^2 (1 + x'(X'X)^-1 x), s^2 = RSS / (n - k): the independent-error variance.
import { argumentError } from '../../internal/assert.js';
import type { ForecastFit, ForecastOptions } from '../types.js';
import { fitNumbers, pointsOnlyOn, SMALL_SAMPLE } from './common.js';

/** Largest rho used: near 1 the AR(1) is a random walk and gamma0 = RSS / tr(M Omega) divides by about 0. */
export const MAX_RHO = 0.99;

/**
 * Lag-1 autocorrelation of residuals e at times t: the sum of e_i e_{i+1} over neighbours one time unit
 * apart, over the sum of e_i^2 (the usual r1; Box, Jenkins & Reinsel eq. 2.1.12, around the residuals' own
 * zero mean); 0 when every residual is 0 or no two are one unit apart.
 */
export function residualAcf1(t: readonly number[], e: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < e.length; i++) {
    den += e[i]! ** 2;
    if (i + 1 < e.length && t[i + 1]! - t[i]! === 1) num += e[i]! * e[i + 1]!;
  }
  return den > 0 ? Math.max(-1, Math.min(1, num / den)) : 0;
}

/**
 * Forecast error variances under AR(1) errors (see the top of this file) for a least-squares fit with one
 * or two regressors: `columns[c][i]` is regressor c at observation i, `rss` the residual sum of squares,
 * `rho` in [0, MAX_RHO] (larger values are taken as MAX_RHO), `future[h]` the forecast's time and regressors.
 */
export function ar1ForecastVariance(
  times: readonly number[],
  columns: readonly (readonly number[])[],
  rss: number,
  rho: number,
  future: readonly { readonly time: number; readonly x: readonly number[] }[],
): number[] {
  const n = times.length;
  const k = columns.length;
  const r = Math.min(Math.max(rho, 0), MAX_RHO);
  const inv = xtxInverse(columns);
  // B = (X'X)^-1 X' (k x n); BO = B Omega (k x n)
  const B = inv.map((row) => times.map((_, i) => row.reduce((acc, v, c) => acc + v * columns[c]![i]!, 0)));
  const BO = B.map((row) => times.map((tj) => row.reduce((acc, v, i) => acc + v * r ** Math.abs(times[i]! - tj), 0)));
  // B Omega B' (k x k) and tr(M Omega) = n - tr(B Omega X)
  const BOB = BO.map((row) => B.map((brow) => row.reduce((acc, v, j) => acc + v * brow[j]!, 0)));
  let trace = n;
  for (let a = 0; a < k; a++) for (let i = 0; i < n; i++) trace -= BO[a]![i]! * columns[a]![i]!;
  const gamma0 = rss / trace;
  return future.map(({ time, x }) => {
    let quad = 0;
    let cross = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) quad += x[a]! * BOB[a]![b]! * x[b]!;
      for (let i = 0; i < n; i++) cross += x[a]! * B[a]![i]! * r ** Math.abs(time - times[i]!);
    }
    return gamma0 * (1 + quad - 2 * cross);
  });
}

/** (X'X)^-1 for one or two regressors. */
function xtxInverse(columns: readonly (readonly number[])[]): number[][] {
  const xtx = columns.map((a) => columns.map((b) => a.reduce((acc, v, i) => acc + v * b[i]!, 0)));
  if (xtx.length === 1) return [[1 / xtx[0]![0]!]];
  const [[p, q], [s, u]] = xtx as [[number, number], [number, number]];
  const det = p * u - q * s;
  return [
    [u / det, -q / det],
    [-s / det, p / det],
  ];
}

/** M = I - X (X'X)^-1 X' for one or two regressors (the residual maker). */
function residualMaker(n: number, columns: readonly (readonly number[])[]): number[][] {
  const k = columns.length;
  const inv = xtxInverse(columns);
  const M: number[][] = [];
  for (let i = 0; i < n; i++) {
    M.push([]);
    for (let j = 0; j < n; j++) {
      let h = 0;
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) h += columns[a]![i]! * inv[a]![b]! * columns[b]![j]!;
      M[i]!.push((i === j ? 1 : 0) - h);
    }
  }
  return M;
}

/**
 * The lag-1 autocorrelation that least-squares residuals show, to first order, when the errors are AR(1)
 * with parameter rho: E[sum e_i e_{i+1}] / E[sum e_i^2] = sum (M Omega M)_{i,i+1} / tr(M Omega) over
 * neighbours one time unit apart. At rho = 0 and a fitted mean it is -1/n, Kendall's (1954) bias of r1.
 */
export function expectedAcf1(times: readonly number[], columns: readonly (readonly number[])[], rho: number): number {
  return acf1Given(times, residualMaker(times.length, columns), rho);
}

/** expectedAcf1 with the residual-maker matrix M made once (it does not depend on rho). */
function acf1Given(times: readonly number[], M: readonly (readonly number[])[], rho: number): number {
  const n = times.length;
  const O = times.map((ti) => times.map((tj) => rho ** Math.abs(ti - tj)));
  // MO = M Omega; MOM = M Omega M
  const MO = M.map((row) => times.map((_, j) => row.reduce((acc, v, l) => acc + v * O[l]![j]!, 0)));
  let tr = 0;
  for (let i = 0; i < n; i++) tr += MO[i]![i]!;
  let lag = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (times[i + 1]! - times[i]! !== 1) continue;
    let v = 0;
    for (let l = 0; l < n; l++) v += MO[i]![l]! * M[l]![i + 1]!;
    lag += v;
  }
  return tr > 0 ? lag / tr : 0;
}

/**
 * rho estimated from the residuals' lag-1 autocorrelation r1 corrected for its small-sample bias: the rho
 * in [0, MAX_RHO] whose expectedAcf1 equals r1 (by bisection; expectedAcf1 rises with rho). 0 when r1 <= 0
 * (no widening for residuals that do not show positive autocorrelation); MAX_RHO when even that expects less.
 */
export function ar1Rho(times: readonly number[], columns: readonly (readonly number[])[], r1: number): number {
  if (!(r1 > 0)) return 0;
  // M does not depend on rho: made once for the 42 evaluations below.
  const M = residualMaker(times.length, columns);
  if (acf1Given(times, M, 0) >= r1) return 0;
  if (acf1Given(times, M, MAX_RHO) <= r1) return MAX_RHO;
  let lo = 0;
  let hi = MAX_RHO;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (acf1Given(times, M, mid) < r1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The variance of each forecast year's error for a least-squares fit (`mean`, `logTrend`) whose intervals allow
 * for AR(1) errors on short series: `base`, the independent-error variances, or, under 10 observations with
 * positively autocorrelated residuals, the larger of each and the exact AR(1) one (ar1ForecastVariance with
 * the bias-corrected rho of the fit's `params.acf1`, ar1Rho); and the rho used (0: independent years).
 * Nothing is computed for 10 observations or more, `smallSample: false`, or point forecasts only (pointsOnly:
 * calibrate's origins), where the intervals are not used. `design` gives the fit's columns over its years and
 * `future` each forecast year's time and row, made only when needed; `rss` is the residual sum of squares.
 */
export function shortSeriesVariance(
  fn: string,
  fit: ForecastFit,
  options: Pick<ForecastOptions, 'smallSample'> | undefined,
  base: readonly number[],
  design: () => readonly (readonly number[])[],
  future: () => readonly { readonly time: number; readonly x: readonly number[] }[],
  rss: number,
): { variance: number[]; rho: number } {
  if (fit.values.length >= SMALL_SAMPLE || options?.smallSample === false || pointsOnlyOn())
    return { variance: [...base], rho: 0 };
  const { acf1 } = fitNumbers(fn, fit, 'params', ['acf1']);
  if (!(acf1 >= -1 && acf1 <= 1)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fit.params.acf1 must be in [-1, 1] (got ${acf1}). Pass the fit the method's fit() made, unchanged.`,
      'fit.params.acf1',
      'in [-1, 1]',
      acf1,
    );
  }
  if (!(acf1 > 0)) return { variance: [...base], rho: 0 };
  const columns = design();
  const rho = ar1Rho(fit.years, columns, acf1);
  if (!(rho > 0)) return { variance: [...base], rho: 0 };
  const exact = ar1ForecastVariance(fit.years, columns, rss, rho, future());
  return { variance: exact.map((v, i) => Math.max(base[i] as number, v)), rho };
}

/** The note a short fit (n < 10) with positively autocorrelated residuals carries. */
export function ar1Notes(n: number, acf1: number): string[] {
  return n < SMALL_SAMPLE && acf1 > 0
    ? [
        `${n} observations with residual lag-1 autocorrelation ${acf1.toFixed(2)}: intervals allow for AR(1) errors (rho from the bias-corrected autocorrelation), where R assumes independent errors (forecast with smallSample: false for R's)`,
      ]
    : [];
}

/**
 * One path's h standard normals with AR(1) correlation rho between neighbouring years (stationary: each has
 * variance 1, the first drawn from the stationary distribution), drawn from `normal` in order; with rho = 0
 * the draws themselves. For sample paths that follow the AR(1) intervals of `mean` and `logTrend`.
 */
export function ar1Normals(normal: () => number, h: number, rho: number): Float64Array {
  const out = new Float64Array(h);
  const innovation = Math.sqrt(1 - rho * rho);
  let w = 0;
  for (let j = 0; j < h; j++) {
    w = j === 0 ? normal() : rho * w + innovation * normal();
    out[j] = w;
  }
  return out;
}
