import { MetricsError, isMetricsError } from '../errors.js';
import { argumentError, show, assertOptions, optionNames } from '../internal/assert.js';
import type { ModelDefinition, ResolvedValue } from '../spec/types.js';
import { applyBounds } from '../trajectory/applyBounds.js';
import { applyShocks } from '../trajectory/applyShocks.js';
import { growthPath, numberOf } from '../trajectory/growthPath.js';
import type { Fact } from '../targets/fact.js';
import { gapToTarget, targetSpan } from './gapToTarget.js';
import type { ScenarioProjection, TargetCheck } from './types.js';
import { asModel } from '../spec/asModel.js';

/** Options of {@link project}. */
export interface ProjectOptions {
  /** The scenario to project, default `plan` (the model's own path, shocks and bounds). */
  readonly scenario?: string;
}

const PROJECT_OPTIONS = optionNames<ProjectOptions>({ scenario: true });

/**
 * Projects one scenario of a model deterministically: the scenario's path (or the model's) from the base
 * in `fromYear` to `toYear`, then its one-off level shocks (or the model's), then its caps and floors (or
 * the model's), and checks every model target in the projected years with gapToTarget. Pure: the model is
 * not changed, the same model gives the same result, and the result is frozen plain data.
 * @throws {MetricsError} not_found for an unknown scenario (listing the known ones); whatever the path,
 *   shocks or bounds throw, prefixed with the model and scenario
 * @example
 * const model = loadModel('big-data-14th-fyp'); // 1 trillion in 2020, 25% a year to 2025
 * project(model, { scenario: 'plan' }).levels.at(-1); // => 3.0517578125
 */
export function project(model: ModelDefinition, options: ProjectOptions = {}): ScenarioProjection {
  const fn = 'project';
  asModel(fn, model);
  assertOptions(fn, options, "{ scenario: 'plan' }", PROJECT_OPTIONS);
  const name = options.scenario ?? 'plan';
  const spec = Object.hasOwn(model.scenarios, name) ? model.scenarios[name] : undefined;
  if (spec === undefined) {
    const known = Object.keys(model.scenarios);
    throw argumentError(
      'not_found',
      `${fn}: model ${show(model.id)} has no scenario ${show(name)}. Scenarios: ${known.join(', ')}.`,
      'options.scenario',
      `one of ${known.map((k) => JSON.stringify(k)).join(', ')}`,
      name,
      { scenario: name, known },
    );
  }
  const where = `${fn}(${model.id}, scenario ${name})`;
  try {
    const raw = growthPath(spec.path ?? model.path, {
      fromYear: model.fromYear,
      toYear: model.toYear,
      base: numberOf(model.base),
    });
    const shocks = (spec.shocks ?? model.shocks ?? []).map((s) => ({ year: s?.year, size: numberOf(s?.size) }));
    const shocked = shocks.length > 0 ? applyShocks(raw, shocks) : raw;
    const b = spec.bounds ?? model.bounds ?? {};
    const bounds = {
      ...(b.cap !== undefined ? { cap: numberOf(b.cap as ResolvedValue) } : {}),
      ...(b.floor !== undefined ? { floor: numberOf(b.floor as ResolvedValue) } : {}),
    };
    const path = applyBounds(shocked, bounds);
    const levels = { unit: model.unit, years: path.years, levels: path.levels };
    const targets: TargetCheck[] = [];
    const outside: Fact[] = [];
    for (const t of model.targets ?? []) {
      if (targetSpan(levels, t) === undefined) outside.push(t);
      else targets.push(gapToTarget(levels, t));
    }
    return Object.freeze({
      modelId: model.id,
      metric: model.metric,
      scenario: name,
      description: spec.description,
      unit: model.unit,
      fromYear: model.fromYear,
      toYear: model.toYear,
      years: path.years,
      levels: path.levels,
      rates: path.rates,
      targets: Object.freeze(targets),
      outside: Object.freeze(outside),
    });
  } catch (e) {
    if (isMetricsError(e))
      throw new MetricsError(
        e.code,
        `${where}: ${e.message}`,
        { ...e.details, model: model.id, scenario: name },
        e.issues,
      );
    throw e;
  }
}
