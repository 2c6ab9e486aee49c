import { MetricsError } from '../errors.js';
import { assertFinite, argumentError } from '../internal/assert.js';
import { checkSectorGrowth, type SectorGrowth } from './internal/checkSectors.js';

export type { SectorGrowth } from './internal/checkSectors.js';

/**
 * The total's CAGR when each sector grows at its own constant rate from its base share:
 * the total's level after n years, relative to the base, is `Σ s_i (1 + g_i)^n`, so
 * `G = (Σ s_i (1 + g_i)^n)^(1/n) - 1`. G lies between the smallest and largest sector rate and drifts
 * towards the fastest-growing sector as n grows (the mix shifts to it).
 * @param sectors base shares (summing to 1) and rates
 * @param years compounding periods, > 0
 * @throws {MetricsError} invalid_argument for shares outside [0, 1] or not summing to 1 (within 1e-9;
 *   never rescaled), rates <= -1, or years <= 0
 * @example
 * totalCagrFromSectors([{ id: 'a', share: 0.5, rate: 0 }, { id: 'b', share: 0.5, rate: 1 }], 1); // => 0.5
 */
export function totalCagrFromSectors(sectors: readonly SectorGrowth[], years: number): number {
  const fn = 'totalCagrFromSectors';
  checkSectorGrowth(fn, sectors);
  assertFinite(fn, { years });
  if (years <= 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: years must be > 0 (got ${years}). Pass toYear - fromYear.`,
      'years',
      '> 0',
      years,
      {
        years,
      },
    );
  }
  // Σ s_i (1 + g_i)^n in logs: exp(n log1p(g)) keeps small rates accurate.
  let level = 0;
  for (const s of sectors) level += s.share * Math.exp(years * Math.log1p(s.rate));
  if (!(level > 0) || !Number.isFinite(level)) {
    throw new MetricsError(
      'degenerate',
      `${fn}: the total's level after ${years} years is ${level}; no growth rate describes it.`,
      { level },
    );
  }
  return Math.expm1(Math.log(level) / years);
}
