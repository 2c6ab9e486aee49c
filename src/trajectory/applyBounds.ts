import { assertFinite, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import { checkPath } from './internal/checkPath.js';
import { freezePath } from './internal/pathCommon.js';
import type { LevelPath } from './types.js';

/** A cap and/or a floor on the level. */
export interface Bounds {
  readonly cap?: number;
  readonly floor?: number;
}

const BOUNDS_OPTIONS = optionNames<Bounds>({ cap: true, floor: true });

/**
 * Applies a cap and a floor year by year: the level of each year is the previous (bounded) level grown
 * at the path's rate for that year, then clamped into [floor, cap]. Once a cap binds, later growth
 * starts again from the cap (it does not jump back up to the unbounded path).
 * @throws {MetricsError} invalid_argument when cap <= 0, floor > cap, or the base level is outside
 *   [floor, cap] (the base is observed; a bound that excludes it is a mistake)
 * @example
 * applyBounds(cagrPath({ base: 1, rate: 1, fromYear: 2020, toYear: 2023 }), { cap: 5 }).levels; // => [1, 2, 4, 5]
 */
export function applyBounds(path: LevelPath, bounds: Bounds): LevelPath {
  const fn = 'applyBounds';
  checkPath(fn, path);
  if (bounds !== undefined) assertOptions(fn, bounds, '{ cap, floor }', BOUNDS_OPTIONS);
  const cap = bounds?.cap;
  const floor = bounds?.floor;
  if (cap !== undefined) {
    assertFinite(fn, { cap });
    if (cap <= 0)
      throw argumentError(
        'invalid_argument',
        `${fn}: cap must be > 0 (got ${cap}). It is a level in the path's unit.`,
        'cap',
        '> 0',
        cap,
        { cap },
      );
  }
  if (floor !== undefined) assertFinite(fn, { floor });
  if (cap !== undefined && floor !== undefined && floor > cap) {
    throw argumentError(
      'invalid_argument',
      `${fn}: floor ${floor} is above cap ${cap}. Swap them.`,
      'bounds.floor',
      `<= cap (${cap})`,
      floor,
      { cap, floor },
    );
  }
  const base = path.levels[0] as number;
  if ((cap !== undefined && base > cap) || (floor !== undefined && base < floor)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: the base level ${base} in ${path.years[0]} is outside [${floor ?? '-∞'}, ${cap ?? '∞'}]. The base is observed; set bounds that contain it.`,
      'bounds',
      `bounds that contain the base level ${base}`,
      { floor, cap },
      { base, cap, floor },
    );
  }
  if (cap === undefined && floor === undefined) return path;
  const clamp = (l: number) => Math.min(cap ?? Infinity, Math.max(floor ?? -Infinity, l));
  const levels = [base];
  const rates: number[] = [];
  for (let i = 0; i < path.rates.length; i++) {
    const prev = levels[i] as number;
    const raw = prev * (1 + (path.rates[i] as number));
    const l = clamp(raw);
    levels.push(l);
    rates.push(l === raw ? (path.rates[i] as number) : l / prev - 1);
  }
  return freezePath(fn, [...path.years], levels, rates);
}
