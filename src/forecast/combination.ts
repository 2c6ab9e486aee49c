import { MetricsError } from '../errors.js';
import { argumentError, assertOneOf, assertOptions, optionNames, show } from '../internal/assert.js';
import type { Series } from '../series/series.js';
import { fitBase, fitInput, horizonYears, intervalLevels, makeForecast, meanOf } from './internal/common.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions } from './types.js';
import { looksLikeMethod } from './internal/checkMethod.js';

/** A fit of a {@link combination}: the fits of its parts, in order. */
export interface CombinationFit extends ForecastFit {
  /** Each part's fit, in order; null for a part that could not fit this series (see `notes`). */
  readonly parts: readonly (ForecastFit | null)[];
  /** The models fitted and combined, by their fitted names (`ets(M,A,N)`, `log(drift)`). */
  readonly models: readonly string[];
}

/** How a {@link combination} averages its parts, at each year and for each bound. */
export const CombinationAverage = Object.freeze({
  /** The mean of the parts. */
  mean: 'mean',
  /** The mean without the lowest and the highest part (with 3 or more parts fitted; else the mean). */
  trimmed: 'trimmed',
  /** The median of the parts (the mean of the middle two for an even number). */
  median: 'median',
} as const);
export type CombinationAverage = keyof typeof CombinationAverage;

/** Options of {@link combination}. */
export interface CombinationOptions {
  /** Name of the combined method. Default `comb(<part names joined by ",">)`. */
  readonly name?: string;
  /** How the parts are averaged: `mean` (default), `trimmed` or `median` (see {@link CombinationAverage}). */
  readonly average?: CombinationAverage;
}

const COMBINATION_OPTIONS = optionNames<CombinationOptions>({ name: true, average: true });

/**
 * Equal-weight combination of forecasting methods: the point forecast is the mean of the parts' point
 * forecasts, or with `average` a trimmed mean or their median (the M4 competition's "Comb" is
 * `combination([ses, holt, damped])`, exported as {@link comb}). Combining is one of the most reliable ways
 * to cut forecast error on yearly data.
 * - `average: 'trimmed'` leaves out the lowest and the highest part at each year before taking the mean,
 *   and `'median'` takes the median: robust averages that one wild part cannot pull (Jose and Winkler 2008,
 *   "Simple robust averages of forecasts", International Journal of Forecasting 24(1)). With fewer than 3
 *   parts fitted the trimmed average is the mean (noted in the fit).
 * - Intervals: the same average of the parts' lower bounds and of their upper bounds at each level.
 *   A heuristic, not a model-based interval: it nests and widens with the level because each part's
 *   intervals do and each average is monotone in every part, but it ignores the correlation between the
 *   parts' errors.
 * - fit: `parts` holds each part's fit; `fitted` is the same average over the parts, `residuals` the data
 *   minus it; `sigma2` is the mean squared combined residual; parts' notes are kept, prefixed with the
 *   part's name. `fit.method` names the models combined, e.g. `comb(theta, ets(M,A,N))`, and `models` lists them.
 * - A part that cannot fit the series (a log part on data with a zero, say) is left out with a note, as
 *   long as one part fits; otherwise the first part's error is thrown.
 * - No `simulate` (averaging independent paths would understate the spread).
 * @throws {MetricsError} invalid_argument for an empty list, an entry that is not a ForecastMethod or an
 *   unknown `average`
 * @example
 * combination([theta, damped]).name; // => 'comb(theta,damped)'
 * const s = series({ id: 'x', unit: 'count', years: [2001, 2002, 2003, 2004, 2005, 2006], values: [10, 12, 13, 15, 18, 20] });
 * combination([naive, drift, mean], { average: 'median' }).forecast(combination([naive, drift, mean], { average: 'median' }).fit(s), 2007).mean; // => [20]
 */
export function combination(
  methods: readonly ForecastMethod[],
  options: CombinationOptions = {},
): ForecastMethod<CombinationFit> {
  if (!Array.isArray(methods) || methods.length === 0) {
    throw argumentError(
      'invalid_argument',
      `combination: methods must be a non-empty array of forecast methods (got ${show(methods)}). Pass e.g. [theta, damped, ets].`,
      'methods',
      'a non-empty array of forecast methods',
      methods,
    );
  }
  if (methods.length > 100) {
    throw new MetricsError(
      'too_large',
      `combination: at most 100 methods can be combined (got ${methods.length}). Combine a few good ones.`,
      { methods: methods.length },
    );
  }
  // Array.from visits holes (forEach skips them): a hole is a missing method, and is named.
  Array.from(methods).forEach((m, i) => {
    // The whole shape: a part's minLength is read below (a non-number there threw a TypeError).
    if (!looksLikeMethod(m)) {
      throw argumentError(
        'invalid_argument',
        `combination: methods[${i}] is not a forecast method with name, description, minLength, fit and forecast (got ${show(m)}). Pass method objects such as ses or theta.`,
        `methods[${i}]`,
        'a forecast method',
        m,
        { index: i },
      );
    }
  });
  assertOptions('combination', options, "{ average: 'median' }", COMBINATION_OPTIONS);
  const average = options.average ?? 'mean';
  assertOneOf('combination', 'average', average, CombinationAverage);
  const parts = [...methods];
  const name = options.name ?? `comb(${parts.map((m) => m.name).join(',')})`;
  if (typeof name !== 'string' || name.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `combination: name must be a non-empty string (got ${show(name)}).`,
      'name',
      'a non-empty string',
      name,
    );
  }
  return {
    name,
    description: `${AVERAGE_WORDS[average]} of the point forecasts of ${parts.map((m) => m.name).join(', ')}; intervals are the bounds averaged the same way (heuristic).`,
    minLength: Math.max(...parts.map((m) => m.minLength)),
    fit(s: Series): CombinationFit {
      const y = fitInput(`${name}.fit`, s, Math.max(...parts.map((m) => m.minLength)));
      const notes: string[] = [];
      let firstError: unknown;
      const fits = parts.map((m) => {
        try {
          return m.fit(s);
        } catch (e) {
          if (!(e instanceof MetricsError)) throw e;
          firstError ??= e;
          notes.push(`${m.name} left out: ${e.message}`);
          return null;
        }
      });
      const ok = fits.filter((f): f is ForecastFit => f !== null);
      if (ok.length === 0) throw firstError;
      const n = y.length;
      if (average === 'trimmed' && ok.length < 3)
        notes.push(
          `${ok.length} of ${parts.length} parts fitted: their mean is used, as a trimmed mean needs 3 parts.`,
        );
      const fitted = y.map((_, i) =>
        combine(
          average,
          ok.map((f) => f.fitted[i]!),
        ),
      );
      const residuals = y.map((v, i) => v - fitted[i]!);
      fits.forEach((f, j) => {
        for (const note of f?.notes ?? []) notes.push(`${parts[j]!.name}: ${note}`);
      });
      const models = ok.map((f) => f.method);
      return Object.assign(fitBase(s, `${name}(${models.join(', ')})`, y), {
        parts: fits,
        models,
        params: {},
        state: {},
        fitted,
        residuals,
        sigma2: residuals.reduce((acc, r) => acc + r * r, 0) / n,
        ...(notes.length > 0 ? { notes } : {}),
      });
    },
    forecast(fit: CombinationFit, toYear: number, opts?: ForecastOptions): Forecast {
      const years = horizonYears(`${name}.forecast`, fit, toYear, false, ['parts', 'models']);
      const levels = intervalLevels(`${name}.forecast`, opts);
      if (!Array.isArray(fit.parts) || fit.parts.length !== parts.length) {
        throw argumentError(
          'invalid_argument',
          `${name}.forecast: the fit's parts must be an array of this combination's ${parts.length} fits (got ${Array.isArray(fit.parts) ? `${fit.parts.length} parts` : show(fit.parts)}). Use the fit made by this combination.`,
          'fit.parts',
          `an array of ${parts.length} fits`,
          fit.parts,
        );
      }
      // models names the fitted parts, one text each: plain data the forecast returns, so checked like the rest.
      const fitted = fit.parts.reduce((k: number, pf) => (pf === null || pf === undefined ? k : k + 1), 0);
      if (!Array.isArray(fit.models) || fit.models.length !== fitted) {
        throw argumentError(
          'invalid_argument',
          `${name}.forecast: the fit's models must be an array of the ${fitted} fitted parts' names (got ${show(fit.models)}). Use the fit made by this combination, unchanged.`,
          'fit.models',
          `an array of ${fitted} model names`,
          fit.models,
        );
      }
      for (let i = 0; i < fitted; i++) {
        const m: unknown = fit.models[i];
        if (typeof m !== 'string' || m === '') {
          throw argumentError(
            'invalid_argument',
            `${name}.forecast: the fit's models[${i}] must be a model's name, text (got ${show(m)}). Use the fit made by this combination, unchanged.`,
            ['fit', 'models', i],
            "a fitted part's name",
            m,
            { index: i },
          );
        }
      }
      const fcs = parts.flatMap((m, j) => {
        const pf = fit.parts[j];
        return pf === null || pf === undefined
          ? []
          : [m.forecast(pf, toYear, opts?.smallSample === false ? { levels, smallSample: false } : { levels })];
      });
      const k = fcs.length;
      // Each part forecasts the same years from the same last observation, or the average would mix years.
      if (k === 0 || fcs.some((f) => f.years.length !== years.length || f.years[0] !== years[0])) {
        throw argumentError(
          'invalid_argument',
          `${name}.forecast: the fit's parts ${k === 0 ? 'hold no fitted part' : 'end in other years than the fit'} (got ${show(fit.method)}). Use the fit made by this combination, unchanged.`,
          'fit.parts',
          'fitted parts that end where the fit ends',
          fit.method,
        );
      }
      const avg = (pick: (f: Forecast) => readonly number[]): number[] =>
        years.map((_, i) =>
          combine(
            average,
            fcs.map((f) => pick(f)[i]!),
          ),
        );
      const mean = avg((f) => f.mean);
      const intervals = levels.map((level, li) => ({
        level,
        lower: avg((f) => f.intervals[li]!.lower),
        upper: avg((f) => f.intervals[li]!.upper),
      }));
      return makeForecast(fit, years, mean, intervals);
    },
  };
}

const AVERAGE_WORDS: Readonly<Record<CombinationAverage, string>> = {
  mean: 'Mean',
  trimmed: 'Mean without the lowest and the highest',
  median: 'Median',
};

/**
 * The average of the parts' values at one year (values as fitted or forecast, all finite; not in the public
 * index). `v` is a fresh array of the caller's, sorted in place for the trimmed mean and the median.
 */
export function combine(average: CombinationAverage, v: number[]): number {
  const k = v.length;
  if (average === 'mean' || k < 3) return meanOf(v);
  v.sort((a, b) => a - b);
  if (average === 'median') {
    const mid = k >> 1;
    return k % 2 === 1 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  }
  return meanOf(v.slice(1, -1));
}
