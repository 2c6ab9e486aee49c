import { MetricsError } from '../errors.js';
import { simulate } from '../simulate/simulate.js';
import type { MonteCarloResult, MonteCarloRunOptions, SimulationTarget } from '../simulate/monteCarloTypes.js';
import { growthPath } from '../trajectory/growthPath.js';
import { convertScale } from '../series/units.js';
import type { ModelDefinition } from './types.js';
import { asModel } from './assertModel.js';
import { show } from '../internal/assert.js';

/** Options of {@link simulateModel}: the engine's run options, less what the model provides. */
export type SimulateModelOptions = Omit<
  MonteCarloRunOptions,
  'baseYear' | 'years' | 'toYear' | 'targets' | 'distribution' | 'degreesOfFreedom'
> & {
  /** Scenario to simulate around; default `plan`. */
  readonly scenario?: string;
};

/**
 * Monte Carlo simulation of a model's scenario: yearly growth is the scenario path's rate plus the
 * deviations the model's `uncertainty` describes, with the scenario's level shocks and bounds, and the
 * attainment probability of every model target (read with its comparator and tolerance).
 * @throws {MetricsError} invalid_definition when the model has no `uncertainty`; not_found for an unknown scenario
 * @example
 * (await simulateModel(loadModel('big-data-14th-fyp'), { paths: 10000, seed: 1 })).targets[0].probability; // ≈ 0.6
 */
export async function simulateModel(model: ModelDefinition, options: SimulateModelOptions): Promise<MonteCarloResult> {
  asModel('simulateModel', model);
  if (options === null || typeof options !== 'object') {
    throw new MetricsError(
      'invalid_argument',
      `simulateModel: options must give at least paths and seed, e.g. { paths: 10000, seed: 1 } (got ${show(options)}).`,
    );
  }
  const name = options.scenario ?? 'plan';
  if (typeof name !== 'string') {
    throw new MetricsError('invalid_argument', `simulateModel: scenario must be a scenario name (got ${show(name)}).`);
  }
  const scenario = Object.hasOwn(model.scenarios, name) ? model.scenarios[name] : undefined;
  if (!scenario) {
    throw new MetricsError(
      'not_found',
      `simulateModel: model "${model.id}" has no scenario "${name}". Scenarios: ${Object.keys(model.scenarios).join(', ')}.`,
      { scenario: name },
    );
  }
  const u = model.uncertainty;
  if (!u) {
    throw new MetricsError(
      'invalid_definition',
      `simulateModel: model "${model.id}" has no "uncertainty" section, so there is nothing to simulate. Add { "uncertainty": { "volatility": { "value": 0.05, "assumption": "…" } } } to ${model.origin}.`,
    );
  }
  const path = growthPath(scenario.path ?? model.path, {
    fromYear: model.fromYear,
    toYear: model.toYear,
    base: model.base.value,
  });
  const targets: SimulationTarget[] = model.targets.map((f) => ({
    id: f.id,
    year: f.year,
    value: convertScale(f.value, f.unit, model.unit),
    comparator: f.comparator,
    ...(f.tolerance
      ? {
          tolerance: {
            ...(f.tolerance.relative !== undefined ? { relative: f.tolerance.relative } : {}),
            ...(f.tolerance.absolute !== undefined
              ? { absolute: convertScale(f.tolerance.absolute, f.unit, model.unit) }
              : {}),
          },
        }
      : {}),
  }));
  const { scenario: _s, ...run } = options;
  // A parsed model fills every scenario's shocks and bounds; a hand-built one may leave them to the model.
  const bounds = scenario.bounds ?? model.bounds;
  return simulate({
    ...run,
    baseYear: model.fromYear,
    toYear: model.toYear,
    baseValue: model.base.value,
    growth: path.rates,
    shocks: (scenario.shocks ?? model.shocks).map((s) => ({ year: s.year, size: s.size.value })),
    bounds: {
      ...(bounds.cap ? { cap: bounds.cap.value } : {}),
      ...(bounds.floor ? { floor: bounds.floor.value } : {}),
    },
    volatility: u.volatility.value,
    ...(u.distribution ? { distribution: u.distribution } : {}),
    ...(u.degreesOfFreedom !== undefined ? { degreesOfFreedom: u.degreesOfFreedom } : {}),
    ...(u.persistence ? { persistence: u.persistence.value } : {}),
    ...(u.meanUncertainty ? { meanUncertainty: u.meanUncertainty.value } : {}),
    ...(u.rareShock ? { rareShock: { probability: u.rareShock.probability.value, size: u.rareShock.size.value } } : {}),
    targets,
  });
}
