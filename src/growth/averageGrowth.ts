import { argumentError, show, assertOptions, optionNames } from '../internal/assert.js';
import { asSeries, type Series } from '../series/series.js';
import { cagr } from './cagr.js';

/** Options of {@link averageGrowth}. */
export interface AverageGrowthOptions {
  /** First year of the span; default the series' first year. Must be a year of the series. */
  readonly fromYear?: number;
  /** Last year of the span; default the series' last year. Must be a year of the series. */
  readonly toYear?: number;
}

const AVERAGE_GROWTH_OPTIONS = optionNames<AverageGrowthOptions>({ fromYear: true, toYear: true });

/**
 * Average (compound) yearly growth over a span of a series, which may be sparse: the CAGR between the
 * values at `fromYear` and `toYear`, over `toYear - fromYear` years. Years between need not be present.
 * @throws {MetricsError} not_found when a year is not in the series; invalid_argument when the span is empty
 * @example
 * averageGrowth(series({ id: 'bd', unit: 'CNY trillion', years: [2015, 2020], values: [0.2693, 1] })); // ≈ 0.3
 */
export function averageGrowth(s: Series, options: AverageGrowthOptions = {}): number {
  s = asSeries('averageGrowth', s); // a hand-built object is checked as series() checks its input
  assertOptions('averageGrowth', options, '{ fromYear, toYear }', AVERAGE_GROWTH_OPTIONS);
  const fromYear = options.fromYear ?? s.years[0];
  const toYear = options.toYear ?? s.years[s.years.length - 1];
  if (fromYear === undefined || toYear === undefined) {
    throw argumentError(
      'invalid_argument',
      `averageGrowth: series "${s.id}" is empty.`,
      's.years',
      'at least one year',
      s.years,
    );
  }
  const i = s.years.indexOf(fromYear);
  const j = s.years.indexOf(toYear);
  if (i < 0 || j < 0) {
    const missing = i < 0 ? fromYear : toYear;
    throw argumentError(
      'not_found',
      `averageGrowth: series "${s.id}" has no value for ${show(missing)}. Its years are ${show(s.years)}.`,
      i < 0 ? 'options.fromYear' : 'options.toYear',
      `a year of the series (${s.years.join(', ')})`,
      missing,
      { year: missing },
    );
  }
  if (toYear <= fromYear) {
    throw argumentError(
      'invalid_argument',
      `averageGrowth: toYear must be after fromYear (got ${fromYear} -> ${toYear}).`,
      'options.toYear',
      `> fromYear (${fromYear})`,
      toYear,
    );
  }
  return cagr(s.values[i] as number, s.values[j] as number, toYear - fromYear);
}
