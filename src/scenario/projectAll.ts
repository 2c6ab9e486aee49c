import type { ModelDefinition } from '../spec/types.js';
import { project } from './project.js';
import type { ScenarioProjection } from './types.js';
import { asModel } from '../spec/asModel.js';

/**
 * Every scenario of a model projected with {@link project}, in the model's order (`plan` first).
 * @throws {MetricsError} as project, for the first scenario that fails
 * @example
 * projectAll(loadModel('big-data-14th-fyp')).map((p) => p.scenario); // => ['plan', 'high', 'low', 'shock-2022']
 */
export function projectAll(model: ModelDefinition): ScenarioProjection[] {
  asModel('projectAll', model);
  return Object.keys(model.scenarios).map((scenario) => project(model, { scenario }));
}
