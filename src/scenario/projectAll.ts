import { MetricsError } from '../errors.js';
import { show } from '../internal/assert.js';
import type { ModelDefinition } from '../spec/types.js';
import { project } from './project.js';
import type { ScenarioProjection } from './types.js';

/**
 * Every scenario of a model projected with {@link project}, in the model's order (`plan` first).
 * @throws {MetricsError} as project, for the first scenario that fails
 * @example
 * projectAll(loadModel('big-data-14th-fyp')).map((p) => p.scenario); // => ['plan', 'high', 'low', 'shock-2022']
 */
export function projectAll(model: ModelDefinition): ScenarioProjection[] {
  if (typeof model !== 'object' || model === null || typeof model.scenarios !== 'object' || model.scenarios === null) {
    throw new MetricsError(
      'invalid_argument',
      `projectAll: expected a loaded ModelDefinition (got ${show(model)}). Load it with loadModel.`,
    );
  }
  return Object.keys(model.scenarios).map((scenario) => project(model, { scenario }));
}
