// Input checks shared by the chart builders: every problem becomes a MetricsError that names the
// builder, the row and the field, before vega ever sees the data.
import { MetricsError } from '../../errors.js';
import { argumentError, assertOptions, optionNames, type OptionRecord, show } from '../../internal/assert.js';
import { Comparator } from '../../targets/fact.js';
import { type Unit, unitArg } from '../../series/units.js';
import type { ActualPoint, ChartOptions, PlanPeriod, TargetMarker } from '../inputs.js';
import { checkLocale, type Locale } from '../../series/locale.js';

/** The most rows a chart takes: far more marks than a reader can tell apart, and vega slows to seconds beyond. */
export const MAX_ROWS = 10_000;

/** Throws invalid_argument unless `rows` is a non-empty array (or, with allowEmpty, any array). */
export function checkArray(
  fn: string,
  name: string,
  rows: unknown,
  allowEmpty = false,
  max = MAX_ROWS,
): asserts rows is readonly unknown[] {
  if (!Array.isArray(rows)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be an array of rows (got ${show(rows)}).`,
      name,
      'an array of rows',
      rows,
      { [name]: rows },
    );
  }
  if (!allowEmpty && rows.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} is empty (got []). A chart needs at least one row; check the result you mapped from.`,
      name,
      'at least one row',
      rows,
      { [name]: rows },
    );
  }
  if (rows.length > max) {
    throw new MetricsError(
      'too_large',
      `${fn}: ${name} has ${rows.length} rows, more than a chart can show (at most ${max}). Aggregate or sample them first.`,
      { rows: rows.length },
    );
  }
  // The row checks below use forEach, which skips the holes of a sparse array: refuse holes here.
  for (let i = 0; i < rows.length; i++) {
    if (!(i in rows)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name}[${i}] is missing (a hole in the array).`,
        `${name}[${i}]`,
        'a row',
        undefined,
        {
          index: i,
        },
      );
    }
  }
}

function rowOf(fn: string, name: string, row: unknown, i: number): Record<string, unknown> {
  if (typeof row !== 'object' || row === null) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name}[${i}] must be an object (got ${show(row)}).`,
      `${name}[${i}]`,
      'an object',
      row,
      { index: i },
    );
  }
  return row as Record<string, unknown>;
}

/** Checks that the named fields of every row are finite numbers (optional ones may be absent). */
export function checkNumbers(
  fn: string,
  name: string,
  rows: readonly unknown[],
  required: readonly string[],
  optional: readonly string[] = [],
): void {
  rows.forEach((row, i) => {
    const r = rowOf(fn, name, row, i);
    for (const f of [...required, ...optional]) {
      const v = r[f];
      if (v === undefined && !required.includes(f)) continue;
      if (typeof v !== 'number') {
        throw argumentError(
          'invalid_argument',
          `${fn}: ${name}[${i}].${f} must be a number (got ${show(v)}).`,
          `${name}[${i}].${f}`,
          'a number',
          v,
          { index: i, field: f },
        );
      }
      if (!Number.isFinite(v)) {
        throw argumentError(
          'non_finite',
          `${fn}: ${name}[${i}].${f} must be a finite number (got ${v}). Drop or fill the missing value before charting.`,
          `${name}[${i}].${f}`,
          'a finite number',
          v,
          { index: i, field: f },
        );
      }
    }
  });
}

/** Checks that the named fields of every row are integers (years). */
export function checkYears(
  fn: string,
  name: string,
  rows: readonly unknown[],
  fields: readonly string[] = ['year'],
): void {
  checkNumbers(fn, name, rows, fields);
  rows.forEach((row, i) => {
    for (const f of fields) {
      const v = (row as Record<string, unknown>)[f] as number;
      if (!Number.isInteger(v)) {
        throw argumentError(
          'invalid_argument',
          `${fn}: ${name}[${i}].${f} must be a whole calendar year (got ${v}).`,
          `${name}[${i}].${f}`,
          'a whole calendar year',
          v,
          { index: i, field: f },
        );
      }
    }
  });
}

/** A non-empty (or, with `allowEmpty`, possibly empty) array of rows with whole years and the named finite numbers. */
export function checkYearRows(
  fn: string,
  name: string,
  rows: unknown,
  required: readonly string[],
  optional: readonly string[] = [],
  allowEmpty = false,
): asserts rows is readonly unknown[] {
  checkArray(fn, name, rows, allowEmpty);
  checkYears(fn, name, rows);
  checkNumbers(fn, name, rows, required, optional);
}

/** Checks that the named fields of every row are non-empty strings (optional ones may be absent). */
export function checkStrings(
  fn: string,
  name: string,
  rows: readonly unknown[],
  required: readonly string[],
  optional: readonly string[] = [],
): void {
  rows.forEach((row, i) => {
    const r = rowOf(fn, name, row, i);
    for (const f of [...required, ...optional]) {
      const v = r[f];
      if (v === undefined && !required.includes(f)) continue;
      if (typeof v !== 'string' || v.trim() === '') {
        throw argumentError(
          'invalid_argument',
          `${fn}: ${name}[${i}].${f} must be a non-empty string (got ${show(v)}).`,
          `${name}[${i}].${f}`,
          'a non-empty string',
          v,
          { index: i, field: f },
        );
      }
    }
  });
}

/** Throws invalid_argument when two rows share the same key. */
export function checkUnique(fn: string, name: string, keys: readonly string[], what: string): void {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name} has two rows for ${what} ${k}. Keep one value per ${what}.`,
        `${name}[${i}]`,
        `one row per ${what}`,
        k,
        { key: k },
      );
    }
    seen.add(k);
  });
}

/** Checks target markers: year, value, a known comparator, a label and a source with a quote. */
export function checkTargets(fn: string, targets: readonly TargetMarker[] | undefined): void {
  if (targets === undefined) return;
  checkArray(fn, 'targets', targets, true);
  checkYears(fn, 'targets', targets);
  checkNumbers(fn, 'targets', targets, ['value']);
  checkStrings(fn, 'targets', targets, ['label']);
  targets.forEach((t, i) => {
    if (typeof t.comparator !== 'string' || !Object.hasOwn(Comparator, t.comparator)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: targets[${i}].comparator must be one of ${Object.keys(Comparator).join(', ')} (got ${show(t.comparator)}).`,
        `targets[${i}].comparator`,
        `one of ${Object.keys(Comparator).join(', ')}`,
        t.comparator,
        { index: i },
      );
    }
    if (typeof t.source !== 'object' || t.source === null) {
      throw argumentError(
        'invalid_argument',
        `${fn}: targets[${i}].source must be { document, quote } (got ${show(t.source)}). Every target quotes its document.`,
        `targets[${i}].source`,
        '{ document, quote }',
        t.source,
        { index: i },
      );
    }
    checkStrings(fn, `targets[${i}].source`, [t.source], ['document', 'quote']);
  });
}

/** Checks observed points: whole years, finite values, a known comparator and a string label when given. */
export function checkActuals(fn: string, actuals: readonly ActualPoint[] | undefined): void {
  if (actuals === undefined) return;
  checkYearRows(fn, 'actuals', actuals, ['value'], [], true);
  checkStrings(fn, 'actuals', actuals, [], ['label']);
  actuals.forEach((a, i) => {
    if (a.comparator !== undefined && (typeof a.comparator !== 'string' || !Object.hasOwn(Comparator, a.comparator))) {
      throw argumentError(
        'invalid_argument',
        `${fn}: actuals[${i}].comparator must be one of ${Object.keys(Comparator).join(', ')} (got ${show(a.comparator)}).`,
        `actuals[${i}].comparator`,
        `one of ${Object.keys(Comparator).join(', ')}`,
        a.comparator,
        { index: i },
      );
    }
  });
}

/** Checks plan periods: a label and fromYear <= toYear. */
export function checkPeriods(fn: string, periods: readonly PlanPeriod[] | undefined): void {
  if (periods === undefined) return;
  checkArray(fn, 'periods', periods, true);
  checkYears(fn, 'periods', periods, ['fromYear', 'toYear']);
  checkStrings(fn, 'periods', periods, ['label']);
  periods.forEach((p, i) => {
    if (p.fromYear > p.toYear) {
      throw argumentError(
        'invalid_argument',
        `${fn}: periods[${i}] ends before it starts (got ${p.fromYear}-${p.toYear}).`,
        `periods[${i}].toYear`,
        `>= fromYear (${p.fromYear})`,
        p.toYear,
        { index: i },
      );
    }
  });
}

/** Checks a fraction in [0, 1]. */
export function checkProbability(fn: string, name: string, p: unknown): asserts p is number {
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) {
    throw argumentError(
      typeof p === 'number' && !Number.isFinite(p) ? 'non_finite' : 'invalid_argument',
      `${fn}: ${name} must be a probability in [0, 1] (got ${show(p)}). Pass a fraction: 0.62, not 62.`,
      name,
      'a probability in [0, 1]',
      p,
      { [name]: p },
    );
  }
}

/** Throws invalid_argument unless each of `keys` in `options` is absent or text (titles, subtitles). */
export function checkTextOptions<K extends string>(
  fn: string,
  options: Partial<Record<K, unknown>>,
  keys: readonly K[],
): void {
  for (const k of keys) {
    if (options[k] !== undefined && typeof options[k] !== 'string') {
      throw argumentError(
        'invalid_argument',
        `${fn}: options.${k} must be text (got ${show(options[k])}).`,
        `options.${k}`,
        'text',
        options[k],
      );
    }
  }
}

/** The fields of {@link ChartOptions}, for a builder with more options to spread into its own optionNames. */
export const CHART_OPTION_FIELDS: OptionRecord<ChartOptions> = Object.freeze({
  unit: true,
  locale: true,
  title: true,
  subtitle: true,
  measure: true,
  width: true,
  height: true,
  source: true,
});

/** The options every chart builder takes ({@link ChartOptions}); a builder with more passes its own list. */
export const CHART_OPTIONS = optionNames<ChartOptions>(CHART_OPTION_FIELDS);

/**
 * Reads and checks the common options; returns the parsed unit and the plot size. An option not in `known`
 * (default {@link CHART_OPTIONS}; a builder with more options passes its own list) throws, naming the closest.
 */
export function checkOptions(
  fn: string,
  options: ChartOptions | undefined,
  known: readonly string[] = CHART_OPTIONS,
): { unit: Unit; locale: Locale; width: number; height: number } {
  if (typeof options !== 'object' || options === null) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options must be an object with at least { unit } (got ${show(options)}).`,
      'options',
      'an object with at least { unit }',
      options,
    );
  }
  assertOptions(fn, options, '{ unit }', known);
  if (options.unit === undefined) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.unit is required (got undefined). Say what the values measure, e.g. { unit: 'CNY trillion' }.`,
      'options.unit',
      'a unit',
      undefined,
    );
  }
  const unit = unitArg(fn, 'options.unit', options.unit);
  checkTextOptions(fn, options, ['title', 'subtitle', 'measure']);
  const locale = options.locale ?? 'en';
  checkLocale(fn, locale, 'options.locale');
  const size = (name: 'width' | 'height', fallback: number): number => {
    const v = options[name] ?? fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 50 || v > 4000) {
      throw argumentError(
        'invalid_argument',
        `${fn}: options.${name} must be a whole number of pixels in [50, 4000] (got ${show(v)}).`,
        `options.${name}`,
        'a whole number of pixels in [50, 4000]',
        v,
      );
    }
    return v;
  };
  const source = options.source;
  if (source !== undefined && (typeof source !== 'string' || source.trim() === '')) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.source must be a non-empty string (got ${show(source)}). Name where the numbers come from, e.g. 'Source: MIIT (2021)'.`,
      'options.source',
      'a non-empty string',
      source,
    );
  }
  return { unit, locale, width: size('width', 640), height: size('height', 360) };
}
