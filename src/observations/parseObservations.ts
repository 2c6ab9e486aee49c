import { MetricsError } from '../errors.js';
import { argumentError, problemIssues, show } from '../internal/assert.js';
import { assertNoLongArrays } from '../internal/size.js';
import { parseUnit, type Unit } from '../series/units.js';
import { Comparator, type Tolerance } from '../targets/fact.js';
import type { MetricDefinition, Observation, ObservationSet, ObservationSource } from './types.js';

const ROOT_KEYS = ['$schema', 'definitions', 'observations'];
const DEFINITION_KEYS = ['id', 'label', 'metric', 'body', 'planDefinition', 'note'];
const OBSERVATION_KEYS = [
  'id',
  'definition',
  'year',
  'fromYear',
  'value',
  'unit',
  'comparator',
  'kind',
  'statement',
  'assumption',
  'tolerance',
  'source',
];
const SOURCE_KEYS = ['publisher', 'published', 'title', 'url', 'titleFrom'];
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const URL_PATTERN = /^https?:\/\/\S+$/;

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(
  raw: Raw,
  key: string,
  path: string,
  lines: string[],
  required = true,
  pattern?: RegExp,
): string | undefined {
  const value = raw[key];
  if (value === undefined) {
    if (required) lines.push(`${path}.${key}: missing (expected a non-empty string)`);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '' || (pattern !== undefined && !pattern.test(value))) {
    lines.push(
      `${path}.${key}: expected ${pattern === undefined ? 'a non-empty string' : `a string matching ${String(pattern)}`}, got ${show(value)}`,
    );
    return undefined;
  }
  return value;
}

function unknownKeys(raw: Raw, path: string, known: readonly string[], lines: string[]): void {
  for (const key of Object.keys(raw)) {
    if (known.includes(key)) continue;
    const hint =
      key === 'quote'
        ? ' (observations cite third-party pages and never copy them: state the figure in your own words in "statement")'
        : ` (expected one of ${known.join(', ')})`;
    lines.push(`${path}${path === '' ? '' : '.'}${key}: unknown property${hint}`);
  }
}

function year(raw: Raw, key: string, path: string, lines: string[], required: boolean): number | undefined {
  const value = raw[key];
  if (value === undefined) {
    if (required) lines.push(`${path}.${key}: missing (expected a whole year)`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1800 || value > 2200) {
    lines.push(`${path}.${key}: expected a whole year between 1800 and 2200, got ${show(value)}`);
    return undefined;
  }
  return value;
}

function checkDefinition(raw: unknown, path: string, lines: string[]): MetricDefinition | undefined {
  if (!isRecord(raw)) {
    lines.push(`${path}: expected an object with id, label, metric, body, planDefinition and note, got ${show(raw)}`);
    return undefined;
  }
  const before = lines.length;
  unknownKeys(raw, path, DEFINITION_KEYS, lines);
  const id = text(raw, 'id', path, lines, true, ID);
  const label = text(raw, 'label', path, lines);
  const metric = text(raw, 'metric', path, lines, true, ID);
  const body = text(raw, 'body', path, lines);
  const note = text(raw, 'note', path, lines);
  if (typeof raw.planDefinition !== 'boolean')
    lines.push(`${path}.planDefinition: expected true or false, got ${show(raw.planDefinition)}`);
  if (
    lines.length > before ||
    id === undefined ||
    label === undefined ||
    metric === undefined ||
    body === undefined ||
    note === undefined
  )
    return undefined;
  return Object.freeze({ id, label, metric, body, planDefinition: raw.planDefinition as boolean, note });
}

function checkSource(raw: unknown, path: string, lines: string[]): ObservationSource | undefined {
  if (!isRecord(raw)) {
    lines.push(`${path}: expected the page cited, { publisher, published, title, url }, got ${show(raw)}`);
    return undefined;
  }
  const before = lines.length;
  unknownKeys(raw, path, SOURCE_KEYS, lines);
  const publisher = text(raw, 'publisher', path, lines);
  const published = text(raw, 'published', path, lines, true, DATE);
  const title = text(raw, 'title', path, lines);
  const url = text(raw, 'url', path, lines, true, URL_PATTERN);
  if (raw.titleFrom !== undefined && raw.titleFrom !== 'address')
    lines.push(`${path}.titleFrom: expected "address" or nothing, got ${show(raw.titleFrom)}`);
  if (
    lines.length > before ||
    publisher === undefined ||
    published === undefined ||
    title === undefined ||
    url === undefined
  )
    return undefined;
  return Object.freeze({
    publisher,
    published,
    title,
    url,
    ...(raw.titleFrom === 'address' && { titleFrom: 'address' as const }),
  });
}

function checkObservation(
  raw: unknown,
  path: string,
  definitions: ReadonlyMap<string, MetricDefinition>,
  lines: string[],
): Observation | undefined {
  if (!isRecord(raw)) {
    lines.push(`${path}: expected an observation object, got ${show(raw)}`);
    return undefined;
  }
  const before = lines.length;
  unknownKeys(raw, path, OBSERVATION_KEYS, lines);
  const id = text(raw, 'id', path, lines, true, ID);
  const definition = text(raw, 'definition', path, lines);
  if (definition !== undefined && !definitions.has(definition)) {
    lines.push(
      `${path}.definition: unknown definition ${show(definition)} (defined: ${[...definitions.keys()].join(', ') || 'none'}); add it to "definitions"`,
    );
  }
  const y = year(raw, 'year', path, lines, true);
  const fromYear = year(raw, 'fromYear', path, lines, false);
  let unit: Unit | undefined;
  if (typeof raw.unit !== 'string')
    lines.push(`${path}.unit: expected a unit such as "CNY trillion" or "fraction", got ${show(raw.unit)}`);
  else {
    try {
      unit = parseUnit(raw.unit);
      if (unit.kind === 'other') {
        lines.push(`${path}.unit: expected a money, count or fraction unit, got ${show(raw.unit)}`);
        unit = undefined;
      }
    } catch (e) {
      lines.push(`${path}.unit: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const value = raw.value;
  if (typeof value !== 'number' || !Number.isFinite(value))
    lines.push(`${path}.value: expected a finite number, got ${show(value)}`);
  else if (unit?.kind === 'fraction' && Math.abs(value) > 1.5)
    lines.push(`${path}.value: expected a fraction, got ${value} (did you mean ${value / 100}?)`);
  else if (unit !== undefined && unit.kind !== 'fraction' && value <= 0)
    lines.push(`${path}.value: expected a level > 0, got ${value}`);
  if (unit?.kind === 'fraction' && fromYear === undefined)
    lines.push(`${path}.fromYear: missing: a rate runs over a period fromYear -> year`);
  if (unit !== undefined && unit.kind !== 'fraction' && fromYear !== undefined)
    lines.push(`${path}.fromYear: only for a rate (unit "fraction"); a level belongs to one year`);
  if (fromYear !== undefined && y !== undefined && fromYear >= y)
    lines.push(`${path}.fromYear: expected a year before ${y}, got ${fromYear}`);
  const comparator = raw.comparator;
  if (typeof comparator !== 'string' || !Object.hasOwn(Comparator, comparator)) {
    lines.push(
      `${path}.comparator: expected one of "exceeds", "atLeast", "about", "atMost", "below", "equals", got ${show(comparator)}`,
    );
  }
  let tolerance: Tolerance | undefined;
  if (comparator === 'about') {
    const t = raw.tolerance;
    const rel = isRecord(t) ? t.relative : undefined;
    const abs = isRecord(t) ? t.absolute : undefined;
    const okNumber = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v > 0);
    if (
      !isRecord(t) ||
      (rel === undefined && abs === undefined) ||
      !okNumber(rel) ||
      !okNumber(abs) ||
      typeof t.assumption !== 'string' ||
      t.assumption.trim() === ''
    ) {
      lines.push(
        `${path}.tolerance: "about" needs { "relative" or "absolute" (> 0), "assumption": "<how the wording is read>" }, got ${show(t)}`,
      );
    } else {
      tolerance = Object.freeze({
        ...(rel !== undefined && { relative: rel as number }),
        ...(abs !== undefined && { absolute: abs as number }),
        assumption: t.assumption,
      });
    }
  } else if (raw.tolerance !== undefined) {
    lines.push(`${path}.tolerance: only allowed with comparator "about" (got ${show(comparator)})`);
  }
  if (raw.kind !== 'actual' && raw.kind !== 'estimate')
    lines.push(`${path}.kind: expected "actual" or "estimate", got ${show(raw.kind)}`);
  const statement = text(raw, 'statement', path, lines);
  const assumption = text(raw, 'assumption', path, lines, false);
  const source = checkSource(raw.source, `${path}.source`, lines);
  if (
    lines.length > before ||
    id === undefined ||
    definition === undefined ||
    y === undefined ||
    unit === undefined ||
    statement === undefined ||
    source === undefined
  )
    return undefined;
  return Object.freeze({
    id,
    definition,
    year: y,
    ...(fromYear !== undefined && { fromYear }),
    value: value as number,
    unit,
    comparator: comparator as Comparator,
    kind: raw.kind as 'actual' | 'estimate',
    ...(tolerance !== undefined && { tolerance }),
    statement,
    ...(assumption !== undefined && { assumption }),
    source,
  });
}

/**
 * Validates an observations file (`seeds/*.observations.json`, see `seeds/observations.schema.json` and
 * docs/observations.md): figures published after the plans, each on a named {@link MetricDefinition} and
 * cited from a public page (publisher, date, title, address) with a statement in our own words.
 * Every problem is reported at once with its path. A `quote` property is refused: third-party pages are
 * cited, never copied. Units must parse, rates need `fromYear`, "about" needs a `tolerance` whose reading is
 * labelled as an assumption, ids and definition ids are unique and every observation names a known definition.
 * @param json the parsed JSON
 * @param origin where it came from, the prefix of every problem line
 * @throws {MetricsError} invalid_definition listing every problem (`details.problems`)
 * @example
 * const set = parseObservations({
 *   definitions: [{ id: 'x.miit', label: 'x, MIIT', metric: 'x.revenue', body: 'MIIT', planDefinition: true, note: 'the plan measure' }],
 *   observations: [{ id: 'obs.x-2022', definition: 'x.miit', year: 2022, value: 1.57, unit: 'CNY trillion',
 *     comparator: 'equals', kind: 'actual', statement: 'x was 1.57 trillion in 2022.',
 *     source: { publisher: 'A paper', published: '2023-02-22', title: 'X grows', url: 'https://example.org/x' } }],
 * }, 'example.observations.json');
 * set.observations[0]?.unit; // => { kind: 'money', currency: 'CNY', scale: 'trillion' }
 */
export function parseObservations(json: unknown, origin: string): ObservationSet {
  if (typeof origin !== 'string' || origin.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `parseObservations: origin must say where the JSON came from (got ${show(origin)}).`,
      'origin',
      'text saying where the JSON came from',
      origin,
      { origin },
    );
  }
  assertNoLongArrays('parseObservations', origin, json, 10_000);
  const lines: string[] = [];
  const definitions = new Map<string, MetricDefinition>();
  const observations: Observation[] = [];
  if (!isRecord(json)) {
    lines.push(`expected an object with "definitions" and "observations", got ${show(json)}`);
  } else {
    unknownKeys(json, '', ROOT_KEYS, lines);
    const defs = json.definitions;
    if (!Array.isArray(defs)) lines.push(`definitions: expected an array of definitions, got ${show(defs)}`);
    else
      defs.forEach((raw: unknown, i) => {
        const d = checkDefinition(raw, `definitions[${i}]`, lines);
        if (d === undefined) return;
        if (definitions.has(d.id)) lines.push(`definitions[${i}].id: duplicate definition id ${show(d.id)}`);
        else definitions.set(d.id, d);
      });
    const obs = json.observations;
    if (!Array.isArray(obs)) lines.push(`observations: expected an array of observations, got ${show(obs)}`);
    else {
      const seen = new Map<string, number>();
      obs.forEach((raw: unknown, i) => {
        const o = checkObservation(raw, `observations[${i}]`, definitions, lines);
        if (o === undefined) return;
        const first = seen.get(o.id);
        if (first !== undefined)
          lines.push(`observations[${i}].id: duplicate id ${show(o.id)} (also observations[${first}].id)`);
        else {
          seen.set(o.id, i);
          observations.push(o);
        }
      });
    }
  }
  if (lines.length > 0) {
    const prefixed = lines.map((l) => `${origin}: ${l}`);
    throw new MetricsError(
      'invalid_definition',
      `parseObservations: ${lines.length} problem${lines.length === 1 ? '' : 's'} in ${origin}. Fix each and parse again:\n${prefixed.map((l) => `  ${l}`).join('\n')}`,
      { origin, problems: Object.freeze(prefixed) },
      problemIssues(lines),
    );
  }
  return Object.freeze({
    definitions: Object.freeze([...definitions.values()]),
    observations: Object.freeze(observations),
  });
}
