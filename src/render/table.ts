// Tables as the report, its CSV files and its workbook write them: columns with a unit and a number format, and
import { formatPercent } from '../internal/formatNumber.js';
// how a cell is written. Plain data, no dependency: model/ builds tables, report/ and xlsx/ write them.

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
