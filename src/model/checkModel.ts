import type { Fact } from '../targets/fact.js';
import { checkConsistency, type ConsistencyReport } from '../targets/checkConsistency.js';
import type { Observation } from '../observations/types.js';
import { formatQuantity } from '../series/units.js';
import { baseWording } from './internal/baseWording.js';
import type { ModelDefinition, PathSpec, ResolvedValue } from '../spec/types.js';
import { asModel } from '../spec/asModel.js';

/** A number in a model that no document states: where it is in the model, its value and its reason. */
export interface ModelAssumption {
  /** Path in the model file: `scenarios.low.path.rate`. */
  readonly path: string;
  readonly value: number | string;
  readonly assumption: string;
}

/** A number in a model derived from facts (a backcast base level). */
export interface ModelDerivation {
  readonly path: string;
  readonly value: number;
  readonly formula: string;
  readonly facts: readonly string[];
}

/** Result of {@link checkModel}: every fact the model rests on, its assumptions, and the consistency report. */
export interface ModelCheck {
  readonly model: {
    readonly id: string;
    readonly title: string;
    readonly fromYear: number;
    readonly toYear: number;
    readonly origin: string;
  };
  readonly targets: readonly Fact[];
  /** Every fact the model uses or relates to, targets first, each once. */
  readonly facts: readonly Fact[];
  readonly assumptions: readonly ModelAssumption[];
  readonly derivations: readonly ModelDerivation[];
  /** Published observations the model uses (its base when restated as of a year) or lists. */
  readonly observations: readonly Observation[];
  readonly consistency: ConsistencyReport;
}

function visitValue(
  path: string,
  v: ResolvedValue,
  out: { facts: Fact[]; assumptions: ModelAssumption[]; derivations: ModelDerivation[]; observations: Observation[] },
): void {
  const s = v.source;
  if (s.kind === 'fact') out.facts.push(s.fact);
  else if (s.kind === 'assumption') out.assumptions.push({ path, value: v.value, assumption: s.text });
  else if (s.kind === 'observation') out.observations.push(s.observation);
  else {
    out.facts.push(...s.from);
    out.derivations.push({ path, value: v.value, formula: s.formula, facts: s.from.map((f) => f.id) });
  }
}

function visitPath(path: string, p: PathSpec<ResolvedValue>, out: Parameters<typeof visitValue>[2]): void {
  switch (p.type) {
    case 'cagr':
      visitValue(`${path}.rate`, p.rate, out);
      break;
    case 'phases':
      p.phases.forEach((ph, i) => visitValue(`${path}.phases[${i}].rate`, ph.rate, out));
      break;
    case 'rates':
      p.rates.forEach((r, i) => visitValue(`${path}.rates[${i}].rate`, r.rate, out));
      break;
    case 'linear':
      visitValue(`${path}.slope`, p.slope, out);
      break;
    case 'logistic':
      visitValue(`${path}.rate`, p.rate, out);
      visitValue(`${path}.cap`, p.cap, out);
      break;
    case 'anchors':
      p.anchors.forEach((a, i) => visitValue(`${path}.anchors[${i}].value`, a.value, out));
      break;
    case 'expression':
      out.assumptions.push({ path, value: p.expression, assumption: p.assumption });
      break;
  }
}

/**
 * Gathers what a model rests on (targets, the facts behind its base and paths, related facts), lists
 * its assumptions and derivations, and checks all those facts against each other with
 * {@link checkConsistency}.
 * @example
 * checkModel(loadModel('big-data-14th-fyp')).consistency.consistent; // => true
 */
export function checkModel(model: ModelDefinition): ModelCheck {
  asModel('checkModel', model);
  const out = {
    facts: [] as Fact[],
    assumptions: [] as ModelAssumption[],
    derivations: [] as ModelDerivation[],
    observations: [] as Observation[],
  };
  visitValue('base', model.base, out);
  // A base the wording does not fix (a floor, a centre, a back-cast) is a choice of the model: list it.
  const wording = baseWording(model.base, model.unit, model.fromYear);
  if (wording.choice !== undefined)
    out.assumptions.push({
      path: 'base',
      value: model.base.value,
      assumption: `${wording.choice}${model.uncertainty?.base ? '; the projections use it, the Monte Carlo draws the base per path instead (uncertainty.base)' : ''}`,
    });
  for (const [name, sc] of Object.entries(model.scenarios)) {
    const prefix = name === 'plan' ? '' : `scenarios.${name}.`;
    if (sc.path && (name === 'plan' || sc.path !== model.path)) visitPath(`${prefix}path`, sc.path, out);
    if (sc.shocks && (name === 'plan' || sc.shocks !== model.shocks))
      sc.shocks.forEach((s, i) => visitValue(`${prefix}shocks[${i}].size`, s.size, out));
    const b = sc.bounds;
    if (b && (name === 'plan' || b !== model.bounds)) {
      if (b.cap) visitValue(`${prefix}bounds.cap`, b.cap, out);
      if (b.floor) visitValue(`${prefix}bounds.floor`, b.floor, out);
    }
  }
  const u = model.uncertainty;
  if (u) {
    visitValue('uncertainty.volatility', u.volatility, out);
    if (u.base) {
      const q = (x: number) => formatQuantity({ value: x, unit: model.unit });
      const endSource = (v: ResolvedValue) =>
        v.source.kind === 'assumption' ? 'an assumption' : "from the base's wording";
      out.assumptions.push({
        path: 'uncertainty.base',
        value: `${u.base.distribution} ${q(u.base.lower.value)} to ${q(u.base.upper.value)}`,
        assumption: `the base is drawn once per path, ${u.base.distribution} over ${q(u.base.lower.value)} (${endSource(u.base.lower)}) to ${q(u.base.upper.value)} (${endSource(u.base.upper)}): ${u.base.assumption}`,
      });
      if (u.base.lower.source.kind === 'assumption') visitValue('uncertainty.base.lower', u.base.lower, out);
      if (u.base.upper.source.kind === 'assumption') visitValue('uncertainty.base.upper', u.base.upper, out);
    }
    if (u.persistence) visitValue('uncertainty.persistence', u.persistence, out);
    if (u.meanUncertainty) visitValue('uncertainty.meanUncertainty', u.meanUncertainty, out);
    if (u.rareShock) {
      visitValue('uncertainty.rareShock.probability', u.rareShock.probability, out);
      visitValue('uncertainty.rareShock.size', u.rareShock.size, out);
    }
  }
  model.sectors.forEach((s, i) => {
    visitValue(`sectors[${i}].share`, s.share, out);
    visitPath(`sectors[${i}].path`, s.path, out);
  });
  const seen = new Set<string>();
  const facts = [...model.targets, ...out.facts, ...model.related].filter((f) => {
    if (seen.has(f.id)) return false;
    seen.add(f.id);
    return true;
  });
  return {
    model: { id: model.id, title: model.title, fromYear: model.fromYear, toYear: model.toYear, origin: model.origin },
    targets: model.targets,
    facts,
    assumptions: out.assumptions,
    derivations: out.derivations,
    observations: [...new Set([...out.observations, ...(model.observations ?? [])])],
    consistency: checkConsistency(facts),
  };
}
