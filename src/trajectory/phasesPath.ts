import { argumentError, assertInteger, show, optionNames } from '../internal/assert.js';
import { checkRate, checkSpan, compoundPath } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';

/** A span of constant growth: `rate` a year from `fromYear` (exclusive) to `toYear` (inclusive). */
export interface Phase {
  readonly fromYear: number;
  readonly toYear: number;
  readonly rate: number;
}

/** Options of {@link phasesPath}. */
export interface PhasesPathOptions extends PathSpan {
  /** Back-to-back phases (each starts where the previous ends) covering fromYear..toYear; may extend beyond. */
  readonly phases: readonly Phase[];
}

const PHASES_PATH_OPTIONS = optionNames<PhasesPathOptions>({ fromYear: true, toYear: true, base: true, phases: true });

/**
 * A path of constant-growth phases, e.g. 30% a year over 2016-2020 then 25% over 2021-2025:
 * `phases: [{ fromYear: 2015, toYear: 2020, rate: 0.3 }, { fromYear: 2020, toYear: 2025, rate: 0.25 }]`
 * (a phase's `fromYear` is its base year, so 2015 -> 2020 is the five growth years 2016…2020).
 * Phases must be back to back and cover the path's span; parts outside the span are ignored.
 * @throws {MetricsError} invalid_argument for an empty list, a phase with toYear <= fromYear, a gap or
 *   an overlap between phases, phases that do not cover the span, a rate <= -1 or > 3 (a percent) or a bad span
 * @example
 * phasesPath({ base: 1, fromYear: 2015, toYear: 2017, phases: [{ fromYear: 2015, toYear: 2016, rate: 1 }, { fromYear: 2016, toYear: 2017, rate: 0.5 }] }).levels; // => [1, 2, 3]
 */
export function phasesPath(options: PhasesPathOptions): LevelPath {
  const fn = 'phasesPath';
  checkSpan(fn, options, PHASES_PATH_OPTIONS);
  const { fromYear, toYear, phases } = options;
  if (!Array.isArray(phases) || phases.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: phases must be a non-empty array of { fromYear, toYear, rate } (got ${show(phases)}).`,
      'phases',
      'a non-empty array of { fromYear, toYear, rate }',
      phases,
    );
  }
  for (const [i, p] of phases.entries()) {
    assertInteger(fn, `phases[${i}].fromYear`, p?.fromYear);
    assertInteger(fn, `phases[${i}].toYear`, p.toYear);
    checkRate(fn, `phases[${i}].rate`, p.rate);
    if (p.toYear <= p.fromYear) {
      throw argumentError(
        'invalid_argument',
        `${fn}: phases[${i}] must end after it starts (got ${p.fromYear} -> ${p.toYear}). A phase's fromYear is its base year.`,
        `phases[${i}].toYear`,
        `> fromYear (${p.fromYear})`,
        p.toYear,
        { index: i },
      );
    }
    const prev = phases[i - 1];
    if (prev !== undefined && p.fromYear !== prev.toYear) {
      const what = p.fromYear > prev.toYear ? `leaves ${prev.toYear + 1}-${p.fromYear} uncovered` : 'overlaps it';
      throw argumentError(
        'invalid_argument',
        `${fn}: phases[${i}] starts in ${p.fromYear} but phases[${i - 1}] ends in ${prev.toYear}, which ${what}. Start each phase in the year the previous one ends.`,
        `phases[${i}].fromYear`,
        `${prev.toYear}, the year phases[${i - 1}] ends`,
        p.fromYear,
        { index: i },
      );
    }
  }
  const first = phases[0] as Phase;
  const last = phases[phases.length - 1] as Phase;
  if (first.fromYear > fromYear || last.toYear < toYear) {
    throw argumentError(
      'invalid_argument',
      `${fn}: the phases cover ${first.fromYear} -> ${last.toYear} but the path runs ${fromYear} -> ${toYear}. Add phases for the missing years.`,
      'phases',
      `phases covering ${fromYear} -> ${toYear}`,
      `${first.fromYear} -> ${last.toYear}`,
      { phasesFrom: first.fromYear, phasesTo: last.toYear },
    );
  }
  return compoundPath(fn, options, (y) => (phases.find((p) => y > p.fromYear && y <= p.toYear) as Phase).rate);
}
