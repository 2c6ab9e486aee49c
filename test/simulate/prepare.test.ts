import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextAbove } from '../../src/simulate/internal/prepare.js';
import { simulate } from '../../src/simulate/simulate.js';

describe('nextAbove (strict level checks as closed intervals)', () => {
  it('is the next double: above x, nothing in between, and x < y exactly when nextAbove(x) <= y', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, max: Number.MAX_VALUE }), fc.double({ noNaN: true }), (x, y) => {
        const up = nextAbove(x);
        expect(up).toBeGreaterThan(x);
        const mid = x / 2 + up / 2; // no overflow near the largest doubles
        expect(mid === x || mid === up).toBe(true);
        expect(x < y).toBe(up <= y);
      }),
    );
  });

  it('worked values: 1 + 2^-52 after 1, the smallest subnormal after 0 and -0, -1 + 2^-53 after -1; Infinity and NaN stay', () => {
    expect(nextAbove(1)).toBe(1 + 2 ** -52);
    expect(nextAbove(0)).toBe(Number.MIN_VALUE);
    expect(nextAbove(-0)).toBe(Number.MIN_VALUE);
    expect(nextAbove(-1)).toBe(-1 + 2 ** -53);
    expect(nextAbove(-Number.MIN_VALUE)).toBe(-0);
    expect(nextAbove(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextAbove(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextAbove(Infinity)).toBe(Infinity);
    expect(nextAbove(NaN)).toBeNaN();
  });

  it('a level exactly on the target: exceeds and below are not met, atLeast and atMost are, on one thread and on workers', async () => {
    // growth 0: every path stays at exactly 100.
    for (const workers of [1, 2]) {
      const r = await simulate({
        baseYear: 2020,
        baseValue: 100,
        toYear: 2021,
        growth: [0],
        volatility: 0,
        paths: 3000,
        seed: 1,
        workers,
        targets: (['exceeds', 'below', 'atLeast', 'atMost'] as const).map((comparator) => ({
          year: 2021,
          value: 100,
          comparator,
        })),
      });
      expect(r.targets.map((t) => t.probability)).toEqual([0, 0, 1, 1]);
    }
  });
});
