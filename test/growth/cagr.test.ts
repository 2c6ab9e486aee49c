import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cagr } from '../../src/growth/cagr.js';
import { compound } from '../../src/growth/compound.js';
import { thrown } from '../helpers/thrown.js';

describe('cagr', () => {
  it('cagr(100, 200, 10) is 2^(1/10) - 1: doubling in ten years', () => {
    expect(cagr(100, 200, 10)).toBe(2 ** 0.1 - 1);
  });
  it('cagr(1, 1.25^5, 5) is 0.25 (1.25^5 = 3.0517578125 exactly)', () => {
    expect(cagr(1, 3.0517578125, 5)).toBeCloseTo(0.25, 15);
  });
  it('cagr(1, 3, 5) is 3^(1/5) - 1 ≈ 0.2457: the 14th plan, RMB 1 trillion (2020) to 3 trillion (2025)', () => {
    expect(cagr(1, 3, 5)).toBeCloseTo(3 ** 0.2 - 1, 15);
    expect(cagr(1, 3, 5)).toBeCloseTo(0.2457, 4);
  });
  // Microsoft's RRI documentation: "=RRI(96,10000,11000) ... 0.0009933"
  // https://support.microsoft.com/en-US/excel/functions/rri-function (RRI(nper, pv, fv) = cagr(pv, fv, nper)).
  it("cagr(10000, 11000, 96) is 0.0009933 as RRI(96, 10000, 11000) in Microsoft's documentation", () => {
    expect(cagr(10000, 11000, 96)).toBeCloseTo(0.0009933, 7);
  });
  it('cagr(100, 50, 1) is -0.5; cagr(1, 0, 5) is -1 (a level that vanishes)', () => {
    expect(cagr(100, 50, 1)).toBe(-0.5);
    expect(cagr(1, 0, 5)).toBe(-1);
  });
  it('cagr(5, 5, 3) is 0', () => {
    expect(cagr(5, 5, 3)).toBe(0);
  });
  it('cagr with fractional years: cagr(1, 1.21, 2) is cagr(1, 1.1, 1) and cagr(1, 1.1, 0.5) is 0.21', () => {
    expect(cagr(1, 1.21, 2)).toBeCloseTo(0.1, 15);
    expect(cagr(1, 1.1, 0.5)).toBeCloseTo(0.21, 15);
  });

  it.each([
    [0, 5, 3],
    [-1, 5, 3],
  ])('cagr(%d, %d, %d) throws invalid_argument: start must be > 0', (s, e, n) => {
    const err = thrown(() => cagr(s, e, n)) as Error;
    expect(err).toMatchObject({ name: 'MetricsError', code: 'invalid_argument', details: { start: s } });
    expect(err.message).toMatch(/^cagr: start must be > 0 \(got -?\d\)\. .+\.$/);
  });
  it('cagr(1, -1, 3) throws invalid_argument: end must be >= 0', () => {
    expect(thrown(() => cagr(1, -1, 3))).toMatchObject({ code: 'invalid_argument', details: { end: -1 } });
  });
  it.each([0, -1])('cagr(1, 2, %d) throws invalid_argument: years must be > 0', (n) => {
    const err = thrown(() => cagr(1, 2, n)) as Error;
    expect(err).toMatchObject({ code: 'invalid_argument', details: { years: n } });
    expect(err.message).toContain('Pass toYear - fromYear');
  });
  it.each([
    [Number.NaN, 1, 1],
    [1, Infinity, 1],
    [1, 2, -Infinity],
  ])('cagr(%d, %d, %d) throws non_finite', (s, e, n) => {
    expect(thrown(() => cagr(s, e, n))).toMatchObject({ code: 'non_finite' });
  });
  it('cagr("1", 2, 3) throws invalid_argument: must be a number', () => {
    expect(thrown(() => cagr('1' as unknown as number, 2, 3))).toMatchObject({ code: 'invalid_argument' });
  });
  it.each([
    [1e-300, 1e300, 1],
    [5e-324, 1, 1],
    [1, 2, 1e-320],
  ])('cagr(%d, %d, %d) overflows: throws degenerate, never Infinity', (s, e, n) => {
    expect(thrown(() => cagr(s, e, n))).toMatchObject({ code: 'degenerate' });
  });

  const start = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
  const rate = fc.double({ min: -0.9, max: 2, noNaN: true });
  const years = fc.integer({ min: 1, max: 50 });

  it('cagr(start, compound(start, rate, n), n) gives back rate within 1e-12', () => {
    fc.assert(
      fc.property(start, rate, years, (s, r, n) => Math.abs(cagr(s, compound(s, r, n), n) - r) < 1e-12),
      { numRuns: 1000 },
    );
  });
  it('cagr is scale invariant: cagr(k*a, k*b, n) = cagr(a, b, n)', () => {
    fc.assert(
      fc.property(start, start, years, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (a, b, n, k) => {
        const r = cagr(a, b, n);
        return Math.abs(cagr(k * a, k * b, n) - r) <= 1e-13 * (1 + Math.abs(r));
      }),
      { numRuns: 500 },
    );
  });
  // Levels within a factor 1000 of each other: a fall of 1 - 1e-7 a year makes 1 + rate cancel in
  // floating point (docs/core.md, "1 + rate cancels near -1"), so the property holds only to a looser bound.
  const level = fc.double({ min: 1, max: 1e3, noNaN: true });
  it('cagr over a whole span compounds the cagrs of its parts: (1+r)^n = (1+r1)^n1 (1+r2)^n2', () => {
    fc.assert(
      fc.property(level, level, level, years, years, (a, b, c, n1, n2) => {
        const whole = (1 + cagr(a, c, n1 + n2)) ** (n1 + n2);
        const parts = (1 + cagr(a, b, n1)) ** n1 * (1 + cagr(b, c, n2)) ** n2;
        return Math.abs(whole - parts) <= 1e-10 * whole;
      }),
      { numRuns: 500 },
    );
  });
  it('cagr is > 0 exactly when end > start', () => {
    fc.assert(
      fc.property(
        start,
        start,
        years,
        (a, b, n) => Math.sign(cagr(a, b, n)) === Math.sign(b - a) || (a !== b && cagr(a, b, n) === 0),
      ),
    );
  });
});
