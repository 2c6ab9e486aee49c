// The fuzz harness: calls one export with valid-looking and hostile arguments and checks the contract of
// every public function (docs/robustness.md):
//   - it returns a result whose numbers are finite (except where a spec documents otherwise) and whose
//     text has no "NaN", "undefined" or "[object Object]" the input did not have, or it throws a
//     MetricsError with a known code and a message "<prefix>: …" without those words either;
//   - it never mutates its input, and Object.prototype (and Array's, Function's) stay untouched;
//   - no call takes longer than the bound (2 s unless a spec states another, with its reason).
import fc from 'fast-check';
import { ErrorCode, MetricsError } from '../../src/errors.js';
import { arrayPaths, describe, getAt, huge, type Mutation, mutate, mutationArb, replaceAt } from './hostile.js';

/** How one export is fuzzed. */
export interface FuzzSpec {
  /** Valid-looking argument lists; the harness breaks most of them (see hostile.ts). */
  readonly args: fc.Arbitrary<readonly unknown[]>;
  /** How to call the export with an argument list; default `value(...args)`. */
  readonly call?: (value: unknown, args: readonly unknown[]) => unknown;
  /** Share of the run budget: 1 for a function that takes microseconds, less for renders and simulations. */
  readonly weight?: number;
  /** At most this many random calls whatever FUZZ_RUNS says (an export that launches a browser). */
  readonly maxRuns?: number;
  /** Whether to make the untimed warm-up call (default true); false where a call costs seconds anyway. */
  readonly warmUp?: boolean;
  /** Milliseconds a call may take, when not the default 2000; say why in `why`. */
  readonly bound?: number;
  /** Result paths (dotted, like `settings.degreesOfFreedom`) where a non-finite number is documented. */
  readonly nonFinite?: RegExp;
  /** Why the spec departs from the defaults. */
  readonly why?: string;
  /** Whether to run the 1e6-element cases (default true); false only where a call on them is refused by design elsewhere. */
  readonly hugeArrays?: boolean;
  /** Whether result text is checked for leaked "NaN", "undefined" (default true; false for a page that inlines JavaScript). */
  readonly checkText?: boolean;
  /** Words a MetricsError message may quote from a dependency's own error (say why in `why`). */
  readonly quotes?: RegExp;
  /**
   * Defects found and reported to the code's owner but not fixed here (another engineer's area): failures
   * matching `problem` are listed, not failed. Anything else still fails the test.
   */
  readonly known?: readonly { readonly problem: RegExp; readonly why: string }[];
}

/** A constant export (a frozen table of names, a string): checked to be immutable, not called. */
export interface ConstantSpec {
  readonly constant: true;
}

export type Spec = FuzzSpec | ConstantSpec;

export interface Counts {
  calls: number;
  results: number;
  errors: number;
  codes: Record<string, number>;
  /** Slowest call in ms. */
  slowest: number;
  /** Known, reported defects seen (see FuzzSpec.known). */
  known: string[];
  /** Errors with an input code ({@link INPUT_CODES}), and how many of them carry issues. */
  inputErrors?: number;
  inputWithIssues?: number;
}

/** The codes of errors that may be about no one place (src/errors.ts): a fit, a size, a cancelled run. */
const NOT_ABOUT_INPUT: readonly string[] = ['degenerate', 'too_large', 'aborted'];

/**
 * The codes of errors about the input: such an error says where (at least one issue, its path an array).
 * Every other ErrorCode, so that a code added later is held to the rule until it is listed above.
 */
export const INPUT_CODES: ReadonlySet<string> = new Set(
  Object.keys(ErrorCode).filter((c) => !NOT_ABOUT_INPUT.includes(c)),
);

/** Why a MetricsError with an input code does not say where, or undefined when it does. */
export function missingIssues(error: MetricsError): string | undefined {
  if (!INPUT_CODES.has(error.code)) return undefined;
  const issues = error.issues as unknown;
  if (!Array.isArray(issues) || issues.length === 0)
    return `MetricsError ${error.code} without issues (say where: argumentError): ${error.message.slice(0, 200)}`;
  const bad = issues.find(
    (i: { path?: unknown; message?: unknown }) => !Array.isArray(i?.path) || typeof i?.message !== 'string',
  );
  return bad === undefined
    ? undefined
    : `MetricsError ${error.code} with an issue without a path array: ${error.message.slice(0, 200)}`;
}

export interface Failure {
  readonly name: string;
  readonly problem: string;
  readonly input: string;
}

export const DEFAULT_BOUND_MS = 2000;

/** The number of random calls per export at weight 1: FUZZ_RUNS, default 60 (`npm test` stays fast). */
export function baseRuns(): number {
  const env = process.env['FUZZ_RUNS'];
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : 60;
}

interface InputFlags {
  undefined: boolean;
  nan: boolean;
  infinity: boolean;
  object: boolean;
}

/** What the input contains, so echoed values in messages are not taken for defects. */
function inputFlags(args: readonly unknown[], arity: number): InputFlags {
  const f: InputFlags = { undefined: args.length < arity, nan: false, infinity: false, object: false };
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number): void => {
    if (v === undefined) f.undefined = true;
    else if (typeof v === 'number') {
      if (Number.isNaN(v)) f.nan = true;
      else if (!Number.isFinite(v)) f.infinity = true;
    } else if (typeof v === 'string') {
      if (v.includes('NaN')) f.nan = true;
      if (v.includes('Infinity')) f.infinity = true;
      if (v.includes('undefined')) f.undefined = true;
    } else if (typeof v === 'function' || typeof v === 'symbol') {
      f.object = true;
    } else if (v !== null && typeof v === 'object' && !seen.has(v) && depth < 32) {
      seen.add(v);
      if (ArrayBuffer.isView(v)) return;
      if (v instanceof Map || v instanceof Date) {
        f.object = true;
        return;
      }
      if (Array.isArray(v)) {
        // A hole reads as undefined; long arrays are checked on a prefix.
        const n = Math.min(v.length, 64);
        for (let i = 0; i < n; i++) {
          if (!(i in v)) f.undefined = true;
          walk(v[i], depth + 1);
        }
        return;
      }
      if (Object.getPrototypeOf(v) === null || Object.hasOwn(v, 'toString') || Object.hasOwn(v, 'valueOf'))
        f.object = true;
      for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], depth + 1);
    }
  };
  walk(args, 0);
  return f;
}

/** Words that mean a value leaked into text unchecked, unless the input had them. */
function leakedWords(text: string, flags: InputFlags): string | undefined {
  // "(got undefined)" names a missing value the caller passed (a field left out): that is the message format;
  // "errors are undefined" is English.
  // "(got horizon undefined, toYear undefined)" echoes what the caller passed or left out.
  const echoed = text.replace(/\(got [^()]*\)/g, '').replace(/\b(got|is|are|be) undefined\b/g, '');
  if (!flags.undefined && /\bundefined\b/.test(echoed)) return 'undefined';
  if (!flags.nan && /\bNaN\b/.test(text)) return 'NaN';
  // An overflow reported as such ("the result overflowed (got Infinity)", "is not finite (got Infinity)",
  // "gives Infinity at t = 1e308") says what happened.
  if (
    !flags.infinity &&
    !/overflow|not finite|non-finite|gives -?Infinity/.test(text) &&
    /(?<![\w-])-?Infinity\b/.test(text)
  )
    return 'Infinity';
  if (!flags.object && /\[object \w+\]/.test(text)) return '[object …]';
  return undefined;
}

/** A deep snapshot of the input (NaN, -0, holes, frozenness and prototypes kept; functions by identity). */
type Snap =
  | { t: 'prim'; v: unknown }
  | { t: 'ref'; v: unknown }
  | { t: 'view'; v: unknown; bytes: Uint8Array }
  | { t: 'arr'; frozen: boolean; len: number; holes: number[]; items: Snap[] }
  | { t: 'long'; v: unknown; frozen: boolean; values: unknown[]; holes: number[]; objects: [unknown, Snap][] }
  | { t: 'obj'; frozen: boolean; proto: unknown; keys: string[]; items: Snap[] };

function snap(v: unknown, seen: Map<unknown, Snap>): Snap {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return { t: 'prim', v };
  if (typeof v === 'function' || v instanceof Map || v instanceof Date || v instanceof Set) return { t: 'ref', v };
  if (ArrayBuffer.isView(v))
    return { t: 'view', v, bytes: new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice() };
  const known = seen.get(v);
  if (known) return known;
  if (Array.isArray(v) && v.length > 64) {
    // Long arrays (the 1e6-element cases): a copy compared element by element (identity), and each distinct
    // object in it snapshotted once (the long arrays repeat a few rows).
    const holes: number[] = [];
    const distinct = new Set<unknown>();
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) holes.push(i);
      const x = v[i];
      if (x !== null && typeof x === 'object') distinct.add(x);
    }
    const s: Snap = { t: 'long', v, frozen: Object.isFrozen(v), values: v.slice(), holes, objects: [] };
    seen.set(v, s);
    for (const o of distinct) s.objects.push([o, snap(o, seen)]);
    return s;
  }
  if (Array.isArray(v)) {
    const s: Snap = { t: 'arr', frozen: Object.isFrozen(v), len: v.length, holes: [], items: [] };
    seen.set(v, s);
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) s.holes.push(i);
      s.items.push(snap(v[i], seen));
    }
    return s;
  }
  const keys = Reflect.ownKeys(v).filter((k): k is string => typeof k === 'string');
  const s: Snap = { t: 'obj', frozen: Object.isFrozen(v), proto: Object.getPrototypeOf(v), keys, items: [] };
  seen.set(v, s);
  for (const k of keys) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    s.items.push(d && 'value' in d ? snap(d.value, seen) : { t: 'ref', v: d?.get });
  }
  return s;
}

/** Where `v` differs from its snapshot, or undefined. */
function changed(s: Snap, v: unknown, path: string, seen: Set<unknown>): string | undefined {
  switch (s.t) {
    case 'prim':
      return Object.is(s.v, v) ? undefined : `${path || 'argument'} changed`;
    case 'ref':
      return s.v === v ? undefined : `${path} replaced`;
    case 'view': {
      if (s.v !== v) return `${path} replaced`;
      const a = v as ArrayBufferView;
      const now = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      if (now.length !== s.bytes.length) return `${path} resized`;
      for (let i = 0; i < now.length; i++) if (now[i] !== s.bytes[i]) return `${path} written to`;
      return undefined;
    }
    case 'long': {
      if (s.v !== v || !Array.isArray(v)) return `${path} replaced`;
      if (seen.has(v)) return undefined;
      seen.add(v);
      if (v.length !== s.values.length) return `${path} length ${s.values.length} -> ${v.length}`;
      if (Object.isFrozen(v) !== s.frozen) return `${path} frozen by the call`;
      for (let i = 0; i < v.length; i++) if (!Object.is(v[i], s.values[i])) return `${path}[${i}] changed`;
      for (const h of s.holes) if (h in v) return `${path}[${h}] filled`;
      for (const [o, so] of s.objects) {
        const d = changed(so, o, `${path}[…]`, seen);
        if (d) return d;
      }
      return undefined;
    }
    case 'arr': {
      if (!Array.isArray(v)) return `${path} replaced`;
      if (seen.has(v)) return undefined;
      seen.add(v);
      if (v.length !== s.len) return `${path} length ${s.len} -> ${v.length}`;
      if (Object.isFrozen(v) !== s.frozen) return `${path} frozen by the call`;
      for (const h of s.holes) if (h in v) return `${path}[${h}] filled`;
      for (let i = 0; i < s.items.length; i++) {
        const d = changed(s.items[i] as Snap, v[i], `${path}[${i}]`, seen);
        if (d) return d;
      }
      return undefined;
    }
    case 'obj': {
      if (v === null || typeof v !== 'object') return `${path} replaced`;
      if (seen.has(v)) return undefined;
      seen.add(v);
      if (Object.getPrototypeOf(v) !== s.proto) return `${path} prototype changed`;
      if (Object.isFrozen(v) !== s.frozen) return `${path} frozen by the call`;
      const keys = Reflect.ownKeys(v).filter((k): k is string => typeof k === 'string');
      if (keys.length !== s.keys.length || keys.some((k, i) => k !== s.keys[i]))
        return `${path} keys ${JSON.stringify(s.keys)} -> ${JSON.stringify(keys)}`;
      for (let i = 0; i < keys.length; i++) {
        const d = Object.getOwnPropertyDescriptor(v, keys[i] as string);
        const d2 = changed(s.items[i] as Snap, d && 'value' in d ? d.value : d?.get, `${path}.${keys[i]}`, seen);
        if (d2) return d2;
      }
      return undefined;
    }
  }
}

const PROTOS: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
];

function protoState(): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [name, p] of PROTOS) {
    for (const k of Reflect.ownKeys(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k);
      m.set(`${name}.${String(k)}`, d && 'value' in d ? d.value : d?.get);
    }
  }
  return m;
}

const PRISTINE = protoState();

/** Whether a prototype was touched: a key added, removed or replaced. */
function prototypeDamage(): string | undefined {
  const now = protoState();
  for (const [k, v] of now) if (!PRISTINE.has(k) || PRISTINE.get(k) !== v) return `${k} added or replaced`;
  for (const k of PRISTINE.keys()) if (!now.has(k)) return `${k} removed`;
  if (({} as Record<string, unknown>)['polluted'] !== undefined) return 'Object.prototype.polluted set';
  return undefined;
}

/** The first non-finite number or leaked word in a result, with its path. */
function badResult(v: unknown, flags: InputFlags, allowed: RegExp | undefined, checkText = true): string | undefined {
  const seen = new Set<unknown>();
  const walk = (x: unknown, path: string, depth: number): string | undefined => {
    if (typeof x === 'number') {
      if (!Number.isFinite(x) && !(allowed?.test(path) ?? false)) return `${path || 'result'} is ${x}`;
      return undefined;
    }
    if (typeof x === 'string') {
      if (!checkText) return undefined;
      const w = leakedWords(x, flags);
      return w
        ? `${path || 'result'} has "${w}": ${JSON.stringify(x.slice(Math.max(0, x.indexOf(w) - 60), x.indexOf(w) + 40))}`
        : undefined;
    }
    if (x === null || typeof x !== 'object' || seen.has(x) || depth > 40) return undefined;
    seen.add(x);
    if (ArrayBuffer.isView(x)) {
      if (x instanceof Float64Array || x instanceof Float32Array) {
        for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i] as number)) return `${path}[${i}] is ${x[i]}`;
      }
      return undefined;
    }
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const r = walk(x[i], `${path}[${i}]`, depth + 1);
        if (r) return r;
      }
      return undefined;
    }
    for (const k of Object.keys(x)) {
      const r = walk((x as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1);
      if (r) return r;
    }
    return undefined;
  };
  return walk(v, '', 0);
}

/** A short, readable account of an argument list for failure reports. */
function summary(args: readonly unknown[]): string {
  const seen = new Set<unknown>();
  const show = (v: unknown, depth: number): string => {
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v) || v instanceof Map || v instanceof Date)
      return describe(v);
    if (seen.has(v) || depth > 3) return Array.isArray(v) ? `[${v.length}]` : '{…}';
    seen.add(v);
    if (Array.isArray(v)) {
      const head = v.slice(0, 4).map((x) => show(x, depth + 1));
      return `[${head.join(', ')}${v.length > 4 ? `, … ${v.length} in all` : ''}]`;
    }
    const keys = Object.keys(v);
    const body = keys.slice(0, 8).map((k) => `${k}: ${show((v as Record<string, unknown>)[k], depth + 1)}`);
    return `{${body.join(', ')}${keys.length > 8 ? ', …' : ''}}`;
  };
  const text = `(${args.map((a) => show(a, 0)).join(', ')})`;
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/** One call: its verdict and counts. */
async function runOne(
  name: string,
  value: unknown,
  spec: FuzzSpec,
  args: readonly unknown[],
  what: string,
  counts: Counts,
  failures: Failure[],
): Promise<void> {
  const arity = typeof value === 'function' ? value.length : 0;
  const flags = inputFlags(args, arity);
  if (/missing|left out|hole|removed/.test(what)) flags.undefined = true;
  const before = snap(args, new Map());
  const call = spec.call ?? ((f: unknown, a: readonly unknown[]) => (f as (...x: unknown[]) => unknown)(...a));
  const bound = spec.bound ?? DEFAULT_BOUND_MS;
  const fail = (problem: string): void => {
    const known = spec.known?.find((k) => k.problem.test(problem));
    if (known) counts.known.push(`${problem.slice(0, 160)} (${known.why})`);
    else failures.push({ name, problem, input: `${what}: ${summary(args)}` });
  };
  counts.calls++;
  const t0 = performance.now();
  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    result = call(value, args);
    if (result instanceof Promise) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const hang = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${5 * bound} ms`)), 5 * bound);
      });
      try {
        result = await Promise.race([result, hang]);
      } finally {
        clearTimeout(timer);
      }
    }
  } catch (e) {
    threw = true;
    error = e;
  }
  const ms = performance.now() - t0;
  counts.slowest = Math.max(counts.slowest, ms);
  if (ms > bound) fail(`took ${ms.toFixed(0)} ms (bound ${bound} ms)`);
  const damage = prototypeDamage();
  if (damage) fail(`prototype touched: ${damage}`);
  const diff = changed(before, args, 'args', new Set());
  if (diff) fail(`mutated its input: ${diff}`);
  if (threw) {
    if (!(error instanceof MetricsError)) {
      const e = error as Error;
      fail(`threw ${e?.name ?? typeof e}: ${String(e?.message ?? e).slice(0, 300)}`);
      return;
    }
    counts.errors++;
    counts.codes[error.code] = (counts.codes[error.code] ?? 0) + 1;
    if (!(error.code in ErrorCode)) fail(`MetricsError with unknown code ${String(error.code)}`);
    if (typeof error.message !== 'string' || !/^[^\s:][^\n]*?: \S/.test(error.message))
      fail(
        `MetricsError message without a "<function>: " prefix: ${JSON.stringify(String(error.message).slice(0, 200))}`,
      );
    const w = leakedWords(spec.quotes ? error.message.replace(spec.quotes, '') : error.message, flags);
    if (w) fail(`MetricsError message has "${w}": ${error.message.slice(0, 300)}`);
    if (INPUT_CODES.has(error.code)) {
      counts.inputErrors = (counts.inputErrors ?? 0) + 1;
      const why = missingIssues(error);
      if (why) fail(why);
      else counts.inputWithIssues = (counts.inputWithIssues ?? 0) + 1;
    }
    return;
  }
  counts.results++;
  const bad = badResult(result, flags, spec.nonFinite, spec.checkText);
  if (bad) fail(`result: ${bad}`);
}

/**
 * Fuzzes one export: a warm-up call (first-use costs such as compiling a schema are not held against the
 * bound), `runs` random calls (about a quarter left valid-looking, the rest with one or two mutations),
 * then each of the first arrays of a valid call made 1e6 elements long.
 */
export async function fuzzExport(
  name: string,
  value: unknown,
  spec: FuzzSpec,
  runs: number,
  seed: number,
): Promise<{ counts: Counts; failures: Failure[] }> {
  const counts: Counts = { calls: 0, results: 0, errors: 0, codes: {}, slowest: 0, known: [] };
  const failures: Failure[] = [];
  const cases = fc.sample(
    fc.tuple(
      spec.args,
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 3, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 2 }) },
      ),
    ),
    { numRuns: Math.max(1, runs) + 1, seed },
  ) as [readonly unknown[], Mutation[]][];
  const [first] = cases.shift() ?? [[]];
  // Warm-up: untimed, unchecked (its problems show up again in the runs).
  if (spec.warmUp !== false)
    try {
      const r = (spec.call ?? ((f: unknown, a: readonly unknown[]) => (f as (...x: unknown[]) => unknown)(...a)))(
        value,
        first,
      );
      if (r instanceof Promise) await r.catch(() => undefined);
    } catch {
      /* counted in the runs */
    }
  // FUZZ_HUGE=0 leaves out the 1e6-element cases, FUZZ_HUGE=only runs nothing else (for finding slow calls).
  const hugeMode = process.env['FUZZ_HUGE'];
  for (const [valid, mutations] of hugeMode === 'only' ? [] : cases) {
    let args = [...valid];
    const whats: string[] = [];
    for (const m of mutations) {
      const r = mutate(args, m);
      args = r.args;
      whats.push(r.what);
    }
    await runOne(name, value, spec, args, whats.join('; ') || 'valid-looking', counts, failures);
  }
  if (spec.hugeArrays !== false && hugeMode !== '0') {
    // The 1e6-element cases: the first array of a valid call made long (the first two in a long run).
    for (const path of arrayPaths(first).slice(0, runs > 60 ? 2 : 1)) {
      const args = replaceAt(first, path, (a) => huge(a as unknown[])) as unknown[];
      const where = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
      await runOne(
        name,
        value,
        spec,
        args,
        `${where} as 1e6 elements (${describe(getAt(first, path))} before)`,
        counts,
        failures,
      );
    }
  }
  return { counts, failures };
}

/** A constant export must be immutable: frozen all the way down (strings and numbers are). */
export function checkConstant(name: string, value: unknown): Failure[] {
  const failures: Failure[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (!Object.isFrozen(v))
      failures.push({ name, problem: `${path} is not frozen: a caller can change it for everyone`, input: '' });
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], `${path}.${k}`);
  };
  walk(value, name);
  return failures;
}
