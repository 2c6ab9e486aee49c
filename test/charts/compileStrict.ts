import { compile, type TopLevelSpec } from 'vega-lite';

/** Compiles a vega-lite spec and throws on any logged warning or error (vega-lite only logs them). */
export function compileStrict(spec: TopLevelSpec): ReturnType<typeof compile> {
  const messages: string[] = [];
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...a: unknown[]) {
      messages.push(`error: ${a.join(' ')}`);
      return logger;
    },
    warn(...a: unknown[]) {
      messages.push(`warn: ${a.join(' ')}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  const out = compile(spec, { logger: logger as never });
  if (messages.length > 0) throw new Error(`vega-lite logged:\n${messages.join('\n')}`);
  return out;
}

/**
 * Number of drawn items (path, text, line elements) of a mark in vega's SVG. `key` is
 * `'<mark type class> <mark name>'`, e.g. `'mark-symbol targets_marks'` for the group
 * `<g class="mark-symbol role-mark targets_marks">`; a line mark has one group per line.
 */
export function countMarks(svg: string, key: string): number {
  const [type, name] = key.split(' ');
  const re = new RegExp(`<g class="${type} role-mark ${name}"[^>]*>([\\s\\S]*?)</g>`, 'g');
  let n = 0;
  for (const m of svg.matchAll(re)) n += ((m[1] ?? '').match(/<(path|text|line)\b/g) ?? []).length;
  return n;
}

/** Rounds every number in a JSON value to 6 significant digits, for snapshots that survive float noise. */
export function rounded(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(6));
  if (Array.isArray(v)) return v.map(rounded);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}
