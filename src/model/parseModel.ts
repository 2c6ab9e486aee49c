import type { ErrorObject, ValidateFunction } from 'ajv';
import { MetricsError } from '../errors.js';
import { argumentError, problemIssues, show } from '../internal/assert.js';
import { closestNames } from '../internal/closest.js';
import { asFraction, implausibleFraction } from '../internal/plausible.js';
import { loadValidator } from '../internal/schemaValidator.js';
import type {
  BaseUncertaintySpec,
  BoundsSpec,
  InlineObservation,
  ResolvedBaseUncertainty,
  ModelDefinition,
  ModelFile,
  PathSpec,
  ResolvedValue,
  ScenarioSpec,
  SectorSpec,
  ShockSpec,
  UncertaintySpec,
  ValueRef,
} from '../spec/types.js';
import { convertScale, isScaleConvertible, parseUnit, unitToString, type Unit } from '../series/units.js';
import type { Fact } from '../targets/fact.js';
import { baseWording } from './internal/baseWording.js';
import { markModel } from '../spec/asModel.js';
import { asFacts } from '../targets/asFact.js';
import { assertNoLongArrays } from '../internal/size.js';
import type { MetricDefinition, Observation, ObservationSet } from '../observations/types.js';
import { parseObservations } from '../observations/parseObservations.js';
import { isMetricsError } from '../errors.js';
import { MODEL_SCHEMA } from './internal/modelSchema.js';

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  // Loaded on the first model parsed (precompiled by the build), not when the package is imported.
  validator ??= loadValidator(MODEL_SCHEMA);
  return validator;
}

/** `/targets/1/value` → `targets[1].value` */
function jsonPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc === '' ? part : `${acc}.${part}`), '');
}

/**
 * The numbers JSON cannot hold (NaN, Infinity), one problem line each: JSON Schema's "integer" lets
 * Infinity through (Infinity % 1 is NaN, not a fraction), and a period from -Infinity reached the charts.
 */
function nonFiniteProblems(json: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push(`${path || '(top level)'}: expected a finite number, got ${show(v)}`);
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > 32) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`, depth + 1);
      return;
    }
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1);
  };
  walk(json, '', 0);
  return out;
}

function valueAtPointer(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const part of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/**
 * Turns Ajv's errors into one readable line per problem: only the deepest paths are kept (a failed
 * `oneOf` at `base` is explained by the `base.value` type error beneath it), and the wording says what
 * was expected and what was found.
 */
function schemaProblems(json: unknown, errors: readonly ErrorObject[]): string[] {
  const structural = errors.filter((e) => !['oneOf', 'anyOf', 'if', 'allOf'].includes(e.keyword));
  const paths = new Set(structural.map((e) => e.instancePath));
  const deepest = structural.filter((e) => {
    const p = e.instancePath;
    // A type error under this path explains the failure better than "missing fact" at the parent.
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      for (const other of paths) if (other !== p && other.startsWith(`${p}/`)) return false;
    }
    return true;
  });
  const byPath = new Map<string, string[]>();
  const add = (path: string, msg: string) => {
    const list = byPath.get(path) ?? [];
    if (!list.includes(msg)) list.push(msg);
    byPath.set(path, list);
  };
  for (const e of deepest) {
    const got = valueAtPointer(json, e.instancePath);
    switch (e.keyword) {
      case 'type':
        add(
          e.instancePath,
          `expected ${e.params['type'] === 'integer' ? 'a whole number' : `a${/^[aeiou]/.test(String(e.params['type'])) ? 'n' : ''} ${e.params['type']}`}, got ${show(got)}`,
        );
        break;
      case 'required':
        add(e.instancePath, `missing "${e.params['missingProperty']}"`);
        break;
      case 'additionalProperties':
        add(e.instancePath, `unknown field "${e.params['additionalProperty']}"`);
        break;
      case 'enum':
        add(
          e.instancePath,
          `expected one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${show(got)}`,
        );
        break;
      case 'pattern':
        add(e.instancePath, `${show(got)} is not allowed here: use lower-case letters, digits and dashes`);
        break;
      case 'minLength':
        add(
          e.instancePath,
          e.params['limit'] === 1
            ? 'must not be empty'
            : `must have at least ${e.params['limit']} characters${e.instancePath.endsWith('/assumption') ? ': say why the value was chosen' : ''}`,
        );
        break;
      case 'minItems':
        add(e.instancePath, 'needs at least one item');
        break;
      default:
        add(e.instancePath, `${e.message ?? 'is not valid'} (got ${show(got)})`);
    }
  }
  // A value reference with every branch wrong and nothing deeper to say.
  for (const e of errors) {
    if (
      e.keyword === 'oneOf' &&
      !byPath.has(e.instancePath) &&
      ![...byPath.keys()].some((p) => p.startsWith(`${e.instancePath}/`))
    ) {
      add(
        e.instancePath,
        `expected { "fact": "<id>" }, { "value": <number>, "assumption": "<why>" }, { "backcast": { "target": "<id>", "rate": "<id>" } } or { "observation": "<id>" }, got ${show(valueAtPointer(json, e.instancePath))}`,
      );
    }
  }
  const out: string[] = [];
  for (const [path, msgs] of byPath) out.push(`${jsonPath(path)}: ${msgs.join('; ')}`);
  return out;
}

/**
 * Stands in for a value that could not be resolved (its problem is already reported), so the other
 * checks can go on; recognised by identity, never by its number, which a user could also write.
 */
const UNRESOLVED: ResolvedValue = Object.freeze({
  value: 1,
  source: Object.freeze({ kind: 'assumption', text: 'unresolved' }),
});

/**
 * What a number in the model is used as: decides unit checks and the "did you mean 0.12?" hints, which
 * come from the same plausibility bounds as the API's (src/internal/plausible.ts): a rate at most 3,
 * a volatility at most 1, a share or probability at most 1.
 */
type Role = 'level' | 'rate' | 'volatility' | 'share' | 'probability' | 'coefficient';

class Resolver {
  readonly problems: string[] = [];
  /** Observations a value may refer to by id: the model's own list, resolved. */
  observations: ReadonlyMap<string, { o: Observation; d: MetricDefinition }> = new Map();
  constructor(
    private readonly facts: ReadonlyMap<string, Fact>,
    private readonly unit: Unit,
    private readonly fromYear: number,
    private readonly toYear: number,
  ) {}

  fact(path: string, id: string): Fact | undefined {
    const f = this.facts.get(id);
    if (!f) {
      const close = closestNames(id, [...this.facts.keys()], 2);
      this.problems.push(
        `${path}: no fact with id "${id}"${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : ''}`,
      );
    }
    return f;
  }

  value(path: string, ref: ValueRef, role: Role): ResolvedValue {
    if ('observation' in ref) {
      const hit = this.observations.get(ref.observation);
      if (!hit) {
        const close = closestNames(ref.observation, [...this.observations.keys()], 2);
        this.problems.push(
          `${path}.observation: "${ref.observation}" is not among the model's observations${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : ''}; list it under "observations"`,
        );
        return UNRESOLVED;
      }
      const { o, d } = hit;
      if (role !== 'level' || o.fromYear !== undefined || !isScaleConvertible(o.unit, this.unit)) {
        this.problems.push(
          `${path}.observation: "${o.id}" is ${o.fromYear !== undefined ? 'a rate' : `in ${unitToString(o.unit)}`}; a level in the model's ${unitToString(this.unit)} is needed here`,
        );
        return UNRESOLVED;
      }
      if (path === 'base' && o.year !== this.fromYear) {
        this.problems.push(
          `${path}.observation: "${o.id}" is for ${o.year}, the model's base year is ${this.fromYear}; use modelAsOf (or --as-of) to start from a later observation`,
        );
        return UNRESOLVED;
      }
      if (o.comparator === 'atMost' || o.comparator === 'below') {
        this.problems.push(
          `${path}.observation: "${o.id}" is an upper bound (${o.comparator}); a base needs a level or a lower bound`,
        );
        return UNRESOLVED;
      }
      return {
        value: convertScale(o.value, o.unit, this.unit),
        source: { kind: 'observation', observation: o, definition: d },
      };
    }
    if ('fact' in ref) {
      const f = this.fact(path + '.fact', ref.fact);
      if (!f) return UNRESOLVED;
      if (role === 'level') {
        if (!isScaleConvertible(f.unit, this.unit)) {
          this.problems.push(
            `${path}.fact: fact "${f.id}" is in ${unitToString(f.unit)}, the model in ${unitToString(this.unit)}; convert it into a fact or an assumption in the model's currency`,
          );
          return UNRESOLVED;
        }
        return { value: convertScale(f.value, f.unit, this.unit), source: { kind: 'fact', fact: f } };
      }
      if (f.unit.kind !== 'fraction') {
        this.problems.push(
          `${path}.fact: fact "${f.id}" is a level in ${unitToString(f.unit)}, but a ${role} (a fraction) is needed here`,
        );
        return UNRESOLVED;
      }
      return { value: f.value, source: { kind: 'fact', fact: f } };
    }
    if ('backcast' in ref) {
      const target = this.fact(`${path}.backcast.target`, ref.backcast.target);
      const rate = this.fact(`${path}.backcast.rate`, ref.backcast.rate);
      if (!target || !rate) return UNRESOLVED;
      if (role !== 'level') {
        this.problems.push(`${path}: backcast gives a level, but a ${role} is needed here`);
        return UNRESOLVED;
      }
      if (!isScaleConvertible(target.unit, this.unit) || rate.unit.kind !== 'fraction') {
        this.problems.push(
          `${path}.backcast: needs a level fact in the model's currency (got ${unitToString(target.unit)}) and a rate fact (got ${unitToString(rate.unit)})`,
        );
        return UNRESOLVED;
      }
      const years = target.year - this.fromYear;
      if (years <= 0) {
        this.problems.push(
          `${path}.backcast.target: the target year ${target.year} must come after the model's fromYear ${this.fromYear}`,
        );
        return UNRESOLVED;
      }
      const end = convertScale(target.value, target.unit, this.unit);
      return {
        value: end / Math.pow(1 + rate.value, years),
        source: { kind: 'derived', from: [target, rate], formula: `${target.id} / (1 + ${rate.id})^${years}` },
      };
    }
    const v = ref.value;
    const kind =
      role === 'rate' || role === 'volatility'
        ? role
        : role === 'share' || role === 'probability'
          ? 'share'
          : undefined;
    const implausible = kind === undefined ? undefined : implausibleFraction(v, kind);
    if (implausible !== undefined) this.problems.push(`${path}.value: ${implausible}`);
    else if ((role === 'share' || role === 'probability') && v < 0)
      this.problems.push(`${path}.value: a ${role} must be between 0 and 1, got ${v}`);
    if (role === 'rate' && v <= -1)
      this.problems.push(
        `${path}.value: a growth rate must be > -1 (a fall of 100% or more), got ${v}${v <= -1.5 && v >= -100 ? ` (did you mean ${asFraction(v)}?)` : ''}`,
      );
    return { value: v, source: { kind: 'assumption', text: ref.assumption } };
  }

  baseUncertainty(spec: BaseUncertaintySpec, base: ResolvedValue): ResolvedBaseUncertainty | undefined {
    const path = 'uncertainty.base';
    if (base === UNRESOLVED) return undefined;
    const wording = baseWording(base, this.unit, this.fromYear).interval;
    const end = (key: 'lower' | 'upper', i: 0 | 1): ResolvedValue | undefined => {
      const ref = spec[key];
      if (ref !== undefined) {
        const v = this.value(`${path}.${key}`, ref, 'level');
        if (v === UNRESOLVED) return undefined;
        const tol = 1e-9 * Math.abs(v.value);
        if (v.value < (wording[0] as number) - tol || v.value > (wording[1] as number) + tol)
          this.problems.push(
            `${path}.${key}: ${v.value} is outside what the base's wording allows (${wording.map((x) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x < 0 ? 'no lower end' : 'no upper end')).join(' to ')}); the draw must stay within it`,
          );
        return v;
      }
      const w = wording[i];
      if (!Number.isFinite(w) || w <= 0) {
        this.problems.push(
          `${path}.${key}: the base's wording gives no ${key} end; give one, { "value": <level>, "assumption": "<why this end>" }`,
        );
        return undefined;
      }
      return { value: w, source: { kind: 'assumption', text: `the ${key} end of what the base's wording allows` } };
    };
    const lower = end('lower', 0);
    const upper = end('upper', 1);
    if (lower === undefined || upper === undefined) return undefined;
    // An end taken from the wording is sourced as the base is: say so rather than call it an assumption.
    const sourced = (v: ResolvedValue, key: string): ResolvedValue =>
      v.source.kind === 'assumption' && v.source.text.startsWith(`the ${key} end of what`)
        ? { value: v.value, source: base.source }
        : v;
    if (!(lower.value > 0) || !(upper.value > lower.value)) {
      this.problems.push(`${path}: needs 0 < lower < upper, got ${lower.value} to ${upper.value}`);
      return undefined;
    }
    return {
      distribution: spec.distribution,
      lower: sourced(lower, 'lower'),
      upper: sourced(upper, 'upper'),
      wording,
      assumption: spec.assumption,
    };
  }

  path(path: string, spec: PathSpec): PathSpec<ResolvedValue> {
    switch (spec.type) {
      case 'cagr':
        return { type: 'cagr', rate: this.value(`${path}.rate`, spec.rate, 'rate') };
      case 'phases': {
        let expectFrom = this.fromYear;
        const phases = spec.phases.map((ph, i) => {
          if (ph.fromYear !== expectFrom) {
            this.problems.push(
              `${path}.phases[${i}].fromYear: expected ${expectFrom} (phases run back to back from the model's fromYear), got ${ph.fromYear}`,
            );
          }
          if (ph.toYear <= ph.fromYear)
            this.problems.push(`${path}.phases[${i}]: toYear ${ph.toYear} must be after fromYear ${ph.fromYear}`);
          expectFrom = ph.toYear;
          return {
            fromYear: ph.fromYear,
            toYear: ph.toYear,
            rate: this.value(`${path}.phases[${i}].rate`, ph.rate, 'rate'),
          };
        });
        if (expectFrom < this.toYear)
          this.problems.push(
            `${path}.phases: the last phase ends in ${expectFrom}, before the model's toYear ${this.toYear}`,
          );
        return { type: 'phases', phases };
      }
      case 'rates': {
        const years = spec.rates.map((r) => r.year);
        for (let y = this.fromYear + 1; y <= this.toYear; y++) {
          if (!years.includes(y))
            this.problems.push(
              `${path}.rates: no rate for ${y} (give one per year from ${this.fromYear + 1} to ${this.toYear})`,
            );
        }
        return {
          type: 'rates',
          rates: spec.rates.map((r, i) => ({
            year: r.year,
            rate: this.value(`${path}.rates[${i}].rate`, r.rate, 'rate'),
          })),
        };
      }
      case 'linear':
        return { type: 'linear', slope: this.value(`${path}.slope`, spec.slope, 'coefficient') };
      case 'logistic':
        return {
          type: 'logistic',
          rate: this.value(`${path}.rate`, spec.rate, 'rate'),
          cap: this.value(`${path}.cap`, spec.cap, 'level'),
        };
      case 'anchors': {
        spec.anchors.forEach((a, i) => {
          if (a.year <= this.fromYear || a.year > this.toYear) {
            this.problems.push(
              `${path}.anchors[${i}].year: ${a.year} is outside the projected years ${this.fromYear + 1}-${this.toYear}`,
            );
          }
          if (i > 0 && a.year <= (spec.anchors[i - 1]?.year ?? -Infinity))
            this.problems.push(`${path}.anchors[${i}].year: anchors must be in increasing years`);
        });
        return {
          type: 'anchors',
          anchors: spec.anchors.map((a, i) => ({
            year: a.year,
            value: this.value(`${path}.anchors[${i}].value`, a.value, 'level'),
          })),
        };
      }
      case 'expression':
        return { type: 'expression', expression: spec.expression, assumption: spec.assumption };
    }
  }

  shocks(path: string, shocks: readonly ShockSpec[] | undefined): ShockSpec<ResolvedValue>[] {
    return (shocks ?? []).map((s, i) => {
      if (s.year <= this.fromYear || s.year > this.toYear) {
        this.problems.push(
          `${path}[${i}].year: ${s.year} is outside the projected years ${this.fromYear + 1}-${this.toYear}`,
        );
      }
      const size = this.value(`${path}[${i}].size`, s.size, 'rate');
      return { year: s.year, size };
    });
  }

  bounds(path: string, b: BoundsSpec | undefined): BoundsSpec<ResolvedValue> {
    if (!b) return {};
    const out: { cap?: ResolvedValue; floor?: ResolvedValue } = {};
    if (b.cap) out.cap = this.value(`${path}.cap`, b.cap, 'level');
    if (b.floor) out.floor = this.value(`${path}.floor`, b.floor, 'level');
    if (out.cap && out.floor && out.floor.value > out.cap.value)
      this.problems.push(`${path}: floor ${out.floor.value} is above cap ${out.cap.value}`);
    return out;
  }
}

/**
 * Checks a model file (parsed JSON) against the documented format and resolves every number: fact ids
 * are looked up in `facts`, levels are converted to the model's unit, base levels can be backcast from a
 * target and a rate. Every problem is reported at once, each with its path in the file:
 * `models/x.model.json: scenarios.high.path.rate.value: expected a fraction, got 28 (did you mean 0.28?)`.
 * @param json the file's content, parsed
 * @param origin where it came from, used in messages (a path, or `built-in`)
 * @param facts the facts ids may refer to (the built-in seeds, and any of the user's)
 * @throws {MetricsError} invalid_definition listing every problem, with `details.problems`
 */
export function parseModel(
  json: unknown,
  origin: string,
  facts: readonly Fact[],
  observationSet?: ObservationSet,
): ModelDefinition {
  if (typeof origin !== 'string' || origin.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `parseModel: origin must say where the JSON came from, e.g. "models/x.model.json" (got ${show(origin)}).`,
      'origin',
      'text saying where the JSON came from',
      origin,
      { origin },
    );
  }
  // Later facts with an id replace earlier ones (loadModel adds the user's after the seeds).
  asFacts('parseModel', facts, 'facts', false);
  if (
    observationSet !== undefined &&
    (observationSet === null ||
      typeof observationSet !== 'object' ||
      !Array.isArray(observationSet.definitions) ||
      !Array.isArray(observationSet.observations))
  ) {
    throw argumentError(
      'invalid_argument',
      `parseModel: observationSet must be { definitions, observations } from loadObservations (got ${show(observationSet)}).`,
      'observationSet',
      '{ definitions, observations } from loadObservations',
      observationSet,
    );
  }
  // A model lists tens of things at most: a million targets is a broken file, named before it is walked.
  assertNoLongArrays('parseModel', origin, json, 1000);
  const validate = schemaValidator();
  const fail = (problems: readonly string[]): never => {
    throw new MetricsError(
      'invalid_definition',
      `${origin}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the model file:\n${problems.map((p) => `  ${origin}: ${p}`).join('\n')}\nSee models/model.schema.json and the README section "Model files".`,
      { origin, problems },
      problemIssues(problems),
    );
  };
  const nonFinite = nonFiniteProblems(json);
  if (nonFinite.length > 0) fail(nonFinite);
  if (!validate(json)) fail(schemaProblems(json, validate.errors ?? []));
  const file = json as ModelFile;
  const problems: string[] = [];
  let unit: Unit;
  try {
    unit = parseUnit(file.unit);
  } catch (e) {
    problems.push(`unit: ${e instanceof Error ? e.message : String(e)}`);
    unit = { kind: 'other', symbol: file.unit };
  }
  if (unit.kind === 'fraction') problems.push('unit: a model projects levels; "fraction" is not a level unit');
  if (file.toYear <= file.fromYear)
    problems.push(`toYear: must be after fromYear ${file.fromYear}, got ${file.toYear}`);
  if (file.toYear - file.fromYear > 200)
    problems.push(
      `toYear: ${file.toYear - file.fromYear} years of projection is more than this library models (at most 200)`,
    );

  const byId = new Map(facts.map((f) => [f.id, f] as const));
  const r = new Resolver(byId, unit, file.fromYear, file.toYear);
  const resolved = resolveObservations(file, observationSet, r.problems);
  r.observations = new Map(resolved.list.map((o) => [o.id, { o, d: resolved.definition as MetricDefinition }]));
  const base = r.value('base', file.base, 'level');
  if (base !== UNRESOLVED && base.value <= 0) r.problems.push(`base: the base level must be > 0, got ${base.value}`);
  const path = r.path('path', file.path);
  const shocks = r.shocks('shocks', file.shocks);
  const bounds = r.bounds('bounds', file.bounds);
  const scenarios: Record<string, ScenarioSpec<ResolvedValue>> = {
    plan: { description: "The plan: the model's own path, shocks and bounds.", path, shocks, bounds },
  };
  for (const [name, sc] of Object.entries(file.scenarios ?? {})) {
    if (name === 'plan') {
      r.problems.push('scenarios.plan: "plan" is the model\'s own path; give this scenario another name');
      continue;
    }
    scenarios[name] = {
      description: sc.description,
      path: sc.path ? r.path(`scenarios.${name}.path`, sc.path) : path,
      shocks: sc.shocks ? r.shocks(`scenarios.${name}.shocks`, sc.shocks) : shocks,
      bounds: sc.bounds ? r.bounds(`scenarios.${name}.bounds`, sc.bounds) : bounds,
    };
  }
  let uncertainty: UncertaintySpec<ResolvedValue> | undefined;
  if (file.uncertainty) {
    const u = file.uncertainty;
    const vol = r.value('uncertainty.volatility', u.volatility, 'volatility');
    if (vol.value < 0) r.problems.push(`uncertainty.volatility: must be >= 0, got ${vol.value}`);
    const persistence = u.persistence ? r.value('uncertainty.persistence', u.persistence, 'coefficient') : undefined;
    if (persistence && (persistence.value <= -1 || persistence.value >= 1)) {
      r.problems.push(`uncertainty.persistence: an AR(1) coefficient must be in (-1, 1), got ${persistence.value}`);
    }
    const meanUncertainty = u.meanUncertainty
      ? r.value('uncertainty.meanUncertainty', u.meanUncertainty, 'volatility')
      : undefined;
    if (meanUncertainty && meanUncertainty.value < 0)
      r.problems.push(`uncertainty.meanUncertainty: must be >= 0, got ${meanUncertainty.value}`);
    if (u.distribution === 'studentT' && u.degreesOfFreedom === undefined) {
      r.problems.push('uncertainty.degreesOfFreedom: needed with distribution "studentT" (a number > 2)');
    }
    const baseUncertainty = u.base ? r.baseUncertainty(u.base, base) : undefined;
    uncertainty = {
      volatility: vol,
      ...(baseUncertainty ? { base: baseUncertainty } : {}),
      ...(u.distribution ? { distribution: u.distribution } : {}),
      ...(u.degreesOfFreedom !== undefined ? { degreesOfFreedom: u.degreesOfFreedom } : {}),
      ...(persistence ? { persistence } : {}),
      ...(meanUncertainty ? { meanUncertainty } : {}),
      ...(u.rareShock
        ? {
            rareShock: {
              probability: r.value('uncertainty.rareShock.probability', u.rareShock.probability, 'probability'),
              size: r.value('uncertainty.rareShock.size', u.rareShock.size, 'rate'),
            },
          }
        : {}),
    };
  }
  const targets: Fact[] = [];
  file.targets.forEach((id, i) => {
    const f = r.fact(`targets[${i}]`, id);
    if (!f) return;
    if (f.metric !== file.metric)
      r.problems.push(`targets[${i}]: fact "${id}" is of metric "${f.metric}", the model projects "${file.metric}"`);
    else if (f.year <= file.fromYear || f.year > file.toYear)
      r.problems.push(
        `targets[${i}]: fact "${id}" is for ${f.year}, outside the projected years ${file.fromYear + 1}-${file.toYear}`,
      );
    else if (!isScaleConvertible(f.unit, unit))
      r.problems.push(`targets[${i}]: fact "${id}" is in ${unitToString(f.unit)}, the model in ${unitToString(unit)}`);
    targets.push(f);
  });
  const related = (file.related ?? [])
    .map((id, i) => r.fact(`related[${i}]`, id))
    .filter((f): f is Fact => f !== undefined);
  const sectors: SectorSpec<ResolvedValue>[] = (file.sectors ?? []).map((s, i) => ({
    id: s.id,
    name: s.name,
    share: r.value(`sectors[${i}].share`, s.share, 'share'),
    path: r.path(`sectors[${i}].path`, s.path),
  }));
  if (sectors.length > 0) {
    const total = sectors.reduce((a, s) => a + s.share.value, 0);
    if (Math.abs(total - 1) > 1e-9)
      r.problems.push(
        `sectors: shares add up to ${Number(total.toFixed(12))}, not 1; make the parts add up to the total`,
      );
    const ids = new Set<string>();
    sectors.forEach((s, i) => {
      if (ids.has(s.id)) r.problems.push(`sectors[${i}].id: "${s.id}" appears twice`);
      ids.add(s.id);
    });
  }
  (file.periods ?? []).forEach((p, i) => {
    if (p.toYear < p.fromYear) problems.push(`periods[${i}]: ends before it starts (${p.fromYear}-${p.toYear})`);
  });
  for (const id of Object.keys(file.zh?.scenarios ?? {}))
    if (id !== 'plan' && !(id in (file.scenarios ?? {})))
      problems.push(
        `zh.scenarios.${id}: no scenario "${id}" in this model (scenarios: plan, ${Object.keys(file.scenarios ?? {}).join(', ')})`,
      );
  for (const id of Object.keys(file.zh?.sectors ?? {}))
    if (!(file.sectors ?? []).some((s) => s.id === id))
      problems.push(`zh.sectors.${id}: no sector "${id}" in this model`);
  problems.push(...r.problems);
  if (problems.length > 0) fail(problems);
  // Frozen and marked checked; the facts inside stay the caller's objects, never frozen by this call.
  return markModel(
    deepFreeze(
      {
        id: file.id,
        title: file.title,
        ...(file.description !== undefined ? { description: file.description } : {}),
        metric: file.metric,
        unit,
        fromYear: file.fromYear,
        toYear: file.toYear,
        base,
        path,
        shocks,
        bounds,
        scenarios,
        ...(uncertainty ? { uncertainty } : {}),
        targets,
        related,
        sectors,
        observations: resolved.list,
        ...(resolved.definition ? { definition: resolved.definition } : {}),
        // Copies: the model is frozen, the caller's object is not.
        ...(file.periods !== undefined ? { periods: file.periods.map((p) => ({ ...p })) } : {}),
        ...(file.zh !== undefined ? { zh: structuredClone(file.zh) } : {}),
        origin,
      },
      new Set<unknown>([...facts, ...(observationSet?.observations ?? []), ...(observationSet?.definitions ?? [])]),
    ),
  );
}

/**
 * The model's observations: ids looked up in the observation set, inline figures parsed as an
 * observations file would be. Every one must be on the plans' definition of the model's metric;
 * another definition is refused, naming both, since definitions are never mixed without a bridge.
 */
function resolveObservations(
  file: ModelFile,
  set: ObservationSet | undefined,
  problems: string[],
): { list: Observation[]; definition?: MetricDefinition } {
  const entries = file.observations ?? [];
  if (entries.length === 0) return { list: [] };
  if (set === undefined) {
    problems.push('observations: no observation set was given to resolve them (loadModel passes the built-in one)');
    return { list: [] };
  }
  const planDef = set.definitions.find((d) => d.metric === file.metric && d.planDefinition);
  if (planDef === undefined) {
    problems.push(
      `observations: no definition in the observation set is marked as the plans' measure of "${file.metric}"; add one (planDefinition: true) before listing observations`,
    );
    return { list: [] };
  }
  const list: Observation[] = [];
  entries.forEach((entry, i) => {
    let o: Observation | undefined;
    if (typeof entry === 'string') {
      o = set.observations.find((x) => x.id === entry);
      if (o === undefined) {
        const close = closestNames(
          entry,
          set.observations.map((x) => x.id),
          2,
        );
        problems.push(
          `observations[${i}]: no observation "${entry}"${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : ''}`,
        );
        return;
      }
    } else {
      try {
        o = parseObservations({ definitions: set.definitions, observations: [entry as InlineObservation] }, 'x')
          .observations[0];
      } catch (e) {
        if (!isMetricsError(e, 'invalid_definition')) throw e;
        for (const line of e.details.problems as readonly string[])
          problems.push(line.replace(/^x: observations\[0\]/, `observations[${i}]`));
        return;
      }
    }
    if (o === undefined) return;
    if (o.definition !== planDef.id) {
      const d = set.definitions.find((x) => x.id === o.definition);
      problems.push(
        `observations[${i}]: "${o.id}" is on "${d?.label ?? o.definition}", the model's targets on "${planDef.label}"; figures of two definitions are never mixed without a bridge (bridgeValue with a ratio or an overlap year, then list the bridged figure inline with its assumption)`,
      );
      return;
    }
    if (list.some((x) => x.id === o.id)) {
      problems.push(`observations[${i}]: "${o.id}" is listed twice`);
      return;
    }
    list.push(o);
  });
  list.sort((a, b) => a.year - b.year || (a.fromYear ?? a.year) - (b.fromYear ?? b.year));
  return { list, definition: planDef };
}

/** Freezes `o` and everything in it except the objects in `keep` (the caller's facts) and what they hold. */
function deepFreeze<T>(o: T, keep: ReadonlySet<unknown>): T {
  if (o && typeof o === 'object' && !keep.has(o) && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v, keep);
  }
  return o;
}
