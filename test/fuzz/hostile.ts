// Hostile inputs for the fuzz suite: a valid-looking argument list is taken apart at a random place and
// given something a careless or hostile caller would pass there. Every mutation copies the containers on
// its way down, so shared fixtures (a loaded model, the seeds) are never changed by the harness itself.
import fc from 'fast-check';

/** Where a node sits in the argument list: indexes and keys from the root (the argument array). */
export type Path = readonly (string | number)[];

/** The ways a node can be broken. Each applies to some kinds of node; the rest fall back to `leaf`. */
export const MUTATIONS = [
  'leaf', // a hostile value of the same flavour (a number: NaN, ±Infinity, -0, 1e308, 5e-324, '12', x100 …)
  'wrongType', // a value of another type entirely
  'deleteKey', // a field missing
  'extraKey', // an unknown field (and a near-miss spelling of a known one)
  'protoKey', // an own "__proto__" key whose value tries to pollute Object.prototype
  'constructorKey', // { constructor: { prototype: { polluted } } }
  'nullProto', // the same fields on an object without a prototype
  'freeze', // the same value, deeply frozen
  'emptyArray',
  'oneElement',
  'reverse', // unsorted years
  'duplicate', // a duplicate year or row
  'sparse', // an array with a hole
  'huge', // an array of 1e6 elements
  'dropArg', // the last argument left out
  'extraArg', // one argument too many
] as const;
export type MutationKind = (typeof MUTATIONS)[number];

export interface Mutation {
  readonly kind: MutationKind;
  /** Which node (modulo the number of nodes). */
  readonly at: number;
  /** Which hostile value or key (modulo the choices). */
  readonly pick: number;
}

/** Mutations drawn with weights: breaking values is the common case, 1e6-element arrays a rare one. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.oneof(
    { weight: 8, arbitrary: fc.constant<MutationKind>('leaf') },
    { weight: 3, arbitrary: fc.constant<MutationKind>('wrongType') },
    { weight: 3, arbitrary: fc.constant<MutationKind>('deleteKey') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('extraKey') },
    { weight: 1, arbitrary: fc.constant<MutationKind>('protoKey') },
    { weight: 1, arbitrary: fc.constant<MutationKind>('constructorKey') },
    { weight: 1, arbitrary: fc.constant<MutationKind>('nullProto') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('freeze') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('emptyArray') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('oneElement') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('reverse') },
    { weight: 2, arbitrary: fc.constant<MutationKind>('duplicate') },
    { weight: 1, arbitrary: fc.constant<MutationKind>('sparse') },
    { weight: 1, arbitrary: fc.constant<MutationKind>('dropArg') },
    { weight: 1, arbitrary: fc.constant<MutationKind>('extraArg') },
  ),
  at: fc.nat(),
  pick: fc.nat(),
});

/** Numbers a careless caller passes where a number belongs: -0, the edges of the doubles, percents, strings. */
export function hostileNumbers(n: number): unknown[] {
  return [
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    1,
    -1,
    0.5,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    1e-300,
    2 ** 53 + 2,
    -(2 ** 31),
    1e15,
    n * 100, // a percent for a fraction
    -n,
    n + 0.5, // not a whole year
    n * 1e200,
    String(n), // "12" for 12
    `${n}%`,
    '1e5',
    null,
    undefined,
    true,
    [n],
    { valueOf: () => n },
  ];
}

const LONG = 'x'.repeat(100_000);

/** Strings a hostile caller passes: empty, huge, prototype keys, markup, control characters, non-strings. */
export function hostileStrings(s: string): unknown[] {
  return [
    '',
    ' ',
    LONG,
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'NaN',
    '1e308',
    '<script>alert(1)</script>',
    '</script><svg onload=alert(1)>',
    '\u0000\u2028\u2029',
    '../../../../etc/passwd',
    'C:\\con',
    '🚀 营业收入',
    `${s} `,
    s.toUpperCase(),
    12,
    null,
    undefined,
    [s],
    { toString: () => s },
  ];
}

/** A value of a different type from `v`. */
export function wrongTypes(v: unknown): unknown[] {
  const all: unknown[] = [
    undefined,
    null,
    0,
    Number.NaN,
    '',
    'x',
    true,
    [],
    {},
    [[]],
    () => 1,
    new Map(),
    Symbol('s'),
    10n,
    new Date(0),
    Object.create(null),
  ];
  return all.filter((w) => typeof w !== typeof v || Array.isArray(w) !== Array.isArray(v));
}

/** Every node of the argument tree (containers and leaves) with its path, depth first, the root first. */
export function nodes(root: unknown): Path[] {
  const out: Path[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: Path, depth: number): void => {
    out.push(path);
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > 12) return;
    if (ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set || v instanceof Date) return;
    seen.add(v);
    if (Array.isArray(v)) {
      // Long arrays: their first elements stand for the rest.
      const n = Math.min(v.length, 24);
      for (let i = 0; i < n; i++) walk(v[i], [...path, i], depth + 1);
      return;
    }
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k], depth + 1);
  };
  walk(root, [], 0);
  return out;
}

export function getAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A shallow copy that keeps holes, own `__proto__` keys and the prototype (null or Object). */
function shallowCopy(v: object): object {
  if (Array.isArray(v)) return v.slice();
  const copy = Object.create(Object.getPrototypeOf(v) === null ? null : Object.prototype) as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    Object.defineProperty(copy, k, {
      value: (v as Record<string, unknown>)[k],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** `root` with the node at `path` replaced by `f(node)`, copying every container on the way (never in place). */
export function replaceAt(root: unknown, path: Path, f: (node: unknown) => unknown): unknown {
  if (path.length === 0) return f(root);
  if (root === null || typeof root !== 'object') return root;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = shallowCopy(root) as Record<string | number, unknown>;
  const value = replaceAt(copy[head], rest, f);
  if (value === REMOVE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
  } else {
    Object.defineProperty(copy, head, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Returned by a replacement to delete the node (a missing field or argument). */
export const REMOVE: unique symbol = Symbol('remove');

export function deepFreeze<T>(v: T, seen = new Set<unknown>()): T {
  if (v === null || typeof v !== 'object' || seen.has(v) || ArrayBuffer.isView(v)) return v;
  seen.add(v);
  for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k], seen);
  return Object.freeze(v);
}

function deepCopy(v: unknown, seen = new Map<unknown, unknown>()): unknown {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || v instanceof Map || v instanceof Date) return v;
  if (seen.has(v)) return seen.get(v);
  const copy = shallowCopy(v) as Record<string, unknown>;
  seen.set(v, copy);
  for (const k of Object.keys(copy)) copy[k] = deepCopy(copy[k], seen);
  return copy;
}

/** A 1e6-element array from a short one: its elements repeated (numbers stay numbers, rows stay rows). */
export function huge(a: readonly unknown[]): unknown[] {
  // The same short array gives the same long one: built once (a few hundred ms), checked for changes per call.
  const known = HUGE.get(a);
  if (known) return known;
  const out = buildHuge(a);
  HUGE.set(a, out);
  return out;
}

const HUGE = new WeakMap<readonly unknown[], unknown[]>();

function buildHuge(a: readonly unknown[]): unknown[] {
  const n = 1_000_000;
  const out: unknown[] = [];
  if (a.length === 0) {
    for (let i = 0; i < n; i++) out.push(1);
    return out;
  }
  // A numeric array keeps looking like data: increasing when it was (years), repeated otherwise.
  const nums = a as readonly number[];
  const increasing = a.every((x, i) => typeof x === 'number' && (i === 0 || x > (nums[i - 1] as number)));
  const first = nums[0] as number;
  if (increasing) for (let i = 0; i < n; i++) out.push(first + i);
  else for (let i = 0; i < n; i++) out.push(a[i % a.length]);
  return out;
}

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

/** Applies one mutation to an argument list and says what it did (for failure reports). */
export function mutate(args: readonly unknown[], m: Mutation): { args: unknown[]; what: string } {
  if (m.kind === 'dropArg') {
    return args.length === 0
      ? { args: [], what: 'no arguments' }
      : { args: args.slice(0, -1), what: `argument ${args.length - 1} left out` };
  }
  if (m.kind === 'extraArg') {
    const extra = pick(wrongTypes(undefined), m.pick);
    return { args: [...args, extra], what: 'one argument too many' };
  }
  const all = nodes(args).filter((p) => p.length > 0);
  if (all.length === 0) return { args: [...args], what: 'nothing to mutate' };
  // Container mutations look for a container among the nodes, starting at the chosen one.
  const wantsArray = ['emptyArray', 'oneElement', 'reverse', 'duplicate', 'sparse', 'huge'].includes(m.kind);
  const wantsObject = ['deleteKey', 'extraKey', 'protoKey', 'constructorKey', 'nullProto'].includes(m.kind);
  let path = all[m.at % all.length] as Path;
  if (wantsArray || wantsObject) {
    const fits = (p: Path): boolean => {
      const v = getAt(args, p);
      return wantsArray
        ? Array.isArray(v) && v.length > 0
        : v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);
    };
    const found = [...all.slice(m.at % all.length), ...all].find(fits);
    if (found === undefined) return mutate(args, { ...m, kind: 'leaf' });
    path = found;
  }
  const where = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  const node = getAt(args, path);
  const apply = (f: (v: unknown) => unknown): unknown[] => replaceAt(args, path, f) as unknown[];
  switch (m.kind) {
    case 'leaf': {
      const choices =
        typeof node === 'number'
          ? hostileNumbers(node)
          : typeof node === 'string'
            ? hostileStrings(node)
            : typeof node === 'boolean'
              ? [!node, String(node), 1, null, undefined]
              : wrongTypes(node);
      const v = pick(choices, m.pick);
      return { args: apply(() => v), what: `${where} = ${describe(v)}` };
    }
    case 'wrongType': {
      const v = pick(wrongTypes(node), m.pick);
      return { args: apply(() => v), what: `${where} = ${describe(v)} (wrong type)` };
    }
    case 'deleteKey': {
      const keys = Object.keys(node as object);
      if (keys.length === 0) return { args: apply(() => REMOVE), what: `${where} removed` };
      const k = pick(keys, m.pick);
      return { args: replaceAt(args, [...path, k], () => REMOVE) as unknown[], what: `${where}.${k} missing` };
    }
    case 'extraKey': {
      const keys = Object.keys(node as object);
      const near = keys.length > 0 ? `${pick(keys, m.pick)}s` : 'extra';
      return {
        args: apply((v) => ({ ...(v as object), [near]: 1, zzz: 'unexpected' })),
        what: `${where} with extra fields ${near}, zzz`,
      };
    }
    case 'protoKey':
      return {
        args: apply((v) => {
          const o = shallowCopy(v as object);
          Object.defineProperty(o, '__proto__', {
            value: { polluted: 'yes', toString: 'hijacked' },
            enumerable: true,
            writable: true,
            configurable: true,
          });
          return o;
        }),
        what: `${where} with an own "__proto__" key`,
      };
    case 'constructorKey':
      return {
        args: apply((v) => ({ ...(v as object), constructor: { prototype: { polluted: 'yes' } } })),
        what: `${where} with a "constructor" key`,
      };
    case 'nullProto':
      return {
        args: apply((v) => Object.assign(Object.create(null) as object, v as object)),
        what: `${where} without a prototype`,
      };
    case 'freeze':
      return { args: apply((v) => deepFreeze(deepCopy(v))), what: `${where} deeply frozen` };
    case 'emptyArray':
      return { args: apply(() => []), what: `${where} = []` };
    case 'oneElement':
      return { args: apply((v) => (v as unknown[]).slice(0, 1)), what: `${where} cut to one element` };
    case 'reverse':
      return { args: apply((v) => (v as unknown[]).slice().reverse()), what: `${where} reversed (unsorted)` };
    case 'duplicate':
      return {
        args: apply((v) => {
          const a = (v as unknown[]).slice();
          const i = m.pick % a.length;
          a.splice(i, 0, a[i]);
          return a;
        }),
        what: `${where} with element ${m.pick % (node as unknown[]).length} duplicated`,
      };
    case 'sparse':
      return {
        args: apply((v) => {
          const a = (v as unknown[]).slice();
          delete a[m.pick % a.length];
          return a;
        }),
        what: `${where} with a hole at ${m.pick % (node as unknown[]).length}`,
      };
    case 'huge':
      return { args: apply((v) => huge(v as unknown[])), what: `${where} as 1e6 elements` };
    default:
      return { args: [...args], what: 'unchanged' };
  }
}

/** A short description of a value for failure reports. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 20)}…" (${v.length} chars)` : JSON.stringify(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol' || typeof v === 'function') return String(v).slice(0, 30);
  if (Array.isArray(v)) return `[array of ${v.length}]`;
  if (v === null || v === undefined) return String(v);
  if (v instanceof Map) return 'Map';
  if (v instanceof Date) return 'Date';
  return Object.getPrototypeOf(v) === null ? '{null prototype}' : '{…}';
}

/** Paths of the first arrays of a tree, for the deterministic 1e6-element cases. */
export function arrayPaths(args: readonly unknown[]): Path[] {
  return nodes(args).filter((p) => p.length > 0 && Array.isArray(getAt(args, p)));
}
