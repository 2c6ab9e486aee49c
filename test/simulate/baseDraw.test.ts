import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate/simulate.js';
import { simulateSectors } from '../../src/simulate/simulateSectors.js';
import { normalCdf } from './normalCdf.js';

// Issue 12, point 1: a model's base can be uncertain, drawn once per path.
const run = {
  baseYear: 2020,
  toYear: 2025,
  baseValue: 1,
  growth: [0.25, 0.25, 0.25, 0.25, 0.25],
  paths: 40_000,
  seed: 11,
  quantiles: [0.5],
};
const g5 = 1.25 ** 5; // 3.0517578125

describe('simulate with baseDraw', () => {
  it('uniform base on [1, 1.1], no volatility: P(level_2025 > 3) = (1.1 - 3 / 1.25^5) / 0.1 = 0.1696, within 4 standard errors', async () => {
    const r = await simulate({
      ...run,
      volatility: 0,
      baseDraw: { lower: 1, upper: 1.1, distribution: 'uniform' },
      targets: [{ year: 2025, value: 3, comparator: 'exceeds' }],
    });
    // 3 / 1.25^5 = 0.98304 is below the interval: every path exceeds 3.
    expect(3 / g5).toBeLessThan(1);
    expect(r.targets[0]!.probability).toBe(1);
    const r2 = await simulate({
      ...run,
      volatility: 0,
      baseDraw: { lower: 0.9, upper: 1.1, distribution: 'uniform' },
      targets: [{ year: 2025, value: 3, comparator: 'exceeds' }],
    });
    const p = (1.1 - 3 / g5) / 0.2; // 0.5848
    const t = r2.targets[0]!;
    expect(Math.abs(t.probability - p)).toBeLessThan(4 * t.standardError);
    // The median of the 2025 level is the median base, 1, times 1.25^5.
    expect(r2.series[0]!.quantiles[0]!.values[4]).toBeCloseTo(g5, 2);
    expect(r2.settings.baseDraw).toEqual({ lower: 0.9, upper: 1.1, distribution: 'uniform' });
  });
  it('triangular base on [1, 1.2] peaking at 1, no volatility: P(base > 1.1) = (1.2 - 1.1)^2 / (0.2 * 0.2) = 0.25', async () => {
    const r = await simulate({
      ...run,
      volatility: 0,
      baseDraw: { lower: 1, upper: 1.2, distribution: 'triangular', mode: 1 },
      targets: [{ year: 2025, value: 1.1 * g5, comparator: 'exceeds' }],
    });
    const t = r.targets[0]!;
    expect(Math.abs(t.probability - 0.25)).toBeLessThan(4 * t.standardError);
  });
  it('uniform base on [1, 1.1] and 5 points of volatility: P(level_2025 > 3) matches the integral of the lognormal closed form over the base', async () => {
    const r = await simulate({
      ...run,
      volatility: 0.05,
      baseDraw: { lower: 1, upper: 1.1, distribution: 'uniform' },
      targets: [{ year: 2025, value: 3, comparator: 'exceeds' }],
    });
    // E_B[1 - Phi((ln(3 / B) - 5 ln 1.25) / (0.05 sqrt 5))], B ~ U(1, 1.1), by Simpson's rule on 200 intervals.
    const f = (b: number) => 1 - normalCdf((Math.log(3 / b) - 5 * Math.log(1.25)) / (0.05 * Math.sqrt(5)));
    let sum = 0;
    const n = 200;
    for (let i = 0; i <= n; i++) sum += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * f(1 + (0.1 * i) / n);
    const exact = sum / (3 * n);
    const t = r.targets[0]!;
    expect(exact).toBeCloseTo(0.7153, 3);
    expect(Math.abs(t.probability - exact)).toBeLessThan(4 * t.standardError);
    // Without the base draw the same model gives the lognormal at base 1: 1 - Phi(-ln(1.0173) / 0.1118) = 0.5608.
    const fixed = await simulate({
      ...run,
      volatility: 0.05,
      targets: [{ year: 2025, value: 3, comparator: 'exceeds' }],
    });
    expect(Math.abs(fixed.targets[0]!.probability - f(1))).toBeLessThan(4 * fixed.targets[0]!.standardError);
  });
  it('same seed, same numbers on one thread and on two workers, with any chunk size', async () => {
    const o = {
      ...run,
      paths: 5000,
      volatility: 0.05,
      persistence: 0.3,
      meanUncertainty: 0.01,
      baseDraw: { lower: 1, upper: 1.2, distribution: 'triangular' as const },
      targets: [{ year: 2025, value: 3, comparator: 'exceeds' as const }],
      samplePaths: 3,
    };
    const a = await simulate(o);
    const b = await simulate({ ...o, workers: 2, chunkSize: 1 });
    expect(b).toEqual({ ...a, settings: { ...a.settings, workers: 2 } });
  });
  it('a run without baseDraw is unchanged: the benchmark workload still gives the recorded numbers (BENCHMARKS.md)', async () => {
    // BENCHMARKS.md, Monte Carlo engine: median level in year 10 2.594705891574117, P(level >= 2.5) 0.54651.
    const r = await simulate({
      baseYear: 2020,
      baseValue: 1,
      toYear: 2030,
      growth: new Array<number>(10).fill(0.1),
      volatility: 0.1,
      paths: 1_000_000,
      seed: 1,
      quantiles: [0.05, 0.25, 0.5, 0.75, 0.95],
      targets: [{ year: 2030, value: 2.5, comparator: 'atLeast' }],
    });
    expect(r.series[0]!.quantiles[2]!.values[9]).toBe(2.594705891574117);
    expect(r.targets[0]!.probability).toBe(0.54651);
    expect(r.settings.baseDraw).toBeUndefined();
  });
  it('sectors: every sector base is scaled by the drawn total over the stated total, so shares stay as stated', async () => {
    const r = await simulateSectors({
      baseYear: 2020,
      toYear: 2021,
      paths: 2000,
      seed: 3,
      samplePaths: 5,
      sectors: [
        { id: 'a', baseValue: 0.4, growth: [0], volatility: 0 },
        { id: 'b', baseValue: 0.6, growth: [0], volatility: 0 },
      ],
      baseDraw: { lower: 1, upper: 2, distribution: 'uniform' },
    });
    const [a, b, total] = r.series;
    for (let i = 0; i < 5; i++) {
      const t = total!.samplePaths[i]![0]!;
      expect(t).toBeGreaterThanOrEqual(1);
      expect(t).toBeLessThanOrEqual(2);
      expect(a!.samplePaths[i]![0]! / t).toBeCloseTo(0.4, 12);
      expect(b!.samplePaths[i]![0]! / t).toBeCloseTo(0.6, 12);
    }
  });
  it.each([
    [{ lower: 0, upper: 1, distribution: 'uniform' }, /baseDraw.lower must be > 0/],
    [{ lower: 1, upper: 1, distribution: 'uniform' }, /baseDraw.upper must be > baseDraw.lower 1/],
    [{ lower: 1, upper: 2, distribution: 'beta' }, /baseDraw.distribution must be "uniform" or "triangular"/],
    [{ lower: 1, upper: 2, distribution: 'triangular', mode: 3 }, /baseDraw.mode must be in \[1, 2\]/],
  ])('baseDraw %j throws invalid_argument', async (baseDraw, message) => {
    const e = await simulate({ ...run, volatility: 0.05, baseDraw: baseDraw as never }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect((e as Error).message).toMatch(message);
  });
  it('baseDraw with cagrThresholds throws invalid_argument: the thresholds are set from the stated base', async () => {
    const err = await simulate({
      ...run,
      volatility: 0.05,
      cagrThresholds: [0.2],
      baseDraw: { lower: 1, upper: 2, distribution: 'uniform' },
    }).catch((x: unknown) => x);
    expect(err).toMatchObject({ code: 'invalid_argument' });
    expect((err as Error).message).toContain('cannot be combined with cagrThresholds or crossing');
  });
});
