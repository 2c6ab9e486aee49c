import { assertInteger, assertOptions, optionNames, show, argumentError } from '../internal/assert.js';
import { quantileSorted } from 'd3-array';
import { expm1OverX, logRatio } from './internal/logMean.js';
import { RESIDUAL_SECTOR, TOTAL_SECTOR, type DecompositionMeasure } from './types.js';

/** Monte Carlo draws of sector levels in one year: one row per path, one column per sector. */
export type Draws = readonly (readonly number[])[] | Float64Array;

/** What {@link contributionQuantiles} takes. */
export interface ContributionQuantilesInput {
  readonly sectors: readonly string[];
  readonly fromYear: number;
  readonly toYear: number;
  /** Levels in `fromYear`: `paths x sectors` rows, or a row-major Float64Array of length paths x sectors. */
  readonly base: Draws;
  /** Levels in `toYear`, same shape. */
  readonly end: Draws;
  /** A stated total per path in both years; without it the total is the sum of the sectors on each path. */
  readonly total?: { readonly base: readonly number[] | Float64Array; readonly end: readonly number[] | Float64Array };
  /** Probabilities in [0, 1]. Default [0.05, 0.5, 0.95]. */
  readonly probabilities?: readonly number[];
}

const CONTRIBUTION_QUANTILES_INPUT = optionNames<ContributionQuantilesInput>({
  sectors: true,
  fromYear: true,
  toYear: true,
  base: true,
  end: true,
  total: true,
  probabilities: true,
});

/** One tidy row of {@link contributionQuantiles}: a quantile of a measure. */
export interface QuantileRow {
  readonly sector: string;
  readonly year: number;
  readonly value: number;
  readonly measure: DecompositionMeasure;
  readonly probability: number;
}

/** What {@link contributionQuantiles} returns; every `[i][k]` is sector i at `probabilities[k]`. */
export interface ContributionQuantiles {
  readonly probabilities: readonly number[];
  /** Sectors, plus `(residual)` when a total is given. */
  readonly sectors: readonly string[];
  readonly paths: number;
  /** Quantiles of each sector's contribution to cumulative growth, `(x1 - x0) / T0`, across paths. */
  readonly contribution: readonly (readonly number[])[];
  /** Quantiles of each sector's contribution to the CAGR (simple split, see spanContributions), across paths. */
  readonly cagrContribution: readonly (readonly number[])[];
  /** Mean contribution to cumulative growth per sector (means do add up to the mean growth). */
  readonly meanContribution: readonly number[];
  /** Quantiles of the total's cumulative growth and CAGR. */
  readonly growth: readonly number[];
  readonly cagr: readonly number[];
  /** Tidy rows in `toYear`, with the probability. */
  readonly rows: readonly QuantileRow[];
}

function readDraws(
  fn: string,
  name: string,
  d: unknown,
  m: number,
): { at: (path: number, i: number) => number; paths: number } {
  if (d instanceof Float64Array) {
    if (d.length === 0 || d.length % m !== 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name} has ${d.length} numbers, not a positive multiple of ${m} sectors. Lay it out as paths x sectors, row by row.`,
        name,
        `a positive multiple of ${m} numbers (paths x sectors)`,
        d.length,
      );
    }
    return { at: (p, i) => d[p * m + i] as number, paths: d.length / m };
  }
  if (!Array.isArray(d) || d.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be paths x sectors rows or a Float64Array (got ${show(d)}).`,
      `${name}`,
      'paths x sectors rows or a Float64Array',
      d,
    );
  }
  // An indexed loop: forEach skips the holes of a sparse array.
  for (let p = 0; p < d.length; p++) {
    const row: unknown = d[p];
    if (!Array.isArray(row) || row.length !== m) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name}[${p}] must hold one level per sector (${m}) (got ${show(row)}).`,
        `${name}[${p}]`,
        `one level per sector (${m})`,
        row,
        { path: p },
      );
    }
  }
  return { at: (p, i) => (d[p] as number[])[i] as number, paths: d.length };
}

/**
 * Quantiles across Monte Carlo paths of each sector's contribution to the total's growth from
 * `fromYear` to `toYear`: on every path, `c_i = (x_i1 - x_i0) / T0` (contributions to cumulative growth,
 * which add up to that path's growth) and the CAGR split `c_i · cagr / growth`; then quantiles (R type 7)
 * per sector. Quantiles of parts do not add up to quantiles of the total (means do); report them as
 * ranges, not as a decomposition.
 * @throws {MetricsError} invalid_argument for mismatched shapes, duplicate sectors, non-integer years or
 *   fromYear >= toYear, probabilities outside [0, 1], or a path whose base total is <= 0 or whose end
 *   total is < 0 (naming the path); non_finite for a NaN or infinite draw (naming path and sector)
 * @example
 * const r = contributionQuantiles({ sectors: ['a', 'b'], fromYear: 2020, toYear: 2025,
 *   base: [[1, 1], [1, 1]], end: [[2, 1], [3, 1]], probabilities: [0.5] });
 * r.contribution; // => [[0.75], [0]]
 */
export function contributionQuantiles(input: ContributionQuantilesInput): ContributionQuantiles {
  const fn = 'contributionQuantiles';
  // A misspelt field (`probabilites`) would be ignored and the call answer another question.
  if (typeof input === 'object' && input !== null) assertOptions(fn, input, undefined, CONTRIBUTION_QUANTILES_INPUT);
  const { sectors, fromYear, toYear, total } = input ?? ({} as ContributionQuantilesInput);
  const probabilities = input?.probabilities ?? [0.05, 0.5, 0.95];
  if (
    !Array.isArray(sectors) ||
    sectors.length === 0 ||
    new Set(sectors).size !== sectors.length ||
    sectors.some((s) => typeof s !== 'string' || s === '')
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: sectors must be unique, non-empty names (got ${show(sectors)}).`,
      'sectors',
      'unique, non-empty names',
      sectors,
    );
  }
  assertInteger(fn, 'fromYear', fromYear);
  assertInteger(fn, 'toYear', toYear);
  if (toYear <= fromYear)
    throw argumentError(
      'invalid_argument',
      `${fn}: fromYear must come before toYear (got ${fromYear} -> ${toYear}).`,
      'toYear',
      `> fromYear (${fromYear})`,
      toYear,
    );
  if (
    !Array.isArray(probabilities) ||
    probabilities.length === 0 ||
    probabilities.some((p) => typeof p !== 'number' || !(p >= 0 && p <= 1))
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: probabilities must be numbers in [0, 1] (got ${show(probabilities)}). Use e.g. [0.05, 0.5, 0.95].`,
      'probabilities',
      'numbers in [0, 1]',
      probabilities,
    );
  }
  const m = sectors.length;
  const b = readDraws(fn, 'base', input.base, m);
  const e = readDraws(fn, 'end', input.end, m);
  if (b.paths !== e.paths)
    throw argumentError(
      'invalid_argument',
      `${fn}: base has ${b.paths} paths but end has ${e.paths}. Give the same paths for both years.`,
      'end',
      `${b.paths} paths, as many as base`,
      e.paths,
    );
  const paths = b.paths;
  if (total !== undefined) {
    for (const [name, arr] of [
      ['total.base', total.base],
      ['total.end', total.end],
    ] as const) {
      if ((!Array.isArray(arr) && !(arr instanceof Float64Array)) || arr.length !== paths) {
        throw argumentError(
          'invalid_argument',
          `${fn}: ${name} must hold one number per path (${paths}) (got ${show(arr)}).`,
          `${name}`,
          `one number per path (${paths})`,
          arr,
        );
      }
    }
  }
  const names = total !== undefined ? [...sectors, RESIDUAL_SECTOR] : [...sectors];
  const k = names.length;
  const n = toYear - fromYear;
  const contrib = names.map(() => new Float64Array(paths));
  const cagrContrib = names.map(() => new Float64Array(paths));
  const growth = new Float64Array(paths);
  const cagrs = new Float64Array(paths);
  const x0 = new Float64Array(k);
  const x1 = new Float64Array(k);
  for (let p = 0; p < paths; p++) {
    let s0 = 0;
    let s1 = 0;
    for (let i = 0; i < m; i++) {
      const v0 = b.at(p, i);
      const v1 = e.at(p, i);
      if (typeof v0 !== 'number' || typeof v1 !== 'number' || !Number.isFinite(v0) || !Number.isFinite(v1)) {
        throw argumentError(
          typeof v0 === 'number' && typeof v1 === 'number' ? 'non_finite' : 'invalid_argument',
          `${fn}: path ${p}, sector "${sectors[i]}" has a level of ${show(typeof v0 === 'number' && Number.isFinite(v0) ? v1 : v0)}, not a finite number. Drop or fix the path.`,
          typeof v0 === 'number' && Number.isFinite(v0) ? ['end', p, i] : ['base', p, i],
          'a finite number',
          typeof v0 === 'number' && Number.isFinite(v0) ? v1 : v0,
          { path: p, sector: sectors[i] },
        );
      }
      x0[i] = v0;
      x1[i] = v1;
      s0 += v0;
      s1 += v1;
    }
    let T0 = s0;
    let T1 = s1;
    if (total !== undefined) {
      T0 = total.base[p] as number;
      T1 = total.end[p] as number;
      if (!Number.isFinite(T0) || !Number.isFinite(T1))
        throw argumentError(
          'non_finite',
          `${fn}: the total on path ${p} is not finite.`,
          ['total', Number.isFinite(T0) ? 'end' : 'base', p],
          'a finite total',
          Number.isFinite(T0) ? T1 : T0,
          { path: p },
        );
      x0[m] = T0 - s0;
      x1[m] = T1 - s1;
    }
    if (!(T0 > 0) || T1 < 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: path ${p} has a total of ${T0} in ${fromYear} and ${T1} in ${toYear}; growth needs a base total > 0 and an end total >= 0.`,
        T0 > 0 ? ['end', p] : ['base', p],
        T0 > 0 ? 'an end total >= 0' : 'a base total > 0',
        T0 > 0 ? T1 : T0,
        { path: p },
      );
    }
    const G = (T1 - T0) / T0;
    if (T1 === 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: path ${p} ends with a total of 0; its CAGR is -100% and its log growth is undefined. Drop the path or check the draws.`,
        ['end', p],
        'an end total > 0',
        0,
        { path: p },
      );
    }
    const l = logRatio(T1, T0);
    const g = Math.expm1(l / n);
    const cagrOverGrowth = (expm1OverX(l / n) / n) * (G === 0 ? 1 : l / G);
    growth[p] = G;
    cagrs[p] = g;
    for (let i = 0; i < k; i++) {
      const c = ((x1[i] as number) - (x0[i] as number)) / T0;
      (contrib[i] as Float64Array)[p] = c;
      (cagrContrib[i] as Float64Array)[p] = c * cagrOverGrowth;
    }
  }
  // R's type-7 quantiles: d3-array's quantileSorted on a sorted copy (the draws are finite, checked above).
  const quantile7 = (values: Float64Array): number[] => {
    const sorted = Float64Array.from(values).sort();
    // @types/d3-array types quantileSorted for arrays only; it reads a typed array the same way (by index).
    return probabilities.map((p) => quantileSorted(sorted as unknown as number[], p) as number);
  };
  const contribution = contrib.map(quantile7);
  const cagrContribution = cagrContrib.map(quantile7);
  const meanContribution = contrib.map((c) => c.reduce((a, v) => a + v, 0) / paths);
  const growthQ = quantile7(growth);
  const cagrQ = quantile7(cagrs);
  const rows: QuantileRow[] = [];
  names.forEach((sector, i) =>
    probabilities.forEach((probability, q) => {
      rows.push({
        sector,
        year: toYear,
        value: (contribution[i] as number[])[q] as number,
        measure: 'contribution',
        probability,
      });
      rows.push({
        sector,
        year: toYear,
        value: (cagrContribution[i] as number[])[q] as number,
        measure: 'cagrContribution',
        probability,
      });
    }),
  );
  probabilities.forEach((probability, q) => {
    rows.push({ sector: TOTAL_SECTOR, year: toYear, value: growthQ[q] as number, measure: 'growth', probability });
    rows.push({ sector: TOTAL_SECTOR, year: toYear, value: cagrQ[q] as number, measure: 'cagr', probability });
  });
  return {
    probabilities: [...probabilities],
    sectors: names,
    paths,
    contribution,
    cagrContribution,
    meanContribution,
    growth: growthQ,
    cagr: cagrQ,
    rows,
  };
}
