import { MetricsError } from '../errors.js';
import { argumentError, assertFinite, assertInteger, show, optionNames } from '../internal/assert.js';
import { checkSpan, freezePath, yearsOf } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';

/** Options of {@link anchorsPath}. */
export interface AnchorsPathOptions extends PathSpan {
  /**
   * Levels in given years after `fromYear` (the base is the anchor in `fromYear`), strictly increasing
   * years; the last anchor must be in or after `toYear`.
   */
  readonly anchors: readonly { readonly year: number; readonly value: number }[];
}

const ANCHORS_PATH_OPTIONS = optionNames<AnchorsPathOptions>({
  fromYear: true,
  toYear: true,
  base: true,
  anchors: true,
});

/**
 * A path through anchor levels: between two anchors the level grows at the CAGR between them, so
 * every anchor inside the span is hit exactly. An anchor after `toYear` shapes the last segment.
 * @throws {MetricsError} invalid_argument for anchors not after fromYear, not strictly increasing,
 *   with a value <= 0, or ending before toYear; or for a bad span
 * @example
 * anchorsPath({ base: 1, fromYear: 2020, toYear: 2022, anchors: [{ year: 2022, value: 4 }] }).levels; // => [1, 2, 4]
 */
export function anchorsPath(options: AnchorsPathOptions): LevelPath {
  const fn = 'anchorsPath';
  checkSpan(fn, options, ANCHORS_PATH_OPTIONS);
  const { base, fromYear, toYear, anchors } = options;
  if (!Array.isArray(anchors) || anchors.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: anchors must be a non-empty array of { year, value } (got ${show(anchors)}).`,
      'anchors',
      'a non-empty array of { year, value }',
      anchors,
    );
  }
  let prevYear = fromYear;
  for (const [i, a] of anchors.entries()) {
    assertInteger(fn, `anchors[${i}].year`, a?.year);
    assertFinite(fn, { [`anchors[${i}].value`]: a.value });
    if (a.year <= prevYear) {
      const why =
        i === 0
          ? `after the base year ${fromYear} (the base is the anchor there)`
          : `after the previous anchor (${prevYear})`;
      throw argumentError(
        'invalid_argument',
        `${fn}: anchors[${i}] is in ${a.year}; anchors must come ${why}. Sort them and drop duplicates.`,
        `anchors[${i}].year`,
        `> ${prevYear}`,
        a.year,
        { index: i, year: a.year },
      );
    }
    if (a.value <= 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: anchors[${i}] (${a.year}) must be > 0 (got ${a.value}). Growth between anchors needs positive levels.`,
        `anchors[${i}].value`,
        '> 0',
        a.value,
        { index: i, value: a.value },
      );
    }
    prevYear = a.year;
  }
  if (prevYear < toYear) {
    throw argumentError(
      'invalid_argument',
      `${fn}: the last anchor is in ${prevYear} but the path runs to ${toYear}. Add an anchor in or after ${toYear}, or end the path in ${prevYear}.`,
      'anchors',
      `an anchor in or after ${toYear}`,
      prevYear,
      { lastAnchor: prevYear, toYear },
    );
  }
  const years = yearsOf(fromYear, toYear);
  const levels: number[] = [];
  const rates: number[] = [];
  let from = { year: fromYear, value: base };
  let k = 0;
  for (const y of years) {
    let to = anchors[k] as { year: number; value: number };
    if (y > to.year) {
      from = to;
      k += 1;
      to = anchors[k] as { year: number; value: number };
    }
    // Exact at anchors; in between, base of the segment times the segment's CAGR to the power of the years.
    const level =
      y === from.year
        ? from.value
        : y === to.year
          ? to.value
          : from.value * Math.pow(to.value / from.value, (y - from.year) / (to.year - from.year));
    if (!Number.isFinite(level)) {
      throw new MetricsError('degenerate', `${fn}: the level overflows in ${y}. Check the anchor values.`, { year: y });
    }
    if (levels.length > 0) rates.push(level / (levels[levels.length - 1] as number) - 1);
    levels.push(level);
  }
  return freezePath(fn, years, levels, rates);
}
