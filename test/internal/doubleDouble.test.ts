import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ddAdd, ddDiv, ddMul, twoProd } from '../../src/internal/doubleDouble.js';

const out = new Float64Array(2);

describe('double-double arithmetic', () => {
  it('twoProd is exact: (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60', () => {
    twoProd(1 + 2 ** -30, 1 + 2 ** -30, out);
    expect([out[0], out[1]]).toEqual([1 + 2 ** -29, 2 ** -60]);
  });
  it('ddAdd keeps what a double sum loses: 1 + 2^-60 + 2^-61, and (1, 2^-60) - 1 = 2^-60', () => {
    ddAdd(1, 2 ** -60, 2 ** -61, 0, out);
    expect([out[0], out[1]]).toEqual([1, 2 ** -60 + 2 ** -61]);
    ddAdd(1, 2 ** -60, -1, 0, out);
    expect([out[0], out[1]]).toEqual([2 ** -60, 0]);
  });
  it('ddMul of (1 + 2^-60)(1 - 2^-60) = 1 - 2^-120, to 2^-104 of it', () => {
    ddMul(1, 2 ** -60, 1, -(2 ** -60), out);
    expect(out[0]).toBe(1);
    expect(Math.abs(out[1]!)).toBeLessThan(2 ** -104);
  });
  it('ddDiv: 1 / 3 to about 2^-104, the quotient times the divisor gives the dividend back', () => {
    ddDiv(1, 0, 3, 0, out);
    expect(out[0]).toBe(1 / 3);
    ddMul(out[0]!, out[1]!, 3, 0, out);
    expect(Math.abs(out[0]! - 1 + out[1]!)).toBeLessThan(2 ** -100);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (a, b) => {
          ddDiv(a, 0, b, 0, out);
          ddMul(out[0]!, out[1]!, b, 0, out);
          return Math.abs(out[0]! - a + out[1]!) <= 2 ** -100 * a;
        },
      ),
    );
  });
});
