/**
 * Standard normal CDF from the Taylor series of erf, exact to about 1e-15 for |z| < 3:
 * Φ(z) = 1/2 + 1/√(2π) Σ (-1)^n z^(2n+1) / (2^n n! (2n+1)).
 */
export function normalCdf(z: number): number {
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / (2 * n);
    sum += term / (2 * n + 1);
  }
  return 0.5 + sum / Math.sqrt(2 * Math.PI);
}

/**
 * P(level in year n > target) when log growth is ln(1 + rate) + N(0, volatility²) iid each year: the level
 * is lognormal, so P = 1 - Φ((ln(target / base) - n ln(1 + rate)) / (volatility √n)).
 */
export function lognormalExceedance(
  base: number,
  rate: number,
  volatility: number,
  years: number,
  target: number,
): number {
  return 1 - normalCdf((Math.log(target / base) - years * Math.log1p(rate)) / (volatility * Math.sqrt(years)));
}

/** The 14th plan's case: base 1, 25 % a year, 5 points of volatility, 5 years, more than 3 trillion. */
export const BIG_DATA_2025_EXCEEDANCE = lognormalExceedance(1, 0.25, 0.05, 5, 3);
