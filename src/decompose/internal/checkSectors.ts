import { MetricsError } from '../../errors.js';
import { argumentError, assertFinite, show } from '../../internal/assert.js';
import { assertPlausible } from '../../internal/plausible.js';

/** A sector's base share and yearly growth rate, as {@link totalCagrFromSectors} takes them. */
export interface SectorGrowth {
  readonly id: string;
  /** Share of the total in the base year, a fraction in [0, 1]. */
  readonly share: number;
  /** The sector's CAGR, a fraction > -1. */
  readonly rate: number;
}

/** Tolerance on the sum of base shares: they describe the whole base year, so they must add up to 1. */
export const SHARE_SUM_TOLERANCE = 1e-9;

/**
 * Checks ids, shares in [0, 1] summing to 1 (within 1e-9, never rescaled) and rates > -1.
 * `rateOptionalFor` names a sector whose rate may be absent.
 */
export function checkSectorGrowth(
  fn: string,
  sectors: readonly { readonly id: string; readonly share: number; readonly rate?: number }[],
  rateOptionalFor?: string,
): void {
  if (!Array.isArray(sectors) || sectors.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: sectors must be a non-empty array of { id, share, rate } (got ${show(sectors)}).`,
      'sectors',
      'a non-empty array of { id, share, rate }',
      sectors,
    );
  }
  const ids = new Set<string>();
  let sum = 0;
  for (const s of sectors) {
    if (typeof s?.id !== 'string' || s.id === '' || ids.has(s.id)) {
      throw new MetricsError(
        'invalid_argument',
        `${fn}: every sector needs a unique, non-empty id (got ${show(s?.id)}).`,
        { id: s?.id },
      );
    }
    ids.add(s.id);
    assertFinite(fn, { [`${s.id}.share`]: s.share });
    if (s.share < 0 || s.share > 1) {
      throw new MetricsError(
        'invalid_argument',
        `${fn}: the share of "${s.id}" must be in [0, 1] (got ${s.share}). Shares are fractions of the base-year total.`,
        { id: s.id, share: s.share },
      );
    }
    sum += s.share;
    if (s.rate === undefined && s.id === rateOptionalFor) continue;
    assertFinite(fn, { [`${s.id}.rate`]: s.rate });
    if ((s.rate as number) <= -1) {
      throw new MetricsError(
        'invalid_argument',
        `${fn}: the rate of "${s.id}" must be > -1 (got ${s.rate}). A level cannot fall by 100% or more a year.`,
        { id: s.id, rate: s.rate },
      );
    }
    assertPlausible(fn, `the rate of "${s.id}"`, s.rate, 'rate');
  }
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    throw new MetricsError(
      'invalid_argument',
      `${fn}: base shares must add up to 1 (got ${sum}). They are not rescaled; add the missing sector (e.g. "other") or fix the shares.`,
      { sum },
    );
  }
}
