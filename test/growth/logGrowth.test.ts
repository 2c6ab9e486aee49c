import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGrowth } from '../../src/growth/logGrowth.js';
import { series } from '../../src/series/series.js';
import { thrown } from '../helpers/thrown.js';

const s = (years: number[], values: number[]) => series({ id: 'x', unit: 'count', years, values });

describe('logGrowth', () => {
  it('logGrowth(1, e, e^3) is [1, 2]', () => {
    const g = logGrowth(s([2020, 2021, 2022], [1, Math.E, Math.E ** 3]));
    expect(g.id).toBe('x:log');
    expect(g.unit).toEqual({ kind: 'fraction' });
    expect(g.years).toEqual([2021, 2022]);
    expect(g.values[0]).toBe(1);
    expect(g.values[1]).toBeCloseTo(2, 15);
  });
  it('logGrowth(100, 110) is ln 1.1 ≈ 0.0953, less than the yoy 0.1', () => {
    expect(logGrowth(s([2020, 2021], [100, 110])).values[0]).toBeCloseTo(Math.log(1.1), 15);
  });
  it('logGrowth(2, 1) is -ln 2', () => {
    expect(logGrowth(s([2020, 2021], [2, 1])).values[0]).toBe(-Math.LN2);
  });

  it('logGrowth to a zero level throws degenerate: no finite growth', () => {
    const e = thrown(() => logGrowth(s([2020, 2021], [1, 0]))) as Error;
    expect(e).toMatchObject({ code: 'degenerate', details: { year: 2021 } });
    expect(e.message).toContain('logGrowth: series "x" has no finite growth in 2021');
  });
  it('logGrowth from zero throws degenerate; sparse throws missing_years; one point throws invalid_argument', () => {
    expect(thrown(() => logGrowth(s([2020, 2021], [0, 1])))).toMatchObject({ code: 'degenerate' });
    expect(thrown(() => logGrowth(s([2020, 2022], [1, 2])))).toMatchObject({ code: 'missing_years' });
    expect(thrown(() => logGrowth(s([2020], [1])))).toMatchObject({ code: 'invalid_argument' });
  });

  it('the sum of log growth is ln(last / first)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 15 }),
        (values) => {
          const g = logGrowth(
            s(
              values.map((_, i) => 2000 + i),
              values,
            ),
          );
          const sum = g.values.reduce((a, b) => a + b, 0);
          const expected = Math.log((values[values.length - 1] as number) / (values[0] as number));
          return Math.abs(sum - expected) <= 1e-12 * (1 + Math.abs(expected));
        },
      ),
    );
  });
});
