import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound } from '../../src/growth/compound.js';
import { doublingTime } from '../../src/growth/doublingTime.js';
import { thrown } from '../helpers/thrown.js';

describe('doublingTime', () => {
  // ln 2 / ln 1.25 = 0.693147... / 0.223143... = 3.10628...
  it('doublingTime(0.25) is ln 2 / ln 1.25 ≈ 3.106 years', () => {
    expect(doublingTime(0.25)).toBeCloseTo(Math.log(2) / Math.log(1.25), 14);
    expect(doublingTime(0.25)).toBeCloseTo(3.106, 3);
  });
  it('doublingTime(1) is 1 and doublingTime(2^(1/10) - 1) is 10', () => {
    expect(doublingTime(1)).toBe(1);
    expect(doublingTime(2 ** 0.1 - 1)).toBeCloseTo(10, 12);
  });
  it('doublingTime(0.07) is about 70/7 = 10 (the rule of 70), exactly 10.245', () => {
    expect(doublingTime(0.07)).toBeCloseTo(10.245, 3);
  });
  it('doublingTime(1e-12) is finite and near ln 2 / 1e-12', () => {
    expect(doublingTime(1e-12)).toBeCloseTo(Math.LN2 / 1e-12, -1);
  });

  it.each([0, -0.5, -1])('doublingTime(%d) throws invalid_argument: never doubles', (r) => {
    const e = thrown(() => doublingTime(r)) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument', details: { rate: r } });
    expect(e.message).toContain('never doubles');
  });
  it('doublingTime(NaN) throws non_finite', () => {
    expect(thrown(() => doublingTime(Number.NaN))).toMatchObject({ code: 'non_finite' });
  });
  it('doublingTime(1e-320) throws degenerate instead of returning Infinity', () => {
    expect(thrown(() => doublingTime(1e-320))).toMatchObject({ code: 'degenerate' });
  });

  // compound rounds 1 + r once (half an ulp, 1.1e-16) and raises it to the power t: the error grows with t.
  it('compounding for doublingTime(r) years doubles the level (within 1e-15 per year)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 3, noNaN: true }), (r) => {
        const t = doublingTime(r);
        return Math.abs(compound(1, r, t) - 2) < 1e-15 * (10 + t);
      }),
      { numRuns: 1000 },
    );
  });
});
