// Not exported from the package: the check every function taking a ModelDefinition makes first, so a
// hand-built or hostile model gets a MetricsError naming the field (`model.scenarios.low.path.rate`),
// never a TypeError or "RMB NaN" in a sentence. Models from parseModel (loadModel) are checked there.
import { MetricsError } from '../errors.js';
import { argumentError, fieldError, show } from '../internal/assert.js';
import { unitArg } from '../series/units.js';
import { asFact, asFacts } from '../targets/asFact.js';
import { Comparator } from '../targets/fact.js';
import { type ModelDefinition, ShockDistribution } from './types.js';

const CHECKED = new WeakSet<object>();

/** Marks a model as checked (parseModel calls it on the frozen model it returns). */
export function markModel<T extends object>(m: T): T {
  CHECKED.add(m);
  return m;
}

function bad(fn: string, where: string, what: string, got: unknown): never {
  throw fieldError(fn, where, what, got);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 100_000;
const SOURCES = ['fact', 'assumption', 'derived', 'observation'];

/**
 * An observation (or a model's list of them): an id, a whole year and a finite value; with `full`, also what
 * a sentence about it reads (a unit, a comparator, the kind and the source's publisher, date and title).
 * Not exported from the package.
 */
export function checkObservation(fn: string, where: string, o: unknown, full = false): void {
  observation(fn, where, o);
  if (!full) return;
  const x = o as Record<string, unknown>;
  unitArg(fn, `${where}.unit`, x['unit']);
  if (typeof x['comparator'] !== 'string' || !Object.hasOwn(Comparator, x['comparator']))
    bad(fn, `${where}.comparator`, `must be one of ${Object.keys(Comparator).join(', ')}`, x['comparator']);
  if (typeof x['kind'] !== 'string') bad(fn, `${where}.kind`, 'must be text (actual, estimate)', x['kind']);
  if (x['fromYear'] !== undefined && !isYear(x['fromYear']))
    bad(fn, `${where}.fromYear`, 'must be a whole year', x['fromYear']);
  const src = x['source'];
  if (!isObject(src)) bad(fn, `${where}.source`, 'must be { publisher, published, title, url }', src);
  for (const k of ['publisher', 'published', 'title'])
    if (typeof src[k] !== 'string') bad(fn, `${where}.source.${k}`, 'must be text', src[k]);
  if (src['url'] !== undefined && typeof src['url'] !== 'string')
    bad(fn, `${where}.source.url`, 'must be text', src['url']);
}

function observation(fn: string, where: string, o: unknown): void {
  if (!isObject(o)) bad(fn, where, 'must be an observation { id, year, value, … }', o);
  if (typeof o['id'] !== 'string') bad(fn, `${where}.id`, 'must be a string', o['id']);
  if (!isYear(o['year'])) bad(fn, `${where}.year`, 'must be a whole year', o['year']);
  if (o['fromYear'] !== undefined && !isYear(o['fromYear']))
    bad(fn, `${where}.fromYear`, 'must be a whole year', o['fromYear']);
  if (typeof o['value'] !== 'number' || !Number.isFinite(o['value']))
    bad(fn, `${where}.value`, 'must be a finite number', o['value']);
  if (o['definition'] !== undefined && typeof o['definition'] !== 'string')
    bad(fn, `${where}.definition`, 'must be a definition id', o['definition']);
  if (o['statement'] !== undefined && typeof o['statement'] !== 'string')
    bad(fn, `${where}.statement`, 'must be text', o['statement']);
  const src = o['source'];
  if (src !== undefined) {
    if (!isObject(src)) bad(fn, `${where}.source`, 'must be { publisher, published, title, … }', src);
    for (const k of ['publisher', 'published', 'title'])
      if (src[k] !== undefined && typeof src[k] !== 'string') bad(fn, `${where}.source.${k}`, 'must be text', src[k]);
  }
  if (o['unit'] !== undefined) unitArg(fn, `${where}.unit`, o['unit']);
  // An "about" figure's tolerance: how close, with the assumption it rests on.
  const tol = o['tolerance'];
  if (tol !== undefined) {
    if (!isObject(tol)) bad(fn, `${where}.tolerance`, 'must be { relative or absolute, assumption }', tol);
    for (const k of ['relative', 'absolute'])
      if (tol[k] !== undefined && !(typeof tol[k] === 'number' && Number.isFinite(tol[k]) && tol[k] >= 0))
        bad(fn, `${where}.tolerance.${k}`, 'must be a finite number >= 0', tol[k]);
    if (typeof tol['assumption'] !== 'string')
      bad(fn, `${where}.tolerance.assumption`, 'must say what it assumes', tol['assumption']);
  }
  if (o['assumption'] !== undefined && typeof o['assumption'] !== 'string')
    bad(fn, `${where}.assumption`, 'must be text', o['assumption']);
}

/** An observation set (loadObservations): definitions and observations, each checked. */
export function checkObservationSet(fn: string, set: unknown): void {
  if (!isObject(set)) bad(fn, 'set', 'must be an observation set { definitions, observations }', set);
  array(fn, 'set.definitions', set['definitions']).forEach((d, i) => definition(fn, `set.definitions[${i}]`, d));
  array(fn, 'set.observations', set['observations']).forEach((o, i) => observation(fn, `set.observations[${i}]`, o));
}

/** A metric definition: an id and a label. */
function definition(fn: string, where: string, d: unknown): void {
  if (!isObject(d) || typeof d['id'] !== 'string' || typeof d['label'] !== 'string')
    bad(fn, where, 'must be a metric definition { id, label, … }', d);
}

/** A resolved value (or, where growthPath takes one, a plain number): a finite value and where it comes from. */
function value(fn: string, where: string, v: unknown, plain = false): number {
  if (plain && typeof v === 'number') {
    if (!Number.isFinite(v)) bad(fn, where, 'must be a finite number', v);
    return v;
  }
  if (!isObject(v)) bad(fn, where, 'must be a resolved value { value, source }', v);
  if (typeof v['value'] !== 'number' || !Number.isFinite(v['value']))
    bad(fn, `${where}.value`, 'must be a finite number', v['value']);
  const source = v['source'];
  if (!isObject(source) || typeof source['kind'] !== 'string' || !SOURCES.includes(source['kind']))
    bad(fn, `${where}.source`, `must be { kind: ${SOURCES.map((s) => `"${s}"`).join(' | ')}, … }`, source);
  if (source['kind'] === 'fact') asFact(fn, source['fact'], `${where}.source.fact`);
  if (source['kind'] === 'assumption' && typeof source['text'] !== 'string')
    bad(fn, `${where}.source.text`, 'must say why the value was chosen', source['text']);
  if (source['kind'] === 'observation') {
    // in full: a report states where the value comes from (the observation's source)
    checkObservation(fn, `${where}.source.observation`, source['observation'], true);
    definition(fn, `${where}.source.definition`, source['definition']);
  }
  if (source['kind'] === 'derived') {
    // The facts it is derived from (none for a formula of constants), each checked.
    array(fn, `${where}.source.from`, source['from']);
    asFacts(fn, source['from'], `${where}.source.from`, false);
    if (typeof source['formula'] !== 'string')
      bad(fn, `${where}.source.formula`, 'must be a string', source['formula']);
  }
  return v['value'] as number;
}

/** The most items of any array in a model (a model file takes at most 1,000). */
const MAX_ITEMS = 1000;

function array(fn: string, where: string, v: unknown): readonly unknown[] {
  if (!Array.isArray(v)) bad(fn, where, 'must be an array', v);
  if (v.length > MAX_ITEMS)
    throw new MetricsError(
      'too_large',
      `${fn}: ${where} has ${v.length} items, more than a model holds (got ${v.length}; at most ${MAX_ITEMS}).`,
      { field: where, length: v.length },
    );
  for (let i = 0; i < v.length; i++)
    if (!(i in v)) bad(fn, `${where}[${i}]`, 'is missing (a hole in the array)', undefined);
  return v;
}

const PATH_TYPES = ['cagr', 'phases', 'rates', 'linear', 'logistic', 'anchors', 'expression'];

/** A growth path spec: a known type with its fields. Values are resolved values, or numbers when `plain`. */
export function checkPathSpec(fn: string, where: string, p: unknown, plain = false): void {
  if (!isObject(p)) bad(fn, where, `must be a path { type: ${PATH_TYPES.join(' | ')}, … }`, p);
  switch (p['type']) {
    case 'cagr':
      value(fn, `${where}.rate`, p['rate'], plain);
      return;
    case 'linear':
      value(fn, `${where}.slope`, p['slope'], plain);
      return;
    case 'logistic':
      value(fn, `${where}.rate`, p['rate'], plain);
      value(fn, `${where}.cap`, p['cap'], plain);
      return;
    case 'phases':
      array(fn, `${where}.phases`, p['phases']).forEach((ph, i) => {
        const w = `${where}.phases[${i}]`;
        if (!isObject(ph)) bad(fn, w, 'must be { fromYear, toYear, rate }', ph);
        if (!isYear(ph['fromYear'])) bad(fn, `${w}.fromYear`, 'must be a whole year', ph['fromYear']);
        if (!isYear(ph['toYear'])) bad(fn, `${w}.toYear`, 'must be a whole year', ph['toYear']);
        value(fn, `${w}.rate`, ph['rate'], plain);
      });
      return;
    case 'rates':
      array(fn, `${where}.rates`, p['rates']).forEach((r, i) => {
        const w = `${where}.rates[${i}]`;
        if (!isObject(r)) bad(fn, w, 'must be { year, rate }', r);
        if (!isYear(r['year'])) bad(fn, `${w}.year`, 'must be a whole year', r['year']);
        value(fn, `${w}.rate`, r['rate'], plain);
      });
      return;
    case 'anchors':
      array(fn, `${where}.anchors`, p['anchors']).forEach((a, i) => {
        const w = `${where}.anchors[${i}]`;
        if (!isObject(a)) bad(fn, w, 'must be { year, value }', a);
        if (!isYear(a['year'])) bad(fn, `${w}.year`, 'must be a whole year', a['year']);
        value(fn, `${w}.value`, a['value'], plain);
      });
      return;
    case 'expression':
      if (typeof p['expression'] !== 'string') bad(fn, `${where}.expression`, 'must be a string', p['expression']);
      if (typeof p['assumption'] !== 'string') bad(fn, `${where}.assumption`, 'must be a string', p['assumption']);
      return;
    default:
      bad(fn, `${where}.type`, `must be one of ${PATH_TYPES.join(', ')}`, p['type']);
  }
}

function shocks(fn: string, where: string, v: unknown): void {
  array(fn, where, v).forEach((s, i) => {
    if (!isObject(s)) bad(fn, `${where}[${i}]`, 'must be { year, size }', s);
    if (!isYear(s['year'])) bad(fn, `${where}[${i}].year`, 'must be a whole year', s['year']);
    value(fn, `${where}[${i}].size`, s['size']);
  });
}

function bounds(fn: string, where: string, v: unknown): void {
  if (!isObject(v)) bad(fn, where, 'must be an object { cap?, floor? }', v);
  if (v['cap'] !== undefined) value(fn, `${where}.cap`, v['cap']);
  if (v['floor'] !== undefined) value(fn, `${where}.floor`, v['floor']);
}

/**
 * `model` as a ModelDefinition, checked field by field (a model from loadModel or parseModel as it is),
 * errors naming `fn` and the field. What it checks is the shape and that every number is finite; what the
 * numbers mean (a rate above 300%, a target outside the years) is for parseModel and the functions.
 */
export function asModel(fn: string, model: unknown): ModelDefinition {
  if (typeof model === 'object' && model !== null && CHECKED.has(model)) return model as ModelDefinition;
  const m = model;
  if (!isObject(m)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a loaded ModelDefinition (got ${show(m)}). Load it with loadModel.`,
      'model',
      'a loaded ModelDefinition',
      m,
      { model: m },
    );
  }
  for (const k of ['id', 'metric'] as const)
    if (typeof m[k] !== 'string' || (m[k] as string).trim() === '')
      bad(fn, `model.${k}`, 'must be a non-empty string', m[k]);
  for (const k of ['title', 'origin'] as const)
    if (typeof m[k] !== 'string') bad(fn, `model.${k}`, 'must be a string', m[k]);
  if (m['description'] !== undefined && typeof m['description'] !== 'string')
    bad(fn, 'model.description', 'must be a string', m['description']);
  if (!isObject(m['unit'])) bad(fn, 'model.unit', 'must be a Unit', m['unit']);
  unitArg(fn, 'model.unit', m['unit']);
  if (!isYear(m['fromYear'])) bad(fn, 'model.fromYear', 'must be a whole year', m['fromYear']);
  if (!isYear(m['toYear']) || (m['toYear'] as number) <= (m['fromYear'] as number))
    bad(fn, 'model.toYear', `must be a whole year after fromYear ${m['fromYear']}`, m['toYear']);
  if ((m['toYear'] as number) - (m['fromYear'] as number) > 1000)
    bad(fn, 'model.toYear', 'must be at most 1000 years after fromYear', m['toYear']);
  if (value(fn, 'model.base', m['base']) <= 0)
    bad(fn, 'model.base.value', 'must be > 0', (m['base'] as { value: number }).value);
  checkPathSpec(fn, 'model.path', m['path']);
  shocks(fn, 'model.shocks', m['shocks']);
  bounds(fn, 'model.bounds', m['bounds']);
  const scenarios = m['scenarios'];
  if (!isObject(scenarios)) bad(fn, 'model.scenarios', 'must be an object of named scenarios', scenarios);
  for (const name of Object.keys(scenarios)) {
    const sc = scenarios[name];
    const w = `model.scenarios[${JSON.stringify(name)}]`;
    if (!isObject(sc)) bad(fn, w, 'must be { description, path?, shocks?, bounds? }', sc);
    if (typeof sc['description'] !== 'string') bad(fn, `${w}.description`, 'must be a string', sc['description']);
    if (sc['path'] !== undefined) checkPathSpec(fn, `${w}.path`, sc['path']);
    if (sc['shocks'] !== undefined) shocks(fn, `${w}.shocks`, sc['shocks']);
    if (sc['bounds'] !== undefined) bounds(fn, `${w}.bounds`, sc['bounds']);
  }
  const u = m['uncertainty'];
  if (u !== undefined) {
    if (!isObject(u)) bad(fn, 'model.uncertainty', 'must be an object { volatility, … }', u);
    value(fn, 'model.uncertainty.volatility', u['volatility']);
    if (
      u['distribution'] !== undefined &&
      !(typeof u['distribution'] === 'string' && Object.hasOwn(ShockDistribution, u['distribution']))
    )
      bad(
        fn,
        'model.uncertainty.distribution',
        `must be one of ${Object.keys(ShockDistribution).join(', ')}`,
        u['distribution'],
      );
    if (
      u['degreesOfFreedom'] !== undefined &&
      !(typeof u['degreesOfFreedom'] === 'number' && Number.isFinite(u['degreesOfFreedom']))
    )
      bad(fn, 'model.uncertainty.degreesOfFreedom', 'must be a finite number', u['degreesOfFreedom']);
    for (const k of ['persistence', 'meanUncertainty'] as const)
      if (u[k] !== undefined) value(fn, `model.uncertainty.${k}`, u[k]);
    const b = u['base'];
    if (b !== undefined) {
      if (!isObject(b) || (b['distribution'] !== 'uniform' && b['distribution'] !== 'triangular'))
        bad(fn, 'model.uncertainty.base', 'must be { distribution: "uniform" | "triangular", lower, upper, … }', b);
      value(fn, 'model.uncertainty.base.lower', b['lower']);
      value(fn, 'model.uncertainty.base.upper', b['upper']);
      const w = b['wording'];
      if (!Array.isArray(w) || w.length !== 2 || !w.every((x) => typeof x === 'number' && !Number.isNaN(x)))
        bad(fn, 'model.uncertainty.base.wording', 'must be the two numbers the wording allows', w);
      if (typeof b['assumption'] !== 'string')
        bad(fn, 'model.uncertainty.base.assumption', 'must be a string', b['assumption']);
    }
    const rs = u['rareShock'];
    if (rs !== undefined) {
      if (!isObject(rs)) bad(fn, 'model.uncertainty.rareShock', 'must be { probability, size }', rs);
      value(fn, 'model.uncertainty.rareShock.probability', rs['probability']);
      value(fn, 'model.uncertainty.rareShock.size', rs['size']);
    }
  }
  if (m['observations'] !== undefined)
    // Resolved observations, each in full: functions read their comparators and units, and return them.
    array(fn, 'model.observations', m['observations']).forEach((o, i) =>
      checkObservation(fn, `model.observations[${i}]`, o, true),
    );
  if (m['definition'] !== undefined) definition(fn, 'model.definition', m['definition']);
  const asOf = m['asOf'];
  if (asOf !== undefined) {
    if (
      !isObject(asOf) ||
      !isYear(asOf['year']) ||
      !isYear(asOf['originalFromYear']) ||
      typeof asOf['observation'] !== 'string'
    )
      bad(fn, 'model.asOf', 'must be { year, observation, originalFromYear }', asOf);
  }
  if (m['periods'] !== undefined)
    array(fn, 'model.periods', m['periods']).forEach((p, i) => {
      const w = `model.periods[${i}]`;
      if (!isObject(p) || typeof p['label'] !== 'string') bad(fn, w, 'must be { label, fromYear, toYear, zh? }', p);
      if (!isYear(p['fromYear']) || !isYear(p['toYear']) || (p['fromYear'] as number) > (p['toYear'] as number))
        bad(fn, `${w}.fromYear`, 'and toYear must be whole years, in order', p['fromYear']);
      if (p['zh'] !== undefined && typeof p['zh'] !== 'string') bad(fn, `${w}.zh`, 'must be text', p['zh']);
    });
  const zh = m['zh'];
  if (zh !== undefined) {
    if (!isObject(zh)) bad(fn, 'model.zh', 'must be { title?, scenarios?, sectors? }', zh);
    if (zh['title'] !== undefined && typeof zh['title'] !== 'string')
      bad(fn, 'model.zh.title', 'must be text', zh['title']);
    for (const k of ['scenarios', 'sectors'] as const) {
      const names = zh[k];
      if (names === undefined) continue;
      if (!isObject(names)) bad(fn, `model.zh.${k}`, 'must map ids to names', names);
      for (const [id, name] of Object.entries(names))
        if (typeof name !== 'string') bad(fn, `model.zh.${k}.${id}`, 'must be text', name);
    }
  }
  asFacts(fn, m['targets'], 'model.targets', false);
  asFacts(fn, m['related'], 'model.related', false);
  array(fn, 'model.sectors', m['sectors']).forEach((s, i) => {
    const w = `model.sectors[${i}]`;
    if (!isObject(s)) bad(fn, w, 'must be { id, name, share, path }', s);
    if (typeof s['id'] !== 'string' || s['id'].trim() === '') bad(fn, `${w}.id`, 'must be a non-empty string', s['id']);
    if (typeof s['name'] !== 'string') bad(fn, `${w}.name`, 'must be a string', s['name']);
    value(fn, `${w}.share`, s['share']);
    checkPathSpec(fn, `${w}.path`, s['path']);
  });
  return m as unknown as ModelDefinition;
}
