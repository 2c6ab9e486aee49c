import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

/**
 * Temporary files and folders being written: removed if the process is interrupted (see signals.ts) or a
 * write fails, so no half-written output is ever left under its final name or beside it.
 */
export const pendingPaths = new Set<string>();

/** Removes a file or folder if it is there; never throws (cleanup must not hide the error being reported). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* a path under a file, or already gone */
  }
}

/** A temporary name beside `abs` (same folder, so the final rename stays on one file system). */
function temporaryBeside(abs: string): string {
  return join(dirname(abs), `.${basename(abs)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/** Turns a file-system error into a MetricsError naming the path (exit 2, one line), not an internal error. */
function writeError(path: string, e: unknown): MetricsError {
  const code = (e as NodeJS.ErrnoException).code;
  return new MetricsError(
    'invalid_argument',
    `cannot write ${path} (got ${code ?? (e instanceof Error ? e.message : String(e))}). Check the folder exists and is writable.`,
    { path },
  );
}

/**
 * Writes a file for `--out`, creating folders; returns the absolute path. The content goes to a temporary
 * file beside the target, renamed over it only when complete: an interrupt or an error never leaves a
 * half-written file.
 */
export function writeOut(ctx: CliContext, path: string, content: string | Uint8Array): string {
  const abs = resolve(ctx.cwd, path);
  const tmp = temporaryBeside(abs);
  pendingPaths.add(tmp);
  try {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, abs);
  } catch (e) {
    removeQuietly(tmp);
    throw writeError(path, e);
  } finally {
    pendingPaths.delete(tmp);
  }
  return abs;
}

/**
 * Writes a whole folder (a report) with `write(tmpDir)` into a temporary folder beside `dir`, then moves it
 * into place: the old folder (if any) is renamed aside, the new one renamed to `dir`, the old one removed.
 * At every moment `dir` is the complete old folder or the complete new one (or, between the two renames,
 * briefly absent); an interrupt or an error leaves the old folder as it was and no temporary folder.
 * @returns what `write` returned, with the temporary folder's paths mapped to `dir`
 */
export async function writeFolderAtomically(
  dir: string,
  write: (tmpDir: string) => Promise<readonly string[]>,
): Promise<string[]> {
  const abs = resolve(dir);
  const tmp = temporaryBeside(abs);
  const old = `${tmp}.old`;
  pendingPaths.add(tmp);
  try {
    mkdirSync(dirname(abs), { recursive: true });
    const files = await write(tmp);
    if (existsSync(abs)) {
      pendingPaths.add(old);
      renameSync(abs, old);
    }
    renameSync(tmp, abs);
    removeQuietly(old);
    return files.map((f) => (f.startsWith(tmp) ? abs + f.slice(tmp.length) : f));
  } catch (e) {
    removeQuietly(tmp);
    // A failure between the renames puts the old folder back.
    if (existsSync(old) && !existsSync(abs)) renameSync(old, abs);
    if (e instanceof MetricsError) throw e;
    throw writeError(dir, e);
  } finally {
    pendingPaths.delete(tmp);
    pendingPaths.delete(old);
  }
}

/** Removes every temporary file or folder still being written (on an interrupt). */
export function removePending(): void {
  for (const p of pendingPaths) removeQuietly(p);
  pendingPaths.clear();
}

/** The file named by `--out`, when given. */
export function outOption(args: CliArgs): string | undefined {
  const out = args.values['out'];
  if (out === undefined) return undefined;
  if (typeof out !== 'string' || out.trim() === '')
    throw new MetricsError('invalid_argument', `--out needs a file name (got ${JSON.stringify(out)}).`);
  return out;
}

/**
 * The output format: `--format` when given, else the `--out` file's extension (`.json` json, `.txt`
 * table, anything else csv), else a table for the terminal.
 */
export function outputFormat(args: CliArgs): OutputFormat {
  const out = outOption(args);
  const byExt: OutputFormat =
    out === undefined ? 'table' : out.endsWith('.json') ? 'json' : out.endsWith('.txt') ? 'table' : 'csv';
  return formatOption(args, byExt);
}

/** Writes `text` to the `--out` file (and says so, naming `what` was written) or prints it. */
export function emit(ctx: CliContext, args: CliArgs, text: string, what: string): void {
  const out = outOption(args);
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

/**
 * A whole-number option: `--paths 100000`, `--paths 1e5` or `--paths 100_000` (read as 100000), at least
 * `min`; the fallback when the option is absent. Too large for a safe integer is refused here; whether a
 * number is too large for the machine is for the function that uses it (it says so with its estimate).
 */
export function wholeNumberOption(args: CliArgs, name: string, fallback: number, min: number): number {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  const text = typeof raw === 'string' ? raw.trim().replace(/_/g, '') : '';
  const v = /^(\d+(\.\d+)?(e\+?\d+)?|\d+e\+?\d+)$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(v) || v < min) {
    throw new MetricsError(
      'invalid_argument',
      `--${name} must be a whole number >= ${min} (got ${JSON.stringify(raw)}). For example --${name} ${fallback}${fallback >= 10_000 ? ` or --${name} ${fallback.toExponential().replace('+', '')}` : ''}.`,
    );
  }
  return v;
}
