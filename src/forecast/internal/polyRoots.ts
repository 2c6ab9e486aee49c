// Complex roots of a real polynomial, for the ARIMA root checks (not exported from the package).

/** A complex number as [re, im]. */
export type Complex = readonly [number, number];

function cmul(a: Complex, b: Complex): Complex {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

function cdiv(a: Complex, b: Complex): Complex {
  // Smith's algorithm, which avoids overflow for large |b|.
  if (Math.abs(b[0]) >= Math.abs(b[1])) {
    const r = b[1] / b[0];
    const den = b[0] + b[1] * r;
    return [(a[0] + a[1] * r) / den, (a[1] - a[0] * r) / den];
  }
  const r = b[0] / b[1];
  const den = b[0] * r + b[1];
  return [(a[0] * r + a[1]) / den, (a[1] * r - a[0]) / den];
}

/** p(z) and p'(z) by Horner, for coefficients in increasing order of power. */
function horner(coef: readonly number[], z: Complex): { p: Complex; dp: Complex } {
  const n = coef.length - 1;
  let p: Complex = [coef[n]!, 0];
  let dp: Complex = [0, 0];
  for (let k = n - 1; k >= 0; k--) {
    const pz = cmul(dp, z);
    dp = [pz[0] + p[0], pz[1] + p[1]];
    const qz = cmul(p, z);
    p = [qz[0] + coef[k]!, qz[1]];
  }
  return { p, dp };
}

/**
 * The roots of c[0] + c[1] z + … + c[n] z^n (c[n] != 0), as R's `polyroot(c)` gives them (in another order):
 * simultaneous Aberth-Ehrlich iterations from points on a circle, then Newton steps on each root. For the
 * low degrees of ARIMA polynomials (up to 5 or so) this is accurate to about 1e-14 relative.
 * @example
 * polyRoots([2, -3, 1]).map(([re]) => Math.round(re * 1e12) / 1e12).sort(); // => [1, 2]
 */
export function polyRoots(c: readonly number[]): Complex[] {
  let n = c.length - 1;
  while (n > 0 && c[n] === 0) n--;
  if (n <= 0) return [];
  const coef = c.slice(0, n + 1);
  if (n === 1) return [[-coef[0]! / coef[1]!, 0]];
  // Radius from the coefficients (Cauchy-like bound on the geometric mean of the roots).
  const radius = Math.abs(coef[0]! / coef[n]!) ** (1 / n) || 1;
  const z: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const angle = (2 * Math.PI * k) / n + 0.4;
    z.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  for (let iter = 0; iter < 500; iter++) {
    let moved = 0;
    for (let k = 0; k < n; k++) {
      const zk = z[k]!;
      const { p, dp } = horner(coef, zk);
      if (p[0] === 0 && p[1] === 0) continue;
      const w = cdiv(p, dp);
      let s: Complex = [0, 0];
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const inv = cdiv([1, 0], [zk[0] - z[j]![0], zk[1] - z[j]![1]]);
        s = [s[0] + inv[0], s[1] + inv[1]];
      }
      const ws = cmul(w, s);
      const step = cdiv(w, [1 - ws[0], -ws[1]]);
      if (!Number.isFinite(step[0]) || !Number.isFinite(step[1])) continue;
      z[k] = [zk[0] - step[0], zk[1] - step[1]];
      moved = Math.max(moved, Math.hypot(step[0], step[1]) / Math.max(Math.hypot(zk[0], zk[1]), 1e-300));
    }
    if (moved < 1e-15) break;
  }
  // Newton polish on the full polynomial.
  for (let k = 0; k < n; k++) {
    for (let it = 0; it < 3; it++) {
      const { p, dp } = horner(coef, z[k]!);
      if ((p[0] === 0 && p[1] === 0) || (dp[0] === 0 && dp[1] === 0)) break;
      const step = cdiv(p, dp);
      if (!Number.isFinite(step[0]) || !Number.isFinite(step[1])) break;
      z[k] = [z[k]![0] - step[0], z[k]![1] - step[1]];
    }
  }
  return z;
}

/** The smallest modulus among the roots of c[0] + c[1] z + …; Infinity when the polynomial is a constant. */
export function minRootModulus(c: readonly number[]): number {
  let m = Infinity;
  for (const [re, im] of polyRoots(c)) m = Math.min(m, Math.hypot(re, im));
  return m;
}
