// Not exported from the package: vega-lite's JSON schema as validateSpec checks specs against it (precompiled by
// the build; see src/internal/schemaValidator.ts).
import { createRequire } from 'node:module';
import type { SchemaSource } from '../../internal/schemaValidator.js';

/** Keywords whose value maps names to schemas: their keys are names (a property may be called "description"). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Keywords whose value is data, not a schema. */
const DATA = new Set(['enum', 'const', 'default', 'examples', 'required']);
/** Annotations: they say what a property means and never change whether a spec is valid. */
const ANNOTATIONS = new Set(['description', 'markdownDescription', '$comment']);

/** A copy of a JSON schema without its annotations (vega-lite's 1.9 MB schema becomes about 0.3 MB). */
export function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k)) continue;
    if (SCHEMA_MAPS.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, withoutAnnotations(s)]));
    } else out[k] = DATA.has(k) ? v : withoutAnnotations(v);
  }
  return out;
}

/** vega-lite's schema, from the installed vega-lite. */
export const VEGA_LITE_SCHEMA: SchemaSource = {
  fn: 'validateSpec',
  schemaPath: () => createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json'),
  prepare: withoutAnnotations,
  // inlineRefs: false compiles each definition once instead of inlining it at every use: the same checks and
  // errors in a third of the code.
  options: { allErrors: true, strict: false, validateFormats: false, inlineRefs: false },
  precompiled: new URL('./vegaLiteValidator.generated.cjs', import.meta.url),
};
