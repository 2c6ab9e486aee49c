import { readFileSync } from 'node:fs';
import { quantileSorted } from 'd3-array';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantiles } from '../../src/simulate/quantiles.js';
import { selectQuantiles } from '../../src/simulate/internal/selectQuantiles.js';
import { thrown } from '../helpers/thrown.js';

/** Type-7 quantile by the definition: d3-array's quantileSorted on a sorted copy (contributionQuantiles' way). */
function type7(values: ArrayLike<number>, p: number): number {
  return quantileSorted([...Float64Array.from(values).sort()], p) as number;
}

/** R's quantile(x, p, type = 7) on five data sets, 17 significant digits (scripts/r/quantile-reference.R). */
function rReference(): Map<string, { values: number[]; levels: number[]; quantiles: number[] }> {
  const out = new Map<string, { values: number[]; levels: number[]; quantiles: number[] }>();
  const lines = readFileSync(new URL('./fixtures/r-quantile7.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  for (const line of lines.slice(1)) {
    const [set, kind, , value] = line.split(',') as [string, string, string, string];
    const entry = out.get(set) ?? { values: [], levels: [], quantiles: [] };
    if (kind === 'value') entry.values.push(Number(value));
    else {
      entry.levels.push(Number(kind.slice(1)));
      entry.quantiles.push(Number(value));
    }
    out.set(set, entry);
  }
  return out;
}

describe('quantiles', () => {
  it('quantiles([3, 1, 4, 1, 5], [0, 0.5, 0.9]) is [1, 3, 4.6] (R: quantile(c(3,1,4,1,5), c(0, .5, .9)))', () => {
    const q = quantiles([3, 1, 4, 1, 5], [0, 0.5, 0.9]);
    expect(q[0]).toBe(1);
    expect(q[1]).toBe(3);
    expect(q[2]).toBeCloseTo(4.6, 14);
  });

  it('quantiles(1..10, [0.25, 0.75]) is [3.25, 7.75] (R type 7)', () => {
    expect(quantiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], [0.25, 0.75])).toEqual([3.25, 7.75]);
  });

  it("quantiles and d3-array's quantileSorted agree with R's quantile(type = 7) on five data sets, to a few ulps", () => {
    // R interpolates as (1 - h) x[lo] + h x[hi], we and d3 as x[lo] + h (x[hi] - x[lo]), and R takes h from
    // 1 + (n - 1) p, whose rounding is coarser (256.744 vs 255.744): equal up to a few ulps of the larger
    // order statistic plus a few ulps of (n - 1) p times the gap (2.3e-6 at 4.3e8 in the wide set at 0.999).
    const sets = rReference();
    expect([...sets.keys()]).toEqual(['small', 'ten', 'normal', 'ties', 'wide']);
    for (const { values, levels, quantiles: r } of sets.values()) {
      const sorted = [...values].sort((a, b) => a - b);
      const ours = quantiles(values, levels);
      levels.forEach((p, i) => {
        const h = (sorted.length - 1) * p;
        const x0 = sorted[Math.floor(h)]!;
        const x1 = sorted[Math.ceil(h)]!;
        const tol = 4 * Number.EPSILON * (Math.max(Math.abs(x0), Math.abs(x1)) + sorted.length * Math.abs(x1 - x0));
        expect(Math.abs(ours[i]! - r[i]!)).toBeLessThanOrEqual(tol);
        expect(Math.abs((quantileSorted(sorted, p) as number) - r[i]!)).toBeLessThanOrEqual(tol);
        // Ours and d3's are the same formula: equal to the bit.
        expect(ours[i]).toBe(quantileSorted(sorted, p));
      });
    }
    // R's own worked case: quantile(c(3, 1, 4, 1, 5), 1/3) is 1 + (4/3 - 1) (3 - 1) = 5/3.
    expect(quantiles([3, 1, 4, 1, 5], [1 / 3])[0]).toBeCloseTo(5 / 3, 14);
  });

  it('a single value is every quantile; levels 0 and 1 are the min and max', () => {
    expect(quantiles([7], [0, 0.3, 1])).toEqual([7, 7, 7]);
    expect(quantiles([5, -2, 9, 0], [1, 0])).toEqual([9, -2]);
  });

  it('does not reorder its input', () => {
    const v = [5, 3, 1, 4];
    quantiles(v, [0.5]);
    expect(v).toEqual([5, 3, 1, 4]);
  });

  it('quantiles([], [0.5]) and a level of 1.5 or a NaN value throw', () => {
    expect(thrown(() => quantiles([], [0.5]))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => quantiles([1, 2], [1.5]))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => quantiles([1, NaN], [0.5]))).toMatchObject({ code: 'non_finite' });
  });

  it('equals the sorted-array definition for any data (with ties) and any levels', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
          ),
          { minLength: 1, maxLength: 3000 },
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 7 }),
        (values, levels) => {
          const q = quantiles(values, levels);
          return levels.every((p, i) => q[i] === type7(values, p));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('large arrays (sampled pass) give exactly the sorted-array quantiles, also with heavy ties', () => {
    const n = 200_001;
    let x = 12345;
    const next = (): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x / 2 ** 32;
    };
    const smooth = Float64Array.from({ length: n }, () => Math.exp(next() * 3));
    const ties = Float64Array.from({ length: n }, () => Math.floor(next() * 4));
    const levels = [0.05, 0.25, 0.5, 0.75, 0.95, 0.001, 0.999, 0.5];
    for (const data of [smooth, ties]) {
      const out = levels.map(() => 0);
      selectQuantiles(Float64Array.from(data), n, levels, out);
      levels.forEach((p, i) => expect(out[i]).toBe(type7(data, p)));
      // keep = true: same answer, and the array keeps its order (the engine's path state)
      const kept = Float64Array.from(data);
      const out2 = levels.map(() => 0);
      selectQuantiles(kept, n, levels, out2, true);
      expect(out2).toEqual(out);
      expect(kept).toEqual(data);
    }
  });

  it('quantiles are ordered when the levels are', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 500 }),
        (values) => {
          const q = quantiles(values, [0.05, 0.25, 0.5, 0.75, 0.95]);
          return q.every((v, i) => i === 0 || v >= q[i - 1]!);
        },
      ),
      { numRuns: 100 },
    );
  });
});
