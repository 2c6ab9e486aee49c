// Fitting, forecasting and simulating for the exponential smoothing methods (ses, holt, damped,
// ets), with the fallback chain for short series. Not exported from the package.
import type { Series } from '../../series/series.js';
import { drift } from '../drift.js';
import { naive } from '../naive.js';
import type { Forecast, ForecastFit, ForecastOptions, SimulateFitOptions } from '../types.js';
import {
  assertPositive,
  fitBase,
  fitInput,
  horizonYears,
  intervalLevels,
  isConstant,
  makeForecast,
  normalIntervals,
  simulateInput,
} from './common.js';
import {
  estimateEts,
  etsLabel,
  etsMoments,
  etsParameterCount,
  etsSimulate,
  type EtsComponents,
  type EtsCriterion,
  type EtsEstimate,
} from './etsEngine.js';

/** A fit of an exponential smoothing method: the model's components travel with it. */
export interface EtsFit extends ForecastFit {
  /** The fitted model; absent when the fit fell back to naive or drift (see `method` and `notes`). */
  readonly components?: EtsComponents;
}

/** The candidates of automatic selection, in R's order (ties keep the first). */
export const AUTO_CANDIDATES: readonly EtsComponents[] = [
  { error: 'A', trend: 'N' },
  { error: 'A', trend: 'Ad' },
  { error: 'A', trend: 'A' },
  { error: 'M', trend: 'N' },
  { error: 'M', trend: 'Ad' },
  { error: 'M', trend: 'A' },
];

/** Turns an estimate into a fit. */
export function estimateToFit(
  s: Series,
  values: readonly number[],
  est: EtsEstimate,
  method: string,
  notes: readonly string[],
): EtsFit {
  const c = est.components;
  const params: Record<string, number> = { alpha: est.alpha };
  if (c.trend !== 'N') params['beta'] = est.beta;
  if (c.trend === 'Ad') params['phi'] = est.phi;
  params['l0'] = est.l0;
  if (c.trend !== 'N') params['b0'] = est.b0;
  const state: Record<string, number> = { level: est.level };
  if (c.trend !== 'N') state['trend'] = est.trend;
  return {
    ...fitBase(s, method, values),
    components: c,
    params,
    state,
    fitted: est.fitted,
    residuals: est.residuals,
    sigma2: est.sigma2,
    loglik: est.loglik,
    aic: est.aic,
    aicc: est.aicc,
    bic: est.bic,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function constantFit(s: Series, values: readonly number[], method: string): EtsFit {
  const v = values[0]!;
  return {
    ...fitBase(s, method, values),
    components: { error: 'A', trend: 'N' },
    params: { alpha: 0.9999, l0: v },
    state: { level: v },
    fitted: values.map(() => v),
    residuals: values.map(() => 0),
    sigma2: 0,
    notes: [`series "${s.id}" is constant: the forecast is that constant, with zero-width intervals`],
  };
}

function fallbackFit(s: Series, values: readonly number[], trend: boolean, notes: string[]): EtsFit {
  const m = trend ? drift : naive;
  const f = m.fit(s);
  notes.push(
    `fell back to ${m.name}: ${values.length} observations are too few for exponential smoothing (SES needs 5)`,
  );
  return { ...f, notes };
}

/**
 * Fits a fixed model (`components`) or selects one by AICc (`components` undefined). Fallback for
 * short series: a trend model needs n >= k + 3 (k = parameters incl. initial states: 7 for Holt, 8 for
 * damped); without enough points it becomes SES (n >= 5), then drift; SES becomes naive.
 */
export function fitEtsMethod(
  fn: string,
  s: Series,
  components: EtsComponents | undefined,
  criterion: EtsCriterion,
  method: string,
  additiveOnly = false,
): EtsFit {
  const values = fitInput(fn, s);
  if (components?.error === 'M') assertPositive(fn, s, 'a multiplicative-error model');
  if (isConstant(values))
    return constantFit(s, values, components === undefined ? etsLabel({ error: 'A', trend: 'N' }) : method);
  const notes: string[] = [];
  if (components !== undefined) {
    const est = estimateEts(values, components, criterion);
    if (est !== undefined) return estimateToFit(s, values, est, method, notes);
    if (components.trend !== 'N') {
      const simpler: EtsComponents = { error: components.error, trend: 'N' };
      const est2 = estimateEts(values, simpler, criterion);
      notes.push(
        `${values.length} observations are too few for ${etsLabel(components)} (needs ${etsParameterCount(components) + 3}); fitted simple exponential smoothing instead`,
      );
      if (est2 !== undefined)
        return estimateToFit(s, values, est2, criterion === 'mse' ? 'ses' : etsLabel(simpler), notes);
    }
    return fallbackFit(s, values, components.trend !== 'N', notes);
  }
  const positive = !additiveOnly && values.every((v) => v > 0);
  let best: EtsEstimate | undefined;
  let fitted = 0;
  for (const c of AUTO_CANDIDATES) {
    if (c.error === 'M' && !positive) continue;
    const est = estimateEts(values, c, criterion);
    if (est === undefined) continue;
    fitted++;
    if (est.aicc < (best?.aicc ?? Infinity)) best = est;
  }
  if (additiveOnly) notes.push('additive models only, as R does on a Box-Cox scale');
  else if (!positive) notes.push('multiplicative-error models were not considered: the series has values <= 0');
  if (best === undefined) return fallbackFit(s, values, true, notes);
  notes.push(
    `selected ${etsLabel(best.components)} by AICc among the ${fitted} candidate${fitted === 1 ? '' : 's'} that ${values.length} observations can fit`,
  );
  return estimateToFit(s, values, best, etsLabel(best.components), notes);
}

function moments(fit: EtsFit & { components: EtsComponents }, _H: number) {
  const p = fit.params,
    st = fit.state;
  return {
    alpha: p['alpha']!,
    beta: p['beta'] ?? 0,
    phi: p['phi'] ?? 1,
    level: st['level']!,
    trend: st['trend'] ?? 0,
    sigma2: fit.sigma2,
  };
}

/** Forecast from any fit made by {@link fitEtsMethod}; intervals are normal with the model's exact variance. */
export function forecastEtsFit(
  fn: string,
  fit: EtsFit,
  toYear: number,
  options: ForecastOptions | undefined,
): Forecast {
  if (fit.components === undefined) {
    if (fit.method === 'drift') return drift.forecast(fit, toYear, options);
    return naive.forecast(fit, toYear, options);
  }
  const years = horizonYears(fn, fit, toYear);
  const levels = intervalLevels(fn, options);
  const { mean, variance } = etsMoments(
    fit.components,
    moments(fit as EtsFit & { components: EtsComponents }, years.length),
    years.length,
  );
  return makeForecast(
    fit,
    years,
    mean,
    normalIntervals(
      levels,
      mean,
      variance.map((v) => Math.sqrt(Math.max(0, v))),
    ),
  );
}

/** Sample paths from any fit made by {@link fitEtsMethod}. */
export function simulateEtsFit(
  fn: string,
  fit: EtsFit,
  toYear: number,
  options: SimulateFitOptions,
): { years: number[]; paths: Float64Array } {
  if (fit.components === undefined) {
    const m = fit.method === 'drift' ? drift : naive;
    const r = m.simulate!(fit, toYear, options);
    return { years: [...r.years], paths: r.paths };
  }
  const { years, paths, rng } = simulateInput(fn, fit, toYear, options);
  const out = etsSimulate(
    fit.components,
    moments(fit as EtsFit & { components: EtsComponents }, years.length),
    years.length,
    paths,
    () => rng.normal(),
  );
  return { years, paths: out };
}
