import { MetricsError } from '../errors.js';
import { show, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import { series, type Series } from '../series/series.js';
import { bcOne, biasAdjust, checkLambda, invOne } from './boxCox.js';
import { boxCoxLambda } from './boxCoxLambda.js';
import { checkMethod } from './internal/checkMethod.js';
import {
  checkPaths,
  checkSimulateOptions,
  fitBase,
  fitInput,
  horizonYears,
  intervalLevels,
  makeForecast,
  pointsOnly,
  pointsOnlyOn,
  SMALL_SAMPLE,
  withoutRangeBound,
} from './internal/common.js';
import { normalQuantile } from './internal/normalAndStudentT.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions, SimulateFitOptions } from './types.js';

/** Options of {@link withBoxCox}. */
export interface BoxCoxOptions {
  /**
   * The Box-Cox parameter: a number (0 for logs), or `'auto'` for Guerrero's method as R's
   * `BoxCox(x, "auto")` (search interval -0.9 to 2). Default 0.
   */
  readonly lambda?: number | 'auto';
  /**
   * Bias-adjust the back-transformed point forecast towards the mean (R's `biasadj = TRUE`); otherwise it
   * is the median. Default false, as R.
   */
  readonly biasadj?: boolean;
}

const BOX_COX_OPTIONS = optionNames<BoxCoxOptions>({ lambda: true, biasadj: true });

/** A fit made on the Box-Cox scale: the inner method's fit (on transformed values) and lambda. */
export interface BoxCoxFit extends ForecastFit {
  readonly inner: ForecastFit;
  readonly lambda: number;
  readonly biasadj: boolean;
}

/** Shortest readable form of lambda for names: 0, 0.5, 0.3712. */
function lambdaLabel(lambda: number): string {
  return String(Number(lambda.toPrecision(4)));
}

/**
 * Fits any forecasting method on the Box-Cox scale and back-transforms, as R's `lambda` and `biasadj`
 * arguments of `ets`, `rwf`, `naive`, `holt` and `auto.arima` do: the series is transformed by
 * {@link boxCox}, the method fits and forecasts the transformed values, and the point forecasts and
 * interval bounds come back through {@link invBoxCox}. With lambda 0 (logs) a straight-line method
 * becomes constant growth.
 * - Point forecasts: the back-transformed forecast (a median); with `biasadj` the mean, adjusted with the
 *   forecast variance that R takes from the widest interval: ((upper - lower) / (2 z))^2 on the
 *   transformed scale.
 * - Intervals: the back-transformed bounds (a monotone map keeps their coverage), then held within the
 *   range bound every method shares (for lambda < 0 a bound beyond -1/lambda has no inverse).
 * - Automatic ETS considers additive models only on a transformed scale (as R); a method says so by its
 *   `onTransformedScale` variant.
 * - fit: `inner` is the method's fit on the transformed values, `lambda` the parameter used (chosen by
 *   Guerrero's method for `'auto'`), `fitted` and `residuals` are on the original scale, `sigma2` is the
 *   inner fit's (transformed scale).
 * - simulate: the method's paths on the transformed scale, back-transformed (when the method simulates).
 * @param method the method to wrap: any ForecastMethod, combinations included
 * @param options lambda (default 0) and biasadj (default false)
 * @returns a ForecastMethod named `log(<name>)` for lambda 0, else `boxcox(<name>)` or `boxcox(<name>,<lambda>)`
 * @throws {MetricsError} invalid_argument for a bad method or options; fit throws invalid_argument when a
 *   value is outside the transformation's domain (<= 0 for logs); forecast throws degenerate when, for
 *   lambda < 0, a point forecast passes -1/lambda (R returns NA there). An in-sample fitted value past it (R:
 *   NA) is given as the observed value, and the fit's notes name its year.
 * @example
 * const s = series({ id: 'x', unit: 'count', years: [2016, 2017, 2018, 2019, 2020, 2021], values: [80, 88, 97, 104, 110, 121] });
 * const m = withBoxCox(drift, { lambda: 0 });
 * m.forecast(m.fit(s), 2022).mean; // ≈ [131.43906074]
 */
export function withBoxCox(method: ForecastMethod, options: BoxCoxOptions = {}): ForecastMethod<BoxCoxFit> {
  const fn = 'withBoxCox';
  checkMethod(fn, method);
  assertOptions(fn, options, '{ lambda: 0 }', BOX_COX_OPTIONS);
  const lambdaOpt = options.lambda ?? 0;
  if (lambdaOpt !== 'auto' && (typeof lambdaOpt !== 'number' || !Number.isFinite(lambdaOpt))) {
    throw argumentError(
      'invalid_argument',
      `${fn}: lambda must be a finite number or 'auto' (got ${show(lambdaOpt)}). Pass 0 for logs, 'auto' for Guerrero's choice.`,
      'lambda',
      "a finite number or 'auto'",
      lambdaOpt,
      { lambda: lambdaOpt },
    );
  }
  if (lambdaOpt !== 'auto') checkLambda(fn, lambdaOpt);
  const biasadj = options.biasadj ?? false;
  if (typeof biasadj !== 'boolean') {
    throw argumentError(
      'invalid_argument',
      `${fn}: biasadj must be true or false (got ${show(biasadj)}).`,
      'biasadj',
      'true or false',
      biasadj,
    );
  }
  const inner = method.onTransformedScale ?? method;
  const name =
    lambdaOpt === 0
      ? `log(${method.name})`
      : lambdaOpt === 'auto'
        ? `boxcox(${method.name})`
        : `boxcox(${method.name},${lambdaLabel(lambdaOpt)})`;
  const label = (lambda: number, innerName: string): string =>
    lambda === 0 ? `log(${innerName})` : `boxcox(${innerName},${lambdaLabel(lambda)})`;

  const fit = (s: Series): BoxCoxFit => {
    const y = fitInput(`${name}.fit`, s, inner.minLength, false);
    const lambda = lambdaOpt === 'auto' ? boxCoxLambda(y, { lower: -0.9, upper: 2 }) : lambdaOpt;
    const z = y.map((x, i) => {
      if ((lambda === 0 && !(x > 0)) || (lambda < 0 && x < 0)) {
        throw argumentError(
          'invalid_argument',
          `${name}.fit: series "${s.id}" has ${x} in ${s.years[i]}, outside the domain of a Box-Cox transformation with lambda ${lambdaLabel(lambda)} (got ${x}). Use the method without a transformation, or lambda > 0.`,
          ['series', 'values', i],
          `a value in the domain of lambda ${lambdaLabel(lambda)}`,
          x,
          { year: s.years[i], value: x, lambda },
        );
      }
      const v = bcOne(x, lambda);
      if (!Number.isFinite(v)) {
        throw new MetricsError(
          'degenerate',
          `${name}.fit: the Box-Cox transform of series "${s.id}" in ${s.years[i]} overflows (got ${x} with lambda ${lambdaLabel(lambda)}). Use a lambda between -1 and 2, as R does.`,
          { year: s.years[i], value: x, lambda },
        );
      }
      return v;
    });
    const t = series({ id: s.id, unit: s.unit, years: [...s.years], values: z });
    const innerFit = inner.fit(t);
    const fitted = innerFit.fitted.map((v) => {
      const b = invOne(v, lambda);
      return biasadj && Number.isFinite(innerFit.sigma2) ? biasAdjust(b, lambda, innerFit.sigma2) : b;
    });
    // For lambda < 0 a fitted value past -1/lambda has no inverse (R's fitted value is NA there). A fit holds
    // numbers, so the observed value stands in (residual 0) and a note names the years; the forecast does not
    // read fitted values.
    const noInverse: number[] = [];
    fitted.forEach((v, i) => {
      if (!Number.isFinite(v)) {
        noInverse.push(s.years[i] as number);
        fitted[i] = y[i] as number;
      }
    });
    const notes = [...(innerFit.notes ?? [])];
    if (lambdaOpt === 'auto') notes.push(`Box-Cox lambda ${lambdaLabel(lambda)} chosen by Guerrero's method`);
    if (noInverse.length > 0)
      notes.push(
        `the fitted values for ${noInverse.join(', ')} pass -1/lambda, where the transformation has no inverse (R gives NA): the observed values stand in`,
      );
    return Object.assign(fitBase(s, label(lambda, innerFit.method), y), {
      inner: innerFit,
      lambda,
      biasadj,
      params: Object.assign({}, innerFit.params, { lambda }),
      state: { ...innerFit.state },
      fitted,
      residuals: y.map((v, i) => v - fitted[i]!),
      sigma2: innerFit.sigma2,
      ...(innerFit.loglik !== undefined ? { loglik: innerFit.loglik } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    });
  };

  const checkFit = (where: string, f: BoxCoxFit): void => {
    if (
      typeof f !== 'object' ||
      f === null ||
      typeof f.inner !== 'object' ||
      f.inner === null ||
      typeof f.lambda !== 'number' ||
      !Number.isFinite(f.lambda) ||
      typeof f.biasadj !== 'boolean'
    ) {
      throw argumentError(
        'invalid_argument',
        `${name}.${where}: expected a fit made by ${name}.fit (got ${show(f)}). Call ${name}.fit(series) first.`,
        'fit',
        `a fit made by ${name}.fit`,
        f,
      );
    }
  };

  const forecast = (f: BoxCoxFit, toYear: number, opts?: ForecastOptions): Forecast => {
    checkFit('forecast', f);
    const years = horizonYears(`${name}.forecast`, f, toYear);
    const levels = intervalLevels(`${name}.forecast`, opts);
    const innerOpts = opts?.smallSample === false ? { smallSample: false } : {};
    // The range bound applies to the data's own scale, after the back-transformation (makeForecast below).
    // Point forecasts only (calibrate's origins) still need the inner interval for the bias adjustment: the
    // 95% one, as calibrate asks for, and R's (normal) one, so that the point forecast is R's.
    const fc = withoutRangeBound(() =>
      f.biasadj && pointsOnlyOn()
        ? pointsOnly(() => inner.forecast(f.inner, toYear, { smallSample: false, levels: [0.95] }), false)
        : inner.forecast(f.inner, toYear, { ...innerOpts, levels }),
    );
    const lambda = f.lambda;
    let mean = fc.mean.map((m) => invOne(m, lambda));
    const beyond = mean.findIndex((m) => !Number.isFinite(m));
    if (beyond >= 0) {
      throw new MetricsError(
        'degenerate',
        `${name}.forecast: the forecast for ${years[beyond]} of series "${f.seriesId}" passes -1/lambda on the Box-Cox scale (lambda ${lambdaLabel(lambda)}), where the transformation has no inverse (R gives NA) (got ${fc.mean[beyond]}). Use lambda >= 0, e.g. 0 for logs.`,
        { lambda, year: years[beyond] },
      );
    }
    if (f.biasadj) {
      // R's InvBoxCox(fvar = the forecast object): the variance from the widest interval, a normal one as R's
      // (small-sample t quantiles widen the intervals under 10 points, never move the point forecast).
      const normal =
        f.values.length < SMALL_SAMPLE && opts?.smallSample !== false && !pointsOnlyOn()
          ? withoutRangeBound(() => inner.forecast(f.inner, toYear, { levels: [0.95], smallSample: false }))
          : fc;
      const top = normal.intervals[normal.intervals.length - 1]!;
      const z = normalQuantile((top.level + 1) / 2);
      mean = mean.map((m, i) => biasAdjust(m, lambda, ((top.upper[i]! - top.lower[i]!) / z / 2) ** 2));
    }
    const intervals = (levels.length === 0 ? [] : fc.intervals).map((it) => ({
      level: it.level,
      lower: it.lower.map((v) => invOne(v, lambda)),
      upper: it.upper.map((v) => invOne(v, lambda)),
    }));
    return makeForecast(f, years, mean, intervals);
  };

  const out: ForecastMethod<BoxCoxFit> = {
    name,
    description: `${method.description} Fitted on the Box-Cox scale (lambda ${lambdaOpt === 'auto' ? "by Guerrero's method" : lambdaLabel(lambdaOpt)}) and back-transformed${biasadj ? ' with bias adjustment' : ''}.`,
    minLength: inner.minLength,
    // the wrapped method's in-sample errors, back-transformed, behave as its own do
    ...(inner.calibrationScale === undefined ? {} : { calibrationScale: inner.calibrationScale }),
    fit,
    forecast,
  };
  if (inner.simulate === undefined) return out;
  const sim = inner.simulate.bind(inner);
  return {
    ...out,
    simulate(f: BoxCoxFit, toYear: number, opts: SimulateFitOptions) {
      checkFit('simulate', f);
      checkSimulateOptions(`${name}.simulate`, opts);
      const r = sim(f.inner, toYear, opts);
      const paths = r.paths.map((v) => invOne(v, f.lambda));
      // For lambda < 0 a path beyond -1/lambda has no inverse; for any lambda a path may overflow.
      return checkPaths(`${name}.simulate`, f, r.years, paths);
    },
  };
}
