import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { panelFromRows } from '../decompose/panelFromRows.js';
import type { Panel } from '../decompose/types.js';
import { show, argumentError, assertFilePath, assertOptions, optionNames } from '../internal/assert.js';
import { parseUnit, sameUnit, type Unit, unitToString } from '../series/units.js';

/** One observation of one series in a long table. */
export interface SeriesRow {
  readonly id: string;
  readonly year: number;
  readonly value: number;
}

/** Table layouts {@link parseSeriesCsv} reads. */
export const CsvLayout = Object.freeze({
  /** `id,year,value`: one row per series and year (header names `series` and `t` also accepted). */
  long: 'long',
  /** `year,<id1>,<id2>,…`: one row per year, one column per series; empty or `NA` cells are missing. */
  wide: 'wide',
  /** long when the header has id, year and value columns, else wide when its first column is year. */
  auto: 'auto',
} as const);
export type CsvLayout = keyof typeof CsvLayout;

/** Options of {@link parseSeriesCsv}. */
export interface ParseSeriesCsvOptions {
  /** Name used in error messages (the path). Default `"<csv>"`. */
  readonly file?: string;
  /** Default `auto`. */
  readonly layout?: CsvLayout;
}

const PARSE_SERIES_CSV_OPTIONS = optionNames<ParseSeriesCsvOptions>({ file: true, layout: true });
const READ_SERIES_CSV_OPTIONS = optionNames<Omit<ParseSeriesCsvOptions, 'file'>>({ layout: true });

const ID = ['id', 'series'];
const YEAR = ['year', 't'];
const VALUE = ['value'];
const MISSING = new Set(['', 'na', 'nan', 'null']);

/**
 * Reads series data from CSV text, long (`id,year,value`) or wide (`year,<id1>,<id2>…`), into long rows
 * in file order. Header names are matched case-insensitively; other columns of a long file are
 * ignored. Rows are numbered as in the file, the header being row 1 (a quoted field spanning lines
 * counts as one row).
 * @throws {MetricsError} invalid_data naming the file, row and field: a header without the needed
 *   columns, a year that is not a whole number, a value that is not a finite number (an empty value in a
 *   long file), an empty id, a duplicated series and year, a duplicated wide column, or no data rows
 * @example
 * parseSeriesCsv('id,year,value\nx,2020,1.5\n'); // => [{ id: 'x', year: 2020, value: 1.5 }]
 */
export function parseSeriesCsv(text: string, options: ParseSeriesCsvOptions = {}): SeriesRow[] {
  assertOptions('parseSeriesCsv', options, "{ file: 'x.csv', layout: 'long' }", PARSE_SERIES_CSV_OPTIONS);
  const file = fileName('parseSeriesCsv', options.file);
  const layout = options.layout ?? 'auto';
  if (typeof layout !== 'string' || !Object.hasOwn(CsvLayout, layout)) {
    throw argumentError(
      'invalid_argument',
      `parseSeriesCsv: layout must be one of ${Object.keys(CsvLayout).join(', ')} (got ${show(layout)}).`,
      'layout',
      `one of ${Object.keys(CsvLayout).join(', ')}`,
      layout,
    );
  }
  const { rows, header, iId, iYear, iValue, missing } = readTable('parseSeriesCsv', text, file);
  const lower = header.map((h) => h.toLowerCase());
  const isLong = missing.length === 0;
  const isWide = YEAR.includes(lower[0] as string) && header.length >= 2;
  if (layout === 'long' || (layout === 'auto' && isLong)) {
    if (!isLong) {
      throw argumentError(
        'invalid_data',
        `${file}: row 1: the header has no ${missing.join(', ')} column (got ${show(header.join(','))}). A long file starts with id,year,value.`,
        [1],
        `a header with ${missing.join(', ')}`,
        header.join(','),
        { file, row: 1 },
      );
    }
    return parseLong(file, rows, iId, iYear, iValue, header);
  }
  if (!isWide) {
    throw argumentError(
      'invalid_data',
      `${file}: row 1: cannot tell the layout from the header (got ${show(header.join(','))}). Use id,year,value (long) or year,<series>,… (wide).`,
      [1],
      'a header id,year,value (long) or year,<series>,… (wide)',
      header.join(','),
      { file, row: 1 },
    );
  }
  return parseWide(file, rows, header);
}

/**
 * The one d3-dsv parse of every CSV reader here: rows of cells (blank lines dropped), the trimmed header, a
 * column finder, and the columns of a long table (id, year, value) with the names of those missing.
 */
function readTable(
  fn: string,
  text: unknown,
  file: string,
): {
  rows: string[][];
  header: string[];
  find: (names: readonly string[]) => number;
  iId: number;
  iYear: number;
  iValue: number;
  missing: string[];
} {
  if (typeof text !== 'string') {
    throw argumentError(
      'invalid_argument',
      `${fn}: text must be a string (got ${show(text)}).`,
      'text',
      'a string',
      text,
    );
  }
  const rows = csvParseRows(text.replace(/^\uFEFF/, '')).filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || rows.length < 2) {
    throw argumentError(
      'invalid_data',
      `${file}: no data rows (got ${rows.length === 0 ? 'an empty file' : 'a header only'}). Write a header and one row per observation, e.g. id,year,value.`,
      [],
      'a header and at least one data row',
      rows.length === 0 ? '' : header.join(','),
      { file },
    );
  }
  const lower = header.map((h) => h.toLowerCase());
  const find = (names: readonly string[]) => lower.findIndex((h) => names.includes(h));
  const [iId, iYear, iValue] = [find(ID), find(YEAR), find(VALUE)];
  const missing = (['id', 'year', 'value'] as const).filter((_, k) => [iId, iYear, iValue][k]! < 0);
  return { rows, header, find, iId, iYear, iValue, missing };
}

function parseYear(file: string, row: number, field: string, raw: string | undefined): number {
  const text = (raw ?? '').trim();
  const year = Number(text);
  if (text === '' || !Number.isInteger(year)) {
    throw argumentError(
      'invalid_data',
      `${file}: row ${row}, field "${field}": expected a whole year (got ${show(raw ?? '')}). Fix or remove the row.`,
      [row, field],
      'a whole year',
      raw,
      { file, row, field },
    );
  }
  return year;
}

function parseValue(file: string, row: number, field: string, raw: string | undefined): number {
  const text = (raw ?? '').trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    throw argumentError(
      'invalid_data',
      `${file}: row ${row}, field "${field}": expected a finite number (got ${show(raw ?? '')}). Write plain numbers (1234.5, no thousands separators) and remove rows without a value.`,
      [row, field],
      'a finite number',
      raw,
      { file, row, field },
    );
  }
  return value;
}

function parseLong(
  file: string,
  rows: string[][],
  iId: number,
  iYear: number,
  iValue: number,
  header: string[],
): SeriesRow[] {
  const out: SeriesRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] as string[];
    const row = r + 1;
    const id = (cells[iId] ?? '').trim();
    if (id === '') {
      throw argumentError(
        'invalid_data',
        `${file}: row ${row}, field "${header[iId]}": the series id is empty (got ""). Give every row an id.`,
        [row, header[iId] as string],
        'a series id',
        '',
        { file, row, field: header[iId] },
      );
    }
    const year = parseYear(file, row, header[iYear] as string, cells[iYear]);
    const value = parseValue(file, row, header[iValue] as string, cells[iValue]);
    const key = `${id}\u0000${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      throw argumentError(
        'invalid_data',
        `${file}: row ${row}, field "${header[iYear]}": series ${show(id)} has ${year} twice (got rows ${first} and ${row}). Keep one value per series and year.`,
        [row, header[iYear] as string],
        `a year not given before for series ${show(id)} (row ${first})`,
        year,
        { file, row, field: header[iYear] },
      );
    }
    seen.set(key, row);
    out.push({ id, year, value });
  }
  return out;
}

function parseWide(file: string, rows: string[][], header: string[]): SeriesRow[] {
  const ids = header.slice(1);
  ids.forEach((id, j) => {
    if (id === '')
      throw argumentError(
        'invalid_data',
        `${file}: row 1, column ${j + 2}: the series name is empty (got ""). Name every column.`,
        [1, j + 2],
        'a series name',
        '',
        { file, row: 1 },
      );
    if (ids.indexOf(id) !== j)
      throw argumentError(
        'invalid_data',
        `${file}: row 1, field "${id}": the column appears twice (got columns ${ids.indexOf(id) + 2} and ${j + 2}). Give each series one column.`,
        [1, id],
        'a column name not given before',
        id,
        { file, row: 1, field: id },
      );
  });
  const years = new Map<number, number>();
  const perSeries: SeriesRow[][] = ids.map(() => []);
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] as string[];
    const row = r + 1;
    const year = parseYear(file, row, header[0] as string, cells[0]);
    const first = years.get(year);
    if (first !== undefined) {
      throw argumentError(
        'invalid_data',
        `${file}: row ${row}, field "${header[0]}": the year ${year} appears twice (got rows ${first} and ${row}). Keep one row per year.`,
        [row, header[0] as string],
        `a year not given before (row ${first})`,
        year,
        { file, row, field: header[0] },
      );
    }
    years.set(year, row);
    ids.forEach((id, j) => {
      const raw = cells[j + 1];
      if (raw === undefined || MISSING.has(raw.trim().toLowerCase())) return;
      perSeries[j]?.push({ id, year, value: parseValue(file, row, id, raw) });
    });
  }
  return perSeries.flat();
}

/**
 * Reads a series CSV file (long or wide, see {@link parseSeriesCsv}).
 * @param path file path
 * @throws {MetricsError} not_found when the file cannot be read; invalid_data for bad content (file, row, field)
 * @example
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const file = join(mkdtempSync(join(tmpdir(), 'im-')), 'market.csv');
 * writeFileSync(file, 'id,year,value\nmarket,2020,1.5\n');
 * readSeriesCsv(file); // => [{ id: 'market', year: 2020, value: 1.5 }]
 */
export function readSeriesCsv(path: string, options: Omit<ParseSeriesCsvOptions, 'file'> = {}): SeriesRow[] {
  assertFilePath('readSeriesCsv', path);
  assertOptions('readSeriesCsv', options, '{ layout }', READ_SERIES_CSV_OPTIONS);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw argumentError(
      'not_found',
      `readSeriesCsv: cannot read ${path} (got ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}). Check the path.`,
      'path',
      'a file that can be read',
      path,
      { file: path },
    );
  }
  return parseSeriesCsv(text, { ...options, file: path });
}

/**
 * The name messages start with (`x.csv: row 3, …`): the file given, else `<csv>` when none or a blank one is
 * given; anything but text is refused.
 */
function fileName(fn: string, file: unknown): string {
  if (file === undefined) return '<csv>';
  if (typeof file !== 'string')
    throw argumentError(
      'invalid_argument',
      `${fn}: options.file must be a file name (got ${show(file)}).`,
      'options.file',
      'a file name',
      file,
    );
  const name = file.trim().split('\n')[0] as string;
  return name === '' ? '<csv>' : name;
}

/** Options of {@link parsePanelCsv}. */
export interface ParsePanelCsvOptions {
  /** Name used in error messages (the path). Default `"<csv>"`. */
  readonly file?: string;
  /** Unit of the values; a `unit` column, where it has a value, must agree with it. Default: the column's, else `unspecified`. */
  readonly unit?: string | Unit;
}

const PARSE_PANEL_CSV_OPTIONS = optionNames<ParsePanelCsvOptions>({ file: true, unit: true });

/**
 * Reads sector levels from CSV text into a {@link Panel}: a long table `id,year,value` (one row per sector and
 * year; rows with id `total` give the stated total), with an optional `unit` column. The same reader as
 * {@link parseSeriesCsv} (header names, numbers and messages naming the file, row and field), then
 * {@link panelFromRows}; the command line's `decompose file.csv` reads its files with it.
 * @throws {MetricsError} invalid_data for a header without id, year and value, a bad year or value, an empty id or
 *   the same id and year twice; unit_mismatch when the unit column changes from row to row or disagrees with
 *   `options.unit`; missing_years when a sector lacks a year another has
 * @example
 * const p = parsePanelCsv('id,year,value,unit\na,2020,1,CNY billion\na,2021,2,CNY billion\nb,2020,3,CNY billion\nb,2021,3,CNY billion\n');
 * p.sectors; // => ['a', 'b']
 * p.values; // => [[1, 2], [3, 3]]
 * p.unit; // => { kind: 'money', currency: 'CNY', scale: 'billion' }
 */
export function parsePanelCsv(text: string, options: ParsePanelCsvOptions = {}): Panel {
  assertOptions('parsePanelCsv', options, "{ file: 'x.csv', unit: 'CNY billion' }", PARSE_PANEL_CSV_OPTIONS);
  const file = fileName('parsePanelCsv', options.file);
  const { rows, header, find, iId, iYear, iValue, missing } = readTable('parsePanelCsv', text, file);
  if (missing.length > 0) {
    throw argumentError(
      'invalid_data',
      `${file}: row 1: the header has no ${missing.map((m) => `"${m}"`).join(', ')} column (got ${show(header.join(','))}). Write a long table: id,year,value (optional unit); "total" rows give the stated total.`,
      [1],
      `a header with ${missing.map((m) => `"${m}"`).join(', ')}`,
      header.join(','),
      { file, row: 1 },
    );
  }
  const iUnit = find(['unit']);
  const given = options.unit === undefined ? undefined : parseUnit(options.unit);
  let unit = given;
  if (iUnit >= 0) {
    for (let r = 1; r < rows.length; r++) {
      const cell = ((rows[r] as string[])[iUnit] ?? '').trim();
      if (cell === '') continue;
      const u = parseUnit(cell);
      if (unit === undefined) unit = u;
      else if (!sameUnit(unit, u)) {
        const field = header[iUnit] as string;
        throw argumentError(
          'unit_mismatch',
          `${file}: row ${r + 1}, field "${field}": the unit is "${unitToString(u)}" but ${unit === given ? 'the unit given is' : 'earlier rows use'} "${unitToString(unit)}". Convert the values to one unit first.`,
          [r + 1, field],
          `"${unitToString(unit)}"`,
          cell,
          { file, row: r + 1, field },
        );
      }
    }
  }
  const long = parseLong(file, rows, iId, iYear, iValue, header);
  return panelFromRows(long, { unit: unit ?? 'unspecified', source: file, firstRow: 2 });
}
