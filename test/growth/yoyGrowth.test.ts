import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound } from '../../src/growth/compound.js';
import { yoyGrowth } from '../../src/growth/yoyGrowth.js';
import { series } from '../../src/series/series.js';
import { thrown } from '../helpers/thrown.js';

const s = (years: number[], values: number[]) => series({ id: 'x', unit: 'CNY trillion', years, values });

describe('yoyGrowth', () => {
  it('yoyGrowth(100, 110, 121) is [0.1, 0.1] for 2021 and 2022', () => {
    const g = yoyGrowth(s([2020, 2021, 2022], [100, 110, 121]));
    expect(g.id).toBe('x:yoy');
    expect(g.unit).toEqual({ kind: 'fraction' });
    expect(g.years).toEqual([2021, 2022]);
    g.values.forEach((v) => expect(v).toBeCloseTo(0.1, 15));
  });
  it('yoyGrowth(4, 5, 2.5, 0) is [0.25, -0.5, -1]', () => {
    expect(yoyGrowth(s([2020, 2021, 2022, 2023], [4, 5, 2.5, 0])).values).toEqual([0.25, -0.5, -1]);
  });
  it('yoyGrowth returns a frozen series and leaves the input alone', () => {
    const input = s([2020, 2021], [1, 2]);
    const g = yoyGrowth(input);
    expect(Object.isFrozen(g) && Object.isFrozen(g.values)).toBe(true);
    expect(input.values).toEqual([1, 2]);
  });

  it('yoyGrowth of one point throws invalid_argument: needs at least 2 years', () => {
    const e = thrown(() => yoyGrowth(s([2020], [1]))) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toBe('yoyGrowth: series "x" needs at least 2 years (got 1).');
  });
  it('yoyGrowth of a sparse series throws missing_years naming 2021 and 2022', () => {
    const e = thrown(() => yoyGrowth(s([2020, 2023], [1, 2]))) as Error;
    expect(e).toMatchObject({ code: 'missing_years', details: { missing: [2021, 2022] } });
    expect(e.message).toMatch(/^yoyGrowth: series "x" has no values for 2021, 2022\./);
  });
  it.each([
    [0, 2],
    [-1, 2],
    [1, -2],
  ])('yoyGrowth(%d, %d) throws degenerate: growth needs positive levels', (a, b) => {
    expect(thrown(() => yoyGrowth(s([2020, 2021], [a, b])))).toMatchObject({
      code: 'degenerate',
      details: { year: 2021 },
    });
  });
  it('yoyGrowth(1e-300, 1e300) overflows: throws degenerate', () => {
    expect(thrown(() => yoyGrowth(s([2020, 2021], [1e-300, 1e300])))).toMatchObject({ code: 'degenerate' });
  });

  it('yoyGrowth of a constant-rate path gives that rate every year', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.integer({ min: 2, max: 20 }),
        (start, rate, n) => {
          const years = Array.from({ length: n }, (_, i) => 2000 + i);
          const g = yoyGrowth(
            s(
              years,
              years.map((_, i) => compound(start, rate, i)),
            ),
          );
          return g.values.every((v) => Math.abs(v - rate) < 1e-12);
        },
      ),
    );
  });
  // Levels within a factor 1000: a yoy near -1 (a fall to a millionth) makes 1 + yoy cancel in floating
  // point (docs/core.md, "1 + rate cancels near -1").
  it('the product of (1 + yoy) is last / first', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 15 }), (values) => {
        const g = yoyGrowth(
          s(
            values.map((_, i) => 2000 + i),
            values,
          ),
        );
        const product = g.values.reduce((p, r) => p * (1 + r), 1);
        const ratio = (values[values.length - 1] as number) / (values[0] as number);
        return Math.abs(product - ratio) <= 1e-12 * ratio;
      }),
    );
  });
});
