import fc from 'fast-check';
import { all, type BigNumber, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { correctlyRoundedPow } from '../../src/internal/correctlyRoundedPow.js';

// x^y to 80 significant digits from the exact decimal values of the two doubles, rounded once to a double.
const big = create(all!, { precision: 80 });
const exact = (x: number, y: number): number =>
  Number((big.pow(big.bignumber(x.toPrecision(80)), big.bignumber(y.toPrecision(80))) as BigNumber).toPrecision(60));

describe('correctlyRoundedPow', () => {
  // R 4.2.2 on Debian 12 (glibc 2.36): sprintf("%.17g", x^y). Node's ** rounds each of these the other way
  // (12506.864936666228, 75309.86866358793, 1.4271390290692128, 0.0061806917245392, 8.843548123621712e-5,
  // 775040.1132375535).
  const R: readonly [number, number, number][] = [
    [6747, 1.07, 12506.864936666227],
    [9224.02, 1.23, 75309.868663587913],
    [1228.36, 0.05, 1.4271390290692125],
    [3654.63, -0.62, 0.0061806917245392006],
    [6140.44, -1.07, 8.8435481236217138e-5],
    [7947.21, 1.51, 775040.11323755339],
  ];
  for (const [x, y, want] of R) {
    it(`${x}^${y} is R's ${want}`, () => {
      expect(correctlyRoundedPow(x, y)).toBe(want);
    });
  }
  it("equals the exact power rounded once on 3,000 random pairs, where Node's ** misses some", () => {
    let ours = 0;
    let node = 0;
    const n = 3000;
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (lx, y) => {
          const x = Math.exp(lx);
          const want = exact(x, y);
          if (correctlyRoundedPow(x, y) === want) ours++;
          if (x ** y === want) node++;
        },
      ),
      { numRuns: n, seed: 14 },
    );
    expect(ours).toBe(n);
    expect(node).toBeLessThan(n);
  });
  it('is exact where the power is: integers, 2^k, y = 2 as x * x, y = 1/2 a square root', () => {
    expect(correctlyRoundedPow(3, 4)).toBe(81);
    expect(correctlyRoundedPow(2, -10)).toBe(1 / 1024);
    expect(correctlyRoundedPow(1.1, 2)).toBe(1.1 * 1.1);
    expect(correctlyRoundedPow(1e10, 0.5)).toBe(1e5);
    expect(correctlyRoundedPow(7, 0)).toBe(1);
    expect(correctlyRoundedPow(1, 123.4)).toBe(1);
  });
  it("gives **'s answer outside x > 0 and |y log x| < 700: zero, negative x, overflow, underflow, NaN", () => {
    expect(correctlyRoundedPow(0, 0.5)).toBe(0);
    expect(correctlyRoundedPow(-8, 1 / 3)).toBeNaN();
    expect(correctlyRoundedPow(-2, 3)).toBe(-8);
    expect(correctlyRoundedPow(10, 400)).toBe(Infinity);
    expect(correctlyRoundedPow(10, -400)).toBe(0);
    expect(correctlyRoundedPow(Number.NaN, 2)).toBeNaN();
    expect(correctlyRoundedPow(2, Number.NaN)).toBeNaN();
  });
});
