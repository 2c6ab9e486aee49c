import type { Unit } from '../series/units.js';

/**
 * Sector levels by year: `values[i][t]` is sector `sectors[i]` in `years[t]`, all in one `unit`.
 * `total`, when present, is a separately stated total (a headline figure or a plan target) per year;
 * without it the total is the sum of the sectors. Built and checked by {@link panel} or
 * {@link panelFromRows}; plain frozen data.
 */
export interface Panel {
  readonly unit: Unit;
  readonly years: readonly number[];
  readonly sectors: readonly string[];
  /** One row per sector, one column per year. */
  readonly values: readonly (readonly number[])[];
  /** The stated total per year, when there is one. */
  readonly total?: readonly number[];
}

/**
 * What a tidy decomposition row measures. Rates and shares are fractions (0.05 is 5% or 5 percentage
 * points); levels are in the panel's unit.
 * - `level`: a sector's level; `total`: the total (stated, or the sum of sectors).
 * - `share`: a sector's share of the total; `residual`: total minus the sum of sectors (units);
 *   `residualShare`: the residual as a share of the total.
 * - `contribution`: change of the sector over the total of the previous year (拉动, in points of growth).
 * - `shareOfGrowth`: change of the sector over the change of the total (贡献率).
 * - `growth`: the total's growth rate over the same period; `logGrowth`: its log growth `ln(T1/T0)`;
 *   `cagr`: its compound annual growth rate.
 * - `logContribution`, `cagrContribution`: contributions to the total's log growth and to its CAGR.
 */
export const DecompositionMeasure = Object.freeze({
  level: 'level',
  total: 'total',
  share: 'share',
  residual: 'residual',
  residualShare: 'residualShare',
  contribution: 'contribution',
  shareOfGrowth: 'shareOfGrowth',
  growth: 'growth',
  logGrowth: 'logGrowth',
  cagr: 'cagr',
  logContribution: 'logContribution',
  cagrContribution: 'cagrContribution',
} as const);
export type DecompositionMeasure = keyof typeof DecompositionMeasure;

/** One tidy row of a decomposition, for charts and CSV. The total's rows use the sector name `total`. */
export interface DecompositionRow {
  readonly sector: string;
  readonly year: number;
  readonly value: number;
  readonly measure: DecompositionMeasure;
}

/** The pseudo-sector that carries the gap between a stated total and the sum of its parts. */
export const RESIDUAL_SECTOR = '(residual)';

/** The sector name tidy rows use for the total. */
export const TOTAL_SECTOR = 'total';

/** The effects of shift-share analysis, as fixed names for tidy rows. */
export const ShiftShareEffect = Object.freeze({
  nationalGrowth: 'nationalGrowth',
  industryMix: 'industryMix',
  regionalShift: 'regionalShift',
  change: 'change',
} as const);
export type ShiftShareEffect = keyof typeof ShiftShareEffect;

/** One tidy row of a shift-share result; `sector` is `total` for a region's sum over sectors. */
export interface ShiftShareRow {
  readonly region: string;
  readonly sector: string;
  readonly year: number;
  readonly value: number;
  readonly measure: ShiftShareEffect;
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
