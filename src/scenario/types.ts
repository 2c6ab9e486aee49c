import type { Unit } from '../series/units.js';
import type { Fact } from '../targets/fact.js';

/**
 * A target checked against a projection.
 * - `measure`: `level` for a level target (in the model's unit or a scale of it); `cagr` for a rate
 *   target (a fraction-valued fact such as "about 25% a year over 2020-2025": the projection's CAGR from
 *   `fact.fromYear` to `fact.year`, or the growth of `fact.year` alone when the fact has no `fromYear`).
 * - `target`: the target value, converted to the model's unit for levels (a fraction for rates).
 * - `value`: the projected level in `year` (or the projected rate), same unit as `target`.
 * - `meets`: the fact's comparator applied to `value` (with its tolerance for `about`; see targets/meets).
 * - `margin`: signed room to failing, in `target`'s unit (positive when met).
 * - `gap`: `value - target`; `gapRelative`: `gap / target` (0.05 is 5% above the target).
 * - `requiredCagr`: the constant yearly rate that takes the level in `fromYear` to the target level in
 *   `year`, i.e. `(target / level(fromYear))^(1 / (year - fromYear)) - 1`. In a projection, `fromYear` is the
 *   base year (the observed level); gapToTarget can measure it from a later projected year instead.
 *   For a rate target it is the target rate itself.
 * - `projectedCagr`: the rate the projection delivers over the same years (`fromYear` -> `year`).
 */
export interface TargetCheck {
  readonly fact: Fact;
  readonly measure: 'level' | 'cagr';
  readonly year: number;
  readonly fromYear: number;
  readonly target: number;
  readonly value: number;
  readonly meets: boolean;
  readonly margin: number;
  readonly gap: number;
  readonly gapRelative: number;
  readonly requiredCagr: number;
  readonly projectedCagr: number;
}

/**
 * One scenario of a model projected year by year (see project). `years`, `levels` and `rates` follow
 * the LevelPath convention: `levels[0]` is the base in `fromYear`, `rates[i]` is the growth into
 * `years[i + 1]`. `targets` are the model's targets that fall in the projected years; `outside` lists
 * the ones that do not (before or in the base year, or after `toYear`), unchecked.
 */
export interface ScenarioProjection {
  readonly modelId: string;
  readonly metric: string;
  readonly scenario: string;
  readonly description: string;
  readonly unit: Unit;
  readonly fromYear: number;
  readonly toYear: number;
  readonly years: readonly number[];
  readonly levels: readonly number[];
  readonly rates: readonly number[];
  readonly targets: readonly TargetCheck[];
  readonly outside: readonly Fact[];
}
