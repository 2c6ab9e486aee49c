import type { Simulation } from './types.js';
import { argumentError, show } from '../internal/assert.js';

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
  checkResult(result);
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

/** Checks a result handed back in: series with as many finite means, sds and quantile values as years. */
function checkResult(result: Simulation): void {
  const fn = 'simulationToTidy';
  const fail = (where: string, what: string, got: unknown): never => {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${where} ${what} (got ${show(got)}). Pass a result of simulate or simulateSectors as it came.`,
      where,
      what.replace(/^must (be )?/, ''),
      got,
      { field: where },
    );
  };
  if (result === null || typeof result !== 'object') fail('result', 'must be a Monte Carlo result', result);
  if (!Array.isArray(result.series)) fail('result.series', 'must be an array', result.series);
  for (let i = 0; i < result.series.length; i++) {
    const s = result.series[i] as Simulation['series'][number];
    const w = `result.series[${i}]`;
    if (s === null || typeof s !== 'object') fail(w, 'must be an object', s);
    if (typeof s.id !== 'string') fail(`${w}.id`, 'must be a string', s.id);
    if (!Array.isArray(s.years) || !s.years.every((y) => Number.isInteger(y)))
      fail(`${w}.years`, 'must be whole years', s.years);
    const n = s.years.length;
    const finite = (a: unknown): boolean =>
      Array.isArray(a) && a.length === n && a.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!finite(s.mean)) fail(`${w}.mean`, `must be ${n} finite numbers`, s.mean);
    if (!finite(s.sd)) fail(`${w}.sd`, `must be ${n} finite numbers`, s.sd);
    if (!Array.isArray(s.quantiles)) fail(`${w}.quantiles`, 'must be an array', s.quantiles);
    for (let j = 0; j < s.quantiles.length; j++) {
      const q = s.quantiles[j] as (typeof s.quantiles)[number] | undefined;
      if (
        q === null ||
        q === undefined ||
        typeof q !== 'object' ||
        typeof q.level !== 'number' ||
        !(q.level >= 0 && q.level <= 1)
      )
        fail(`${w}.quantiles[${j}].level`, 'must be a level in [0, 1]', q?.level);
      if (!finite((q as { values: unknown }).values))
        fail(`${w}.quantiles[${j}].values`, `must be ${n} finite numbers`, (q as { values: unknown }).values);
    }
  }
}
