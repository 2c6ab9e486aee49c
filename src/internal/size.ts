// Not exported from the package: refuses oversized parsed JSON up front, before a parser walks it item by
// item (a model file with a million targets took ten seconds to be told what was wrong with it).
import { MetricsError } from '../errors.js';

/** The path (`targets`, `scenarios.low.path.rates`) of the first array in `json` longer than `max`, if any. */
function longArray(json: unknown, max: number): { path: string; length: number } | undefined {
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string, depth: number): { path: string; length: number } | undefined => {
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > 32) return undefined;
    seen.add(v);
    if (Array.isArray(v)) {
      if (v.length > max) return { path: path || '(top level)', length: v.length };
      for (let i = 0; i < v.length; i++) {
        const r = walk(v[i], `${path}[${i}]`, depth + 1);
        if (r) return r;
      }
      return undefined;
    }
    for (const k of Object.keys(v)) {
      const r = walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1);
      if (r) return r;
    }
    return undefined;
  };
  return walk(json, '', 0);
}

/** Throws too_large, naming the array, when parsed JSON holds an array longer than `max` items. */
export function assertNoLongArrays(fn: string, origin: string, json: unknown, max: number): void {
  const long = longArray(json, max);
  if (long) {
    throw new MetricsError(
      'too_large',
      `${fn}: ${origin}: ${long.path} has ${long.length} items, more than the ${max} such a file may hold (got ${long.length}). Split the file or check how it was made.`,
      { origin, path: long.path, length: long.length },
    );
  }
}
