/**
 * `ln(a / b)` for a, b > 0, accurate both when a and b are close (`log1p((a - b) / b)`) and when they
 * are far apart (`log(a / b)`, where `1 + (a - b)/b` would lose digits).
 */
export function logRatio(a: number, b: number): number {
  const r = (a - b) / b;
  return Math.abs(r) < 0.5 ? Math.log1p(r) : Math.log(a / b);
}

/** Logarithmic mean `L(a, b) = (a - b) / ln(a / b)`, with `L(a, a) = a`; a, b > 0. */
export function logMean(a: number, b: number): number {
  const d = a - b;
  if (d === 0) return b;
  const l = logRatio(a, b);
  return l === 0 ? b : d / l;
}

/** `expm1(x) / x`, with the limit 1 at x = 0: turns a log growth into a simple growth ratio. */
export function expm1OverX(x: number): number {
  return x === 0 ? 1 : Math.expm1(x) / x;
}

/** `log1p(x) / x`, with the limit 1 at x = 0. */
export function log1pOverX(x: number): number {
  return x === 0 ? 1 : Math.log1p(x) / x;
}
