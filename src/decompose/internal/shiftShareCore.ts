import { MetricsError } from '../../errors.js';
import { argumentError, pathOf, show } from '../../internal/assert.js';
import type { ShiftShare, ShiftShareRow } from '../types.js';

/** The three shift-share effects and the actual change, region x sector. */
export interface ShiftShareComponents {
  readonly nationalGrowth: number[][];
  readonly industryMix: number[][];
  readonly regionalShift: number[][];
  readonly change: number[][];
  readonly nationalRate: number;
  readonly sectorRates: number[];
}

/** Checks names: non-empty, unique. */
export function checkNames(fn: string, what: string, names: unknown): asserts names is readonly string[] {
  if (!Array.isArray(names) || names.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${what} must be a non-empty array of names (got ${show(names)}).`,
      `${what}`,
      'a non-empty array of names',
      names,
    );
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (typeof n !== 'string' || n === '' || seen.has(n)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${what} must be unique, non-empty names (got ${show(n)}).`,
        `${what}`,
        'unique, non-empty names',
        n,
        {
          name: n,
        },
      );
    }
    seen.add(n);
  }
}

/** Checks a regions x sectors matrix of finite numbers, naming the region and sector of a bad cell. */
export function checkMatrix(
  fn: string,
  what: string,
  m: unknown,
  regions: readonly string[],
  sectors: readonly string[],
): asserts m is readonly (readonly number[])[] {
  if (!Array.isArray(m) || m.length !== regions.length) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${what} needs one row per region (${regions.length}), got ${Array.isArray(m) ? m.length : show(m)}.`,
      what.split(' ')[0] as string,
      `one row per region (${regions.length})`,
      Array.isArray(m) ? m.length : m,
    );
  }
  // Indexed loops, not forEach: forEach skips the holes of a sparse array.
  for (let r = 0; r < m.length; r++) {
    const row: unknown = m[r];
    if (!Array.isArray(row) || row.length !== sectors.length) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${what} for region "${regions[r]}" needs one value per sector (${sectors.length}), got ${Array.isArray(row) ? row.length : show(row)}.`,
        [...pathOf(what.split(' ')[0] as string), r],
        `one value per sector (${sectors.length})`,
        Array.isArray(row) ? row.length : row,
        { region: regions[r] },
      );
    }
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw argumentError(
          typeof v === 'number' ? 'non_finite' : 'invalid_argument',
          `${fn}: ${what} for region "${regions[r]}", sector "${sectors[j]}" must be a finite number (got ${show(v)}).`,
          [...pathOf(what.split(' ')[0] as string), r, j],
          'a finite number',
          v,
          { region: regions[r], sector: sectors[j] },
        );
      }
    }
  }
}

/** Where a reference level is in the caller's input: `which` level ('base' or 'end') of sector `j`. */
export type ReferencePath = (which: 'base' | 'end', j: number) => (string | number)[];

/**
 * Classic shift-share of one period. `refBase`/`refEnd` are the reference (national) levels by sector.
 * NS = x0·G, IM = x0·(G_j - G), RS = Δx - x0·G_j; NS + IM + RS = Δx (no division by a regional level,
 * so a region starting from 0 in a sector is fine). `refPath` says where a reference level is in the
 * input, for the issue of an error about it.
 * @throws {MetricsError} invalid_argument for a reference base level <= 0 or an end level < 0, and for a
 *   base level so small against its end level that the growth rate overflows (a subnormal 5e-324)
 */
export function shiftShareCore(
  fn: string,
  sectors: readonly string[],
  base: readonly (readonly number[])[],
  end: readonly (readonly number[])[],
  refBase: readonly number[],
  refEnd: readonly number[],
  label: string,
  refPath: ReferencePath = (which, j) => ['reference', which, j],
): ShiftShareComponents {
  let N0 = 0;
  let N1 = 0;
  refBase.forEach((v, j) => {
    if (!(v > 0)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: the reference level of sector "${sectors[j]}" ${label} must be > 0 (got ${v}). A sector's reference growth rate needs a positive base; drop the sector or merge it.`,
        refPath('base', j),
        '> 0',
        v,
        { sector: sectors[j], value: v },
      );
    }
    if ((refEnd[j] as number) < 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: the reference level of sector "${sectors[j]}" at the end ${label} must be >= 0 (got ${refEnd[j]}).`,
        refPath('end', j),
        '>= 0',
        refEnd[j],
        { sector: sectors[j] },
      );
    }
    N0 += v;
    N1 += refEnd[j] as number;
  });
  const sectorRates = refBase.map((v, j) => ((refEnd[j] as number) - v) / v);
  // A base level of a subnormal size (5e-324) under a normal end level gives a rate past the largest
  // double: refuse it, naming the level, rather than return Infinity (and NaN effects from 0 x Infinity).
  sectorRates.forEach((g, j) => {
    if (!Number.isFinite(g)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: the reference level of sector "${sectors[j]}" ${label} is too small for its growth rate: (end - base) / base overflows (got base ${refBase[j]}, end ${refEnd[j]}). Give both reference levels in one unit, or drop the sector.`,
        refPath('base', j),
        `a level whose growth rate to ${refEnd[j]} is finite`,
        refBase[j],
        { sector: sectors[j], base: refBase[j], end: refEnd[j] },
      );
    }
  });
  const nationalRate = (N1 - N0) / N0;
  if (!Number.isFinite(nationalRate)) {
    // Every sector's rate is finite, so only sums past the largest double get here.
    throw new MetricsError(
      'degenerate',
      `${fn}: the reference total's growth rate ${label} overflows (got total ${N0} -> ${N1}). Rescale the levels (e.g. to billions).`,
      { base: N0, end: N1 },
    );
  }
  const nationalGrowth: number[][] = [];
  const industryMix: number[][] = [];
  const regionalShift: number[][] = [];
  const change: number[][] = [];
  base.forEach((row, r) => {
    nationalGrowth.push(row.map((x0) => x0 * nationalRate));
    industryMix.push(row.map((x0, j) => x0 * ((sectorRates[j] as number) - nationalRate)));
    const d = row.map((x0, j) => ((end[r] as readonly number[])[j] as number) - x0);
    change.push(d);
    regionalShift.push(row.map((x0, j) => (d[j] as number) - x0 * (sectorRates[j] as number)));
  });
  return { nationalGrowth, industryMix, regionalShift, change, nationalRate, sectorRates };
}

/** Reference levels by sector: given, or the sum over regions. */
export function referenceOf(
  fn: string,
  what: string,
  given: unknown,
  m: readonly (readonly number[])[],
  sectors: readonly string[],
): number[] {
  if (given === undefined) return sectors.map((_, j) => m.reduce((s, row) => s + (row[j] as number), 0));
  if (
    !Array.isArray(given) ||
    given.length !== sectors.length ||
    given.some((v) => typeof v !== 'number' || !Number.isFinite(v))
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${what} must be one finite number per sector (${sectors.length}) (got ${show(given)}).`,
      `${what}`,
      `one finite number per sector (${sectors.length})`,
      given,
    );
  }
  // A loop, not some(): some() skips the holes of a sparse array, and a hole became a NaN rate.
  for (let j = 0; j < given.length; j++) {
    const v: unknown = given[j];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${what} for sector "${sectors[j]}" must be a finite number (got ${show(v)}).`,
        [...pathOf(what), j],
        'a finite number',
        v,
        { sector: sectors[j] },
      );
    }
  }
  return [...(given as number[])];
}

/** Builds the result object (shared with dynamicShiftShare). */
export function assembleShiftShare(
  fn: string,
  regions: readonly string[],
  sectors: readonly string[],
  fromYear: number,
  toYear: number,
  nationalRate: number,
  sectorRates: readonly number[],
  c: { nationalGrowth: number[][]; industryMix: number[][]; regionalShift: number[][]; change: number[][] },
): ShiftShare {
  const sum = (row: readonly number[]) => row.reduce((s, v) => s + v, 0);
  const effects = ['nationalGrowth', 'industryMix', 'regionalShift', 'change'] as const;
  const byRegion = regions.map((region, r) => ({
    region,
    nationalGrowth: sum(c.nationalGrowth[r] as number[]),
    industryMix: sum(c.industryMix[r] as number[]),
    regionalShift: sum(c.regionalShift[r] as number[]),
    change: sum(c.change[r] as number[]),
  }));
  // Levels near the largest double overflow in the products and sums: say so rather than return ±Infinity.
  const rateAt = sectorRates.findIndex((g) => !Number.isFinite(g));
  if (rateAt >= 0 || !Number.isFinite(nationalRate)) {
    const what =
      rateAt >= 0 ? `the reference growth rate of sector "${sectors[rateAt]}"` : "the reference total's growth rate";
    const v = rateAt >= 0 ? sectorRates[rateAt] : nationalRate;
    throw new MetricsError(
      'degenerate',
      `${fn}: ${what} from ${fromYear} to ${toYear} overflows (got ${v}). Check the reference levels' unit, or rescale them.`,
      { sector: rateAt >= 0 ? sectors[rateAt] : 'total', fromYear, toYear },
    );
  }
  for (const e of effects) {
    for (let r = 0; r < regions.length; r++) {
      const row = c[e][r] as number[];
      const j = row.findIndex((v) => !Number.isFinite(v));
      const total = (byRegion[r] as Record<typeof e, number>)[e];
      if (j >= 0 || !Number.isFinite(total)) {
        const sector = j >= 0 ? `sector "${sectors[j]}"` : 'the sum of the sectors';
        throw new MetricsError(
          'degenerate',
          `${fn}: the ${e} of region "${regions[r]}", ${sector} from ${fromYear} to ${toYear} overflows (got ${j >= 0 ? row[j] : total}). Rescale the levels (e.g. to billions).`,
          { region: regions[r], sector: j >= 0 ? sectors[j] : 'total', measure: e },
        );
      }
    }
  }
  const rows: ShiftShareRow[] = [];
  regions.forEach((region, r) => {
    sectors.forEach((sector, j) => {
      for (const e of effects)
        rows.push({ region, sector, year: toYear, value: (c[e][r] as number[])[j] as number, measure: e });
    });
    for (const e of effects)
      rows.push({
        region,
        sector: 'total',
        year: toYear,
        value: (byRegion[r] as Record<typeof e, number>)[e],
        measure: e,
      });
  });
  return { regions, sectors, fromYear, toYear, nationalRate, sectorRates, ...c, byRegion, rows };
}
