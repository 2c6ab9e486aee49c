/**
 * Whether two values are the same plain data: numbers by Object.is (NaN equals NaN, 0 is not -0), text,
 * booleans, null and undefined by identity, arrays element by element, and objects key by key (own
 * enumerable string keys, prototypes ignored). Anything else (a function, a Symbol) equals only itself.
 * Recursion stops at `depth` levels, where values must be identical.
 */
export function sameData(a: unknown, b: unknown, depth = 32): boolean {
  if (Object.is(a, b)) return true;
  if (depth <= 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth - 1)) return false;
  }
  return true;
}
