import { argumentError, show } from '../internal/assert.js';
import { unitArg } from '../series/units.js';

function bad(fn: string, where: string, what: string, got: unknown): never {
  throw argumentError(
    'invalid_argument',
    `${fn}: ${where} ${what} (got ${show(got)}). Pass what project() returned, as it came.`,
    where,
    what.replace(/^must (be )?/, ''),
    got,
    { field: where },
  );
}

/**
 * Checks a projection's levels: a unit, consecutive whole years, one finite level > 0 per year and, when
 * `full`, the model id and scenario names and one finite rate > -1 per year after the first.
 */
export function checkProjection(fn: string, p: unknown, where = 'projection', full = false): void {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) bad(fn, where, 'must be a projection', p);
  const o = p as Record<string, unknown>;
  unitArg(fn, `${where}.unit`, o['unit']);
  const years = o['years'];
  const levels = o['levels'];
  if (!Array.isArray(years) || years.length < 1) bad(fn, `${where}.years`, 'must be a non-empty array of years', years);
  for (let i = 0; i < years.length; i++) {
    const y: unknown = years[i];
    if (typeof y !== 'number' || !Number.isInteger(y) || (i > 0 && y !== (years[i - 1] as number) + 1))
      bad(fn, `${where}.years[${i}]`, 'must continue the consecutive whole years', y);
  }
  if (!Array.isArray(levels) || levels.length !== years.length)
    bad(fn, `${where}.levels`, `must be one level per year (${years.length})`, levels);
  for (let i = 0; i < levels.length; i++) {
    const v: unknown = levels[i];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
      bad(fn, `${where}.levels[${i}]`, 'must be a finite number > 0', v);
  }
  if (!full) return;
  for (const k of ['modelId', 'scenario'] as const)
    if (typeof o[k] !== 'string' || (o[k] as string) === '')
      bad(fn, `${where}.${k}`, 'must be a non-empty string', o[k]);
  const rates = o['rates'];
  if (!Array.isArray(rates) || rates.length !== years.length - 1)
    bad(fn, `${where}.rates`, `must be one rate per year after the first (${years.length - 1})`, rates);
  for (let i = 0; i < rates.length; i++) {
    const r: unknown = rates[i];
    if (typeof r !== 'number' || !Number.isFinite(r) || r <= -1)
      bad(fn, `${where}.rates[${i}]`, 'must be a finite number > -1', r);
  }
}
