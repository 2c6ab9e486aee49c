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
    throw new MetricsError(
      'invalid_argument',
      `--format must be one of ${Object.keys(OutputFormat).join(', ')} (got ${JSON.stringify(f)}).`,
    );
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
  const numeric = columns.map((c) =>
    rows.every((r) => typeof r[c] === 'number' || r[c] === undefined || r[c] === null),
  );
  const line = (vals: readonly string[]) =>
    vals
      .map((v, j) => (numeric[j] ? v.padStart(widths[j] as number) : v.padEnd(widths[j] as number)))
      .join('  ')
      .trimEnd();
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

/** Rows as text in the chosen format (JSON gets `json` when given, else the rows). */
export function rowsText(
  format: OutputFormat,
  rows: readonly Row[],
  json?: unknown,
  columns?: readonly string[],
): string {
  if (format === 'json') return JSON.stringify(json ?? rows, null, 2) + '\n';
  return format === 'csv' ? toCsv(rows, columns) : toTable(rows, columns);
}

/** Writes a file for `--out`, creating folders; returns the absolute path. */
export function writeOut(ctx: CliContext, path: string, content: string | Uint8Array): string {
  const abs = resolve(ctx.cwd, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

/** The file named by `--out`, when given. */
export function outOption(args: CliArgs): string | undefined {
  const out = args.values['out'];
  if (out === undefined) return undefined;
  if (typeof out !== 'string' || out.trim() === '')
    throw new MetricsError('invalid_argument', `--out needs a file name (got ${JSON.stringify(out)}).`);
  return out;
}

/** The format asked for: `--format`, else the `--out` file's extension, else a table for the terminal. */
function requestedFormat(args: CliArgs): OutputFormat {
  const out = outOption(args);
  const byExt: OutputFormat =
    out === undefined
      ? 'table'
      : out.endsWith('.json')
        ? 'json'
        : out.endsWith('.txt')
          ? 'table'
          : out.toLowerCase().endsWith('.xlsx')
            ? 'xlsx'
            : 'csv';
  return formatOption(args, byExt);
}

/**
 * The format a command writes its output in: `--format` when given, else the `--out` file's extension
 * (`.json` json, `.txt` table, `.xlsx` a workbook, anything else csv), else a table for the terminal. For
 * `xlsx` the command writes CSV and {@link emit} turns it into the workbook, so this returns `csv`.
 */
export function outputFormat(args: CliArgs): OutputFormat {
  const f = requestedFormat(args);
  return f === 'xlsx' ? 'csv' : f;
}

/**
 * Writes `text` to the `--out` file (and says so, naming `what` was written) or prints it. With
 * `--format xlsx` (or an `--out` ending in .xlsx) the text is the command's CSV and is written as a one-sheet
 * workbook (src/xlsx, loaded only then); a workbook needs `--out`.
 */
export async function emit(ctx: CliContext, args: CliArgs, text: string, what: string): Promise<void> {
  const out = outOption(args);
  if (requestedFormat(args) === 'xlsx') {
    if (out === undefined)
      throw new MetricsError(
        'invalid_argument',
        '--format xlsx writes a workbook, not text (got no --out). Add --out FILE.xlsx.',
      );
    const { csvToXlsx } = await import('../xlsx/csvToXlsx.js');
    const bytes = await csvToXlsx(text, what.replace(/^the /, '').slice(0, 31));
    ctx.stdout(`wrote ${what} to ${writeOut(ctx, out, bytes)}\n`);
    return;
  }
  if (out === undefined) {
    ctx.stdout(text);
    return;
  }
  ctx.stdout(`wrote ${what} to ${writeOut(ctx, out, text)}\n`);
}

/**
 * A progress callback that draws `label… 42%` on stderr when stderr is a terminal, and nothing
 * otherwise (so pipes, files and CI logs stay clean).
 */
export function progressBar(ctx: CliContext, label: string): ((done: number, total: number) => void) | undefined {
  if (!ctx.stderrIsTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((width * pct) / 100);
    ctx.stderr(
      `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(pct).padStart(3)}%${done >= total ? '\n' : ''}`,
    );
  };
}
