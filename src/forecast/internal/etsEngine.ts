// Non-seasonal exponential smoothing state space models ETS(A|M, N|A|Ad, N), estimated as R's
// forecast::ets does (Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential Smoothing",
// ch. 2, 5 and 6). Not exported from the package.
//
// Model, with one-step forecast f_t = l_{t-1} + phi b_{t-1} (b = 0 without trend, phi = 1 undamped):
//   additive error:        y_t = f_t + e_t
//   multiplicative error:  y_t = f_t (1 + e_t)
//   level  l_t = f_t + alpha (y_t - f_t)
//   trend  b_t = phi b_{t-1} + (beta / alpha) (l_t - l_{t-1} - phi b_{t-1})
// The state updates are the same for both error types; only the likelihood differs:
//   -2 log L (up to a constant) = n log(sum e_t^2) [+ 2 sum log|f_t| for multiplicative errors].
// Parameters (alpha, beta, phi) and the initial states (l0, b0) are estimated together by Nelder-Mead
// from R's starting values, inside R's usual region: alpha in [1e-4, 0.9999], beta in [1e-4, alpha],
// phi in [0.8, 0.98]. `criterion: 'mse'` minimises the in-sample one-step MSE instead (R's ses(),
// holt() and holt(damped = TRUE) do that).
import { nelderMead } from '../../internal/optimize.js';

export type EtsError = 'A' | 'M';
export type EtsTrend = 'N' | 'A' | 'Ad';
/** Which ETS model: error type and trend type (no seasonality for yearly data). */
export interface EtsComponents {
  readonly error: EtsError;
  readonly trend: EtsTrend;
}
export type EtsCriterion = 'lik' | 'mse';

/** An estimated model. */
export interface EtsEstimate {
  readonly components: EtsComponents;
  readonly alpha: number;
  readonly beta: number;
  readonly phi: number;
  readonly l0: number;
  readonly b0: number;
  /** Final states. */
  readonly level: number;
  readonly trend: number;
  /** Estimated parameters, initial states included (R's length(par)). */
  readonly k: number;
  /** R's loglik: -0.5 * (n log SSE [+ 2 sum log|f|]), without the Gaussian constant. */
  readonly loglik: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  readonly mse: number;
  /** Residual variance SSE / (n - k); relative errors for multiplicative models, as R. */
  readonly sigma2: number;
  readonly fitted: number[];
  readonly residuals: number[];
  readonly evaluations: number;
}

const LOWER_A = 1e-4,
  UPPER_A = 0.9999,
  LOWER_B = 1e-4,
  UPPER_B = 0.9999,
  LOWER_PHI = 0.8,
  UPPER_PHI = 0.98;

/** Number of estimated parameters of a model, initial states included. */
export function etsParameterCount(c: EtsComponents): number {
  return 2 + (c.trend === 'N' ? 0 : 2) + (c.trend === 'Ad' ? 1 : 0);
}

/** R's name for a model: `ETS(M,Ad,N)`. */
export function etsLabel(c: EtsComponents): string {
  return `ets(${c.error},${c.trend},N)`;
}

/**
 * Runs the filter; returns -2 log L (R's `lik`, NaN when a forecast is 0 under multiplicative errors)
 * and writes the one-step MSE into out[0]. No allocation.
 */
function run(
  y: Float64Array,
  mult: boolean,
  hasTrend: boolean,
  alpha: number,
  beta: number,
  phi: number,
  l0: number,
  b0: number,
  out: Float64Array,
): number {
  const n = y.length;
  let l = l0,
    b = hasTrend ? b0 : 0;
  let sse = 0,
    logf = 0,
    amse = 0;
  const ba = beta / alpha;
  for (let i = 0; i < n; i++) {
    const phib = hasTrend ? phi * b : 0;
    const f = l + phib;
    const yi = y[i]!;
    const d = yi - f;
    const e = mult ? d / f : d;
    amse = (amse * i + d * d) / (i + 1);
    const lNew = f + alpha * d;
    if (hasTrend) b = phib + ba * (lNew - l - phib);
    l = lNew;
    sse += e * e;
    if (mult) logf += Math.log(Math.abs(f));
  }
  out[0] = amse;
  let lik = n * Math.log(sse);
  if (mult) lik += 2 * logf;
  return lik;
}

/**
 * R's initial states: the mean of the first ten values, or the least-squares line through them as R's
 * `lsfit(1:maxn, y[1:maxn])` computes it. Exported for its test.
 */
export function initialStates(y: Float64Array, hasTrend: boolean): [number, number] {
  const maxn = Math.min(10, y.length);
  if (!hasTrend) {
    let s = 0;
    for (let i = 0; i < maxn; i++) s += y[i]!;
    return [s / maxn, 0];
  }
  let [l0, b0] = lsfitLine(y.subarray(0, maxn));
  if (Math.abs(l0 + b0) < 1e-8) {
    l0 *= 1 + 1e-3;
    b0 *= 1 - 1e-3;
  }
  return [l0, b0];
}

/**
 * Intercept and slope of the least-squares line through (1, y_1) ... (m, y_m), computed as R's `lsfit`
 * does: Householder QR of [1, t] by LINPACK's dqrdc2, then Q'y and back substitution by dqrsl, with the
 * reference BLAS's sequential sums. The closed form (sxy / sxx) gives the same line but not the same last
 * bits, and on a flat likelihood the optimiser's path, started from them, can end 1e-4 away from R's.
 */
function lsfitLine(y: Float64Array): [number, number] {
  const m = y.length;
  // Column 1 (ones): its norm is sqrt(m); scaled by 1/norm, with 1 added to the first entry.
  const norm1 = Math.sqrt(m);
  const u = new Float64Array(m).fill(1 * (1 / norm1));
  u[0] = 1 + u[0]!;
  // Column 2 (1..m) reflected by the first Householder vector u.
  const t = Float64Array.from({ length: m }, (_, i) => i + 1);
  reflect(u, t, 0);
  // Second Householder vector v from t[1..], as dqrdc2 forms it; r22 = -||t[1..]|| (signed).
  let ss = 0;
  for (let i = 1; i < m; i++) ss += t[i]! * t[i]!;
  const norm2 = t[1]! < 0 ? -Math.sqrt(ss) : Math.sqrt(ss);
  const v = new Float64Array(m);
  for (let i = 1; i < m; i++) v[i] = (1 / norm2) * t[i]!;
  v[1] = 1 + v[1]!;
  // Q'y, then R b = (Q'y)[0..1] with R = [[-norm1, t[0]], [0, -norm2]].
  const qty = Float64Array.from(y);
  reflect(u, qty, 0);
  reflect(v, qty, 1);
  const slope = qty[1]! / -norm2;
  return [(qty[0]! + -slope * t[0]!) / -norm1, slope];
}

/** x <- x - (u'x / u_from) u over entries from..end: one LINPACK Householder step (ddot, then daxpy). */
function reflect(u: Float64Array, x: Float64Array, from: number): void {
  let dot = 0;
  for (let i = from; i < x.length; i++) dot += u[i]! * x[i]!;
  const c = -dot / u[from]!;
  for (let i = from; i < x.length; i++) x[i] = x[i]! + c * u[i]!;
}

/**
 * Estimates one model. Returns undefined when there are too few observations for its parameters
 * (n < k + 3, where AICc stops being finite). Data must be positive for multiplicative errors.
 */
export function estimateEts(
  values: readonly number[],
  c: EtsComponents,
  criterion: EtsCriterion,
): EtsEstimate | undefined {
  const n = values.length;
  const k = etsParameterCount(c);
  if (n < k + 3) return undefined;
  const y = Float64Array.from(values);
  const mult = c.error === 'M';
  const hasTrend = c.trend !== 'N';
  const damped = c.trend === 'Ad';
  const [l0, b0] = initialStates(y, hasTrend);
  // R's starting values (initparam): alpha = lower + 0.2 (upper - lower), beta a tenth of the way
  // to alpha, phi 99% of the way to its upper bound.
  const alpha0 = LOWER_A + 0.2 * (UPPER_A - LOWER_A);
  const start: number[] = [alpha0];
  if (hasTrend) start.push(LOWER_B + 0.1 * (Math.min(UPPER_B, alpha0) - LOWER_B));
  if (damped) start.push(LOWER_PHI + 0.99 * (UPPER_PHI - LOWER_PHI));
  start.push(l0);
  if (hasTrend) start.push(b0);
  const iB = 1,
    iPhi = hasTrend ? 2 : -1;
  const iL = hasTrend ? (damped ? 3 : 2) : 1;
  const scratch = new Float64Array(1);
  const objective = (p: Float64Array): number => {
    const alpha = p[0]!;
    if (alpha < LOWER_A || alpha > UPPER_A) return Infinity;
    let beta = 0,
      phi = 1;
    if (hasTrend) {
      beta = p[iB]!;
      if (beta < LOWER_B || beta > alpha || beta > UPPER_B) return Infinity;
      if (damped) {
        phi = p[iPhi]!;
        if (phi < LOWER_PHI || phi > UPPER_PHI) return Infinity;
      }
    }
    let lik = run(y, mult, hasTrend, alpha, beta, phi, p[iL]!, hasTrend ? p[iL + 1]! : 0, scratch);
    if (lik < -1e10) lik = -1e10;
    if (Number.isNaN(lik)) lik = Infinity;
    return criterion === 'lik' ? lik : scratch[0]!;
  };
  const opt = nelderMead(objective, start);
  const p = opt.x;
  const alpha = p[0]!;
  const beta = hasTrend ? p[iB]! : 0;
  const phi = damped ? p[iPhi]! : 1;
  const L0 = p[iL]!,
    B0 = hasTrend ? p[iL + 1]! : 0;
  // Final pass: residuals, fitted values, final states.
  const fitted = new Array<number>(n),
    residuals = new Array<number>(n);
  let l = L0,
    b = B0,
    sse = 0,
    logf = 0;
  for (let i = 0; i < n; i++) {
    const phib = hasTrend ? phi * b : 0;
    const f = l + phib;
    const d = y[i]! - f;
    fitted[i] = f;
    residuals[i] = d;
    const e = mult ? d / f : d;
    sse += e * e;
    if (mult) logf += Math.log(Math.abs(f));
    const lNew = f + alpha * d;
    if (hasTrend) b = phib + (beta / alpha) * (lNew - l - phib);
    l = lNew;
  }
  let lik = n * Math.log(sse) + (mult ? 2 * logf : 0);
  if (!(lik >= -1e10)) lik = -1e10; // a perfect fit: sse = 0
  const np = k + 1;
  const aic = lik + 2 * np;
  return {
    components: c,
    alpha,
    beta,
    phi,
    l0: L0,
    b0: B0,
    level: l,
    trend: b,
    k,
    loglik: -0.5 * lik,
    aic,
    aicc: aic + (2 * np * (np + 1)) / (n - np - 1),
    bic: lik + Math.log(n) * np,
    mse: residuals.reduce((s, d) => s + d * d, 0) / n,
    sigma2: sse / (n - k),
    fitted,
    residuals,
    evaluations: opt.evaluations,
  };
}

/**
 * Point forecasts and forecast variances for h = 1..H from final states, following Hyndman et al.
 * (2008) ch. 6: class 1 (additive errors) exactly, class 2 (multiplicative errors) with its exact
 * mean and variance; both as R's forecast.ets.
 */
export function etsMoments(
  c: EtsComponents,
  p: { alpha: number; beta: number; phi: number; level: number; trend: number; sigma2: number },
  H: number,
): { mean: number[]; variance: number[] } {
  const hasTrend = c.trend !== 'N';
  const phi = c.trend === 'Ad' ? p.phi : 1;
  const mean: number[] = [],
    cj: number[] = [];
  let phiSum = 0; // phi + phi^2 + ... + phi^h
  let phiPow = 1;
  for (let h = 1; h <= H; h++) {
    phiPow *= phi;
    phiSum += phiPow;
    mean.push(hasTrend ? p.level + phiSum * p.trend : p.level);
    cj.push(p.alpha + (hasTrend ? p.beta * phiSum : 0)); // c_h = alpha + beta (phi + ... + phi^h)
  }
  const variance: number[] = [];
  if (c.error === 'A') {
    let acc = 0;
    for (let h = 1; h <= H; h++) {
      variance.push(p.sigma2 * (1 + acc));
      acc += cj[h - 1]! ** 2;
    }
  } else {
    const theta: number[] = [];
    for (let h = 1; h <= H; h++) {
      let t = mean[h - 1]! ** 2;
      for (let j = 1; j < h; j++) t += p.sigma2 * cj[j - 1]! ** 2 * theta[h - j - 1]!;
      theta.push(t);
      variance.push((1 + p.sigma2) * t - mean[h - 1]! ** 2);
    }
  }
  return { mean, variance };
}

/** Sample paths (paths x H, row-major) from the state space model with normal errors. */
export function etsSimulate(
  c: EtsComponents,
  p: { alpha: number; beta: number; phi: number; level: number; trend: number; sigma2: number },
  H: number,
  paths: number,
  normal: () => number,
): Float64Array {
  const out = new Float64Array(paths * H);
  const hasTrend = c.trend !== 'N',
    mult = c.error === 'M';
  const phi = c.trend === 'Ad' ? p.phi : 1;
  const sigma = Math.sqrt(p.sigma2),
    ba = p.beta / p.alpha;
  for (let r = 0; r < paths; r++) {
    let l = p.level,
      b = hasTrend ? p.trend : 0;
    for (let h = 0; h < H; h++) {
      const phib = hasTrend ? phi * b : 0;
      const f = l + phib;
      const e = sigma * normal();
      const y = mult ? f * (1 + e) : f + e;
      const lNew = f + p.alpha * (y - f);
      if (hasTrend) b = phib + ba * (lNew - l - phib);
      l = lNew;
      out[r * H + h] = y;
    }
  }
  return out;
}
