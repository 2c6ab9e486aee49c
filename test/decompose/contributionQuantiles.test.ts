import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contributionQuantiles } from '../../src/decompose/contributionQuantiles.js';
import { thrown } from '../helpers/thrown.js';

describe('contributionQuantiles', () => {
  it('two paths: a contributes 0.5 and 1.0 (median 0.75), b nothing', () => {
    // Path 0: total 2 -> 3, a +1 -> 1/2 = 0.5.  Path 1: total 2 -> 4, a +2 -> 1.0.  Type-7 median of two = mean.
    const r = contributionQuantiles({
      sectors: ['a', 'b'],
      fromYear: 2020,
      toYear: 2025,
      base: [
        [1, 1],
        [1, 1],
      ],
      end: [
        [2, 1],
        [3, 1],
      ],
      probabilities: [0, 0.5, 1],
    });
    expect(r.contribution).toEqual([
      [0.5, 0.75, 1],
      [0, 0, 0],
    ]);
    expect(r.growth).toEqual([0.5, 0.75, 1]);
    // CAGR over 5 years on path 0: 1.5^(1/5) - 1, all of it from a.
    expect(r.cagrContribution[0]?.[0]).toBeCloseTo(Math.pow(1.5, 0.2) - 1, 14);
    expect(r.meanContribution).toEqual([0.75, 0]);
    expect(r.rows).toContainEqual({ sector: 'total', year: 2025, value: 0.75, measure: 'growth', probability: 0.5 });
  });
  it('Float64Array draws laid out paths x sectors give the same result as rows', () => {
    const rows = contributionQuantiles({
      sectors: ['a', 'b'],
      fromYear: 2020,
      toYear: 2021,
      base: [
        [1, 2],
        [3, 4],
        [2, 2],
      ],
      end: [
        [2, 2],
        [3, 5],
        [1, 3],
      ],
    });
    const flat = contributionQuantiles({
      sectors: ['a', 'b'],
      fromYear: 2020,
      toYear: 2021,
      base: Float64Array.from([1, 2, 3, 4, 2, 2]),
      end: Float64Array.from([2, 2, 3, 5, 1, 3]),
    });
    expect(flat.contribution).toEqual(rows.contribution);
    expect(flat.paths).toBe(3);
  });
  it('a stated total per path adds the (residual)', () => {
    const r = contributionQuantiles({
      sectors: ['a'],
      fromYear: 2020,
      toYear: 2021,
      base: [[1]],
      end: [[2]],
      total: { base: [2], end: [4] },
      probabilities: [0.5],
    });
    expect(r.sectors).toEqual(['a', '(residual)']);
    expect(r.contribution).toEqual([[0.5], [0.5]]);
  });
  it('bad shapes, probabilities, totals or draws throw, naming the path', () => {
    const ok = { sectors: ['a'], fromYear: 2020, toYear: 2021, base: [[1]], end: [[2]] };
    expect(thrown(() => contributionQuantiles({ ...ok, end: [[2], [3]] }))).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() => contributionQuantiles({ ...ok, base: Float64Array.from([1, 2, 3]), sectors: ['a', 'b'] })),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => contributionQuantiles({ ...ok, probabilities: [1.5] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => contributionQuantiles({ ...ok, toYear: 2020 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => contributionQuantiles({ ...ok, base: [[Number.NaN]] }))).toMatchObject({
      code: 'non_finite',
      details: { path: 0 },
    });
    expect(thrown(() => contributionQuantiles({ ...ok, base: [[1], [0]], end: [[1], [1]] }))).toMatchObject({
      code: 'invalid_argument',
      details: { path: 1 },
    });
    expect(thrown(() => contributionQuantiles({ ...ok, end: [[0]] }))).toMatchObject({
      code: 'invalid_argument',
      details: { path: 0 },
    });
    expect(thrown(() => contributionQuantiles({ ...ok, total: { base: [1, 2], end: [1] } }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('quantiles are ordered, and mean contributions add up to the mean growth', () => {
    const draws = fc.array(
      fc.tuple(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
      ),
      { minLength: 1, maxLength: 50 },
    );
    fc.assert(
      fc.property(draws, (ds) => {
        const r = contributionQuantiles({
          sectors: ['a', 'b'],
          fromYear: 2020,
          toYear: 2023,
          base: ds.map(([a, b]) => [a, b]),
          end: ds.map(([, , c, d]) => [c, d]),
          probabilities: [0.05, 0.5, 0.95],
        });
        const ordered = r.contribution.every(
          (q) => (q[0] as number) <= (q[1] as number) && (q[1] as number) <= (q[2] as number),
        );
        const meanGrowth = ds.reduce((acc, [a, b, c, d]) => acc + (c + d - a - b) / (a + b), 0) / ds.length;
        const sumMeans = (r.meanContribution[0] as number) + (r.meanContribution[1] as number);
        return ordered && Math.abs(sumMeans - meanGrowth) <= 1e-12 * Math.max(1, Math.abs(meanGrowth)) * 10;
      }),
    );
  });
  it('a misspelt field throws invalid_argument naming it and the field meant', () => {
    const e = thrown(() =>
      contributionQuantiles({
        sectors: ['a'],
        fromYear: 2020,
        toYear: 2025,
        base: [[1]],
        end: [[2]],
        probabilites: [0.5],
      } as never),
    );
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'probabilites'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "probabilites".*Did you mean probabilities\?/);
  });
});
