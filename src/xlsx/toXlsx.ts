// Excel workbooks out: a sheet per table, units in the headers, numbers stored as numbers with a number
// format, a frozen header row. exceljs is loaded here, on first use only, so importing the package (or
// running a command without --format xlsx) never loads it.
import { MetricsError } from '../errors.js';
import { argumentError, show } from '../internal/assert.js';
import { checkReportTable, columnHeader, columnOf, type ReportColumn } from '../render/table.js';

/** The most sheets a workbook takes (a report's has one per table and chart, a few dozen). */
const MAX_SHEETS = 1000;
import { loadExcelJs } from './internal/loadExcelJs.js';

/** One sheet of a workbook: a name (made unique and Excel-safe), columns and rows. */
export interface WorkbookSheet {
  readonly name: string;
  /** A line above the header (what the table is); the header then sits on row 2. */
  readonly title?: string;
  readonly columns: readonly (string | ReportColumn)[];
  readonly rows: readonly (readonly (string | number | boolean | null | undefined)[])[];
}

/** An Excel-safe sheet name: no []:*?/\, at most 31 characters, unique in `taken`. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Sheet'
  )
    .slice(0, 31)
    .trimEnd();
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The Excel number format of a column: `0.0%` for a percent column with one decimal, `#,##0.00`, `0` for years. */
export function numberFormat(c: string | ReportColumn): string | undefined {
  const col = columnOf(c);
  const zeros = (d: number | undefined) => (d === undefined || d <= 0 ? '' : `.${'0'.repeat(d)}`);
  if (col.format === 'percent') return `0${zeros(col.decimals ?? 1)}%`;
  if (col.format === 'year' || /^(years?|年份)$/i.test(col.name)) return '0';
  if (col.decimals !== undefined) return `#,##0${zeros(col.decimals)}`;
  return undefined;
}

/**
 * Writes tables as an .xlsx workbook: one sheet per table (names made Excel-safe and unique), an optional
 * title row, a bold frozen header with the units (`Level in 2025 (RMB trillion)`), numbers as numbers with
 * each column's format (percentages stay fractions shown as `28%`), text as text.
 * @param sheets the tables, in order (at least one)
 * @returns the workbook's bytes
 * @throws {MetricsError} invalid_argument for no sheets or a row whose length differs from its columns
 * @example
 * const bytes = await toXlsx([{ name: 'Scenarios', columns: ['Scenario', { name: 'CAGR', unit: '%', format: 'percent', decimals: 1 }], rows: [['plan', 0.25]] }]);
 * new TextDecoder().decode(bytes.subarray(0, 2)); // => 'PK'
 */
export async function toXlsx(sheets: readonly WorkbookSheet[]): Promise<Uint8Array> {
  if (!Array.isArray(sheets as unknown) || sheets.length === 0) {
    throw argumentError(
      'invalid_argument',
      `toXlsx: sheets must be a non-empty array (got ${show(sheets)}).`,
      'sheets',
      'a non-empty array',
      sheets,
    );
  }
  if (sheets.length > MAX_SHEETS) {
    throw new MetricsError(
      'too_large',
      `toXlsx: ${sheets.length} sheets is more than a workbook here holds (got ${sheets.length}; at most ${MAX_SHEETS}). Put tables together.`,
    );
  }
  for (let i = 0; i < sheets.length; i++) {
    const s: unknown = sheets[i];
    if (s === null || typeof s !== 'object' || typeof (s as WorkbookSheet).name !== 'string')
      throw argumentError(
        'invalid_argument',
        `toXlsx: sheets[${i}] must be { name, columns, rows } (got ${show(s)}). Give every sheet a name.`,
        `sheets[${i}]`,
        '{ name, columns, rows }',
        s,
      );
    // The same check as a report's tables (one cell per column; text, finite numbers, booleans or null).
    checkReportTable('toXlsx', `sheets[${i}]`, s, true);
  }
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'industry-metrics';
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, taken));
    let headerRow = 1;
    if (s.title !== undefined) {
      ws.getRow(1).getCell(1).value = s.title;
      ws.getRow(1).getCell(1).font = { bold: true, size: 12 };
      headerRow = 2;
    }
    const header = ws.getRow(headerRow);
    s.columns.forEach((c, j) => {
      const cell = header.getCell(j + 1);
      cell.value = columnHeader(c);
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    s.rows.forEach((r, i) => {
      const row = ws.getRow(headerRow + 1 + i);
      r.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = row.getCell(j + 1);
        cell.value = typeof v === 'boolean' ? String(v) : v;
        const fmt = typeof v === 'number' ? numberFormat(s.columns[j] as string | ReportColumn) : undefined;
        if (fmt !== undefined) cell.numFmt = fmt;
      });
    });
    s.columns.forEach((c, j) => {
      const longest = Math.max(columnHeader(c).length, ...s.rows.slice(0, 200).map((r) => String(r[j] ?? '').length));
      ws.getColumn(j + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: headerRow }];
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
