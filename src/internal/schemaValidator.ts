// Not exported from the package: JSON Schema validators that cost nothing until used. Compiling a schema with Ajv
// takes time in every process (vega-lite's: about 2 s; the model file's: about 0.2 s), so `npm run build`
// precompiles each schema listed here into a standalone module (Ajv's standalone code, minified, written by
// scripts/build-dist.mjs next to the module that declares the schema, in src/ and dist/). At first use the
// precompiled module is loaded (tens of milliseconds) when it was made from the schema file as it is now (its
// sha256 matches); otherwise (a checkout that was never built, a schema edited since) the schema is compiled here
// with the same options, so the checks and the errors are the same either way.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import { requireDependency } from './dependencies.js';

/** A schema validated against, and where its precompiled validator lives. */
export interface SchemaSource {
  /** The public function that validates with it, for error messages. */
  readonly fn: string;
  /** Absolute path of the schema file. */
  schemaPath(): string;
  /** The schema as compiled (default: as in the file). */
  readonly prepare?: (schema: unknown) => unknown;
  readonly options: Options;
  /** The precompiled module's URL: a `*.generated.cjs` next to the module that declares this source. */
  readonly precompiled: URL;
}

/** sha256 of the schema file, recorded in the precompiled module. */
export function schemaHash(source: SchemaSource): string {
  return createHash('sha256').update(readFileSync(source.schemaPath())).digest('hex');
}

/** Compiles the schema with Ajv; `code: true` keeps the code for the build to write out. */
export function compileSchema(source: SchemaSource, code = false): { ajv: Ajv; validate: ValidateFunction } {
  const { Ajv: AjvClass } = requireDependency<{ Ajv: typeof Ajv }>(source.fn, 'ajv');
  const raw: unknown = JSON.parse(readFileSync(source.schemaPath(), 'utf8'));
  const schema = (source.prepare ? source.prepare(raw) : raw) as object;
  const ajv = new AjvClass({ ...source.options, ...(code ? { code: { source: true, lines: false } } : {}) });
  return { ajv, validate: ajv.compile(schema) };
}

/** The precompiled validator when it matches the schema file, else the schema compiled now. */
export function loadValidator(source: SchemaSource): ValidateFunction {
  let precompiled: (ValidateFunction & { schemaSha256?: string }) | undefined;
  try {
    precompiled = createRequire(import.meta.url)(fileURLToPath(source.precompiled)) as ValidateFunction & {
      schemaSha256?: string;
    };
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
  }
  if (precompiled && precompiled.schemaSha256 === schemaHash(source)) return precompiled;
  return compileSchema(source).validate;
}
