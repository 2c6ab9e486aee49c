// Excel workbooks in: a sheet read as rows of cells, and as CSV text so series and panels go through the
// same parsers (and the same errors, naming the sheet, the row and the column) as CSV files.
import { readFileSync } from 'node:fs';
import { csvFormatRows } from 'd3-dsv';
import { argumentError, assertFilePath, assertOptions, optionNames, show } from '../internal/assert.js';
import { loadExcelJs } from './internal/loadExcelJs.js';

/** Options of {@link readXlsx}. */
export interface ReadXlsxOptions {
  /** The sheet to read, by name; default the first. */
  readonly sheet?: string;
}

const READ_XLSX_OPTIONS = optionNames<ReadXlsxOptions>({ sheet: true });

/** A sheet read from a workbook: its name and its rows (row 1 first), cells as numbers, text or null. */
export interface XlsxSheet {
  readonly sheet: string;
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** A cell's value as a number, text or null: formulas give their cached result, dates ISO text, rich text its text. */
function cellValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('result' in o) return cellValue(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.error !== undefined) return String(o.error);
  }
  return String(v);
}

/**
 * Reads one sheet of an .xlsx workbook (the first, or the one named) as rows of cells: numbers stay numbers,
 * formulas give their cached results, empty cells are null; rows keep their Excel numbering (blank rows are
 * empty rows).
 * @param path the workbook's path
 * @param options `sheet` name (default the first sheet)
 * @throws {MetricsError} not_found when the file cannot be read; invalid_data when it is not a workbook or has no
 *   sheet of that name (the message lists the sheets)
 */
export async function readXlsx(path: string, options: ReadXlsxOptions = {}): Promise<XlsxSheet> {
  assertFilePath('readXlsx', path);
  assertOptions('readXlsx', options, "{ sheet: 'Revenue' }", READ_XLSX_OPTIONS);
  // A sheet name is text: anything else (a Symbol could not even be written into the message) is refused first.
  if (options.sheet !== undefined && typeof options.sheet !== 'string') {
    throw argumentError(
      'invalid_argument',
      `readXlsx: options.sheet must be a sheet's name (got ${show(options.sheet)}). Leave it out for the first sheet.`,
      'options.sheet',
      "a sheet's name",
      options.sheet,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw argumentError(
      'not_found',
      `readXlsx: cannot read ${path} (got ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}). Check the path.`,
      'path',
      'a file that can be read',
      path,
      { file: path },
    );
  }
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw argumentError(
      'invalid_data',
      `${path}: not an .xlsx workbook (got ${e instanceof Error ? e.message : String(e)}). Save the file as Excel Workbook (.xlsx).`,
      [],
      'an .xlsx workbook',
      e instanceof Error ? e.message : String(e),
      { file: path },
    );
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws = options.sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(options.sheet);
  if (ws === undefined) {
    throw argumentError(
      'invalid_data',
      options.sheet === undefined
        ? `${path}: the workbook has no sheet (got none). Put the data on the first sheet.`
        : `${path}: no sheet named "${options.sheet}" (got sheets ${names.map((n) => `"${n}"`).join(', ')}). Pass --sheet with one of them.`,
      'options.sheet',
      options.sheet === undefined ? 'a workbook with a sheet' : `one of ${names.map((n) => `"${n}"`).join(', ')}`,
      options.sheet,
      { file: path, sheets: names },
    );
  }
  const rows: (string | number | null)[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    rows.push(cells);
  }
  return { sheet: ws.name, rows };
}

/**
 * A sheet as CSV text, for the CSV parsers: numbers written exactly (shortest round-trip form), and a name
 * for messages, `data.xlsx, sheet "Revenue"`, so an error reads `data.xlsx, sheet "Revenue": row 3: …`.
 * @param path the workbook's path
 * @param options `sheet` name (default the first sheet)
 */
export async function xlsxAsCsv(path: string, options: ReadXlsxOptions = {}): Promise<{ text: string; file: string }> {
  assertOptions('xlsxAsCsv', options, "{ sheet: 'Revenue' }", READ_XLSX_OPTIONS);
  const { sheet, rows } = await readXlsx(path, options);
  const text = `${csvFormatRows(rows.map((r) => r.map((v) => (v === null ? '' : String(v)))))}\n`;
  return { text, file: `${path}, sheet "${sheet}"` };
}
