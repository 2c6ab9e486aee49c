import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, tCdf, tQuantile } from '../../src/forecast/internal/normalAndStudentT.js';

describe('normal and t quantiles', () => {
  it('normalQuantile(0.975) is R qnorm(0.975) = 1.959963984540054', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 13); // qnorm(0.9)
    expect(normalQuantile(0.5)).toBe(0);
  });
  it('tQuantile(0.975, 10) is R qt(0.975, 10) = 2.228138851986274', () => {
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 12);
    expect(tQuantile(0.975, 3)).toBeCloseTo(3.182446305284263, 11); // qt(0.975, 3)
  });
  it('tQuantile(p, 2) matches the closed form (2p - 1) / sqrt(2 p (1 - p))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.995])
      expect(tQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 11);
  });
  it('tQuantile(p, 1) matches the Cauchy quantile tan(pi (p - 1/2))', () => {
    for (const p of [0.75, 0.9, 0.975]) expect(tQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 10);
  });
  it('quantiles invert the CDFs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (p, df) =>
          Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-12 && Math.abs(tCdf(tQuantile(p, df), df) - p) < 1e-10,
      ),
    );
  });
});
