import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cagr } from '../../src/growth/cagr.js';
import { interpolate } from '../../src/series/interpolate.js';
import type { Provenance } from '../../src/series/provenance.js';
import { series, type Series } from '../../src/series/series.js';
import { relClose, thrown } from '../helpers/thrown.js';

const source: Provenance = { document: 'D', publisher: 'P', section: 'S', quote: 'q' };

describe('interpolate', () => {
  it('geometric: 100 in 2020 and 121 in 2022 give 110 in 2021 (100 * 1.21^(1/2))', () => {
    const s = interpolate(series({ id: 'x', unit: 'count', years: [2020, 2022], values: [100, 121] }));
    expect(s.years).toEqual([2020, 2021, 2022]);
    expect(s.values[0]).toBe(100);
    expect(s.values[1]).toBeCloseTo(110, 10);
    expect(s.values[2]).toBe(121);
  });

  it('geometric: 1 in 2020 and 1.25^5 in 2025 give 1.25^k in between (25 % a year)', () => {
    const s = interpolate(series({ id: 'bd', unit: 'CNY trillion', years: [2020, 2025], values: [1, 3.0517578125] }));
    expect(s.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    [1, 1.25, 1.5625, 1.953125, 2.44140625, 3.0517578125].forEach((v, k) => expect(s.values[k]).toBeCloseTo(v, 12));
  });

  it('linear: 0 in 2015 and 3 in 2018 give 1 and 2', () => {
    const s = interpolate(series({ id: 'x', unit: 'count', years: [2015, 2018], values: [0, 3] }), 'linear');
    expect(s.values).toEqual([0, 1, 2, 3]);
  });

  it('linear: 100 and 121 give 110.5 in the middle', () => {
    expect(
      interpolate(series({ id: 'x', unit: 'count', years: [2020, 2022], values: [100, 121] }), 'linear').values,
    ).toEqual([100, 110.5, 121]);
  });

  it('several gaps are each filled between their own neighbours', () => {
    const s = interpolate(
      series({ id: 'x', unit: 'count', years: [2010, 2012, 2013, 2016], values: [1, 4, 5, 8] }),
      'linear',
    );
    expect(s.years).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016]);
    expect(s.values).toEqual([1, 2.5, 4, 5, 6, 7, 8]);
  });

  it('an annual series, a single point and an empty series come back equal', () => {
    const annual = series({ id: 'x', unit: 'count', years: [2020, 2021], values: [1, 2] });
    expect(interpolate(annual)).toEqual(annual);
    expect(interpolate(series({ id: 'x', unit: 'count', years: [2020], values: [3] })).values).toEqual([3]);
    expect(interpolate(series({ id: 'x', unit: 'count', years: [], values: [] })).values).toEqual([]);
  });

  it('geometric accepts a zero next to a known neighbour when nothing is filled between them', () => {
    expect(interpolate(series({ id: 'x', unit: 'count', years: [2015, 2016], values: [0, 2] })).values).toEqual([0, 2]);
  });

  it('filled points have no provenance; known points keep theirs', () => {
    const s = interpolate(
      series({
        id: 'x',
        unit: 'count',
        points: [
          { year: 2020, value: 1, provenance: source },
          { year: 2022, value: 4 },
        ],
      }),
    );
    expect(s.provenance).toEqual([source, undefined, undefined]);
    expect(
      interpolate(series({ id: 'x', unit: 'count', years: [2020, 2022], values: [1, 4] })).provenance,
    ).toBeUndefined();
  });

  it('the result is a frozen series with the same id and unit; the input is unchanged', () => {
    const input = series({ id: 'x', unit: 'CNY 亿', years: [2020, 2022], values: [1, 4] });
    const s = interpolate(input);
    expect(Object.isFrozen(s) && Object.isFrozen(s.values)).toBe(true);
    expect(s.id).toBe('x');
    expect(s.unit).toEqual(input.unit);
    expect(input.years).toEqual([2020, 2022]);
  });

  it('ends whose ratio or difference overflows still give finite midpoints', () => {
    expect(
      interpolate(series({ id: 'x', unit: 'count', years: [2015, 2017], values: [1e-300, 1e300] })).values[1],
    ).toBeCloseTo(1, 10);
    expect(
      interpolate(series({ id: 'x', unit: 'count', years: [2015, 2017], values: [-1.5e308, 1.5e308] }), 'linear')
        .values[1],
    ).toBe(0);
  });

  it('geometric across a zero or negative value throws degenerate suggesting linear', () => {
    for (const values of [
      [0, 2],
      [-1, 2],
      [1, -2],
      [2, 0],
    ]) {
      const e = thrown(() => interpolate(series({ id: 'x', unit: 'count', years: [2015, 2018], values }))) as Error;
      expect(e).toMatchObject({ code: 'degenerate', details: { from: 2015, to: 2018 } });
      expect(e.message).toContain('Use method "linear"');
    }
  });

  it('an unknown method throws invalid_argument', () => {
    const e = thrown(() =>
      interpolate(series({ id: 'x', unit: 'count', years: [2015, 2018], values: [1, 2] }), 'cubic' as 'linear'),
    ) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toBe('interpolate: method must be one of "linear", "geometric" (got "cubic").');
  });

  it('a span of more than 100 000 years throws too_large before filling', () => {
    expect(
      thrown(() => interpolate(series({ id: 'x', unit: 'count', years: [-100_000, 100_000], values: [1, 2] }))),
    ).toMatchObject({ code: 'too_large' });
  });

  const sparse = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), {
      minLength: 2,
      maxLength: 6,
    })
    .map((steps): Series => {
      let year = 2000;
      const years: number[] = [];
      const values: number[] = [];
      for (const [gap, v] of steps) {
        year += gap;
        years.push(year);
        values.push(v);
      }
      return series({ id: 'p', unit: 'count', years, values });
    });

  it('geometric interpolation keeps the CAGR between known points: every filled year grows at that rate', () => {
    fc.assert(
      fc.property(sparse, (s) => {
        const filled = interpolate(s);
        for (let i = 1; i < s.years.length; i++) {
          const y0 = s.years[i - 1] as number;
          const y1 = s.years[i] as number;
          const rate = cagr(s.values[i - 1] as number, s.values[i] as number, y1 - y0);
          for (let y = y0 + 1; y <= y1; y++) {
            const k = filled.years.indexOf(y);
            const yoy = (filled.values[k] as number) / (filled.values[k - 1] as number) - 1;
            if (Math.abs(yoy - rate) > 1e-12 * (1 + Math.abs(rate))) return false;
          }
        }
        return true;
      }),
    );
  });

  it('interpolation keeps the known points exactly and fills every year', () => {
    fc.assert(
      fc.property(sparse, fc.constantFrom('linear', 'geometric' as const), (s, method) => {
        const filled = interpolate(s, method);
        const first = s.years[0] as number;
        return (
          filled.years.every((y, k) => y === first + k) &&
          s.years.every((y, i) => filled.values[filled.years.indexOf(y)] === s.values[i])
        );
      }),
    );
  });

  it('linear interpolation lies between its neighbours', () => {
    fc.assert(
      fc.property(sparse, (s) => {
        const filled = interpolate(s, 'linear');
        for (let i = 1; i < s.years.length; i++) {
          const lo = Math.min(s.values[i - 1] as number, s.values[i] as number);
          const hi = Math.max(s.values[i - 1] as number, s.values[i] as number);
          for (let y = (s.years[i - 1] as number) + 1; y < (s.years[i] as number); y++) {
            const v = filled.values[filled.years.indexOf(y)] as number;
            if (!(v >= lo * (1 - 1e-15) && v <= hi * (1 + 1e-15))) return false;
          }
        }
        return relClose(filled.values[0] as number, s.values[0] as number, 0);
      }),
    );
  });
});
