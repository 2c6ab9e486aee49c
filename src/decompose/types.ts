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
 * What a tidy decomposition row measures. Rates and shares are fractions (0.05 is 5 % or 5 percentage
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
