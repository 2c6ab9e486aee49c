import { MetricsError } from '../../errors.js';
import { argumentError, show } from '../../internal/assert.js';
import { parseUnit } from '../../series/units.js';
import { type DecompositionRow, RESIDUAL_SECTOR, TOTAL_SECTOR, type Panel } from '../types.js';

/**
 * Checks a Panel that may have been built by hand: integer, strictly increasing years; unique, non-empty
 * sector names (not `total` or `(residual)`); one finite value per sector and year; a total of the same
 * length. Throws invalid_argument / non_finite naming the sector and year.
 */
export function checkPanel(fn: string, p: Panel): void {
  if (typeof p !== 'object' || p === null) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a panel { unit, years, sectors, values } (got ${show(p)}). Build one with panel() or panelFromRows().`,
      'panel',
      'a panel { unit, years, sectors, values }',
      p,
    );
  }
  parseUnit(p.unit);
  if (!Array.isArray(p.years) || p.years.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: the panel needs at least one year (got ${show(p.years)}).`,
      'panel.years',
      'a non-empty array of years',
      p.years,
    );
  }
  for (let t = 0; t < p.years.length; t++) {
    const y = p.years[t];
    if (typeof y !== 'number' || !Number.isInteger(y) || (t > 0 && y <= (p.years[t - 1] as number))) {
      throw argumentError(
        'invalid_argument',
        `${fn}: years must be whole, strictly increasing calendar years (got ${show(y)} at position ${t}). Sort the years and remove duplicates.`,
        ['panel', 'years', t],
        t > 0 ? `a whole year after ${show(p.years[t - 1])}` : 'a whole calendar year',
        y,
        { index: t, year: y },
      );
    }
  }
  if (!Array.isArray(p.sectors) || p.sectors.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: the panel needs at least one sector (got ${show(p.sectors)}).`,
      'panel.sectors',
      'a non-empty array of sector names',
      p.sectors,
    );
  }
  const seen = new Set<string>();
  for (let i = 0; i < p.sectors.length; i++) {
    const s: unknown = p.sectors[i];
    if (typeof s !== 'string' || s.trim() === '') {
      throw argumentError(
        'invalid_argument',
        `${fn}: sector names must be non-empty strings (got ${show(s)}).`,
        ['panel', 'sectors', i],
        'a non-empty string',
        s,
        { sector: s },
      );
    }
    if (s === TOTAL_SECTOR || s === RESIDUAL_SECTOR) {
      throw argumentError(
        'invalid_argument',
        `${fn}: "${s}" is reserved for the total and the residual and cannot name a sector. Rename the sector.`,
        ['panel', 'sectors', i],
        `a name other than "${TOTAL_SECTOR}" and "${RESIDUAL_SECTOR}"`,
        s,
        { sector: s },
      );
    }
    if (seen.has(s)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: sector "${s}" appears twice. Give each sector one row.`,
        ['panel', 'sectors', i],
        'a name no other sector has',
        s,
        { sector: s },
      );
    }
    seen.add(s);
  }
  if (!Array.isArray(p.values) || p.values.length !== p.sectors.length) {
    throw argumentError(
      'invalid_argument',
      `${fn}: values needs one row per sector (${p.sectors.length}), got ${Array.isArray(p.values) ? p.values.length : show(p.values)}.`,
      'panel.values',
      `${p.sectors.length} rows, one per sector`,
      p.values,
    );
  }
  // An indexed loop, not forEach: forEach skips the holes of a sparse array.
  for (let i = 0; i < p.values.length; i++)
    checkRow(fn, `sector "${p.sectors[i]}"`, ['panel', 'values', i], p.values[i], p.years);
  if (p.total !== undefined) checkRow(fn, 'the total', ['panel', 'total'], p.total, p.years);
}

function checkRow(
  fn: string,
  what: string,
  path: readonly (string | number)[],
  row: unknown,
  years: readonly number[],
): void {
  if (!Array.isArray(row) || row.length !== years.length) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${what} needs one value per year (${years.length}), got ${Array.isArray(row) ? row.length : show(row)}.`,
      path,
      `${years.length} values, one per year`,
      row,
    );
  }
  for (let t = 0; t < years.length; t++) {
    const v: unknown = row[t];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw argumentError(
        typeof v === 'number' ? 'non_finite' : 'invalid_argument',
        `${fn}: ${what} has no finite value for ${years[t]} (got ${show(v)}). Fill or drop the year.`,
        [...path, t],
        'a finite number',
        v,
        { year: years[t], value: v },
      );
    }
  }
}

/** The total per year: the stated one, or the sum of the sectors. */
export function totalOf(p: Panel): number[] {
  if (p.total !== undefined) return [...p.total];
  return p.years.map((_, t) => sumColumn(p, t));
}

/** Sum of the sectors in year index `t`. */
export function sumColumn(p: Panel, t: number): number {
  let s = 0;
  for (const row of p.values) s += row[t] as number;
  return s;
}

/** Throws invalid_argument when the total is not > 0 in a year (a share or a growth rate of it means nothing). */
export function assertPositiveTotal(
  fn: string,
  p: Panel,
  total: readonly number[],
  onlyIndices?: readonly number[],
): void {
  const idx = onlyIndices ?? total.map((_, t) => t);
  for (const t of idx) {
    const v = total[t] as number;
    if (!(v > 0)) {
      const which = p.total !== undefined ? 'the stated total' : 'the sum of the sectors';
      throw argumentError(
        'invalid_argument',
        `${fn}: ${which} in ${p.years[t]} must be > 0 (got ${v}). Shares and growth rates need a positive total; check the signs and units of the data.`,
        p.total !== undefined ? ['panel', 'total', t] : ['panel', 'values'],
        '> 0',
        v,
        { year: p.years[t], total: v },
      );
    }
  }
}

/** Index of a year in the panel, or a not_found error listing the years there are. */
export function yearIndex(fn: string, p: Panel, year: number, name: string): number {
  const t = p.years.indexOf(year);
  if (t < 0) {
    throw argumentError(
      'not_found',
      `${fn}: ${name} ${show(year)} is not a year of the panel (${p.years.join(', ')}). Pick one of them.`,
      name,
      `a year of the panel (${p.years.join(', ')})`,
      year,
      { [name]: year },
    );
  }
  return t;
}

/**
 * Throws degenerate when a result row is not finite: levels near the largest double overflow in sums and
 * differences, and a total of a subnormal size (5e-324) under sectors of a normal size in the ratios. Says
 * so rather than return ±Infinity (as spanContributions does).
 */
export function assertFiniteRows(fn: string, rows: readonly DecompositionRow[]): void {
  const bad = rows.find((r) => !Number.isFinite(r.value));
  if (bad === undefined) return;
  throw new MetricsError(
    'degenerate',
    `${fn}: the ${bad.measure} of "${bad.sector}" in ${bad.year} overflows (got ${overflowed(bad.value)}). Check that the total and the sectors are in one unit, or rescale the panel (e.g. to billions).`,
    { sector: bad.sector, year: bad.year, measure: bad.measure },
  );
}

/**
 * An overflowed result for a message: ±Infinity as such; NaN, which only an overflow gives here (Infinity
 * over Infinity, or Infinity times 0), in words, not as "NaN".
 */
export function overflowed(value: number): string {
  return Number.isNaN(value) ? 'no number: levels past the largest double' : String(value);
}
