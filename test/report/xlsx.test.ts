// Excel in and out, tested by reading back what was written: the workbook writer (units in headers, numbers
// as numbers with formats), --format xlsx on a table command, report.xlsx, and series and panels read from a
// sheet as from CSV, with the same errors naming the sheet, the row and the column.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/writeReport.js';
import { csvToXlsx } from '../../src/xlsx/csvToXlsx.js';
import { readXlsx, xlsxAsCsv } from '../../src/xlsx/readXlsx.js';
import { loadExcelJs } from '../../src/xlsx/internal/loadExcelJs.js';
import { sheetName, toXlsx } from '../../src/xlsx/toXlsx.js';
import { cli, tempDir } from '../helpers/cli.js';
import { rejected } from '../helpers/thrown.js';

const dir = tempDir('im-xlsx-');
const write = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('toXlsx', () => {
  it('toXlsx writes units in the header, numbers as numbers with their column format; readXlsx reads them back', async () => {
    const path = write(
      'scenarios.xlsx',
      await toXlsx([
        {
          name: 'Scenarios',
          title: 'Table 2. Scenarios in 2025',
          columns: [
            'Scenario',
            { name: 'Level in 2025', unit: 'RMB trillion', decimals: 2 },
            { name: 'Growth a year', unit: '%', format: 'percent', decimals: 1 },
            'Year',
          ],
          rows: [
            ['plan', 3.0517578125, 0.25, 2025],
            ['low', 2.7027, -0.05, 2025],
            ['no level', null, null, 2025],
          ],
        },
      ]),
    );
    const sheet = await readXlsx(path);
    expect(sheet.sheet).toBe('Scenarios');
    expect(sheet.rows).toEqual([
      ['Table 2. Scenarios in 2025'],
      ['Scenario', 'Level in 2025 (RMB trillion)', 'Growth a year', 'Year'],
      ['plan', 3.0517578125, 0.25, 2025],
      ['low', 2.7027, -0.05, 2025],
      ['no level', null, null, 2025],
    ]);
    // The formats Excel shows: two decimals, a percentage with one, a year without a separator.
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const row = wb.worksheets[0]?.getRow(3);
    expect([row?.getCell(2).numFmt, row?.getCell(3).numFmt, row?.getCell(4).numFmt]).toEqual(['#,##0.00', '0.0%', '0']);
    expect(wb.worksheets[0]?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('sheetName makes names Excel accepts: no []:*?/\\, 31 characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Table 1: What [the] model assumes / why?', taken)).toBe('Table 1 What the model assumes');
    expect(sheetName('Table 1: What [the] model assumes / why?', taken)).toBe('Table 1 What the model assu (2)');
  });

  it('toXlsx with a ragged row throws invalid_argument naming the sheet and row', async () => {
    expect(await rejected(() => toXlsx([{ name: 'S', columns: ['a', 'b'], rows: [[1]] }]))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/sheets\[0\]\.rows\[0\] must have one cell per column \(2\)/),
    });
  });
});

describe('--format xlsx', () => {
  it('scorecard --as-of 2022 --format xlsx --out card.xlsx writes the CSV rows as a sheet, numbers as numbers', async () => {
    const csv = await cli(['scorecard', 'big-data-14th-fyp', '--as-of', '2022', '--format', 'csv'], dir);
    const r = await cli(
      ['scorecard', 'big-data-14th-fyp', '--as-of', '2022', '--format', 'xlsx', '--out', 'card.xlsx'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote 1 targets as of 2022 to .*card\.xlsx\n$/);
    const { rows } = await readXlsx(join(dir, 'card.xlsx'));
    const header = csv.stdout.split('\n')[0]?.split(',');
    expect(rows[0]).toEqual(header);
    expect(rows[1]?.slice(0, 4)).toEqual(['big-data-14th-fyp', 'bd14.revenue-2025', 2025, 'off track']);
  });

  it('an --out ending in .xlsx picks the workbook; --format xlsx without --out exits 2', async () => {
    const r = await cli(['models', '--out', 'models.xlsx'], dir);
    expect(r.code).toBe(0);
    expect((await readXlsx(join(dir, 'models.xlsx'))).rows.length).toBeGreaterThan(5);
    const bad = await cli(['models', '--format', 'xlsx'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format xlsx writes a workbook, not text (got no --out). Add --out FILE.xlsx.');
  });

  it('csvToXlsx drops the CSV guard apostrophe: a workbook text cell is never run', async () => {
    const path = write('guard.xlsx', await csvToXlsx("name,value\n'=1+1,2\n", 'S'));
    expect((await readXlsx(path)).rows).toEqual([
      ['name', 'value'],
      ['=1+1', 2],
    ]);
  });
});

describe('series and panels from .xlsx', () => {
  const series =
    'id,year,value\na,2018,10\na,2019,11\na,2020,12.5\na,2021,13\nb,2018,5\nb,2019,6\nb,2020,6.5\nb,2021,7\n';

  it('forecast data.xlsx gives the same numbers as forecast data.csv', async () => {
    writeFileSync(join(dir, 'data.csv'), series);
    write('data.xlsx', await csvToXlsx(series, 'Revenue'));
    const a = await cli(['forecast', 'data.csv', '--method', 'drift', '--horizon', '2', '--format', 'csv'], dir);
    const b = await cli(['forecast', 'data.xlsx', '--method', 'drift', '--horizon', '2', '--format', 'csv'], dir);
    expect(b.stderr).toBe('');
    expect(b.stdout).toBe(a.stdout);
  });

  it('--sheet picks a sheet; an unknown sheet exits 2 listing the sheets', async () => {
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'read me';
    const ws = wb.addWorksheet('Revenue');
    for (const line of series.trim().split('\n'))
      ws.addRow(line.split(',').map((v) => (/^\d/.test(v) ? Number(v) : v)));
    await wb.xlsx.writeFile(join(dir, 'two.xlsx'));
    const ok = await cli(['forecast', 'two.xlsx', '--sheet', 'Revenue', '--method', 'naive', '--format', 'csv'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')[1]).toMatch(/^a,2022,13,/);
    const bad = await cli(['forecast', 'two.xlsx', '--sheet', 'Sales', '--method', 'naive'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no sheet named "Sales" (got sheets "Notes", "Revenue")');
  });

  it('readXlsx and xlsxAsCsv refuse a misspelt option, naming the right one', async () => {
    const path = write('options.xlsx', await csvToXlsx(series, 'Revenue'));
    await expect(readXlsx(path, { sheets: 'Revenue' } as never)).rejects.toThrow(
      /^readXlsx: unknown option "sheets".*Did you mean sheet\?/,
    );
    await expect(xlsxAsCsv(path, { shet: 'Revenue' } as never)).rejects.toThrow(
      /^xlsxAsCsv: unknown option "shet".*Did you mean sheet\?/,
    );
    expect((await xlsxAsCsv(path, { sheet: 'Revenue' })).file).toBe(`${path}, sheet "Revenue"`);
    // A sheet name that is not text is refused before the message writes it (a Symbol threw a TypeError).
    await expect(readXlsx(path, { sheet: Symbol('s') } as never)).rejects.toMatchObject({
      code: 'invalid_argument',
      message:
        "readXlsx: options.sheet must be a sheet's name (got Symbol(s) (a symbol)). Leave it out for the first sheet.",
    });
  });

  it('readXlsx refuses a path that is not text before reading (an object without a prototype threw a TypeError; fuzz seed 17)', async () => {
    for (const path of [Object.create(null), '', ' ', 'a\u0000b', 42]) {
      await expect(readXlsx(path as never)).rejects.toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(/^readXlsx: path must be a file path \(got .*\)\.$/),
        issues: [{ path: ['path'] }],
      });
    }
  });

  it('a bad cell is reported with the sheet, the row and the column, as in CSV', async () => {
    write('bad.xlsx', await csvToXlsx('id,year,value\na,2018,10\na,2019,lots\n', 'Revenue'));
    const r = await cli(['forecast', 'bad.xlsx', '--method', 'naive'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.xlsx, sheet "Revenue": row 3.*value.*"lots"/);
  });

  it('decompose panel.xlsx reads sector levels as from CSV', async () => {
    const panel = 'id,year,value\ncloud,2020,1\ncloud,2021,1.2\nchips,2020,2\nchips,2021,2.1\n';
    writeFileSync(join(dir, 'panel.csv'), panel);
    write('panel.xlsx', await csvToXlsx(panel, 'Panel'));
    const a = await cli(['decompose', 'panel.csv', '--unit', 'CNY billion', '--format', 'csv'], dir);
    const b = await cli(['decompose', 'panel.xlsx', '--unit', 'CNY billion', '--format', 'csv'], dir);
    expect(b.stderr).toBe('');
    expect(b.stdout).toBe(a.stdout);
  });
});

describe('report.xlsx', () => {
  it('writeReport writes a contents sheet, a sheet per table and per chart’s numbers, and the sources', async () => {
    const out = join(dir, 'report');
    await writeReport(
      out,
      {
        title: 'R',
        date: '2026-01-02',
        sections: [
          {
            heading: 'S',
            charts: [],
            tables: [
              {
                title: 'Scenarios',
                columns: ['Scenario', { name: 'Growth', unit: '%', format: 'percent', decimals: 0 }],
                rows: [['plan', 0.25]],
              },
            ],
          },
        ],
      },
      {
        chartFiles: false,
        sources: { title: 'Every source', columns: ['Publisher', 'Address'], rows: [['MIIT', 'https://example.org']] },
      },
    );
    const path = join(out, 'report.xlsx');
    expect((await readXlsx(path)).rows).toEqual([
      ['R (2026-01-02)'],
      ['Sheet', 'What it holds'],
      ['Table 1', 'Table 1. Scenarios'],
      ['Sources', 'Every source'],
    ]);
    expect((await readXlsx(path, { sheet: 'Table 1' })).rows).toEqual([
      ['Table 1. Scenarios'],
      ['Scenario', 'Growth'],
      ['plan', 0.25],
    ]);
    expect((await readXlsx(path, { sheet: 'Sources' })).rows[2]).toEqual(['MIIT', 'https://example.org']);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });
});
