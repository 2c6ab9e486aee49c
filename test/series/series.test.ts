import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricsError } from '../../src/errors.js';
import type { Provenance } from '../../src/series/provenance.js';
import {
  asSeries,
  assertAnnual,
  series,
  fitPrefix,
  type Series,
  toTidy,
  valueAt,
  type SeriesInput,
} from '../../src/series/series.js';
import { thrown } from '../helpers/thrown.js';

const plan13: Provenance = {
  document: 'Development Plan for the Big Data Industry (2016-2020)',
  publisher: 'MIIT',
  section: 'III. Development Goals',
  quote: 'a test quote',
};

describe('series', () => {
  it('series({ years: [2020, 2025], values: [1, 3] }) keeps id, unit, years and values', () => {
    const s = series({ id: 'big-data', unit: 'CNY trillion', years: [2020, 2025], values: [1, 3] });
    expect(s).toEqual({
      id: 'big-data',
      unit: { kind: 'money', currency: 'CNY', scale: 'trillion' },
      years: [2020, 2025],
      values: [1, 3],
    });
    expect('provenance' in s).toBe(false);
  });

  it('series accepts a Unit object and an empty series', () => {
    const s = series({ id: 'e', unit: { kind: 'count', scale: 'one' }, years: [], values: [] });
    expect(s.years).toEqual([]);
    expect(s.unit).toEqual({ kind: 'count', scale: 'one' });
  });

  it('series from points gives the same series as parallel arrays', () => {
    const a = series({
      id: 'x',
      unit: 'count',
      points: [
        { year: 2015, value: 2 },
        { year: 2018, value: 5 },
      ],
    });
    const b = series({ id: 'x', unit: 'count', years: [2015, 2018], values: [2, 5] });
    expect(a).toEqual(b);
  });

  it('series from points keeps provenance per point, undefined where a point has none', () => {
    const s = series({
      id: 'x',
      unit: 'CNY trillion',
      points: [
        { year: 2015, value: 0.28 },
        { year: 2020, value: 1, provenance: plan13 },
      ],
    });
    expect(s.provenance).toEqual([undefined, plan13]);
  });

  it('series with provenance arrays keeps them', () => {
    const s = series({ id: 'x', unit: 'count', years: [2020], values: [1], provenance: [plan13] });
    expect(s.provenance).toEqual([plan13]);
  });

  it('series output and its arrays are frozen', () => {
    const s = series({ id: 'x', unit: 'count', years: [2020, 2021], values: [1, 2], provenance: [plan13, undefined] });
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.years)).toBe(true);
    expect(Object.isFrozen(s.values)).toBe(true);
    expect(Object.isFrozen(s.provenance)).toBe(true);
    expect(Object.isFrozen(s.unit)).toBe(true);
    expect(() => {
      (s.values as number[])[0] = 99;
    }).toThrow(TypeError);
  });

  it('series copies its input: changing the input arrays afterwards does not change the series', () => {
    const years = [2020, 2021];
    const values = [1, 2];
    const provenance: (Provenance | undefined)[] = [plan13, undefined];
    const unit = { kind: 'money', currency: 'CNY', scale: 'yi' } as {
      kind: 'money';
      currency: 'CNY';
      scale: 'yi' | 'one';
    };
    const s = series({ id: 'x', unit, years, values, provenance });
    years[0] = 1999;
    values[1] = 42;
    values.push(3);
    provenance[1] = plan13;
    unit.scale = 'one';
    expect(s.years).toEqual([2020, 2021]);
    expect(s.values).toEqual([1, 2]);
    expect(s.provenance).toEqual([plan13, undefined]);
    expect(s.unit).toEqual({ kind: 'money', currency: 'CNY', scale: 'yi' });
  });

  it('series does not freeze or change its input', () => {
    const input = { id: 'x', unit: 'count', years: [2020, 2021], values: [1, 2] };
    series(input);
    expect(Object.isFrozen(input.years)).toBe(false);
    expect(input).toEqual({ id: 'x', unit: 'count', years: [2020, 2021], values: [1, 2] });
  });

  describe('errors', () => {
    const base = { id: 'x', unit: 'count' };
    it('unsorted years throw invalid_argument naming the year', () => {
      const e = thrown(() => series({ ...base, years: [2021, 2020], values: [1, 2] })) as Error;
      expect(e).toMatchObject({ code: 'invalid_argument', details: { index: 1, year: 2020 } });
      expect(e.message).toBe(
        'series(x): year 2020 comes after a later year. Years must be strictly increasing; sort them and remove duplicates.',
      );
    });
    it('duplicate years throw invalid_argument: appears twice', () => {
      const e = thrown(() => series({ ...base, years: [2020, 2020], values: [1, 2] })) as Error;
      expect(e).toMatchObject({ code: 'invalid_argument', details: { year: 2020 } });
      expect(e.message).toContain('year 2020 appears twice');
    });
    it.each([2020.5, Number.NaN, '2020', undefined])('year %j throws invalid_argument: whole calendar year', (y) => {
      const e = thrown(() => series({ ...base, years: [2019, y as number], values: [1, 2] })) as Error;
      expect(e).toMatchObject({ code: 'invalid_argument', details: { index: 1 } });
      expect(e.message).toContain('years[1] must be a whole calendar year');
    });
    it.each([
      [Number.NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
    ])('value %s throws non_finite naming the year', (v, text) => {
      const e = thrown(() => series({ ...base, years: [2020, 2021], values: [1, v] })) as Error;
      expect(e).toMatchObject({ code: 'non_finite', details: { year: 2021 } });
      expect(e.message).toBe(`series(x): the value for 2021 is ${text}. Remove the year or fill it (see interpolate).`);
    });
    it('a non-number value throws invalid_argument naming the year', () => {
      const e = thrown(() => series({ ...base, years: [2020], values: ['1' as unknown as number] })) as Error;
      expect(e).toMatchObject({ code: 'invalid_argument', details: { year: 2020, value: '1' } });
      expect(e.message).toContain('the value for 2020 must be a number (got "1")');
    });
    it('unequal lengths throw invalid_argument with both counts', () => {
      const e = thrown(() => series({ ...base, years: [2020, 2021], values: [1] })) as Error;
      expect(e).toMatchObject({ code: 'invalid_argument', details: { years: 2, values: 1 } });
      expect(e.message).toBe('series(x): 2 years but 1 values. Give one value per year.');
    });
    it('provenance of the wrong length throws invalid_argument', () => {
      const e = thrown(() => series({ ...base, years: [2020, 2021], values: [1, 2], provenance: [plan13] })) as Error;
      expect(e).toMatchObject({ code: 'invalid_argument' });
      expect(e.message).toContain('1 provenance entries for 2 years');
    });
    it.each(['', '  ', 5, undefined])('id %j throws invalid_argument', (id) => {
      expect(thrown(() => series({ ...base, id: id as string, years: [], values: [] }))).toMatchObject({
        code: 'invalid_argument',
      });
    });
    it('a bad unit throws invalid_argument from parseUnit', () => {
      expect(thrown(() => series({ id: 'x', unit: '', years: [], values: [] }))).toMatchObject({
        code: 'invalid_argument',
      });
    });
    it('non-array years or points, a null input, and a null point throw invalid_argument', () => {
      expect(thrown(() => series({ ...base, years: 5 as unknown as number[], values: [] }))).toMatchObject({
        code: 'invalid_argument',
      });
      expect(thrown(() => series({ ...base, points: {} as unknown as [] }))).toMatchObject({
        code: 'invalid_argument',
      });
      expect(thrown(() => series(null as unknown as SeriesInput))).toMatchObject({ code: 'invalid_argument' });
      expect(
        thrown(() =>
          series({ ...base, points: [{ year: 2020, value: 1 }, null as unknown as { year: number; value: number }] }),
        ),
      ).toMatchObject({ code: 'invalid_argument' });
    });
  });

  it('any input gives a valid series or a MetricsError', () => {
    const anyNumber = fc.oneof(
      fc.integer({ min: 1990, max: 2040 }),
      fc.double(),
      fc.constant('2020'),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 6 }), fc.array(anyNumber, { maxLength: 6 }), (years, values) => {
        try {
          const s = series({ id: 'p', unit: 'count', years: years as number[], values: values as number[] });
          return (
            s.years.length === s.values.length &&
            s.years.every((y, i) => Number.isInteger(y) && (i === 0 || y > (s.years[i - 1] as number))) &&
            s.values.every(Number.isFinite)
          );
        } catch (e) {
          return isMetricsError(e);
        }
      }),
    );
  });
});

describe('assertAnnual', () => {
  it('assertAnnual passes for consecutive years and for one or no year', () => {
    expect(
      assertAnnual('f', series({ id: 'x', unit: 'count', years: [2019, 2020, 2021], values: [1, 2, 3] })),
    ).toBeUndefined();
    expect(assertAnnual('f', series({ id: 'x', unit: 'count', years: [2019], values: [1] }))).toBeUndefined();
    expect(assertAnnual('f', series({ id: 'x', unit: 'count', years: [], values: [] }))).toBeUndefined();
  });
  it('assertAnnual names the missing years and suggests interpolate', () => {
    const e = thrown(() =>
      assertAnnual('yoyGrowth', series({ id: 'x', unit: 'count', years: [2015, 2018, 2020], values: [1, 2, 3] })),
    ) as Error;
    expect(e).toMatchObject({ code: 'missing_years', details: { missing: [2016, 2017, 2019], count: 3 } });
    expect(e.message).toBe(
      'yoyGrowth: series "x" has no values for 2016, 2017, 2019. Fill them with interpolate(series) or use averageGrowth for sparse data.',
    );
  });
  it('assertAnnual lists the first 8 of many missing years and the count', () => {
    const e = thrown(() =>
      assertAnnual('f', series({ id: 'x', unit: 'count', years: [2000, 2020], values: [1, 2] })),
    ) as Error;
    expect(e.message).toContain('2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, … (19 in all)');
    expect((e as unknown as { details: { missing: number[] } }).details.missing).toHaveLength(19);
  });
  it('assertAnnual on a gap of 200 000 years (the widest series() takes) answers at once, listing 1000', () => {
    const e = thrown(() =>
      assertAnnual('f', series({ id: 'x', unit: 'count', years: [-100_000, 100_000], values: [1, 2] })),
    );
    expect(e).toMatchObject({ code: 'missing_years', details: { count: 200_000 - 1 } });
    expect((e as { details: { missing: number[] } }).details.missing).toHaveLength(1000);
  });
});

describe('valueAt', () => {
  const s = series({ id: 'x', unit: 'count', years: [2015, 2018], values: [0.5, 7] });
  it('valueAt(s, 2018) is 7; a missing year gives undefined', () => {
    expect(valueAt(s, 2018)).toBe(7);
    expect(valueAt(s, 2015)).toBe(0.5);
    expect(valueAt(s, 2016)).toBeUndefined();
  });
});

describe('toTidy', () => {
  it('toTidy gives one row per year with the unit text', () => {
    const s = series({ id: 'x', unit: 'count', years: [2020], values: [5] });
    expect(toTidy(s)).toEqual([{ series: 'x', year: 2020, value: 5, unit: 'count' }]);
  });
  it('toTidy names the source of points with provenance: publisher, document, section', () => {
    const s = series({
      id: 'bd',
      unit: 'CNY trillion',
      points: [
        { year: 2015, value: 0.28 },
        { year: 2020, value: 1, provenance: plan13 },
      ],
    });
    expect(toTidy(s)).toEqual([
      { series: 'bd', year: 2015, value: 0.28, unit: 'CNY trillion' },
      {
        series: 'bd',
        year: 2020,
        value: 1,
        unit: 'CNY trillion',
        source: 'MIIT, Development Plan for the Big Data Industry (2016-2020), III. Development Goals',
      },
    ]);
  });
  it('toTidy of an empty series is []', () => {
    expect(toTidy(series({ id: 'x', unit: 'count', years: [], values: [] }))).toEqual([]);
  });
});

describe('fitPrefix (internal: rolling-origin windows)', () => {
  const s = series({
    id: 'x',
    unit: 'CNY billion',
    points: [
      { year: 2020, value: 1, provenance: plan13 },
      { year: 2021, value: 2 },
      { year: 2022, value: 4 },
    ],
  });
  it('fits the first points, frozen, taken by asSeries as they are during the call and checked again after it', () => {
    let seen: Series | undefined;
    const got = fitPrefix(s, 2, (w) => {
      seen = w;
      expect(asSeries('f', w)).toBe(w);
      return w.values.length;
    });
    expect(got).toBe(2);
    expect(seen).toEqual({
      id: 'x',
      unit: s.unit,
      years: [2020, 2021],
      values: [1, 2],
      provenance: [plan13, undefined],
    });
    expect(Object.isFrozen(seen) && Object.isFrozen(seen?.years) && Object.isFrozen(seen?.values)).toBe(true);
    expect(asSeries('f', seen)).not.toBe(seen);
    expect(asSeries('f', seen)).toEqual(seen);
    expect(s.values).toEqual([1, 2, 4]);
  });
  it('refuses a hand-built series and a length outside 1..n, and passes on what fit throws', () => {
    const plain = { id: 'x', unit: s.unit, years: [2020], values: [1] };
    const fit = (w: Series) => w.values.length;
    expect(thrown(() => fitPrefix(plain, 1, fit))).toMatchObject({ code: 'invalid_argument' });
    for (const n of [0, 4, 1.5]) expect(thrown(() => fitPrefix(s, n, fit))).toMatchObject({ code: 'invalid_argument' });
    expect(() =>
      fitPrefix(s, 1, () => {
        throw new RangeError('inner');
      }),
    ).toThrow('inner');
  });
});
