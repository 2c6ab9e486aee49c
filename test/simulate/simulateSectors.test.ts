import { describe, expect, it } from 'vitest';
import { simulateSectors, type SimulateSectorsOptions } from '../../src/simulate/simulateSectors.js';
import { rejected } from '../helpers/thrown.js';

const two: SimulateSectorsOptions = {
  baseYear: 2020,
  toYear: 2021,
  paths: 40_000,
  seed: 11,
  samplePaths: 40_000,
  sectors: [
    { id: 'software', baseValue: 2, growth: [0.1], volatility: 0.08 },
    { id: 'hardware', baseValue: 1, growth: [0.05], volatility: 0.15 },
  ],
  correlation: [
    [1, 0.6],
    [0.6, 1],
  ],
};

function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n,
    my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('simulateSectors', () => {
  it("recovers the correlation 0.6 of the sectors' log deviations within 4 standard errors ((1 - rho^2) / sqrt n)", async () => {
    const r = await simulateSectors(two);
    expect(r.series.map((s) => s.id)).toEqual(['software', 'hardware', 'total']);
    expect(r.analysed).toBe('total');
    const d0 = r.series[0]!.samplePaths.map((p) => Math.log(p[0]! / 2.2));
    const d1 = r.series[1]!.samplePaths.map((p) => Math.log(p[0]! / 1.05));
    expect(Math.abs(correlation(d0, d1) - 0.6)).toBeLessThan((4 * (1 - 0.36)) / Math.sqrt(two.paths));
    // each sector keeps its own volatility
    const sd = (d: number[]): number => Math.sqrt(d.reduce((a, x) => a + x * x, 0) / d.length);
    expect(Math.abs(sd(d0) / 0.08 - 1)).toBeLessThan(4 * Math.sqrt(1 / (2 * two.paths)));
    expect(Math.abs(sd(d1) / 0.15 - 1)).toBeLessThan(4 * Math.sqrt(1 / (2 * two.paths)));
  });

  it('the total is the sum of the sectors path by path, and its targets are evaluated', async () => {
    const r = await simulateSectors({
      ...two,
      paths: 3000,
      samplePaths: 50,
      targets: [{ year: 2021, value: 3.25, comparator: 'atLeast' }],
    });
    const [a, b, tot] = r.series;
    tot!.samplePaths.forEach((p, i) => expect(p[0]).toBe(a!.samplePaths[i]![0]! + b!.samplePaths[i]![0]!));
    const share = tot!.samplePaths.length;
    expect(share).toBe(50);
    expect(r.targets[0]!.probability).toBeGreaterThan(0.3);
    expect(r.targets[0]!.probability).toBeLessThan(0.7);
  });

  it('correlation 1 (singular but semi-definite) makes the sectors move together exactly', async () => {
    const r = await simulateSectors({
      ...two,
      paths: 500,
      samplePaths: 500,
      correlation: [
        [1, 1],
        [1, 1],
      ],
    });
    const z0 = r.series[0]!.samplePaths.map((p) => Math.log(p[0]! / 2.2) / 0.08);
    const z1 = r.series[1]!.samplePaths.map((p) => Math.log(p[0]! / 1.05) / 0.15);
    z0.forEach((z, i) => expect(z).toBeCloseTo(z1[i]!, 10));
  });

  it('zero volatility gives each sector its deterministic path and the total their sum', async () => {
    const r = await simulateSectors({
      ...two,
      paths: 10,
      samplePaths: 0,
      sectors: two.sectors.map((s) => ({ ...s, volatility: 0 })),
    });
    expect(r.series.map((s) => s.mean[0])).toEqual([2 * 1.1, 1 * 1.05, 2 * 1.1 + 1 * 1.05]);
  });

  it('same seed, same result on 1 or 2 workers (multivariate t)', async () => {
    const o: SimulateSectorsOptions = {
      ...two,
      paths: 2500,
      samplePaths: 3,
      distribution: 'studentT',
      degreesOfFreedom: 6,
    };
    const a = await simulateSectors(o);
    const b = await simulateSectors({ ...o, workers: 2, chunkSize: 1000 });
    expect(b.series).toEqual(a.series);
  });

  it('a correlation matrix that is not positive semi-definite throws invalid_argument naming the problem', async () => {
    const three = {
      ...two,
      sectors: [...two.sectors, { id: 'services', baseValue: 1, growth: [0.1], volatility: 0.1 }],
    };
    const err = await rejected(() =>
      simulateSectors({
        ...three,
        correlation: [
          [1, 0.9, -0.9],
          [0.9, 1, 0.9],
          [-0.9, 0.9, 1],
        ],
      }),
    );
    expect(err).toMatchObject({ code: 'invalid_argument' });
    expect((err as Error).message).toMatch(/^simulateSectors: correlation is not positive semi-definite/);
  });

  it('other bad matrices and sectors throw invalid_argument', async () => {
    for (const correlation of [
      [
        [1, 0.5],
        [0.4, 1],
      ],
      [[1, 0.5]],
      [
        [2, 0],
        [0, 1],
      ],
      [
        [1, 1.5],
        [1.5, 1],
      ],
    ]) {
      expect(await rejected(() => simulateSectors({ ...two, correlation }))).toMatchObject({
        code: 'invalid_argument',
      });
    }
    expect(await rejected(() => simulateSectors({ ...two, sectors: [] }))).toMatchObject({ code: 'invalid_argument' });
    expect(
      await rejected(() =>
        simulateSectors({ ...two, sectors: [two.sectors[0]!, { ...two.sectors[1]!, id: 'software' }] }),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(
      await rejected(() =>
        simulateSectors({ ...two, sectors: [two.sectors[0]!, { ...two.sectors[1]!, id: 'total' }] }),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    const neg = await rejected(() =>
      simulateSectors({ ...two, sectors: [two.sectors[0]!, { ...two.sectors[1]!, volatility: -1 }] }),
    );
    expect((neg as Error).message).toMatch(/sectors\[1\]\.volatility must be >= 0/);
  });

  it('a correlation entry or row that is not a number is refused with its path, before anything reads it (fuzz seed 12)', async () => {
    // An object without a prototype was printed by the Cholesky check: TypeError "Cannot convert object to
    // primitive value".
    const entry = Object.create(null) as number;
    const e = await rejected(() =>
      simulateSectors({
        ...two,
        correlation: [
          [1, entry],
          [2.2e-202, 1],
        ],
      }),
    );
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['correlation', 0, 1] }] });
    expect((e as Error).message).toBe('simulateSectors: correlation[0][1] must be a number in [-1, 1] (got {}).');
    const row = await rejected(() => simulateSectors({ ...two, correlation: [[1, 0.5], 'ab' as never] }));
    expect(row).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['correlation', 1] }] });
    expect((row as Error).message).toBe(
      'simulateSectors: correlation[1] must be a row of 2 numbers, one per sector (got "ab").',
    );
  });

  it('a misspelt option is refused, not ignored (the sectors would run independent)', async () => {
    const e = await rejected(() => simulateSectors({ ...two, corelation: two.correlation } as never));
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect((e as Error).message).toMatch(/^simulateSectors: unknown option "corelation".*Did you mean correlation\?/);
  });

  it("a sector's misspelt field is refused, with its path (persistance would run without persistence)", async () => {
    const e = await rejected(() =>
      simulateSectors({ ...two, sectors: [two.sectors[0]!, { ...two.sectors[1]!, persistance: 0.5 } as never] }),
    );
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['sectors', 1, 'persistance'] }] });
    expect((e as Error).message).toMatch(
      /^simulateSectors: sectors\[1\] has an unknown field "persistance".*Did you mean persistence\?/,
    );
  });
});
