import { MetricsError } from '../errors.js';
import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';
import { probabilityRestsOn } from '../model/probabilityBasis.js';
import { simulateModel } from '../model/simulateModel.js';
import type { ModelDefinition, PathSpec, ResolvedValue } from '../spec/types.js';
import type { ObservationSet } from '../observations/types.js';
import type { TargetAttainment } from '../simulate/types.js';
import type { Fact } from '../targets/fact.js';
import { convertScale } from '../series/units.js';
import { describeFact } from '../targets/describeFact.js';
import { nowcast } from './nowcast.js';
import { checkScoredObservations, scoreTarget, type TargetScore } from './scoreTarget.js';
import { asModel, checkObservationSet } from '../spec/asModel.js';

/** Options of {@link planScorecard}. */
export interface PlanScorecardOptions {
  /** Only observations up to this year are used. */
  readonly asOf: number;
  /** Monte Carlo paths for the ex-ante probabilities and the nowcasts; default 20000. */
  readonly paths?: number;
  /** Seed of every run; default 2026. */
  readonly seed?: number;
}

const PLAN_SCORECARD_OPTIONS = optionNames<PlanScorecardOptions>({ asOf: true, paths: true, seed: true });

/** A probability with what it rests on, in words. */
export interface RestedProbability {
  readonly probability: number;
  readonly standardError: number;
  readonly restsOn: string;
}

/** One target of one model: its status as of the year, the ex-ante probability the plan's model gave, and nowcasts. */
export interface ScorecardRow {
  readonly model: string;
  readonly target: string;
  readonly year: number;
  /** The target in words: `more than RMB 3 trillion`. */
  readonly wording: string;
  readonly score: TargetScore;
  /** `met` / `missed` when an observation settles it; null while it is open or undetermined. */
  readonly outcome: 'met' | 'missed' | null;
  /** P(target) from the model as written (its base, path and assumed volatility), before any observation. */
  readonly exAnte: RestedProbability | null;
  /** P(target | latest observation) growing at the plan's rate; null when the target is settled or cannot be nowcast (with `nowcastNote`). */
  readonly nowcastPlan: RestedProbability | null;
  /** The same at the growth observed since the latest level; null when no current observed rate exists. */
  readonly nowcastObserved: RestedProbability | null;
  /** Why a nowcast is missing, when it is. */
  readonly nowcastNote: string | null;
  /**
   * The observation the nowcasts start from: the latest level as of the year, or, for a target year passed
   * with no published outcome, the latest level before it; null when there is no nowcast.
   */
  readonly nowcastFrom: string | null;
}

/** The plan's yearly rate for a target year: a CAGR path's rate, or the rate of the phase that holds the year. */
function planRateFor(path: PathSpec<ResolvedValue>, year: number): number | undefined {
  if (path.type === 'cagr') return path.rate.value;
  if (path.type === 'phases') return path.phases.find((p) => p.fromYear < year && year <= p.toYear)?.rate.value;
  return undefined;
}

/** The most models one scorecard takes: each is simulated, so a thousand already takes minutes. */
const MAX_MODELS = 1000;

/**
 * How the plans did, target by target, as of a year: the status from the observations on the plans' own
 * definition ({@link scoreTarget}), the outcome where an observation settles it, the ex-ante probability
 * the plan's own model gives (a Monte Carlo of the model as written, with what it rests on: "50% by
 * construction" for a base back-cast from the target), and, for targets still open, nowcasts from the
 * latest observation at the plan's rate and at the growth observed since (the model's volatility, an
 * assumption; a nowcast from a lower bound "more than X" is itself a lower bound, and says so).
 * @param models loaded models (their targets are scored)
 * @param set observations and definitions ({@link loadObservations})
 * @param options `asOf`, and `paths`, `seed` for the Monte Carlo runs
 * @returns one row per model target, in the models' order
 * @throws {MetricsError} invalid_argument when asOf is not a whole year, or paths / seed are not whole numbers
 * @example
 * const rows = await planScorecard([loadModel('big-data-14th-fyp')], loadObservations(), { asOf: 2022, paths: 2000 });
 * rows[0]?.score.status; // => 'off track'
 */
export async function planScorecard(
  models: readonly ModelDefinition[],
  set: ObservationSet,
  options: PlanScorecardOptions,
): Promise<ScorecardRow[]> {
  if (!Array.isArray(models)) {
    throw argumentError(
      'invalid_argument',
      `planScorecard: models must be an array of loaded models (got ${show(models)}).`,
      'models',
      'an array of loaded models',
      models,
    );
  }
  if (models.length > MAX_MODELS) {
    throw new MetricsError(
      'too_large',
      `planScorecard: ${models.length} models is more than a scorecard simulates (got ${models.length}; at most ${MAX_MODELS}). Score the models in groups.`,
    );
  }
  for (let i = 0; i < models.length; i++) asModel('planScorecard', models[i]);
  checkObservationSet('planScorecard', set);
  if (options === null || typeof options !== 'object') {
    throw argumentError(
      'invalid_argument',
      `planScorecard: options must be { asOf, paths?, seed? } (got ${show(options)}).`,
      'options',
      '{ asOf, paths?, seed? }',
      options,
    );
  }
  assertOptions('planScorecard', options, undefined, PLAN_SCORECARD_OPTIONS);
  const paths = options.paths ?? 20000;
  const seed = options.seed ?? 2026;
  if (!Number.isSafeInteger(paths) || paths < 100 || !Number.isSafeInteger(seed) || seed < 0) {
    throw argumentError(
      'invalid_argument',
      `planScorecard: paths must be a whole number >= 100 and seed a whole number >= 0 (got paths ${show(paths)}, seed ${show(seed)}). Pass e.g. { paths: 20000, seed: 2026 }.`,
      !Number.isSafeInteger(paths) || paths < 100 ? 'options.paths' : 'options.seed',
      !Number.isSafeInteger(paths) || paths < 100 ? 'a whole number >= 100' : 'a whole number >= 0',
      !Number.isSafeInteger(paths) || paths < 100 ? paths : seed,
      { paths, seed },
    );
  }
  // The observations the targets are scored and nowcast from, checked under this function's name (an
  // observation without a unit was a TypeError in the scoring).
  for (const model of models) {
    for (const t of model.targets) {
      const planDef = set.definitions.find((d) => d.metric === t.metric && d.planDefinition);
      if (planDef !== undefined) checkScoredObservations('planScorecard', set, planDef.id, options.asOf);
    }
  }
  const rows: ScorecardRow[] = [];
  for (const model of models) {
    const ex = model.uncertainty ? await simulateModel(model, { paths, seed }) : undefined;
    for (const t of model.targets) {
      rows.push(
        scorecardRow(
          model,
          t,
          set,
          { asOf: options.asOf, paths, seed },
          ex?.targets.find((x) => x.id === t.id),
        ),
      );
    }
  }
  return rows;
}

/**
 * One target of one model as {@link planScorecard} scores it, as of `settings.asOf`: the status, the outcome,
 * the ex-ante probability from `attained` (the model's own Monte Carlo result for the target, when there is
 * one) and the nowcasts with `settings.paths` and `settings.seed`. The report's {@link planOutcomes} is
 * built on it, so the command line's scorecard and the report say the same.
 */
export function scorecardRow(
  model: ModelDefinition,
  t: Fact,
  set: ObservationSet,
  settings: { readonly asOf: number; readonly paths: number; readonly seed: number },
  attained: TargetAttainment | undefined,
): ScorecardRow {
  const { paths, seed } = settings;
  const planRate = planRateFor(model.path, t.year);
  const score = scoreTarget(t, set, { asOf: settings.asOf, ...(planRate !== undefined && { planRate }) });
  const exAnte: RestedProbability | null = attained
    ? {
        probability: attained.probability,
        standardError: attained.standardError,
        restsOn: probabilityRestsOn(model, 'plan', t.id),
      }
    : null;
  const outcome = score.status === 'met' || score.status === 'missed' ? score.status : null;
  let nowcastPlan: RestedProbability | null = null;
  let nowcastObserved: RestedProbability | null = null;
  let nowcastNote: string | null = null;
  let nowcastFrom: string | null = null;
  // A target year that has passed without a published outcome is nowcast from what was published before it.
  const basis =
    outcome === null && settings.asOf >= t.year
      ? scoreTarget(t, set, { asOf: t.year - 1, ...(planRate !== undefined && { planRate }) })
      : score;
  const latest = set.observations.find((o) => o.id === basis.observation);
  const vol = model.uncertainty?.volatility;
  if (outcome !== null) nowcastNote = 'settled by an observation: no nowcast';
  else if (latest === undefined || basis.requiredRate === null)
    nowcastNote = `no level observation to start from as of ${settings.asOf}`;
  else if (vol === undefined || !(vol.value > 0)) nowcastNote = `model ${model.id} has no volatility to nowcast with`;
  else if (t.comparator !== 'exceeds' && t.comparator !== 'atLeast')
    nowcastNote = `only "more than" / "at least" targets are nowcast (got ${t.comparator})`;
  else {
    const from = {
      year: latest.year,
      value: convertScale(latest.value, latest.unit, t.unit),
      observation: latest.id,
    };
    const target = { year: t.year, value: t.value };
    const bound =
      latest.comparator === 'exceeds' || latest.comparator === 'atLeast'
        ? `; the level is a lower bound ("${describeFact(latest)}"), so this probability is a lower bound too`
        : latest.comparator === 'about'
          ? `; the level is taken at the centre of "${describeFact(latest)}" (its tolerance is an assumption)`
          : '';
    const run = (rate: number, rateSource: string): RestedProbability => {
      const n = nowcast({ from, target, rate, rateSource, volatility: vol.value, paths, seed });
      return {
        probability: n.probability,
        standardError: n.standardError,
        restsOn: `${n.restsOn.join('; ')}${vol.source.kind === 'assumption' ? ` (the model's volatility: ${vol.source.text})` : ''}${bound}`,
      };
    };
    if (planRate !== undefined) nowcastPlan = run(planRate, `the plan's rate (${model.id})`);
    nowcastFrom = latest.id;
    const current = basis.status === 'on track' || basis.status === 'off track';
    if (current && basis.observedRate !== null && basis.observedRateFrom !== null)
      nowcastObserved = run(basis.observedRate, `observed (${basis.observedRateFrom})`);
    else
      nowcastNote = `no growth observed since the latest level${basis.observedRateFrom ? ` (${basis.observedRateFrom} is older or an estimate)` : ''}: no nowcast at an observed rate`;
    if (basis !== score)
      nowcastNote = `${t.year} has passed with no published outcome on "${set.definitions.find((d) => d.id === score.definition)?.label ?? "the plans' definition"}" as of ${settings.asOf}: the nowcasts start from the latest observation before it${nowcastNote ? `; ${nowcastNote}` : ''}`;
  }
  return {
    model: model.id,
    target: t.id,
    year: t.year,
    wording: describeFact(t),
    score,
    outcome,
    exAnte,
    nowcastPlan,
    nowcastObserved,
    nowcastNote,
    nowcastFrom: nowcastPlan !== null || nowcastObserved !== null ? nowcastFrom : null,
  };
}
