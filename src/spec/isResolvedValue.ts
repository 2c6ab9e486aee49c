import type { ResolvedValue } from './types.js';

const SOURCE_KINDS: ReadonlySet<unknown> = new Set(['fact', 'assumption', 'derived', 'observation']);

/** True for a {@link ResolvedValue}: a number with its source (a fact, an observation, a derivation or an assumption). */
export function isResolvedValue(x: unknown): x is ResolvedValue {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as { value?: unknown; source?: { kind?: unknown } };
  return (
    typeof o.value === 'number' && typeof o.source === 'object' && o.source !== null && SOURCE_KINDS.has(o.source.kind)
  );
}
