import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';
import { convertScale, formatPercent, isScaleConvertible, unitToString } from '../series/units.js';
import { assertPlausible } from '../internal/plausible.js';
import { asFact } from '../targets/asFact.js';
import { toleranceWidth } from '../targets/meets.js';
import { describeFact } from '../targets/describeFact.js';
import type { Fact } from '../targets/fact.js';
import type { Observation, ObservationSet } from '../observations/types.js';
import { checkObservation, checkObservationSet } from '../spec/asModel.js';

/**
 * Checks, field by field, the observations {@link scoreTarget} reads for a target: those of its plan
 * definition up to `asOf`, whose unit, comparator, kind and source its numbers and sentences use. The set
 * check (checkObservationSet) leaves a unit out; an observation without one was a TypeError. Not exported
 * from the package; planScorecard calls it with its own name first.
 */
export function checkScoredObservations(fn: string, set: ObservationSet, definition: string, asOf: number): void {
  for (let i = 0; i < set.observations.length; i++) {
    const o = set.observations[i] as Observation;
    if (o.definition === definition && o.year <= asOf) checkObservation(fn, `set.observations[${i}]`, o, true);
  }
}

/** Options of {@link scoreTarget}. */
export interface ScoreTargetOptions {
  /** Only observations of years up to this one are used ("as of 2022"). */
  readonly asOf: number;
  /** The plan's own yearly rate for the target (0.25), when it has one. */
  readonly planRate?: number;
}

const SCORE_TARGET_OPTIONS = optionNames<ScoreTargetOptions>({ asOf: true, planRate: true });

/** A target's status as of a year, with what decides it. */
export interface TargetScore {
  readonly target: string;
  readonly asOf: number;
  readonly status: 'met' | 'missed' | 'on track' | 'off track' | 'undetermined';
  /** The definition used: the plans' definition of the target's metric, when there is one. */
  readonly definition: string | null;
  /** The observation that decides (met/missed) or that the required growth starts from. */
  readonly observation: string | null;
  /** Yearly growth still required from the latest observation; a bound when that observation is one. */
  readonly requiredRate: number | null;
  /**
   * "exactly" when the observation is a stated level, "at most" when it is a lower bound ("more than"),
   * "about" when it is an "about" level (then `requiredRateRange` gives the band).
   */
  readonly requiredRateIs: 'exactly' | 'at most' | 'about' | null;
  /** For an "about" level: the required rate from the band's upper and lower ends. */
  readonly requiredRateRange?: readonly [number, number];
  readonly planRate: number | null;
  /** The latest observed rate on the definition (a year-on-year or a period CAGR) and its observation id. */
  readonly observedRate: number | null;
  readonly observedRateFrom: string | null;
  readonly reason: string;
}

type Bound =
  | { lo: number; loStrict: boolean }
  | { hi: number; hiStrict: boolean }
  | { exact: number }
  | { lo: number; hi: number };

function boundOf(o: Observation, value: number): Bound {
  switch (o.comparator) {
    case 'exceeds':
      return { lo: value, loStrict: true };
    case 'atLeast':
      return { lo: value, loStrict: false };
    case 'atMost':
      return { hi: value, hiStrict: false };
    case 'below':
      return { hi: value, hiStrict: true };
    case 'about': {
      const w = toleranceWidth({ value, comparator: 'about', tolerance: o.tolerance, unit: o.unit });
      return { lo: value - w, hi: value + w };
    }
    default:
      return { exact: value };
  }
}

/** met / missed / null (the observation does not settle it) for a target "exceeds X" or "at least X". */
function decide(target: Fact, b: Bound): 'met' | 'missed' | null {
  const x = target.value;
  const strict = target.comparator === 'exceeds';
  if ('exact' in b) return (strict ? b.exact > x : b.exact >= x) ? 'met' : 'missed';
  if ('lo' in b && 'hi' in b) {
    // An "about" band settles the target only when it lies wholly on one side.
    if (strict ? b.lo > x : b.lo >= x) return 'met';
    if (strict ? b.hi <= x : b.hi < x) return 'missed';
    return null;
  }
  if ('lo' in b) return b.lo > x || (b.lo === x && (strict ? b.loStrict || false : true)) ? 'met' : null;
  return b.hi < x || (b.hi === x && (strict || b.hiStrict)) ? 'missed' : null;
}

/**
 * A plan target's status as of a year, from observations on the plans' own definition of its metric only:
 * `met` / `missed` when an actual (not an estimate) for the target year settles it, comparators respected
 * ("more than 1 trillion" observed settles "more than 1 trillion" targeted; "more than 0.9" does not);
 * otherwise, before the target year, `on track` / `off track` from the growth still required from the
 * latest level observation, (target / latest)^(1 / years left) - 1, against the latest observed rate
 * (the plan's rate is reported beside it). A latest observation that is a lower bound makes the required
 * rate an upper bound ("at most"). `undetermined` says why: no plan definition, only other definitions
 * (named), or no observation yet. Targets other than "exceeds"/"at least" levels are undetermined.
 * @param target a plan target (a level, comparator exceeds or atLeast)
 * @param set observations and definitions ({@link loadObservations})
 * @param options `asOf` year, optional `planRate`
 * @throws {MetricsError} invalid_argument when asOf is not a whole year or the target is not a target
 * @example
 * const target = factById(loadSeeds(), 'bd14.revenue-2025');
 * const s = scoreTarget(target, loadObservations(), { asOf: 2022, planRate: 0.25 });
 * s.status; // => 'off track'
 * s.requiredRate?.toFixed(4); // => '0.2409'
 */
export function scoreTarget(target: Fact, set: ObservationSet, options: ScoreTargetOptions): TargetScore {
  asFact('scoreTarget', target, 'target');
  checkObservationSet('scoreTarget', set);
  if (options === null || typeof options !== 'object') {
    throw argumentError(
      'invalid_argument',
      `scoreTarget: options must be { asOf, planRate? } (got ${show(options)}).`,
      'options',
      '{ asOf, planRate? }',
      options,
    );
  }
  assertOptions('scoreTarget', options, undefined, SCORE_TARGET_OPTIONS);
  if (options.planRate !== undefined) assertPlausible('scoreTarget', 'planRate', options.planRate, 'rate');
  const { asOf } = options;
  if (!Number.isInteger(asOf)) {
    throw argumentError(
      'invalid_argument',
      `scoreTarget: asOf must be a whole year (got ${show(asOf)}). Pass the year the status is wanted for, e.g. 2022.`,
      'asOf',
      'a whole year',
      asOf,
      { asOf },
    );
  }
  if (target.kind !== 'target') {
    throw argumentError(
      'invalid_argument',
      `scoreTarget: ${target.id} is a fact of kind ${target.kind} (got a non-target). Pass a plan target.`,
      'target.kind',
      'a plan target',
      target.kind,
      { id: target.id },
    );
  }
  const planRate = options.planRate ?? null;
  const base = {
    target: target.id,
    asOf,
    planRate,
    observedRate: null,
    observedRateFrom: null,
    requiredRate: null,
    requiredRateIs: null,
    observation: null,
  } as const;
  const planDef = set.definitions.find((d) => d.metric === target.metric && d.planDefinition);
  const others = set.definitions
    .filter((d) => d.metric === target.metric && !d.planDefinition)
    .map((d) => `"${d.label}"`);
  if (planDef === undefined) {
    return {
      ...base,
      status: 'undetermined',
      definition: null,
      reason: `no observation definition is marked as the plans' measure of ${target.metric}${others.length > 0 ? `; ${others.join(', ')} measure something else and cannot be used without a bridge` : ''}`,
    };
  }
  if (
    target.fromYear !== undefined ||
    (target.comparator !== 'exceeds' && target.comparator !== 'atLeast') ||
    (target.unit.kind !== 'money' && target.unit.kind !== 'count')
  ) {
    return {
      ...base,
      status: 'undetermined',
      definition: planDef.id,
      reason: `only level targets worded "exceeds" or "at least" are scored (got ${target.comparator} in ${unitToString(target.unit)})`,
    };
  }
  checkScoredObservations('scoreTarget', set, planDef.id, asOf);
  const usable = set.observations.filter((o) => o.definition === planDef.id && o.year <= asOf);
  const levels = usable.filter((o) => o.fromYear === undefined && isScaleConvertible(o.unit, target.unit));
  const inTarget = (o: Observation): number => convertScale(o.value, o.unit, target.unit);
  const deciding = levels
    .filter((o) => o.year === target.year && o.kind === 'actual')
    .map((o) => ({ o, verdict: decide(target, boundOf(o, inTarget(o))) }))
    .find((x) => x.verdict !== null);
  if (deciding !== undefined && deciding.verdict !== null) {
    return {
      ...base,
      status: deciding.verdict,
      definition: planDef.id,
      observation: deciding.o.id,
      reason: `${deciding.o.id} (${deciding.o.source.publisher}, ${deciding.o.source.published}) gives ${describeFact(deciding.o)} for ${target.year} on "${planDef.label}", which ${deciding.verdict === 'met' ? 'meets' : 'misses'} "${describeFact(target)}"`,
    };
  }
  const rates = usable
    .filter((o) => o.fromYear !== undefined && o.unit.kind === 'fraction' && o.comparator === 'equals')
    .sort((a, b) => a.year - b.year || (b.fromYear ?? 0) - (a.fromYear ?? 0));
  const rate = rates.at(-1);
  const observed = { observedRate: rate?.value ?? null, observedRateFrom: rate?.id ?? null };
  if (asOf >= target.year) {
    return {
      ...base,
      ...observed,
      status: 'undetermined',
      definition: planDef.id,
      reason: `no actual for ${target.year} on "${planDef.label}" settles the target as of ${asOf}${others.length > 0 ? `; ${others.join(', ')} are other measures and cannot be used without a bridge` : ''}`,
    };
  }
  const latest = levels
    .filter((o) => o.year < target.year && o.comparator !== 'atMost' && o.comparator !== 'below')
    .sort((a, b) => a.year - b.year)
    .at(-1);
  if (latest === undefined) {
    return {
      ...base,
      ...observed,
      status: 'undetermined',
      definition: planDef.id,
      reason: `no level observation on "${planDef.label}" up to ${asOf}${others.length > 0 ? `; ${others.join(', ')} are other measures and cannot be used without a bridge` : ''}`,
    };
  }
  const years = target.year - latest.year;
  const need = (level: number): number => Math.pow(target.value / level, 1 / years) - 1;
  const b = boundOf(latest, inTarget(latest));
  // The growth still required from the latest level: exact from a stated level, a band from an "about"
  // level (its ends from the band's ends), at most from a lower bound ("more than").
  const required =
    'exact' in b ? need(b.exact) : 'lo' in b && 'hi' in b ? need((b.lo + b.hi) / 2) : need('lo' in b ? b.lo : b.hi);
  const requiredRange: readonly [number, number] | null = 'lo' in b && 'hi' in b ? [need(b.hi), need(b.lo)] : null;
  const requiredRateIs = 'exact' in b ? 'exactly' : requiredRange !== null ? 'about' : 'at most';
  const pct = (r: number): string => formatPercent(r, { decimals: 1, fixed: true });
  const describeLatest = `${describeFact(latest)} in ${latest.year} (${latest.id}${latest.kind === 'estimate' ? ', an estimate' : ''})`;
  const needText =
    requiredRange !== null
      ? `${pct(requiredRange[0])} to ${pct(requiredRange[1])} a year is needed over ${latest.year + 1}-${target.year} (the band of the "about" reading, an assumption)`
      : `${requiredRateIs} ${pct(required)} a year is needed over ${latest.year + 1}-${target.year}`;
  // On or off track needs growth observed since the latest level (a rate whose period ends in its year or
  // later) that is an actual, not a forecast; an older or estimated rate says nothing about the years left.
  const current = rate !== undefined && rate.kind === 'actual' && rate.year >= latest.year;
  let onTrack: boolean | null = null;
  if (current && rate !== undefined) {
    const hiNeed = requiredRange?.[1] ?? required;
    const loNeed = requiredRange?.[0] ?? required;
    if (rate.value >= hiNeed) onTrack = true;
    else if (requiredRateIs !== 'at most' && rate.value < loNeed) onTrack = false;
  }
  const status = onTrack === null ? 'undetermined' : onTrack ? 'on track' : 'off track';
  const rateText =
    rate === undefined
      ? '; no observed rate'
      : `; observed ${pct(rate.value)} over ${rate.fromYear ?? ''}-${rate.year} (${rate.id}${rate.kind === 'estimate' ? ', an estimate' : ''})${
          current
            ? ''
            : `, which ${rate.kind === 'estimate' ? 'is an estimate and ' : ''}${rate.year < latest.year ? `ends before the latest level (${latest.year}), so no growth since it is observed` : 'is not an observed actual'}: not enough to say on or off track`
        }`;
  const reason =
    `from ${describeLatest}, ${needText}` +
    rateText +
    (planRate !== null
      ? `; plan ${pct(planRate)} ${planRate >= (requiredRange?.[1] ?? required) ? 'would' : 'would not'} suffice`
      : '');
  return {
    ...base,
    ...observed,
    status,
    definition: planDef.id,
    observation: latest.id,
    requiredRate: required,
    requiredRateIs,
    ...(requiredRange !== null ? { requiredRateRange: requiredRange } : {}),
    reason,
  };
}
