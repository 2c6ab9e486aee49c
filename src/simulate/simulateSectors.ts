import type { Simulation, SimulationRunOptions, SeriesModel } from './types.js';
import { prepare, RUN_OPTION_NAMES } from './internal/prepare.js';
import { runEngine } from './internal/runEngine.js';
import { MetricsError } from '../errors.js';
import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';

/** One sector of {@link simulateSectors}: an id plus its own base, growth path and uncertainty. */
export interface SectorModel extends SeriesModel {
  readonly id: string;
}

/** Options of {@link simulateSectors}. */
export interface SimulateSectorsOptions extends SimulationRunOptions {
  /** At least one sector; ids unique and not `total`. */
  readonly sectors: readonly SectorModel[];
  /**
   * Correlation matrix of the sectors' yearly deviations (symmetric, 1 on the diagonal, positive
   * semi-definite; a correlation of exactly 1 is allowed). Default: independent sectors.
   */
  readonly correlation?: readonly (readonly number[])[];
}

const SIMULATE_SECTORS_OPTIONS = optionNames<SimulateSectorsOptions>({
  ...RUN_OPTION_NAMES,
  sectors: true,
  correlation: true,
});

/** The most sectors one run simulates (their correlation matrix is sectors x sectors). */
const MAX_SECTORS = 1000;

/**
 * Monte Carlo simulation of several sectors whose yearly deviations are correlated (normals mixed by the
 * Cholesky factor of `correlation`; with `studentT` one chi-square draw per path and year is shared, a
 * multivariate t). Each sector follows the model of `simulate`. Results hold a series per sector and a
 * `total` (their sum, path by path); targets, CAGR thresholds and crossings refer to the total.
 * @throws {MetricsError} invalid_argument for bad options, including a correlation matrix that is not
 *   square, symmetric, within [-1, 1] with a unit diagonal, or positive semi-definite; too_large; aborted
 * @example
 * const r = await simulateSectors({ baseYear: 2020, toYear: 2021, paths: 4, seed: 7,
 *   sectors: [{ id: 'a', baseValue: 1, growth: [0.1], volatility: 0 },
 *             { id: 'b', baseValue: 2, growth: [0], volatility: 0 }] });
 * r.series.map((s) => s.mean[0]); // => [1.1, 2, 3.1]
 */
export async function simulateSectors(options: SimulateSectorsOptions): Promise<Simulation> {
  assertOptions('simulateSectors', options, undefined, SIMULATE_SECTORS_OPTIONS);
  const sectors = options.sectors;
  if (!Array.isArray(sectors) || sectors.length === 0) {
    throw argumentError(
      'invalid_argument',
      'simulateSectors: sectors must be a non-empty array of { id, baseValue, growth, volatility }. Give at least one sector.',
      'sectors',
      'a non-empty array of { id, baseValue, growth, volatility }',
      sectors,
    );
  }
  if (sectors.length > MAX_SECTORS) {
    throw new MetricsError(
      'too_large',
      `simulateSectors: at most ${MAX_SECTORS} sectors (got ${sectors.length}). Their correlation alone would be ${sectors.length} x ${sectors.length}; group them.`,
      { sectors: sectors.length },
    );
  }
  // Ids are checked (and duplicates named) before anything else is done for each sector.
  const ids = new Set<string>();
  for (const [i, s] of sectors.entries()) {
    if (typeof s?.id !== 'string' || s.id === '') {
      throw argumentError(
        'invalid_argument',
        `simulateSectors: sectors[${i}].id must be a non-empty string (got ${show(s?.id)}).`,
        `sectors[${i}].id`,
        'a non-empty string',
        s?.id,
      );
    }
    if (ids.has(s.id)) {
      throw argumentError(
        'invalid_argument',
        `simulateSectors: sector ids must be unique (got "${s.id}" twice).`,
        `sectors[${i}].id`,
        'an id not given before',
        s.id,
        {
          id: s.id,
        },
      );
    }
    ids.add(s.id);
  }
  const p = prepare('simulateSectors', options, sectors, options.correlation);
  return runEngine('simulateSectors', p, options);
}
