// Specs are JSON: the check toDisplayable and validateSpec share.

/**
 * The first value in a spec that JSON cannot hold or that is not a finite number, with its path: what
 * toDisplayable and validateSpec refuse.
 */
export function notJson(
  v: unknown,
  path = '',
  seen = new Set<unknown>(),
): { path: string; value: unknown } | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : { path, value: v };
  if (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return { path, value: v };
  if (v === null || typeof v !== 'object' || seen.has(v)) return undefined;
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = notJson(v[i], `${path}[${i}]`, seen);
      if (r) return r;
    }
    return undefined;
  }
  for (const [k, x] of Object.entries(v)) {
    const r = notJson(x, `${path}.${k}`, seen);
    if (r) return r;
  }
  return undefined;
}
