import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contributions } from '../../src/decompose/contributions.js';
import { parseUnit } from '../../src/series/units.js';
import type { Panel } from '../../src/decompose/types.js';
import { thrown } from '../helpers/thrown.js';

const unit = parseUnit('CNY billion');

describe('contributions', () => {
  it('contributions of a 3-sector table match the hand computation', () => {
    // 2020: a 50, b 30, c 20 -> total 100.  2021: a 60, b 27, c 25 -> total 112 (growth 12 %).
    // contributions (points of the 2020 total): a +10/100 = 0.10, b -3/100 = -0.03, c +5/100 = 0.05; sum 0.12.
    // shares of growth: a 10/12, b -3/12 = -0.25, c 5/12.
    // 2022: a 66, b 27, c 19 -> total 112: growth 0, shares of growth undefined (null).
    const p: Panel = {
      unit,
      years: [2020, 2021, 2022],
      sectors: ['a', 'b', 'c'],
      values: [
        [50, 60, 66],
        [30, 27, 27],
        [20, 25, 19],
      ],
    };
    const r = contributions(p);
    expect(r.growth[0]).toBeCloseTo(0.12, 14);
    expect(r.contribution.map((row) => row[0])).toEqual([0.1, -0.03, 0.05]);
    expect(r.shareOfGrowth[0]?.[0]).toBeCloseTo(10 / 12, 14);
    expect(r.shareOfGrowth[1]?.[0]).toBe(-0.25);
    expect(r.growth[1]).toBe(0);
    expect(r.contribution.map((row) => row[1])).toEqual([6 / 112, 0, -6 / 112]);
    expect(r.shareOfGrowth.map((row) => row[1])).toEqual([null, null, null]);
    expect(r.rows.filter((x) => x.year === 2022 && x.measure === 'shareOfGrowth')).toEqual([]);
    expect(r.rows).toContainEqual({ sector: 'total', year: 2021, value: r.growth[0], measure: 'growth' });
  });
  it('contributions with a stated total carry the gap as (residual) so everything sums to the growth', () => {
    // total 100 -> 120 (20 %); a 40 -> 50 (+0.10), b 50 -> 55 (+0.05); residual 10 -> 15 (+0.05).
    const r = contributions({
      unit,
      years: [2020, 2021],
      sectors: ['a', 'b'],
      values: [
        [40, 50],
        [50, 55],
      ],
      total: [100, 120],
    });
    expect(r.growth).toEqual([0.2]);
    expect(r.contribution).toEqual([[0.1], [0.05]]);
    expect(r.residualContribution).toEqual([0.05]);
    expect(r.residualShareOfGrowth).toEqual([0.25]);
    expect(r.rows.some((x) => x.sector === '(residual)')).toBe(true);
  });
  it('contributions with a sparse year spans the gap without annualising', () => {
    const r = contributions({ unit, years: [2015, 2020], sectors: ['a'], values: [[1, 2]] });
    expect(r.fromYears).toEqual([2015]);
    expect(r.toYears).toEqual([2020]);
    expect(r.contribution).toEqual([[1]]);
  });
  it('contributions with one year, a zero base or a negative total throws invalid_argument', () => {
    expect(thrown(() => contributions({ unit, years: [2020], sectors: ['a'], values: [[1]] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(
      thrown(() =>
        contributions({
          unit,
          years: [2020, 2021],
          sectors: ['a', 'b'],
          values: [
            [0, 1],
            [0, 1],
          ],
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument', details: { year: 2020 } });
    expect(
      thrown(() => contributions({ unit, years: [2020, 2021], sectors: ['a'], values: [[1, 1]], total: [1, -1] })),
    ).toMatchObject({ code: 'invalid_argument', details: { year: 2021 } });
  });
  it('contributions always sum to the total growth rate (within 1e-12 of the terms, plus level rounding)', () => {
    const level = fc.double({ min: 0.01, max: 1e6, noNaN: true });
    const sectorPath = fc.array(level, { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(sectorPath, { minLength: 1, maxLength: 7 }),
        fc.boolean(),
        fc.double({ min: 0.8, max: 1.2, noNaN: true }),
        (rows, withTotal, k) => {
          const base: Panel = { unit, years: [2020, 2021, 2022], sectors: rows.map((_, i) => `s${i}`), values: rows };
          const total = [0, 1, 2].map((t) => rows.reduce((a, r) => a + (r[t] as number), 0) * k);
          const p: Panel = withTotal ? { ...base, total } : base;
          const r = contributions(p);
          return r.growth.every((g, t) => {
            const parts = [...r.contribution.map((row) => row[t] as number), r.residualContribution[t] as number];
            const sum = parts.reduce((a, v) => a + v, 0);
            // Differences of levels carry rounding of the levels themselves (eps x level / base total).
            const levels =
              rows.reduce((a, row) => a + Math.abs(row[t] as number) + Math.abs(row[t + 1] as number), 0) +
              (total[t] as number) +
              (total[t + 1] as number);
            const T0 = withTotal ? (total[t] as number) : rows.reduce((a, row) => a + (row[t] as number), 0);
            const roundingOfLevels = (4 * Number.EPSILON * levels) / T0;
            const tol = 1e-12 * Math.max(Math.abs(g), ...parts.map(Math.abs)) + roundingOfLevels;
            const sharesOfGrowth = [...r.shareOfGrowth.map((row) => row[t]), r.residualShareOfGrowth[t]];
            // Shares of growth sum to 1 whenever the total moved clearly (they are ill-conditioned near ΔT = 0).
            const sharesOk =
              Math.abs(g) < 1e-6 ||
              Math.abs(sharesOfGrowth.reduce((a: number, v) => a + (v as number), 0) - 1) <=
                roundingOfLevels / Math.abs(g) +
                  1e-12 * sharesOfGrowth.reduce((a: number, v) => a + Math.abs(v as number), 0);
            return Math.abs(sum - g) <= tol && sharesOk;
          });
        },
      ),
      { numRuns: 300 },
    );
  });
  it('a base-year total of a subnormal size: degenerate saying the contribution overflows, never Infinity', () => {
    const e = thrown(() =>
      contributions({ unit, years: [2020, 2021], sectors: ['a'], values: [[1e6, 2e6]], total: [5e-324, 1] }),
    );
    expect(e).toMatchObject({ code: 'degenerate', details: { sector: 'a', year: 2021, measure: 'contribution' } });
    expect((e as Error).message).toMatch(
      /^contributions: the contribution of "a" in 2021 overflows \(got Infinity\)\. /,
    );
  });
});
