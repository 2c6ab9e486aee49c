import { argumentError } from '../internal/assert.js';
import { assertFiniteRows, checkPanel, totalOf, sumColumn, assertPositiveTotal } from './internal/checkPanel.js';
import { RESIDUAL_SECTOR, TOTAL_SECTOR, type DecompositionRow, type Panel } from './types.js';

/** What {@link contributions} returns: one period per pair of consecutive panel years. */
export interface Contributions {
  readonly sectors: readonly string[];
  /** First year of each period (the base). */
  readonly fromYears: readonly number[];
  /** Last year of each period; rows carry this year. */
  readonly toYears: readonly number[];
  /** The total's growth over each period: `T[t] / T[t-1] - 1`. */
  readonly growth: readonly number[];
  /** `contribution[i][k]`: `(x_i[t] - x_i[t-1]) / T[t-1]`, a fraction (0.05 = 5 percentage points). */
  readonly contribution: readonly (readonly number[])[];
  /**
   * `shareOfGrowth[i][k]`: `(x_i[t] - x_i[t-1]) / (T[t] - T[t-1])`; `null` in a period where the total
   * did not change (no share of a zero change exists).
   */
  readonly shareOfGrowth: readonly (readonly (number | null)[])[];
  /**
   * With a stated total: the contribution of the residual (total minus the sum of sectors), so that
   * sector contributions plus this equal `growth`. All 0 without a stated total.
   */
  readonly residualContribution: readonly number[];
  /** Share of growth of the residual (`null` where the total did not change). */
  readonly residualShareOfGrowth: readonly (number | null)[];
  /**
   * Tidy rows per period end year: `contribution` and `shareOfGrowth` per sector, the same for
   * `(residual)` when a total is stated, and `growth` of `total`. Null shares of growth are left out.
   */
  readonly rows: readonly DecompositionRow[];
}

/**
 * Contributions to growth, period by period (consecutive years of the panel; with gaps, a period spans
 * the gap and is not annualised). A sector's contribution is its change over the previous year's
 * total, `c_i = Δx_i / T[t-1]` (Chinese statistics: 拉动, "pulls the total up by c points"); the
 * contributions add up to the total's growth rate, `Σ c_i (+ residual) = T[t]/T[t-1] - 1`. A sector's
 * share of growth is its change over the total's change, `Δx_i / ΔT` (贡献率); shares of growth add up
 * to 1.
 * @throws {MetricsError} invalid_argument for a malformed panel, fewer than 2 years, or a total <= 0;
 *   degenerate when a contribution or growth rate overflows (a total of 5e-324 under sectors of a normal size)
 * @example
 * contributions({ unit: parseUnit('CNY billion'), years: [2020, 2021], sectors: ['a', 'b'], values: [[60, 70], [40, 45]] }).contribution; // => [[0.1], [0.05]]
 */
export function contributions(p: Panel): Contributions {
  checkPanel('contributions', p);
  if (p.years.length < 2) {
    throw argumentError(
      'invalid_argument',
      `contributions: the panel needs at least 2 years (got ${p.years.length}: ${p.years.join(', ')}). Add the base year.`,
      'panel.years',
      'at least 2 years',
      p.years,
    );
  }
  const total = totalOf(p);
  assertPositiveTotal('contributions', p, total);
  const periods = p.years.length - 1;
  const fromYears = p.years.slice(0, -1);
  const toYears = p.years.slice(1);
  const growth: number[] = [];
  const dTotal: number[] = [];
  for (let k = 0; k < periods; k++) {
    const d = (total[k + 1] as number) - (total[k] as number);
    dTotal.push(d);
    growth.push(d / (total[k] as number));
  }
  const contribution = p.values.map((row) =>
    fromYears.map((_, k) => ((row[k + 1] as number) - (row[k] as number)) / (total[k] as number)),
  );
  const shareOfGrowth = p.values.map((row) =>
    fromYears.map((_, k) => {
      const d = dTotal[k] as number;
      return d === 0 ? null : ((row[k + 1] as number) - (row[k] as number)) / d;
    }),
  );
  const residual = p.years.map((_, t) => (p.total !== undefined ? (total[t] as number) - sumColumn(p, t) : 0));
  const residualContribution = fromYears.map(
    (_, k) => ((residual[k + 1] as number) - (residual[k] as number)) / (total[k] as number),
  );
  const residualShareOfGrowth = fromYears.map((_, k) => {
    const d = dTotal[k] as number;
    return d === 0 ? null : ((residual[k + 1] as number) - (residual[k] as number)) / d;
  });
  const rows: DecompositionRow[] = [];
  const push = (sector: string, c: readonly number[], s: readonly (number | null)[]) => {
    toYears.forEach((year, k) => {
      rows.push({ sector, year, value: c[k] as number, measure: 'contribution' });
      const v = s[k];
      if (v !== null && v !== undefined) rows.push({ sector, year, value: v, measure: 'shareOfGrowth' });
    });
  };
  p.sectors.forEach((sector, i) => push(sector, contribution[i] as number[], shareOfGrowth[i] as (number | null)[]));
  if (p.total !== undefined) push(RESIDUAL_SECTOR, residualContribution, residualShareOfGrowth);
  toYears.forEach((year, k) =>
    rows.push({ sector: TOTAL_SECTOR, year, value: growth[k] as number, measure: 'growth' }),
  );
  // The rows hold every number of the result (a residual's, only with a stated total, is 0 otherwise).
  assertFiniteRows('contributions', rows);
  return {
    sectors: p.sectors,
    fromYears,
    toYears,
    growth,
    contribution,
    shareOfGrowth,
    residualContribution,
    residualShareOfGrowth,
    rows,
  };
}
