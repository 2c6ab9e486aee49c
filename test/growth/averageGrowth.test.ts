import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageGrowth } from '../../src/growth/averageGrowth.js';
import { cagr } from '../../src/growth/cagr.js';
import { series } from '../../src/series/series.js';
import { thrown } from '../helpers/thrown.js';

// A sparse series: the 13th plan's implied 2015 base (1 / 1.3^5), a made-up 2017 point, 1 trillion in 2020.
const bd = series({ id: 'bd', unit: 'CNY trillion', years: [2015, 2017, 2020], values: [1 / 1.3 ** 5, 0.47, 1] });

describe('averageGrowth', () => {
  it('averageGrowth of a sparse series over its whole span is 0.3 (1 / 1.3^5 to 1 in 5 years)', () => {
    expect(averageGrowth(bd)).toBeCloseTo(0.3, 15);
  });
  it('averageGrowth from 2017 is (1 / 0.47)^(1/3) - 1', () => {
    expect(averageGrowth(bd, { fromYear: 2017 })).toBeCloseTo((1 / 0.47) ** (1 / 3) - 1, 15);
  });
  it('averageGrowth to 2017 is (0.47 * 1.3^5)^(1/2) - 1', () => {
    expect(averageGrowth(bd, { toYear: 2017 })).toBeCloseTo(Math.sqrt(0.47 * 1.3 ** 5) - 1, 14);
  });

  it('averageGrowth from a year not in the series throws not_found listing its years', () => {
    const e = thrown(() => averageGrowth(bd, { fromYear: 2016 })) as Error;
    expect(e).toMatchObject({ code: 'not_found', details: { year: 2016 } });
    expect(e.message).toBe('averageGrowth: series "bd" has no value for 2016. Its years are [2015, 2017, 2020].');
  });
  it('averageGrowth to a year not in the series throws not_found', () => {
    expect(thrown(() => averageGrowth(bd, { toYear: 2030 }))).toMatchObject({
      code: 'not_found',
      details: { year: 2030 },
    });
  });
  it('an empty span throws invalid_argument: toYear must be after fromYear', () => {
    expect(thrown(() => averageGrowth(bd, { fromYear: 2020, toYear: 2015 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => averageGrowth(bd, { toYear: 2015 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => averageGrowth(series({ id: 'one', unit: 'count', years: [2020], values: [1] })))).toMatchObject(
      { code: 'invalid_argument' },
    );
  });
  it('an empty series throws invalid_argument: empty', () => {
    const e = thrown(() => averageGrowth(series({ id: 'e', unit: 'count', years: [], values: [] }))) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toBe('averageGrowth: series "e" is empty.');
  });
  it('a zero start level throws invalid_argument from cagr', () => {
    expect(
      thrown(() => averageGrowth(series({ id: 'z', unit: 'count', years: [2020, 2021], values: [0, 1] }))),
    ).toMatchObject({ code: 'invalid_argument' });
  });

  it('averageGrowth ignores the points between its ends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (values) => {
          const years = values.map((_, i) => 2000 + 2 * i);
          const n = years.length - 1;
          return (
            averageGrowth(series({ id: 'p', unit: 'count', years, values })) ===
            cagr(values[0] as number, values[n] as number, 2 * n)
          );
        },
      ),
    );
  });
  it('a misspelt option throws invalid_argument naming it, the option meant and the options', () => {
    const e = thrown(() => averageGrowth(bd, { fromYaer: 2017 } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'fromYaer'] }],
    });
    expect((e as Error).message).toBe(
      'averageGrowth: unknown option "fromYaer" (got {"fromYaer":2017}). Did you mean fromYear? Remove it; the options are fromYear, toYear.',
    );
  });
});
