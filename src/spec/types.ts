import type { Fact } from '../targets/fact.js';
import type { Unit } from '../series/units.js';
import type { MetricDefinition, Observation, ObservationSource } from '../observations/types.js';

/**
 * A number in a model file: either a reference to a seed fact by id, or an explicit assumption that
 * says why it has this value, or a level derived from two facts (`backcast`: the base implied by a
 * target level and a rate over the model's years), or a published observation by id (a level in the
 * model's base year: no back-cast needed). Bare numbers are not accepted for levels, rates or
 * volatilities, so a model cannot pass an assumption off as sourced.
 */
export type ValueRef =
  | { readonly fact: string }
  | { readonly value: number; readonly assumption: string }
  | { readonly backcast: { readonly target: string; readonly rate: string } }
  | { readonly observation: string };

/** A {@link ValueRef} after loading: the number and where it comes from. */
export interface ResolvedValue {
  readonly value: number;
  readonly source:
    | { readonly kind: 'fact'; readonly fact: Fact }
    | { readonly kind: 'assumption'; readonly text: string }
    | { readonly kind: 'derived'; readonly from: readonly Fact[]; readonly formula: string }
    | { readonly kind: 'observation'; readonly observation: Observation; readonly definition: MetricDefinition };
}

/**
 * An observation written into a model file: the user's own published figure, with its source (cited,
 * in your own words) and the definition it is on (an id of the observation set, normally the plans' own).
 */
export interface InlineObservation {
  readonly id: string;
  readonly definition: string;
  readonly year: number;
  readonly fromYear?: number;
  readonly value: number;
  readonly unit: string;
  readonly comparator: 'exceeds' | 'atLeast' | 'atMost' | 'below' | 'equals';
  readonly kind: 'actual' | 'estimate';
  readonly statement: string;
  readonly assumption?: string;
  readonly source: ObservationSource;
}

/**
 * An uncertain base: each Monte Carlo path draws its base level from an interval. Its ends come from the
 * wording of the base figure where the wording gives them ("about X" gives both, "more than X" the lower
 * end); an end the wording leaves open is given here, as an assumption. The distribution is an assumption.
 */
export interface BaseUncertaintySpec<V = ValueRef> {
  readonly distribution: 'uniform' | 'triangular';
  readonly lower?: V;
  readonly upper?: V;
  /** Why this distribution over the interval: shown with every result that uses it. */
  readonly assumption: string;
}

/** A base uncertainty after loading: both ends resolved, and which of them the wording gives. */
export interface ResolvedBaseUncertainty {
  readonly distribution: 'uniform' | 'triangular';
  readonly lower: ResolvedValue;
  readonly upper: ResolvedValue;
  /** The interval the base figure's wording allows, in the model's unit (an end is ±Infinity when open). */
  readonly wording: readonly [number, number];
  readonly assumption: string;
}

/**
 * How the level moves from `fromYear` to `toYear` (growth path). Rates are fractions a year.
 * - `cagr`: constant rate.
 * - `phases`: a constant rate per span (`fromYear` exclusive -> `toYear` inclusive), spans back to back.
 * - `rates`: one rate per year.
 * - `linear`: a constant yearly increment (`slope`, in the model's unit).
 * - `logistic`: logistic growth at intrinsic `rate` towards a saturation `cap` (in the model's unit).
 * - `anchors`: levels in given years; growth between anchors is the CAGR between them.
 * - `expression`: the growth rate as an expression of the year `t`, e.g. `0.25 - 0.01 * (t - 2021)`.
 */
export type PathSpec<V = ValueRef> =
  | { readonly type: 'cagr'; readonly rate: V }
  | {
      readonly type: 'phases';
      readonly phases: readonly { readonly fromYear: number; readonly toYear: number; readonly rate: V }[];
    }
  | { readonly type: 'rates'; readonly rates: readonly { readonly year: number; readonly rate: V }[] }
  | { readonly type: 'linear'; readonly slope: V }
  | { readonly type: 'logistic'; readonly rate: V; readonly cap: V }
  | { readonly type: 'anchors'; readonly anchors: readonly { readonly year: number; readonly value: V }[] }
  | { readonly type: 'expression'; readonly expression: string; readonly assumption: string };

/** A one-off level shock: the level in `year` (and after) is multiplied by `1 + size` (-0.05: a 5% drop). */
export interface ShockSpec<V = ValueRef> {
  readonly year: number;
  readonly size: V;
}

/** Caps and floors on the level, applied every year after growth and shocks. */
export interface BoundsSpec<V = ValueRef> {
  readonly cap?: V;
  readonly floor?: V;
}

/** A named scenario: overrides of the model's path, shocks and bounds. Anything absent is inherited. */
export interface ScenarioSpec<V = ValueRef> {
  readonly description: string;
  readonly path?: PathSpec<V>;
  readonly shocks?: readonly ShockSpec<V>[];
  readonly bounds?: BoundsSpec<V>;
}

/** Distribution of the yearly growth deviations in Monte Carlo runs. */
export const ShockDistribution = Object.freeze({ normal: 'normal', studentT: 'studentT' } as const);
export type ShockDistribution = keyof typeof ShockDistribution;

/**
 * Uncertainty around the path, for Monte Carlo: yearly growth = path rate + deviation.
 * - `volatility`: standard deviation of the yearly growth deviation (0.05 is 5 points).
 * - `distribution`: `normal` or `studentT` (with `degreesOfFreedom` > 2, scaled to the same sd).
 * - `persistence`: AR(1) coefficient of the deviations, in (-1, 1).
 * - `meanUncertainty`: sd of a per-path offset of mean growth, drawn once per path.
 * - `rareShock`: a jump in growth with `probability` per year and `size` (e.g. -0.1).
 */
export interface UncertaintySpec<V = ValueRef> {
  readonly volatility: V;
  /** An uncertain base, drawn per path (see {@link BaseUncertaintySpec}). */
  readonly base?: V extends ResolvedValue ? ResolvedBaseUncertainty : BaseUncertaintySpec<V>;
  readonly distribution?: ShockDistribution;
  readonly degreesOfFreedom?: number;
  readonly persistence?: V;
  readonly meanUncertainty?: V;
  readonly rareShock?: { readonly probability: V; readonly size: V };
}

/** A sector (a part of the total) with its share of the base-year total and its own growth path. */
export interface SectorSpec<V = ValueRef> {
  readonly id: string;
  readonly name: string;
  readonly share: V;
  readonly path: PathSpec<V>;
}

/** A plan period a model is about: shaded on its charts, labelled for its own plan. */
export interface ModelPeriod {
  /** `14th Five-Year Plan`, `Three-year action plan`. */
  readonly label: string;
  /** The label in Chinese (`“十四五”规划`), for `--locale zh`. */
  readonly zh?: string;
  readonly fromYear: number;
  readonly toYear: number;
}

/** Chinese names of a model, for `--locale zh` (anything missing is shown by its id). */
export interface ModelNamesZh {
  readonly title?: string;
  /** Scenario names by scenario id (`plan` included). */
  readonly scenarios?: Readonly<Record<string, string>>;
  /** Sector names by sector id. */
  readonly sectors?: Readonly<Record<string, string>>;
}

/** A model file as written (JSON): every number a {@link ValueRef}. See models/model.schema.json. */
export interface ModelFile {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** The metric the model projects (`big-data.revenue`); targets must be of this metric. */
  readonly metric: string;
  /** Unit of levels, e.g. `CNY trillion`. */
  readonly unit: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** The level in `fromYear`. */
  readonly base: ValueRef;
  /** The plan path (the scenario called `plan`). */
  readonly path: PathSpec;
  readonly shocks?: readonly ShockSpec[];
  readonly bounds?: BoundsSpec;
  /** Other scenarios by name; `plan` is always there and is the model's own path. */
  readonly scenarios?: Readonly<Record<string, ScenarioSpec>>;
  readonly uncertainty?: UncertaintySpec;
  /** Fact ids of the targets to check and to compute attainment for. */
  readonly targets: readonly string[];
  /** Other fact ids the consistency report should consider (claims, rates, exchange rates). */
  readonly related?: readonly string[];
  readonly sectors?: readonly SectorSpec[];
  /**
   * Published observations the model may start from (`asOf`): ids from the observation set, or figures
   * of your own with their source. All must be on the plans' definition of the model's metric.
   */
  readonly observations?: readonly (string | InlineObservation)[];
  /** Plan periods to shade on charts; none by default (a user's own model is no Five-Year Plan). */
  readonly periods?: readonly ModelPeriod[];
  /** Chinese names for `--locale zh`. */
  readonly zh?: ModelNamesZh;
}

/**
 * A model after loading: every value resolved to a number with its source, units parsed,
 * targets looked up. This is what the library's functions take.
 */
export interface ModelDefinition {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly metric: string;
  readonly unit: Unit;
  readonly fromYear: number;
  readonly toYear: number;
  readonly base: ResolvedValue;
  readonly path: PathSpec<ResolvedValue>;
  readonly shocks: readonly ShockSpec<ResolvedValue>[];
  readonly bounds: BoundsSpec<ResolvedValue>;
  /** Always has `plan` (the model's own path, shocks and bounds) first. */
  readonly scenarios: Readonly<Record<string, ScenarioSpec<ResolvedValue>>>;
  readonly uncertainty?: UncertaintySpec<ResolvedValue>;
  readonly targets: readonly Fact[];
  readonly related: readonly Fact[];
  readonly sectors: readonly SectorSpec<ResolvedValue>[];
  /** Observations on the plans' definition of the metric, levels and rates, by year (none when absent). */
  readonly observations?: readonly Observation[];
  /** The definition the observations are on, when the model has any. */
  readonly definition?: MetricDefinition;
  /** Set by `modelAsOf`: the model restated from its latest observation up to this year. */
  readonly asOf?: { readonly year: number; readonly observation: string; readonly originalFromYear: number };
  /** Plan periods the model declares, when it declares any. */
  readonly periods?: readonly ModelPeriod[];
  /** Chinese names, when the model file gives them. */
  readonly zh?: ModelNamesZh;
  /** Where the model was loaded from (a path, or `built-in`). */
  readonly origin: string;
}
