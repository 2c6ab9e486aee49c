import { isResolvedValue } from '../spec/isResolvedValue.js';
import type { ModelDefinition, ResolvedValue } from '../spec/types.js';
import { asModel } from '../spec/asModel.js';

/**
 * One input of a model for sensitivity analysis: a number used in one or more places. Values that come
 * from the same seed fact are one parameter (its id is the fact id); an assumption is one parameter per
 * object (its id is where it first appears, e.g. `scenarios.high.path.rate`).
 */
export interface ModelParameter {
  readonly id: string;
  /** Where the value appears in the model, e.g. `path.rate`, `scenarios.plan.path.rate`, `shocks[0].size`. */
  readonly paths: readonly string[];
  readonly value: number;
  readonly source: ResolvedValue['source']['kind'];
  /** The fact id, the assumption's text, or a derived value's formula. */
  readonly label: string;
}

/** Keys of a ModelDefinition that hold facts to check, not inputs. */
const NOT_INPUTS = new Set(['targets', 'related', 'origin']);

/** The grouping key of a resolved value: its fact id, or the object itself for an assumption or a derived value. */
export function parameterKey(v: ResolvedValue): unknown {
  return v.source.kind === 'fact' ? `fact:${v.source.fact.id}` : v;
}

function labelOf(v: ResolvedValue): string {
  switch (v.source.kind) {
    case 'fact':
      return v.source.fact.id;
    case 'assumption':
      return v.source.text;
    case 'observation':
      return v.source.observation.id;
    default:
      return v.source.formula;
  }
}

function walk(x: unknown, path: string, visit: (v: ResolvedValue, path: string) => void): void {
  if (isResolvedValue(x)) {
    visit(x, path);
    return;
  }
  if (Array.isArray(x)) {
    x.forEach((item, i) => walk(item, `${path}[${i}]`, visit));
  } else if (typeof x === 'object' && x !== null) {
    for (const [k, v] of Object.entries(x)) {
      if (path === '' && NOT_INPUTS.has(k)) continue;
      walk(v, path === '' ? k : `${path}.${k}`, visit);
    }
  }
}

/**
 * Every number of a model that comes from a fact or an assumption (base, path values, shocks, bounds,
 * scenarios, uncertainty, sectors), grouped so that one fact or one shared object is one parameter.
 * Targets and related facts are what the model is checked against and are not included.
 * @example
 * modelParameters(loadModel('big-data-14th-fyp')).map((p) => p.id);
 * // => ['bd14.revenue-2020', 'bd14.cagr-2020-2025', 'scenarios.high.path.rate', 'scenarios.low.path.rate',
 * //     'scenarios.shock-2022.shocks[0].size', 'uncertainty.volatility']
 */
export function modelParameters(model: ModelDefinition): ModelParameter[] {
  asModel('modelParameters', model);
  return parameterGroups(model).map((g) => g.parameter);
}

/** The parameters with the key {@link withParameter} needs to change each one (not exported from the package). */
export function parameterGroups(model: ModelDefinition): { parameter: ModelParameter; key: unknown }[] {
  const groups = new Map<unknown, { id: string; paths: string[]; value: ResolvedValue }>();
  walk(model, '', (v, path) => {
    const key = parameterKey(v);
    const g = groups.get(key);
    if (g) g.paths.push(path);
    else groups.set(key, { id: v.source.kind === 'fact' ? v.source.fact.id : path, paths: [path], value: v });
  });
  return [...groups.entries()].map(([key, g]) => ({
    key,
    parameter: Object.freeze({
      id: g.id,
      paths: Object.freeze(g.paths),
      value: g.value.value,
      source: g.value.source.kind,
      label: labelOf(g.value),
    }),
  }));
}

/**
 * A copy of the model with one parameter (found by the key of {@link parameterKey}) set to `value`
 * everywhere it appears; everything else is shared, nothing is mutated.
 */
export function withParameter(model: ModelDefinition, key: unknown, value: number): ModelDefinition {
  const replace = (x: unknown, top: boolean): unknown => {
    if (isResolvedValue(x)) return parameterKey(x) === key ? { value, source: x.source } : x;
    if (Array.isArray(x)) {
      const out = x.map((item) => replace(item, false));
      return out.some((item, i) => item !== x[i]) ? out : x;
    }
    if (typeof x === 'object' && x !== null) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) {
        const r = top && NOT_INPUTS.has(k) ? v : replace(v, false);
        if (r !== v) changed = true;
        out[k] = r;
      }
      return changed ? out : x;
    }
    return x;
  };
  return replace(model, true) as ModelDefinition;
}
