import { MetricsError } from '../errors.js';
import { argumentError, assertInteger, show, assertOptions, optionNames } from '../internal/assert.js';
import { asFact } from '../targets/asFact.js';
import { checkProjection } from './checkProjection.js';
import { convertScale, isScaleConvertible, unitToString, type Unit } from '../series/units.js';
import type { Fact } from '../targets/fact.js';
import { margin, meets } from '../targets/meets.js';
import type { ScenarioProjection, TargetCheck } from './types.js';

/** Options of {@link gapToTarget}. */
export interface GapToTargetOptions {
  /**
   * The year `requiredCagr` is measured from: the projected level in that year is the start. Default the
   * projection's base year. Must be a projected year before the target's year.
   */
  readonly fromYear?: number;
}

const GAP_TO_TARGET_OPTIONS = optionNames<GapToTargetOptions>({ fromYear: true });

/** The projection's fields gapToTarget reads. */
export type ProjectedLevels = Pick<ScenarioProjection, 'unit' | 'years' | 'levels'>;

/** True when `fact` is a rate target for a projection in `unit` (a fraction-valued fact for a non-fraction level). */
export function isRateTarget(fact: Pick<Fact, 'unit'>, unit: Unit): boolean {
  return fact.unit?.kind === 'fraction' && unit.kind !== 'fraction';
}

/**
 * The first and last year a target's check needs, or undefined when the projection does not cover them:
 * a level target needs its year after the base year; a rate target needs its whole span.
 */
export function targetSpan(projection: ProjectedLevels, fact: Fact): { fromYear: number; year: number } | undefined {
  const first = projection.years[0] as number;
  const last = projection.years[projection.years.length - 1] as number;
  const from = isRateTarget(fact, projection.unit) ? (fact.fromYear ?? fact.year - 1) : first;
  if (fact.year <= first || fact.year > last || from < first || from >= fact.year) return undefined;
  return { fromYear: from, year: fact.year };
}

/**
 * How a projection stands against one target: the projected level (or rate) in the target's year, whether
 * it meets the target with the target's comparator and tolerance, the gap (absolute and relative), the
 * CAGR required from the base (or from `options.fromYear`'s projected level) and the CAGR the projection
 * delivers. A level target in another scale of the same currency (CNY billion for a CNY trillion model) is
 * converted exactly; a fraction-valued target (a growth rate) is compared with the projection's CAGR over
 * the target's span. See {@link TargetCheck} for every field.
 * @throws {MetricsError} invalid_argument when the target's year (or span) is not in the projection, or
 *   fromYear is not a projected year before it; unit_mismatch when the units cannot be converted by scale
 * @example
 * const model = loadModel('big-data-14th-fyp'); // 1 trillion in 2020; target: more than 3 trillion in 2025
 * gapToTarget(project(model), model.targets[0]).requiredCagr; // => 0.2457309396155174
 * gapToTarget(project(model), model.targets[0], { fromYear: 2022 }).requiredCagr; // => 0.24289300238154343
 */
export function gapToTarget(projection: ProjectedLevels, target: Fact, options: GapToTargetOptions = {}): TargetCheck {
  const fn = 'gapToTarget';
  checkProjection(fn, projection);
  asFact(fn, target, 'target');
  assertOptions(fn, options, '{ fromYear }', GAP_TO_TARGET_OPTIONS);
  const span = targetSpan(projection, target);
  const first = projection.years[0] as number;
  const last = projection.years[projection.years.length - 1] as number;
  if (span === undefined) {
    const what =
      target.fromYear !== undefined && isRateTarget(target, projection.unit)
        ? `${target.fromYear} -> ${target.year}`
        : String(target.year);
    throw argumentError(
      'invalid_argument',
      `${fn}: target ${show(target.id)} is for ${what}, not within the projected years ${first + 1}-${last} (base ${first}). Project a model whose years include it.`,
      'target.year',
      `a year in ${first + 1}-${last}`,
      target.year,
      { target: target.id },
    );
  }
  const levelIn = (y: number) => projection.levels[y - first] as number;
  const rateOver = (from: number, to: number) => growthRate(levelIn(to), levelIn(from), to - from);

  if (isRateTarget(target, projection.unit)) {
    if (options.fromYear !== undefined) {
      throw argumentError(
        'invalid_argument',
        `${fn}: fromYear applies to level targets only; ${show(target.id)} is a rate over ${span.fromYear} -> ${span.year}.`,
        'options.fromYear',
        'no fromYear for a rate target',
        options.fromYear,
        { target: target.id },
      );
    }
    const value = rateOver(span.fromYear, span.year);
    const gap = value - target.value;
    return finiteCheck(fn, {
      fact: target,
      measure: 'cagr',
      year: span.year,
      fromYear: span.fromYear,
      target: target.value,
      value,
      meets: meets(value, target),
      margin: margin(value, target),
      gap,
      gapRelative: target.value === 0 ? gap : gap / Math.abs(target.value),
      requiredCagr: target.value,
      projectedCagr: value,
    });
  }

  if (!isScaleConvertible(target.unit, projection.unit)) {
    throw argumentError(
      'unit_mismatch',
      `${fn}: target ${show(target.id)} is in "${unitToString(target.unit)}" but the projection is in "${unitToString(projection.unit)}". Convert the currency first, or check the model's targets.`,
      'target.unit',
      `a unit convertible to "${unitToString(projection.unit)}"`,
      unitToString(target.unit),
      { target: target.id },
    );
  }
  let from = span.fromYear;
  if (options.fromYear !== undefined) {
    assertInteger(fn, 'fromYear', options.fromYear);
    if (options.fromYear < first || options.fromYear >= target.year) {
      throw argumentError(
        'invalid_argument',
        `${fn}: fromYear must be a projected year before the target's ${target.year} (got ${options.fromYear}; the projection starts in ${first}).`,
        'options.fromYear',
        `a projected year in ${first}-${target.year - 1}`,
        options.fromYear,
        { fromYear: options.fromYear },
      );
    }
    from = options.fromYear;
  }
  const value = levelIn(target.year);
  // Compare in the target's own unit, so its tolerance applies as stated; report gaps in the model's unit.
  const valueInTargetUnit = convertScale(value, projection.unit, target.unit);
  const targetInModelUnit = convertScale(target.value, target.unit, projection.unit);
  if (targetInModelUnit <= 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: target ${show(target.id)} must be a level > 0 (got ${target.value}). A growth target needs a positive level.`,
      'target.value',
      'a level > 0',
      target.value,
      { target: target.id },
    );
  }
  const gap = value - targetInModelUnit;
  return finiteCheck(fn, {
    fact: target,
    measure: 'level',
    year: target.year,
    fromYear: from,
    target: targetInModelUnit,
    value,
    meets: meets(valueInTargetUnit, target),
    margin: convertScale(margin(valueInTargetUnit, target), target.unit, projection.unit),
    gap,
    gapRelative: gap / targetInModelUnit,
    requiredCagr: growthRate(targetInModelUnit, levelIn(from), target.year - from),
    projectedCagr: rateOver(from, target.year),
  });
}

/**
 * The compound rate from `from` to `to` over `years`, as `(to / from)^(1 / years) - 1`, and in logs where the
 * ratio overflows (levels far apart in size, 5e-324 and 3) but the rate does not.
 */
function growthRate(to: number, from: number, years: number): number {
  const r = Math.pow(to / from, 1 / years) - 1;
  return Number.isFinite(r) ? r : Math.expm1((Math.log(to) - Math.log(from)) / years);
}

/** What a check reports in numbers: each must be finite. */
const CHECK_NUMBERS = ['value', 'gap', 'gapRelative', 'margin', 'requiredCagr', 'projectedCagr'] as const;

/**
 * The check, frozen, once each of its numbers is finite: a target or a level of a size near the double's
 * limits (5e-324 against trillions) gives a gap relative to it, or a rate, that no double holds.
 */
function finiteCheck(fn: string, check: TargetCheck): TargetCheck {
  for (const key of CHECK_NUMBERS) {
    if (!Number.isFinite(check[key])) {
      throw new MetricsError(
        'degenerate',
        `${fn}: the ${key} of target ${show(check.fact.id)} overflows: its value (${show(check.target)}) and the projected levels are too far apart in size for a number. Check the target's value and unit.`,
        { target: check.fact.id, field: key },
      );
    }
  }
  return Object.freeze(check);
}
