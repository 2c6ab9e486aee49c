import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanAsR, varianceAsR } from '../../src/internal/extendedPrecision.js';

// The same two passes in doubles, to show where R's extended-precision sums differ from them.
const meanInDoubles = (v: readonly number[]): number => {
  let s = 0;
  for (const a of v) s += a;
  s /= v.length;
  let t = 0;
  for (const a of v) t += a - s;
  return s + t / v.length;
};

describe('meanAsR and varianceAsR', () => {
  // R 4.2.2 on Debian 12 (x86-64): sprintf("%.17g", c(mean(x), var(x))).
  it("equal R's mean() and var() to the last bit where sums in doubles do not", () => {
    // Guerrero's ratios for M3 Y464 at lambda 1.1: R's var 54624.047998300819 (doubles: ...83), sd 233.71788121215891.
    const r = [
      312.45622117968503, 291.45300354096611, 10.208163749194572, 648.90283237426945, 498.89545878822321,
      18.084170932033587, 239.16273117957897,
    ];
    expect(varianceAsR(r)).toBe(54624.047998300819);
    expect(Math.sqrt(varianceAsR(r))).toBe(233.71788121215891);
    expect(meanAsR(r)).toBe(288.45179739199301);
    // Cancellation: the 64-bit sum keeps what a double sum loses.
    const x = [1e16, 1, -1e16, 3.3];
    expect(meanAsR(x)).toBe(1.0748535156249999);
    expect(meanInDoubles(x)).toBe(1.4437499999999999);
    expect(varianceAsR(x)).toBe(6.6666666666666667e31);
    const y = [0.1, 0.7, 1e-3, 12345.678, 2.5];
    expect(meanAsR(y)).toBe(2469.7957999999999);
    expect(varianceAsR(y)).toBe(30479078.890299201);
    expect(meanAsR([0.1, 0.2, 0.3])).toBe(0.2);
    expect(varianceAsR([1, 2, 3, 4])).toBe(5 / 3);
  });
  it('are exact on small integers and agree with the double formulas to 1e-12 on moderate values', () => {
    expect(meanAsR([3])).toBe(3);
    expect(varianceAsR([2, 4, 4, 4, 5, 5, 7, 9])).toBe(32 / 7);
    expect(varianceAsR([5, 5, 5])).toBe(0);
    // Values far apart in size (the exact sum needs more than 1024 bits) and beyond a double's range.
    expect(meanAsR([1e300, 1e-300])).toBe(5e299);
    expect(meanAsR([1e308, 1e308])).toBe(1e308);
    expect(varianceAsR([1e200, -1e200])).toBe(Infinity);
    expect(meanAsR([1, Infinity])).toBe(Infinity);
    expect(meanAsR([1, Number.NaN])).toBeNaN();
    expect(varianceAsR([1, Infinity])).toBeNaN();
    // Subnormal results keep fewer bits, rounded once, as R's cast from long double.
    expect(meanAsR([1e-310, 1e-310])).toBe(9.9999999999999694e-311);
    expect(meanAsR([5e-324, 0])).toBe(0);
    expect(meanAsR([5e-324, 5e-324, 5e-324])).toBe(4.9406564584124654e-324);
    expect(varianceAsR([1e-160, 3e-160])).toBe(1.999977734365366e-320);
    expect(meanAsR([3e-320, 1e-320])).toBe(1.999977734365366e-320);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 30 }), (v) => {
        const m = meanInDoubles(v);
        let ss = 0;
        for (const a of v) ss += (a - m) ** 2;
        const scale = Math.max(1, ...v.map(Math.abs));
        return (
          Math.abs(meanAsR(v) - m) <= 1e-12 * scale &&
          Math.abs(varianceAsR(v) - ss / (v.length - 1)) <= 1e-12 * scale * scale
        );
      }),
      { numRuns: 500 },
    );
  });
});
