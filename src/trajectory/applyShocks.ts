import { MetricsError } from '../errors.js';
import { argumentError, assertFinite, assertInteger, show } from '../internal/assert.js';
import { checkPath } from './internal/checkPath.js';
import { assertPlausible } from '../internal/plausible.js';
import { freezePath } from './internal/pathCommon.js';
import type { LevelPath } from './types.js';

/** A one-off level shock: the level in `year` and every later year is multiplied by `1 + size`. */
export interface Shock {
  readonly year: number;
  /** A fraction > -1: -0.05 is a 5% drop in the level. */
  readonly size: number;
}

/**
 * Applies one-off level shocks: from each shock's year on, the level is multiplied by `1 + size`
 * (growth in the shock year changes, later growth does not). Shocks compose: two shocks multiply, in
 * any order, also in the same year.
 * @param path a path from growthPath (or any LevelPath)
 * @param shocks shocks in the projected years (fromYear + 1 … toYear)
 * @throws {MetricsError} invalid_argument when a shock is outside the projected years or size <= -1
 *   or > 3 (a percent, not a fraction)
 * @example
 * applyShocks(cagrPath({ base: 100, rate: 0, fromYear: 2020, toYear: 2022 }), [{ year: 2021, size: -0.05 }]).levels; // => [100, 95, 95]
 */
export function applyShocks(path: LevelPath, shocks: readonly Shock[]): LevelPath {
  const fn = 'applyShocks';
  checkPath(fn, path);
  if (!Array.isArray(shocks)) {
    throw new MetricsError(
      'invalid_argument',
      `${fn}: shocks must be an array of { year, size } (got ${show(shocks)}).`,
    );
  }
  const first = path.years[0] as number;
  const last = path.years[path.years.length - 1] as number;
  const factor = new Map<number, number>();
  for (const [i, s] of shocks.entries()) {
    assertInteger(fn, `shocks[${i}].year`, s?.year);
    assertFinite(fn, { [`shocks[${i}].size`]: s.size });
    if (s.year <= first || s.year > last) {
      throw new MetricsError(
        'invalid_argument',
        `${fn}: shocks[${i}] is in ${s.year}, outside the projected years ${first + 1}-${last}. The base year's level is observed and cannot be shocked.`,
        { index: i, year: s.year },
      );
    }
    if (s.size <= -1) {
      throw argumentError(
        'invalid_argument',
        `${fn}: shocks[${i}].size must be > -1 (got ${s.size}). It is a fraction of the level: -0.05 is a 5% drop.`,
        `shocks[${i}].size`,
        '> -1',
        s.size,
        { index: i, size: s.size },
      );
    }
    assertPlausible(fn, `shocks[${i}].size`, s.size, 'rate');
    factor.set(s.year, (factor.get(s.year) ?? 1) * (1 + s.size));
  }
  let cumulative = 1;
  const levels = path.levels.map((l, i) => {
    cumulative *= factor.get(path.years[i] as number) ?? 1;
    return l * cumulative;
  });
  const rates = path.rates.map((r, i) => {
    const f = factor.get(path.years[i + 1] as number);
    return f === undefined ? r : (levels[i + 1] as number) / (levels[i] as number) - 1;
  });
  return freezePath(fn, [...path.years], levels, rates);
}
