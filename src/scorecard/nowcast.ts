import { MetricsError } from '../errors.js';
import { formatPercent } from '../series/units.js';
import { argumentError, assertFinite, assertOptions, optionNames, show } from '../internal/assert.js';
import { rng } from '../random/rng.js';
import { assertPlausible } from '../internal/plausible.js';

/** Options of {@link nowcast}. */
export interface NowcastOptions {
  /** The latest observed level and its year (the nowcast starts here, not from a plan figure). */
  readonly from: { readonly year: number; readonly value: number; readonly observation: string };
  /** The target: "more than `value` in `year`". */
  readonly target: { readonly year: number; readonly value: number };
  /** Central yearly growth assumed from `from.year` on (0.25 the plan's rate, 0.18 the observed one). */
  readonly rate: number;
  /** Where `rate` comes from, shown with the result ("plan rate", "observed 2022 growth"). */
  readonly rateSource: string;
  /** Yearly volatility of log growth (0.05 is 5 points): an assumption, always. */
  readonly volatility: number;
  readonly paths?: number;
  readonly seed?: number;
}

const NOWCAST_OPTIONS = optionNames<NowcastOptions>({
  from: true,
  target: true,
  rate: true,
  rateSource: true,
  volatility: true,
  paths: true,
  seed: true,
});

/** A nowcast: the Monte Carlo probability, its standard error, the lognormal closed form, and what it rests on. */
export interface Nowcast {
  readonly probability: number;
  readonly standardError: number;
  readonly closedForm: number;
  readonly restsOn: readonly string[];
}

function normalCdf(z: number): number {
  // erfc by the Chebyshev fit of Numerical Recipes (erfcc), fractional error below 1.2e-7 everywhere.
  const t = 1 / (1 + (0.5 * Math.abs(z)) / Math.SQRT2);
  const x = Math.abs(z) / Math.SQRT2;
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - y / 2 : y / 2;
}

/** Most Monte Carlo paths a nowcast draws (a few seconds). */
const MAX_PATHS = 10_000_000;
/** Most paths x years drawn (about a second). */
const MAX_PATH_YEARS = 20_000_000;

/**
 * P(the level exceeds the target in its year | the latest observation): paths grow from the observed level
 * with log growth ln(1 + rate) + N(0, volatility²) each year, independently (seeded). The closed form
 * 1 - Φ((ln(target / from) - n ln(1 + rate)) / (volatility √n)) is returned beside it (the two agree within
 * Monte Carlo error). `restsOn` lists the observation, the rate's source and the volatility, labelled as
 * an assumption. Compare with the ex-ante probability of the plan's own model to see what the data changed.
 * @param options see {@link NowcastOptions}
 * @throws {MetricsError} invalid_argument when the target year is not after the observation's, a level
 *   is not > 0, the volatility is not > 0, or paths is not a whole number >= 100
 * @example
 * const from = { year: 2022, value: 1.57, observation: 'obs.big-data.miit-2022' };
 * const n = nowcast({ from, target: { year: 2025, value: 3 }, rate: 0.18, rateSource: 'observed 2022 growth', volatility: 0.05 });
 * n.closedForm.toFixed(3); // => '0.041'
 */
export function nowcast(options: NowcastOptions): Nowcast {
  const isObject = (v: unknown): boolean => v !== null && typeof v === 'object';
  if (!isObject(options) || !isObject(options.from) || !isObject(options.target)) {
    throw argumentError(
      'invalid_argument',
      `nowcast: options must be { from: { year, value, observation }, target: { year, value }, rate, rateSource, volatility } (got ${show(options)}).`,
      'options',
      '{ from: { year, value, observation }, target: { year, value }, rate, rateSource, volatility }',
      options,
    );
  }
  assertOptions('nowcast', options, undefined, NOWCAST_OPTIONS);
  for (const [name, v] of [
    ['from.observation', options.from.observation],
    ['rateSource', options.rateSource],
  ] as const) {
    if (typeof v !== 'string' || v.trim() === '')
      throw argumentError(
        'invalid_argument',
        `nowcast: ${name} must say where it comes from (got ${show(v)}).`,
        name,
        'a non-empty text saying where it comes from',
        v,
      );
  }
  const { from, target, rate, volatility } = options;
  const paths = options.paths ?? 20000;
  const seed = options.seed ?? 1;
  assertFinite('nowcast', { fromValue: from.value, targetValue: target.value, rate, volatility, paths });
  for (const [name, y] of [
    ['from.year', from.year],
    ['target.year', target.year],
  ] as const)
    if (typeof y !== 'number' || !Number.isInteger(y) || Math.abs(y) > 100_000)
      throw argumentError(
        'invalid_argument',
        `nowcast: ${name} must be a whole calendar year (got ${show(y)}).`,
        name,
        'a whole calendar year',
        y,
      );
  const years = target.year - from.year;
  if (!Number.isInteger(years) || years < 1) {
    throw argumentError(
      'invalid_argument',
      `nowcast: the target year must come after the observation's (got ${from.year} -> ${target.year}). Nowcast a target that is still open.`,
      'target.year',
      `> from.year (${from.year})`,
      target.year,
      { from: from.year, to: target.year },
    );
  }
  if (
    from.value <= 0 ||
    target.value <= 0 ||
    volatility <= 0 ||
    rate <= -1 ||
    !Number.isInteger(paths) ||
    paths < 100
  ) {
    throw argumentError(
      'invalid_argument',
      `nowcast: levels and volatility must be > 0, rate > -1 and paths a whole number >= 100 (got from ${from.value}, target ${target.value}, volatility ${volatility}, rate ${rate}, paths ${paths}). Check the inputs.`,
      from.value <= 0
        ? 'from.value'
        : target.value <= 0
          ? 'target.value'
          : volatility <= 0
            ? 'volatility'
            : rate <= -1
              ? 'rate'
              : 'paths',
      from.value <= 0 || target.value <= 0 || volatility <= 0 ? '> 0' : rate <= -1 ? '> -1' : 'a whole number >= 100',
      from.value <= 0
        ? from.value
        : target.value <= 0
          ? target.value
          : volatility <= 0
            ? volatility
            : rate <= -1
              ? rate
              : paths,
      { from: from.value, target: target.value, volatility, rate, paths },
    );
  }
  assertPlausible('nowcast', 'rate', rate, 'rate');
  assertPlausible('nowcast', 'volatility', volatility, 'volatility');
  if (paths * years > MAX_PATH_YEARS) {
    throw new MetricsError(
      'too_large',
      `nowcast: ${paths} paths over ${years} years is more than ${MAX_PATH_YEARS} path-years (got ${from.year} -> ${target.year}). Nowcast a nearer target, or with fewer paths.`,
      { paths, years },
    );
  }
  if (paths > MAX_PATHS) {
    throw new MetricsError(
      'too_large',
      `nowcast: paths must be at most ${MAX_PATHS} (got ${paths}); the closed form is exact and 20000 paths check it to about 0.3 points.`,
      { paths },
    );
  }
  const r = rng(seed);
  const drift = Math.log1p(rate);
  const threshold = Math.log(target.value / from.value);
  let hits = 0;
  for (let p = 0; p < paths; p++) {
    let logGrowth = 0;
    for (let y = 0; y < years; y++) logGrowth += drift + volatility * r.normal();
    if (logGrowth > threshold) hits++;
  }
  const probability = hits / paths;
  const closedForm = 1 - normalCdf((threshold - years * drift) / (volatility * Math.sqrt(years)));
  return Object.freeze({
    probability,
    standardError: Math.sqrt(Math.max(probability * (1 - probability), 1 / paths) / paths),
    closedForm,
    restsOn: Object.freeze([
      `observed: ${from.value} in ${from.year} (${from.observation})`,
      `growth: ${formatPercent(rate, { decimals: 1, fixed: true })} a year, ${options.rateSource}`,
      `assumption: volatility ${(volatility * 100).toFixed(1)} points of log growth a year, independent years, seed ${seed}, ${paths} paths`,
    ]),
  });
}
