import { MetricsError } from '../errors.js';
import { assertInteger, assertOptions, optionNames, show, argumentError } from '../internal/assert.js';
import { rng } from '../random/rng.js';
import { checkMethod } from './internal/checkMethod.js';
import { forecastQuantiles } from './forecastQuantiles.js';
import { assertSmallSample, MAX_SIMULATED } from './internal/common.js';
import type { ForecastFit, ForecastMethod } from './types.js';

/** Options of {@link samplePaths}. */
export interface SamplePathsOptions {
  /** Number of paths, >= 1. */
  readonly paths: number;
  /** Seed of the generator (a whole number >= 0): the same seed gives the same paths. */
  readonly seed: number;
  /**
   * As the forecast's `smallSample` (default true): under 10 observations model paths are Student-t with the
   * intervals' degrees of freedom, so their quantiles match the intervals; `false`: Gaussian, as R's.
   */
  readonly smallSample?: boolean;
}

const SAMPLE_PATHS_OPTIONS = optionNames<SamplePathsOptions>({ paths: true, seed: true, smallSample: true });

/** Sample paths of a forecast: `paths[p * years.length + i]` is path p in `years[i]`. */
export interface SamplePaths {
  readonly method: string;
  readonly years: readonly number[];
  readonly paths: Float64Array;
  /** `model` when drawn from the fitted model; `marginal` when drawn year by year from the forecast quantiles. */
  readonly kind: 'model' | 'marginal';
}

const GRID = Array.from({ length: 199 }, (_, i) => (i + 1) / 200);

/**
 * Seeded sample paths from any method's forecast. Methods with a model to simulate (naive, drift, ses, holt,
 * damped, ets, theta, logTrend and their Box-Cox versions) give paths from it (`kind: 'model'`): shocks carry
 * over from year to year. Combinations and calibrated methods have no joint model; their paths are drawn
 * each year independently from the forecast's own quantiles (199 of them, 0.5% apart, interpolated
 * linearly; beyond the outer ones the 0.5% and 99.5% quantiles), `kind: 'marginal'`: right year by year,
 * not across years.
 * @param method the method that made `fit`
 * @param fit its fit
 * @param toYear the last year
 * @param options paths and seed
 * @throws {MetricsError} invalid_argument for a bad method, paths or seed; too_large for more than 50 million numbers
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2019, 2020, 2021, 2022], values: [10, 12, 11, 13] });
 * samplePaths(naive, naive.fit(s), 2024, { paths: 3, seed: 1 }).paths.length; // => 6
 */
export function samplePaths(
  method: ForecastMethod,
  fit: ForecastFit,
  toYear: number,
  options: SamplePathsOptions,
): SamplePaths {
  const fn = 'samplePaths';
  checkMethod(fn, method);
  if (typeof options !== 'object' || options === null) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options must be { paths, seed } (got ${show(options)}).`,
      'options',
      '{ paths, seed }',
      options,
    );
  }
  assertOptions(fn, options, '{ paths, seed }', SAMPLE_PATHS_OPTIONS);
  const { paths, seed, smallSample } = options;
  assertInteger(fn, 'paths', paths);
  assertInteger(fn, 'seed', seed);
  assertSmallSample(fn, smallSample);
  if (paths < 1)
    throw argumentError('invalid_argument', `${fn}: paths must be >= 1 (got ${paths}).`, 'paths', '>= 1', paths, {
      paths,
    });
  const g = rng(seed);
  if (method.simulate !== undefined) {
    const r = method.simulate(fit, toYear, { paths, rng: g, ...(smallSample === false ? { smallSample } : {}) });
    return { method: fit.method, years: r.years, paths: r.paths, kind: 'model' };
  }
  const q = forecastQuantiles(method, fit, toYear, GRID, smallSample === false ? { smallSample } : {});
  const H = q.years.length;
  if (paths * H > MAX_SIMULATED) {
    throw new MetricsError(
      'too_large',
      `${fn}: ${paths} paths x ${H} years is more than ${MAX_SIMULATED} numbers (got paths ${paths}). Use fewer paths.`,
    );
  }
  const out = new Float64Array(paths * H);
  const last = GRID.length - 1;
  for (let p = 0; p < paths; p++) {
    for (let i = 0; i < H; i++) {
      const u = g.uniform();
      const x = u * 200 - 1; // position on the grid: GRID[k] = (k + 1) / 200
      const k = Math.min(last - 1, Math.max(0, Math.floor(x)));
      const t = Math.min(1, Math.max(0, x - k));
      out[p * H + i] = q.values[k]![i]! * (1 - t) + q.values[k + 1]![i]! * t;
    }
  }
  return { method: q.method, years: q.years, paths: out, kind: 'marginal' };
}
