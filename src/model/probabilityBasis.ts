import type { ModelDefinition, ResolvedValue } from './types.js';
import { asModel } from './assertModel.js';
import { MetricsError } from '../errors.js';
import { show } from '../internal/assert.js';

function rateFactId(v: ResolvedValue | undefined): string | undefined {
  return v?.source.kind === 'fact' ? v.source.fact.id : undefined;
}

/**
 * What a scenario's result for one target rests on, when the model's construction settles it: the base
 * back-cast from this very target at the rate the scenario grows by, so that the scenario's path lands
 * exactly on the target and a Monte Carlo around it has the target as its median (P ≈ 50 % by
 * construction, whatever the volatility). Undefined when the result is not settled by construction.
 * @param model a loaded model
 * @param scenario a scenario name of the model (`plan` is the model's own path)
 * @param targetId the id of a target fact
 * @returns a sentence for readers, or undefined
 * @example
 * probabilityBasis(loadModel('cybersecurity-2021-2023'), 'plan', 'cyber.revenue-2023')?.startsWith('50 % by construction'); // => true
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
  if (path.type !== 'cagr' || rateFactId(path.rate) !== rate.id) return undefined;
  // A shock, cap or floor moves the path off the back-cast arithmetic.
  const bounds = spec?.bounds ?? model.bounds;
  if ((spec?.shocks ?? model.shocks).length > 0 || bounds.cap !== undefined || bounds.floor !== undefined)
    return undefined;
  return (
    `50 % by construction: the ${model.fromYear} base is back-cast from ${target.id} at ${rate.id} (${src.formula}), ` +
    `so the ${scenario} path lands exactly on the target and the simulation's median is the target; it is not evidence about the industry`
  );
}
