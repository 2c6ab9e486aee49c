import { MetricsError } from '../errors.js';
import { assertInteger } from '../internal/assert.js';
import { assembleShiftShare, checkMatrix, checkNames, referenceOf, shiftShareCore } from './internal/shiftShareCore.js';

/** The effects of shift-share analysis, as fixed names for tidy rows. */
export const ShiftShareEffect = {
  nationalGrowth: 'nationalGrowth',
  industryMix: 'industryMix',
  regionalShift: 'regionalShift',
  change: 'change',
} as const;
export type ShiftShareEffect = keyof typeof ShiftShareEffect;

/** One tidy row of a shift-share result; `sector` is `total` for a region's sum over sectors. */
export interface ShiftShareRow {
  readonly region: string;
  readonly sector: string;
  readonly year: number;
  readonly value: number;
  readonly measure: ShiftShareEffect;
}

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

/** What {@link shiftShare} returns; every matrix is region x sector, in the input's unit. */
export interface ShiftShare {
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  readonly fromYear: number;
  readonly toYear: number;
  /** Reference growth of all sectors together, G. */
  readonly nationalRate: number;
  /** Reference growth by sector, G_j. */
  readonly sectorRates: readonly number[];
  /** National growth effect (national share) `x0 · G`: the change had the region grown like the nation. */
  readonly nationalGrowth: readonly (readonly number[])[];
  /** Industry mix effect `x0 · (G_j - G)`: from being in sectors that grow faster or slower than the nation. */
  readonly industryMix: readonly (readonly number[])[];
  /** Regional (competitive) shift `x0 · (g_rj - G_j)`: from growing faster or slower than its sector nationally. */
  readonly regionalShift: readonly (readonly number[])[];
  /** The actual change `x1 - x0`; the three effects add up to it. */
  readonly change: readonly (readonly number[])[];
  /** Per region: the four figures summed over sectors. */
  readonly byRegion: readonly {
    readonly region: string;
    readonly nationalGrowth: number;
    readonly industryMix: number;
    readonly regionalShift: number;
    readonly change: number;
  }[];
  /** Tidy rows in `toYear`, per region and sector and per region (`sector: 'total'`). */
  readonly rows: readonly ShiftShareRow[];
}

/**
 * Classic shift-share analysis (Dunn 1960): the change of a region's sector from `fromYear` to `toYear`
 * splits exactly into a national growth effect `x0·G`, an industry mix effect `x0·(G_j - G)` and a
 * regional shift `x0·(g_rj - G_j)` (computed as `Δx - x0·G_j`, so a region starting from 0 in a sector is
 * fine). G is the reference total's growth, G_j the reference sector's growth.
 * Reference: E. S. Dunn (1960), "A statistical and analytical technique for regional analysis",
 * Papers of the Regional Science Association 6: 97-112.
 * @throws {MetricsError} invalid_argument for mismatched shapes, duplicate names, non-integer years or
 *   fromYear >= toYear, and a reference sector level <= 0 in the base year (no growth rate of it exists)
 * @example
 * const r = shiftShare({ regions: ['r'], sectors: ['a', 'b'], fromYear: 2020, toYear: 2021,
 *   base: [[10, 10]], end: [[15, 10]], reference: { base: [100, 100], end: [120, 100] } });
 * [r.nationalGrowth[0], r.industryMix[0], r.regionalShift[0]]; // => [[1, 1], [1, -1], [3, 0]]
 */
export function shiftShare(input: ShiftShareInput): ShiftShare {
  const fn = 'shiftShare';
  const { regions, sectors, fromYear, toYear, base, end, reference } = input ?? ({} as ShiftShareInput);
  checkNames(fn, 'regions', regions);
  checkNames(fn, 'sectors', sectors);
  assertInteger(fn, 'fromYear', fromYear);
  assertInteger(fn, 'toYear', toYear);
  if (toYear <= fromYear) {
    throw new MetricsError(
      'invalid_argument',
      `${fn}: fromYear must come before toYear (got ${fromYear} -> ${toYear}).`,
      { fromYear, toYear },
    );
  }
  checkMatrix(fn, 'base', base, regions, sectors);
  checkMatrix(fn, 'end', end, regions, sectors);
  const refBase = referenceOf(fn, 'reference.base', reference?.base, base, sectors);
  const refEnd = referenceOf(fn, 'reference.end', reference?.end, end, sectors);
  const c = shiftShareCore(fn, sectors, base, end, refBase, refEnd, `in ${fromYear}`);
  return assembleShiftShare(regions, sectors, fromYear, toYear, c.nationalRate, c.sectorRates, c);
}
