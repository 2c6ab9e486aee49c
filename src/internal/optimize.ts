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
