import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound } from '../../src/growth/compound.js';
import { thrown } from '../helpers/thrown.js';

describe('compound', () => {
  it('compound(1, 0.25, 5) is 1.25^5 = 3.0517578125 (exact in binary)', () => {
    expect(compound(1, 0.25, 5)).toBe(3.0517578125);
  });
  it('compound(100, 0.1, 2) is 121', () => {
    expect(compound(100, 0.1, 2)).toBeCloseTo(121, 12);
  });
  it('compound(0.2693, 0.3, 5) is about 1: the 13th plan, 2015 base at 30 % a year to 2020', () => {
    expect(compound(1 / 1.3 ** 5, 0.3, 5)).toBeCloseTo(1, 14);
  });
  it('compound(x, r, 0) is x; compound(x, 0, n) is x', () => {
    expect(compound(7, 0.3, 0)).toBe(7);
    expect(compound(7, 0, 12)).toBe(7);
  });
  it('compound with a falling rate: compound(100, -0.5, 2) is 25', () => {
    expect(compound(100, -0.5, 2)).toBe(25);
  });
  it('compound with fractional years: compound(1, 0.21, 0.5) is 1.1', () => {
    expect(compound(1, 0.21, 0.5)).toBeCloseTo(1.1, 15);
  });
  it('compound of a zero or negative start scales the same way', () => {
    expect(compound(0, 0.25, 5)).toBe(0);
    expect(compound(-1, 0.25, 5)).toBe(-3.0517578125);
  });

  it.each([-1, -2])('compound(1, %d, 5) throws invalid_argument: rate must be > -1', (r) => {
    const e = thrown(() => compound(1, r, 5)) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument', details: { rate: r } });
    expect(e.message).toBe(`compound: rate must be > -1 (got ${r}). Rates are fractions: -0.05 is a 5% fall.`);
  });
  it('compound(1, 0.1, -1) throws invalid_argument: years must be >= 0, use backcast', () => {
    const e = thrown(() => compound(1, 0.1, -1)) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument', details: { years: -1 } });
    expect(e.message).toContain('use backcast');
  });
  it('compound(1, 25, 5) is refused: a percent passed as a fraction (did you mean 0.25?)', () => {
    const e = thrown(() => compound(1, 25, 5)) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toMatch(
      /^compound: rate must be a fraction at most 3 \(300% a year\) \(got 25\)\. Did you mean 0\.25\?/,
    );
  });
  it('compound(1, 3, 600) overflows: throws degenerate', () => {
    const e = thrown(() => compound(1, 3, 600)) as Error;
    expect(e).toMatchObject({ code: 'degenerate' });
    expect(e.message).toContain('(0.25, not 25)');
  });
  it.each([
    [Number.NaN, 0.1, 1],
    [1, Infinity, 1],
    [1, 0.1, Number.NaN],
  ])('compound(%d, %d, %d) throws non_finite', (s, r, n) => {
    expect(thrown(() => compound(s, r, n))).toMatchObject({ code: 'non_finite' });
  });

  it('compound(compound(s, r, a), r, b) is compound(s, r, a + b) within 1e-13 relative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 25 }),
        (s, r, a, b) => {
          const two = compound(compound(s, r, a), r, b);
          const one = compound(s, r, a + b);
          return Math.abs(two - one) <= 1e-13 * Math.abs(one);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('compound is linear in start: compound(k*s, r, n) = k * compound(s, r, n)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (s, r, n, k) => {
          const a = compound(k * s, r, n);
          const b = k * compound(s, r, n);
          return Math.abs(a - b) <= 1e-14 * Math.abs(b);
        },
      ),
    );
  });
});
