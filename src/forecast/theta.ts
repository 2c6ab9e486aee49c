import { argumentError } from '../internal/assert.js';
import type { Series } from '../series/series.js';
import { drift } from './drift.js';
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
  ols,
  simulateInput,
  SMALL_SAMPLE,
  pathScales,
  scaledNormals,
  smallSampleDf,
  smallSampleNote,
} from './internal/common.js';
import { estimateEts, etsSimulate } from './internal/etsEngine.js';
import { fitHoltWinters, fitsStateSpace } from './internal/holtWinters.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/**
 * The Theta method as R's `forecast::thetaf` (Hyndman & Billah 2003): simple exponential smoothing
 * (fitted by MSE as R's ses) plus a drift of half the slope b of a straight line fitted to the data.
 * The h-step forecast is level + (b/2) (h - 1 + (1 - (1 - alpha)^n) / alpha); intervals come from the
 * SES model, standard error sigma sqrt(1 + (h - 1) alpha^2), sigma^2 = SSE / (n - 2); at 7-9 observations
 * with Student-t quantiles, n - 2 degrees of freedom (`smallSample: false` for R's normal ones).
 * - fit: `params` { alpha, drift (= b/2), slope (= b), l0 }; `state.level` (the SES level); `fitted`
 *   and `residuals` are those of the underlying SES model.
 * - 6 observations or fewer: the SES part is a classical fit (l0 = y1, alpha minimising the SSE), as R's
 *   ets() makes it there (said in `fit.notes`); a constant series gives that constant.
 * - simulate: SES paths plus the deterministic drift term; under 10 observations (7-9, the SES part
 *   estimated) t paths with n - 2 degrees of freedom, as the intervals (`smallSample: false`: Gaussian).
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021], values: [10, 12, 13, 15, 18, 19, 21, 24] });
 * theta.fit(s).params.slope! > 0; // => true
 */
export const theta: ForecastMethod = {
  name: 'theta',
  description: 'Theta method: SES with drift of half the linear-trend slope (R forecast::thetaf).',
  minLength: MIN_LENGTH,
  fit(s: Series): ForecastFit {
    const y = fitInput('theta.fit', s);
    const n = y.length;
    if (isConstant(y)) {
      return constantFit(s, 'theta', y, { alpha: 0.9999, drift: 0, slope: 0, l0: y[0]! }, { level: y[0]! });
    }
    const base = fitBase(s, 'theta', y);
    // R's thetaf fits ets(y, "ANN", opt.crit = "mse"), which is classical SES at 6 points or fewer.
    const classical = !fitsStateSpace(n, false, false);
    const est = classical ? fitHoltWinters(y, false) : estimateEts(y, { error: 'A', trend: 'N' }, 'mse');
    if (est === undefined) {
      const f = drift.fit(s);
      return Object.assign({}, f, {
        notes: [`fell back to drift: ${n} observations are too few for the Theta method`, ...(f.notes ?? [])],
      });
    }
    const slope = ols(
      y.map((_, i) => i),
      y,
    ).b;
    const alpha = Math.max(1e-10, est.alpha);
    return Object.assign(base, {
      params: { alpha, drift: slope / 2, slope, l0: est.l0 },
      state: { level: est.level },
      fitted: est.fitted,
      residuals: est.residuals,
      sigma2: est.sigma2,
      ...(classical
        ? {
            notes: [
              `the SES part is a classical fit (l0 = y1, alpha minimising the SSE), as R makes it for ${n} points`,
            ],
          }
        : n < SMALL_SAMPLE
          ? { notes: smallSampleNote(n, n - 2) }
          : {}),
    });
  },
  forecast(fit: ForecastFit, toYear: number, options?: ForecastOptions): Forecast {
    assertFitObject('theta.forecast', fit);
    if (fit.method === 'drift') return drift.forecast(fit, toYear, options);
    const years = horizonYears('theta.forecast', fit, toYear);
    const levels = intervalLevels('theta.forecast', options);
    const { mean, se } = thetaMoments('theta.forecast', fit, years.length);
    return makeForecast(fit, years, mean, normalIntervals(levels, mean, se, thetaDf(fit, options)));
  },
  simulate(fit: ForecastFit, toYear: number, options: SimulateFitOptions) {
    assertFitObject('theta.simulate', fit);
    if (fit.method === 'drift') {
      const r = drift.simulate!(fit, toYear, options);
      return r;
    }
    const { years, paths, rng } = simulateInput('theta.simulate', fit, toYear, options);
    const H = years.length;
    const { mean, alpha, level } = thetaMoments('theta.simulate', fit, H);
    // Short series: t paths with the intervals' degrees of freedom (see pathScales).
    const df = thetaDf(fit, options);
    const out = etsSimulate(
      { error: 'A', trend: 'N' },
      { alpha, beta: 0, phi: 1, level, trend: 0, sigma2: fit.sigma2 },
      H,
      paths,
      scaledNormals(rng, H, pathScales(df, paths, rng)),
    );
    for (let p = 0; p < paths; p++) for (let h = 0; h < H; h++) out[p * H + h] = out[p * H + h]! + mean[h]! - level;
    return checkPaths('theta.simulate', fit, years, out);
  },
};

function thetaMoments(
  fn: string,
  fit: ForecastFit,
  H: number,
): { mean: number[]; se: number[]; alpha: number; level: number } {
  const { alpha, drift: b2 } = fitNumbers(fn, fit, 'params', ['alpha', 'drift']);
  const { level } = fitNumbers(fn, fit, 'state', ['level']);
  // SES's smoothing parameter lies in (0, 1]: at 0 the start-up adjustment below divides by zero.
  if (!(alpha > 0 && alpha <= 1)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fit.params.alpha must lie in (0, 1] (got ${alpha}). Pass the fit theta.fit made, unchanged.`,
      'fit.params.alpha',
      'in (0, 1]',
      alpha,
    );
  }
  const n = fit.values.length;
  const adj = (1 - (1 - alpha) ** n) / alpha;
  const mean: number[] = [],
    se: number[] = [];
  for (let h = 0; h < H; h++) {
    mean.push(level + b2 * (h + adj));
    se.push(Math.sqrt(fit.sigma2) * Math.sqrt(h * alpha * alpha + 1));
  }
  return { mean, se, alpha, level };
}

/**
 * The t degrees of freedom of theta's intervals and paths: the SES part's variance is SSE / (n - 2) when it is
 * estimated as R's ets estimates it (7 points or more); undefined for R's normal quantiles.
 */
function thetaDf(fit: ForecastFit, options: Pick<ForecastOptions, 'smallSample'> | undefined): number | undefined {
  const n = fit.values.length;
  return fitsStateSpace(n, false, false) ? smallSampleDf(n, n - 2, options) : undefined;
}
