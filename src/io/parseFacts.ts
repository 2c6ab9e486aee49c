import { MetricsError } from '../errors.js';
import { argumentError, problemIssues, show } from '../internal/assert.js';
import { markChecked } from '../targets/asFact.js';
import { assertNoLongArrays } from '../internal/size.js';
import { closestNames } from '../internal/closest.js';
import type { Provenance, Translation } from '../series/provenance.js';
import { Scale, parseUnit, type Unit } from '../series/units.js';
import { Comparator, FactKind, type Fact, type Tolerance } from '../targets/fact.js';

const ROOT_KEYS = ['$schema', 'document', 'facts'] as const;
const DOCUMENT_KEYS = [
  'id',
  'file',
  'title',
  'publisher',
  'publisherInferred',
  'published',
  'language',
  'url',
  'translation',
  'note',
] as const;
const TRANSLATION_KEYS = ['by', 'date', 'url'] as const;
const FACT_KEYS = [
  'id',
  'metric',
  'year',
  'fromYear',
  'value',
  'unit',
  'comparator',
  'kind',
  'section',
  'quote',
  'tolerance',
  'statedBy',
  'derivation',
  'periodAssumed',
  'note',
] as const;
const TOLERANCE_KEYS = ['relative', 'absolute', 'assumption'] as const;

const ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/;
const URL_PATTERN = /^https?:\/\/\S+$/;
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/** Words people write for a comparator, mapped to the comparator they mean. */
const COMPARATOR_SYNONYMS: Readonly<Record<string, Comparator>> = {
  exceed: 'exceeds',
  over: 'exceeds',
  above: 'exceeds',
  morethan: 'exceeds',
  greaterthan: 'exceeds',
  surpass: 'exceeds',
  surpasses: 'exceeds',
  approximately: 'about',
  approx: 'about',
  around: 'about',
  roughly: 'about',
  // "Nearly X" and "almost X" say the figure falls short of X: at most X, not a band around it.
  nearly: 'atMost',
  almost: 'atMost',
  atleast: 'atLeast',
  min: 'atLeast',
  minimum: 'atLeast',
  notlessthan: 'atLeast',
  atmost: 'atMost',
  max: 'atMost',
  maximum: 'atMost',
  upto: 'atMost',
  under: 'below',
  lessthan: 'below',
  less: 'below',
  equal: 'equals',
  eq: 'equals',
  is: 'equals',
  exactly: 'equals',
  // Chinese wording, as pasted from the plans: 超过 / 突破 exceed, 达到 / 不低于 reach / not below, 约 / 左右
  // about, 近 / 接近 nearly.
  超过: 'exceeds',
  突破: 'exceeds',
  高于: 'exceeds',
  达到: 'atLeast',
  不低于: 'atLeast',
  至少: 'atLeast',
  约: 'about',
  左右: 'about',
  大约: 'about',
  近: 'atMost',
  接近: 'atMost',
  不超过: 'atMost',
  低于: 'below',
};
/** Words people write for a kind of fact, mapped to the kind they mean. */
const KIND_SYNONYMS: Readonly<Record<string, FactKind>> = {
  goal: 'target',
  plan: 'target',
  objective: 'target',
  planned: 'target',
  reported: 'actual',
  observed: 'actual',
  historical: 'actual',
  data: 'actual',
  projection: 'estimate',
  forecast: 'estimate',
  estimated: 'estimate',
  projected: 'estimate',
  secondary: 'claim',
  commentary: 'claim',
};
/** Unit spellings that mean a percentage: rates and shares are written as fractions instead. */
const PERCENT_UNITS = new Set(['%', 'percent', 'per cent', 'pct', 'percentage', 'percentage points', 'pp']);

function didYouMean(names: readonly string[]): string {
  return names.length === 0 ? '' : ` (did you mean ${names.map((n) => JSON.stringify(n)).join(' or ')}?)`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key) && record[key] !== undefined;
}

/** Collects problems as `<origin>: <path>: <message>` lines. */
class Problems {
  readonly lines: string[] = [];
  constructor(private readonly origin: string) {}
  add(path: string, message: string): void {
    this.lines.push(`${this.origin}: ${path === '' ? '' : `${path}: `}${message}`);
  }
  /** Reports unknown keys of `record`, with the closest known key as a hint. */
  unknownKeys(record: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue;
      const hint = didYouMean(closestNames(key, known, 1));
      this.add(
        `${path}${path === '' ? '' : '.'}${key}`,
        `unknown property${hint || ` (expected one of ${known.join(', ')})`}`,
      );
    }
  }
  /** A required non-empty string; optional when `required` is false. Reports and returns undefined when bad. */
  text(
    record: Record<string, unknown>,
    key: string,
    path: string,
    required: boolean,
    what = 'a non-empty string',
    pattern?: RegExp,
  ): string | undefined {
    const at = `${path}.${key}`;
    if (!has(record, key)) {
      if (required) this.add(at, `missing (expected ${what})`);
      return undefined;
    }
    const value = record[key];
    if (typeof value !== 'string' || value.trim() === '' || (pattern !== undefined && !pattern.test(value))) {
      this.add(at, `expected ${what}, got ${show(value)}`);
      return undefined;
    }
    return value;
  }
  /** A year: a whole number between MIN_YEAR and MAX_YEAR. */
  year(record: Record<string, unknown>, key: string, path: string, required: boolean): number | undefined {
    const at = `${path}.${key}`;
    const what = `a whole year between ${MIN_YEAR} and ${MAX_YEAR}`;
    if (!has(record, key)) {
      if (required) this.add(at, `missing (expected ${what})`);
      return undefined;
    }
    const value = record[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
      this.add(at, `expected ${what}, got ${show(value)}`);
      return undefined;
    }
    return value;
  }
}

interface DocumentInfo {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly publisherInferred?: string;
  readonly published?: string;
  readonly url?: string;
  readonly translation?: Translation;
}

function checkTranslation(raw: unknown, problems: Problems): Translation | undefined {
  const path = 'document.translation';
  if (!isRecord(raw)) {
    problems.add(path, `expected an object { by, date?, url? } saying whose translation the text is, got ${show(raw)}`);
    return undefined;
  }
  problems.unknownKeys(raw, path, TRANSLATION_KEYS);
  const by = problems.text(raw, 'by', path, true, 'who translated the text, or a sentence saying it is not named');
  const date = problems.text(raw, 'date', path, false, 'an ISO year, month or date', DATE_PATTERN);
  const url = problems.text(raw, 'url', path, false, 'an http(s) link', URL_PATTERN);
  if (by === undefined) return undefined;
  return Object.freeze({ by, ...(date !== undefined && { date }), ...(url !== undefined && { url }) });
}

function checkDocument(raw: unknown, problems: Problems): DocumentInfo | undefined {
  const path = 'document';
  if (raw === undefined) {
    problems.add(path, 'missing (expected an object with id, file, title and publisher)');
    return undefined;
  }
  if (!isRecord(raw)) {
    problems.add(path, `expected an object with id, file, title and publisher, got ${show(raw)}`);
    return undefined;
  }
  problems.unknownKeys(raw, path, DOCUMENT_KEYS);
  const id = problems.text(
    raw,
    'id',
    path,
    true,
    'a document id such as "001" (letters, digits, "_" and "-")',
    DOCUMENT_ID_PATTERN,
  );
  problems.text(raw, 'file', path, true, "the name of the document's text file");
  const title = problems.text(raw, 'title', path, true);
  const publisher = problems.text(raw, 'publisher', path, true);
  const published = problems.text(
    raw,
    'published',
    path,
    false,
    'an ISO year, month or date such as "2021-07-12"',
    DATE_PATTERN,
  );
  problems.text(raw, 'language', path, false, 'a language tag such as "en" or "zh-Hans"', LANGUAGE_PATTERN);
  const url = problems.text(raw, 'url', path, false, 'an http(s) link', URL_PATTERN);
  problems.text(raw, 'note', path, false);
  const publisherInferred = problems.text(
    raw,
    'publisherInferred',
    path,
    false,
    'a sentence saying how the publisher was inferred',
  );
  const translation = has(raw, 'translation') ? checkTranslation(raw.translation, problems) : undefined;
  if (id === undefined || title === undefined || publisher === undefined) return undefined;
  return {
    id,
    title,
    publisher,
    ...(publisherInferred !== undefined && { publisherInferred }),
    ...(published !== undefined && { published }),
    ...(url !== undefined && { url }),
    ...(translation !== undefined && { translation }),
  };
}

function checkUnit(raw: Record<string, unknown>, path: string, problems: Problems): Unit | undefined {
  const at = `${path}.unit`;
  const what = 'a unit such as "CNY trillion", "count million", "fraction" or "CNY/USD"';
  if (!has(raw, 'unit')) {
    problems.add(at, `missing (expected ${what})`);
    return undefined;
  }
  const text = raw.unit;
  if (typeof text !== 'string' || text.trim() === '') {
    problems.add(at, `expected ${what}, got ${show(text)}`);
    return undefined;
  }
  if (PERCENT_UNITS.has(text.trim().toLowerCase())) {
    problems.add(
      at,
      `expected "fraction" for a rate or share, got ${show(text)} (write 25% as 0.25 with unit "fraction")`,
    );
    return undefined;
  }
  let unit: Unit;
  try {
    unit = parseUnit(text);
  } catch (e) {
    const reason = e instanceof MetricsError ? e.message.replace(/^parseUnit: /, '') : String(e);
    problems.add(at, `expected ${what}, got ${show(text)}: ${reason}`);
    return undefined;
  }
  if (unit.kind === 'other') {
    const first = (unit.symbol.split(/\s+/)[0] as string).toLowerCase();
    if (Object.hasOwn(Scale, first)) {
      problems.add(
        at,
        `expected a currency or "count" before the scale, got ${show(text)} (did you mean "CNY ${first}" or "count ${first}"?)`,
      );
      return undefined;
    }
  }
  return unit;
}

function checkValue(
  raw: Record<string, unknown>,
  path: string,
  unit: Unit | undefined,
  problems: Problems,
): number | undefined {
  const at = `${path}.value`;
  if (!has(raw, 'value')) {
    problems.add(at, 'missing (expected a number)');
    return undefined;
  }
  const value = raw.value;
  if (typeof value !== 'number') {
    problems.add(at, `expected a number, got ${show(value)}`);
    return undefined;
  }
  if (!Number.isFinite(value)) {
    problems.add(at, `expected a finite number, got ${show(value)}`);
    return undefined;
  }
  if (unit?.kind === 'fraction' && Math.abs(value) > 1.5) {
    problems.add(at, `expected a fraction, got ${value} (did you mean ${Number((value / 100).toPrecision(12))}?)`);
    return undefined;
  }
  if ((unit?.kind === 'money' || unit?.kind === 'count') && value < 0) {
    problems.add(at, `expected a level >= 0, got ${value}`);
    return undefined;
  }
  if (unit?.kind === 'fx' && value <= 0) {
    problems.add(at, `expected an exchange rate > 0, got ${value}`);
    return undefined;
  }
  return value;
}

function checkChoice<K extends string>(
  raw: Record<string, unknown>,
  key: string,
  path: string,
  allowed: Readonly<Record<K, unknown>>,
  problems: Problems,
  synonyms: Readonly<Record<string, K>> = {},
): K | undefined {
  const at = `${path}.${key}`;
  const names = Object.keys(allowed) as K[];
  const what = `one of ${names.map((n) => JSON.stringify(n)).join(', ')}`;
  if (!has(raw, key)) {
    problems.add(at, `missing (expected ${what})`);
    return undefined;
  }
  const value = raw[key];
  if (typeof value === 'string' && (names as string[]).includes(value)) return value as K;
  let hint = '';
  if (typeof value === 'string') {
    // Keep Chinese characters: 超过 and 约 are comparator words too.
    const squeezed = value.toLowerCase().replace(/[^a-z\u4e00-\u9fff]/g, '');
    const synonym = synonyms[squeezed];
    hint = didYouMean(synonym !== undefined ? [synonym] : closestNames(value, names, 1));
  }
  problems.add(at, `expected ${what}, got ${show(value)}${hint}`);
  return undefined;
}

function checkTolerance(raw: unknown, path: string, unit: Unit | undefined, problems: Problems): Tolerance | undefined {
  const at = `${path}.tolerance`;
  if (!isRecord(raw)) {
    problems.add(at, `expected an object with "relative" or "absolute" and "assumption", got ${show(raw)}`);
    return undefined;
  }
  problems.unknownKeys(raw, at, TOLERANCE_KEYS);
  let ok = true;
  const bound = (key: 'relative' | 'absolute'): number | undefined => {
    if (!has(raw, key)) return undefined;
    const value = raw[key];
    const max = key === 'relative' ? 1 : Infinity;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
      problems.add(
        `${at}.${key}`,
        `expected a number > 0${key === 'relative' ? ' and <= 1 (a fraction of the value: 0.05 is ±5%)' : ''}, got ${show(value)}`,
      );
      ok = false;
      return undefined;
    }
    if (key === 'absolute' && unit?.kind === 'fraction' && value >= 0.5) {
      problems.add(
        `${at}.${key}`,
        `expected a tolerance in fraction points, got ${value} (did you mean ${Number((value / 100).toPrecision(12))}?)`,
      );
      ok = false;
      return undefined;
    }
    return value;
  };
  const relative = bound('relative');
  const absolute = bound('absolute');
  if (!has(raw, 'relative') && !has(raw, 'absolute')) {
    problems.add(at, 'needs "relative" (a fraction of the value) or "absolute" (in the fact\'s unit), or both');
    ok = false;
  }
  const assumption = problems.text(
    raw,
    'assumption',
    at,
    true,
    'a sentence saying how the wording is read, e.g. "\'about 25%\' read as 25% ± 1 point"',
  );
  if (!ok || assumption === undefined) return undefined;
  return Object.freeze({
    ...(relative !== undefined && { relative }),
    ...(absolute !== undefined && { absolute }),
    assumption,
  });
}

function checkFact(
  raw: unknown,
  index: number,
  document: DocumentInfo | undefined,
  seen: Map<string, number>,
  problems: Problems,
): Fact | undefined {
  const path = `facts[${index}]`;
  if (!isRecord(raw)) {
    problems.add(
      path,
      `expected an object (a fact with id, metric, year, value, unit, comparator, kind, section and quote), got ${show(raw)}`,
    );
    return undefined;
  }
  const before = problems.lines.length;
  problems.unknownKeys(raw, path, FACT_KEYS);
  const id = problems.text(
    raw,
    'id',
    path,
    true,
    'an id such as "bd14.revenue-2025" (lower-case letters and digits joined by "." or "-")',
    ID_PATTERN,
  );
  if (id !== undefined) {
    const first = seen.get(id);
    if (first !== undefined)
      problems.add(
        `${path}.id`,
        `duplicate id ${JSON.stringify(id)} (also facts[${first}].id); give each fact its own id`,
      );
    else seen.set(id, index);
  }
  const metric = problems.text(
    raw,
    'metric',
    path,
    true,
    'a metric id such as "big-data.revenue" (lower-case letters and digits joined by "." or "-")',
    ID_PATTERN,
  );
  const year = problems.year(raw, 'year', path, true);
  const fromYear = problems.year(raw, 'fromYear', path, false);
  const unit = checkUnit(raw, path, problems);
  const value = checkValue(raw, path, unit, problems);
  const comparator = checkChoice(raw, 'comparator', path, Comparator, problems, COMPARATOR_SYNONYMS);
  const kind = checkChoice(raw, 'kind', path, FactKind, problems, KIND_SYNONYMS);
  const section = problems.text(raw, 'section', path, true, 'the section or heading the quote is in');
  const quote = problems.text(raw, 'quote', path, true, 'the sentence containing the number, copied verbatim');
  const note = problems.text(raw, 'note', path, false);
  const periodAssumed = problems.text(raw, 'periodAssumed', path, false, 'a sentence saying why these years');
  let derivation: { formula: string; from: readonly string[] } | undefined;
  if (has(raw, 'derivation')) {
    const d = raw.derivation;
    const from = isRecord(d) ? d.from : undefined;
    if (
      !isRecord(d) ||
      typeof d.formula !== 'string' ||
      d.formula.trim() === '' ||
      !Array.isArray(from) ||
      from.length === 0 ||
      !from.every((x) => typeof x === 'string' && ID_PATTERN.test(x))
    )
      problems.add(
        `${path}.derivation`,
        `expected { "formula": "<how it is computed>", "from": ["<fact id>", ...] }, got ${show(d)}`,
      );
    else derivation = Object.freeze({ formula: d.formula, from: Object.freeze([...(from as string[])]) });
  }
  let statedBy: 'document' | 'translator' | undefined;
  if (has(raw, 'statedBy')) {
    if (raw.statedBy === 'document' || raw.statedBy === 'translator') statedBy = raw.statedBy;
    else problems.add(`${path}.statedBy`, `expected "document" or "translator", got ${show(raw.statedBy)}`);
    if (statedBy === 'translator' && document !== undefined && document.translation === undefined)
      problems.add(`${path}.statedBy`, '"translator" needs document.translation saying who translated the text');
  }

  if (fromYear !== undefined && year !== undefined && fromYear >= year) {
    problems.add(
      `${path}.fromYear`,
      `expected a year before year ${year}, got ${fromYear} (a rate over a period runs fromYear -> year)`,
    );
  }
  if (has(raw, 'fromYear') && unit !== undefined && unit.kind !== 'fraction') {
    problems.add(
      `${path}.fromYear`,
      'only allowed for a rate over a period (unit "fraction"); a level belongs to one year, so remove fromYear',
    );
  }
  let tolerance: Tolerance | undefined;
  if (has(raw, 'tolerance')) {
    if (comparator !== undefined && comparator !== 'about') {
      problems.add(
        `${path}.tolerance`,
        `only allowed with comparator "about" (got comparator ${JSON.stringify(comparator)}); remove it or use "about"`,
      );
    } else {
      tolerance = checkTolerance(raw.tolerance, path, unit, problems);
    }
  } else if (comparator === 'about') {
    problems.add(
      `${path}.tolerance`,
      'missing: comparator "about" needs a tolerance that states its assumption, e.g. { "absolute": 0.01, "assumption": "\'about 25%\' read as 25% ± 1 point" }',
    );
  }

  if (
    problems.lines.length > before ||
    document === undefined ||
    id === undefined ||
    metric === undefined ||
    year === undefined ||
    unit === undefined ||
    value === undefined ||
    comparator === undefined ||
    kind === undefined ||
    section === undefined ||
    quote === undefined
  ) {
    return undefined;
  }
  // A translator's note is the translator's statement: its publisher, date and address are the translation's.
  const t = document.translation;
  const byTranslator = statedBy === 'translator' && t !== undefined;
  const published = byTranslator ? t.date : document.published;
  const url = byTranslator ? (t.url ?? document.url) : document.url;
  const provenance: Provenance = Object.freeze({
    document: document.title,
    publisher: byTranslator ? t.by : document.publisher,
    ...(!byTranslator && document.publisherInferred !== undefined && { publisherInferred: document.publisherInferred }),
    ...(published !== undefined && { published }),
    section,
    quote,
    ...(url !== undefined && { url }),
    documentId: document.id,
    ...(t !== undefined && { translation: t }),
    ...(statedBy !== undefined && { statedBy }),
  });
  // Checked here, frozen: functions taking facts (asFacts) need not check it again.
  return markChecked(
    Object.freeze({
      id,
      metric,
      year,
      ...(fromYear !== undefined && { fromYear }),
      value,
      unit,
      comparator,
      ...(tolerance !== undefined && { tolerance }),
      kind,
      provenance,
      ...(note !== undefined && { note }),
      ...(derivation !== undefined && { derivation }),
      ...(periodAssumed !== undefined && { periodAssumed }),
    }),
  );
}

/**
 * Validates a seed file (one document's facts, see `seeds/facts.schema.json` and docs/seeds.md) and
 * builds its {@link Fact}s, each with its provenance: the document's title, publisher, publication date,
 * url and id, and the fact's section and verbatim quote.
 *
 * Every problem is reported at once, one line each with its path:
 * `seeds/x.facts.json: facts[3].value: expected a number, got "3T"`. Checked: required fields and types,
 * unknown properties (with a "did you mean"), known comparator and kind, that the unit parses, fraction
 * values that look like percentages (`25` → "did you mean 0.25?"), `tolerance` required with and only
 * allowed with comparator `about`, `fromYear` only for fraction rates and before `year`, unique ids.
 * The input is not modified; the facts returned are frozen, in file order.
 * @param json the parsed JSON of a seed file
 * @param origin where it came from, used as the prefix of every problem line (`seeds/001-big-data-13th-fyp.facts.json`)
 * @throws {MetricsError} invalid_definition listing every problem; `details.problems` holds the lines
 * @throws {MetricsError} invalid_argument when origin is not a non-empty string
 * @example
 * const [fact] = parseFacts({
 *   document: { id: '004', file: '004.txt', title: 'Cybersecurity plan', publisher: 'Global Times' },
 *   facts: [{ id: 'cyber.revenue-2023', metric: 'cybersecurity.revenue', year: 2023, value: 250,
 *     unit: 'CNY billion', comparator: 'exceeds', kind: 'target', section: 'paragraph 2',
 *     quote: 'the scale of the cybersecurity industry is expected to exceed 250 billion yuan' }],
 * }, 'example.facts.json');
 * fact.unit; // => { kind: 'money', currency: 'CNY', scale: 'billion' }
 * fact.provenance.documentId; // => '004'
 */
export function parseFacts(json: unknown, origin: string): Fact[] {
  if (typeof origin !== 'string' || origin.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `parseFacts: origin must be a non-empty string naming where the JSON came from (got ${show(origin)}). Pass the file name, e.g. "seeds/x.facts.json".`,
      'origin',
      'a non-empty string naming where the JSON came from',
      origin,
      { origin },
    );
  }
  assertNoLongArrays('parseFacts', origin, json, 10_000);
  const problems = new Problems(origin);
  const facts: Fact[] = [];
  if (!isRecord(json)) {
    problems.add('', `expected an object with "document" and "facts", got ${show(json)}`);
  } else {
    problems.unknownKeys(json, '', ROOT_KEYS);
    if (has(json, '$schema') && typeof json.$schema !== 'string')
      problems.add('$schema', `expected a string, got ${show(json.$schema)}`);
    const document = checkDocument(json.document, problems);
    const raw = json.facts;
    if (raw === undefined) {
      problems.add('facts', 'missing (expected a non-empty array of facts)');
    } else if (!Array.isArray(raw) || raw.length === 0) {
      problems.add('facts', `expected a non-empty array of facts, got ${show(raw)}`);
    } else {
      const seen = new Map<string, number>();
      raw.forEach((item: unknown, index) => {
        const fact = checkFact(item, index, document, seen, problems);
        if (fact !== undefined) facts.push(fact);
      });
    }
  }
  const lines = problems.lines;
  if (lines.length > 0) {
    throw new MetricsError(
      'invalid_definition',
      `parseFacts: ${lines.length} problem${lines.length === 1 ? '' : 's'} in ${origin}. Fix each and parse again:\n${lines.map((l) => `  ${l}`).join('\n')}`,
      { origin, problems: Object.freeze([...lines]) },
      problemIssues(lines, origin),
    );
  }
  return facts;
}
