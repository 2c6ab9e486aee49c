import { describe, expect, it } from 'vitest';
import { panel } from '../../src/decompose/panel.js';
import { panelFromRows } from '../../src/decompose/panelFromRows.js';
import { series } from '../../src/series/series.js';
import { thrown } from '../helpers/thrown.js';

const s = (id: string, years: number[], values: number[], unit = 'CNY billion') => series({ id, unit, years, values });

describe('panel', () => {
  it('panel({ sectors: [a, b], total }) lines the series up by year', () => {
    const p = panel({
      sectors: [s('a', [2020, 2021], [1, 2]), s('b', [2020, 2021], [3, 4])],
      total: s('t', [2020, 2021], [4, 7]),
    });
    expect(p.years).toEqual([2020, 2021]);
    expect(p.sectors).toEqual(['a', 'b']);
    expect(p.values).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(p.total).toEqual([4, 7]);
    expect(Object.isFrozen(p)).toBe(true);
  });
  it('panel with a sector missing a year throws missing_years naming the sector and the year', () => {
    const e = thrown(() => panel({ sectors: [s('a', [2020, 2021], [1, 2]), s('b', [2020], [3])] }));
    expect(e).toMatchObject({ code: 'missing_years', details: { sector: 'b', missing: [2021] } });
    expect((e as Error).message).toContain('"b" has no value for 2021');
  });
  it('panel with mismatched units throws unit_mismatch', () => {
    expect(thrown(() => panel({ sectors: [s('a', [2020], [1]), s('b', [2020], [1], 'CNY trillion')] }))).toMatchObject({
      code: 'unit_mismatch',
    });
  });
  it('panel with a duplicate or reserved sector id throws invalid_argument', () => {
    expect(thrown(() => panel({ sectors: [s('a', [2020], [1]), s('a', [2020], [1])] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => panel({ sectors: [s('total', [2020], [1])] }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('panel({ sectors: [] }) throws invalid_argument', () => {
    expect(thrown(() => panel({ sectors: [] }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a misspelt field throws invalid_argument naming it and the field meant', () => {
    const e = thrown(() => panel({ sectors: [s('a', [2020], [1])], totals: s('t', [2020], [2]) } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'totals'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "totals".*Did you mean total\?/);
  });
});

describe('panelFromRows', () => {
  const rows = [
    { id: 'a', year: '2020', value: '1' },
    { id: 'b', year: '2020', value: '3' },
    { id: 'total', year: '2020', value: '5' },
    { id: 'a', year: '2021', value: '2' },
    { id: 'b', year: '2021', value: '4' },
    { id: 'total', year: '2021', value: '6.5' },
  ];
  it('panelFromRows(long rows) reads text numbers and takes "total" rows as the stated total', () => {
    const p = panelFromRows(rows, { unit: 'CNY billion' });
    expect(p.sectors).toEqual(['a', 'b']);
    expect(p.values).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(p.total).toEqual([5, 6.5]);
  });
  it('panelFromRows with a bad value names the row and the field', () => {
    const bad = [...rows.slice(0, 2), { id: 'a', year: '2021', value: 'n/a' }];
    const e = thrown(() => panelFromRows(bad, { unit: 'CNY billion', source: 'x.csv', firstRow: 2 }));
    expect(e).toMatchObject({ code: 'invalid_data', details: { row: 4, field: 'value' } });
    expect((e as Error).message).toContain('x.csv row 4: field "value"');
  });
  it('panelFromRows with a bad year or empty id names the field', () => {
    expect(thrown(() => panelFromRows([{ id: 'a', year: '2020.5', value: 1 }], { unit: 'count' }))).toMatchObject({
      details: { field: 'year' },
    });
    expect(thrown(() => panelFromRows([{ id: ' ', year: 2020, value: 1 }], { unit: 'count' }))).toMatchObject({
      details: { field: 'id' },
    });
  });
  it('panelFromRows with a repeated id and year throws invalid_data', () => {
    expect(thrown(() => panelFromRows([rows[0]!, rows[0]!], { unit: 'count' }))).toMatchObject({
      code: 'invalid_data',
      details: { row: 2 },
    });
  });
  it('panelFromRows with a sector missing in a year throws missing_years', () => {
    const e = thrown(() => panelFromRows(rows.slice(0, 4), { unit: 'CNY billion' }));
    expect(e).toMatchObject({ code: 'missing_years', details: { id: 'b', missing: [2021] } });
  });
  it('panelFromRows with only total rows or no rows throws invalid_data', () => {
    expect(thrown(() => panelFromRows([rows[2]!], { unit: 'count' }))).toMatchObject({ code: 'invalid_data' });
    expect(thrown(() => panelFromRows([], { unit: 'count' }))).toMatchObject({ code: 'invalid_data' });
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => panelFromRows(rows, { unit: 'CNY billion', totalID: 'total' } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'totalID'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "totalID".*Did you mean totalId\?/);
  });
});
