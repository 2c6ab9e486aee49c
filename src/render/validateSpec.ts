import type { ErrorObject, ValidateFunction } from 'ajv';
import type { TopLevelSpec } from 'vega-lite';
import { MetricsError } from '../errors.js';
import { problemIssues } from '../internal/assert.js';
import { loadValidator } from '../internal/schemaValidator.js';
import { VEGA_LITE_SCHEMA } from './internal/vegaLiteSchema.js';

let validator: ValidateFunction | undefined;

/** Loaded on first use: precompiled by the build (about 60 ms), or compiled here (about 2 s) when missing. */
function compiled(): ValidateFunction {
  validator ??= loadValidator(VEGA_LITE_SCHEMA);
  return validator;
}

/**
 * Ajv reports one error per branch of every `anyOf` the value failed; keep, for each instance path, the
 * most telling one (an unknown property or a wrong enum value before "must match a schema in anyOf").
 */
function collapse(errors: readonly ErrorObject[]): string[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  // A parent's anyOf failure is explained by its children's errors: drop it when a child path failed too.
  const paths = [...byPath.keys()].filter((p) => ![...byPath.keys()].some((q) => q !== p && q.startsWith(`${p}/`)));
  const rank = (e: ErrorObject): number =>
    e.keyword === 'additionalProperties'
      ? 0
      : e.keyword === 'enum'
        ? 1
        : e.keyword === 'type'
          ? 3
          : e.keyword === 'anyOf' || e.keyword === 'oneOf'
            ? 9
            : 2;
  return paths.sort().map((p) => {
    const list = [...(byPath.get(p) ?? [])].sort((a, b) => rank(a) - rank(b));
    const best = list[0] as ErrorObject;
    const where = p === '' ? '(spec)' : p.slice(1).replaceAll('/', '.');
    if (best.keyword === 'additionalProperties') {
      return `${where}: unknown property "${String((best.params as { additionalProperty: string }).additionalProperty)}"`;
    }
    if (best.keyword === 'enum') {
      const allowed = list
        .filter((e) => e.keyword === 'enum')
        .flatMap((e) => (e.params as { allowedValues: unknown[] }).allowedValues);
      return `${where}: must be one of ${[...new Set(allowed)]
        .map((v) => JSON.stringify(v))
        .slice(0, 12)
        .join(', ')}`;
    }
    return `${where}: ${best.message ?? best.keyword}`;
  });
}

/**
 * Checks a spec against vega-lite's JSON schema (v6) before it is compiled, so a mistake reads as a path
 * (`layer.0.mark.type: must be one of "arc", "area", …`) instead of a TypeError from deep inside vega.
 * The validator is loaded once per process, on the first call (precompiled by the build: about 60 ms).
 * @param spec anything parsed from JSON
 * @returns the same object, typed as a TopLevelSpec
 * @throws {MetricsError} invalid_definition listing up to 8 problems, each with its path
 * @example
 * validateSpec({ mark: 'bar', data: { values: [] } }); // => { mark: 'bar', data: { values: [] } }
 */
export function validateSpec(spec: unknown): TopLevelSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new MetricsError(
      'invalid_definition',
      `validateSpec: a vega-lite spec must be a JSON object (got ${Array.isArray(spec) ? 'an array' : spec === null ? 'null' : typeof spec}).`,
    );
  }
  const validate = compiled();
  if (!validate(spec)) {
    const problems = collapse(validate.errors ?? []);
    const shown = problems.slice(0, 8);
    throw new MetricsError(
      'invalid_definition',
      `validateSpec: the spec does not match the vega-lite v6 schema (got ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${shown.join('; ')}${problems.length > shown.length ? '; …' : ''}). Fix the listed paths.`,
      { problems },
      problemIssues(problems),
    );
  }
  return spec as TopLevelSpec;
}
