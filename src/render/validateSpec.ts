import type { ErrorObject, ValidateFunction } from 'ajv';
import type { TopLevelSpec } from 'vega-lite';
import { MetricsError } from '../errors.js';
import { argumentError, pathOf, problemIssues, show } from '../internal/assert.js';
import { notJson } from '../internal/notJson.js';
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
    throw argumentError(
      'invalid_definition',
      `validateSpec: a vega-lite spec must be a JSON object (got ${Array.isArray(spec) ? 'an array' : spec === null ? 'null' : typeof spec}).`,
      'spec',
      'a JSON object',
      spec,
    );
  }
  assertSpecSize('validateSpec', spec);
  // JSON has no NaN or Infinity: the schema takes them for numbers, and vega draws nothing for them.
  const bad = notJson(spec);
  if (bad !== undefined) {
    throw argumentError(
      'invalid_definition',
      `validateSpec: spec${bad.path} is not finite or not JSON data (got ${show(bad.value)}). Give finite numbers only.`,
      ['spec', ...pathOf(bad.path)],
      'finite JSON data',
      bad.value,
      { field: bad.path },
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

/**
 * Refuses a spec too large to draw in seconds (more than 100,000 inline data values, or any other array of
 * more than 10,000 entries), or one vega-lite would never finish compiling (a view named ""), before the
 * schema or vega sees it. toSvg calls it even when told not to validate.
 */
export function assertSpecSize(fn: string, spec: unknown): void {
  const values = inlineValues(fn, spec);
  if (values > MAX_VALUES) {
    throw new MetricsError(
      'too_large',
      `${fn}: the spec carries ${values} inline data values (got more than ${MAX_VALUES}). Aggregate the data first; vega takes seconds per chart beyond that.`,
      { values },
    );
  }
}

/** The most inline data values (rows, summed over every `values` array of the spec) a chart may carry. */
const MAX_VALUES = 100_000;
/** The longest any other array of a spec may be (a title of a million lines, a domain of a million values). */
const MAX_ARRAY = 10_000;

/**
 * Counts the elements of every `values` array in a spec (data, datasets, layers), without recursing into
 * them; throws too_large for any other array longer than MAX_ARRAY, naming where it is.
 */
function inlineValues(fn: string, spec: unknown): number {
  let n = 0;
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string, depth: number, rows = false): void => {
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > 64) return;
    seen.add(v);
    // A view (or data set, or parameter) named "": vega-lite 6 never returns from compiling a layer so named
    // inside a concat. Data rows (under datasets) may hold an empty "name" field.
    if (!rows && !Array.isArray(v) && (v as Record<string, unknown>)['name'] === '') {
      throw argumentError(
        'invalid_definition',
        `${fn}: ${path ? `${path}.name` : 'name'} is empty (got ""). vega-lite cannot compile a view named "" inside a concat (it never returns); give it a name or leave name out.`,
        ['spec', ...pathOf(path ? `${path}.name` : 'name')],
        'a non-empty name, or none',
        '',
      );
    }
    if (Array.isArray(v)) {
      if (v.length > MAX_ARRAY) {
        throw new MetricsError(
          'too_large',
          `${fn}: ${path || 'the spec'} has ${v.length} entries (got more than ${MAX_ARRAY}). No chart needs that many; check how the spec was made.`,
          { path, length: v.length },
        );
      }
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`, depth + 1, rows);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k === 'values' && Array.isArray(x)) n += x.length;
      else walk(x, path ? `${path}.${k}` : k, depth + 1, rows || (depth === 0 && k === 'datasets'));
    }
  };
  walk(spec, '', 0);
  return n;
}
