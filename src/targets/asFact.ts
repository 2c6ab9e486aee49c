// Not exported from the package: the check every function taking Facts makes first, so a hand-built or
// hostile object gets a MetricsError naming the field, never a TypeError or "RMB NaN" in a sentence.
import { MetricsError } from '../errors.js';
import { argumentError, show } from '../internal/assert.js';
import { unitArg } from '../series/units.js';
import { Comparator, type Fact, FactKind } from './fact.js';

/** Facts built by parseFacts: frozen and checked there, so they are not checked again. */
const CHECKED = new WeakSet<object>();

/** Marks a fact as checked (parseFacts calls it on what it returns). */
export function markChecked<T extends Fact>(f: T): T {
  CHECKED.add(f);
  return f;
}

function bad(fn: string, where: string, what: string, got: unknown): never {
  throw argumentError(
    'invalid_argument',
    `${fn}: ${where} ${what} (got ${show(got)}).`,
    where,
    what.replace(/^must (be )?/, ''),
    got,
    { [where]: got },
  );
}

const text = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const year = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 100_000;

/**
 * `f` as a Fact, checked field by field (id, metric, year, value, unit, comparator, kind, tolerance,
 * fromYear, provenance), errors naming `fn` and where the fact sits (`facts[3].value`).
 */
export function asFact(fn: string, f: unknown, where = 'fact'): Fact {
  if (typeof f === 'object' && f !== null && CHECKED.has(f)) return f as Fact;
  if (f === null || typeof f !== 'object' || Array.isArray(f)) {
    bad(fn, where, 'must be a fact { id, metric, year, value, unit, comparator, kind, provenance }', f);
  }
  const o = f as Record<string, unknown>;
  if (!text(o['id'])) bad(fn, `${where}.id`, 'must be a non-empty string', o['id']);
  if (!text(o['metric'])) bad(fn, `${where}.metric`, 'must be a non-empty string', o['metric']);
  if (!year(o['year'])) bad(fn, `${where}.year`, 'must be a whole calendar year', o['year']);
  if (o['fromYear'] !== undefined && (!year(o['fromYear']) || (o['fromYear'] as number) >= (o['year'] as number)))
    bad(fn, `${where}.fromYear`, `must be a whole year before ${o['year']}`, o['fromYear']);
  if (typeof o['value'] !== 'number' || !Number.isFinite(o['value']))
    bad(fn, `${where}.value`, 'must be a finite number', o['value']);
  if (typeof o['unit'] !== 'object' || o['unit'] === null) bad(fn, `${where}.unit`, 'must be a Unit', o['unit']);
  unitArg(fn, `${where}.unit`, o['unit']);
  if (typeof o['comparator'] !== 'string' || !Object.hasOwn(Comparator, o['comparator']))
    bad(fn, `${where}.comparator`, `must be one of ${Object.keys(Comparator).join(', ')}`, o['comparator']);
  if (typeof o['kind'] !== 'string' || !Object.hasOwn(FactKind, o['kind']))
    bad(fn, `${where}.kind`, `must be one of ${Object.keys(FactKind).join(', ')}`, o['kind']);
  const tol = o['tolerance'];
  if (tol !== undefined) {
    if (tol === null || typeof tol !== 'object') bad(fn, `${where}.tolerance`, 'must be an object', tol);
    for (const k of ['relative', 'absolute'] as const) {
      const v = (tol as Record<string, unknown>)[k];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0))
        bad(fn, `${where}.tolerance.${k}`, 'must be a finite number >= 0', v);
    }
    // A tolerance is always an assumption, and says which wording it reads.
    if (typeof (tol as Record<string, unknown>)['assumption'] !== 'string')
      bad(
        fn,
        `${where}.tolerance.assumption`,
        'must say what it assumes',
        (tol as Record<string, unknown>)['assumption'],
      );
  }
  const p = o['provenance'];
  if (p === null || typeof p !== 'object') bad(fn, `${where}.provenance`, 'must be an object', p);
  for (const k of ['document', 'publisher', 'section', 'quote'] as const) {
    const v = (p as Record<string, unknown>)[k];
    if (typeof v !== 'string') bad(fn, `${where}.provenance.${k}`, 'must be a string', v);
  }
  for (const k of ['published', 'publisherInferred', 'url', 'documentId'] as const) {
    const v = (p as Record<string, unknown>)[k];
    if (v !== undefined && typeof v !== 'string') bad(fn, `${where}.provenance.${k}`, 'must be a string', v);
  }
  // Whose translation the quote is: read into every source line, so checked as the other texts are.
  const t = (p as Record<string, unknown>)['translation'];
  if (t !== undefined) {
    if (t === null || typeof t !== 'object')
      bad(fn, `${where}.provenance.translation`, 'must be { by, date?, url? }', t);
    const tr = t as Record<string, unknown>;
    if (typeof tr['by'] !== 'string') bad(fn, `${where}.provenance.translation.by`, 'must be a string', tr['by']);
    for (const k of ['date', 'url'] as const)
      if (tr[k] !== undefined && typeof tr[k] !== 'string')
        bad(fn, `${where}.provenance.translation.${k}`, 'must be a string', tr[k]);
  }
  if (o['note'] !== undefined && typeof o['note'] !== 'string') bad(fn, `${where}.note`, 'must be a string', o['note']);
  // A derived figure's formula is printed with it, and the ids it is derived from name other facts.
  const d = o['derivation'];
  if (d !== undefined) {
    if (d === null || typeof d !== 'object') bad(fn, `${where}.derivation`, 'must be { formula, from }', d);
    const dr = d as Record<string, unknown>;
    if (typeof dr['formula'] !== 'string') bad(fn, `${where}.derivation.formula`, 'must be a string', dr['formula']);
    if (!Array.isArray(dr['from'])) bad(fn, `${where}.derivation.from`, 'must be an array of fact ids', dr['from']);
    (dr['from'] as unknown[]).forEach((id, i) => {
      if (!text(id)) bad(fn, `${where}.derivation.from[${i}]`, 'must be a fact id', id);
    });
  }
  return f as Fact;
}

/** The most facts in one list (a seed file holds at most 10,000 items). */
const MAX_FACTS = 10_000;

/**
 * `facts` as an array of checked Facts with unique ids (a list with an id twice is ambiguous), or with ids
 * that may repeat when `unique` is false (a later fact replacing an earlier one, as loadModel's extra facts do).
 */
export function asFacts(fn: string, facts: unknown, where = 'facts', unique = true): readonly Fact[] {
  if (!Array.isArray(facts)) bad(fn, where, 'must be an array of facts', facts);
  if (facts.length > MAX_FACTS) {
    throw new MetricsError(
      'too_large',
      `${fn}: ${where} has ${facts.length} facts, more than a list of facts here holds (got ${facts.length}; at most ${MAX_FACTS}).`,
      { length: facts.length },
    );
  }
  const ids = new Set<string>();
  for (let i = 0; i < facts.length; i++) {
    if (!(i in facts)) bad(fn, `${where}[${i}]`, 'is missing (a hole in the array)', undefined);
    const f = asFact(fn, facts[i], `${where}[${i}]`);
    if (unique && ids.has(f.id)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${where}[${i}] has the id "${f.id}" of an earlier fact (got it twice). Give each fact its own id.`,
        `${where}[${i}].id`,
        'an id not given before',
        f.id,
        { id: f.id, index: i },
      );
    }
    ids.add(f.id);
  }
  return facts as readonly Fact[];
}
