import { assertFinite, argumentError, optionNames } from '../internal/assert.js';
import { checkSpan, levelsPath, yearsOf } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';
import { assertPlausible } from '../internal/plausible.js';

/** Options of {@link logisticPath}. */
export interface LogisticPathOptions extends PathSpan {
  /** Intrinsic growth rate r > 0 (continuous, a year): near 0 the level grows like e^(r t). */
  readonly rate: number;
  /** Saturation level K > 0, in the level's unit. */
  readonly cap: number;
}

const LOGISTIC_PATH_OPTIONS = optionNames<LogisticPathOptions>({
  fromYear: true,
  toYear: true,
  base: true,
  rate: true,
  cap: true,
});

/**
 * Logistic growth towards a saturation cap, closed form
 * `L(y) = K / (1 + ((K - base) / base) * e^(-r (y - fromYear)))`, so L(fromYear) = base and L → K.
 * A base above the cap falls towards it; a base equal to the cap stays there.
 * https://en.wikipedia.org/wiki/Logistic_function#In_ecology:_modeling_population_growth
 * @throws {MetricsError} invalid_argument when rate <= 0, rate > 3 (a percent, not a fraction) or cap <= 0,
 *   or for a bad span
 * @example
 * logisticPath({ base: 1, rate: Math.log(3), cap: 2, fromYear: 2020, toYear: 2021 }).levels; // => [1, 1.4999999999999998] (1.5 up to rounding)
 */
export function logisticPath(options: LogisticPathOptions): LevelPath {
  const fn = 'logisticPath';
  checkSpan(fn, options, LOGISTIC_PATH_OPTIONS);
  const { base, rate, cap, fromYear, toYear } = options;
  assertFinite(fn, { rate, cap });
  if (rate <= 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: rate must be > 0 (got ${rate}). It is the intrinsic growth rate towards the cap.`,
      'rate',
      '> 0',
      rate,
      { rate },
    );
  }
  assertPlausible(fn, 'rate', rate, 'rate');
  if (cap <= 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: cap must be > 0 (got ${cap}). It is the saturation level, in the level's unit.`,
      'cap',
      '> 0',
      cap,
      { cap },
    );
  }
  const years = yearsOf(fromYear, toYear);
  const c = (cap - base) / base;
  return levelsPath(
    fn,
    years,
    years.map((y) => cap / (1 + c * Math.exp(-rate * (y - fromYear)))),
  );
}
