/**
 * A level path: the level in every year from `fromYear` to `toYear` and the growth into each year.
 * - `years`: fromYear, fromYear + 1, …, toYear (the first year is the base, an observed level).
 * - `levels[i]`: the level in `years[i]`; `levels[0]` is the base.
 * - `rates[i]`: growth from `years[i]` to `years[i + 1]`, i.e. the growth rate *of* year `years[i + 1]`;
 *   one fewer than `years` (the base year has no growth in the path).
 */
export interface LevelPath {
  readonly years: readonly number[];
  readonly levels: readonly number[];
  readonly rates: readonly number[];
}

/** The span and starting level every path function takes. */
export interface PathSpan {
  /** The base year (its level is `base`); the first projected year is `fromYear + 1`. */
  readonly fromYear: number;
  /** The last projected year, > fromYear. */
  readonly toYear: number;
  /** The level in `fromYear`, > 0. */
  readonly base: number;
}
