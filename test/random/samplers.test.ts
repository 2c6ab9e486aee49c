import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fillNormal, fillStudentTScale, fillUniform, nextGamma } from '../../src/random/samplers.js';
import { streamState } from '../../src/random/streamState.js';
import { rng } from '../../src/random/rng.js';
import { normalCdf } from '../simulate/normalCdf.js';

const N = 4_000_000;
const draws = (() => {
  const out = new Float64Array(N);
  fillNormal(streamState(2026, 0), out, 0, N);
  return out;
})();

/** P(X <= x) estimated from the sample, and its binomial standard error. */
function share(xs: Float64Array, pred: (x: number) => boolean): number {
  let c = 0;
  for (const x of xs) if (pred(x)) c++;
  return c / xs.length;
}
const within = (est: number, p: number, n: number, k = 4): boolean =>
  Math.abs(est - p) <= k * Math.sqrt((p * (1 - p)) / n);

describe('fillNormal (ziggurat)', () => {
  it('has mean 0, variance 1, skewness 0 and kurtosis 3 within 4 standard errors', () => {
    let m1 = 0;
    for (const x of draws) m1 += x;
    m1 /= N;
    let m2 = 0,
      m3 = 0,
      m4 = 0;
    for (const x of draws) {
      const d = x - m1;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= N;
    m3 /= N;
    m4 /= N;
    // Standard errors under normality: mean 1/sqrt(n), variance sqrt(2/n), skewness sqrt(6/n), kurtosis sqrt(24/n).
    expect(Math.abs(m1)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(m2 - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    expect(Math.abs(m3 / m2 ** 1.5)).toBeLessThan(4 * Math.sqrt(6 / N));
    expect(Math.abs(m4 / m2 ** 2 - 3)).toBeLessThan(4 * Math.sqrt(24 / N));
  });

  it('matches the normal CDF at -3, -2, -1, 0, 0.5, 1.5 (R pnorm values)', () => {
    // pnorm(-3) = 0.00134989803163, pnorm(-2) = 0.0227501319482, pnorm(-1) = 0.158655253931,
    // pnorm(0.5) = 0.691462461274, pnorm(1.5) = 0.933192798731
    for (const z of [-3, -2, -1, 0, 0.5, 1.5]) {
      expect(
        within(
          share(draws, (x) => x <= z),
          normalCdf(z),
          N,
        ),
      ).toBe(true);
    }
  });

  it('reproduces the tails beyond the base strip r = 3.654 and beyond 4 (tail algorithm)', () => {
    const r = 3.6541528853610088;
    expect(
      within(
        share(draws, (x) => x > r),
        normalCdf(-r),
        N,
      ),
    ).toBe(true);
    expect(
      within(
        share(draws, (x) => x < -r),
        normalCdf(-r),
        N,
      ),
    ).toBe(true);
    // P(|Z| > 4) = 2 pnorm(-4) = 6.334248e-05: about 253 of 4 million draws.
    expect(
      within(
        share(draws, (x) => Math.abs(x) > 4),
        2 * normalCdf(-4),
        N,
      ),
    ).toBe(true);
    expect(share(draws, (x) => Math.abs(x) > 4.5)).toBeGreaterThan(0);
  });

  it('fills 256 equiprobable bins evenly (chi-square, 255 df): no layer or bit pattern over- or under-drawn', () => {
    // Bin edges at the normal's j/256 quantiles (bisection on normalCdf). Under the normal, the statistic is
    // chi-square with 255 df: mean 255, sd sqrt(510) = 22.6; its 1e-5 and 1 - 1e-5 quantiles are 169.9 and
    // 363.0 (R qchisq(c(1e-5, 1 - 1e-5), 255)).
    const B = 256;
    const edges = Array.from({ length: B - 1 }, (_, j) => {
      let lo = -10,
        hi = 10;
      for (let k = 0; k < 80; k++) {
        const mid = (lo + hi) / 2;
        if (normalCdf(mid) < (j + 1) / B) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    });
    const counts = new Array<number>(B).fill(0);
    for (const x of draws) {
      let a = 0,
        b = B - 1; // first edge above x
      while (a < b) {
        const m = (a + b) >> 1;
        if (x < edges[m]!) b = m;
        else a = m + 1;
      }
      counts[a]!++;
    }
    const e = N / B;
    const chi2 = counts.reduce((acc, c) => acc + (c - e) ** 2 / e, 0);
    expect(chi2).toBeGreaterThan(169.9); // a too-even fill would be as suspicious as an uneven one
    expect(chi2).toBeLessThan(363);
  });

  it('is symmetric: as many draws above 1 as below -1, within 4 standard errors', () => {
    const p = normalCdf(-1);
    const up = share(draws, (x) => x > 1),
      down = share(draws, (x) => x < -1);
    expect(Math.abs(up - down)).toBeLessThan(4 * Math.sqrt((2 * p) / N));
  });

  it('successive draws are uncorrelated (lag-1 correlation within 4 / sqrt(n))', () => {
    let s = 0;
    for (let i = 1; i < N; i++) s += draws[i]! * draws[i - 1]!;
    expect(Math.abs(s / (N - 1))).toBeLessThan(4 / Math.sqrt(N));
  });

  it('same state, same numbers; filling in pieces equals filling at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 300 }), (seed, cut) => {
        const a = new Float64Array(600),
          b = new Float64Array(600);
        fillNormal(streamState(seed, 3), a, 0, 600);
        const s = streamState(seed, 3);
        fillNormal(s, b, 0, cut);
        fillNormal(s, b, cut, 600);
        return a.every((x, i) => x === b[i]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('fillUniform', () => {
  it('is uniform on [0, 1): mean 1/2, variance 1/12, all in range', () => {
    const n = 1_000_000;
    const u = new Float64Array(n);
    fillUniform(streamState(9, 9), u, 0, n);
    let m = 0,
      v = 0,
      outside = 0;
    for (const x of u) {
      if (!(x >= 0 && x < 1)) outside++;
      m += x;
    }
    expect(outside).toBe(0);
    m /= n;
    for (const x of u) v += (x - m) ** 2;
    v /= n;
    expect(Math.abs(m - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Var of (U - 1/2)^2 is 1/80 - 1/144.
    expect(Math.abs(v - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });
});

describe('nextGamma and fillStudentTScale', () => {
  it('nextGamma(shape 2.5) has mean 2.5 and variance 2.5 (Gamma(k, 1): mean = variance = k)', () => {
    const s = streamState(5, 0);
    const n = 200_000;
    let m = 0,
      m2 = 0;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = nextGamma(s, 2.5);
      m += xs[i]!;
    }
    m /= n;
    for (const x of xs) m2 += (x - m) ** 2;
    m2 /= n - 1;
    expect(Math.abs(m - 2.5)).toBeLessThan(4 * Math.sqrt(2.5 / n));
    // Var of the sample variance: (mu4 - sigma^4) / n, mu4 = 3k^2 + 6k for Gamma(k, 1).
    expect(Math.abs(m2 - 2.5)).toBeLessThan(4 * Math.sqrt((3 * 2.5 ** 2 + 6 * 2.5 - 2.5 ** 2) / n));
  });

  it('normal x scale is a unit-variance Student t: variance 1, kurtosis 3 + 6 / (nu - 4) for nu = 10', () => {
    const nu = 10,
      n = 400_000;
    const s = streamState(11, 0);
    const z = new Float64Array(n),
      k = new Float64Array(n);
    fillNormal(s, z, 0, n);
    fillStudentTScale(s, k, 0, n, nu);
    let m2 = 0,
      m4 = 0;
    for (let i = 0; i < n; i++) {
      const x = z[i]! * k[i]!;
      m2 += x * x;
      m4 += x ** 4;
    }
    m2 /= n;
    m4 /= n;
    const kurt = 3 + 6 / (nu - 4); // 4
    expect(Math.abs(m2 - 1)).toBeLessThan(4 * Math.sqrt((kurt - 1) / n));
    expect(m4 / m2 ** 2).toBeGreaterThan(3.6); // clearly heavier tails than a normal's 3
    expect(m4 / m2 ** 2).toBeLessThan(4.6);
  });
});

describe('rng', () => {
  it('rng(seed).fillNormal is deterministic and differs between streams', () => {
    const a = rng(1, 0).fillNormal(new Float64Array(8));
    const b = rng(1, 0).fillNormal(new Float64Array(8));
    const c = rng(1, 1).fillNormal(new Float64Array(8));
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('rng(-1) throws invalid_argument', () => {
    expect(() => rng(-1)).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});
