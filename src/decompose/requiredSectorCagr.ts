import { MetricsError } from '../errors.js';
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

/** The largest |n log(1 + g)| the closed form takes as written: e^700 is about 1e304, short of overflow. */
const MAX_EXPONENT = 700;

const REQUIRED_SECTOR_CAGR_OPTIONS = optionNames<RequiredSectorCagrOptions>({
  sectors: true,
  sector: true,
  targetCagr: true,
  years: true,
});

/**
 * The CAGR sector k needs so that the total grows at `targetCagr` while every other sector stays on
 * its own rate. Closed form: the total's relative level `(1 + G)^n` must equal `Σ s_i (1 + g_i)^n`, so
 * `g_k = (((1 + G)^n - Σ_{i≠k} s_i (1 + g_i)^n) / s_k)^(1/n) - 1` (in logs where a growth factor would
 * overflow or underflow, or n is a fraction of a year, as in {@link totalCagrFromSectors}).
 * @throws {MetricsError} invalid_argument for bad shares or rates (see {@link totalCagrFromSectors}),
 *   an unknown sector, a sector with share 0 (it cannot move the total), or a target the other sectors
 *   already overshoot so much that sector k would need a negative level; degenerate when the rate needed
 *   overflows (a sector with a share of 1e-320 that must carry the total)
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
  // The base total is the shares' sum (1 within 1e-9): (1 + G)^n is relative to it, as in
  // totalCagrFromSectors. Over an ordinary span, the closed form as written; when a growth factor would
  // overflow or underflow (5e200 years gave NaN) or the span is a fraction of a year (a tiny n lost every
  // digit), the same in logs with the largest factor e^(nM) taken out of every term, M the largest of
  // log1p of the target and of the other sectors' rates:
  // s_k e^(n (a_k - M)) = base e^(n (b - M)) - Σ_{i≠k} s_i e^(n (a_i - M)), every exponential <= 1.
  const b = Math.log1p(targetCagr);
  let base = 0;
  let M = b;
  let far = Math.abs(years * b) > MAX_EXPONENT;
  for (const s of sectors) {
    base += s.share;
    if (s.id === sector || !(s.share > 0)) continue;
    const a = Math.log1p(s.rate as number);
    M = Math.max(M, a);
    if (Math.abs(years * a) > MAX_EXPONENT) far = true;
  }
  const inLogs = far || years < 1;
  const shift = inLogs ? M : 0;
  let others = 0;
  // With the shift, D / s_k - 1 from expm1 terms, which keeps a short span (a tiny n) accurate.
  let othersBelow = 0;
  for (const s of sectors) {
    if (s.id === sector || !(s.share > 0)) continue;
    const x = years * (Math.log1p(s.rate as number) - shift);
    others += s.share * Math.exp(x);
    othersBelow += s.share * Math.expm1(x);
  }
  const xTarget = years * (b - shift);
  const needed = base * Math.exp(xTarget) - others;
  if (needed < 0) {
    // The others' own CAGR of the base total, finite whatever the years: (others e^(n shift) / base)^(1/n) - 1.
    const othersCagr = Math.expm1(shift + Math.log(others / base) / years);
    throw argumentError(
      'invalid_argument',
      `${fn}: the other sectors alone grow the base total by ${othersCagr.toPrecision(6)} a year over ${years} years, above the target's ${targetCagr}; "${sector}" would need a negative level. Lower the other sectors' rates or raise the target.`,
      'targetCagr',
      `a target the other sectors do not pass alone`,
      targetCagr,
      { othersCagr, targetCagr },
    );
  }
  let logRatio: number;
  if (!inLogs) logRatio = Math.log(needed / k.share);
  else {
    const v = (base * Math.expm1(xTarget) - othersBelow) / k.share;
    logRatio = v > -0.5 ? Math.log1p(v) : Math.log(needed / k.share);
  }
  const g = Math.expm1(shift + logRatio / years);
  if (!Number.isFinite(g)) {
    // A sector with a share of 1e-320 that must carry the total: its rate is past the largest double.
    throw new MetricsError(
      'degenerate',
      `${fn}: the rate "${sector}" needs overflows (got share ${k.share} over ${years} years). A sector that small cannot carry the total; pick a larger one.`,
      { sector, share: k.share, years },
    );
  }
  return g;
}
