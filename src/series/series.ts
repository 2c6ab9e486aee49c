import { argumentError, assertCaller, assertInteger, pathOf, show } from '../internal/assert.js';
import { MetricsError } from '../errors.js';
import type { Provenance } from './provenance.js';
import { parseUnit, unitToString, type Unit } from './units.js';

/**
 * A year-indexed series with a unit: strictly increasing integer years (gaps allowed), finite values,
 * and optionally a provenance per point. Built by {@link series}; frozen, never mutated.
 */
export interface Series {
  readonly id: string;
  readonly unit: Unit;
  readonly years: readonly number[];
  readonly values: readonly number[];
  /** One entry per point (undefined where a point has none), when any point has a source. */
  readonly provenance?: readonly (Provenance | undefined)[];
}

/** One observation of a series. */
export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** What {@link series} accepts: parallel arrays, or points. */
export type SeriesInput =
  | {
      readonly id: string;
      readonly unit: string | Unit;
      readonly years: readonly number[];
      readonly values: readonly number[];
      readonly provenance?: readonly (Provenance | undefined)[];
    }
  | {
      readonly id: string;
      readonly unit: string | Unit;
      readonly points: readonly (YearValue & { readonly provenance?: Provenance })[];
    };

/**
 * Builds and validates a {@link Series}: integer, strictly increasing years; as many values as years;
 * finite values. The result and its arrays are frozen copies, so later changes to the input do not
 * reach it.
 * @throws {MetricsError} invalid_argument for unsorted, duplicate or non-integer years or unequal
 *   lengths; non_finite for NaN or ±Infinity values (named by year)
 * @example
 * series({ id: 'big-data', unit: 'CNY trillion', years: [2020, 2025], values: [1, 3] }).values; // => [1, 3]
 */
export function series(input: SeriesInput): Series {
  if (typeof input !== 'object' || input === null) {
    throw argumentError(
      'invalid_argument',
      `series: expected { id, unit, years, values } or { id, unit, points } (got ${show(input)}).`,
      [],
      '{ id, unit, years, values } or { id, unit, points }',
      input,
    );
  }
  const id = input.id;
  if (typeof id !== 'string' || id.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `series: id must be a non-empty string (got ${show(id)}).`,
      'id',
      'a non-empty string',
      id,
      { id },
    );
  }
  const unit = parseUnit(input.unit);
  let years: readonly unknown[];
  let values: readonly unknown[];
  let provenance: readonly (Provenance | undefined)[] | undefined;
  if ('points' in input) {
    if (!Array.isArray(input.points)) {
      throw argumentError(
        'invalid_argument',
        `series(${id}): points must be an array of { year, value } (got ${show(input.points)}).`,
        'points',
        'an array of { year, value }',
        input.points,
      );
    }
    years = input.points.map((p) => p?.year);
    values = input.points.map((p) => p?.value);
    const prov = input.points.map((p) => p?.provenance);
    provenance = prov.some((p) => p !== undefined) ? prov : undefined;
  } else {
    if (!Array.isArray(input.years) || !Array.isArray(input.values)) {
      const bad = Array.isArray(input.years) ? 'values' : 'years';
      throw argumentError(
        'invalid_argument',
        `series(${id}): years and values must be arrays (got ${show(input.years)} and ${show(input.values)}).`,
        bad,
        'an array',
        input[bad],
      );
    }
    years = input.years;
    values = input.values;
    provenance = input.provenance;
  }
  if (years.length !== values.length) {
    throw argumentError(
      'invalid_argument',
      `series(${id}): ${years.length} years but ${values.length} values. Give one value per year.`,
      'values',
      `${years.length} values, one per year`,
      values,
      { years: years.length, values: values.length },
    );
  }
  if (provenance !== undefined && provenance.length !== years.length) {
    throw argumentError(
      'invalid_argument',
      `series(${id}): ${provenance.length} provenance entries for ${years.length} years. Give one per point (undefined where none).`,
      'provenance',
      `${years.length} entries, one per year`,
      provenance,
    );
  }
  // Where point i's year or value is in the input, for the errors' issues.
  const at = (i: number, field: 'year' | 'value'): (string | number)[] =>
    'points' in input ? ['points', i, field] : [`${field}s`, i];
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (typeof y !== 'number' || !Number.isInteger(y) || Math.abs(y) > 100_000) {
      throw argumentError(
        'invalid_argument',
        `series(${id}): years[${i}] must be a whole calendar year, within ±100000 (got ${show(y)}).`,
        at(i, 'year'),
        'a whole calendar year within ±100000',
        y,
        { index: i, year: y },
      );
    }
    if (i > 0 && y <= (years[i - 1] as number)) {
      const what = y === years[i - 1] ? 'appears twice' : 'comes after a later year';
      throw argumentError(
        'invalid_argument',
        `series(${id}): year ${y} ${what}. Years must be strictly increasing; sort them and remove duplicates.`,
        at(i, 'year'),
        `a year after ${years[i - 1] as number}`,
        y,
        { index: i, year: y },
      );
    }
    const v = values[i];
    if (typeof v !== 'number') {
      throw argumentError(
        'invalid_argument',
        `series(${id}): the value for ${y} must be a number (got ${show(v)}).`,
        at(i, 'value'),
        'a number',
        v,
        { year: y, value: v },
      );
    }
    if (!Number.isFinite(v)) {
      throw argumentError(
        'non_finite',
        `series(${id}): the value for ${y} is ${v}. Remove the year or fill it (see interpolate).`,
        at(i, 'value'),
        'a finite number',
        v,
        { year: y, value: v },
      );
    }
  }
  const out: Series = {
    id,
    unit,
    years: Object.freeze([...(years as number[])]),
    values: Object.freeze([...(values as number[])]),
    ...(provenance !== undefined ? { provenance: Object.freeze([...provenance]) } : {}),
  };
  BUILT.add(out);
  return Object.freeze(out);
}

/** Series made by {@link series}: frozen and checked, so {@link asSeries} need not check them again. */
const BUILT = new WeakSet<object>();

/** The window {@link fitPrefix} is fitting now: cut from a checked series and frozen, so asSeries takes it as it is. */
let trustedWindow: Series | undefined;

/**
 * Runs `fitWindow` on the first `length` points of a checked series (internal, not exported from the package: the
 * windows of rolling-origin refits). The window is frozen, and while `fitWindow` runs asSeries takes it as it is:
 * it is cut from a series() result, so it needs no second check, nor a WeakSet entry as series() results get
 * (which made calibrate(naive) cost about 4.8 times naive instead of 4.6, measured in the same run). After
 * the call it is checked like any hand-built object.
 * @throws {MetricsError} invalid_argument unless `s` came from series() and 1 <= length <= its length;
 *   what `fitWindow` throws
 */
export function fitPrefix<T>(s: Series, length: number, fitWindow: (window: Series) => T): T {
  if (!BUILT.has(s) || !Number.isInteger(length) || length < 1 || length > s.values.length) {
    throw argumentError(
      'invalid_argument',
      `fitPrefix: expected a series() result and a length in [1, ${s?.values?.length}] (got ${show(length)}). Check the series with asSeries first.`,
      'length',
      'a series() result and a length within it',
      length,
    );
  }
  const w: { -readonly [K in keyof Series]: Series[K] } = {
    id: s.id,
    unit: s.unit,
    years: frozenHead(s.years, length),
    values: frozenHead(s.values, length),
  };
  if (s.provenance !== undefined) w.provenance = frozenHead(s.provenance, length);
  const before = trustedWindow;
  trustedWindow = Object.freeze(w);
  try {
    return fitWindow(trustedWindow);
  } finally {
    trustedWindow = before;
  }
}

/** The first `length` items of `a`, frozen: a spread copy cut short, since slice() of a frozen array takes V8's slow path. */
function frozenHead<T>(a: readonly T[], length: number): readonly T[] {
  const out = [...a];
  out.length = length;
  return Object.freeze(out);
}

/**
 * `s` as a checked Series (internal, not exported from the package): a series() result as it is, anything
 * else (a hand-built object) checked as series() checks its input, with errors under `fn`'s name.
 * Functions that take a Series call it first, so a hostile object gets a MetricsError, not a TypeError.
 */
export function asSeries(fn: string, s: unknown, name = 'series'): Series {
  if (typeof s === 'object' && s !== null && (s === trustedWindow || BUILT.has(s))) return s as Series;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be a Series (got ${show(s)}). Build one with series({ id, unit, years, values }).`,
      name,
      'a Series',
      s,
      { [name]: s },
    );
  }
  try {
    return series(s as SeriesInput);
  } catch (e) {
    if (!(e instanceof MetricsError)) throw e;
    throw new MetricsError(
      e.code,
      `${fn}: ${name} is not a valid Series: ${e.message}`,
      { ...e.details },
      e.issues.map((i) => ({ ...i, path: [...pathOf(name), ...i.path] })),
    );
  }
}

const MAX_LISTED = 1000;

/**
 * Throws missing_years unless the series has every year from its first to its last, naming the gaps.
 * @throws {MetricsError} missing_years, with `details.missing` listing the absent years (the first 1000)
 *   and `details.count` their number
 */
export function assertAnnual(fn: string, s: Series): void {
  assertCaller('assertAnnual', fn);
  const checked = asSeries(fn, s);
  const missing: number[] = [];
  let count = 0;
  for (let i = 1; i < checked.years.length; i++) {
    const from = (checked.years[i - 1] as number) + 1;
    const to = checked.years[i] as number;
    count += to - from;
    // Listing stops at MAX_LISTED: a gap of 10^12 years must not be enumerated.
    for (let y = from; y < to && missing.length < MAX_LISTED; y++) missing.push(y);
  }
  if (count > 0) {
    const list = count > 8 ? `${missing.slice(0, 8).join(', ')}, … (${count} in all)` : missing.join(', ');
    throw argumentError(
      'missing_years',
      `${fn}: series "${checked.id}" has no values for ${list}. Fill them with interpolate(series) or use averageGrowth for sparse data.`,
      'series.years',
      `every year from ${checked.years[0] as number} to ${checked.years[checked.years.length - 1] as number}`,
      checked.years,
      { missing, count },
    );
  }
}

/** The value of a series in a year, or undefined when the year is absent. */
export function valueAt(s: Series, year: number): number | undefined {
  const checked = asSeries('valueAt', s);
  assertInteger('valueAt', 'year', year);
  const i = checked.years.indexOf(year);
  return i < 0 ? undefined : checked.values[i];
}

/** A row of a tidy (long) table: one value of one series in one year. */
export interface TidyRow {
  readonly series: string;
  readonly year: number;
  readonly value: number;
  readonly unit: string;
  readonly scenario?: string;
  readonly lower?: number;
  readonly upper?: number;
  readonly level?: number;
  readonly source?: string;
}

/**
 * The series as long rows `{ series, year, value, unit, source? }`, ready for charts and CSV.
 * @example
 * toTidy(series({ id: 'x', unit: 'count', years: [2020], values: [5] })); // => [{ series: 'x', year: 2020, value: 5, unit: 'count' }]
 */
export function toTidy(s: Series): TidyRow[] {
  const checked = asSeries('toTidy', s);
  return checked.years.map((year, i) => {
    const p = checked.provenance?.[i];
    return {
      series: checked.id,
      year,
      value: checked.values[i] as number,
      unit: unitToString(checked.unit),
      ...(p ? { source: `${p.publisher}, ${p.document}, ${p.section}` } : {}),
    };
  });
}
