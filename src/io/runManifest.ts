import { MetricsError } from '../errors.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { show, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import type { ModelDefinition, ResolvedValue } from '../spec/types.js';
import { unitToString } from '../series/units.js';
import { builtinPath } from './paths.js';
import { isResolvedValue } from '../spec/isResolvedValue.js';
import { describeFact } from '../targets/describeFact.js';
import { asModel } from '../spec/asModel.js';

/** One number a run used: where it is in the model, its value and where it comes from. */
export interface ManifestValue {
  /** Path in the model: `base`, `path.rate`, `scenarios.low.path.rate`, `uncertainty.volatility`. */
  readonly path: string;
  readonly value: number;
  /**
   * `fact:<id>`, `observation:<id>`, `derived:<formula>`, or `assumption: <why>`. A base at the floor of
   * "more than X" is `assumption: taken at the floor of …`, as `check` lists it, with the fact or observation
   * it is read from in `fact` or `observation`.
   */
  readonly source: string;
  /** The id of the fact an assumed base is read from (the source then says which choice it is). */
  readonly fact?: string;
  /** The id of the observation an assumed base is read from. */
  readonly observation?: string;
}

/** One model of a run: its id, where it came from, a hash of its resolved content and every value used. */
export interface ManifestModel {
  readonly id: string;
  readonly origin: string;
  readonly unit: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** When the model was restated from an observation (`--as-of`). */
  readonly asOf?: { readonly year: number; readonly observation: string; readonly originalFromYear: number };
  /** `sha256:<hex>` of the resolved model (every value and source, keys in a fixed order). */
  readonly contentHash: string;
  readonly values: readonly ManifestValue[];
}

/** A record of a run, enough to reproduce it: what ran, on what, with which settings and when. */
export interface RunManifest {
  readonly tool: 'industry-metrics';
  /** The package version (package.json). */
  readonly version: string;
  /** The command or function that ran: `simulate`, `report`. */
  readonly command: string;
  /** ISO 8601 time the run was recorded. */
  readonly createdAt: string;
  readonly settings: {
    readonly seed: number;
    readonly paths: number;
    readonly workers: number;
    readonly scenario?: string;
    readonly asOf?: number;
  };
  readonly models: readonly ManifestModel[];
}

/** Options of {@link runManifest}. */
export interface RunManifestOptions {
  readonly command: string;
  readonly models: readonly ModelDefinition[];
  readonly seed: number;
  readonly paths: number;
  readonly workers: number;
  readonly scenario?: string;
  readonly asOf?: number;
  /** The time to record; default now. */
  readonly now?: Date;
}

const RUN_MANIFEST_OPTIONS = optionNames<RunManifestOptions>({
  command: true,
  models: true,
  seed: true,
  paths: true,
  workers: true,
  scenario: true,
  asOf: true,
  now: true,
});

let version: string | undefined;

/** The package's version, from its package.json. */
export function packageVersion(): string {
  version ??= String((JSON.parse(readFileSync(builtinPath('package.json'), 'utf8')) as { version?: unknown }).version);
  return version;
}

function sourceOf(v: ResolvedValue): string {
  const s = v.source;
  switch (s.kind) {
    case 'fact':
      return `fact:${s.fact.id}`;
    case 'observation':
      return `observation:${s.observation.id}`;
    case 'derived':
      return `derived:${s.formula}`;
    default:
      return `assumption: ${s.text}`;
  }
}

/**
 * A base at the floor of "more than" wording, in the words `check` lists it with (src/model/internal/
 * baseWording.ts, which io may not import; test/io/runManifest.test.ts asserts the two agree).
 */
function floorChoice(base: ResolvedValue): string | undefined {
  const s = base.source;
  if (s.kind === 'fact' && (s.fact.comparator === 'exceeds' || s.fact.comparator === 'atLeast'))
    return `taken at the floor of "${describeFact(s.fact)}" (${s.fact.id}): the wording sets no upper end, so the base is the lowest level it allows`;
  if (s.kind === 'observation' && (s.observation.comparator === 'exceeds' || s.observation.comparator === 'atLeast')) {
    const o = s.observation;
    return `taken at the floor of the observation "${describeFact(o)} in ${o.year} (${o.id}, ${o.source.publisher}, ${o.source.published}${o.kind === 'estimate' ? ', an estimate' : ''})": it sets no upper end`;
  }
  return undefined;
}

/** Every ResolvedValue of a model with its path; scenario parts that repeat the model's own are skipped. */
function valuesOf(model: ModelDefinition): ManifestValue[] {
  const out: ManifestValue[] = [];
  const walk = (x: unknown, path: string, seen: Set<unknown>): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (isResolvedValue(x)) {
      out.push({ path, value: x.value, source: sourceOf(x) });
      return;
    }
    if (Array.isArray(x)) {
      x.forEach((item, i) => walk(item, `${path}[${i}]`, seen));
      return;
    }
    for (const [k, v] of Object.entries(x)) walk(v, path === '' ? k : `${path}.${k}`, seen);
  };
  const seen = new Set<unknown>();
  walk(model.base, 'base', seen);
  // The base at the floor or centre of its wording is a choice of the model, as `check` lists it.
  const base = out[0];
  const s = model.base.source;
  const choice = floorChoice(model.base);
  if (base !== undefined && choice !== undefined && (s.kind === 'fact' || s.kind === 'observation'))
    out[0] = {
      ...base,
      source: `assumption: ${choice}`,
      ...(s.kind === 'fact' ? { fact: s.fact.id } : { observation: s.observation.id }),
    };
  walk(model.path, 'path', seen);
  walk(model.shocks, 'shocks', seen);
  walk(model.bounds, 'bounds', seen);
  for (const [name, sc] of Object.entries(model.scenarios)) walk(sc, `scenarios.${name}`, seen);
  walk(model.uncertainty, 'uncertainty', seen);
  walk(model.sectors, 'sectors', seen);
  return out;
}

/** JSON with object keys sorted, so the same content always gives the same text (and hash). */
function stable(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stable).join(',')}]`;
  if (x !== null && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((x as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : x) ?? 'null';
}

/** The most models one manifest records (a report of more would take minutes to simulate). */
const MAX_MODELS = 1000;

/**
 * A run's manifest: the package version, the command, the time, the seed, paths and workers, and for
 * each model its id, origin, a SHA-256 of its resolved content (every value with its source, so editing a
 * fact, an assumption or an observation the model uses changes it) and every value used (rates,
 * volatility, base, shocks, bounds, the base draw) with where it comes from.
 * @param options the command, the models as run (restated by `modelAsOf` when `--as-of` was used) and the settings
 * @throws {MetricsError} invalid_argument when seed, paths or workers is not a whole number
 * @example
 * const m = runManifest({ command: 'simulate', models: [loadModel('big-data-14th-fyp')], seed: 1, paths: 1000, workers: 1 });
 * m.models[0]?.values.find((v) => v.path === 'uncertainty.volatility')?.value; // => 0.05
 */
export function runManifest(options: RunManifestOptions): RunManifest {
  if (options === null || typeof options !== 'object' || !Array.isArray(options.models)) {
    throw argumentError(
      'invalid_argument',
      `runManifest: options must be { command, models, seed, paths, workers } (got ${show(options)}).`,
      'options',
      '{ command, models, seed, paths, workers }',
      options,
    );
  }
  assertOptions('runManifest', options, '{ command, models, seed, paths, workers }', RUN_MANIFEST_OPTIONS);
  if (options.models.length > MAX_MODELS) {
    throw new MetricsError(
      'too_large',
      `runManifest: ${options.models.length} models is more than a run holds (got ${options.models.length}; at most ${MAX_MODELS}).`,
    );
  }
  for (let i = 0; i < options.models.length; i++) asModel('runManifest', options.models[i]);
  if (typeof options.command !== 'string' || options.command === '') {
    throw argumentError(
      'invalid_argument',
      `runManifest: command must name the command run (got ${show(options.command)}).`,
      'options.command',
      'the name of the command run',
      options.command,
    );
  }
  for (const key of ['seed', 'paths', 'workers'] as const) {
    const v = options[key];
    if (!Number.isSafeInteger(v) || v < 0)
      throw argumentError(
        'invalid_argument',
        `runManifest: ${key} must be a whole number >= 0 (got ${show(v)}). Pass the settings the run used.`,
        `${key}`,
        'a whole number >= 0',
        v,
        { [key]: v },
      );
  }
  const models = options.models.map((m): ManifestModel => {
    const { origin: _o, ...content } = m;
    return {
      id: m.id,
      origin: m.origin,
      unit: unitToString(m.unit),
      fromYear: m.fromYear,
      toYear: m.toYear,
      ...(m.asOf ? { asOf: m.asOf } : {}),
      contentHash: `sha256:${createHash('sha256').update(stable(content)).digest('hex')}`,
      values: valuesOf(m),
    };
  });
  return {
    tool: 'industry-metrics',
    version: packageVersion(),
    command: options.command,
    createdAt: (options.now ?? new Date()).toISOString(),
    settings: {
      seed: options.seed,
      paths: options.paths,
      workers: options.workers,
      ...(options.scenario !== undefined ? { scenario: options.scenario } : {}),
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    },
    models,
  };
}
