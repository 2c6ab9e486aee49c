// Not exported from the package: checks and builders shared by the path functions.
import { MetricsError } from '../../errors.js';
import { argumentError, assertFinite, assertInteger, assertOptions, show } from '../../internal/assert.js';
import type { LevelPath, PathSpan } from '../types.js';
import { assertPlausible } from '../../internal/plausible.js';

/** The most years a path may span; longer spans are refused as too_large. */
export const MAX_PATH_YEARS = 1000;

/**
 * Checks fromYear < toYear (whole years, at most MAX_PATH_YEARS apart) and base > 0; with `known` (the
 * function's option names, {@link optionNames}), first that `span` has no other field.
 */
export function checkSpan(fn: string, span: PathSpan, known?: readonly string[]): void {
  if (typeof span !== 'object' || span === null) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected { fromYear, toYear, base } (got ${show(span)}).`,
      [],
      '{ fromYear, toYear, base }',
      span,
    );
  }
  if (known !== undefined) assertOptions(fn, span, undefined, known);
  assertInteger(fn, 'fromYear', span.fromYear);
  assertInteger(fn, 'toYear', span.toYear);
  assertFinite(fn, { base: span.base });
  if (span.toYear <= span.fromYear) {
    throw argumentError(
      'invalid_argument',
      `${fn}: toYear must be after fromYear (got ${span.fromYear} -> ${span.toYear}). fromYear is the base year, toYear the last projected year.`,
      'toYear',
      `> fromYear (${span.fromYear})`,
      span.toYear,
      { fromYear: span.fromYear, toYear: span.toYear },
    );
  }
  if (span.toYear - span.fromYear > MAX_PATH_YEARS) {
    throw argumentError(
      'too_large',
      `${fn}: a path of ${spanYears(span.toYear - span.fromYear)} is more than ${MAX_PATH_YEARS} years (got ${span.fromYear} -> ${span.toYear}). Check the years.`,
      'toYear',
      `<= fromYear + ${MAX_PATH_YEARS} (${span.fromYear + MAX_PATH_YEARS})`,
      span.toYear,
      { fromYear: span.fromYear, toYear: span.toYear },
    );
  }
  if (span.base <= 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: base must be > 0 (got ${span.base}). Growth paths need a positive starting level.`,
      'base',
      '> 0',
      span.base,
      { base: span.base },
    );
  }
}

/** fromYear..toYear inclusive. */
export function yearsOf(fromYear: number, toYear: number): number[] {
  const out: number[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(y);
  return out;
}

/**
 * Checks a growth rate of a year: finite, > -1 and, unless `plausible` is false (a rate that is not used),
 * at most MAX_RATE (3, 300% a year: above it, a percent).
 */
export function checkRate(fn: string, name: string, rate: number, year?: number, plausible = true): void {
  assertFinite(fn, { [name]: rate });
  if (rate <= -1) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be > -1 (got ${rate}${year === undefined ? '' : ` for ${year}`}). Rates are fractions: -0.05 is a 5% fall.`,
      name,
      '> -1',
      rate,
      { rate, year },
    );
  }
  if (plausible) assertPlausible(fn, year === undefined ? name : `${name} (${year})`, rate, 'rate');
}

/** Builds a path by compounding `rateOf(year)` from the base; throws degenerate on overflow. */
export function compoundPath(fn: string, span: PathSpan, rateOf: (year: number) => number): LevelPath {
  const years = yearsOf(span.fromYear, span.toYear);
  const levels = [span.base];
  const rates: number[] = [];
  let level = span.base;
  for (let i = 1; i < years.length; i++) {
    const year = years[i] as number;
    const r = rateOf(year);
    level *= 1 + r;
    if (!Number.isFinite(level) || level <= 0) {
      throw new MetricsError(
        'degenerate',
        `${fn}: the level overflows or vanishes in ${year} (got ${level}). Check the rates are fractions (0.25, not 25).`,
        { year, level },
      );
    }
    rates.push(r);
    levels.push(level);
  }
  return freezePath(fn, years, levels, rates);
}

/** Builds a path from levels (all > 0), computing the rates; names the first year with a level <= 0. */
export function levelsPath(fn: string, years: number[], levels: number[]): LevelPath {
  const rates: number[] = [];
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i] as number;
    if (!Number.isFinite(l) || l <= 0) {
      throw new MetricsError(
        'degenerate',
        `${fn}: the level in ${years[i]} ${Number.isFinite(l) ? `is ${l}` : `overflows (got ${l})`}, and a growth path needs positive finite levels. Pick parameters that keep the level above 0 and below 1e300.`,
        { year: years[i], level: l },
      );
    }
    if (i > 0) rates.push(l / (levels[i - 1] as number) - 1);
  }
  return freezePath(fn, years, levels, rates);
}

/**
 * Freezes a built path after a last check: every level finite and > 0, every rate finite and > -1 (a
 * ratio of levels can still underflow to -1, e.g. from 1 to 5e-324), else degenerate naming the year.
 */
export function freezePath(fn: string, years: number[], levels: number[], rates: number[]): LevelPath {
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i] as number;
    const r = i === 0 ? 0 : (rates[i - 1] as number);
    if (!Number.isFinite(l) || l <= 0 || !Number.isFinite(r) || r <= -1) {
      throw new MetricsError(
        'degenerate',
        `${fn}: the path degenerates in ${years[i]} (level ${Number.isFinite(l) ? l : 'not finite'}, growth ${Number.isFinite(r) ? r : 'not finite: it overflows'}). Keep levels well above 0 and below 1e300.`,
        { year: years[i], level: l, rate: r },
      );
    }
  }
  return Object.freeze({ years: Object.freeze(years), levels: Object.freeze(levels), rates: Object.freeze(rates) });
}

/** A number of years in words, "1001 years", or "more years than a number holds" past the double's range. */
function spanYears(years: number): string {
  return Number.isFinite(years) ? `${years} years` : 'more years than a number holds';
}
