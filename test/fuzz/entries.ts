// The package's entry points (package.json `exports`), each mapped from its built file to its source, and
// every value they export: what the fuzz suite must cover.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `./dist/x/index.js` → `src/x/index.ts`; undefined for non-JS entries (package.json, JSON, CSS). */
export function sourceOf(target: string): string | undefined {
  const m = /^\.\/dist\/(.+)\.js$/.exec(target);
  return m ? `src/${m[1]}.ts` : undefined;
}

/** The `import` target of an exports entry (a string, or the `import`/`default` condition). */
function importTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const e = entry as Record<string, unknown>;
    for (const k of ['import', 'default', 'node']) {
      const t = importTarget(e[k]);
      if (t) return t;
    }
  }
  return undefined;
}

/** Every entry point with a JavaScript module: `.` and any subpaths such as `./charts`. */
export function entryPoints(): { entry: string; source: string }[] {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { exports?: Record<string, unknown> | string };
  const exportsField = typeof pkg.exports === 'string' ? { '.': pkg.exports } : (pkg.exports ?? {});
  const out: { entry: string; source: string }[] = [];
  for (const [entry, target] of Object.entries(exportsField)) {
    if (entry.includes('*')) continue;
    const t = importTarget(target);
    const source = t === undefined ? undefined : sourceOf(t);
    if (source) out.push({ entry, source });
  }
  return out;
}

/** Each value exported by any entry point, once per distinct value, with the entries that export it. */
export async function valueExports(): Promise<Map<string, { value: unknown; entries: string[] }>> {
  const out = new Map<string, { value: unknown; entries: string[] }>();
  for (const { entry, source } of entryPoints()) {
    const mod = (await import(pathToFileURL(`${ROOT}${source}`).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const known = out.get(name);
      if (known && known.value !== value) {
        // Two entries exporting different values under one name would need two specs.
        out.set(`${entry}:${name}`, { value, entries: [entry] });
      } else if (known) known.entries.push(entry);
      else out.set(name, { value, entries: [entry] });
    }
  }
  return out;
}
