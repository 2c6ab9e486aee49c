import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inv, multiply, transpose } from 'mathjs';
import { reconcile, type ReconcileMethod } from '../../src/decompose/reconcile.js';
import { historicalProportions } from '../../src/decompose/historicalProportions.js';
import { incoherence } from '../../src/decompose/incoherence.js';
import { parseUnit } from '../../src/series/units.js';
import type { Panel } from '../../src/decompose/types.js';
import { thrown } from '../helpers/thrown.js';

const unit = parseUnit('CNY billion');
// Two years of base forecasts: 2025 is off by d = 100 - (40 + 50) = 10; 2026 is coherent.
const p: Panel = {
  unit,
  years: [2025, 2026],
  sectors: ['a', 'b'],
  values: [
    [40, 60],
    [50, 60],
  ],
  total: [100, 120],
};

/** The textbook form ỹ = S (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ ŷ (Hyndman et al. 2011; Wickramasuriya et al. 2019), via mathjs. */
function gls(yhat: number[], W: number[][]): number[] {
  const m = yhat.length - 1;
  const S = [
    new Array<number>(m).fill(1),
    ...Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 1 : 0))),
  ];
  const Wi = inv(W) as number[][];
  const St = transpose(S) as number[][];
  const P = multiply(
    inv(multiply(multiply(St, Wi), S) as number[][]) as number[][],
    multiply(St, Wi) as number[][],
  ) as number[][];
  return multiply(S, multiply(P, yhat) as number[]) as number[];
}

describe('reconcile', () => {
  it('bottomUp keeps the sectors: total 90', () => {
    const r = reconcile(p, { method: 'bottomUp' });
    expect(r.panel.values).toEqual([
      [40, 60],
      [50, 60],
    ]);
    expect(r.panel.total).toEqual([90, 120]);
    expect(r.totalAdjustment).toEqual([-10, 0]);
  });
  it('topDown splits the total by the given proportions', () => {
    const r = reconcile(p, { method: 'topDown', proportions: [0.25, 0.75] });
    expect(r.panel.values).toEqual([
      [25, 30],
      [75, 90],
    ]);
    expect(r.panel.total).toEqual([100, 120]);
  });
  it('proportional scales 40 and 50 by 100/90', () => {
    const r = reconcile(p, { method: 'proportional' });
    expect(r.panel.values[0]?.[0]).toBeCloseTo(400 / 9, 12);
    expect(r.panel.values[1]?.[0]).toBeCloseTo(500 / 9, 12);
  });
  it('ols moves total and sectors by d/3 each: 43.33, 53.33, total 96.67', () => {
    const r = reconcile(p, { method: 'ols' });
    expect(r.panel.values[0]?.[0]).toBeCloseTo(40 + 10 / 3, 12);
    expect(r.panel.values[1]?.[0]).toBeCloseTo(50 + 10 / 3, 12);
    expect(r.panel.total?.[0]).toBeCloseTo(100 - 10 / 3, 12);
  });
  it('wlsStructural with W = diag(2, 1, 1) moves sectors by d/4 and the total by 2d/4', () => {
    const r = reconcile(p, { method: 'wlsStructural' });
    expect(r.panel.values[0]?.[0]).toBeCloseTo(42.5, 12);
    expect(r.panel.total?.[0]).toBeCloseTo(95, 12);
  });
  it('wls and mint match the textbook GLS projection computed with matrix inverses', () => {
    const weights = [4, 1, 2];
    const w = reconcile(p, { method: 'wls', weights });
    const ref = gls(
      [100, 40, 50],
      [
        [4, 0, 0],
        [0, 1, 0],
        [0, 0, 2],
      ],
    );
    expect(w.panel.values[0]?.[0]).toBeCloseTo(ref[1] as number, 10);
    expect(w.panel.values[1]?.[0]).toBeCloseTo(ref[2] as number, 10);
    expect(w.panel.total?.[0]).toBeCloseTo(ref[0] as number, 10);
    const W = [
      [5, 1, 2],
      [1, 2, 0.5],
      [2, 0.5, 3],
    ];
    const m = reconcile(p, { method: 'mint', covariance: W });
    const refM = gls([100, 40, 50], W);
    expect(m.panel.values[0]?.[0]).toBeCloseTo(refM[1] as number, 10);
    expect(m.panel.values[1]?.[0]).toBeCloseTo(refM[2] as number, 10);
    expect(m.panel.total?.[0]).toBeCloseTo(refM[0] as number, 10);
  });
  it('reconcile reports sectors that come out negative', () => {
    const r = reconcile(
      { unit, years: [2025], sectors: ['a', 'b'], values: [[1], [50]], total: [30] },
      { method: 'ols' },
    );
    expect(r.negative).toEqual([{ sector: 'a', year: 2025, value: 1 - 21 / 3 }]);
  });
  it('bad options throw invalid_argument', () => {
    expect(thrown(() => reconcile({ ...p, total: undefined } as unknown as Panel, { method: 'ols' }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => reconcile(p, { method: 'magic' as ReconcileMethod }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => reconcile(p, { method: 'topDown' }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => reconcile(p, { method: 'topDown', proportions: [0.5, 0.6] }))).toMatchObject({
      code: 'invalid_argument',
      details: { sum: 1.1 },
    });
    expect(thrown(() => reconcile(p, { method: 'wls', weights: [1, 0, 1] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(
      thrown(() =>
        reconcile(p, {
          method: 'mint',
          covariance: [
            [1, 2, 0],
            [0, 1, 0],
            [0, 0, 1],
          ],
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() =>
        reconcile(p, {
          method: 'mint',
          covariance: [
            [1, 2, 0],
            [2, 1, 0],
            [0, 0, 1],
          ],
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() =>
        reconcile(
          { unit, years: [2025], sectors: ['a', 'b'], values: [[1], [-1]], total: [5] },
          { method: 'proportional' },
        ),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
  });

  const methods: ReconcileMethod[] = ['bottomUp', 'topDown', 'proportional', 'ols', 'wlsStructural', 'wls', 'mint'];
  const forecasts = fc.tuple(
    fc.double({ min: 1, max: 1e5, noNaN: true }),
    fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 6 }),
  );
  const optionsFor = (method: ReconcileMethod, m: number) => ({
    method,
    proportions: Array.from({ length: m }, () => 1 / m),
    weights: Array.from({ length: m + 1 }, (_, i) => 1 + i),
    covariance: Array.from({ length: m + 1 }, (_, i) =>
      Array.from({ length: m + 1 }, (_, j) => (i === j ? 2 + i : 0.5)),
    ),
  });
  it('every method gives coherent output: total = sum of sectors', () => {
    fc.assert(
      fc.property(forecasts, fc.constantFrom(...methods), ([total, xs], method) => {
        const q: Panel = {
          unit,
          years: [2025],
          sectors: xs.map((_, i) => `s${i}`),
          values: xs.map((x) => [x]),
          total: [total],
        };
        const r = reconcile(q, optionsFor(method, xs.length));
        const sum = r.panel.values.reduce((a, row) => a + (row[0] as number), 0);
        // The reconciled total may be negative (mint can push it there), so compare directly.
        return r.panel.total?.[0] === sum && r.panel.values.every((row) => Number.isFinite(row[0]));
      }),
    );
  });
  it('the optimal methods leave coherent input unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('bottomUp', 'proportional', 'ols', 'wlsStructural', 'wls', 'mint' as const),
        (xs, method) => {
          const total = xs.reduce((a, v) => a + v, 0);
          const q: Panel = {
            unit,
            years: [2025],
            sectors: xs.map((_, i) => `s${i}`),
            values: xs.map((x) => [x]),
            total: [total],
          };
          const r = reconcile(q, optionsFor(method, xs.length));
          return r.panel.values.every((row, i) => Math.abs((row[0] as number) - (xs[i] as number)) <= 1e-9 * total);
        },
      ),
    );
  });
  it('levels near 1e308 that overflow: degenerate saying what overflows and when, never "gave Infinity" or an Infinity total (fuzz seed 14)', () => {
    const big: Panel = { unit, years: [2020], sectors: ['a', 'b'], values: [[1e308], [1e308]], total: [1e308] };
    // bottomUp kept the finite sectors and returned their sum, Infinity, as the total.
    const total = thrown(() => reconcile(big, { method: 'bottomUp' }));
    expect(total).toMatchObject({ code: 'degenerate', details: { year: 2020 } });
    expect((total as Error).message).toBe(
      'reconcile: the reconciled total in 2020 overflows (got Infinity). Rescale the panel (e.g. to billions).',
    );
    // ols spread the gap 1e308 - 2e308 (-Infinity) over the sectors: "reconcile: reconciliation gave -Infinity in 2020."
    const ols = thrown(() => reconcile(big, { method: 'ols' }));
    expect(ols).toMatchObject({ code: 'degenerate', details: { year: 2020 } });
    expect((ols as Error).message).toBe(
      'reconcile: the reconciled value of "a" in 2020 overflows (got -Infinity). Rescale the panel (e.g. to billions).',
    );
    // Infinity over Infinity is no number: said in words, not as NaN.
    const nan = thrown(() => reconcile(big, { method: 'proportional' }));
    expect((nan as Error).message).toBe(
      'reconcile: the reconciled value of "a" in 2020 overflows (got no number: levels past the largest double). Rescale the panel (e.g. to billions).',
    );
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => reconcile(p, { method: 'topDown', proportion: [0.5, 0.5] } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'proportion'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "proportion".*Did you mean proportions\?/);
  });
});

describe('historicalProportions', () => {
  const h: Panel = {
    unit,
    years: [2020, 2021],
    sectors: ['a', 'b'],
    values: [
      [1, 3],
      [1, 1],
    ],
  };
  it('averageShares: mean of (0.5, 0.75) and (0.5, 0.25)', () => {
    expect(historicalProportions(h)).toEqual([0.625, 0.375]);
  });
  it('shareOfAverages: 4/6 and 2/6', () => {
    const r = historicalProportions(h, { method: 'shareOfAverages' });
    expect(r[0]).toBeCloseTo(2 / 3, 15);
    expect(r[1]).toBeCloseTo(1 / 3, 15);
  });
  it('sectors summing to 0 in a year or an unknown method throws invalid_argument', () => {
    expect(
      thrown(() =>
        historicalProportions({
          ...h,
          values: [
            [1, 0],
            [1, 0],
          ],
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument', details: { year: 2021 } });
    expect(thrown(() => historicalProportions(h, { method: 'x' as 'averageShares' }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => historicalProportions(h, { methods: 'shareOfAverages' } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'methods'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "methods".*Did you mean method\?/);
  });
});

describe('incoherence', () => {
  it('sector targets of 1.2 and 1.5 under a total of 3 miss it by 0.3 (10 %)', () => {
    const r = incoherence({ unit, years: [2025], sectors: ['a', 'b'], values: [[1.2], [1.5]], total: [3] });
    expect(r.rows[0]?.gap).toBeCloseTo(0.3, 14);
    expect(r.rows[0]?.relativeGap).toBeCloseTo(0.1, 14);
    expect(r.coherent).toBe(false);
    expect(r.worst.year).toBe(2025);
  });
  it('the worst year is the one with the largest relative gap; a loose tolerance calls small gaps coherent', () => {
    const r = incoherence(
      { unit, years: [2024, 2025], sectors: ['a'], values: [[99, 180]], total: [100, 200] },
      { tolerance: 0.02 },
    );
    expect(r.rows.map((x) => x.coherent)).toEqual([true, false]);
    expect(r.worst.year).toBe(2025);
  });
  it('no total, a negative total or a negative tolerance throws invalid_argument', () => {
    expect(thrown(() => incoherence({ unit, years: [2025], sectors: ['a'], values: [[1]] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(
      thrown(() => incoherence({ unit, years: [2025], sectors: ['a'], values: [[1]], total: [-1] })),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() => incoherence({ unit, years: [2025], sectors: ['a'], values: [[1]], total: [1] }, { tolerance: -1 })),
    ).toMatchObject({ code: 'invalid_argument' });
  });
  it('a total of a subnormal size under sectors of a normal size: degenerate naming the total, never an Infinity relative gap (fuzz seed 12)', () => {
    const e = thrown(() =>
      incoherence(
        {
          unit,
          years: [2005, 2006, 2007],
          sectors: ['s0', 's1'],
          values: [
            [702.963779538943, 455.2562726400985, 26370.574606785987],
            [999999.9999999995, 91235300.16944286, 999999.9999999988],
          ],
          total: [5e-324, 1004089.0837637756, 1129007.6320674634],
        },
        { tolerance: 2.532867955698365e-260 },
      ),
    );
    expect(e).toMatchObject({
      code: 'degenerate',
      details: { year: 2005 },
      issues: [{ path: ['panel', 'total', 0], received: 5e-324 }],
    });
    expect((e as Error).message).toBe(
      'incoherence: the gap in 2005 relative to the stated total overflows (got total 5e-324, sum of the sectors 1000702.9637795385). Check that the total and the sectors are in one unit.',
    );
    // Sectors near the largest double: their sum overflows, and the error says so.
    const sum = thrown(() =>
      incoherence({ unit, years: [2025], sectors: ['a', 'b'], values: [[1e308], [1e308]], total: [1] }),
    );
    expect(sum).toMatchObject({ code: 'degenerate', details: { year: 2025 } });
    expect((sum as Error).message).toMatch(
      /^incoherence: the gap between the total and the sum of the sectors in 2025 overflows/,
    );
    // A subnormal total the sectors match is coherent, not an error.
    expect(incoherence({ unit, years: [2025], sectors: ['a'], values: [[5e-324]], total: [5e-324] }).coherent).toBe(
      true,
    );
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() =>
      incoherence({ unit, years: [2025], sectors: ['a'], values: [[99]], total: [100] }, { tolerence: 0.02 } as never),
    );
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'tolerence'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "tolerence".*Did you mean tolerance\?/);
  });
});
