import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MetricsError } from '../errors.js';
import { OutputFormat, type CliArgs, type CliContext } from './command.js';

/** A row of output: flat values only. */
export type Row = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Reads `--format` (default table), rejecting unknown values with the list of allowed ones. */
export function formatOption(args: CliArgs, fallback: OutputFormat = 'table'): OutputFormat {
  const f = args.values['format'];
  if (f === undefined) return fallback;
  if (typeof f !== 'string' || !(f in OutputFormat)) {
    throw new MetricsError('invalid_argument', `--format must be one of ${Object.keys(OutputFormat).join(', ')} (got ${JSON.stringify(f)}).`);
  }
  return f as OutputFormat;
}

/** A number for a table cell: up to 6 significant digits, no exponent for ordinary magnitudes. */
export function cell(value: Row[string]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
    const abs = Math.abs(value);
    if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return value.toExponential(4);
    return String(Number(value.toPrecision(6)));
  }
  return String(value);
}

/** Rows as an aligned plain-text table (numbers right-aligned), with a header. */
export function toTable(rows: readonly Row[], columns: readonly string[] = columnsOf(rows)): string {
  if (rows.length === 0) return '(no rows)\n';
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => (r[j] as string).length)));
  const numeric = columns.map((c) => rows.every((r) => typeof r[c] === 'number' || r[c] === undefined || r[c] === null));
  const line = (vals: readonly string[]) =>
    vals.map((v, j) => (numeric[j] ? v.padStart(widths[j] as number) : v.padEnd(widths[j] as number))).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

/**
 * Rows as RFC 4180 CSV. Text cells that a spreadsheet would read as a formula (starting with
 * = + - @, tab or carriage return) get a leading apostrophe; numbers are written as they are.
 */
export function toCsv(rows: readonly Row[], columns: readonly string[] = columnsOf(rows)): string {
  const esc = (v: Row[string]): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    let s = v;
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => esc(r[c])).join(','))].join('\n') + '\n';
}

/** The union of row keys in first-seen order. */
export function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** Prints rows in the chosen format (JSON gets `json` when given, else the rows). */
export function printRows(ctx: CliContext, format: OutputFormat, rows: readonly Row[], json?: unknown, columns?: readonly string[]): void {
  if (format === 'json') ctx.stdout(JSON.stringify(json ?? rows, null, 2) + '\n');
  else if (format === 'csv') ctx.stdout(toCsv(rows, columns));
  else ctx.stdout(toTable(rows, columns));
}

/** Writes a file for `--out`, creating folders; returns the absolute path. */
export function writeOut(ctx: CliContext, path: string, content: string | Uint8Array): string {
  const abs = resolve(ctx.cwd, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}
