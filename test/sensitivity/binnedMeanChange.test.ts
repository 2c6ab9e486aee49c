import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binnedMeanChange } from '../../src/sensitivity/binnedMeanChange.js';
import { thrown } from '../helpers/thrown.js';

describe('binnedMeanChange', () => {
  it('output = 2x for x = 1..100 in quartiles: bin means of x are 13, 38, 63, 88, so changes are -75, -25, 25, 75', () => {
    const x = Array.from({ length: 100 }, (_, i) => i + 1);
    const r = binnedMeanChange({ inputs: { x }, output: x.map((v) => 2 * v), bins: 4 });
    // Overall mean of 2x = 2 * 50.5 = 101; quartile 1 is x = 1..25 with mean 13, so 26 - 101 = -75.
    expect(r.overallMean).toBe(101);
    const [xi] = r.inputs;
    expect(xi?.bins.map((b) => [b.lower, b.upper, b.count, b.mean, b.change])).toEqual([
      [1, 25, 25, 26, -75],
      [26, 50, 25, 76, -25],
      [51, 75, 25, 126, 25],
      [76, 100, 25, 176, 75],
    ]);
    expect(xi?.spread).toBe(150);
  });
  it('inputs are sorted by spread: an input unrelated to the output ranks below one that drives it', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const noise = [3, 1, 2, 3, 1, 2];
    const r = binnedMeanChange({ inputs: { noise, x }, output: x, bins: 2 });
    expect(r.inputs.map((i) => i.input)).toEqual(['x', 'noise']);
  });
  it('equal input values share a bin; a constant input gives one bin with change 0', () => {
    const r = binnedMeanChange({ inputs: { a: [1, 1, 1, 2], c: [5, 5, 5, 5] }, output: [1, 2, 3, 10], bins: 2 });
    const a = r.inputs.find((i) => i.input === 'a');
    expect(a?.bins.map((b) => b.count)).toEqual([3, 1]);
    expect(a?.bins.map((b) => b.mean)).toEqual([2, 10]);
    const c = r.inputs.find((i) => i.input === 'c');
    expect(c?.bins).toEqual([{ lower: 5, upper: 5, count: 4, mean: 4, change: 0 }]);
    expect(c?.spread).toBe(0);
  });
  it('uses 10 bins by default, fewer when there are fewer draws', () => {
    const x = Array.from({ length: 50 }, (_, i) => i);
    expect(binnedMeanChange({ inputs: { x }, output: x }).inputs[0]?.bins).toHaveLength(10);
    expect(binnedMeanChange({ inputs: { x: [1, 2, 3] }, output: [1, 2, 3] }).inputs[0]?.bins).toHaveLength(3);
  });
  it('errors: too few draws, length mismatch, bad bins, no inputs, non-finite draws', () => {
    expect(thrown(() => binnedMeanChange({ inputs: { x: [1] }, output: [1] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => binnedMeanChange({ inputs: { x: [1, 2] }, output: [1, 2, 3] }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('inputs.x'),
    });
    expect(thrown(() => binnedMeanChange({ inputs: { x: [1, 2, 3] }, output: [1, 2, 3], bins: 1 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => binnedMeanChange({ inputs: { x: [1, 2, 3] }, output: [1, 2, 3], bins: 4 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => binnedMeanChange({ inputs: { x: [1, 2, 3] }, output: [1, 2, 3], bins: 2.5 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => binnedMeanChange({ inputs: {}, output: [1, 2, 3] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => binnedMeanChange({ inputs: { x: [1, Number.NaN, 3] }, output: [1, 2, 3] }))).toMatchObject({
      code: 'non_finite',
      details: { index: 1 },
    });
    expect(
      thrown(() => binnedMeanChange({ inputs: { x: [1, 2] }, output: [1, Number.POSITIVE_INFINITY] })),
    ).toMatchObject({ code: 'non_finite' });
    expect(thrown(() => binnedMeanChange({ inputs: { x: [1, 2] }, output: [1.7e308, 1.7e308] }))).toMatchObject({
      code: 'degenerate',
    });
  });
  it('property: counts add up to the draws and count-weighted changes sum to 0', () => {
    const draws = fc
      .integer({ min: 2, max: 60 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }),
          fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
          fc.integer({ min: 2, max: n }),
        ),
      );
    fc.assert(
      fc.property(draws, ([x, y, bins]) => {
        const r = binnedMeanChange({ inputs: { x }, output: y, bins });
        const b = r.inputs[0]?.bins ?? [];
        const weighted = b.reduce((s, bin) => s + bin.count * bin.change, 0);
        return (
          b.reduce((s, bin) => s + bin.count, 0) === x.length &&
          Math.abs(weighted) <= 1e-9 * Math.max(1, ...y.map(Math.abs)) * x.length &&
          b.every((bin, i) => i === 0 || bin.lower > (b[i - 1] as { upper: number }).upper)
        );
      }),
    );
  });
  it('a misspelt option is refused, naming the one meant (it would use deciles)', () => {
    const x = [1, 2, 3, 4];
    expect(thrown(() => binnedMeanChange({ inputs: { x }, output: x, bin: 2 } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^binnedMeanChange: unknown option "bin".*Did you mean bins\?/),
    });
  });
});
