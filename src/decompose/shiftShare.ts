import { argumentError, assertInteger, assertOptions, optionNames } from '../internal/assert.js';
import { assembleShiftShare, checkMatrix, checkNames, referenceOf, shiftShareCore } from './internal/shiftShareCore.js';
import type { ShiftShare } from './types.js';

/** What {@link shiftShare} takes: levels by region (rows) and sector (columns) in two years. */
export interface ShiftShareInput {
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  readonly fromYear: number;
  readonly toYear: number;
  /** Levels in `fromYear`, `base[r][j]` for region r, sector j. */
  readonly base: readonly (readonly number[])[];
  /** Levels in `toYear`. */
  readonly end: readonly (readonly number[])[];
  /**
   * Reference (national) levels by sector in both years. Default: the sum over the regions given,
   * which is right when they cover the whole country.
   */
  readonly reference?: { readonly base: readonly number[]; readonly end: readonly number[] };
}

const SHIFT_SHARE_INPUT = optionNames<ShiftShareInput>({
  regions: true,
  sectors: true,
  fromYear: true,
  toYear: true,
  base: true,
  end: true,
  reference: true,
});

/**
 * Classic shift-share analysis (Dunn 1960): the change of a region's sector from `fromYear` to `toYear`
 * splits exactly into a national growth effect `x0·G`, an industry mix effect `x0·(G_j - G)` and a
 * regional shift `x0·(g_rj - G_j)` (computed as `Δx - x0·G_j`, so a region starting from 0 in a sector is
 * fine). G is the reference total's growth, G_j the reference sector's growth.
 * Reference: E. S. Dunn (1960), "A statistical and analytical technique for regional analysis",
 * Papers of the Regional Science Association 6: 97-112.
 * @throws {MetricsError} invalid_argument for mismatched shapes, duplicate names, non-integer years or
 *   fromYear >= toYear, and a reference sector level <= 0 in the base year (no growth rate of it exists)
 *   or so small against its end level that the rate overflows (5e-324); degenerate when an effect overflows
 * @example
 * const r = shiftShare({ regions: ['r'], sectors: ['a', 'b'], fromYear: 2020, toYear: 2021,
 *   base: [[10, 10]], end: [[15, 10]], reference: { base: [100, 100], end: [120, 100] } });
 * [r.nationalGrowth[0], r.industryMix[0], r.regionalShift[0]]; // => [[1, 1], [1, -1], [3, 0]]
 */
export function shiftShare(input: ShiftShareInput): ShiftShare {
  const fn = 'shiftShare';
  // A misspelt field (`refrence`) would be ignored and the call answer another question.
  if (typeof input === 'object' && input !== null) assertOptions(fn, input, undefined, SHIFT_SHARE_INPUT);
  const { regions, sectors, fromYear, toYear, base, end, reference } = input ?? ({} as ShiftShareInput);
  checkNames(fn, 'regions', regions);
  checkNames(fn, 'sectors', sectors);
  assertInteger(fn, 'fromYear', fromYear);
  assertInteger(fn, 'toYear', toYear);
  if (toYear <= fromYear) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fromYear must come before toYear (got ${fromYear} -> ${toYear}).`,
      'toYear',
      `> fromYear (${fromYear})`,
      toYear,
      { fromYear, toYear },
    );
  }
  checkMatrix(fn, 'base', base, regions, sectors);
  checkMatrix(fn, 'end', end, regions, sectors);
  const refBase = referenceOf(fn, 'reference.base', reference?.base, base, sectors);
  const refEnd = referenceOf(fn, 'reference.end', reference?.end, end, sectors);
  // Without a reference, its levels are the column sums of base and end: an error names those.
  const c = shiftShareCore(fn, sectors, base, end, refBase, refEnd, `in ${fromYear}`, (which, j) =>
    reference === undefined ? [which] : ['reference', which, j],
  );
  return assembleShiftShare(fn, regions, sectors, fromYear, toYear, c.nationalRate, c.sectorRates, c);
}
