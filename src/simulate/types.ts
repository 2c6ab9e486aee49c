import type { Comparator } from '../targets/fact.js';

// Option and result types of the Monte Carlo engine (types only).

/** A deterministic level shock: the level in `year` (and after) is multiplied by `1 + size`. */
export interface LevelShock {
  readonly year: number;
  /** -0.05 is a 5% drop; must be > -1 and at most 3. */
  readonly size: number;
}

/** Cap and floor on the level, applied every year after growth and shocks. */
export interface LevelBounds {
  readonly cap?: number;
  readonly floor?: number;
}

/** A jump in log-growth: with `probability` in a year, the level is multiplied by an extra `1 + size`. */
export interface RareShock {
  readonly probability: number;
  readonly size: number;
}

/** One series' path and uncertainty: the single series of `simulate`, or a sector of `simulateSectors`. */
export interface SeriesModel {
  /** Level in the base year, > 0. */
  readonly baseValue: number;
  /** Planned growth rate per simulated year (the scenario path's rates), each > -1 and at most 3 (300% a year). */
  readonly growth: readonly number[];
  readonly shocks?: readonly LevelShock[];
  readonly bounds?: LevelBounds;
  /** Standard deviation of the yearly log-growth deviation, in [0, 1] (0.05: about 5 points a year; 5 is refused as a percent). */
  readonly volatility: number;
  /** AR(1) coefficient of the deviations, in (-1, 1); default 0. */
  readonly persistence?: number;
  /** Standard deviation of a per-path offset of mean log-growth, drawn once per path, in [0, 1]; default 0. */
  readonly meanUncertainty?: number;
  readonly rareShock?: RareShock;
}

/** A target whose attainment probability is estimated: P(level in `year` meets `value` with `comparator`). */
export interface SimulationTarget {
  /** Shown in results (e.g. a fact id); default `<comparator> <value> in <year>`. */
  readonly id?: string;
  readonly year: number;
  readonly value: number;
  readonly comparator: Comparator;
  /** How close `about` and `equals` are: the wider of relative * |value| and absolute. Without one, `about` is
   * +-5% and `equals` the stated precision (as in targets/meets.ts). */
  readonly tolerance?: { readonly relative?: number; readonly absolute?: number };
}

/**
 * An uncertain base level: each path draws its base-year level from [lower, upper], `uniform` or
 * `triangular` (peak at `mode`), once per path before the first simulated year. The interval and the
 * distribution are assumptions the caller states (a model takes the interval from the wording of its
 * base figure). With sectors, every sector's base is scaled by the drawn total over the stated total.
 */
export interface BaseDraw {
  readonly lower: number;
  readonly upper: number;
  readonly distribution: 'uniform' | 'triangular';
  /** For `triangular`: the peak, in [lower, upper]; default the stated base, moved into the interval. */
  readonly mode?: number;
}

/** Options shared by `simulate` and `simulateSectors`. */
export interface SimulationRunOptions {
  readonly baseYear: number;
  /** The simulated years: baseYear + 1, baseYear + 2, ... (consecutive). Give this or `toYear`. */
  readonly years?: readonly number[];
  /** Last simulated year (> baseYear). Give this or `years`. */
  readonly toYear?: number;
  /** Distribution of the yearly deviations; default `normal`. `studentT` is scaled to the same sd. */
  readonly distribution?: 'normal' | 'studentT';
  /** For `studentT`: degrees of freedom > 2 (finite variance); default 5. */
  readonly degreesOfFreedom?: number;
  /** Number of simulated paths, a whole number >= 1. */
  readonly paths: number;
  /** Seed, a whole number >= 0: the same seed gives bit-identical results whatever `workers` and `chunkSize`. */
  readonly seed: number;
  /** Quantile levels in [0, 1]; default [0.05, 0.25, 0.5, 0.75, 0.95]. */
  readonly quantiles?: readonly number[];
  /**
   * Draw each path's base level instead of starting every path at the stated base. Not combined with
   * `cagrThresholds` or `crossing`, whose thresholds are set from the stated base.
   */
  readonly baseDraw?: BaseDraw;
  /** Targets on the (total) level. */
  readonly targets?: readonly SimulationTarget[];
  /** Growth rates g: P(CAGR of the (total) level from the base year to the last year >= g). */
  readonly cagrThresholds?: readonly number[];
  /** Levels: the distribution of the first year each path reaches them (from below or, if below the base, from above). */
  readonly crossing?: readonly number[];
  /** Keep the first N full paths (for spaghetti plots); default 0. */
  readonly samplePaths?: number;
  /** Worker threads: 1 (default) runs in this thread; W >= 2 runs on W worker_threads. */
  readonly workers?: number;
  /** Paths per unit of work (rounded up to whole blocks of 1024); does not change results. Default 16384. */
  readonly chunkSize?: number;
  /** Called after each simulated year with path-years done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Cancels the run: the promise rejects with MetricsError `aborted`. */
  readonly signal?: AbortSignal;
  /** Refuse runs whose working memory would exceed this many bytes; default half of the machine's memory. */
  readonly maxMemoryBytes?: number;
}

/** Per-year summary of one simulated series. */
export interface SimulatedSeries {
  readonly id: string;
  readonly years: readonly number[];
  readonly mean: readonly number[];
  /** Sample standard deviation (n - 1) across paths; 0 for a single path. */
  readonly sd: readonly number[];
  /** One entry per requested level, in the requested order; `values` per year. Type-7 quantiles. */
  readonly quantiles: readonly { readonly level: number; readonly values: readonly number[] }[];
  /** The first `samplePaths` paths, each a level per year. */
  readonly samplePaths: readonly (readonly number[])[];
}

/** Attainment of one target: the share of paths that meet it, with its Monte Carlo standard error. */
export interface TargetAttainment {
  readonly id: string;
  readonly year: number;
  readonly value: number;
  readonly comparator: Comparator;
  readonly probability: number;
  /** sqrt(p (1 - p) / paths). */
  readonly standardError: number;
}

/** P(CAGR from the base year to the last year >= threshold). */
export interface CagrProbability {
  readonly threshold: number;
  readonly probability: number;
  readonly standardError: number;
}

/** When paths first reach a level. */
export interface CrossingDistribution {
  readonly level: number;
  /** `up`: first year the level is >= `level` (level above the base); `down`: first year <= `level`. */
  readonly direction: 'up' | 'down';
  /** Per simulated year: the share of paths first reaching the level that year, and the share reached by then. */
  readonly byYear: readonly { readonly year: number; readonly probability: number; readonly cumulative: number }[];
  /** Share of paths that never reach it within the horizon. */
  readonly never: number;
  /** First year by which at least half of the paths have reached it; null when fewer than half ever do. */
  readonly medianYear: number | null;
}

/** Everything needed to reproduce a run. */
export interface SimulationSettings {
  readonly seed: number;
  readonly paths: number;
  readonly baseYear: number;
  readonly years: readonly number[];
  readonly quantiles: readonly number[];
  readonly distribution: 'normal' | 'studentT';
  readonly degreesOfFreedom: number | null;
  /** Paths per random stream: block b (paths 1024 b ...) uses stream b of the seed. */
  readonly blockSize: number;
  /** `log-growth`: L_t = L_{t-1} (1 + g_t) (1 + shock_t) exp(e_t), then bounds. */
  readonly model: 'log-growth';
  readonly workers: number;
  /** The base draw, when the base is uncertain; absent when every path starts at the stated base. */
  readonly baseDraw?: BaseDraw;
}

/** Result of `simulate` / `simulateSectors`: plain JSON-serialisable data. */
export interface Simulation {
  readonly settings: SimulationSettings;
  /** `simulate`: one series; `simulateSectors`: one per sector, then `total`. */
  readonly series: readonly SimulatedSeries[];
  /** Which series the targets, CAGR and crossing analyses refer to (the single series, or `total`). */
  readonly analysed: string;
  readonly targets: readonly TargetAttainment[];
  readonly cagr: readonly CagrProbability[];
  readonly crossings: readonly CrossingDistribution[];
}
