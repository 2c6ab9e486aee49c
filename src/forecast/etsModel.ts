import { show, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import type { Series } from '../series/series.js';
import { MIN_LENGTH } from './internal/common.js';
import { etsLabel, type EtsError, type EtsTrend } from './internal/etsEngine.js';
import { fitEtsMethod, forecastEtsFit, simulateEtsFit, type EtsFit } from './internal/etsFamily.js';
import type { Forecast, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

export type { EtsFit } from './internal/etsFamily.js';
export type { EtsError, EtsTrend } from './internal/etsEngine.js';

/** Options of {@link etsModel}: the model, R-style. */
export interface EtsModelOptions {
  /** Error type: `A` additive, `M` multiplicative (needs data > 0). */
  readonly error: EtsError;
  /** Trend: `N` none, `A` additive, `Ad` additive damped. */
  readonly trend: EtsTrend;
}

const ETS_MODEL_OPTIONS = optionNames<EtsModelOptions>({ error: true, trend: true });

/**
 * A fixed exponential smoothing state space model, e.g. `etsModel({ error: 'M', trend: 'Ad' })`, fitted by
 * maximum likelihood as R's `forecast::ets(y, model = "MAN", damped = TRUE)`. Use the method {@link ets} to
 * let AICc choose. Same intervals, fallbacks and simulate as `ets`.
 * @throws {MetricsError} invalid_argument for an unknown error or trend type; fit throws
 *   invalid_argument when a multiplicative-error model meets values <= 0
 * @example
 * etsModel({ error: 'M', trend: 'Ad' }).name; // => 'ets(M,Ad,N)'
 */
export function etsModel(options: EtsModelOptions): ForecastMethod<EtsFit> {
  assertOptions('etsModel', options, "{ error: 'A', trend: 'Ad' }", ETS_MODEL_OPTIONS);
  const { error, trend } = options;
  if (error !== 'A' && error !== 'M') {
    throw argumentError(
      'invalid_argument',
      `etsModel: error must be 'A' or 'M' (got ${show(error)}). Pass e.g. etsModel({ error: 'A', trend: 'Ad' }).`,
      'error',
      "'A' or 'M'",
      error,
      { error },
    );
  }
  if (trend !== 'N' && trend !== 'A' && trend !== 'Ad') {
    throw argumentError(
      'invalid_argument',
      `etsModel: trend must be 'N', 'A' or 'Ad' (got ${show(trend)}). Multiplicative trends are not offered.`,
      'trend',
      "'N', 'A' or 'Ad'",
      trend,
      { trend },
    );
  }
  const components = { error, trend } as const;
  const name = etsLabel(components);
  return {
    name,
    description: `Exponential smoothing ${name} fitted by maximum likelihood (R forecast::ets).`,
    minLength: MIN_LENGTH,
    fit(s: Series): EtsFit {
      return fitEtsMethod(`${name}.fit`, s, components, 'lik', name);
    },
    forecast(fit: EtsFit, toYear: number, opts?: ForecastOptions): Forecast {
      return forecastEtsFit(`${name}.forecast`, fit, toYear, opts);
    },
    simulate(fit: EtsFit, toYear: number, opts: SimulateFitOptions) {
      return simulateEtsFit(`${name}.simulate`, fit, toYear, opts);
    },
  };
}
