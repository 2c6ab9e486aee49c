import { argumentError, assertFinite, assertOptions, optionNames, show } from '../internal/assert.js';
import { assertPlausible } from '../internal/plausible.js';
import { checkSectorGrowth } from './internal/checkSectors.js';

/** Options of {@link requiredSectorCagr}. */
export interface RequiredSectorCagrOptions {
  /**
   * Base shares (summing to 1) and rates of all sectors; the rate of the `sector` being solved for is
   * ignored and may be left out.
   */
  readonly sectors: readonly { readonly id: string; readonly share: number; readonly rate?: number }[];
  /** The sector whose rate is solved for. */
  readonly sector: string;
  /** The total's CAGR to reach, a fraction > -1. */
  readonly targetCagr: number;
  /** Compounding periods, > 0. */
  readonly years: number;
}

const REQUIRED_SECTOR_CAGR_OPTIONS = optionNames<RequiredSectorCagrOptions>({
  sectors: true,
  sector: true,
  targetCagr: true,
  years: true,
});

/**
 * The CAGR sector k needs so that the total grows at `targetCagr` while every other sector stays on
 * its own rate. Closed form: the total's relative level `(1 + G)^n` must equal `Σ s_i (1 + g_i)^n`, so
 * `g_k = (((1 + G)^n - Σ_{i≠k} s_i (1 + g_i)^n) / s_k)^(1/n) - 1`.
 * @throws {MetricsError} invalid_argument for bad shares or rates (see {@link totalCagrFromSectors}),
 *   an unknown sector, a sector with share 0 (it cannot move the total), or a target the other sectors
 *   already overshoot so much that sector k would need a negative level
 * @example
 * requiredSectorCagr({ sectors: [{ id: 'a', share: 0.5, rate: 0 }, { id: 'b', share: 0.5 }], sector: 'b', targetCagr: 0.5, years: 1 }); // => 1
 */
export function requiredSectorCagr(options: RequiredSectorCagrOptions): number {
  const fn = 'requiredSectorCagr';
  assertOptions(fn, options, '{ sectors, sector, targetCagr, years }', REQUIRED_SECTOR_CAGR_OPTIONS);
  const { sectors, sector, targetCagr, years } = options;
  assertFinite(fn, { targetCagr, years });
  if (years <= 0)
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
  if (targetCagr <= -1)
    throw argumentError(
      'invalid_argument',
      `${fn}: targetCagr must be > -1 (got ${targetCagr}).`,
      'targetCagr',
      '> -1',
      targetCagr,
      { targetCagr },
    );
  assertPlausible(fn, 'targetCagr', targetCagr, 'rate');
  const k = Array.isArray(sectors) ? sectors.find((s) => s?.id === sector) : undefined;
  if (Array.isArray(sectors) && !k) {
    // Only the ids that are ids: a sector without one is named by checkSectorGrowth below.
    const ids = sectors.map((s) => s?.id).filter((id): id is string => typeof id === 'string');
    throw argumentError(
      'not_found',
      `${fn}: sector ${show(sector)} is not among the sectors (got ${ids.map((id) => show(id)).join(', ') || 'none with an id'}).`,
      'sector',
      `one of the sector ids`,
      sector,
      { sector },
    );
  }
  checkSectorGrowth(fn, sectors, sector);
  if (!k)
    throw argumentError(
      'not_found',
      `${fn}: sector ${show(sector)} not found.`,
      'sector',
      'one of the sector ids',
      sector,
      { sector },
    );
  if (k.share === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: sector "${sector}" has share 0 in the base year, so no growth rate of its own can move the total. Pick a sector with a positive share.`,
      'sector',
      'a sector with a share > 0',
      sector,
      { sector },
    );
  }
  const targetLevel = Math.exp(years * Math.log1p(targetCagr));
  let others = 0;
  for (const s of sectors) if (s.id !== sector) others += s.share * Math.exp(years * Math.log1p(s.rate as number));
  const needed = targetLevel - others;
  if (needed < 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: the other sectors alone reach ${others.toPrecision(6)} times the base total after ${years} years, above the target's ${targetLevel.toPrecision(6)}; "${sector}" would need a negative level. Lower the other sectors' rates or raise the target.`,
      'targetCagr',
      `a target the other sectors do not pass alone`,
      targetCagr,
      { others, targetLevel },
    );
  }
  return Math.expm1(Math.log(needed / k.share) / years);
}
