import { show, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import type { Observation, ObservationSet } from '../observations/types.js';
import { convertScale, isScaleConvertible } from '../series/units.js';
import type { ModelDefinition, PathSpec, ResolvedValue, ScenarioSpec, ShockSpec } from '../spec/types.js';
import { asModel, checkObservationSet } from '../spec/asModel.js';

/** Options of {@link modelAsOf}. */
export interface ModelAsOfOptions {
  /**
   * More observations to consider besides the model's own `observations` (for instance the built-in set,
   * {@link loadObservations}); only those on the plans' definition of the model's metric are used.
   */
  readonly observations?: ObservationSet;
}

const MODEL_AS_OF_OPTIONS = optionNames<ModelAsOfOptions>({ observations: true });

function trimPath(spec: PathSpec<ResolvedValue>, from: number): PathSpec<ResolvedValue> {
  switch (spec.type) {
    case 'phases': {
      const phases = spec.phases.filter((p) => p.toYear > from);
      return {
        type: 'phases',
        phases: phases.map((p, i) => (i === 0 ? { ...p, fromYear: from } : p)),
      };
    }
    case 'rates':
      return { type: 'rates', rates: spec.rates.filter((r) => r.year > from) };
    case 'anchors':
      return { type: 'anchors', anchors: spec.anchors.filter((a) => a.year > from) };
    default:
      return spec;
  }
}

const trimShocks = (shocks: readonly ShockSpec<ResolvedValue>[] | undefined, from: number) =>
  (shocks ?? []).filter((s) => s.year > from);

/** Prefer an actual to an estimate, then a stated level to a bound. */
function rank(o: Observation): number {
  return (o.kind === 'actual' ? 2 : 0) + (o.comparator === 'equals' ? 1 : 0);
}

/**
 * A model restated "as of" a year: it starts from the latest published level on the plans' own
 * definition of its metric up to that year (a figure of its `observations`, or of `options.observations`)
 * instead of its base, so projections, the growth still required and Monte Carlo run from what was
 * observed. The base is that observation (a lower bound "more than X" is taken at X, and listed as a
 * choice by checkModel), the base year is its year; path phases, yearly rates, anchors and shocks before
 * it are dropped, and so are targets up to it (they are for the scorecard). Observations of another
 * definition are never used: the plans' definition only, as the scorecard does.
 * An uncertain base of the original model (`uncertainty.base`) belongs to the original base year and is
 * dropped; every path starts at the observation.
 * @param model a loaded model
 * @param asOf the year: observations of later years are not used
 * @throws {MetricsError} invalid_argument when asOf is not a whole year or the model has sectors (their
 *   shares in the observation's year are unknown); not_found when no level observation on the plans'
 *   definition lies between the model's base year and asOf (before its last year)
 * @example
 * const m = modelAsOf(loadModel('big-data-14th-fyp'), 2022);
 * [m.fromYear, m.base.value]; // => [2022, 1.57]
 */
export function modelAsOf(model: ModelDefinition, asOf: number, options: ModelAsOfOptions = {}): ModelDefinition {
  asModel('modelAsOf', model);
  assertOptions('modelAsOf', options, '{ observations }', MODEL_AS_OF_OPTIONS);
  if (options.observations !== undefined) checkObservationSet('modelAsOf', options.observations);
  if (!Number.isInteger(asOf)) {
    throw argumentError(
      'invalid_argument',
      `modelAsOf: asOf must be a whole year (got ${show(asOf)}). Pass the year whose observations to start from, e.g. 2022.`,
      'asOf',
      'a whole year',
      asOf,
      { asOf },
    );
  }
  if (model.sectors.length > 0) {
    throw argumentError(
      'invalid_argument',
      `modelAsOf: model "${model.id}" has ${model.sectors.length} sectors (got asOf ${asOf}); an observation of the total says nothing about the sectors' shares in its year. Restate the model by hand, with shares for that year.`,
      'model.sectors',
      'a model without sectors',
      model.sectors.length,
      { id: model.id },
    );
  }
  const set = options.observations;
  const planDef =
    model.definition ?? set?.definitions.find((d) => d.metric === model.metric && d.planDefinition === true);
  // The plans' definition only, wherever the observations come from.
  const pool = [...(model.observations ?? []), ...(set?.observations ?? [])].filter(
    (o, i, all) => planDef !== undefined && o.definition === planDef.id && all.findIndex((x) => x.id === o.id) === i,
  );
  const candidates = pool
    .filter(
      (o) =>
        o.fromYear === undefined &&
        o.year <= asOf &&
        o.year >= model.fromYear &&
        o.year < model.toYear &&
        o.comparator !== 'atMost' &&
        o.comparator !== 'below' &&
        isScaleConvertible(o.unit, model.unit),
    )
    .sort((a, b) => a.year - b.year || rank(a) - rank(b));
  const latest = candidates.at(-1);
  if (latest === undefined || planDef === undefined) {
    const others = (set?.definitions ?? [])
      .filter((d) => d.metric === model.metric && !d.planDefinition)
      .map((d) => `"${d.label}"`);
    throw argumentError(
      'not_found',
      `modelAsOf: model "${model.id}" has no level observation${planDef ? ` on "${planDef.label}"` : ''} between ${model.fromYear} and ${asOf} (got asOf ${asOf}, ${pool.length} observations). List one under "observations" in the model file, or pass observations${others.length > 0 ? `; ${others.join(', ')} are other measures and are not used without a bridge` : ''}.`,
      'asOf',
      `a year with a level observation of the model's metric after ${model.fromYear}`,
      asOf,
      { id: model.id, asOf },
    );
  }
  const from = latest.year;
  const base: ResolvedValue = {
    value: convertScale(latest.value, latest.unit, model.unit),
    source: { kind: 'observation', observation: latest, definition: planDef },
  };
  const path = trimPath(model.path, from);
  const shocks = trimShocks(model.shocks, from);
  const scenarios: Record<string, ScenarioSpec<ResolvedValue>> = {};
  for (const [name, sc] of Object.entries(model.scenarios)) {
    scenarios[name] = {
      ...sc,
      ...(sc.path ? { path: sc.path === model.path ? path : trimPath(sc.path, from) } : {}),
      ...(sc.shocks ? { shocks: sc.shocks === model.shocks ? shocks : trimShocks(sc.shocks, from) } : {}),
    };
  }
  let uncertainty = model.uncertainty;
  if (uncertainty?.base) {
    const { base: _dropped, ...rest } = uncertainty;
    uncertainty = rest;
  }
  return Object.freeze({
    ...model,
    title: `${model.title}, as of ${asOf}`,
    fromYear: from,
    base,
    path,
    shocks,
    scenarios,
    ...(uncertainty ? { uncertainty } : {}),
    targets: model.targets.filter((t) => t.year > from),
    observations: pool.filter((o) => o.year <= asOf),
    definition: planDef,
    asOf: { year: asOf, observation: latest.id, originalFromYear: model.asOf?.originalFromYear ?? model.fromYear },
  });
}
