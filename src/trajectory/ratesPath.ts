import { argumentError, assertInteger, show, optionNames } from '../internal/assert.js';
import { checkRate, checkSpan, compoundPath } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';

/** Options of {@link ratesPath}. */
export interface RatesPathOptions extends PathSpan {
  /** The growth rate of each projected year (`fromYear + 1` … `toYear`, each exactly once, any order). */
  readonly rates: readonly { readonly year: number; readonly rate: number }[];
}

const RATES_PATH_OPTIONS = optionNames<RatesPathOptions>({ fromYear: true, toYear: true, base: true, rates: true });

/**
 * The path that grows by a given rate in each year: level(y) = level(y - 1) * (1 + rate of y).
 * Rates for years outside the span are ignored, so one list can serve several horizons.
 * @throws {MetricsError} missing_years when a projected year has no rate (naming them);
 *   invalid_argument for a year given twice, a rate <= -1 or > 3 (a percent) or a bad span
 * @example
 * ratesPath({ base: 100, fromYear: 2020, toYear: 2022, rates: [{ year: 2021, rate: 0.5 }, { year: 2022, rate: -0.5 }] }).levels; // => [100, 150, 75]
 */
export function ratesPath(options: RatesPathOptions): LevelPath {
  const fn = 'ratesPath';
  checkSpan(fn, options, RATES_PATH_OPTIONS);
  const { fromYear, toYear, rates } = options;
  if (!Array.isArray(rates)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: rates must be an array of { year, rate } (got ${show(rates)}).`,
      'rates',
      'an array of { year, rate }',
      rates,
    );
  }
  const byYear = new Map<number, number>();
  for (const [i, r] of rates.entries()) {
    assertInteger(fn, `rates[${i}].year`, r?.year);
    // Rates outside the span are ignored, so only the ones used must be plausible.
    checkRate(fn, `rates[${i}].rate`, r.rate, r.year, r.year > fromYear && r.year <= toYear);
    if (byYear.has(r.year)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: the rate for ${r.year} is given twice (rates[${i}]). Give one rate per year.`,
        `rates[${i}].year`,
        'a year without a rate before',
        r.year,
        { year: r.year },
      );
    }
    byYear.set(r.year, r.rate);
  }
  const missing: number[] = [];
  for (let y = fromYear + 1; y <= toYear; y++) if (!byYear.has(y)) missing.push(y);
  if (missing.length > 0) {
    throw argumentError(
      'missing_years',
      `${fn}: no rate for ${missing.join(', ')}. Give a rate for every year from ${fromYear + 1} to ${toYear} (the base year ${fromYear} needs none).`,
      'rates',
      `a rate for every year from ${fromYear + 1} to ${toYear}`,
      missing,
      { missing },
    );
  }
  return compoundPath(fn, options, (y) => byYear.get(y) as number);
}
