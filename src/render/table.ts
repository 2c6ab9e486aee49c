// Tables as the report, its CSV files and its workbook write them: columns with a unit and a number format, and
import { formatPercent } from '../internal/formatNumber.js';
import { MetricsError } from '../errors.js';
import { argumentError, fieldError, show } from '../internal/assert.js';

/** A column of a report table: its name, the unit its numbers are in, and how they are written. */
export interface ReportColumn {
  readonly name: string;
  /** Unit of the numbers (`RMB trillion`, `%`), shown in the header: `Level in 2025 (RMB trillion)`. */
  readonly unit?: string;
  /** `number` (default for numbers), `percent` (fractions: 0.28 is written 28%), `year` (no separator). */
  readonly format?: 'number' | 'percent' | 'year';
  /** Decimals of every number in the column (one precision per column); default up to 6 significant digits. */
  readonly decimals?: number;
}

/** A table of a report section: a title (numbered "Table N."), columns and rows of cells. */
export interface ReportTable {
  readonly title?: string;
  /** Column names, or columns with a unit and a number format. */
  readonly columns: readonly (string | ReportColumn)[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** A column as a ReportColumn. */
export function columnOf(c: string | ReportColumn): ReportColumn {
  return typeof c === 'string' ? { name: c } : c;
}

/** A column's header with its unit: `Level in 2025 (RMB trillion)`; a percent column's unit is not repeated. */
export function columnHeader(c: string | ReportColumn): string {
  const col = columnOf(c);
  return col.unit && col.unit !== '%' ? `${col.name} (${col.unit})` : col.name;
}

/** A cell as text for its column: percentages as percentages, one number of decimals per column. */
export function cellText(v: string | number | null, c: string | ReportColumn): string {
  if (v === null) return '';
  if (typeof v !== 'number') return v;
  const col = columnOf(c);
  // Calendar years are labels, not quantities: no thousands separator.
  if (col.format === 'year' || (col.format === undefined && /^(years?|年份)$/i.test(col.name) && Number.isInteger(v)))
    return String(v);
  const fixed = (x: number, d: number | undefined): string =>
    d === undefined
      ? Number.isInteger(x)
        ? x.toLocaleString('en-US')
        : x.toLocaleString('en-US', { maximumSignificantDigits: 6 })
      : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  if (col.format === 'percent')
    return formatPercent(v, col.decimals === undefined ? { decimals: 4 } : { decimals: col.decimals, fixed: true });
  return fixed(v, col.decimals);
}

/** A table as RFC 4180 CSV: headers with units, numbers unrounded; text that a spreadsheet would run is quoted with '. */
export function tableCsv(t: ReportTable): string {
  const esc = (v: string | number | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[t.columns.map((c) => esc(columnHeader(c))).join(','), ...t.rows.map((r) => r.map(esc).join(','))].join('\n')}\n`;
}

/** The most sections, charts, tables, rows or cells in one list of a report. */
const MAX_ITEMS = 10_000;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A list of a report checked: an array without holes, at most {@link MAX_ITEMS} long. */
export function checkList(fn: string, where: string, v: unknown, nonEmpty = false): readonly unknown[] {
  if (!Array.isArray(v) || (nonEmpty && v.length === 0))
    throw argumentError(
      'invalid_argument',
      `${fn}: ${where} must be ${nonEmpty ? 'a non-empty' : 'an'} array (got ${show(v)}).`,
      where,
      `${nonEmpty ? 'a non-empty' : 'an'} array`,
      v,
      { field: where },
    );
  if (v.length > MAX_ITEMS) {
    throw new MetricsError(
      'too_large',
      `${fn}: ${where} has ${v.length} entries, more than a report can hold (at most ${MAX_ITEMS}). Split or summarise it.`,
      { entries: v.length },
    );
  }
  // Indexed loops, not forEach: forEach skips the holes of a sparse array.
  for (let i = 0; i < v.length; i++)
    if (!(i in v))
      throw argumentError(
        'invalid_argument',
        `${fn}: ${where}[${i}] is missing (got a hole in the array).`,
        `${where}[${i}]`,
        'an entry',
        undefined,
        {
          field: where,
        },
      );
  return v;
}

/**
 * Checks a table of a report or a workbook: columns are names or { name, unit?, format?, decimals? }, each row
 * has one cell per column, cells are text, finite numbers or null (booleans too when `booleans`).
 * Not exported from the package: reportHtml, writeReport and toXlsx share it.
 */
export function checkReportTable(fn: string, where: string, t: unknown, booleans = false): void {
  const fail = (w: string, what: string, got: unknown): never => {
    throw fieldError(fn, w, what, got);
  };
  if (!isObject(t)) fail(where, 'must be { columns, rows }', t);
  const table = t as Record<string, unknown>;
  if (table['title'] !== undefined && typeof table['title'] !== 'string')
    fail(`${where}.title`, 'must be text', table['title']);
  const columns = checkList(fn, `${where}.columns`, table['columns']);
  columns.forEach((c, k) => {
    if (typeof c === 'string') return;
    const cw = `${where}.columns[${k}]`;
    if (!isObject(c) || typeof c['name'] !== 'string')
      return fail(cw, 'must be a name or { name, unit, format, decimals }', c);
    if (c['unit'] !== undefined && typeof c['unit'] !== 'string') fail(`${cw}.unit`, 'must be text', c['unit']);
    if (c['format'] !== undefined && !['number', 'percent', 'year'].includes(c['format'] as string))
      fail(`${cw}.format`, 'must be number, percent or year', c['format']);
    const d = c['decimals'];
    if (d !== undefined && !(typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 20))
      fail(`${cw}.decimals`, 'must be a whole number in [0, 20]', d);
  });
  checkList(fn, `${where}.rows`, table['rows']).forEach((r, k) => {
    const row = checkList(fn, `${where}.rows[${k}]`, r);
    if (row.length !== columns.length)
      fail(`${where}.rows[${k}]`, `must have one cell per column (${columns.length})`, row);
    row.forEach((v, m) => {
      if (
        !(
          v === null ||
          typeof v === 'string' ||
          (typeof v === 'number' && Number.isFinite(v)) ||
          (booleans && (v === undefined || typeof v === 'boolean'))
        )
      )
        fail(`${where}.rows[${k}][${m}]`, 'must be text, a finite number or null', v);
    });
  });
}
