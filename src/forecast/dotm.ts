import { argumentError } from '../internal/assert.js';
import { nelderMead } from '../internal/optimize.js';
import type { Series } from '../series/series.js';
import { theta } from './theta.js';
import {
  assertFitObject,
  checkPaths,
  constantFit,
  fitBase,
  fitInput,
  fitNumbers,
  horizonYears,
  intervalLevels,
  isConstant,
  makeForecast,
  MIN_LENGTH,
  normalIntervals,
  pathScales,
  simulateInput,
  smallSampleDf,
  smallSampleNote,
} from './internal/common.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/** Fewest observations the model is fitted to: three parameters against the errors from the third on. */
const DOTM_MIN = 6;
// forecTheta's bounds and start (ell0, alpha, theta); R's optim() Nelder-Mead stops after 500 evaluations.
const LOWER = [-1e10, 0.1, 1] as const;
const UPPER = [1e10, 0.99, 1e10] as const;
const OUT_OF_BOUNDS = 1e300;
const MAXIT = 500;

/** The model's state after an observation: level, the theta line's intercept and slope, the running mean. */
interface State {
  ell: number;
  a: number;
  b: number;
  meanY: number;
}

/**
 * One year of the recursion: the forecast for index i (0-based; i >= 1) from the state after index i - 1,
 * then the state after observing y there. Fiorucci et al. (2016), section 3.2.
 */
function predict(st: State, i: number, alpha: number, w: number): number {
  return st.ell + w * (st.a * (1 - alpha) ** i + (st.b * (1 - (1 - alpha) ** (i + 1))) / alpha);
}
function update(st: State, i: number, y: number, alpha: number): void {
  st.ell = alpha * y + (1 - alpha) * st.ell;
  const before = st.meanY;
  st.meanY = (i * before + y) / (i + 1);
  st.b = ((i - 1) * st.b + (6 * (y - before)) / (i + 1)) / (i + 2);
  st.a = st.meanY - (st.b * (i + 2)) / 2;
}

/** One-step fitted values through the history and the state after its last value. */
function filter(y: readonly number[], ell0: number, alpha: number, thetaCoef: number): { mu: number[]; state: State } {
  const w = 1 - 1 / thetaCoef;
  const state: State = { ell: alpha * y[0]! + (1 - alpha) * ell0, a: y[0]!, b: 0, meanY: y[0]! };
  const mu = [y[0]!];
  for (let i = 1; i < y.length; i++) {
    mu.push(predict(state, i, alpha, w));
    update(state, i, y[i]!, alpha);
  }
  return { mu, state };
}

/** Years n .. n + H - 1 from the state after n values, each year's value its forecast plus `shock(h)`. */
function project(
  from: State,
  n: number,
  H: number,
  alpha: number,
  w: number,
  shock: (h: number) => number,
  out: Float64Array | number[],
  offset = 0,
): void {
  const st = { ...from };
  for (let h = 0; h < H; h++) {
    const y = predict(st, n + h, alpha, w) + shock(h);
    out[offset + h] = y;
    update(st, n + h, y, alpha);
  }
}

/**
 * The Dynamic Optimised Theta Model (DOTM) of Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler (2016,
 * "Models for optimising the theta method and their relationship to state space models", International
 * Journal of Forecasting 32(4)), as forecTheta's `dotm()` computes its point forecasts. The Theta method
 * extrapolates half the slope of a straight line fitted once to all the data; DOTM refits that line after
 * every year (its intercept A and slope B follow the data) and estimates the weight on it, 1 - 1/theta,
 * with the smoothing weight alpha and the initial level, by least squares of the one-step errors from the
 * third year on (Nelder-Mead from forecTheta's start and within its bounds: alpha in [0.1, 0.99], theta >= 1).
 * theta = 2 with a fixed line is the classical Theta method; a large theta extrapolates the whole slope.
 * On the M3 yearly series its point forecasts equal forecTheta 3.0's to 1e-11 (test/forecast/dotm.test.ts).
 * - Intervals: exact for the model with normal errors. The forecast is linear in the future errors, so
 *   the h-step variance is sigma^2 times the sum of the squared responses of year h to a unit error in
 *   each earlier year, computed by running the recursion forward. sigma^2 = SSE / (n - 5): the n - 2
 *   errors that were fitted, less the three parameters. Under 10 observations the quantiles are Student-t
 *   with n - 5 degrees of freedom (`smallSample: false` for normal ones). forecTheta simulates its
 *   intervals instead, with the standard deviation of the same errors and a path recursion that updates
 *   the slope with the new rather than the previous running mean, so its bounds differ from these.
 * - fit: `params` { ell0, alpha, theta }; `state` { level, a, b, meanY } after the last year; `fitted` and
 *   `residuals` are the one-step values, except the first two (start-up values, left out of the fit and of
 *   sigma): there `fitted` is the data and the residual 0.
 * - Fewer than 6 observations: the Theta method, with a note; a constant series gives that constant.
 * - simulate: Gaussian errors fed through the same recursion (under 10 observations one t scale factor
 *   per path, n - 5 degrees of freedom), so the paths' quantiles are the intervals'.
 * - calibrate(dotm) keeps the in-sample origins' errors as measured (`calibrationScale: 'none'`): the
 *   first years' one-step errors come from a line fitted to two or three points, so the in-sample residual
 *   scale falls as the history grows and would narrow the calibrated intervals (95 % coverage 84-88 % at
 *   7 to 9 points and 94 % on M3 yearly with the scaling, 93.5-95.5 % without; BENCHMARKS.md).
 *   `withBoxCox(dotm)` keeps that setting.
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020], values: [10, 12, 13, 15, 18, 19, 21, 24, 27, 30] });
 * Math.round(dotm.forecast(dotm.fit(s), 2021).mean[0]! * 1000) / 1000; // => 32.167
 */
export const dotm: ForecastMethod = {
  name: 'dotm',
  description:
    'Dynamic Optimised Theta Model: theta lines refitted every year, alpha and theta estimated (Fiorucci et al. 2016; forecTheta::dotm).',
  minLength: MIN_LENGTH,
  calibrationScale: 'none',
  fit(s: Series): ForecastFit {
    const y = fitInput('dotm.fit', s);
    const n = y.length;
    if (isConstant(y)) {
      // theta = 1 puts no weight on the line: the forecast is the level, the constant.
      const c = y[0]!;
      return constantFit(s, 'dotm', y, { ell0: c, alpha: 0.5, theta: 1 }, { level: c, a: c, b: 0, meanY: c });
    }
    if (n < DOTM_MIN) {
      const f = theta.fit(s);
      return Object.assign({}, f, {
        notes: [
          `fell back to the Theta method: DOTM fits 3 parameters to the errors from the third year on and needs at least ${DOTM_MIN} observations (got ${n})`,
          ...(f.notes ?? []),
        ],
      });
    }
    let cte = 0;
    for (const v of y) cte += Math.abs(v);
    cte /= n;
    const sse = (p: Float64Array): number => {
      for (let k = 0; k < 3; k++) if (p[k]! < LOWER[k]! || p[k]! > UPPER[k]!) return OUT_OF_BOUNDS;
      const { mu } = filter(y, p[0]!, p[1]!, p[2]!);
      let e = 0;
      for (let i = 2; i < n; i++) e += ((y[i]! - mu[i]!) / cte) ** 2;
      return e;
    };
    const best = nelderMead(sse, [y[0]! / 2, 0.5, 2], { maxit: MAXIT });
    const [ell0, alpha, th] = [best.x[0]!, best.x[1]!, best.x[2]!];
    const { mu, state } = filter(y, ell0, alpha, th);
    // The first two one-step values are start-up ones: the first is y1 by construction, the second depends
    // on the initial level, which only it sees (the least squares leave it nearly free). Report the data there.
    const fitted = mu.map((m, i) => (i < 2 ? y[i]! : m));
    const residuals = y.map((v, i) => v - fitted[i]!);
    let ss = 0;
    for (let i = 2; i < n; i++) ss += residuals[i]! ** 2;
    const notes = [
      ...(best.fail !== 0
        ? [`the least-squares search stopped after ${MAXIT} evaluations without converging, as R's optim() does`]
        : []),
      ...smallSampleNote(n, n - 5),
    ];
    return Object.assign(fitBase(s, 'dotm', y), {
      params: { ell0, alpha, theta: th },
      state: { level: state.ell, a: state.a, b: state.b, meanY: state.meanY },
      fitted,
      residuals,
      sigma2: ss / (n - 5),
      ...(notes.length > 0 ? { notes } : {}),
    });
  },
  forecast(fit: ForecastFit, toYear: number, options?: ForecastOptions): Forecast {
    assertFitObject('dotm.forecast', fit);
    if (fit.method === 'theta') return theta.forecast(fit, toYear, options);
    const years = horizonYears('dotm.forecast', fit, toYear);
    const levels = intervalLevels('dotm.forecast', options);
    const { mean, se } = dotmMoments('dotm.forecast', fit, years.length);
    const n = fit.values.length;
    return makeForecast(fit, years, mean, normalIntervals(levels, mean, se, smallSampleDf(n, n - 5, options)));
  },
  simulate(fit: ForecastFit, toYear: number, options: SimulateFitOptions) {
    assertFitObject('dotm.simulate', fit);
    if (fit.method === 'theta') return theta.simulate!(fit, toYear, options);
    const { years, paths, rng } = simulateInput('dotm.simulate', fit, toYear, options);
    const H = years.length;
    const { from, alpha, w } = dotmState('dotm.simulate', fit);
    const n = fit.values.length;
    const sigma = Math.sqrt(fit.sigma2);
    // Short series: every error of a path times one t scale factor (see pathScales).
    const scales = pathScales(smallSampleDf(n, n - 5, options), paths, rng);
    const out = new Float64Array(paths * H);
    for (let p = 0; p < paths; p++) {
      const k = sigma * (scales?.[p] ?? 1);
      project(from, n, H, alpha, w, () => k * rng.normal(), out, p * H);
    }
    return checkPaths('dotm.simulate', fit, years, out);
  },
};

/** The fit's state and weights, checked: alpha in (0, 1], theta >= 1. */
function dotmState(fn: string, fit: ForecastFit): { from: State; alpha: number; w: number } {
  const { alpha, theta: th } = fitNumbers(fn, fit, 'params', ['alpha', 'theta']);
  const { level, a, b, meanY } = fitNumbers(fn, fit, 'state', ['level', 'a', 'b', 'meanY']);
  // alpha = 0 divides by zero in the line's weight, theta < 1 turns the line's weight negative.
  for (const [name, v, ok, what] of [
    ['alpha', alpha, alpha > 0 && alpha <= 1, 'in (0, 1]'],
    ['theta', th, th >= 1, 'at least 1'],
  ] as const) {
    if (!ok) {
      throw argumentError(
        'invalid_argument',
        `${fn}: fit.params.${name} must be ${what} (got ${v}). Pass the fit dotm.fit made, unchanged.`,
        `fit.params.${name}`,
        what,
        v,
      );
    }
  }
  return { from: { ell: level, a, b, meanY }, alpha, w: 1 - 1 / th };
}

/** Point forecasts and standard errors: the recursion without errors, and the responses to a unit error. */
function dotmMoments(fn: string, fit: ForecastFit, H: number): { mean: number[]; se: number[] } {
  const { from, alpha, w } = dotmState(fn, fit);
  const n = fit.values.length;
  const mean: number[] = new Array(H);
  const states: State[] = [];
  const st = { ...from };
  for (let h = 0; h < H; h++) {
    states.push({ ...st });
    mean[h] = predict(st, n + h, alpha, w);
    update(st, n + h, mean[h]!, alpha);
  }
  // The recursion is affine in the future values, so a unit error in year j moves year h >= j by the
  // difference between the two runs; the variance sums the squares of these responses.
  const variance = new Array<number>(H).fill(0);
  const moved: number[] = new Array(H);
  for (let j = 0; j < H; j++) {
    project(states[j]!, n + j, H - j, alpha, w, (h) => (h === 0 ? 1 : 0), moved);
    for (let h = 0; h < H - j; h++) variance[j + h]! += (moved[h]! - mean[j + h]!) ** 2;
  }
  return { mean, se: variance.map((v) => Math.sqrt(fit.sigma2 * v)) };
}
