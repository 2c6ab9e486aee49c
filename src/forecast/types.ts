import type { Unit } from '../series/units.js';
import type { Series } from '../series/series.js';
import type { Rng } from '../random/rng.js';

/**
 * A fitted model: plain, JSON-serialisable data that can be inspected and stored.
 * Methods add their own fields (smoothing weights, states) in `params` and `state`.
 */
export interface ForecastFit {
  /** Name of the method that made the fit (`ets`, `theta`, …); for automatic selection, the chosen model (`ets(A,Ad,N)`). */
  readonly method: string;
  readonly seriesId: string;
  readonly unit: Unit;
  /** The observed years and values the fit was made on (copies). */
  readonly years: readonly number[];
  readonly values: readonly number[];
  /** Estimated parameters by name (alpha, beta, phi, drift, …). */
  readonly params: Readonly<Record<string, number>>;
  /** Final states needed to forecast (level, trend, …), by name. */
  readonly state: Readonly<Record<string, number>>;
  /** In-sample one-step fitted values, one per observation (NaN-free; first ones may equal the data). */
  readonly fitted: readonly number[];
  /** In-sample one-step residuals y - fitted. */
  readonly residuals: readonly number[];
  /** Residual variance used for intervals. */
  readonly sigma2: number;
  /** Log-likelihood and information criteria, where the method has them. */
  readonly loglik?: number;
  readonly aic?: number;
  readonly aicc?: number;
  readonly bic?: number;
  /** Anything else worth knowing (a fallback taken and why). */
  readonly notes?: readonly string[];
}

/** Prediction interval at one level (0.95 is a 95% interval). */
export interface ForecastInterval {
  readonly level: number;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** Point forecasts and intervals for the years after the last observation up to `toYear`. */
export interface Forecast {
  readonly method: string;
  readonly seriesId: string;
  readonly unit: Unit;
  /** lastYear + 1 … toYear */
  readonly years: readonly number[];
  readonly mean: readonly number[];
  /** Sorted by level, ascending; nested (wider at higher levels). */
  readonly intervals: readonly ForecastInterval[];
  readonly fit: ForecastFit;
}

/** Options of {@link ForecastMethod.forecast}. */
export interface ForecastOptions {
  /** Interval levels as fractions in (0, 1). Default [0.8, 0.95]. */
  readonly levels?: readonly number[];
  /**
   * Small-sample intervals for series of fewer than 10 observations (default true): methods whose variance
   * is estimated with df residual degrees of freedom (naive, drift, ETS and Theta by likelihood or MSE,
   * ARIMA) use Student-t quantiles with df instead of normal ones, and ARIMA adds the estimation variance of
   * its drift or mean. `false` gives R's intervals exactly. Longer series always get R's.
   */
  readonly smallSample?: boolean;
}

/** Options of {@link ForecastMethod.simulate}. */
export interface SimulateFitOptions {
  readonly paths: number;
  readonly rng: Rng;
  /**
   * As {@link ForecastOptions.smallSample} (default true): under 10 observations, paths whose forecast
   * intervals use Student-t quantiles with df degrees of freedom are drawn from the same t distribution (each
   * path's shocks share one scale factor sqrt(df / chi2_df)), so their quantiles match the intervals;
   * `false` gives Gaussian paths, as R's `simulate`.
   */
  readonly smallSample?: boolean;
}

/**
 * A forecasting method: one object with `fit` and `forecast`. `forecast(fit, toYear)` must equal what a
 * one-shot forecast would give; intervals nest and widen with the level; inputs are never mutated.
 */
export interface ForecastMethod<F extends ForecastFit = ForecastFit> {
  readonly name: string;
  /** One line for help and reports. */
  readonly description: string;
  /** Fewest observations the method accepts. */
  readonly minLength: number;
  /**
   * The variant to fit on a Box-Cox scale where it differs from this method (automatic ETS considers
   * additive models only there, as R's `ets(y, lambda = ...)`); see withBoxCox.
   */
  readonly onTransformedScale?: ForecastMethod;
  /**
   * How calibrate() carries the errors of fits on shorter windows over to a fit on the whole history:
   * `residuals` (when absent) scales them by the ratio of the fits' in-sample residual scales; `none` keeps
   * them as measured, for a method whose in-sample residuals change with the fit's length for reasons that
   * say nothing of its forecast errors (dotm re-estimates its theta line every year, so its first years'
   * errors are start-up errors; the mean's residuals on a trending history grow with its length faster than
   * its forecast errors).
   */
  readonly calibrationScale?: 'residuals' | 'none';
  fit(s: Series): F;
  forecast(fit: F, toYear: number, options?: ForecastOptions): Forecast;
  /** Sample paths from the fitted model (paths x horizon, row-major), seeded through `rng`. */
  simulate?(
    fit: F,
    toYear: number,
    options: SimulateFitOptions,
  ): { readonly years: readonly number[]; readonly paths: Float64Array };
}
