import { type ErrorCode, type ErrorIssue, MetricsError } from '../errors.js';
import { closestNames } from './closest.js';

/** Shows a value in an error message: strings quoted, numbers as JS prints them, long arrays cut. */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    const s = JSON.stringify(value.length > 120 ? `${value.slice(0, 100)}…` : value);
    return value.length > 120 ? `${s} (${value.length} characters)` : s;
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'bigint') return `${value}n (a BigInt)`;
  if (typeof value === 'symbol') return `${String(value)} (a symbol)`;
  if (typeof value === 'function') return value.name ? `the function ${value.name}` : 'a function';
  if (Array.isArray(value)) {
    const head = value.slice(0, 6).map(show).join(', ');
    return `[${head}${value.length > 6 ? `, … (${value.length} items)` : ''}]`;
  }
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of ${value.byteLength} bytes`;
  if (value instanceof Map || value instanceof Set) return `a ${value.constructor.name} of ${value.size}`;
  if (value instanceof Date) return `a Date (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  try {
    const s = JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    );
    if (s === undefined) return 'a value that cannot be shown';
    return s.length > 120 ? `${s.slice(0, 117)}…` : s;
  } catch {
    return 'an object that cannot be shown (it refers to itself)';
  }
}

/**
 * The path of an error issue from a name as messages write it: `options.levels[1]` is
 * `['options', 'levels', 1]`, `rows[3].value` is `['rows', 3, 'value']`.
 */
export function pathOf(name: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of name.matchAll(/\[(\d+)\]|([^.[\]]+)/g))
    out.push(m[1] !== undefined ? Number(m[1]) : (m[2] as string));
  return out;
}

/**
 * A MetricsError about one value, with its one issue: where (`name` as the message writes it, made a path
 * by {@link pathOf}), what was expected there and what was received. The message is the caller's.
 */
export function argumentError(
  code: ErrorCode,
  message: string,
  name: string | readonly (string | number)[],
  expected: string,
  received: unknown,
  details: Record<string, unknown> = {},
): MetricsError {
  const path = typeof name === 'string' ? pathOf(name) : name;
  return new MetricsError(code, message, details, [{ path, expected, received, message }]);
}

/**
 * Throws invalid_argument unless `fn`, the name a shared check puts in its messages for its caller, is
 * non-empty text: `<check>: fn must be the calling function's name, for the message (got …).`
 */
export function assertCaller(check: string, fn: unknown): asserts fn is string {
  if (typeof fn !== 'string' || fn.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `${check}: fn must be the calling function's name, for the message (got ${show(fn)}).`,
      'fn',
      "the calling function's name, for the message",
      fn,
      { fn },
    );
  }
}

/**
 * Throws invalid_argument unless `options` is an object (not null): `<fn>: options must be an object like
 * <like> (got <value>).`, with its issue at `options`. `like` shows the fields, e.g. `{ fromYear, toYear }`.
 * With `known` (from {@link optionNames}), a field not among them throws too, naming the closest known one:
 * a misspelt option (`lamda`, `level`) would otherwise be ignored and the call answer another question.
 */
export function assertOptions(
  fn: string,
  options: unknown,
  like?: string,
  known?: readonly string[],
): asserts options is object {
  if (options === null || typeof options !== 'object') {
    const expected = like === undefined ? 'an object' : `an object like ${like}`;
    throw argumentError(
      'invalid_argument',
      `${fn}: options must be ${expected} (got ${show(options)}).`,
      'options',
      expected,
      options,
    );
  }
  if (known !== undefined) refuseUnknown(fn, options, known, undefined);
}

/**
 * Throws invalid_argument when `record`, a record nested in a function's input (`rareShock`, `sectors[2]`),
 * has an own field not in `known` (from {@link optionNames}), naming the closest known one:
 * `<fn>: <name> has an unknown field "x" (got …). Did you mean y? Remove it; its fields are a, b.` A value
 * that is not an object is left to the caller's own checks.
 */
export function assertKnownFields(fn: string, name: string, record: unknown, known: readonly string[]): void {
  if (record !== null && typeof record === 'object' && !Array.isArray(record)) refuseUnknown(fn, record, known, name);
}

/** The shared step of assertOptions (name undefined) and assertKnownFields. */
function refuseUnknown(fn: string, record: object, known: readonly string[], name: string | undefined): void {
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    const near = closestNames(key, known, 1)[0];
    const what = name === undefined ? `unknown option ${show(key)}` : `${name} has an unknown field ${show(key)}`;
    const list =
      name === undefined
        ? known.length === 0
          ? 'it takes none'
          : `the options are ${known.join(', ')}`
        : `its fields are ${known.join(', ')}`;
    throw argumentError(
      'invalid_argument',
      `${fn}: ${what} (got ${show(record)}).${near !== undefined ? ` Did you mean ${near}?` : ''} Remove it; ${list}.`,
      name === undefined ? ['options', key] : [...pathOf(name), key],
      known.length === 0 ? 'no options' : `one of ${known.join(', ')}`,
      key,
      name === undefined ? { option: key } : { field: key },
    );
  }
}

/**
 * Every field of an options type marked `true`, and no other: what {@link optionNames} takes, and what a shared
 * group of options (a run's, a chart's) is written as, to be spread into the lists of the functions taking it.
 */
export type OptionRecord<T extends object> = { readonly [K in keyof T & string]-?: true };

/**
 * The field names of an options type, for {@link assertOptions}: the compiler checks that the record names
 * every field of `T` and no other, so the list cannot fall behind the type.
 * @example
 * optionNames<{ h?: number; levels?: number[] }>({ h: true, levels: true }); // => ['h', 'levels']
 */
export function optionNames<T extends object>(names: OptionRecord<T>): readonly string[] {
  return Object.freeze(Object.keys(names));
}

/**
 * The error of a check that reads a structure field by field: `<fn>: <where> <what> (got <value>).`, then
 * `hint`, with one issue at `where` whose expected value is `what` without its leading "must be" or
 * "expected" (invalid_argument; `details.field` is `where`).
 */
export function fieldError(fn: string, where: string, what: string, got: unknown, hint = ''): MetricsError {
  return argumentError(
    'invalid_argument',
    `${fn}: ${where} ${what} (got ${show(got)}).${hint === '' ? '' : ` ${hint}`}`,
    where,
    what.replace(/^(must (be )?|expected )/, ''),
    got,
    { field: where },
  );
}

/**
 * The issues of a file's problems, one per line written `<path>: <what is wrong>` (after `<origin>: `
 * when `origin` is given): the path made by {@link pathOf}, the line as the message. A line without a
 * path (`(spec): …`, or prose) gets the empty path, the file as a whole.
 */
export function problemIssues(lines: readonly string[], origin?: string): ErrorIssue[] {
  return lines.map((line) => {
    const text = origin !== undefined && line.startsWith(`${origin}: `) ? line.slice(origin.length + 2) : line;
    const m = /^([^\s:()]+): /.exec(text);
    return { path: m ? pathOf(m[1] as string) : [], message: line };
  });
}

/** Throws non_finite (or invalid_argument for a non-number) naming the first argument that is not a finite number. */
export function assertFinite(fn: string, args: Readonly<Record<string, unknown>>): void {
  // for...in, not Object.entries: no array per call (cagr was 7x its bare formula); same key order.
  for (const name in args) {
    const value = args[name];
    if (typeof value !== 'number') {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name} must be a number (got ${show(value)}).`,
        name,
        'a number',
        value,
        {
          [name]: value,
        },
      );
    }
    if (!Number.isFinite(value)) {
      throw argumentError(
        'non_finite',
        `${fn}: ${name} must be a finite number (got ${value}). Check the input for missing or divided-by-zero values.`,
        name,
        'a finite number',
        value,
        { [name]: value },
      );
    }
  }
}

/** Throws invalid_argument unless `value` is an integer. */
export function assertInteger(fn: string, name: string, value: unknown): asserts value is number {
  if (Number.isInteger(value)) return; // the usual case, without building the record assertFinite reads
  // Not a whole number: a non-finite value gets assertFinite's error, any other this one.
  assertFinite(fn, { [name]: value });
  throw argumentError(
    'invalid_argument',
    `${fn}: ${name} must be a whole number (got ${show(value)}).`,
    name,
    'a whole number',
    value,
    { [name]: value },
  );
}

/** Throws invalid_argument unless `value` is a finite number within [min, max] (bounds optional). */
export function assertInRange(
  fn: string,
  name: string,
  value: unknown,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean },
  hint = '',
): asserts value is number {
  assertFinite(fn, { [name]: value });
  const v = value as number;
  const { min, max, minExclusive = false, maxExclusive = false } = range;
  const low = min !== undefined && (minExclusive ? v <= min : v < min);
  const high = max !== undefined && (maxExclusive ? v >= max : v > max);
  if (low || high) {
    const parts: string[] = [];
    if (min !== undefined) parts.push(`${minExclusive ? '>' : '>='} ${min}`);
    if (max !== undefined) parts.push(`${maxExclusive ? '<' : '<='} ${max}`);
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be ${parts.join(' and ')} (got ${v}).${hint ? ` ${hint}` : ''}`,
      name,
      parts.join(' and '),
      v,
      { [name]: v },
    );
  }
}

/** Throws invalid_argument unless every element is a finite number; names the first bad index. */
export function assertFiniteArray(fn: string, name: string, values: unknown): asserts values is readonly number[] {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be an array of numbers (got ${show(values)}).`,
      name,
      'an array of numbers',
      values,
      { [name]: values },
    );
  }
  const arr = values as ArrayLike<unknown>;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw argumentError(
        typeof v === 'number' ? 'non_finite' : 'invalid_argument',
        `${fn}: ${name}[${i}] must be a finite number (got ${show(v)}). Remove or fill the missing value first.`,
        [...pathOf(name), i],
        'a finite number',
        v,
        { index: i, value: v },
      );
    }
  }
}

/** Throws invalid_argument when `value` is not one of the keys of `allowed`. */
export function assertOneOf<K extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: Readonly<Record<K, unknown>> | readonly K[],
): asserts value is K {
  const keys = (Array.isArray(allowed) ? allowed : Object.keys(allowed)) as readonly string[];
  if (typeof value !== 'string' || !keys.includes(value)) {
    const expected = `one of ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be ${expected} (got ${show(value)}).`,
      name,
      expected,
      value,
      {
        [name]: value,
        allowed: keys,
      },
    );
  }
}

/** Checks a file path argument: a non-empty string without NUL characters (which no file system accepts). */
export function assertFilePath(fn: string, path: unknown): asserts path is string {
  if (typeof path !== 'string' || path.trim() === '' || path.includes('\u0000')) {
    throw argumentError(
      'invalid_argument',
      `${fn}: path must be a file path (got ${show(path)}).`,
      'path',
      'a file path',
      path,
      { path },
    );
  }
}
