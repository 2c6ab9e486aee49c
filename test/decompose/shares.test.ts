import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shares } from '../../src/decompose/shares.js';
import { parseUnit } from '../../src/series/units.js';
import type { Panel } from '../../src/decompose/types.js';
import { thrown, relClose } from '../helpers/thrown.js';

const unit = parseUnit('CNY billion');

describe('shares', () => {
  it('shares of a stated total that the parts miss by 10 report a residual of 10 (10 %)', () => {
    // 2020: a 30, b 60, total 100 -> shares 0.3, 0.6; residual 100 - 90 = 10, 10 / 100 = 0.1.
    // 2021: a 40, b 60, total 100 -> shares 0.4, 0.6; residual 0.
    const r = shares({
      unit,
      years: [2020, 2021],
      sectors: ['a', 'b'],
      values: [
        [30, 40],
        [60, 60],
      ],
      total: [100, 100],
    });
    expect(r.share).toEqual([
      [0.3, 0.4],
      [0.6, 0.6],
    ]);
    expect(r.residual).toEqual([10, 0]);
    expect(r.residualShare).toEqual([0.1, 0]);
    expect(r.rows).toContainEqual({ sector: '(residual)', year: 2020, value: 10, measure: 'residual' });
    expect(r.rows).toContainEqual({ sector: 'a', year: 2021, value: 0.4, measure: 'share' });
  });
  it('shares without a total are of the sum of the sectors: 1 and 3 give 0.25 and 0.75', () => {
    const r = shares({ unit, years: [2020], sectors: ['a', 'b'], values: [[1], [3]] });
    expect(r.share).toEqual([[0.25], [0.75]]);
    expect(r.total).toEqual([4]);
    expect(r.residual).toEqual([0]);
  });
  it('shares with parts above the total give a negative residual (no renormalisation)', () => {
    const r = shares({ unit, years: [2025], sectors: ['a', 'b'], values: [[2], [1.5]], total: [3] });
    expect(r.residual[0]).toBeCloseTo(-0.5, 12);
    expect(r.share[0]?.[0]).toBeCloseTo(2 / 3, 12);
  });
  it('shares with a negative or zero total throws invalid_argument naming the year', () => {
    const e = thrown(() => shares({ unit, years: [2020, 2021], sectors: ['a'], values: [[1, 1]], total: [1, -2] }));
    expect(e).toMatchObject({ code: 'invalid_argument', details: { year: 2021, total: -2 } });
    expect(thrown(() => shares({ unit, years: [2020], sectors: ['a', 'b'], values: [[1], [-1]] }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('shares of a hand-built panel with a NaN or a short row throws', () => {
    expect(thrown(() => shares({ unit, years: [2020], sectors: ['a'], values: [[Number.NaN]] }))).toMatchObject({
      code: 'non_finite',
    });
    expect(thrown(() => shares({ unit, years: [2020, 2021], sectors: ['a'], values: [[1]] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => shares({ unit, years: [2021, 2020], sectors: ['a'], values: [[1, 1]] }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('a total of a subnormal size under a sector of a normal size: degenerate saying the share overflows, never Infinity', () => {
    const e = thrown(() => shares({ unit, years: [2020], sectors: ['a'], values: [[1e6]], total: [5e-324] }));
    expect(e).toMatchObject({ code: 'degenerate', details: { sector: 'a', year: 2020, measure: 'share' } });
    expect((e as Error).message).toBe(
      'shares: the share of "a" in 2020 overflows (got Infinity). Check that the total and the sectors are in one unit, or rescale the panel (e.g. to billions).',
    );
  });
  it('shares sum to 1 when the parts add up, and shares + residualShare = 1 always', () => {
    const level = fc.double({ min: 0.001, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(level, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (xs, k) => {
          const p: Panel = { unit, years: [2020], sectors: xs.map((_, i) => `s${i}`), values: xs.map((x) => [x]) };
          const sum = shares(p).share.reduce((a, r) => a + (r[0] as number), 0);
          const total = xs.reduce((a, v) => a + v, 0) * k;
          const r2 = shares({ ...p, total: [total] });
          const sum2 = r2.share.reduce((a, r) => a + (r[0] as number), 0) + (r2.residualShare[0] as number);
          return relClose(sum, 1, 1e-12) && relClose(sum2, 1, 1e-12);
        },
      ),
    );
  });
});
