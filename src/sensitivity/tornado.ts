import { MetricsError, isMetricsError } from '../errors.js';
import {
  assertFinite,
  assertKnownFields,
  show,
  argumentError,
  assertOptions,
  optionNames,
} from '../internal/assert.js';
import type { ModelDefinition } from '../spec/types.js';
import { project } from '../scenario/project.js';
import type { ScenarioProjection } from '../scenario/types.js';
import { type ModelParameter, parameterGroups, withParameter } from '../model/modelParameters.js';
import { asModel } from '../spec/asModel.js';

/** Built-in outputs of {@link tornado}. */
export const TornadoOutput = Object.freeze({
  /** The level in the scenario's last year. */
  finalLevel: 'finalLevel',
  /** The scenario's CAGR from the base year to the last year. */
  finalCagr: 'finalCagr',
  /** The relative gap (`gapRelative`) of the scenario's first checked target. */
  targetGap: 'targetGap',
  /** The CAGR still required from the base to the scenario's first checked target. */
  requiredCagr: 'requiredCagr',
} as const);
export type TornadoOutput = keyof typeof TornadoOutput;

/** Any number computed from a projection and the (changed) model: e.g. a Monte Carlo attainment probability. */
export type TornadoFunction = (projection: ScenarioProjection, model: ModelDefinition) => number;

/** Options of {@link tornado}. */
export interface TornadoOptions {
  /** The scenario projected for each setting, default `plan`. */
  readonly scenario?: string;
  /** What to measure, default `finalLevel`; a function gets the projection and the changed model. */
  readonly output?: TornadoOutput | TornadoFunction;
  /**
   * How far to move each parameter when it has no range: ± the wider of `relative * |value|` and
   * `absolute`. Default `{ relative: 0.1 }` (±10%).
   */
  readonly swing?: { readonly relative?: number; readonly absolute?: number };
  /** Low and high values per parameter id (a fact id or a path like `scenarios.high.path.rate`). */
  readonly ranges?: Readonly<Record<string, { readonly low: number; readonly high: number }>>;
  /**
   * Parameter ids to move. Default: every parameter outside `scenarios`, plus those of the chosen
   * scenario (the others cannot change its projection).
   */
  readonly parameters?: readonly string[];
}

const TORNADO_OPTIONS = optionNames<TornadoOptions>({
  scenario: true,
  output: true,
  swing: true,
  ranges: true,
  parameters: true,
});

/** The fields of a tornado's swing (a misspelt `relativ` would leave the default 10 % swing). */
const SWING_FIELDS = optionNames<NonNullable<TornadoOptions['swing']>>({ relative: true, absolute: true });

/** One bar of a tornado: a parameter moved to its low and high value, and the output at each. */
export interface TornadoBar {
  readonly parameter: string;
  readonly paths: readonly string[];
  readonly source: ModelParameter['source'];
  readonly label: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly outputLow: number;
  readonly outputHigh: number;
  /** |outputHigh - outputLow|, what bars are sorted by. */
  readonly swing: number;
}

/** What {@link tornado} returns: the output at the model's values and one bar per parameter, widest first. */
export interface Tornado {
  readonly scenario: string;
  readonly output: string;
  readonly baseOutput: number;
  readonly bars: readonly TornadoBar[];
}

function outputFunction(output: TornadoOptions['output']): { name: string; fn: TornadoFunction } {
  if (typeof output === 'function') return { name: output.name || 'custom', fn: output };
  const name = output ?? 'finalLevel';
  const firstTarget = (p: ScenarioProjection) => {
    const t = p.targets[0];
    if (t === undefined) {
      throw argumentError(
        'invalid_argument',
        `tornado: output "${name}" needs a target in the projected years, and scenario "${p.scenario}" of "${p.modelId}" has none. Use finalLevel or a function.`,
        'output',
        'finalLevel or a function, for a model without targets',
        name,
      );
    }
    return t;
  };
  switch (name) {
    case 'finalLevel':
      return { name, fn: (p) => p.levels[p.levels.length - 1] as number };
    case 'finalCagr':
      return {
        name,
        fn: (p) =>
          Math.pow((p.levels[p.levels.length - 1] as number) / (p.levels[0] as number), 1 / (p.toYear - p.fromYear)) -
          1,
      };
    case 'targetGap':
      return { name, fn: (p) => firstTarget(p).gapRelative };
    case 'requiredCagr':
      return { name, fn: (p) => firstTarget(p).requiredCagr };
    default:
      throw argumentError(
        'invalid_argument',
        `tornado: output must be a function or one of ${Object.keys(TornadoOutput).join(', ')} (got ${show(name)}).`,
        'output',
        `a function or one of ${Object.keys(TornadoOutput).join(', ')}`,
        name,
        { output: name },
      );
  }
}

/**
 * One-at-a-time sensitivity (a tornado): each parameter of the model (see modelParameters) is moved to
 * its low and then its high value, everything else kept, the scenario projected, and the output measured.
 * Bars are sorted by swing |outputHigh - outputLow|, widest first (ties by parameter id).
 * @throws {MetricsError} invalid_argument for a bad swing or range, an unknown parameter id or output,
 *   or an output that is not a finite number (naming the parameter and value); whatever project throws
 *   for a moved value (e.g. a rate below -1), prefixed with the parameter
 * @example
 * tornado(loadModel('big-data-14th-fyp'), { output: 'finalLevel' }).bars.map((b) => b.parameter);
 * // => ['bd14.cagr-2020-2025', 'bd14.revenue-2020', 'uncertainty.volatility']
 */
export function tornado(model: ModelDefinition, options: TornadoOptions = {}): Tornado {
  const fn = 'tornado';
  asModel(fn, model);
  assertOptions(fn, options, undefined, TORNADO_OPTIONS);
  const scenario = options.scenario ?? 'plan';
  const { name, fn: measure } = outputFunction(options.output);
  assertKnownFields(fn, 'swing', options.swing, SWING_FIELDS);
  const relative = options.swing?.relative ?? (options.swing?.absolute === undefined ? 0.1 : 0);
  const absolute = options.swing?.absolute ?? 0;
  assertFinite(fn, { 'swing.relative': relative, 'swing.absolute': absolute });
  if (relative < 0 || absolute < 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: swing must be >= 0 (got relative ${relative}, absolute ${absolute}). It is the distance either side of each value.`,
      relative < 0 ? 'swing.relative' : 'swing.absolute',
      '>= 0',
      relative < 0 ? relative : absolute,
    );
  }
  const evaluate = (m: ModelDefinition, what: string): number => {
    let out: number;
    try {
      out = measure(project(m, { scenario }), m);
    } catch (e) {
      if (isMetricsError(e))
        throw new MetricsError(e.code, `${fn}: with ${what}: ${e.message}`, { ...e.details }, e.issues);
      throw e;
    }
    if (typeof out !== 'number' || !Number.isFinite(out)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: output "${name}" gave ${show(out)} with ${what}. The output must be a finite number.`,
        'output',
        'a function that returns a finite number',
        out,
        { output: name },
      );
    }
    return out;
  };
  const baseOutput = evaluate(model, "the model's values");

  const groups = parameterGroups(model);
  const all = groups.map((g) => g.parameter);
  let chosen: typeof groups;
  if (options.parameters !== undefined) {
    const ids = new Set(all.map((p) => p.id));
    const unknown = options.parameters.filter((id) => !ids.has(id));
    if (unknown.length > 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: unknown parameter(s) ${unknown.map(show).join(', ')}. Parameters: ${[...ids].join(', ')}.`,
        ['parameters', options.parameters.indexOf(unknown[0] as string)],
        `one of ${[...ids].join(', ')}`,
        unknown[0],
        { unknown },
      );
    }
    chosen = groups.filter((g) => options.parameters?.includes(g.parameter.id));
  } else {
    const relevant = (path: string) => !path.startsWith('scenarios.') || path.startsWith(`scenarios.${scenario}.`);
    chosen = groups.filter((g) => g.parameter.paths.some(relevant));
  }
  const ranges = options.ranges ?? {};
  for (const id of Object.keys(ranges)) {
    if (!all.some((p) => p.id === id)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ranges has unknown parameter ${show(id)}. Parameters: ${all.map((p) => p.id).join(', ')}.`,
        ['ranges', id],
        `a parameter, one of ${all.map((p) => p.id).join(', ')}`,
        id,
        { parameter: id },
      );
    }
  }

  const bars: TornadoBar[] = chosen.map(({ parameter: p, key }) => {
    const r = Object.hasOwn(ranges, p.id) ? ranges[p.id] : undefined;
    let low: number;
    let high: number;
    if (r !== undefined) {
      assertFinite(fn, { [`ranges.${p.id}.low`]: r.low, [`ranges.${p.id}.high`]: r.high });
      if (r.low > r.high) {
        throw argumentError(
          'invalid_argument',
          `${fn}: ranges.${p.id} has low ${r.low} above high ${r.high}. Swap them.`,
          ['ranges', p.id, 'low'],
          `<= high (${r.high})`,
          r.low,
          { parameter: p.id },
        );
      }
      ({ low, high } = r);
    } else {
      const d = Math.max(relative * Math.abs(p.value), absolute);
      low = p.value - d;
      high = p.value + d;
    }
    const outputLow = evaluate(withParameter(model, key, low), `${p.id} = ${low}`);
    const outputHigh = evaluate(withParameter(model, key, high), `${p.id} = ${high}`);
    return Object.freeze({
      parameter: p.id,
      paths: p.paths,
      source: p.source,
      label: p.label,
      value: p.value,
      low,
      high,
      outputLow,
      outputHigh,
      swing: Math.abs(outputHigh - outputLow),
    });
  });
  bars.sort((a, b) => b.swing - a.swing || (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0));
  return Object.freeze({ scenario, output: name, baseOutput, bars: Object.freeze(bars) });
}
