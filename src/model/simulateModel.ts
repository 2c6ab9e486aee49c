import { simulate } from '../simulate/simulate.js';
import type { Simulation, SimulationRunOptions, SimulationTarget } from '../simulate/types.js';
import { growthPath } from '../trajectory/growthPath.js';
import { convertScale } from '../series/units.js';
import type { ModelDefinition } from '../spec/types.js';
import { asModel } from '../spec/asModel.js';
import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';
import { modelAsOf } from './modelAsOf.js';
import type { ObservationSet } from '../observations/types.js';

/** Options of {@link simulateModel}: the engine's run options, less what the model provides. */
export type SimulateModelOptions = Omit<
  SimulationRunOptions,
  'baseYear' | 'years' | 'toYear' | 'targets' | 'distribution' | 'degreesOfFreedom' | 'baseDraw'
> & {
  /** Scenario to simulate around; default `plan`. */
  readonly scenario?: string;
  /** Start from the latest observation up to this year ({@link modelAsOf}) instead of the model's base. */
  readonly asOf?: number;
  /** Observations for `asOf` besides the model's own (only the plans' definition is used). */
  readonly observations?: ObservationSet;
};

const SIMULATE_MODEL_OPTIONS = optionNames<SimulateModelOptions>({
  paths: true,
  seed: true,
  quantiles: true,
  cagrThresholds: true,
  crossing: true,
  samplePaths: true,
  workers: true,
  chunkSize: true,
  onProgress: true,
  signal: true,
  maxMemoryBytes: true,
  scenario: true,
  asOf: true,
  observations: true,
});

/**
 * Monte Carlo simulation of a model's scenario: yearly growth is the scenario path's rate plus the
 * deviations the model's `uncertainty` describes, with the scenario's level shocks and bounds, and the
 * attainment probability of every model target (read with its comparator and tolerance). With
 * `uncertainty.base` each path draws its base level over the interval (a triangular draw peaks at the
 * model's base); with `asOf` the run starts from the latest observation up to that year ({@link modelAsOf}).
 * @throws {MetricsError} invalid_definition when the model has no `uncertainty`; not_found for an unknown scenario
 * @example
 * (await simulateModel(loadModel('big-data-14th-fyp'), { paths: 10000, seed: 1 })).targets[0].probability; // ≈ 0.6
 */
export async function simulateModel(modelIn: ModelDefinition, options: SimulateModelOptions): Promise<Simulation> {
  asModel('simulateModel', modelIn);
  if (options === null || typeof options !== 'object') {
    throw argumentError(
      'invalid_argument',
      `simulateModel: options must give at least paths and seed, e.g. { paths: 10000, seed: 1 } (got ${show(options)}).`,
      'options',
      'an object with at least paths and seed',
      options,
    );
  }
  assertOptions('simulateModel', options, undefined, SIMULATE_MODEL_OPTIONS);
  const model =
    options.asOf === undefined
      ? modelIn
      : modelAsOf(modelIn, options.asOf, options.observations ? { observations: options.observations } : {});
  const name = options.scenario ?? 'plan';
  if (typeof name !== 'string') {
    throw argumentError(
      'invalid_argument',
      `simulateModel: scenario must be a scenario name (got ${show(name)}).`,
      'options.scenario',
      'a scenario name',
      name,
    );
  }
  const scenario = Object.hasOwn(model.scenarios, name) ? model.scenarios[name] : undefined;
  if (!scenario) {
    throw argumentError(
      'not_found',
      `simulateModel: model "${model.id}" has no scenario "${name}". Scenarios: ${Object.keys(model.scenarios).join(', ')}.`,
      'options.scenario',
      `one of ${Object.keys(model.scenarios).join(', ')}`,
      name,
      { scenario: name },
    );
  }
  const u = model.uncertainty;
  if (!u) {
    throw argumentError(
      'invalid_definition',
      `simulateModel: model "${model.id}" has no "uncertainty" section, so there is nothing to simulate. Add { "uncertainty": { "volatility": { "value": 0.05, "assumption": "…" } } } to ${model.origin}.`,
      'model.uncertainty',
      'an "uncertainty" section',
      undefined,
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
  const { scenario: _s, asOf: _a, observations: _o, ...run } = options;
  const drawn = u.base;
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
    ...(drawn
      ? {
          baseDraw: {
            lower: drawn.lower.value,
            upper: drawn.upper.value,
            distribution: drawn.distribution,
            ...(drawn.distribution === 'triangular' && {
              mode: Math.min(drawn.upper.value, Math.max(drawn.lower.value, model.base.value)),
            }),
          },
        }
      : {}),
    ...(u.distribution ? { distribution: u.distribution } : {}),
    ...(u.degreesOfFreedom !== undefined ? { degreesOfFreedom: u.degreesOfFreedom } : {}),
    ...(u.persistence ? { persistence: u.persistence.value } : {}),
    ...(u.meanUncertainty ? { meanUncertainty: u.meanUncertainty.value } : {}),
    ...(u.rareShock ? { rareShock: { probability: u.rareShock.probability.value, size: u.rareShock.size.value } } : {}),
    targets,
  });
}
