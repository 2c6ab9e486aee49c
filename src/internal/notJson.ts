// Plain data handed back in (a chart spec, a report's charts, a forecast fit) must be JSON with finite
// numbers: the one check toDisplayable, validateSpec, modelReport and the forecast methods share.

/** How deep notJson looks: deeper nesting is itself refused (no spec or fit nests half as deep). */
const MAX_DEPTH = 64;

/**
 * The first value in `v` that JSON cannot hold or that is not a finite number (NaN, ±Infinity, a BigInt, a
 * Symbol, a function, or a value nested more than 64 deep), with its path from `path`: `.a[2].b`.
 */
export function notJson(
  v: unknown,
  path = '',
  seen = new Set<unknown>(),
  depth = 0,
): { path: string; value: unknown } | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : { path, value: v };
  if (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return { path, value: v };
  if (v === null || typeof v !== 'object' || seen.has(v)) return undefined;
  if (depth >= MAX_DEPTH) return { path, value: v };
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = notJson(v[i], `${path}[${i}]`, seen, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(v)) {
    const r = notJson(x, `${path}.${k}`, seen, depth + 1);
    if (r) return r;
  }
  return undefined;
}
