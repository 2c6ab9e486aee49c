import { assertFiniteRows, checkPanel, totalOf, sumColumn, assertPositiveTotal } from './internal/checkPanel.js';
import { RESIDUAL_SECTOR, TOTAL_SECTOR, type DecompositionRow, type Panel } from './types.js';

/** What {@link shares} returns. */
export interface Shares {
  readonly years: readonly number[];
  readonly sectors: readonly string[];
  /** The total the shares are of, per year: the stated total, or the sum of the sectors. */
  readonly total: readonly number[];
  /** `share[i][t]`: sector i's share of the total in year t, a fraction. */
  readonly share: readonly (readonly number[])[];
  /** Total minus the sum of the sectors, per year, in the panel's unit (all 0 without a stated total). */
  readonly residual: readonly number[];
  /** The residual as a share of the total: shares plus this sum to 1. */
  readonly residualShare: readonly number[];
  /** Tidy rows: `share` per sector and year, then `residual` and `residualShare` of `(residual)`, then `total`. */
  readonly rows: readonly DecompositionRow[];
}

/**
 * Shares of a total by sector and year. With a stated total, shares are of that total and the parts
 * are not rescaled: whatever they miss (or exceed) is reported as the residual, in units and as a share,
 * so `sum(shares) + residualShare = 1` in every year. Without one, the total is the sum of the sectors
 * and the residual is 0.
 * Negative sector values are allowed (net items); the total must be > 0.
 * @throws {MetricsError} invalid_argument for a malformed panel or a total <= 0 in some year; degenerate
 *   when a share or the residual overflows (a total of 5e-324 under sectors of a normal size)
 * @example
 * shares({ unit: parseUnit('CNY billion'), years: [2020], sectors: ['a', 'b'], values: [[30], [60]], total: [100] }).residualShare; // => [0.1]
 */
export function shares(p: Panel): Shares {
  checkPanel('shares', p);
  const total = totalOf(p);
  assertPositiveTotal('shares', p, total);
  const share = p.values.map((row) => row.map((v, t) => v / (total[t] as number)));
  const residual = p.years.map((_, t) => (p.total !== undefined ? (total[t] as number) - sumColumn(p, t) : 0));
  const residualShare = residual.map((r, t) => r / (total[t] as number));
  const rows: DecompositionRow[] = [];
  p.sectors.forEach((sector, i) =>
    p.years.forEach((year, t) => rows.push({ sector, year, value: share[i]?.[t] as number, measure: 'share' })),
  );
  p.years.forEach((year, t) => {
    rows.push({ sector: RESIDUAL_SECTOR, year, value: residual[t] as number, measure: 'residual' });
    rows.push({ sector: RESIDUAL_SECTOR, year, value: residualShare[t] as number, measure: 'residualShare' });
  });
  p.years.forEach((year, t) => rows.push({ sector: TOTAL_SECTOR, year, value: total[t] as number, measure: 'total' }));
  // The rows hold every number of the result.
  assertFiniteRows('shares', rows);
  return { years: p.years, sectors: p.sectors, total, share, residual, residualShare, rows };
}
