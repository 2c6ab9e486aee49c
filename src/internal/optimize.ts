/**
 * Derivative-free minimisation by the Nelder-Mead simplex method, in the variant of Nash (1990,
 * "Compact Numerical Methods for Computers", Algorithm 19) that R's `optim(method = "Nelder-Mead")`
 * and the forecast package's `ets()` use: an initial simplex stepped by a tenth of the largest
 * |coordinate|, reflection 1, contraction 0.5, expansion 2, a shrink towards the best vertex when a
 * contraction fails, and the relative stopping rule `f_high <= f_low + reltol * (|f_start| + reltol)`.
 * Keeping the same steps makes fits land where R's do.
 *
 * Not exported from the package. The objective gets a reused buffer (copy it if you keep it) and may
 * return Infinity or NaN for an infeasible point: such values count as 1e35, as in R.
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Stop when the best value is <= this. Default -Infinity (never). */
  readonly abstol?: number;
  /** Relative tolerance on the spread of values in the simplex. Default sqrt(machine epsilon). */
  readonly reltol?: number;
  /** Most objective evaluations. Default 2000 (as ets()). */
  readonly maxit?: number;
}

/** What {@link nelderMead} found. */
export interface NelderMeadResult {
  /** The best point. */
  readonly x: Float64Array;
  /** The objective there. */
  readonly value: number;
  /** Objective evaluations used. */
  readonly evaluations: number;
  /** 0 converged, 1 evaluation limit reached, 10 simplex stopped shrinking. */
  readonly fail: 0 | 1 | 10;
}

const BIG = 1e35;
const REFLECT = 1;
const CONTRACT = 0.5;
const EXPAND = 2;

/**
 * Minimises `fn` from `start`.
 * @throws {Error} when `fn(start)` is not finite (callers start from a feasible point)
 * @example
 * nelderMead((p) => (p[0]! - 1) ** 2 + (p[1]! + 2) ** 2, [0, 0]).value < 1e-6; // => true
 */
export function nelderMead(
  fn: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const abstol = options.abstol ?? -Infinity;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const maxit = options.maxit ?? 2000;
  const n = start.length;
  const x = Float64Array.from(start);
  const eval1 = (): number => {
    const v = fn(x);
    return Number.isFinite(v) ? v : BIG;
  };
  let f = fn(x);
  if (!Number.isFinite(f)) throw new Error('nelderMead: the objective is not finite at the starting point');
  // Simplex: vertex j in column j (0..n), the centroid in column n + 1; values in row n.
  const cols = n + 2;
  const P = new Float64Array((n + 1) * cols);
  const at = (i: number, j: number): number => i * cols + j;
  let evaluations = 1;
  const convtol = reltol * (Math.abs(f) + reltol);
  P[at(n, 0)] = f;
  for (let i = 0; i < n; i++) P[at(i, 0)] = x[i]!;
  let L = 0; // index of the lowest vertex
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(x[i]!));
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 1; j <= n; j++) {
    for (let i = 0; i < n; i++) P[at(i, j)] = x[i]!;
    let trystep = step;
    while (P[at(j - 1, j)] === x[j - 1]) {
      P[at(j - 1, j)] = x[j - 1]! + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let fail: 0 | 1 | 10 = 0;
  const C = n + 1;
  for (;;) {
    if (calcvert) {
      for (let j = 0; j <= n; j++) {
        if (j === L) continue;
        for (let i = 0; i < n; i++) x[i] = P[at(i, j)]!;
        P[at(n, j)] = eval1();
        evaluations++;
      }
      calcvert = false;
    }
    let VL = P[at(n, L)]!;
    let VH = VL;
    let H = L;
    for (let j = 0; j <= n; j++) {
      if (j === L) continue;
      const v = P[at(n, j)]!;
      if (v < VL) {
        L = j;
        VL = v;
      }
      if (v > VH) {
        H = j;
        VH = v;
      }
    }
    if (VH <= VL + convtol || VL <= abstol) break;
    for (let i = 0; i < n; i++) {
      let temp = -P[at(i, H)]!;
      for (let j = 0; j <= n; j++) temp += P[at(i, j)]!;
      P[at(i, C)] = temp / n;
    }
    for (let i = 0; i < n; i++) x[i] = (1 + REFLECT) * P[at(i, C)]! - REFLECT * P[at(i, H)]!;
    f = eval1();
    evaluations++;
    const VR = f;
    if (VR < VL) {
      P[at(n, C)] = f;
      for (let i = 0; i < n; i++) {
        const e = EXPAND * x[i]! + (1 - EXPAND) * P[at(i, C)]!;
        P[at(i, C)] = x[i]!;
        x[i] = e;
      }
      f = eval1();
      evaluations++;
      if (f < VR) {
        for (let i = 0; i < n; i++) P[at(i, H)] = x[i]!;
        P[at(n, H)] = f;
      } else {
        for (let i = 0; i < n; i++) P[at(i, H)] = P[at(i, C)]!;
        P[at(n, H)] = VR;
      }
    } else {
      if (VR < VH) {
        for (let i = 0; i < n; i++) P[at(i, H)] = x[i]!;
        P[at(n, H)] = VR;
      }
      for (let i = 0; i < n; i++) x[i] = (1 - CONTRACT) * P[at(i, H)]! + CONTRACT * P[at(i, C)]!;
      f = eval1();
      evaluations++;
      if (f < P[at(n, H)]!) {
        for (let i = 0; i < n; i++) P[at(i, H)] = x[i]!;
        P[at(n, H)] = f;
      } else if (VR >= VH) {
        calcvert = true;
        size = 0;
        for (let j = 0; j <= n; j++) {
          if (j === L) continue;
          for (let i = 0; i < n; i++) {
            P[at(i, j)] = CONTRACT * (P[at(i, j)]! - P[at(i, L)]!) + P[at(i, L)]!;
            size += Math.abs(P[at(i, j)]! - P[at(i, L)]!);
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          fail = 10;
          break;
        }
      }
    }
    if (evaluations > maxit) break;
  }
  const best = new Float64Array(n);
  for (let i = 0; i < n; i++) best[i] = P[at(i, L)]!;
  if (evaluations > maxit) fail = 1;
  return { x: best, value: P[at(n, L)]!, evaluations, fail };
}

/** Options of {@link bfgs} and {@link numericHessian}. */
export interface BfgsOptions {
  /** The scale of each parameter: the search runs on par / parscale. Default 1 for each. */
  readonly parscale?: ArrayLike<number>;
  /** Central-difference step of each scaled parameter for the numerical gradient. Default 1e-3. */
  readonly ndeps?: ArrayLike<number>;
  /** Most iterations (gradient evaluations). Default 100; 0 evaluates the start only. */
  readonly maxit?: number;
  /** Relative tolerance on the decrease of the objective. Default sqrt(machine epsilon). */
  readonly reltol?: number;
  /** Stop when the objective is <= this. Default -Infinity (never). */
  readonly abstol?: number;
}

/** What {@link bfgs} found. */
export interface BfgsResult {
  /** The best point, in the original (unscaled) parameters. */
  readonly par: Float64Array;
  /** The objective there. */
  readonly value: number;
  /** Objective evaluations in the search (the numerical gradient's not counted). */
  readonly fncount: number;
  /** Gradient evaluations. */
  readonly grcount: number;
  /** 0 converged, 1 iteration limit reached. */
  readonly fail: 0 | 1;
}

const STEP_REDUCTION = 0.2;
const ACCEPT_TOL = 1e-4;
const REL_TEST = 10;

/**
 * The scaled objective and its central-difference gradient, as R's optim evaluates them: the objective sees
 * p * parscale; the gradient of the scaled problem steps each scaled coordinate by ndeps.
 */
function scaledProblem(
  fn: (x: Float64Array) => number,
  parscale: Float64Array,
  ndeps: Float64Array,
): { f: (p: Float64Array) => number; grad: (p: Float64Array, g: Float64Array) => void } {
  const n = parscale.length;
  const x = new Float64Array(n);
  const f = (p: Float64Array): number => {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(p[i]!)) throw new Error('non-finite value supplied by the optimiser');
      x[i] = p[i]! * parscale[i]!;
    }
    return fn(x);
  };
  const grad = (p: Float64Array, g: Float64Array): void => {
    for (let i = 0; i < n; i++) x[i] = p[i]! * parscale[i]!;
    for (let i = 0; i < n; i++) {
      const eps = ndeps[i]!;
      x[i] = (p[i]! + eps) * parscale[i]!;
      const up = fn(x);
      x[i] = (p[i]! - eps) * parscale[i]!;
      const down = fn(x);
      g[i] = (up - down) / (2 * eps);
      if (!Number.isFinite(g[i]!)) throw new Error(`non-finite finite-difference value [${i + 1}]`);
      x[i] = p[i]! * parscale[i]!;
    }
  };
  return { f, grad };
}

function scales(n: number, options: BfgsOptions): { parscale: Float64Array; ndeps: Float64Array } {
  const parscale = options.parscale === undefined ? new Float64Array(n).fill(1) : Float64Array.from(options.parscale);
  const ndeps = options.ndeps === undefined ? new Float64Array(n).fill(1e-3) : Float64Array.from(options.ndeps);
  if (parscale.length !== n || ndeps.length !== n)
    throw new Error('bfgs: parscale and ndeps need one entry a parameter');
  return { parscale, ndeps };
}

/**
 * Quasi-Newton minimisation (BFGS) with a numerical gradient, in the variant of Nash (1990, "Compact
 * Numerical Methods for Computers", Algorithm 21) that R's `optim(method = "BFGS")` runs and `stats::arima`
 * relies on: the inverse Hessian starts as the identity, a backtracking line search from step 1 shrinks
 * by 0.2 until the decrease is at least 1e-4 times the predicted one, the update is skipped (and the metric
 * reset) when the curvature is not positive, and the search stops when the relative decrease is below
 * `reltol` or after `maxit` gradients. Gradients are central differences of the scaled parameters.
 * Keeping R's steps makes ARIMA fits land where R's do.
 *
 * Not exported from the package. The objective gets a reused buffer (copy it if you keep it).
 * @throws {Error} when the objective is not finite at the start, or a numerical gradient is not finite
 * @example
 * bfgs((p) => (p[0]! - 1) ** 2 + 10 * (p[1]! + 2) ** 2, [0, 0]).value < 1e-8; // => true
 */
export function bfgs(fn: (x: Float64Array) => number, start: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const n = start.length;
  const { parscale, ndeps } = scales(n, options);
  const maxit = options.maxit ?? 100;
  const reltol = options.reltol ?? Math.sqrt(Number.EPSILON);
  const abstol = options.abstol ?? -Infinity;
  const { f: fmin, grad } = scaledProblem(fn, parscale, ndeps);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = start[i]! / parscale[i]!;
  const unscale = (): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = b[i]! * parscale[i]!;
    return out;
  };
  if (maxit <= 0) {
    const value = fmin(b);
    return { par: unscale(), value, fncount: 0, grcount: 0, fail: 0 };
  }
  const g = new Float64Array(n);
  const t = new Float64Array(n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  const B = new Float64Array(n * n); // lower triangle used: B[i * n + j], j <= i
  let f = fmin(b);
  if (!Number.isFinite(f)) throw new Error('initial value in the BFGS search is not finite');
  let Fmin = f;
  let funcount = 1;
  let gradcount = 1;
  grad(b, g);
  let iter = 1;
  let ilast = gradcount;
  let count = 0;
  do {
    if (ilast === gradcount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    for (let i = 0; i < n; i++) {
      X[i] = b[i]!;
      c[i] = g[i]!;
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s -= B[i * n + j]! * g[j]!;
      for (let j = i + 1; j < n; j++) s -= B[j * n + i]! * g[j]!;
      t[i] = s;
      gradproj += s * g[i]!;
    }
    if (gradproj < 0) {
      // downhill: backtrack from a full step
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = X[i]! + steplength * t[i]!;
          if (REL_TEST + X[i]! === REL_TEST + b[i]!) count++;
        }
        if (count < n) {
          f = fmin(b);
          funcount++;
          accpoint = Number.isFinite(f) && f <= Fmin + gradproj * steplength * ACCEPT_TOL;
          if (!accpoint) steplength *= STEP_REDUCTION;
        }
      } while (!(count === n || accpoint));
      const enough = f > abstol && Math.abs(f - Fmin) > reltol * (Math.abs(Fmin) + reltol);
      if (!enough) {
        count = n;
        Fmin = f;
      }
      if (count < n) {
        Fmin = f;
        grad(b, g);
        gradcount++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] = steplength * t[i]!;
          c[i] = g[i]! - c[i]!;
          D1 += t[i]! * c[i]!;
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j <= i; j++) s += B[i * n + j]! * c[j]!;
            for (let j = i + 1; j < n; j++) s += B[j * n + i]! * c[j]!;
            X[i] = s;
            D2 += s * c[i]!;
          }
          D2 = 1 + D2 / D1;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j <= i; j++)
              B[i * n + j] = B[i * n + j]! + (D2 * t[i]! * t[j]! - X[i]! * t[j]! - t[i]! * X[j]!) / D1;
          }
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) {
        // no progress: restart from steepest descent once
        count = 0;
        ilast = gradcount;
      }
    } else {
      // uphill: reset unless it has just been reset
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= maxit) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount; // periodic restart
  } while (count !== n || ilast !== gradcount);
  return { par: unscale(), value: Fmin, fncount: funcount, grcount: gradcount, fail: iter < maxit ? 0 : 1 };
}

/**
 * The Hessian of `fn` at `par` by central differences of the numerical gradient, as R's `optimHess` (and
 * `optim(hessian = TRUE)`) computes it with the same `parscale` and `ndeps`, then symmetrised.
 * Not exported from the package.
 * @returns the n x n matrix, row-major
 * @throws {Error} when a numerical gradient is not finite
 * @example
 * numericHessian((p) => p[0]! ** 2 + 3 * p[0]! * p[1]!, [1, 1])[1]; // => 2.9999999999752447
 */
export function numericHessian(
  fn: (x: Float64Array) => number,
  par: ArrayLike<number>,
  options: Pick<BfgsOptions, 'parscale' | 'ndeps'> = {},
): Float64Array {
  const n = par.length;
  const { parscale, ndeps } = scales(n, options);
  const { grad } = scaledProblem(fn, parscale, ndeps);
  const dpar = new Float64Array(n);
  for (let i = 0; i < n; i++) dpar[i] = par[i]! / parscale[i]!;
  const df1 = new Float64Array(n);
  const df2 = new Float64Array(n);
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const eps = ndeps[i]! / parscale[i]!;
    dpar[i] = dpar[i]! + eps;
    grad(dpar, df1);
    dpar[i] = dpar[i]! - 2 * eps;
    grad(dpar, df2);
    for (let j = 0; j < n; j++) H[i * n + j] = (df1[j]! - df2[j]!) / (2 * eps * parscale[i]! * parscale[j]!);
    dpar[i] = dpar[i]! + eps;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (H[i * n + j]! + H[j * n + i]!);
      H[i * n + j] = m;
      H[j * n + i] = m;
    }
  }
  return H;
}
