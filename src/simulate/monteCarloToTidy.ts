import type { Simulation } from './monteCarloTypes.js';

/** A long row of a Monte Carlo result. `quantile` is the level for quantile rows, null otherwise. */
export interface SimulationTidyRow {
  readonly series: string;
  readonly year: number;
  readonly statistic: 'quantile' | 'mean' | 'sd';
  readonly quantile: number | null;
  readonly value: number;
}

/**
 * Long rows `{ series, year, statistic, quantile, value }` of a Monte Carlo result, for charts and CSV:
 * per series and year, one row per quantile level, then the mean and the sd.
 * @example
 * const r = await simulate({ baseYear: 2020, baseValue: 1, toYear: 2021, growth: [0.1], volatility: 0,
 *   paths: 3, seed: 1, quantiles: [0.5] });
 * simulationToTidy(r)[0]; // => { series: 'value', year: 2021, statistic: 'quantile', quantile: 0.5, value: 1.1 }
 */
export function simulationToTidy(result: Simulation): SimulationTidyRow[] {
  const rows: SimulationTidyRow[] = [];
  for (const s of result.series) {
    s.years.forEach((year, t) => {
      for (const q of s.quantiles)
        rows.push({ series: s.id, year, statistic: 'quantile', quantile: q.level, value: q.values[t]! });
      rows.push({ series: s.id, year, statistic: 'mean', quantile: null, value: s.mean[t]! });
      rows.push({ series: s.id, year, statistic: 'sd', quantile: null, value: s.sd[t]! });
    });
  }
  return rows;
}
