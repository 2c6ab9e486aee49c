import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MetricsError } from '../errors.js';
import { argumentError } from '../internal/assert.js';
import { OutputFormat, type CliArgs, type CliContext } from './command.js';

/** A row of output: flat values only. */
export type Row = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Reads `--format` (default table), rejecting unknown values with the list of allowed ones. */
export function formatOption(args: CliArgs, fallback: OutputFormat = 'table'): OutputFormat {
  return choiceOption(args, 'format', Object.keys(OutputFormat) as OutputFormat[], fallback);
}

/**
 * An option that takes one of a few words (`--fill linear|log`): the fallback when absent, else the value if
 * it is one of `choices`; anything else is refused naming them, with `hint` after the message when given.
 * @throws {MetricsError} invalid_argument with the issue path ['--<name>']
 */
export function choiceOption<C extends string, F extends C | undefined>(
  args: CliArgs,
  name: string,
  choices: readonly C[],
  fallback: F,
  hint = '',
): C | F {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  if (typeof raw === 'string' && (choices as readonly string[]).includes(raw)) return raw as C;
  const allowed = choices.length === 2 ? `${choices[0]} or ${choices[1]}` : `one of ${choices.join(', ')}`;
  throw argumentError(
    'invalid_argument',
    `--${name} must be ${allowed} (got ${JSON.stringify(raw)}).${hint === '' ? '' : ` ${hint}`}`,
    [`--${name}`],
    allowed,
    raw,
  );
}

/** The widest a table (or a wrapped paragraph) is drawn: text columns wrap to fit; numbers are never cut. */
export const TABLE_WIDTH = 100;

/**
 * How a table column shows its values (CSV and JSON always carry the full numbers):
 * - `number`: one count of decimals for the whole column, chosen so its largest value shows `digits`
 *   significant digits (default 4: the plans state figures to two or three);
 * - `percent`: a fraction shown times 100 with `digits` decimals (default 2); say `%` in the header;
 * - `year`: whole numbers as they are (no separators);
 * - `text`: as it is, wrapped to fit the table's width.
 */
export const ColumnStyle = { text: 'text', number: 'number', percent: 'percent', year: 'year' } as const;
export type ColumnStyle = keyof typeof ColumnStyle;

/** A column of a table: the row field, its header (with the unit), how its values read. */
export interface ColumnSpec {
  readonly key: string;
  /** Header text, with the unit where there is one (`level (CNY trillion)`, `growth %`); default the key. */
  readonly header?: string;
  /** Default: `year` for whole numbers in a column named year(s), `number` for other numbers, else `text`. */
  readonly style?: ColumnStyle;
  /** Significant digits (number) or decimals (percent). */
  readonly digits?: number;
}
export type Column = string | ColumnSpec;

function resolveColumn(c: Column, rows: readonly Row[]): Required<ColumnSpec> {
  const spec: ColumnSpec = typeof c === 'string' ? { key: c } : c;
  const values = rows.map((r) => r[spec.key]).filter((v) => v !== null && v !== undefined && v !== '');
  const numeric = values.length > 0 && values.every((v) => typeof v === 'number');
  const style =
    spec.style ??
    (numeric && /^years?$|^year\b/i.test(spec.key) && values.every((v) => Number.isInteger(v))
      ? 'year'
      : numeric
        ? 'number'
        : 'text');
  return {
    key: spec.key,
    header: spec.header ?? spec.key,
    style,
    digits: spec.digits ?? (style === 'percent' ? 2 : 4),
  };
}

/** Decimals that give the column's largest finite value `digits` significant digits (at most 10). */
function columnDecimals(values: readonly number[], digits: number): number {
  const max = Math.max(0, ...values.filter(Number.isFinite).map(Math.abs));
  if (max === 0) return 0;
  return Math.min(10, Math.max(0, digits - 1 - Math.floor(Math.log10(max))));
}

/** The text of one cell in its column's style. */
function cellText(v: Row[string], col: Required<ColumnSpec>, decimals: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return String(v);
  const fixed = (x: number, d: number): string => {
    const t = x.toFixed(d);
    return /^-0(\.0*)?$/.test(t) ? t.slice(1) : t; // no "-0.00"
  };
  switch (col.style) {
    case 'percent':
      return fixed(v * 100, col.digits);
    case 'year':
      return String(v);
    case 'text':
      return cell(v);
    case 'number': {
      const abs = Math.abs(v);
      // Outside what fixed decimals can show sensibly: exponent form, still `digits` significant digits.
      if (abs >= 1e15 || (abs > 0 && abs < 1e-6)) return v.toExponential(Math.max(0, col.digits - 1));
      return fixed(v, decimals);
    }
  }
}

/** A number for a table cell on its own (no column): up to 6 significant digits, no exponent for ordinary magnitudes. */
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

/** `text` broken into lines of at most `width` characters, at spaces where it can (long words are cut). */
export function wrapLines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    // A space before % or a closing bracket does not break: "25.00%" stays on one line.
    for (const word of para.split(/ +(?![%)])/)) {
      let w = word;
      while (w.length > width) {
        if (line !== '') {
          out.push(line);
          line = '';
        }
        // A word longer than the line is cut after a '-', '.', '/' or '_' where there is one.
        const head = w.slice(0, width);
        const at = Math.max(head.lastIndexOf('-'), head.lastIndexOf('.'), head.lastIndexOf('/'), head.lastIndexOf('_'));
        const cut = at >= width / 3 ? at + 1 : width;
        out.push(w.slice(0, cut));
        w = w.slice(cut);
      }
      if (line === '') line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * A paragraph wrapped to {@link TABLE_WIDTH}: the first line after `first`, the others indented by `indent`
 * (as many spaces as `first` is long, by default).
 */
export function wrapParagraph(text: string, first = '', indent = ' '.repeat(first.length)): string {
  const lines = wrapLines(text, Math.max(20, TABLE_WIDTH - indent.length));
  return lines.map((l, i) => (i === 0 ? first : indent) + l).join('\n');
}

/**
 * A block of lines (a summary for the terminal) with every line longer than {@link TABLE_WIDTH} wrapped: the
 * continuation lines are indented to where the line's text starts, after its label or aligned columns
 * (`  target   `, `  Big data industry        2020  `), so the block keeps its columns. Lines that fit are
 * left as they are.
 */
export function wrapBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if ([...line].length <= TABLE_WIDTH) return line;
      // The text starts after the first run of two or more spaces past the indentation, within the first 60
      // characters (after a label or an aligned column), else after the indentation; that prefix is kept.
      // The first line keeps its aligned columns up to the last such run (`2020  `) as they are.
      const indent = /^\s*/.exec(line)?.[0].length ?? 0;
      const runs = [...line.slice(indent, 60).matchAll(/ {2,}(?=\S)/g)];
      const end = (k: number): number => indent + (runs[k]?.index ?? 0) + (runs[k]?.[0].length ?? 0);
      const hang = runs.length > 0 ? end(0) : indent;
      const keep = runs.length > 0 ? end(runs.length - 1) : indent;
      const lines = wrapLines(line.slice(keep), Math.max(20, TABLE_WIDTH - keep));
      const head = lines.shift() ?? '';
      const tail = wrapLines(lines.join(' '), Math.max(20, TABLE_WIDTH - hang)).filter((l) => l !== '');
      return [line.slice(0, keep) + head, ...tail.map((l) => ' '.repeat(hang) + l)].join('\n');
    })
    .join('\n');
}

/**
 * Rows as an aligned plain-text table: numbers right-aligned in one style per column (see
 * {@link ColumnSpec}), headers and text wrapped so the table fits {@link TABLE_WIDTH} characters when its
 * numbers allow (numbers are never cut; text columns narrow down to 10 characters, wrapping their cells).
 */
export function toTable(
  rows: readonly Row[],
  columns: readonly Column[] = columnsOf(rows),
  width = TABLE_WIDTH,
): string {
  if (rows.length === 0) return '(no rows)\n';
  // A column with nothing in any row is left out of the table (CSV and JSON keep it).
  const cols = columns
    .map((c) => resolveColumn(c, rows))
    .filter((c) => rows.some((r) => r[c.key] !== undefined && r[c.key] !== null && r[c.key] !== ''));
  const decimals = cols.map((c) =>
    c.style === 'number'
      ? columnDecimals(
          rows.map((r) => r[c.key]).filter((v): v is number => typeof v === 'number'),
          c.digits,
        )
      : 0,
  );
  const cells = rows.map((r) => cols.map((c, j) => cellText(r[c.key], c, decimals[j] as number)));
  const isText = cols.map((c) => c.style === 'text');
  const longestWord = (t: string): number => Math.max(...t.split(/[ \n]/).map((w) => w.length));
  const widest = (j: number): number => Math.max(...cells.map((r) => (r[j] as string).length));
  // Widths, narrowed step by step until the table fits: every header on one line; then numeric headers
  // wrapped at spaces (a number column is as wide as its widest number); then text wrapped at spaces;
  // then text cut (at '-', '.', '/' where it can), down to 10 characters. Numbers are never cut.
  const widths = cols.map((c, j) => Math.max(c.header.length, widest(j)));
  const total = (): number => widths.reduce((a, w) => a + w, 0) + 2 * (widths.length - 1);
  // Narrows the column (of those `which` allows) with the most room above its floor, one character at a time.
  const narrow = (which: (j: number) => boolean, floor: (j: number) => number): void => {
    while (total() > width) {
      let k = -1;
      for (let j = 0; j < widths.length; j++) {
        const room = (widths[j] as number) - floor(j);
        if (which(j) && room > 0 && (k < 0 || room > (widths[k] as number) - floor(k))) k = j;
      }
      if (k < 0) return;
      widths[k] = (widths[k] as number) - 1;
    }
  };
  const MIN_TEXT = 10;
  const words = cols.map((c, j) => Math.max(longestWord(c.header), ...cells.map((r) => longestWord(r[j] as string))));
  // Numeric headers wrap whole (a column is either at its full header or at its widest word or number),
  // the columns that save the most first, only as many as the table needs.
  // A wrapped header takes two lines where it can (half its length), more only for a long word.
  const floorOf = (j: number): number => {
    const h = (cols[j] as Required<ColumnSpec>).header;
    return Math.max(longestWord(h), widest(j), Math.ceil(h.length / 2));
  };
  const byGain = cols
    .map((_, j) => j)
    .filter((j) => !isText[j])
    .sort((a, b) => (widths[b] as number) - floorOf(b) - ((widths[a] as number) - floorOf(a)));
  for (const j of byGain) if (total() > width) widths[j] = floorOf(j);
  // The longest piece of a word between '-', '.', '/' or '_' (where wrapLines cuts a long word).
  const longestPiece = (t: string): number => Math.max(...t.split(/[ \n]|(?<=[-./_])/).map((w) => w.length));
  const pieces = cols.map((c, j) =>
    Math.max(longestPiece(c.header), ...cells.map((r) => longestPiece(r[j] as string))),
  );
  const isTextColumn = (j: number): boolean => isText[j] as boolean;
  narrow(isTextColumn, (j) => Math.max(MIN_TEXT, words[j] as number));
  narrow(isTextColumn, (j) => Math.max(6, pieces[j] as number));
  narrow(isTextColumn, () => 6);
  // Numeric headers may still be longer than their column: they wrap at spaces.
  const block = (texts: readonly string[]): string[] => {
    const wrapped = texts.map((t, j) => wrapLines(t, widths[j] as number));
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let i = 0; i < height; i++) {
      lines.push(
        wrapped
          .map((w, j) => {
            const t = w[i] ?? '';
            return isText[j] ? t.padEnd(widths[j] as number) : t.padStart(widths[j] as number);
          })
          .join('  ')
          .trimEnd(),
      );
    }
    return lines;
  };
  return `${[
    ...block(cols.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.flatMap((r) => block(r)),
  ].join('\n')}\n`;
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
  columns?: readonly Column[],
): string {
  if (format === 'json') return JSON.stringify(json ?? rows, null, 2) + '\n';
  return format === 'csv'
    ? toCsv(
        rows,
        columns?.map((c) => (typeof c === 'string' ? c : c.key)),
      )
    : toTable(rows, columns);
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

let temporaryCount = 0;

/**
 * A temporary name beside `abs` (same folder, so the final rename stays on one file system), unique by the
 * process id and a per-process count: no randomness, so nothing in src/ draws from an unseeded source.
 */
function temporaryBeside(abs: string): string {
  temporaryCount += 1;
  return join(dirname(abs), `.${basename(abs)}.${process.pid}.${temporaryCount}.tmp`);
}

/** Turns a file-system error into a MetricsError naming the path (exit 2, one line), not an internal error. */
function writeError(path: string, e: unknown): MetricsError {
  const code = (e as NodeJS.ErrnoException).code;
  return argumentError(
    'invalid_argument',
    `cannot write ${path} (got ${code ?? (e instanceof Error ? e.message : String(e))}). Check the folder exists and is writable.`,
    ['--out'],
    'a path in a folder that exists and is writable',
    path,
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
    // The temporary folder exists from the start, so an interrupt at any point finds it (and removes it).
    mkdirSync(tmp);
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
    throw argumentError(
      'invalid_argument',
      `--out needs a file name (got ${JSON.stringify(out)}).`,
      ['--out'],
      'a file name',
      out,
    );
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
      throw argumentError(
        'invalid_argument',
        '--format xlsx writes a workbook, not text (got no --out). Add --out FILE.xlsx.',
        ['--out'],
        'a file name for the workbook',
        out,
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
    throw argumentError(
      'invalid_argument',
      `--${name} must be a whole number >= ${min} (got ${JSON.stringify(raw)}). For example --${name} ${fallback}${fallback >= 10_000 ? ` or --${name} ${fallback.toExponential().replace('+', '')}` : ''}.`,
      [`--${name}`],
      `a whole number >= ${min}`,
      raw,
    );
  }
  return v;
}

/**
 * Why a command had nothing to show: how many series failed and the first one's reason, naming the series
 * unless the reason already does. `allFailed('forecast', [{ id: 'a', message: 'too short' }])` reads
 * 'no series could be forecast (the only one failed: series "a": too short)'.
 */
export function allFailed(verb: string, errors: readonly { readonly id: string; readonly message: string }[]): string {
  const first = errors[0];
  if (first === undefined) return `no series could be ${verb}`;
  const reason = first.message.includes(`series "${first.id}"`)
    ? first.message
    : `series "${first.id}": ${first.message}`;
  const count = errors.length === 1 ? 'the only one failed' : `all ${errors.length} failed; the first`;
  return `no series could be ${verb} (${count}: ${reason})`;
}
