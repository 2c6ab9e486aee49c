import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastMany } from '../../src/forecast/batch.js';
import type { ForecastMethod } from '../../src/forecast/types.js';
import { thrown } from '../helpers/thrown.js';
import { localNaive } from './localMethods.js';

const rows = [
  { id: 'a', year: 2022, value: 13 },
  { id: 'b', year: 2020, value: 5 },
  { id: 'a', year: 2020, value: 10 },
  { id: 'a', year: 2021, value: 12 },
  { id: 'b', year: 2021, value: 6 },
  { id: 'b', year: 2022, value: 8 },
  { id: 'b', year: 2023, value: 7 },
];

describe('forecastMany', () => {
  it('forecasts each id with its own last year and horizon, ids in first-seen order, years sorted', () => {
    const r = forecastMany(rows, localNaive, { horizon: 2 });
    expect(r.errors).toEqual([]);
    expect(r.method).toBe('localNaive');
    expect(r.forecasts.map((f) => [f.seriesId, f.years])).toEqual([
      ['a', [2023, 2024]],
      ['b', [2024, 2025]],
    ]);
    // a: last value (after sorting) 13; b: 7
    expect(r.rows.map((x) => [x.id, x.year, x.mean])).toEqual([
      ['a', 2023, 13],
      ['a', 2024, 13],
      ['b', 2024, 7],
      ['b', 2025, 7],
    ]);
    expect(Object.keys(r.rows[0] ?? {})).toEqual([
      'id',
      'year',
      'mean',
      'lower_80',
      'upper_80',
      'lower_95',
      'upper_95',
    ]);
    // a: differences 2, 1 → sigma^2 = (4 + 1)/2; 95 % half-width at h=1 is 1.959964·sqrt(2.5)
    expect((r.rows[0]?.['upper_95'] as number) - 13).toBeCloseTo(1.959963984540054 * Math.sqrt(2.5), 12);
  });
  it('forecasts every series to a common toYear', () => {
    const r = forecastMany(rows, localNaive, { toYear: 2025 });
    expect(r.forecasts.map((f) => f.years.length)).toEqual([3, 2]);
  });
  it('names columns after the levels (0.5 → lower_50)', () => {
    const r = forecastMany(rows, localNaive, { horizon: 1, levels: [0.5] });
    expect(Object.keys(r.rows[0] ?? {})).toEqual(['id', 'year', 'mean', 'lower_50', 'upper_50']);
  });
  it('collects bad series in errors with their id and keeps the others', () => {
    const bad = [
      ...rows,
      { id: 'dup', year: 2020, value: 1 },
      { id: 'dup', year: 2020, value: 2 },
      { id: 'dup', year: 2021, value: 2 },
      { id: 'short', year: 2020, value: 1 },
      { id: 'nan', year: 2020, value: Number.NaN },
      { id: 'nan', year: 2021, value: 1 },
      { id: 'nan', year: 2022, value: 1 },
      { id: 'late', year: 2030, value: 1 },
      { id: 'late', year: 2031, value: 1 },
    ];
    const r = forecastMany(bad, localNaive, { toYear: 2026 });
    expect(r.forecasts.map((f) => f.seriesId)).toEqual(['a', 'b']);
    expect(r.errors.map((e) => [e.id, e.code])).toEqual([
      ['dup', 'invalid_argument'],
      ['short', 'invalid_argument'],
      ['nan', 'non_finite'],
      ['late', 'invalid_argument'],
    ]);
    expect(r.errors[0]?.message).toContain('2020 appears twice');
  });
  it('reports an unexpected failure inside a method as code internal', () => {
    const broken: ForecastMethod = {
      ...localNaive,
      fit: () => {
        throw new TypeError('boom');
      },
    };
    expect(forecastMany(rows, broken, { horizon: 1 }).errors).toEqual([
      { id: 'a', code: 'internal', message: 'localNaive: boom' },
      { id: 'b', code: 'internal', message: 'localNaive: boom' },
    ]);
  });
  it('does not mutate the rows', () => {
    const copy = structuredClone(rows);
    forecastMany(rows, localNaive, { horizon: 1 });
    expect(rows).toEqual(copy);
  });
});

describe('forecastMany errors', () => {
  it.each([
    [{}, /exactly one of horizon and toYear/],
    [{ horizon: 1, toYear: 2030 }, /exactly one/],
    [{ horizon: 0 }, /horizon must be >= 1/],
    [{ horizon: 1.5 }, /horizon must be a whole number/],
    [{ toYear: 2030.5 }, /toYear must be a whole number/],
  ])('forecastMany(rows, naive, %o) throws invalid_argument', (options, message) => {
    expect(thrown(() => forecastMany(rows, localNaive, options))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(message),
    });
  });
  it('a misspelt option throws instead of giving the default levels', () => {
    expect(thrown(() => forecastMany(rows, localNaive, { horizon: 1, level: [0.9] } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^forecastMany: unknown option "level" .*Did you mean levels\?/),
      issues: [{ path: ['options', 'level'] }],
    });
    const signal = new AbortController().signal;
    const all = { horizon: 1, levels: [0.9], smallSample: false, unit: 'count', fill: 'linear', signal } as const;
    expect(Object.keys(forecastMany(rows, localNaive, all).rows[0]!)).toContain('upper_90');
  });
  it('non-array rows throw invalid_argument', () => {
    expect(thrown(() => forecastMany('x' as never, localNaive, { horizon: 1 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('an aborted signal throws aborted', () => {
    const c = new AbortController();
    c.abort();
    expect(thrown(() => forecastMany(rows, localNaive, { horizon: 1, signal: c.signal }))).toMatchObject({
      code: 'aborted',
    });
  });
});

describe('forecastMany properties', () => {
  it('gives horizon rows per good series and one error per bad series, never both', () => {
    const seriesArb = fc.array(
      fc.record({ n: fc.integer({ min: 0, max: 8 }), start: fc.integer({ min: 1990, max: 2010 }) }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 1, max: 4 }), (specs, h) => {
        const input = specs.flatMap((sp, k) =>
          Array.from({ length: sp.n }, (_, i) => ({ id: `s${k}`, year: sp.start + i, value: i * k + 1 })),
        );
        const r = forecastMany(input, localNaive, { horizon: h });
        const present = specs.filter((sp) => sp.n > 0).length;
        const good = specs.filter((sp) => sp.n >= 2).length;
        return r.forecasts.length === good && r.rows.length === good * h && r.errors.length === present - good;
      }),
      { numRuns: 50 },
    );
  });
});
