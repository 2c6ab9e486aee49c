import { MetricsError } from '../errors.js';
import { assertOneOf, assertOptions, optionNames } from '../internal/assert.js';
import { checkPanel, totalOf, assertPositiveTotal } from './internal/checkPanel.js';
import type { Panel } from './types.js';

/**
 * Gross & Sohl's (1990) two ways to turn history into top-down proportions:
 * - `averageShares`: the mean over years of each sector's share, `p_i = (1/T) Σ_t x_i,t / T_t`.
 * - `shareOfAverages`: each sector's mean over the mean total, `p_i = Σ_t x_i,t / Σ_t T_t`.
 */
export const ProportionsMethod = Object.freeze({
  averageShares: 'averageShares',
  shareOfAverages: 'shareOfAverages',
} as const);
export type ProportionsMethod = keyof typeof ProportionsMethod;

/** Options of {@link historicalProportions}. */
export interface HistoricalProportionsOptions {
  /** Default `averageShares`. */
  readonly method?: ProportionsMethod;
}

const HISTORICAL_PROPORTIONS_OPTIONS = optionNames<HistoricalProportionsOptions>({ method: true });

/**
 * Historical proportions of each sector for top-down reconciliation ({@link reconcile} with
 * `method: 'topDown'`). The proportions are of the sum of the sectors (they add up to 1); a stated
 * total in the panel is ignored here, since top-down splits a total among the sectors it consists of.
 * Reference: J. Gross and J. E. Sohl (1990), "Disaggregation methods to expedite product line
 * forecasting", Journal of Forecasting 9: 233-254.
 * @param options.method default `averageShares`
 * @throws {MetricsError} invalid_argument for a malformed panel, an unknown method, or a year where the
 *   sectors sum to <= 0
 * @example
 * historicalProportions({ unit: parseUnit('CNY billion'), years: [2020, 2021], sectors: ['a', 'b'], values: [[1, 3], [1, 1]] }); // => [0.625, 0.375]
 */
export function historicalProportions(p: Panel, options: HistoricalProportionsOptions = {}): number[] {
  const fn = 'historicalProportions';
  checkPanel(fn, p);
  assertOptions(fn, options, "{ method: 'averageShares' }", HISTORICAL_PROPORTIONS_OPTIONS);
  const method = options.method ?? 'averageShares';
  assertOneOf(fn, 'method', method, ProportionsMethod);
  const parts: Panel = { unit: p.unit, years: p.years, sectors: p.sectors, values: p.values };
  const sums = totalOf(parts);
  assertPositiveTotal(fn, parts, sums);
  if (method === 'averageShares') {
    return p.values.map((row) => row.reduce((s, v, t) => s + v / (sums[t] as number), 0) / p.years.length);
  }
  const grand = sums.reduce((s, v) => s + v, 0);
  if (!(grand > 0)) throw new MetricsError('degenerate', `${fn}: the sectors sum to ${grand} over all years.`);
  return p.values.map((row) => row.reduce((s, v) => s + v, 0) / grand);
}
