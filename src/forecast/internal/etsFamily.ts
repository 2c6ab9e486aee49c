import { argumentError, show } from '../../internal/assert.js';
import type { Series } from '../../series/series.js';
import { drift } from '../drift.js';
import { naive } from '../naive.js';
import type { Forecast, ForecastFit, ForecastOptions, SimulateFitOptions } from '../types.js';
import {
  assertFitObject,
  assertPositive,
  checkPaths,
  fitBase,
  fitNumbers,
  fitInput,
  horizonYears,
  intervalLevels,
  isConstant,
  makeForecast,
  normalIntervals,
  SMALL_SAMPLE,
  simulateInput,
  pathScales,
  scaledNormals,
  smallSampleDf,
  smallSampleNote,
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
import { fitHoltWinters, fitsStateSpace, type HoltWintersEstimate } from './holtWinters.js';

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
  return Object.assign(fitBase(s, method, values), {
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
    ...(notes.length > 0 || values.length < SMALL_SAMPLE
      ? { notes: [...notes, ...smallSampleNote(values.length, values.length - etsParameterCount(c))] }
      : {}),
  });
}

function constantFit(s: Series, values: readonly number[], method: string): EtsFit {
  const v = values[0]!;
  return Object.assign(fitBase(s, method, values), {
    components: { error: 'A', trend: 'N' } satisfies EtsComponents,
    params: { alpha: 0.9999, l0: v },
    state: { level: v },
    fitted: values.map(() => v),
    residuals: values.map(() => 0),
    sigma2: 0,
    notes: [`series "${s.id}" is constant: the forecast is that constant, with zero-width intervals`],
  });
}

function fallbackFit(s: Series, values: readonly number[], trend: boolean, notes: string[]): EtsFit {
  const m = trend ? drift : naive;
  const f = m.fit(s);
  notes.push(
    `fell back to ${m.name}: ${values.length} observations are too few for exponential smoothing (SES needs 5)`,
  );
  return Object.assign({}, f, { notes: [...notes, ...(f.notes ?? [])] });
}

/** Turns a classical Holt-Winters estimate into a fit (components A,A,N or A,N,N, as R labels it). */
function holtWintersToFit(
  s: Series,
  values: readonly number[],
  est: HoltWintersEstimate,
  method: string,
  notes: readonly string[],
): EtsFit {
  const params: Record<string, number> = { alpha: est.alpha };
  if (est.trend) params['beta'] = est.beta;
  params['l0'] = est.l0;
  if (est.trend) params['b0'] = est.b0;
  const state: Record<string, number> = { level: est.level };
  if (est.trend) state['trend'] = est.slope;
  return Object.assign(fitBase(s, method, values), {
    components: { error: 'A', trend: est.trend ? 'A' : 'N' } satisfies EtsComponents,
    params,
    state,
    fitted: est.fitted,
    residuals: est.residuals,
    sigma2: est.sigma2,
    notes,
  });
}

const CLASSICAL =
  'a classical Holt-Winters fit as R makes it for so short a series (l0 = y1, b0 = y2 - y1, weights minimising the SSE)';

/**
 * Fits a fixed model (`components`) or selects one by AICc (`components` undefined). Short series go as in
 * R's ets(): a model with more parameters than n - 4 (SES and automatic selection at 6 points or fewer,
 * Holt at 8, damped at 9) gets a classical Holt-Winters fit instead, without damping (R drops it too);
 * automatic selection then keeps the Holt or SES fit with the smaller residual variance.
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
  const n = values.length;
  if (components !== undefined) {
    const trend = components.trend !== 'N';
    if (!fitsStateSpace(n, trend, components.trend === 'Ad')) {
      const est = fitHoltWinters(values, trend);
      const label = criterion === 'mse' ? (trend ? 'holt' : 'ses') : etsLabel({ error: 'A', trend: trend ? 'A' : 'N' });
      notes.push(
        `${n} observations are too few for ${etsLabel(components)} by maximum likelihood or MSE: fitted ${trend ? "Holt's linear trend" : 'simple exponential smoothing'} as ${CLASSICAL}${components.trend === 'Ad' ? ', without damping' : ''}`,
      );
      return holtWintersToFit(s, values, est, label, notes);
    }
    const est = estimateEts(values, components, criterion);
    if (est !== undefined) return estimateToFit(s, values, est, method, notes);
    return fallbackFit(s, values, trend, notes);
  }
  if (!fitsStateSpace(n, false, false)) {
    const h = fitHoltWinters(values, true);
    const e = fitHoltWinters(values, false);
    const best = h.sigma2 < e.sigma2 ? h : e;
    notes.push(
      `${n} observations are too few to select an ETS model: fitted Holt and SES as ${CLASSICAL}, and kept ${best.trend ? 'Holt' : 'SES'}, whose residual variance is smaller`,
    );
    return holtWintersToFit(s, values, best, etsLabel({ error: 'A', trend: best.trend ? 'A' : 'N' }), notes);
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

/**
 * The model and numbers an ETS fit holds, each checked: known components, and the parameters and states
 * those components read (beta and trend with a trend, phi in (0, 1] when damped), so a fit handed back
 * without one gets a MetricsError naming it, not a forecast of NaN or an undamped one by default.
 */
/**
 * The t degrees of freedom of an ETS fit's intervals and paths: a state-space fit (it has a likelihood)
 * estimates sigma^2 as SSE / (n - k), a classical one as SSE / n (normal quantiles, as R).
 */
function etsDf(
  fit: EtsFit,
  components: EtsComponents,
  options: Pick<ForecastOptions, 'smallSample'> | undefined,
): number | undefined {
  const n = fit.values.length;
  return fit.aicc === undefined ? undefined : smallSampleDf(n, n - etsParameterCount(components), options);
}

function moments(fn: string, fit: EtsFit) {
  const c = fit.components as unknown;
  const comp = c as Partial<EtsComponents> | null;
  if (
    typeof comp !== 'object' ||
    comp === null ||
    (comp.error !== 'A' && comp.error !== 'M') ||
    (comp.trend !== 'N' && comp.trend !== 'A' && comp.trend !== 'Ad')
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fit.components must be { error: 'A' | 'M', trend: 'N' | 'A' | 'Ad' } (got ${show(c)}). Pass the fit this method made, unchanged.`,
      'fit.components',
      "{ error: 'A' | 'M', trend: 'N' | 'A' | 'Ad' }",
      c,
    );
  }
  const components = comp as EtsComponents;
  const trended = components.trend !== 'N';
  const { alpha } = fitNumbers(fn, fit, 'params', ['alpha']);
  const { beta } = trended ? fitNumbers(fn, fit, 'params', ['beta']) : { beta: 0 };
  const { phi } = components.trend === 'Ad' ? fitNumbers(fn, fit, 'params', ['phi']) : { phi: 1 };
  const { level } = fitNumbers(fn, fit, 'state', ['level']);
  const { trend } = trended ? fitNumbers(fn, fit, 'state', ['trend']) : { trend: 0 };
  if (!(phi > 0 && phi <= 1)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fit.params.phi must lie in (0, 1] (got ${phi}). Pass the fit this method made, unchanged.`,
      'fit.params.phi',
      'in (0, 1]',
      phi,
    );
  }
  return { components, values: { alpha, beta, phi, level, trend, sigma2: fit.sigma2 } };
}

/** Forecast from any fit made by {@link fitEtsMethod}; intervals are normal with the model's exact variance. */
export function forecastEtsFit(
  fn: string,
  fit: EtsFit,
  toYear: number,
  options: ForecastOptions | undefined,
): Forecast {
  assertFitObject(fn, fit);
  if (fit.components === undefined) {
    if (fit.method === 'drift') return drift.forecast(fit, toYear, options);
    return naive.forecast(fit, toYear, options);
  }
  const years = horizonYears(fn, fit, toYear);
  const levels = intervalLevels(fn, options);
  const m = moments(fn, fit);
  const df = etsDf(fit, m.components, options);
  const { mean, variance } = etsMoments(m.components, m.values, years.length);
  return makeForecast(
    fit,
    years,
    mean,
    normalIntervals(
      levels,
      mean,
      variance.map((v) => Math.sqrt(Math.max(0, v))),
      df,
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
  assertFitObject(fn, fit);
  if (fit.components === undefined) {
    const m = fit.method === 'drift' ? drift : naive;
    const r = m.simulate!(fit, toYear, options);
    return { years: [...r.years], paths: r.paths };
  }
  const { years, paths, rng } = simulateInput(fn, fit, toYear, options);
  const m = moments(fn, fit);
  // Short series: t paths with the intervals' degrees of freedom (see pathScales).
  const df = etsDf(fit, m.components, options);
  const normals = scaledNormals(rng, years.length, pathScales(df, paths, rng));
  const out = etsSimulate(m.components, m.values, years.length, paths, normals);
  return checkPaths(fn, fit, years, out);
}
