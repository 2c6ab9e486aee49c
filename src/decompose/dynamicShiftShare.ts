import { show, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import { assembleShiftShare, checkMatrix, checkNames, referenceOf, shiftShareCore } from './internal/shiftShareCore.js';
import type { ShiftShare } from './types.js';

/** What {@link dynamicShiftShare} takes: levels by region, sector and year. */
export interface DynamicShiftShareInput {
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  /** Whole, strictly increasing years, at least 2; normally consecutive. */
  readonly years: readonly number[];
  /** `values[r][j][t]`: region r, sector j, year t. */
  readonly values: readonly (readonly (readonly number[])[])[];
  /** Reference (national) levels `reference[j][t]`; default the sum over the regions. */
  readonly reference?: readonly (readonly number[])[];
}

const DYNAMIC_SHIFT_SHARE_INPUT = optionNames<DynamicShiftShareInput>({
  regions: true,
  sectors: true,
  years: true,
  values: true,
  reference: true,
});

/**
 * Dynamic shift-share (Barff & Knight 1988): the classic decomposition ({@link shiftShare}) done for every
 * pair of consecutive years with that year's rates and base levels, then summed. The three effects still
 * add up exactly to the change over the whole span, and they follow the region's changing mix instead of
 * freezing it in the first year. `nationalRate` and `sectorRates` in the result are over the whole span.
 * Reference: R. A. Barff and P. L. Knight III (1988), "Dynamic shift-share analysis", Growth and Change
 * 19(2): 1-10.
 * @throws {MetricsError} invalid_argument as {@link shiftShare}, for fewer than 2 years, unsorted years,
 *   or a reference sector level <= 0 in any year but the last (naming the year) or so small against the
 *   next year's that the rate overflows; degenerate when an effect overflows
 * @example
 * const r = dynamicShiftShare({ regions: ['r'], sectors: ['a', 'b'], years: [2020, 2021],
 *   values: [[[10, 15], [10, 10]]], reference: [[100, 120], [100, 100]] });
 * r.regionalShift[0]; // => [3, 0] (one period: the same as shiftShare)
 */
export function dynamicShiftShare(input: DynamicShiftShareInput): ShiftShare {
  const fn = 'dynamicShiftShare';
  // A misspelt field (`refrence`) would be ignored and the call answer another question.
  if (typeof input === 'object' && input !== null) assertOptions(fn, input, undefined, DYNAMIC_SHIFT_SHARE_INPUT);
  const { regions, sectors, years, values, reference } = input ?? ({} as DynamicShiftShareInput);
  checkNames(fn, 'regions', regions);
  checkNames(fn, 'sectors', sectors);
  if (
    !Array.isArray(years) ||
    years.length < 2 ||
    years.some((y, t) => !Number.isInteger(y) || (t > 0 && y <= (years[t - 1] as number)))
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: years must be at least 2 whole, strictly increasing years (got ${show(years)}).`,
      'years',
      'at least 2 whole, strictly increasing years',
      years,
    );
  }
  if (!Array.isArray(values) || values.length !== regions.length) {
    throw argumentError(
      'invalid_argument',
      `${fn}: values needs one entry per region (${regions.length}), got ${Array.isArray(values) ? values.length : show(values)}.`,
      'values',
      `one entry per region (${regions.length})`,
      Array.isArray(values) ? values.length : values,
    );
  }
  const at = (t: number): number[][] => {
    const m = values.map((reg, r) => {
      if (!Array.isArray(reg) || reg.length !== sectors.length) {
        throw argumentError(
          'invalid_argument',
          `${fn}: values for region "${regions[r]}" needs one row per sector (${sectors.length}).`,
          ['values', r],
          `one row per sector (${sectors.length})`,
          Array.isArray(reg) ? reg.length : reg,
          { region: regions[r] },
        );
      }
      return reg.map((row, j) => {
        if (!Array.isArray(row) || row.length !== years.length) {
          throw argumentError(
            'invalid_argument',
            `${fn}: values for region "${regions[r]}", sector "${sectors[j]}" needs one value per year (${years.length}).`,
            ['values', r, j],
            `one value per year (${years.length})`,
            Array.isArray(row) ? row.length : row,
            { region: regions[r], sector: sectors[j] },
          );
        }
        return row[t] as number;
      });
    });
    checkMatrix(fn, `values in ${years[t]}`, m, regions, sectors);
    return m;
  };
  if (reference !== undefined && (!Array.isArray(reference) || reference.length !== sectors.length)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: reference needs one row per sector (${sectors.length}) (got ${show(reference)}).`,
      'reference',
      `one row per sector (${sectors.length})`,
      reference,
    );
  }
  const refAt = (t: number, m: number[][]): number[] =>
    referenceOf(
      fn,
      `reference in ${years[t]}`,
      reference === undefined ? undefined : reference.map((row) => row?.[t]),
      m,
      sectors,
    );
  const zero = () => regions.map(() => sectors.map(() => 0));
  const acc = { nationalGrowth: zero(), industryMix: zero(), regionalShift: zero(), change: zero() };
  let prev = at(0);
  let prevRef = refAt(0, prev);
  const firstRef = prevRef;
  for (let t = 1; t < years.length; t++) {
    const cur = at(t);
    const curRef = refAt(t, cur);
    // Reference levels are `reference[j][t]`; without a reference, the sums over the regions' values.
    const c = shiftShareCore(fn, sectors, prev, cur, prevRef, curRef, `in ${years[t - 1]}`, (which, j) =>
      reference === undefined ? ['values'] : ['reference', j, which === 'base' ? t - 1 : t],
    );
    for (const k of ['nationalGrowth', 'industryMix', 'regionalShift', 'change'] as const) {
      acc[k].forEach((row, r) =>
        row.forEach((_, j) => {
          (row[j] as number) += (c[k][r] as number[])[j] as number;
        }),
      );
    }
    prev = cur;
    prevRef = curRef;
  }
  const N0 = firstRef.reduce((s, v) => s + v, 0);
  const N1 = prevRef.reduce((s, v) => s + v, 0);
  const sectorRates = firstRef.map((v, j) => ((prevRef[j] as number) - v) / v);
  return assembleShiftShare(
    fn,
    regions,
    sectors,
    years[0] as number,
    years[years.length - 1] as number,
    (N1 - N0) / N0,
    sectorRates,
    acc,
  );
}
