import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shiftShare } from '../../src/decompose/shiftShare.js';
import { dynamicShiftShare } from '../../src/decompose/dynamicShiftShare.js';
import { thrown } from '../helpers/thrown.js';

describe('shiftShare', () => {
  it('two regions x two sectors, worked by hand', () => {
    // Nation = sum of regions. 2020: a: 60 + 40 = 100, b: 20 + 80 = 100 (N0 = 200).
    // 2025: a: 90 + 50 = 140, b: 22 + 78 = 100 (N1 = 240). G = 0.2, G_a = 0.4, G_b = 0.
    // East, a: x0 = 60, Δ = 30: NS = 12, IM = 60 x 0.2 = 12, RS = 30 - 60 x 0.4 = 6.
    // East, b: x0 = 20, Δ = 2:  NS = 4,  IM = 20 x -0.2 = -4, RS = 2 - 0 = 2.
    // West, a: x0 = 40, Δ = 10: NS = 8,  IM = 8, RS = 10 - 16 = -6.
    // West, b: x0 = 80, Δ = -2: NS = 16, IM = -16, RS = -2.
    const r = shiftShare({
      regions: ['east', 'west'],
      sectors: ['a', 'b'],
      fromYear: 2020,
      toYear: 2025,
      base: [
        [60, 20],
        [40, 80],
      ],
      end: [
        [90, 22],
        [50, 78],
      ],
    });
    expect(r.nationalRate).toBeCloseTo(0.2, 14);
    expect(r.sectorRates).toEqual([0.4, 0]);
    expect(r.nationalGrowth.map((row) => row.map((v) => +v.toFixed(10)))).toEqual([
      [12, 4],
      [8, 16],
    ]);
    expect(r.industryMix.map((row) => row.map((v) => +v.toFixed(10)))).toEqual([
      [12, -4],
      [8, -16],
    ]);
    expect(r.regionalShift.map((row) => row.map((v) => +v.toFixed(10)))).toEqual([
      [6, 2],
      [-6, -2],
    ]);
    expect(r.byRegion[0]).toMatchObject({ region: 'east', change: 32 });
    expect(r.byRegion[0]?.regionalShift).toBeCloseTo(8, 12);
    expect(r.rows).toContainEqual({ region: 'west', sector: 'total', year: 2025, value: 8, measure: 'change' });
  });
  it('a region starting from 0 in a sector gets its whole change as regional shift', () => {
    const r = shiftShare({
      regions: ['r'],
      sectors: ['a'],
      fromYear: 2020,
      toYear: 2021,
      base: [[0]],
      end: [[5]],
      reference: { base: [100], end: [110] },
    });
    expect(r.regionalShift).toEqual([[5]]);
    expect(r.nationalGrowth).toEqual([[0]]);
  });
  it('bad shapes, years or a zero reference sector throw invalid_argument', () => {
    const ok = { regions: ['r'], sectors: ['a'], fromYear: 2020, toYear: 2021, base: [[1]], end: [[2]] };
    expect(thrown(() => shiftShare({ ...ok, toYear: 2020 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => shiftShare({ ...ok, base: [[1, 2]] }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => shiftShare({ ...ok, end: [[Number.NaN]] }))).toMatchObject({ code: 'non_finite' });
    expect(thrown(() => shiftShare({ ...ok, regions: ['r', 'r'], base: [[1], [1]], end: [[1], [1]] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => shiftShare({ ...ok, base: [[0]] }))).toMatchObject({
      code: 'invalid_argument',
      details: { sector: 'a' },
    });
    expect(thrown(() => shiftShare({ ...ok, reference: { base: [1, 2], end: [1] } }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('a reference base level of a subnormal size is refused, naming it, not turned into an Infinity rate (fuzz seed 11)', () => {
    const e = thrown(() =>
      shiftShare({
        regions: ['r'],
        sectors: ['a', 'b'],
        fromYear: 2020,
        toYear: 2021,
        base: [[195150.65, 0.001]],
        end: [[28165.7, 0.001]],
        reference: { base: [100, 5e-324], end: [120, 100] },
      }),
    );
    expect(e).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['reference', 'base', 1], received: 5e-324 }],
      details: { sector: 'b' },
    });
    expect((e as Error).message).toBe(
      'shiftShare: the reference level of sector "b" in 2020 is too small for its growth rate: (end - base) / base overflows (got base 5e-324, end 100). Give both reference levels in one unit, or drop the sector.',
    );
  });
  it('effects past the largest double are a degenerate error saying they overflow, never Infinity', () => {
    const e = thrown(() =>
      shiftShare({
        regions: ['r'],
        sectors: ['a'],
        fromYear: 2020,
        toYear: 2021,
        base: [[-1e308]],
        end: [[1e308]],
        reference: { base: [1], end: [2] },
      }),
    );
    expect(e).toMatchObject({ code: 'degenerate' });
    expect((e as Error).message).toMatch(/^shiftShare: the \w+ of region "r", sector "a" from 2020 to 2021 overflows/);
  });
  const matrix = (r: number, s: number) =>
    fc.array(fc.array(fc.double({ min: 0.1, max: 1e4, noNaN: true }), { minLength: s, maxLength: s }), {
      minLength: r,
      maxLength: r,
    });
  it('the three effects add up to the actual change, cell by cell', () => {
    const pair = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([nr, ns]) => fc.tuple(matrix(nr, ns), matrix(nr, ns)));
    fc.assert(
      fc.property(pair, ([base, end]) => {
        const r = shiftShare({
          regions: base.map((_, i) => `r${i}`),
          sectors: (base[0] as number[]).map((_, j) => `s${j}`),
          fromYear: 2020,
          toYear: 2025,
          base,
          end,
        });
        return r.change.every((row, i) =>
          row.every((d, j) => {
            const sum =
              (r.nationalGrowth[i] as number[])[j]! +
              (r.industryMix[i] as number[])[j]! +
              (r.regionalShift[i] as number[])[j]!;
            return Math.abs(sum - d) <= 1e-9 * Math.max(1, Math.abs(d), (base[i] as number[])[j]!);
          }),
        );
      }),
      { numRuns: 100 },
    );
  });
  it('a misspelt field throws invalid_argument naming it and the field meant', () => {
    const e = thrown(() =>
      shiftShare({
        regions: ['r'],
        sectors: ['a'],
        fromYear: 2020,
        toYear: 2021,
        base: [[1]],
        end: [[2]],
        refrence: { base: [10], end: [11] },
      } as never),
    );
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'refrence'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "refrence".*Did you mean reference\?/);
  });
});

describe('dynamicShiftShare', () => {
  it('with two years it is the classic shift-share', () => {
    const years = [2020, 2025];
    const values = [
      [
        [60, 90],
        [20, 22],
      ],
      [
        [40, 50],
        [80, 78],
      ],
    ];
    const d = dynamicShiftShare({ regions: ['east', 'west'], sectors: ['a', 'b'], years, values });
    const c = shiftShare({
      regions: ['east', 'west'],
      sectors: ['a', 'b'],
      fromYear: 2020,
      toYear: 2025,
      base: [
        [60, 20],
        [40, 80],
      ],
      end: [
        [90, 22],
        [50, 78],
      ],
    });
    expect(d.regionalShift).toEqual(c.regionalShift);
    expect(d.industryMix).toEqual(c.industryMix);
  });
  it('three years: the sum of two yearly classic decompositions, worked by hand', () => {
    // Region r (only sector a) against a reference a: 100 -> 110 -> 99, total reference the same.
    // r: 10 -> 12 -> 12.  Year 1: G = G_a = 0.1; NS = 1, IM = 0, RS = 2 - 1 = 1.
    // Year 2: G = G_a = -0.1; NS = 12 x -0.1 = -1.2, IM = 0, RS = 0 + 1.2 = 1.2. Sums: NS -0.2, RS 2.2, change 2.
    const d = dynamicShiftShare({
      regions: ['r'],
      sectors: ['a'],
      years: [2020, 2021, 2022],
      values: [[[10, 12, 12]]],
      reference: [[100, 110, 99]],
    });
    expect(d.nationalGrowth[0]?.[0]).toBeCloseTo(-0.2, 12);
    expect(d.regionalShift[0]?.[0]).toBeCloseTo(2.2, 12);
    expect(d.change[0]?.[0]).toBeCloseTo(2, 12);
    expect(d.nationalRate).toBeCloseTo(-0.01, 12);
    // The classic one over the whole span would give NS = 10 x -0.01 = -0.1, RS = 2.1.
    const c = shiftShare({
      regions: ['r'],
      sectors: ['a'],
      fromYear: 2020,
      toYear: 2022,
      base: [[10]],
      end: [[12]],
      reference: { base: [100], end: [99] },
    });
    expect(c.regionalShift[0]?.[0]).toBeCloseTo(2.1, 12);
  });
  it('bad years, shapes or a zero reference in a middle year throw invalid_argument naming it', () => {
    const ok = { regions: ['r'], sectors: ['a'], years: [2020, 2021, 2022], values: [[[1, 2, 3]]] };
    expect(thrown(() => dynamicShiftShare({ ...ok, years: [2020], values: [[[1]]] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => dynamicShiftShare({ ...ok, years: [2021, 2020, 2022] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => dynamicShiftShare({ ...ok, values: [[[1, 2]]] }))).toMatchObject({ code: 'invalid_argument' });
    const e = thrown(() => dynamicShiftShare({ ...ok, reference: [[5, 0, 5]] }));
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect((e as Error).message).toContain('in 2021');
  });
  it('a reference level of a subnormal size is refused with its path reference[j][t] (fuzz seed 11, shiftShare)', () => {
    const e = thrown(() =>
      dynamicShiftShare({
        regions: ['r'],
        sectors: ['a', 'b'],
        years: [2020, 2021, 2022],
        values: [
          [
            [1, 2, 3],
            [1, 1, 1],
          ],
        ],
        reference: [
          [10, 20, 30],
          [10, 5e-324, 100],
        ],
      }),
    );
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['reference', 1, 1] }] });
    expect((e as Error).message).toBe(
      'dynamicShiftShare: the reference level of sector "b" in 2021 is too small for its growth rate: (end - base) / base overflows (got base 5e-324, end 100). Give both reference levels in one unit, or drop the sector.',
    );
  });
  it('dynamic effects add up to the change over the whole span', () => {
    const cube = fc.array(
      fc.array(fc.array(fc.double({ min: 0.1, max: 1e4, noNaN: true }), { minLength: 4, maxLength: 4 }), {
        minLength: 3,
        maxLength: 3,
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(cube, (values) => {
        const d = dynamicShiftShare({
          regions: values.map((_, i) => `r${i}`),
          sectors: ['a', 'b', 'c'],
          years: [2020, 2021, 2022, 2023],
          values,
        });
        return values.every((reg, i) =>
          reg.every((row, j) => {
            const sum = d.nationalGrowth[i]![j]! + d.industryMix[i]![j]! + d.regionalShift[i]![j]!;
            const actual = row[3]! - row[0]!;
            return Math.abs(sum - actual) <= 1e-9 * Math.max(1, ...row);
          }),
        );
      }),
      { numRuns: 100 },
    );
  });
  it('a misspelt field throws invalid_argument naming it and the field meant', () => {
    const e = thrown(() =>
      dynamicShiftShare({
        regions: ['r'],
        sectors: ['a'],
        years: [2020, 2021],
        values: [[[1, 2]]],
        refrence: [[10, 11]],
      } as never),
    );
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'refrence'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "refrence".*Did you mean reference\?/);
  });
});
