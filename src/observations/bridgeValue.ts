import { argumentError, show } from '../internal/assert.js';
import { convertScale } from '../series/units.js';
import type { DefinitionBridge, Observation, ObservationSet } from './types.js';

function labelOf(set: ObservationSet, id: string): string {
  const d = set.definitions.find((x) => x.id === id);
  return d === undefined ? JSON.stringify(id) : `"${d.label}" (${d.id})`;
}

/**
 * Puts an observation's level on another definition. Without a bridge between the two definitions this
 * refuses: figures measured by different bodies on different scopes are never chained, compared or used
 * as one series. A bridge is the user's: a `ratio` (value on `to` = ratio × value on `from`), or an
 * `overlapYear` where both definitions have a plain ("equals") level observation, from which the ratio is taken.
 * @param observation a level observation
 * @param toDefinition the definition wanted
 * @param set the observations and definitions (for labels and overlap years)
 * @param bridge the user's bridge from the observation's definition to `toDefinition`
 * @returns the value in the observation's unit and the assumption it rests on (null when no bridge was needed)
 * @throws {MetricsError} invalid_argument naming both definitions when they differ and no bridge is given,
 *   when the bridge joins other definitions, or when the overlap year lacks a plain level on either side
 * @example
 * const set = loadObservations();
 * const obs = set.observations.find((o) => o.id === 'obs.big-data.miit-2022')!;
 * bridgeValue(obs, 'big-data-industry.miit', set).value; // => 1.57
 */
export function bridgeValue(
  observation: Observation,
  toDefinition: string,
  set: ObservationSet,
  bridge?: DefinitionBridge,
): { readonly value: number; readonly assumption: string | null } {
  checkArgs(observation, toDefinition, set, bridge);
  if (observation.definition === toDefinition) return { value: observation.value, assumption: null };
  const from = labelOf(set, observation.definition);
  const to = labelOf(set, toDefinition);
  if (bridge === undefined) {
    throw argumentError(
      'invalid_argument',
      `bridgeValue: ${observation.id} is on ${from}, not on ${to} (got two definitions and no bridge). Different definitions measure different things; give a bridge { from, to, ratio or overlapYear, assumption } to use one for the other.`,
      'bridge',
      `a bridge { from, to, ratio or overlapYear } from ${from} to ${to}`,
      bridge,
      { definitions: [observation.definition, toDefinition] },
    );
  }
  if (bridge.from !== observation.definition || bridge.to !== toDefinition) {
    throw argumentError(
      'invalid_argument',
      `bridgeValue: the bridge joins ${labelOf(set, bridge.from)} to ${labelOf(set, bridge.to)} (got a bridge for other definitions than ${from} -> ${to}). Give a bridge between these two.`,
      'bridge',
      `a bridge between ${from} and ${to}`,
      { from: bridge.from, to: bridge.to },
      { definitions: [observation.definition, toDefinition] },
    );
  }
  let ratio = bridge.ratio;
  if (ratio === undefined && bridge.overlapYear !== undefined) {
    const level = (def: string): Observation | undefined =>
      set.observations.find(
        (o) =>
          o.definition === def &&
          o.year === bridge.overlapYear &&
          o.fromYear === undefined &&
          o.comparator === 'equals',
      );
    const a = level(bridge.from);
    const b = level(bridge.to);
    if (a === undefined || b === undefined) {
      throw argumentError(
        'invalid_argument',
        `bridgeValue: overlap year ${bridge.overlapYear} needs a plain level on both ${from} and ${to} (got ${a === undefined ? 'none' : a.id} and ${b === undefined ? 'none' : b.id}). Pick a year both report, or give a ratio.`,
        'bridge.overlapYear',
        `a year with a plain level on both ${from} and ${to}`,
        bridge.overlapYear,
        { definitions: [bridge.from, bridge.to] },
      );
    }
    ratio = convertScale(b.value, b.unit, a.unit) / a.value;
  }
  if (ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) {
    throw argumentError(
      'invalid_argument',
      `bridgeValue: a bridge needs a ratio > 0 or an overlap year (got ratio ${String(ratio)}). State how ${from} relates to ${to}.`,
      'bridge.ratio',
      'a ratio > 0, or an overlap year',
      ratio,
      { definitions: [bridge.from, bridge.to] },
    );
  }
  return { value: observation.value * ratio, assumption: bridge.assumption };
}

/** Checks the arguments' shapes first, so a hand-built or hostile one gets a MetricsError naming it. */
function checkArgs(observation: unknown, toDefinition: unknown, set: unknown, bridge: unknown): undefined {
  const fail = (where: string, what: string, got: unknown): never => {
    throw argumentError(
      'invalid_argument',
      `bridgeValue: ${where} ${what} (got ${show(got)}).`,
      where,
      what.replace(/^must (be )?/, ''),
      got,
      { field: where },
    );
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(observation)) return fail('observation', 'must be an observation from loadObservations', observation);
  for (const k of ['id', 'definition'] as const)
    if (typeof observation[k] !== 'string' || observation[k] === '')
      fail(`observation.${k}`, 'must be a non-empty string', observation[k]);
  if (typeof observation['value'] !== 'number' || !Number.isFinite(observation['value']))
    fail('observation.value', 'must be a finite number', observation['value']);
  if (typeof toDefinition !== 'string' || toDefinition === '')
    fail('toDefinition', 'must be a definition id', toDefinition);
  if (!isObject(set)) return fail('set', 'must be an observation set { definitions, observations }', set);
  for (const k of ['definitions', 'observations'] as const) {
    const a = set[k];
    if (!Array.isArray(a)) return fail(`set.${k}`, 'must be an array', a);
    for (let i = 0; i < a.length; i++) if (!isObject(a[i])) fail(`set.${k}[${i}]`, 'must be an object', a[i]);
  }
  // A definition's id and label are written into the messages.
  (set['definitions'] as Record<string, unknown>[]).forEach((d, i) => {
    for (const k of ['id', 'label'] as const)
      if (typeof d[k] !== 'string' || d[k] === '')
        fail(`set.definitions[${i}].${k}`, 'must be a non-empty string', d[k]);
  });
  if (bridge === undefined) return undefined;
  if (!isObject(bridge)) return fail('bridge', 'must be { from, to, ratio or overlapYear, assumption }', bridge);
  for (const k of ['from', 'to', 'assumption'] as const)
    if (typeof bridge[k] !== 'string') fail(`bridge.${k}`, 'must be a string', bridge[k]);
  if (
    bridge['ratio'] !== undefined &&
    !(typeof bridge['ratio'] === 'number' && Number.isFinite(bridge['ratio']) && bridge['ratio'] > 0)
  )
    fail('bridge.ratio', 'must be a finite number > 0', bridge['ratio']);
  if (
    bridge['overlapYear'] !== undefined &&
    !(typeof bridge['overlapYear'] === 'number' && Number.isInteger(bridge['overlapYear']))
  )
    fail('bridge.overlapYear', 'must be a whole year', bridge['overlapYear']);
  return undefined;
}
