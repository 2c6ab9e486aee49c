import { assertFinite, argumentError } from '../internal/assert.js';
import type { YearValue } from '../series/series.js';
import { cagr } from './cagr.js';

/**
 * The constant yearly rate still required to go from the latest actual to a target:
 * `(target.value / latest.value)^(1 / (target.year - latest.year)) - 1`.
 * @param latest the latest observed level and its year (a fact or the last point of a series)
 * @param target the level to reach and the year to reach it by (a Target works as it is)
 * @throws {MetricsError} invalid_argument when the target year is not after the latest year, or a level is <= 0
 * @example
 * requiredCagr({ year: 2020, value: 1 }, { year: 2025, value: 3 }); // => 0.2457309396155174
 */
export function requiredCagr(latest: YearValue, target: YearValue): number {
  assertFinite('requiredCagr', {
    'latest.year': latest?.year,
    'latest.value': latest?.value,
    'target.year': target?.year,
    'target.value': target?.value,
  });
  if (target.year <= latest.year) {
    throw argumentError(
      'invalid_argument',
      `requiredCagr: the target year must come after the latest year (got ${latest.year} -> ${target.year}). Use the latest actual before the target year.`,
      'target.year',
      `> latest.year (${latest.year})`,
      target.year,
      { latestYear: latest.year, targetYear: target.year },
    );
  }
  if (latest.value <= 0 || target.value <= 0) {
    throw argumentError(
      'invalid_argument',
      `requiredCagr: both levels must be > 0 (got ${latest.value} and ${target.value}). A growth rate needs positive levels.`,
      latest.value <= 0 ? 'latest.value' : 'target.value',
      '> 0',
      latest.value <= 0 ? latest.value : target.value,
    );
  }
  return cagr(latest.value, target.value, target.year - latest.year);
}
