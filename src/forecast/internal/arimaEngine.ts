// Exact maximum likelihood for non-seasonal ARIMA(p, d, q) models with an optional mean or drift, as R's
// `stats::arima` computes it (R 4.2; the algorithm is read from R's sources, the code is our own):
// - the model in state-space form (Harvey's representation, with the d differences kept in the state so
//   that the likelihood is that of the undifferenced series, the unknown initial levels diffuse with
//   variance 1e6), its initial covariance by Gardner, Harvey & Phillips (1980, Applied Statistics 29,
//   311-322, algorithm AS 154);
// - the Gaussian log-likelihood by the Kalman filter, concentrated over sigma^2;
// - starting values by conditional sum of squares (CSS), then ML ("CSS-ML"), each minimised by BFGS with
//   R's numerical gradient, parameter scaling and tolerances;
// - AR coefficients searched through Jones' (1980) transformation to partial autocorrelations (tanh), so
//   every candidate is stationary, and MA polynomials flipped to invertibility;
// - the coefficient covariance from the numerical Hessian;
// - forecasts and their variances from the Kalman filter's last state.
// Not exported from the package.
import { correctlyRoundedLog as log } from '../../internal/correctlyRoundedLog.js';
import { bfgs, numericHessian } from '../../internal/optimize.js';
import { polyRoots } from './polyRoots.js';

/** Variance of the diffuse initial levels of a differenced model (R's `kappa`). */
const KAPPA = 1e6;

/** A fit that failed where R's `arima()` stops with an error (the caller treats the model as unusable). */
export class ArimaFitError extends Error {
  override name = 'ArimaFitError';
}

/** The regression term of the model: a mean (d = 0) or a linear drift in time 1..n (d = 1). */
export type ArimaRegressor = 'intercept' | 'drift';

/** How to estimate: CSS then ML (R's default), CSS only (R's approximation), or ML from zeros. */
export type ArimaMethod = 'CSS-ML' | 'CSS' | 'ML';

/**
 * The state-space form of an ARMA(p, q) model with d differences (column-major matrices), with every buffer
 * the likelihood needs, allocated once per fit and reused by each evaluation.
 */
interface Workspace {
  readonly p: number;
  readonly q: number;
  readonly d: number;
  /** r = max(p, q + 1); the state has rd = r + d entries. */
  readonly r: number;
  readonly rd: number;
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  readonly delta: Float64Array;
  /** Filtered state mean and covariance (updated in place by the filter). */
  readonly a: Float64Array;
  readonly P: Float64Array;
  /** The covariance at the first observation, then the one-step predicted covariance. */
  readonly Pn: Float64Array;
  readonly anew: Float64Array;
  readonly M: Float64Array;
  readonly mm: Float64Array;
  /** Buffers of the initial covariance (Gardner et al.). */
  readonly Q0: Float64Array;
  readonly V: Float64Array;
  readonly rbar: Float64Array;
  readonly thetab: Float64Array;
  readonly xnext: Float64Array;
  readonly xrow: Float64Array;
  /** Scratch of the AR transformation. */
  readonly work: Float64Array;
  /** The series less its regression, its differences, and residuals (length n). */
  readonly y: Float64Array;
  readonly w: Float64Array;
  readonly resid: Float64Array;
}

function workspace(p: number, q: number, d: number, n: number): Workspace {
  const r = Math.max(p, q + 1);
  const rd = r + d;
  const np = (r * (r + 1)) / 2;
  return {
    p,
    q,
    d,
    r,
    rd,
    phi: new Float64Array(p),
    theta: new Float64Array(q),
    delta: differencingDelta(d),
    a: new Float64Array(rd),
    P: new Float64Array(rd * rd),
    Pn: new Float64Array(rd * rd),
    anew: new Float64Array(rd),
    M: new Float64Array(rd),
    mm: new Float64Array(rd * rd),
    Q0: new Float64Array(r * r),
    V: new Float64Array(np),
    rbar: new Float64Array((np * (np - 1)) / 2),
    thetab: new Float64Array(np),
    xnext: new Float64Array(np),
    xrow: new Float64Array(np),
    work: new Float64Array(Math.max(p, 1)),
    y: new Float64Array(n),
    w: new Float64Array(n),
    resid: new Float64Array(n),
  };
}

/** What {@link fitArimaModel} returns: R's `arima()` result, for one non-seasonal model. */
export interface ArimaModelFit {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  readonly regressor: ArimaRegressor | null;
  /** ar1..arp, ma1..maq, then the mean or drift when there is one. */
  readonly coef: readonly number[];
  /** Maximum likelihood innovation variance, RSS / n.used (R's `sigma2` before forecast's adjustment). */
  readonly sigma2: number;
  /** Covariance of the estimated coefficients (row-major), or null when nothing was estimated. */
  readonly varCoef: readonly number[] | null;
  readonly loglik: number;
  /** NaN for the CSS method (R's NA). */
  readonly aic: number;
  /** Standardised one-step residuals of the filter (CSS residuals for the CSS method). */
  readonly residuals: readonly number[];
  /** Observations after differencing: n - d. */
  readonly nUsed: number;
  /** 0 when the optimiser converged, 1 when it stopped at its iteration limit. */
  readonly code: number;
  /** The model's AR and MA polynomials as used for forecasts (phi: 1 - phi1 B - …; theta: 1 + theta1 B + …). */
  readonly phi: readonly number[];
  readonly theta: readonly number[];
  /** The filter's last state mean and covariance (column-major, as the filter leaves it), where forecasts start. */
  readonly stateMean: readonly number[];
  readonly stateCov: readonly number[];
}

/** Coefficients of the differencing polynomial (1 - B)^d written as x_t = sum delta_i x_{t-i} + …. */
export function differencingDelta(d: number): Float64Array {
  // (1 - B)^d expanded, then negated without its leading 1.
  let poly = [1];
  for (let k = 0; k < d; k++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let i = 0; i < poly.length; i++) {
      next[i] = next[i]! + poly[i]!;
      next[i + 1] = next[i + 1]! - poly[i]!;
    }
    poly = next;
  }
  return Float64Array.from(poly.slice(1), (v) => -v);
}

// --- parameter transformations (Jones 1980; Monahan 1984) ---

/** Partial autocorrelations (after tanh of the raw values) to AR coefficients, by Durbin-Levinson. */
function toStationary(
  raw: ArrayLike<number>,
  offset: number,
  p: number,
  out: Float64Array,
  work: Float64Array = new Float64Array(p),
): void {
  for (let j = 0; j < p; j++) {
    out[offset + j] = Math.tanh(raw[offset + j]!);
    work[j] = out[offset + j]!;
  }
  for (let j = 1; j < p; j++) {
    const a = out[offset + j]!;
    for (let k = 0; k < j; k++) work[k] = work[k]! - a * out[offset + j - k - 1]!;
    for (let k = 0; k < j; k++) out[offset + k] = work[k]!;
  }
}

/** The inverse of {@link toStationary}: AR coefficients to atanh of the partial autocorrelations. */
function fromStationary(phi: ArrayLike<number>, p: number): Float64Array {
  const out = Float64Array.from({ length: p }, (_, j) => phi[j]!);
  const work = Float64Array.from(out);
  for (let j = p - 1; j > 0; j--) {
    const a = out[j]!;
    for (let k = 0; k < j; k++) work[k] = (out[k]! + a * out[j - k - 1]!) / (1 - a * a);
    for (let k = 0; k < j; k++) out[k] = work[k]!;
  }
  for (let j = 0; j < p; j++) out[j] = Math.atanh(out[j]!);
  return out;
}

/** Parameters (raw when `transform`) to the AR and MA coefficients of the model, into ws.phi and ws.theta. */
function setArma(ws: Workspace, par: ArrayLike<number>, transform: boolean): void {
  const { p, q, phi, theta } = ws;
  if (transform && p > 0) toStationary(par, 0, p, phi, ws.work);
  else for (let i = 0; i < p; i++) phi[i] = par[i]!;
  for (let i = 0; i < q; i++) theta[i] = par[p + i]!;
}

/** Jacobian of the AR transformation by forward differences (step 1e-3), identity elsewhere; row-major. */
function transformJacobian(par: ArrayLike<number>, p: number, k: number): Float64Array {
  const A = new Float64Array(k * k);
  for (let i = 0; i < k; i++) A[i * k + i] = 1;
  if (p === 0) return A;
  const eps = 1e-3;
  const w1 = Float64Array.from({ length: p }, (_, i) => par[i]!);
  const w2 = new Float64Array(p);
  const w3 = new Float64Array(p);
  toStationary(w1, 0, p, w2);
  for (let i = 0; i < p; i++) {
    w1[i] = w1[i]! + eps;
    toStationary(w1, 0, p, w3);
    for (let j = 0; j < p; j++) A[i * k + j] = (w3[j]! - w2[j]!) / eps;
    w1[i] = w1[i]! - eps;
  }
  return A;
}

/** True when every root of 1 - ar1 z - … - arp z^p lies outside the unit circle. */
function arStationary(ar: ArrayLike<number>): boolean {
  let p = ar.length;
  while (p > 0 && ar[p - 1] === 0) p--;
  if (p === 0) return true;
  const c = [1];
  for (let i = 0; i < p; i++) c.push(-ar[i]!);
  return polyRoots(c).every(([re, im]) => Math.hypot(re, im) > 1);
}

/** Flips the roots of 1 + ma1 z + … inside the unit circle to their reciprocals (same autocorrelations). */
function invertMa(ma: readonly number[]): number[] {
  const q = ma.length;
  let q0 = q;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  if (q0 === 0) return [...ma];
  const roots = polyRoots([1, ...ma.slice(0, q0)]);
  const inside = roots.map(([re, im]) => Math.hypot(re, im) < 1);
  if (!inside.some(Boolean)) return [...ma];
  if (q0 === 1) return [1 / ma[0]!, ...new Array<number>(q - q0).fill(0)];
  // Rebuild prod (1 - z / root) with the flipped roots.
  let re = [1];
  let im = [0];
  for (let k = 0; k < roots.length; k++) {
    let [rr, ri] = roots[k]!;
    if (inside[k]) {
      const m = rr * rr + ri * ri;
      rr = rr / m;
      ri = -ri / m;
    }
    // 1 / root
    const m = rr * rr + ri * ri;
    const ir = rr / m;
    const ii = -ri / m;
    const nre = new Array<number>(re.length + 1).fill(0);
    const nim = new Array<number>(re.length + 1).fill(0);
    for (let i = 0; i < re.length; i++) {
      nre[i] = nre[i]! + re[i]!;
      nim[i] = nim[i]! + im[i]!;
      nre[i + 1] = nre[i + 1]! - (re[i]! * ir - im[i]! * ii);
      nim[i + 1] = nim[i + 1]! - (re[i]! * ii + im[i]! * ir);
    }
    re = nre;
    im = nim;
  }
  return [...re.slice(1), ...new Array<number>(q - q0).fill(0)];
}

// --- the state-space model ---

/** Gardner et al.'s update of a QR factorisation by one row (AS 154's INCLU2). */
function includeRow(
  np: number,
  xnext: Float64Array,
  xrow: Float64Array,
  yIn: number,
  dvec: Float64Array,
  rbar: Float64Array,
  thetab: Float64Array,
): void {
  let ynext = yIn;
  xrow.set(xnext);
  let ithisr = 0;
  for (let i = 0; i < np; i++) {
    if (xrow[i] !== 0) {
      const xi = xrow[i]!;
      const di = dvec[i]!;
      const dpi = di + xi * xi;
      dvec[i] = dpi;
      const cbar = di / dpi;
      const sbar = xi / dpi;
      for (let k = i + 1; k < np; k++) {
        const xk = xrow[k]!;
        const rbthis = rbar[ithisr]!;
        xrow[k] = xk - xi * rbthis;
        rbar[ithisr++] = cbar * rbthis + sbar * xk;
      }
      const xk = ynext;
      ynext = xk - xi * thetab[i]!;
      thetab[i] = cbar * thetab[i]! + sbar * xk;
      if (di === 0) return;
    } else {
      ithisr += np - i - 1;
    }
  }
}

/**
 * The stationary covariance of the ARMA part of the state (r x r, column-major), by Gardner, Harvey &
 * Phillips (1980): the linear system for vec(Q0) solved row by row with Givens rotations, or by back
 * substitution for a pure MA model.
 */
function initialCovariance(ws: Workspace): Float64Array {
  const { p, q, r, phi, theta, V } = ws;
  const np = (r * (r + 1)) / 2;
  const nrbar = (np * (np - 1)) / 2;
  for (let ind = 0, j = 0; j < r; j++) {
    const vj = j === 0 ? 1 : j - 1 < q ? theta[j - 1]! : 0;
    for (let i = j; i < r; i++) {
      const vi = i === 0 ? 1 : i - 1 < q ? theta[i - 1]! : 0;
      V[ind++] = vi * vj;
    }
  }
  const P = ws.Q0;
  if (r === 1) {
    P[0] = p === 0 ? 1 : 1 / (1 - phi[0]! * phi[0]!);
    return P;
  }
  if (p > 0) {
    const { rbar, thetab, xnext, xrow } = ws;
    rbar.fill(0, 0, nrbar);
    thetab.fill(0);
    xnext.fill(0);
    P.fill(0, 0, np);
    let ind = 0;
    let ind1 = -1;
    const npr = np - r;
    const npr1 = npr + 1;
    let indj = npr;
    let ind2 = npr - 1;
    for (let j = 0; j < r; j++) {
      const phij = j < p ? phi[j]! : 0;
      xnext[indj++] = 0;
      let indi = npr1 + j;
      for (let i = j; i < r; i++) {
        const ynext = V[ind++]!;
        const phii = i < p ? phi[i]! : 0;
        if (j !== r - 1) {
          xnext[indj] = -phii;
          if (i !== r - 1) {
            xnext[indi] = xnext[indi]! - phij;
            xnext[++ind1] = -1;
          }
        }
        xnext[npr] = -phii * phij;
        if (++ind2 >= np) ind2 = 0;
        xnext[ind2] = xnext[ind2]! + 1;
        includeRow(np, xnext, xrow, ynext, P, rbar, thetab);
        xnext[ind2] = 0;
        if (i !== r - 1) {
          xnext[indi++] = 0;
          xnext[ind1] = 0;
        }
      }
    }
    let ithisr = nrbar - 1;
    let im = np - 1;
    for (let i = 0; i < np; i++) {
      let bi = thetab[im]!;
      let jm = np - 1;
      for (let j = 0; j < i; j++) bi -= rbar[ithisr--]! * P[jm--]!;
      P[im--] = bi;
    }
    // Re-order the packed solution.
    for (let i = 0; i < r; i++) xnext[i] = P[npr + i]!;
    let to = np - 1;
    let from = npr - 1;
    for (let i = 0; i < npr; i++) P[to--] = P[from--]!;
    for (let i = 0; i < r; i++) P[i] = xnext[i]!;
  } else {
    // Pure MA: back substitution.
    let indn = np;
    let ind = np;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j <= i; j++) {
        --ind;
        P[ind] = V[ind]!;
        if (j !== 0) P[ind] = P[ind]! + P[--indn]!;
      }
    }
  }
  // Unpack to a full symmetric matrix.
  for (let i = r - 1, ind = np; i > 0; i--) for (let j = r - 1; j >= i; j--) P[r * i + j] = P[--ind]!;
  for (let i = 0; i < r - 1; i++) for (let j = i + 1; j < r; j++) P[i + r * j] = P[j + r * i]!;
  return P;
}

/** Puts the model (ws.phi, ws.theta) at its initial state: zero mean, stationary covariance, diffuse levels. */
function resetState(ws: Workspace): void {
  const { p, r, rd, d, phi, Pn } = ws;
  Pn.fill(0);
  ws.a.fill(0);
  ws.P.fill(0);
  if (r > 1) {
    const Q0 = initialCovariance(ws);
    for (let j = 0; j < r; j++) for (let i = 0; i < r; i++) Pn[i + rd * j] = Q0[i + r * j]!;
  } else {
    Pn[0] = p > 0 ? 1 / (1 - phi[0]! * phi[0]!) : 1;
  }
  for (let i = 0; i < d; i++) Pn[r + i + rd * (r + i)] = KAPPA;
}

interface FilterResult {
  readonly ssq: number;
  readonly sumlog: number;
  readonly nu: number;
  readonly residuals?: Float64Array;
}

/**
 * The Kalman filter over y for the model `m` (whose a, P and Pn it updates): the sum of squared
 * standardised innovations, the sum of log gains, and the count of observations whose gain is below 1e4
 * (the first d, whose level is diffuse, are left out).
 */
function kalmanFilter(ws: Workspace, giveResiduals: boolean): FilterResult {
  const { phi, theta, delta, r, rd, a, P, p, q, d, y, anew, M, mm } = ws;
  const Pnew = ws.Pn;
  const n = y.length;
  const resid = giveResiduals ? new Float64Array(n) : undefined;
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  for (let l = 0; l < n; l++) {
    for (let i = 0; i < r; i++) {
      let tmp = i < r - 1 ? a[i + 1]! : 0;
      if (i < p) tmp += phi[i]! * a[0]!;
      anew[i] = tmp;
    }
    if (d > 0) {
      for (let i = r + 1; i < rd; i++) anew[i] = a[i - 1]!;
      let tmp = a[0]!;
      for (let i = 0; i < d; i++) tmp += delta[i]! * a[r + i]!;
      anew[r] = tmp;
    }
    if (l > 0) {
      if (d === 0) {
        for (let i = 0; i < r; i++) {
          const vi = i === 0 ? 1 : i - 1 < q ? theta[i - 1]! : 0;
          for (let j = 0; j < r; j++) {
            let tmp = j === 0 ? vi : j - 1 < q ? vi * theta[j - 1]! : 0;
            if (i < p && j < p) tmp += phi[i]! * phi[j]! * P[0]!;
            if (i < r - 1 && j < r - 1) tmp += P[i + 1 + r * (j + 1)]!;
            if (i < p && j < r - 1) tmp += phi[i]! * P[j + 1]!;
            if (j < p && i < r - 1) tmp += phi[j]! * P[i + 1]!;
            Pnew[i + r * j] = tmp;
          }
        }
      } else {
        const w = mm;
        // w = T P
        for (let i = 0; i < r; i++) {
          for (let j = 0; j < rd; j++) {
            let tmp = 0;
            if (i < p) tmp += phi[i]! * P[rd * j]!;
            if (i < r - 1) tmp += P[i + 1 + rd * j]!;
            w[i + rd * j] = tmp;
          }
        }
        for (let j = 0; j < rd; j++) {
          let tmp = P[rd * j]!;
          for (let k = 0; k < d; k++) tmp += delta[k]! * P[r + k + rd * j]!;
          w[r + rd * j] = tmp;
        }
        for (let i = 1; i < d; i++) for (let j = 0; j < rd; j++) w[r + i + rd * j] = P[r + i - 1 + rd * j]!;
        // Pnew = w T'
        for (let i = 0; i < r; i++) {
          for (let j = 0; j < rd; j++) {
            let tmp = 0;
            if (i < p) tmp += phi[i]! * w[j]!;
            if (i < r - 1) tmp += w[rd * (i + 1) + j]!;
            Pnew[j + rd * i] = tmp;
          }
        }
        for (let j = 0; j < rd; j++) {
          let tmp = w[j]!;
          for (let k = 0; k < d; k++) tmp += delta[k]! * w[rd * (r + k) + j]!;
          Pnew[rd * r + j] = tmp;
        }
        for (let i = 1; i < d; i++) for (let j = 0; j < rd; j++) Pnew[rd * (r + i) + j] = w[rd * (r + i - 1) + j]!;
        // + R R'
        for (let i = 0; i <= q; i++) {
          const vi = i === 0 ? 1 : theta[i - 1]!;
          for (let j = 0; j <= q; j++) Pnew[i + rd * j] = Pnew[i + rd * j]! + vi * (j === 0 ? 1 : theta[j - 1]!);
        }
      }
    }
    const yl = y[l]!;
    if (!Number.isNaN(yl)) {
      let res = yl - anew[0]!;
      for (let i = 0; i < d; i++) res -= delta[i]! * anew[r + i]!;
      for (let i = 0; i < rd; i++) {
        let tmp = Pnew[i]!;
        for (let j = 0; j < d; j++) tmp += Pnew[i + (r + j) * rd]! * delta[j]!;
        M[i] = tmp;
      }
      let gain = M[0]!;
      for (let j = 0; j < d; j++) gain += delta[j]! * M[r + j]!;
      if (gain < 1e4) {
        nu++;
        ssq += (res * res) / gain;
        sumlog += log(gain);
      }
      if (resid) resid[l] = res / Math.sqrt(gain);
      for (let i = 0; i < rd; i++) a[i] = anew[i]! + (M[i]! * res) / gain;
      for (let i = 0; i < rd; i++)
        for (let j = 0; j < rd; j++) P[i + j * rd] = Pnew[i + j * rd]! - (M[i]! * M[j]!) / gain;
    } else {
      a.set(anew);
      P.set(Pnew);
      if (resid) resid[l] = Number.NaN;
    }
  }
  return resid ? { ssq, sumlog, nu, residuals: resid } : { ssq, sumlog, nu };
}

/** Conditional sum of squares: the residual mean square of the differenced series after `ncond` values. */
function conditionalSumOfSquares(
  ws: Workspace,
  ncond: number,
  giveResiduals: boolean,
): { value: number; residuals?: Float64Array } {
  const { y, w, d, p, q, phi, theta } = ws;
  const n = y.length;
  w.set(y);
  for (let i = 0; i < d; i++) for (let l = n - 1; l > 0; l--) w[l] = w[l]! - w[l - 1]!;
  const resid = ws.resid;
  let ssq = 0;
  let nu = 0;
  for (let l = ncond; l < n; l++) {
    let tmp = w[l]!;
    for (let j = 0; j < p; j++) tmp -= phi[j]! * w[l - j - 1]!;
    const jmax = Math.min(l - ncond, q);
    for (let j = 0; j < jmax; j++) tmp -= theta[j]! * resid[l - j - 1]!;
    resid[l] = tmp;
    if (!Number.isNaN(tmp)) {
      nu++;
      ssq += tmp * tmp;
    }
  }
  return giveResiduals ? { value: ssq / nu, residuals: Float64Array.from(resid) } : { value: ssq / nu };
}

/** Forecast means and variances (in units of sigma^2) from a model's last state, h steps ahead. */
export function kalmanForecast(
  model: Pick<ArimaModelFit, 'phi' | 'theta' | 'd' | 'stateMean' | 'stateCov'>,
  h: number,
): { mean: number[]; variance: number[] } {
  const phi = model.phi;
  const theta = model.theta;
  const delta = differencingDelta(model.d);
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const d = delta.length;
  const rd = r + d;
  // Z, T and V = R R' of the state-space form (column-major).
  const Z = new Float64Array(rd);
  Z[0] = 1;
  for (let i = 0; i < d; i++) Z[r + i] = delta[i]!;
  const T = new Float64Array(rd * rd);
  for (let i = 0; i < p; i++) T[i] = phi[i]!;
  for (let i = 1; i < r; i++) T[i - 1 + rd * i] = 1;
  if (d > 0) {
    for (let j = 0; j < rd; j++) T[r + rd * j] = Z[j]!;
    for (let i = 1; i < d; i++) T[r + i + rd * (r + i - 1)] = 1;
  }
  const R = new Float64Array(rd);
  R[0] = 1;
  for (let i = 0; i < q; i++) R[i + 1] = theta[i]!;
  const a = Float64Array.from(model.stateMean);
  const P = new Float64Array(rd * rd);
  for (let i = 0; i < rd * rd; i++) P[i] = model.stateCov[i]!;
  const anew = new Float64Array(rd);
  const mm = new Float64Array(rd * rd);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let l = 0; l < h; l++) {
    let fc = 0;
    for (let i = 0; i < rd; i++) {
      let tmp = 0;
      for (let k = 0; k < rd; k++) tmp += T[i + rd * k]! * a[k]!;
      anew[i] = tmp;
      fc += tmp * Z[i]!;
    }
    a.set(anew);
    mean.push(fc);
    for (let i = 0; i < rd; i++) {
      for (let j = 0; j < rd; j++) {
        let tmp = 0;
        for (let k = 0; k < rd; k++) tmp += T[i + rd * k]! * P[k + rd * j]!;
        mm[i + rd * j] = tmp;
      }
    }
    let v = 0;
    for (let i = 0; i < rd; i++) {
      for (let j = 0; j < rd; j++) {
        let tmp = R[i]! * R[j]!;
        for (let k = 0; k < rd; k++) tmp += mm[i + rd * k]! * T[j + rd * k]!;
        P[i + rd * j] = tmp;
      }
    }
    for (let i = 0; i < rd; i++) for (let j = 0; j < rd; j++) v += Z[i]! * Z[j]! * P[i + j * rd]!;
    variance.push(v);
  }
  return { mean, variance };
}

// --- small dense algebra ---

/**
 * Solves A X = B for square A (k x k) and B (k x m), both row-major, by LU with partial pivoting, and refuses
 * (as R's `solve()` does) a matrix that is singular or whose reciprocal condition number in the 1-norm is
 * below machine epsilon.
 */
function solve(A: Float64Array, B: Float64Array, k: number, m: number): Float64Array {
  const lu = Float64Array.from(A);
  const perm = Array.from({ length: k }, (_, i) => i);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(lu[i * k + c]!) > Math.abs(lu[piv * k + c]!)) piv = i;
    if (lu[piv * k + c] === 0 || Number.isNaN(lu[piv * k + c]!)) throw new ArimaFitError('system is exactly singular');
    if (piv !== c) {
      for (let j = 0; j < k; j++) {
        const t = lu[c * k + j]!;
        lu[c * k + j] = lu[piv * k + j]!;
        lu[piv * k + j] = t;
      }
      const t = perm[c]!;
      perm[c] = perm[piv]!;
      perm[piv] = t;
    }
    for (let i = c + 1; i < k; i++) {
      const f = lu[i * k + c]! / lu[c * k + c]!;
      lu[i * k + c] = f;
      for (let j = c + 1; j < k; j++) lu[i * k + j] = lu[i * k + j]! - f * lu[c * k + j]!;
    }
  }
  const solveWith = (rhs: Float64Array, cols: number): Float64Array => {
    const X = new Float64Array(k * cols);
    for (let col = 0; col < cols; col++) {
      const y = new Float64Array(k);
      for (let i = 0; i < k; i++) {
        let s = rhs[perm[i]! * cols + col]!;
        for (let j = 0; j < i; j++) s -= lu[i * k + j]! * y[j]!;
        y[i] = s;
      }
      for (let i = k - 1; i >= 0; i--) {
        let s = y[i]!;
        for (let j = i + 1; j < k; j++) s -= lu[i * k + j]! * X[j * cols + col]!;
        X[i * cols + col] = s / lu[i * k + i]!;
      }
    }
    return X;
  };
  // Reciprocal condition number in the 1-norm, from the explicit inverse (k is small).
  const I = new Float64Array(k * k);
  for (let i = 0; i < k; i++) I[i * k + i] = 1;
  const inv = solveWith(I, k);
  const norm1 = (M: Float64Array): number => {
    let best = 0;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += Math.abs(M[i * k + j]!);
      best = Math.max(best, s);
    }
    return best;
  };
  const rcond = 1 / (norm1(A) * norm1(inv));
  if (!(rcond >= Number.EPSILON)) throw new ArimaFitError(`system is computationally singular (rcond ${rcond})`);
  return solveWith(B, m);
}

// --- the fit ---

/** Options of {@link fitArimaModel}. */
export interface FitArimaModelOptions {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  /** A mean (only with d = 0) or a drift (only with d = 1); none by default. */
  readonly regressor?: ArimaRegressor | null;
  readonly method?: ArimaMethod;
  /** Fix the regression coefficient instead of estimating it (only for p = q = 0: nothing is estimated). */
  readonly fixedRegression?: number;
}

function regressorValues(kind: ArimaRegressor, n: number): Float64Array {
  return kind === 'intercept' ? new Float64Array(n).fill(1) : Float64Array.from({ length: n }, (_, i) => i + 1);
}

function difference(v: ArrayLike<number>, d: number): number[] {
  let out = Array.from(v);
  for (let k = 0; k < d; k++) out = out.slice(1).map((x, i) => x - out[i]!);
  return out;
}

/** Least squares of y on one column x without intercept: the coefficient and its standard error. */
function oneColumnRegression(y: readonly number[], x: readonly number[]): { b: number; se: number } {
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < y.length; i++) {
    sxx += x[i]! * x[i]!;
    sxy += x[i]! * y[i]!;
  }
  const b = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < y.length; i++) rss += (y[i]! - b * x[i]!) ** 2;
  return { b, se: Math.sqrt(rss / (y.length - 1) / sxx) };
}

/**
 * Fits one ARIMA(p, d, q) model to x as R's `stats::arima(x, order, xreg, include.mean, method)` does.
 * @throws {ArimaFitError} where R's arima() stops: a non-stationary AR part from CSS, an optimiser that
 * cannot start or whose numerical gradient is not finite, a singular Hessian
 */
export function fitArimaModel(x: readonly number[], options: FitArimaModelOptions): ArimaModelFit {
  const { p, d, q } = options;
  const regressor = options.regressor ?? null;
  const method = options.method ?? 'CSS-ML';
  const n = x.length;
  const nUsed = n - d;
  if (nUsed <= 0) throw new ArimaFitError('too few non-missing observations');
  const narma = p + q;
  const reg = regressor === null ? null : regressorValues(regressor, n);
  const k = narma + (reg ? 1 : 0);
  const fixed = options.fixedRegression;
  const noOptim = k === 0 || fixed !== undefined;
  const transform = !noOptim;
  let init = new Float64Array(k);
  const parscale = new Float64Array(k).fill(1);
  if (reg) {
    const dx = difference(x, d);
    const dreg = difference(reg, d);
    const { b, se } = dx.length > 1 ? oneColumnRegression(dx, dreg) : oneColumnRegression([...x], [...reg]);
    init[narma] = b;
    parscale[narma] = 10 * se;
  }
  const coefFixed = fixed !== undefined ? Float64Array.of(fixed) : undefined;
  const ws = workspace(p, q, d, n);
  for (let i = 0; i < n; i++) ws.y[i] = x[i]!;
  /** ws.y = x - regression (R's x - xreg %*% coef). */
  const setSeries = (par: ArrayLike<number>): void => {
    if (!reg) return;
    const b = par[narma]!;
    for (let i = 0; i < n; i++) ws.y[i] = x[i]! - reg[i]! * b;
  };
  let ncond = method === 'ML' ? 0 : d + p;
  const cssObjective = (par: ArrayLike<number>): number => {
    setArma(ws, par, false);
    setSeries(par);
    return 0.5 * log(conditionalSumOfSquares(ws, ncond, false).value);
  };
  const mlObjective =
    (trans: boolean) =>
    (par: ArrayLike<number>): number => {
      setArma(ws, par, trans);
      resetState(ws);
      setSeries(par);
      const res = kalmanFilter(ws, false);
      const s2 = res.ssq / res.nu;
      return 0.5 * (log(s2) + res.sumlog / res.nu);
    };
  const allPar = (): Float64Array => (coefFixed ? coefFixed : new Float64Array(0));

  let value: number;
  let code = 0;
  let coef: Float64Array;
  let varCoef: Float64Array | null = null;
  let sigma2: number;
  let residuals: Float64Array;

  if (method === 'CSS') {
    let hessian: Float64Array | null = null;
    if (noOptim) {
      value = cssObjective(allPar());
      coef = allPar();
    } else {
      const res = bfgs(cssObjective, init, { parscale });
      hessian = numericHessian(cssObjective, res.par, { parscale });
      value = res.value;
      code = res.fail;
      coef = res.par;
    }
    setArma(ws, coef, false);
    resetState(ws);
    setSeries(coef);
    kalmanFilter(ws, false);
    const css = conditionalSumOfSquares(ws, ncond, true);
    sigma2 = css.value;
    residuals = css.residuals!;
    if (hessian) varCoef = solve(scaled(hessian, nUsed), identity(k), k, k);
  } else {
    if (method === 'CSS-ML') {
      const res = noOptim ? { fail: 0, par: init } : bfgs(cssObjective, init, { parscale });
      if (res.fail === 0 && !noOptim) init = Float64Array.from(res.par);
      if (p > 0 && !arStationary(init.subarray(0, p))) throw new ArimaFitError('non-stationary AR part from CSS');
      ncond = 0;
    }
    if (transform) {
      const raw = fromStationary(init, p);
      init.set(raw, 0);
      if (q > 0) init.set(invertMa(Array.from(init.subarray(p, p + q))), p);
    }
    let hessian: Float64Array | null = null;
    if (noOptim) {
      value = mlObjective(false)(allPar());
      coef = allPar();
    } else {
      const f = mlObjective(transform);
      let res = bfgs(f, init, { parscale });
      coef = Float64Array.from(res.par);
      code = res.fail;
      if (transform && q > 0) {
        const flipped = invertMa(Array.from(coef.subarray(p, p + q)));
        coef.set(flipped, p);
        if (coef.some((c, i) => c !== res.par[i])) {
          res = bfgs(f, coef, { parscale, maxit: 0 });
          coef = Float64Array.from(res.par);
        }
      }
      value = res.value;
      hessian = numericHessian(f, coef, { parscale });
    }
    if (transform && hessian) {
      const A = transformJacobian(coef, p, k);
      const X = solve(scaled(hessian, nUsed), A, k, k);
      // var = A' X
      varCoef = new Float64Array(k * k);
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let l = 0; l < k; l++) s += A[l * k + i]! * X[l * k + j]!;
          varCoef[i * k + j] = s;
        }
      }
      const phiUndone = new Float64Array(p);
      if (p > 0) toStationary(coef, 0, p, phiUndone);
      coef.set(phiUndone, 0);
    } else if (hessian) {
      varCoef = solve(scaled(hessian, nUsed), identity(k), k, k);
    }
    setArma(ws, coef, false);
    resetState(ws);
    setSeries(coef);
    const filtered = kalmanFilter(ws, true);
    sigma2 = filtered.ssq / nUsed;
    residuals = filtered.residuals!;
  }
  const nEstimated = noOptim ? 0 : k;
  const twiceNegLoglik = 2 * nUsed * value + nUsed + nUsed * log(2 * Math.PI);
  const aic = method === 'CSS' ? Number.NaN : twiceNegLoglik + 2 * nEstimated + 2;
  const outCoef = Array.from(coef);
  return {
    p,
    d,
    q,
    regressor,
    coef: fixed !== undefined ? [...new Array<number>(narma).fill(0), fixed] : outCoef,
    sigma2,
    varCoef: varCoef ? Array.from(varCoef) : null,
    loglik: -0.5 * twiceNegLoglik,
    aic,
    residuals: Array.from(residuals),
    nUsed,
    code,
    phi: Array.from(ws.phi),
    theta: Array.from(ws.theta),
    stateMean: Array.from(ws.a),
    stateCov: Array.from(ws.P),
  };
}

function scaled(m: Float64Array, by: number): Float64Array {
  return m.map((v) => v * by);
}

function identity(k: number): Float64Array {
  const I = new Float64Array(k * k);
  for (let i = 0; i < k; i++) I[i * k + i] = 1;
  return I;
}
