import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backcast } from '../../src/growth/backcast.js';
import { compound } from '../../src/growth/compound.js';
import { thrown } from '../helpers/thrown.js';

describe('backcast', () => {
  // 13th plan (2016-2020): "exceed RMB 1 trillion by 2020 ... about 30 % a year": the implied 2015 base is
  // 1 / 1.3^5 = 1 / 3.71293 = 0.26932907... trillion (hand computation: 1.3^5 = 3.71293).
  it("backcast(1, 0.3, 5) is 1 / 1.3^5 ≈ 0.2693 trillion: the 13th plan's implied 2015 base", () => {
    expect(backcast(1, 0.3, 5)).toBeCloseTo(1 / 3.71293, 15);
    expect(backcast(1, 0.3, 5)).toBeCloseTo(0.2693, 4);
  });
  it('backcast(3.0517578125, 0.25, 5) is 1', () => {
    expect(backcast(3.0517578125, 0.25, 5)).toBe(1);
  });
  it('backcast(25, -0.5, 2) is 100', () => {
    expect(backcast(25, -0.5, 2)).toBe(100);
  });
  it('backcast(x, r, 0) is x', () => {
    expect(backcast(4.3, 0.157, 0)).toBe(4.3);
  });

  it('backcast(1, -1, 5) throws invalid_argument: rate must be > -1', () => {
    expect(thrown(() => backcast(1, -1, 5))).toMatchObject({ code: 'invalid_argument', details: { rate: -1 } });
  });
  it('backcast(1, 0.1, -1) throws invalid_argument: years must be >= 0, use compound', () => {
    const e = thrown(() => backcast(1, 0.1, -1)) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument', details: { years: -1 } });
    expect(e.message).toContain('use compound');
  });
  it('backcast(1, -0.9999999, 200) has no finite base: throws degenerate', () => {
    expect(thrown(() => backcast(1, -0.9999999, 200))).toMatchObject({ code: 'degenerate' });
  });
  it.each([
    [Number.NaN, 0.1, 1],
    [1, -Infinity, 1],
    [1, 0.1, Infinity],
  ])('backcast(%d, %d, %d) throws non_finite', (e, r, n) => {
    expect(thrown(() => backcast(e, r, n))).toMatchObject({ code: 'non_finite' });
  });

  it('compound(backcast(end, r, n), r, n) returns the target within 1e-14 relative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        (end, r, n) => {
          const back = compound(backcast(end, r, n), r, n);
          return Math.abs(back - end) <= 1e-14 * end;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
