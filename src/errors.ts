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
 * The one error class of the library. Messages read
 * `<function>: <what is wrong> (got <value>). <what to do>.`
 * @example
 * const e = (() => { try { return cagr(0, 5, 3); } catch (err) { return err; } })();
 * e instanceof MetricsError; // => true
 * e.code; // => 'invalid_argument'
 */
export class MetricsError extends Error {
  override name = 'MetricsError';
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  /**
   * @throws {MetricsError} invalid_argument when `code` is not an {@link ErrorCode}, `message` is not a
   *   non-empty string or `details` is not a plain object: an error built wrong must not read "undefined"
   */
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    const problem =
      typeof code !== 'string' || !Object.hasOwn(ErrorCode, code)
        ? `code must be one of ${Object.keys(ErrorCode).join(', ')} (got ${describe(code)})`
        : typeof message !== 'string' || message.trim() === ''
          ? `message must be a non-empty string "<function>: <what is wrong> (got <value>). <what to do>." (got ${describe(message)})`
          : details === null || typeof details !== 'object' || Array.isArray(details)
            ? `details must be an object (got ${describe(details)})`
            : undefined;
    super(problem === undefined ? message : `MetricsError: ${problem}.`);
    this.code = problem === undefined ? code : 'invalid_argument';
    this.details = Object.freeze(problem === undefined ? { ...details } : {});
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
