import { MetricsError } from '../errors.js';
import { argumentError, show } from '../internal/assert.js';

/** The name messages start with: the caller's (`forecast`, `--levels`) when it is one, else `fallback`. */
function callerName(name: unknown, fallback: string): string {
  return typeof name === 'string' && /^\S.*\S$|^\S$/.test(name) && name.length <= 100 && !name.includes('\n')
    ? name
    : fallback;
}

/** Throws unless `kind` is `level` or `quantile`. */
function checkKind(fn: string, kind: unknown): void {
  if (kind !== 'level' && kind !== 'quantile') {
    throw new MetricsError('invalid_argument', `${fn}: kind must be "level" or "quantile" (got ${show(kind)}).`);
  }
}

/** What a list holds: interval levels (open interval (0, 1)) or quantile probabilities ([0, 1]). */
export type LevelKind = 'level' | 'quantile';

/**
 * The one convention for interval levels and quantiles, in the API and on the command line: fractions
 * (0.8 is an 80% interval, 0.05 the 5% quantile); percent is accepted only when it cannot be misread,
 * that is when every entry is above 1 and at most 100 (`[80, 95]` means 0.8 and 0.95). Anything else (a
 * mix such as `[0.8, 95]`, 1 alone, a negative or non-number) is an error that says what to write.
 * Levels lie strictly between 0 and 1; quantiles may be 0 or 1 (the minimum and maximum).
 * @param fn the caller's name for messages (`forecast`, `--levels`)
 * @param values the numbers as given
 * @param kind `level` (default) or `quantile`
 * @returns the fractions, deduplicated and sorted ascending
 * @throws {MetricsError} invalid_argument for an empty list, a value that is neither a fraction nor an
 *   unambiguous percent, or a mix of the two
 * @example
 * toLevels('forecast', [95, 80]); // => [0.8, 0.95]
 * toLevels('forecast', [0.8, 0.95]); // => [0.8, 0.95]
 */
export function toLevels(fn: string, values: readonly number[], kind: LevelKind = 'level'): number[] {
  fn = callerName(fn, 'toLevels');
  checkKind(fn, kind);
  // The usual case, fractions already sorted and distinct ([0.8, 0.95]), without the general path's sets and sorts.
  if (Array.isArray(values) && values.length > 0 && values.length <= 16) {
    let ok = true;
    for (let i = 0; i < values.length && ok; i++) {
      const v = values[i];
      ok =
        typeof v === 'number' &&
        (kind === 'level' ? v > 0 && v < 1 : v >= 0 && v <= 1) &&
        (i === 0 || v > (values[i - 1] as number));
    }
    if (ok) return [...values];
  }
  const what = kind === 'level' ? 'level' : 'quantile';
  const eg = kind === 'level' ? '0.8,0.95 (or 80,95)' : '0.05,0.5,0.95 (or 5,50,95)';
  if (!Array.isArray(values) || values.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a non-empty list of ${what}s (got ${show(values)}). Give fractions such as ${eg}.`,
      `${what}s`,
      `a non-empty list of ${what}s`,
      values,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: each ${what} must be a number (got ${show(v)}). Give fractions such as ${eg}.`,
        [`${what}s`, i],
        'a finite number',
        v,
        { [what]: v },
      );
    }
  }
  const inFraction = (v: number) => (kind === 'level' ? v > 0 && v < 1 : v >= 0 && v <= 1);
  const inPercent = (v: number) => v > 1 && (kind === 'level' ? v < 100 : v <= 100);
  let out: number[];
  if (values.every(inFraction)) out = [...values];
  else if (values.every(inPercent)) out = values.map((v) => Number((v / 100).toPrecision(12)));
  else {
    const badAt = values.findIndex((v) => !inFraction(v) && !inPercent(v));
    const bad = badAt < 0 ? undefined : values[badAt];
    const reason =
      bad === undefined
        ? `mixes fractions and percent (got ${show(values)})`
        : `has ${bad}, which is neither a fraction ${kind === 'level' ? 'in (0, 1)' : 'in [0, 1]'} nor a percent above 1 (got ${show(values)})`;
    throw argumentError(
      'invalid_argument',
      `${fn}: the ${what} list ${reason}. Give fractions such as ${eg}; percent is read only when every entry is above 1.`,
      badAt < 0 ? [`${what}s`] : [`${what}s`, badAt],
      badAt < 0
        ? 'all fractions or all percent'
        : `a fraction ${kind === 'level' ? 'in (0, 1)' : 'in [0, 1]'} or a percent above 1`,
      badAt < 0 ? values : bad,
      { [`${what}s`]: values },
    );
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Parses a command-line list such as `80,95`, `0.8,0.95` or `5,50,95` by {@link toLevels}'s convention.
 * @param option the option's name for messages (`--levels`)
 * @param raw the text given
 * @param kind `level` (default) or `quantile`
 * @returns the fractions, sorted
 * @throws {MetricsError} invalid_argument for an empty entry, a non-number or an ambiguous list
 * @example
 * parseLevels('--levels', '0.8,0.95'); // => [0.8, 0.95]
 * parseLevels('--levels', '80,95'); // => [0.8, 0.95]
 */
export function parseLevels(option: string, raw: string, kind: LevelKind = 'level'): number[] {
  option = callerName(option, 'parseLevels');
  checkKind(option, kind);
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new MetricsError(
      'invalid_argument',
      `${option}: expected a list such as ${kind === 'level' ? '0.8,0.95' : '0.05,0.5,0.95'} (got ${show(raw)}).`,
    );
  }
  const parts = String(raw)
    .split(',')
    .map((p) => p.trim());
  const nums = parts.map((p) =>
    p === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(p) ? Number.NaN : Number(p.replace(/%$/, '')),
  );
  const i = nums.findIndex((v) => Number.isNaN(v));
  if (i >= 0) {
    throw new MetricsError(
      'invalid_argument',
      `${option}: ${JSON.stringify(parts[i])} is not a number (got ${JSON.stringify(raw)}). Write e.g. ${kind === 'level' ? '0.8,0.95 or 80,95' : '0.05,0.5,0.95 or 5,50,95'}.`,
      { [option]: raw },
    );
  }
  return toLevels(option, nums, kind);
}

/** The column suffix of a level: 0.8 → "80", 0.975 → "97.5". */
export function levelLabel(level: number): string {
  return String(Number((level * 100).toPrecision(10)));
}
