import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctlyRoundedLog } from '../../src/internal/correctlyRoundedLog.js';

describe('correctlyRoundedLog', () => {
  // R 4.2.2 on Debian 12 (glibc 2.36): sprintf("%.17g", log(x)). Node's Math.log rounds each of these
  // five the other way (0.31017326284199953, 0.34441337455064047, 0.5551186529919505, -0.6270943023264408,
  // 0.24948220234364266).
  const R: readonly [number, number][] = [
    [1.3636613655085073, 0.31017326284199948],
    [1.4111618533526769, 0.34441337455064053],
    [1.7421476835461915, 0.55511865299195062],
    [0.534141602300622, -0.62709430232644092],
    [1.2833607234394315, 0.24948220234364263],
    [1e-310, -713.80137882815416],
    [1.7976931348623157e308, 709.78271289338397],
  ];
  for (const [x, want] of R) {
    it(`correctlyRoundedLog(${x}) is R's log, ${want}`, () => {
      expect(correctlyRoundedLog(x)).toBe(want);
    });
  }
  it('correctlyRoundedLog is exact at 1, 2^k and e, and tiny next to 1', () => {
    expect(correctlyRoundedLog(1)).toBe(0);
    expect(correctlyRoundedLog(2)).toBe(Math.LN2);
    expect(correctlyRoundedLog(0.25)).toBe(-2 * Math.LN2);
    expect(correctlyRoundedLog(Math.E)).toBe(1);
    expect(correctlyRoundedLog(1 + 2 ** -52)).toBe(2.2204460492503128e-16);
    expect(correctlyRoundedLog(1 - 2 ** -53)).toBe(-1.1102230246251565e-16);
  });
  it('correctlyRoundedLog gives NaN, -Infinity and Infinity where Math.log does', () => {
    expect(correctlyRoundedLog(-1)).toBeNaN();
    expect(correctlyRoundedLog(Number.NaN)).toBeNaN();
    expect(correctlyRoundedLog(0)).toBe(-Infinity);
    expect(correctlyRoundedLog(Infinity)).toBe(Infinity);
  });
  it('correctlyRoundedLog is within one unit in the last place of Math.log, and exp undoes it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        const a = correctlyRoundedLog(x);
        const b = Math.log(x);
        return Math.abs(a - b) <= 2.3e-16 * Math.abs(b) && Math.abs(Math.exp(a) / x - 1) < 1e-12;
      }),
      { numRuns: 2000 },
    );
  });
});
