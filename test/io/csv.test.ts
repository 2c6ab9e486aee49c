import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePanelCsv, parseSeriesCsv, readSeriesCsv } from '../../src/io/csv.js';
import { thrown } from '../helpers/thrown.js';

describe('parseSeriesCsv', () => {
  it('reads a long file in file order, ignoring extra columns and case', () => {
    const text = 'ID,Year,Value,note\na,2020,1.5,x\na,2021,2,\nb,2020,-3e2,y\n';
    expect(parseSeriesCsv(text)).toEqual([
      { id: 'a', year: 2020, value: 1.5 },
      { id: 'a', year: 2021, value: 2 },
      { id: 'b', year: 2020, value: -300 },
    ]);
  });
  it('accepts series and t as header names (the M3 files) and a byte-order mark', () => {
    expect(parseSeriesCsv('\uFEFFseries,t,value\nY1,1,940.66\n')).toEqual([{ id: 'Y1', year: 1, value: 940.66 }]);
  });
  it('reads a wide file column by column, skipping empty and NA cells', () => {
    const text = 'year,big data,security\n2020,1,NA\n2021,2,5\n2022,,6\n';
    expect(parseSeriesCsv(text)).toEqual([
      { id: 'big data', year: 2020, value: 1 },
      { id: 'big data', year: 2021, value: 2 },
      { id: 'security', year: 2021, value: 5 },
      { id: 'security', year: 2022, value: 6 },
    ]);
  });
  it('reads quoted fields with commas', () => {
    expect(parseSeriesCsv('id,year,value\n"a, b",2020,1\n')).toEqual([{ id: 'a, b', year: 2020, value: 1 }]);
  });
  it('ignores blank lines and a missing final newline', () => {
    expect(parseSeriesCsv('id,year,value\n\na,2020,1')).toEqual([{ id: 'a', year: 2020, value: 1 }]);
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => parseSeriesCsv('id,year,value\na,2020,1\n', { layuot: 'wide' } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'layuot'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "layuot".*Did you mean layout\?/);
  });
});

describe('parseSeriesCsv errors (invalid_data naming file, row and field)', () => {
  it.each([
    ['id,year,value\na,2020,abc\n', /f\.csv: row 2, field "value": expected a finite number \(got "abc"\)/],
    ['id,year,value\na,2020,1\na,20.5,2\n', /f\.csv: row 3, field "year": expected a whole year \(got "20.5"\)/],
    ['id,year,value\na,2020,\n', /row 2, field "value".*got ""/],
    ['id,year,value\n,2020,1\n', /row 2, field "id": the series id is empty/],
    ['id,year,value\na,2020,1\na,2020,2\n', /row 3, field "year": series "a" has 2020 twice \(got rows 2 and 3\)/],
    ['year,a\n2020,1\n2021,x\n', /row 3, field "a": expected a finite number/],
    ['year,a\n2020,1\n2020,2\n', /row 3, field "year": the year 2020 appears twice/],
    ['year,a,a\n2020,1,2\n', /row 1, field "a": the column appears twice/],
    ['foo,bar\n1,2\n', /row 1: cannot tell the layout/],
    ['id,year,value\n', /no data rows \(got a header only\)/],
    ['', /no data rows \(got an empty file\)/],
    ['id,year,value\na,2020,Infinity\n', /expected a finite number/],
  ])('%j', (text, message) => {
    expect(thrown(() => parseSeriesCsv(text, { file: 'f.csv' }))).toMatchObject({
      code: 'invalid_data',
      message: expect.stringMatching(message),
    });
  });
  it('layout long on a wide file names the missing columns', () => {
    expect(thrown(() => parseSeriesCsv('year,a\n2020,1\n', { layout: 'long' }))).toMatchObject({
      code: 'invalid_data',
      message: expect.stringContaining('no id, value column'),
    });
  });
  it('an unknown layout throws invalid_argument', () => {
    expect(thrown(() => parseSeriesCsv('', { layout: 'tall' as never }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('non-string text throws invalid_argument', () => {
    expect(thrown(() => parseSeriesCsv(5 as never))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('parsePanelCsv', () => {
  const CSV =
    'id,year,value,unit\nsoftware,2020,60,CNY billion\nsoftware,2025,120,CNY billion\nhardware,2020,40,CNY billion\nhardware,2025,55,CNY billion\ntotal,2020,100,CNY billion\ntotal,2025,175,CNY billion\n';

  it('reads a long table into a panel: sectors in file order, years sorted, total rows as the stated total', () => {
    const p = parsePanelCsv(CSV, { file: 's.csv' });
    expect(p.sectors).toEqual(['software', 'hardware']);
    expect(p.years).toEqual([2020, 2025]);
    expect(p.values).toEqual([
      [60, 120],
      [40, 55],
    ]);
    expect(p.total).toEqual([100, 175]);
    expect(p.unit).toEqual({ kind: 'money', currency: 'CNY', scale: 'billion' });
  });

  it('reads what parseSeriesCsv reads: the same numbers, header aliases, BOM and blank lines', () => {
    const text = '\uFEFFSeries,T,Value\na,2021,2.5\n\na,2020,1\n';
    const rows = parseSeriesCsv(text, { layout: 'long' });
    const p = parsePanelCsv(text, { unit: 'count' });
    expect(p.years).toEqual([2020, 2021]);
    expect(p.values).toEqual([[1, 2.5]]);
    expect(rows.map((r) => r.value).sort()).toEqual([...(p.values[0] as number[])].sort());
  });

  it('options.unit applies without a unit column; default unspecified', () => {
    expect(parsePanelCsv('id,year,value\na,2020,1\n', { unit: 'GW' }).unit).toEqual({ kind: 'other', symbol: 'GW' });
    expect(parsePanelCsv('id,year,value\na,2020,1\n').unit).toEqual({ kind: 'other', symbol: 'unspecified' });
  });

  it.each([
    [
      'id,year,value\na,2020,50\na,2021,x\n',
      'invalid_data',
      /p\.csv: row 3, field "value": expected a finite number \(got "x"\)/,
    ],
    ['id,value\na,1\n', 'invalid_data', /p\.csv: row 1: the header has no "year" column/],
    ['id,year,value\na,2020,1\na,2020,2\n', 'invalid_data', /row 3, field "year": series "a" has 2020 twice/],
    [
      'id,year,value,unit\na,2020,1,CNY billion\nb,2020,1,CNY trillion\n',
      'unit_mismatch',
      /p\.csv: row 3, field "unit": the unit is "CNY trillion" but earlier rows use "CNY billion"/,
    ],
    ['id,year,value\na,2020,1\na,2021,2\nb,2020,1\n', 'missing_years', /sector "b" has no row for 2021/],
    ['id,year,value\n', 'invalid_data', /no data rows \(got a header only\)/],
  ])('%j throws %s', (text, code, message) => {
    expect(thrown(() => parsePanelCsv(text, { file: 'p.csv' }))).toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });

  it('a unit column that disagrees with options.unit says so', () => {
    expect(
      thrown(() =>
        parsePanelCsv('id,year,value,unit\na,2020,1,CNY trillion\n', { file: 'p.csv', unit: 'CNY billion' }),
      ),
    ).toMatchObject({
      code: 'unit_mismatch',
      message: expect.stringContaining(
        'row 2, field "unit": the unit is "CNY trillion" but the unit given is "CNY billion"',
      ),
    });
  });

  it('non-string text throws invalid_argument', () => {
    expect(thrown(() => parsePanelCsv(5 as never))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => parsePanelCsv(CSV, { units: 'CNY billion' } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'units'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "units".*Did you mean unit\?/);
  });
});

describe('readSeriesCsv', () => {
  it('reads a file and names it in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'im-csv-'));
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'id,year,value\nx,2020,1\n');
    expect(readSeriesCsv(good)).toEqual([{ id: 'x', year: 2020, value: 1 }]);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,year,value\nx,2020,oops\n');
    expect(thrown(() => readSeriesCsv(bad))).toMatchObject({
      code: 'invalid_data',
      message: expect.stringContaining(`${bad}: row 2`),
    });
  });
  it('a missing file throws not_found', () => {
    expect(thrown(() => readSeriesCsv(join(tmpdir(), 'no-such-dir-im', 'x.csv')))).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('no such file'),
    });
  });
  it('a misspelt option, or file (the path names the file), throws invalid_argument', () => {
    const e = thrown(() => readSeriesCsv('x.csv', { Layout: 'long' } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'Layout'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "Layout".*Did you mean layout\?/);
    expect(thrown(() => readSeriesCsv('x.csv', { file: 'y.csv' } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('unknown option "file"'),
    });
  });
});

describe('parseSeriesCsv properties', () => {
  it('long and wide encodings of the same data give the same rows (up to order)', () => {
    const arb = fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/),
      fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 6 }),
      { minKeys: 1, maxKeys: 4 },
    );
    fc.assert(
      fc.property(arb, (data) => {
        const ids = Object.keys(data).filter((k) => !['id', 'year', 't', 'value', 'series'].includes(k));
        fc.pre(ids.length > 0);
        const long = [
          'id,year,value',
          ...ids.flatMap((id) => (data[id] ?? []).map((v, i) => `${id},${2000 + i},${v}`)),
        ].join('\n');
        const maxLen = Math.max(...ids.map((id) => data[id]?.length ?? 0));
        const wide = [
          `year,${ids.join(',')}`,
          ...Array.from({ length: maxLen }, (_, i) => `${2000 + i},${ids.map((id) => data[id]?.[i] ?? '').join(',')}`),
        ].join('\n');
        const key = (r: { id: string; year: number; value: number }) => `${r.id}|${r.year}|${r.value}`;
        return (
          JSON.stringify(parseSeriesCsv(long).map(key).sort()) === JSON.stringify(parseSeriesCsv(wide).map(key).sort())
        );
      }),
      { numRuns: 50 },
    );
  });
});
