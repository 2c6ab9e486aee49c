/**
 * The codes a {@link MetricsError} can carry. Callers branch on `error.code`, never on the message.
 */
export const ErrorCode = Object.freeze({
  /** An argument is outside its domain (a negative start value, zero years, an unknown option). */
  invalid_argument: 'invalid_argument',
  /** A number is NaN or ±Infinity where a finite number is required. */
  non_finite: 'non_finite',
  /** Two quantities of different units were combined without an explicit conversion. */
  unit_mismatch: 'unit_mismatch',
  /** A method needs every year in a span and some are missing. */
  missing_years: 'missing_years',
  /** A model or seed file does not match the documented format. */
  invalid_definition: 'invalid_definition',
  /** Something referred to by id (a fact, a model, a scenario) does not exist. */
  not_found: 'not_found',
  /** Input data (CSV, JSON) could not be read. */
  invalid_data: 'invalid_data',
  /** A computation could not produce a finite answer (a degenerate fit, an undefined metric). */
  degenerate: 'degenerate',
  /** A request is too large for this machine, refused before any work starts. */
  too_large: 'too_large',
  /** A long run was cancelled through its AbortSignal. */
  aborted: 'aborted',
} as const);
export type ErrorCode = keyof typeof ErrorCode;

/**
 * One problem with the input, in the manner of zod's issues: where it is, what was expected there and what
 * was found, so that a program can point at the field without parsing the message.
 */
export interface ErrorIssue {
  /**
   * Where the problem is: the argument's name (`start`, `options`, `rows`), then property names and array
   * indices (`['options', 'levels', 1]`, `['sectors', 2, 'share']`). For a file, the path inside the file
   * (`['scenarios', 'base', 'cagr']`). Empty when the problem is the input as a whole.
   */
  readonly path: readonly (string | number)[];
  /** What the value should have been, in words: `a finite number`, `> 0`, `one of "en", "zh"`. */
  readonly expected?: string;
  /** The value found at `path` (absent when there was none to show, e.g. a missing file). */
  readonly received?: unknown;
  /** The problem in words: the error's message for a single issue, one line of it for a file. */
  readonly message: string;
}

/**
 * The one error class of the library. Messages read
 * `<function>: <what is wrong> (got <value>). <what to do>.`; `code` says what kind of problem it is,
 * `issues` where and what, and `details` carries extra data of the error (the missing years, close
 * matches of an unknown id). Every error the library throws with an input code (`invalid_argument`,
 * `non_finite`, `unit_mismatch`, `missing_years`, `invalid_definition`, `not_found`, `invalid_data`) has
 * at least one issue; only `degenerate`, `too_large` and `aborted`, which are not about one place in the
 * input (a fit that cannot converge, a request refused as a whole, a cancelled run), may have none, and
 * so may `not_found` for an optional dependency that is not installed (the machine, not the input).
 * @example
 * const e = (() => { try { return cagr(0, 5, 3); } catch (err) { return err; } })();
 * e instanceof MetricsError; // => true
 * e.code; // => 'invalid_argument'
 * e.issues[0].path; // => ['start']
 * e.issues[0].expected; // => '> 0'
 * e.issues[0].received; // => 0
 */
export class MetricsError extends Error {
  override name = 'MetricsError';
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  readonly issues: readonly ErrorIssue[];
  /**
   * @throws {MetricsError} invalid_argument when `code` is not an {@link ErrorCode}, `message` is not a
   *   non-empty string, `details` is not a plain object or `issues` not an array of issues: an error built
   *   wrong must not read "undefined"
   */
  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    issues: readonly ErrorIssue[] = [],
  ) {
    // The argument built wrong, what it should have been and what it was: the error's own issue.
    const wrong: [string, string, unknown] | undefined =
      typeof code !== 'string' || !Object.hasOwn(ErrorCode, code)
        ? ['code', `one of ${Object.keys(ErrorCode).join(', ')}`, code]
        : typeof message !== 'string' || message.trim() === ''
          ? ['message', 'a non-empty string "<function>: <what is wrong> (got <value>). <what to do>."', message]
          : details === null || typeof details !== 'object' || Array.isArray(details)
            ? ['details', 'an object', details]
            : !Array.isArray(issues) ||
                !issues.every(
                  (i) => i !== null && typeof i === 'object' && Array.isArray(i.path) && typeof i.message === 'string',
                )
              ? ['issues', 'an array of { path, message }', issues]
              : undefined;
    const problem =
      wrong === undefined ? undefined : `MetricsError: ${wrong[0]} must be ${wrong[1]} (got ${describe(wrong[2])}).`;
    super(problem ?? message);
    this.code = problem === undefined ? code : 'invalid_argument';
    this.details = Object.freeze(problem === undefined ? { ...details } : {});
    this.issues = Object.freeze(
      wrong === undefined || problem === undefined
        ? issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) }))
        : [
            Object.freeze({
              path: Object.freeze([wrong[0]]),
              expected: wrong[1],
              received: wrong[2],
              message: problem,
            }),
          ],
    );
    // A MetricsError built wrong is itself thrown as the error that says so.
    if (problem !== undefined) throw this;
  }
}

/** True when `e` is a {@link MetricsError}, optionally with the given code. */
export function isMetricsError(e: unknown, code?: ErrorCode): e is MetricsError {
  return e instanceof MetricsError && (code === undefined || e.code === code);
}

/** A value for the constructor's own messages (src/internal/assert.ts's show imports this module). */
function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol' || typeof v === 'function') return typeof v;
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? `an array of ${v.length}` : 'an object';
}
