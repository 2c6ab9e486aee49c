import type { Simulation, SimulationRunOptions, SeriesModel } from './types.js';
import { prepare, RUN_OPTION_NAMES, SERIES_MODEL_NAMES } from './internal/prepare.js';
import { runEngine } from './internal/runEngine.js';
import { assertOptions, optionNames } from '../internal/assert.js';

/** Options of {@link simulate}: one series' path and uncertainty plus the run settings. */
export interface SimulateOptions extends SimulationRunOptions, SeriesModel {
  /** Name of the series in results and tidy rows; default `value`. */
  readonly id?: string;
}

const SIMULATE_OPTIONS = optionNames<SimulateOptions>({ ...RUN_OPTION_NAMES, ...SERIES_MODEL_NAMES, id: true });

/**
 * Monte Carlo simulation of one level series around a planned growth path, on a log-growth model:
 * `L_t = clamp(L_{t-1} (1 + g_t) (1 + shock_t) exp(e_t), floor, cap)`, where `e_t` is the yearly
 * deviation (normal or unit-variance Student-t with sd `volatility`, AR(1) with `persistence` and a
 * stationary start so every year's sd is `volatility`) plus a per-path mean offset (`meanUncertainty`)
 * plus rare jumps (`log(1 + rareShock.size)` with `rareShock.probability` a year). With zero uncertainty
 * every path is the deterministic plan path; otherwise the plan path is the median (not the mean) of a
 * lognormal level when the deviations are iid normal.
 *
 * Results are per-year type-7 quantiles (by selection, never sorting), mean, sample sd, attainment
 * probability of each target (key `probability`), P(CAGR >= g), first-crossing years and sample paths.
 * Paths are grouped in blocks of 1024, block b drawing from stream b of the seed: the same seed gives
 * bit-identical results whatever `workers` and `chunkSize`. Memory grows with paths, not years.
 * @returns a promise of plain JSON-serialisable data; see `simulationToTidy` for long rows
 * @throws {MetricsError} invalid_argument for bad options (each message says what to fix), too_large when
 *   the working memory would exceed `maxMemoryBytes` or `quantiles`, `targets`, `cagrThresholds` or
 *   `crossing` has more than 10,000 entries, aborted when `signal` fires
 * @example
 * const r = await simulate({ baseYear: 2020, baseValue: 1, toYear: 2022, growth: [0.1, 0.1],
 *   volatility: 0, paths: 10, seed: 1 });
 * r.series[0].quantiles[2].values; // => [1.1, 1.2100000000000002]
 */
export async function simulate(options: SimulateOptions): Promise<Simulation> {
  assertOptions('simulate', options, undefined, SIMULATE_OPTIONS);
  const p = prepare('simulate', options, [{ ...options, id: options?.id ?? 'value' }]);
  return runEngine('simulate', p, options);
}
