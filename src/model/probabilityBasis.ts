import { formatQuantity, formatPercent } from '../series/units.js';
import { describeFact } from '../targets/describeFact.js';
import { baseWording } from './internal/baseWording.js';
import type { ModelDefinition, PathSpec, ResolvedValue } from '../spec/types.js';
import { asModel } from '../spec/asModel.js';
import { MetricsError } from '../errors.js';
import { show } from '../internal/assert.js';

function rateFactId(v: ResolvedValue | undefined): string | undefined {
  return v?.source.kind === 'fact' ? v.source.fact.id : undefined;
}

/**
 * What a scenario's result for one target rests on, when the model's construction settles it: the base
 * back-cast from this very target at the rate the scenario grows by, so that the scenario's path lands
 * exactly on the target and a Monte Carlo around it has the target as its median (P ≈ 50% by
 * construction, whatever the volatility). Undefined when the result is not settled by construction.
 * @param model a loaded model
 * @param scenario a scenario name of the model (`plan` is the model's own path)
 * @param targetId the id of a target fact
 * @returns a sentence for readers, or undefined
 * @example
 * probabilityBasis(loadModel('big-data-13th-fyp'), 'plan', 'bd13.revenue-2020')?.startsWith('50% by construction'); // => true
 */
export function probabilityBasis(model: ModelDefinition, scenario: string, targetId: string): string | undefined {
  asModel('probabilityBasis', model);
  for (const [name, v] of [
    ['scenario', scenario],
    ['targetId', targetId],
  ] as const) {
    if (typeof v !== 'string' || v.trim() === '') {
      throw new MetricsError(
        'invalid_argument',
        `probabilityBasis: ${name} must be a non-empty string (got ${show(v)}).`,
      );
    }
  }
  const src = model.base.source;
  if (src.kind !== 'derived') return undefined;
  const [target, rate] = src.from;
  if (target?.id !== targetId || rate === undefined) return undefined;
  const spec = model.scenarios[scenario];
  const path = spec?.path ?? model.path;
  // Every year from the base to the target must grow at the back-cast's rate: a CAGR path at that rate,
  // or phases that use it up to the target year.
  const onRate =
    path.type === 'cagr'
      ? rateFactId(path.rate) === rate.id
      : path.type === 'phases' &&
        path.phases.filter((p) => p.fromYear < target.year).every((p) => rateFactId(p.rate) === rate.id);
  if (!onRate) return undefined;
  // A shock, cap or floor moves the path off the back-cast arithmetic.
  const bounds = spec?.bounds ?? model.bounds;
  if ((spec?.shocks ?? model.shocks).length > 0 || bounds.cap !== undefined || bounds.floor !== undefined)
    return undefined;
  return (
    `50% by construction: the ${model.fromYear} base is back-cast from ${target.id} at ${rate.id} (${src.formula}), ` +
    `so the ${scenario} path lands exactly on the target and the simulation's median is the target; it is not evidence about the industry`
  );
}

function rateWords(v: ResolvedValue): string {
  const s = v.source;
  if (s.kind === 'fact') {
    const f = s.fact;
    const at =
      f.comparator === 'exceeds' || f.comparator === 'atLeast'
        ? ', taken at its floor'
        : f.comparator === 'about'
          ? ', taken at its centre'
          : '';
    return `"${describeFact(f)}" a year (${f.id}${at})`;
  }
  if (s.kind === 'assumption') return `${formatPercent(v.value)} a year (an assumption: ${s.text})`;
  if (s.kind === 'observation') return `${formatPercent(v.value)} a year (observed, ${s.observation.id})`;
  return `${formatPercent(v.value)} a year (${s.formula})`;
}

function pathWords(path: PathSpec<ResolvedValue>): string {
  switch (path.type) {
    case 'cagr':
      return `growth of ${rateWords(path.rate)}`;
    case 'phases':
      return `growth of ${path.phases.map((p) => `${rateWords(p.rate)} over ${p.fromYear}-${p.toYear}`).join(', then ')}`;
    case 'expression':
      return `growth of ${path.expression} (an assumption: ${path.assumption})`;
    default:
      return `the ${path.type} path of the scenario`;
  }
}

/**
 * What a Monte Carlo probability of a model target rests on, in words, for every case: "50% by
 * construction" (see {@link probabilityBasis}) or the base (stated, a floor, a centre, a back-cast, an
 * observation, or drawn per path over an interval), the growth path (each rate with its source) and the
 * volatility (an assumption). When the base and the rate are floors of "more than" wording and the target
 * is "more than", the probability is a lower bound and the sentence says so.
 * @param model a loaded model (restated with `modelAsOf` when the run was)
 * @param scenario the scenario simulated
 * @param targetId the target's fact id
 * @returns a sentence for readers
 * @example
 * probabilityRestsOn(loadModel('big-data-13th-fyp'), 'plan', 'bd13.revenue-2020').startsWith('50% by construction'); // => true
 */
export function probabilityRestsOn(model: ModelDefinition, scenario: string, targetId: string): string {
  const byConstruction = probabilityBasis(model, scenario, targetId);
  if (byConstruction !== undefined) return byConstruction;
  const spec = model.scenarios[scenario];
  const path = spec?.path ?? model.path;
  const target = model.targets.find((t) => t.id === targetId);
  const wording = baseWording(model.base, model.unit, model.fromYear);
  const q = (x: number) => formatQuantity({ value: x, unit: model.unit });
  const drawn = model.uncertainty?.base;
  const from =
    model.base.source.kind === 'observation'
      ? `the ${model.fromYear} observation ${q(model.base.value)} (${model.base.source.observation.id}, ${model.base.source.observation.source.publisher}, ${model.base.source.observation.source.published}${model.base.source.observation.kind === 'estimate' ? ', an estimate' : ''}${wording.taken === 'floor' ? ', at its floor' : wording.taken === 'centre' ? ', at its centre' : ''})`
      : wording.taken === 'exact'
        ? `the stated ${model.fromYear} level ${q(model.base.value)}`
        : wording.taken === 'assumed'
          ? `an assumed ${model.fromYear} level of ${q(model.base.value)}`
          : `a ${model.fromYear} level of ${q(model.base.value)} ${wording.choice ?? ''}`;
  const base = drawn
    ? `a ${model.fromYear} level drawn per path, ${drawn.distribution} over ${q(drawn.lower.value)} to ${q(drawn.upper.value)} (${drawn.lower.source.kind === 'assumption' ? 'lower end an assumption' : "lower end from the base's wording"}, ${drawn.upper.source.kind === 'assumption' ? 'upper end an assumption' : "upper end from the base's wording"}; the distribution is an assumption: ${drawn.assumption})`
    : from;
  const vol = model.uncertainty?.volatility;
  const volText = vol
    ? `volatility ${formatPercent(vol.value)} a year (${vol.source.kind === 'assumption' ? 'an assumption' : 'sourced'})`
    : 'no volatility';
  const shocks = (spec?.shocks ?? model.shocks).length;
  // P(more than X) grows with the base and with growth: floors of both give a lower bound.
  const floorBase = !drawn && wording.taken === 'floor';
  const rateFloor =
    path.type === 'cagr' &&
    path.rate.source.kind === 'fact' &&
    (path.rate.source.fact.comparator === 'exceeds' || path.rate.source.fact.comparator === 'atLeast');
  const upward = target?.comparator === 'exceeds' || target?.comparator === 'atLeast';
  const bound =
    upward && floorBase && rateFloor
      ? '; with the base and the rate at the floors of their "more than" wording this is a lower bound: a higher base or faster growth, which the wording allows, would only raise it'
      : upward && floorBase
        ? '; with the base at the floor of its wording, a higher base (which the wording allows) would raise it'
        : '';
  return `rests on ${base}, ${pathWords(path)}${shocks > 0 ? `, ${shocks} level shock${shocks === 1 ? '' : 's'} (assumed)` : ''} and ${volText}; not on observed outcomes${model.asOf ? ` after ${model.fromYear}` : ''}${bound}`;
}
