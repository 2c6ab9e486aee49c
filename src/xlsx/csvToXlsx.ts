import { csvParseRows } from 'd3-dsv';
import { toXlsx } from './toXlsx.js';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A command's CSV output as a one-sheet workbook: the header row bold and frozen, numbers as numbers (every
 * cell that reads as a decimal number), text as text (the CSV's leading apostrophe against spreadsheet
 * formulas dropped: a workbook cell of type text is never run). This is how `--format xlsx` works on every
 * command that prints a table: the command writes its CSV and the workbook is made from it.
 * @param csv RFC 4180 text with a header row
 * @param sheet the sheet's name
 * @example
 * const bytes = await csvToXlsx('year,value\n2025,3.05\n', 'Projection');
 * bytes.length > 1000; // => true
 */
export async function csvToXlsx(csv: string, sheet: string): Promise<Uint8Array> {
  const [header = [], ...rows] = csvParseRows(csv.replace(/^\uFEFF/, '')).filter(
    (r) => !(r.length === 1 && r[0] === ''),
  );
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const cell = (v: string | undefined): string | number | null =>
    v === undefined || v === '' ? null : NUMBER.test(v.trim()) ? Number(v) : v.startsWith("'") ? v.slice(1) : v;
  return toXlsx([
    {
      name: sheet,
      columns: Array.from({ length: width }, (_, j) => header[j] ?? ''),
      rows: rows.map((r) => Array.from({ length: width }, (_, j) => cell(r[j]))),
    },
  ]);
}
