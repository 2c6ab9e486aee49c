// One-dimensional minimisation by Brent's method (golden section plus parabolic steps), step for step
// as R's `optimize()` (its C routine Brent_fmin, after Brent 1973, "Algorithms for Minimization without
// Derivatives", ch. 5), so that what R finds is found here to the last bit. Not exported from the package.

/** Default tolerance of R's optimize: .Machine$double.eps^0.25. */
export const R_OPTIMIZE_TOL = Number.EPSILON ** 0.25;

/** The x in [lower, upper] where `f` is least, as R's `optimize(f, c(lower, upper))$minimum`. */
export function brentMinimum(g: (x: number) => number, lower: number, upper: number, tol = R_OPTIMIZE_TOL): number {
  // R replaces NA/Inf by the largest double.
  const f = (t: number): number => {
    const y = g(t);
    return Number.isFinite(y) ? y : Number.MAX_VALUE;
  };
  const c = (3 - Math.sqrt(5)) * 0.5;
  const eps = Math.sqrt(Number.EPSILON);
  let a = lower,
    b = upper;
  let v = a + c * (b - a);
  let w = v,
    x = v;
  let d = 0,
    e = 0;
  let fx = f(x);
  let fv = fx,
    fw = fx;
  const tol3 = tol / 3;
  for (let it = 0; it < 10_000; it++) {
    const xm = (a + b) * 0.5;
    const tol1 = eps * Math.abs(x) + tol3;
    const t2 = tol1 * 2;
    if (Math.abs(x - xm) <= t2 - (b - a) * 0.5) break;
    let p = 0,
      q = 0,
      r = 0;
    if (Math.abs(e) > tol1) {
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    let u: number;
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x;
      d = c * e;
    } else {
      d = p / q;
      u = x + d;
      if (u - a < t2 || b - u < t2) {
        d = tol1;
        if (x >= xm) d = -d;
      }
    }
    if (Math.abs(d) >= tol1) u = x + d;
    else if (d > 0) u = x + tol1;
    else u = x - tol1;
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return x;
}
