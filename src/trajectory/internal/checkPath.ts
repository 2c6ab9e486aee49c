import type { LevelPath } from '../types.js';
import { argumentError, assertCaller, show } from '../../internal/assert.js';

/**
 * Throws invalid_argument unless `path` is a well-formed LevelPath: consecutive years, one level per
 * year (finite, > 0) and one rate per year after the first.
 * @example
 * checkPath('myFn', cagrPath({ base: 1, rate: 0.1, fromYear: 2020, toYear: 2021 })); // => undefined
 */
export function checkPath(fn: string, path: LevelPath): void {
  assertCaller('checkPath', fn);
  const ok =
    typeof path === 'object' &&
    path !== null &&
    Array.isArray(path.years) &&
    Array.isArray(path.levels) &&
    Array.isArray(path.rates) &&
    path.years.length >= 2 &&
    path.levels.length === path.years.length &&
    path.rates.length === path.years.length - 1;
  if (!ok) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a path { years, levels, rates } with one level per year and one rate per year after the first. Build it with growthPath.`,
      'path',
      'a path { years, levels, rates } with one level per year and one rate per year after the first',
      path,
    );
  }
  for (let i = 0; i < path.years.length; i++) {
    const y = path.years[i];
    if (!Number.isInteger(y) || (i > 0 && y !== (path.years[i - 1] as number) + 1)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: path years must be consecutive whole years (got ${show(y)} at index ${i}).`,
        `path.years[${i}]`,
        'consecutive whole years',
        y,
        { index: i },
      );
    }
    const l = path.levels[i] as number;
    if (typeof l !== 'number' || !Number.isFinite(l) || l <= 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: the path's level in ${y} must be a finite number > 0 (got ${show(l)}).`,
        `path.levels[${i}]`,
        'a finite number > 0',
        l,
        { year: y },
      );
    }
  }
  for (const [i, r] of path.rates.entries()) {
    if (typeof r !== 'number' || !Number.isFinite(r) || r <= -1) {
      throw argumentError(
        'invalid_argument',
        `${fn}: the path's rate for ${path.years[i + 1]} must be a finite number > -1 (got ${show(r)}).`,
        `path.rates[${i}]`,
        'a finite number > -1',
        r,
        { year: path.years[i + 1] },
      );
    }
  }
}
