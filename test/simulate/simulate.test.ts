import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate, type SimulateOptions } from '../../src/simulate/simulate.js';
import { simulationToTidy } from '../../src/simulate/simulationToTidy.js';
import { rejected } from '../helpers/thrown.js';
import { normalCdf, normalPdf, Z } from './normalCdf.js';

const base: SimulateOptions = {
  baseYear: 2020,
  baseValue: 100,
  toYear: 2025,
  growth: [0.08, 0.08, 0.08, 0.08, 0.08],
  volatility: 0.1,
  paths: 40_000,
  seed: 7,
};

/** Sample variance (n - 1). */
function variance(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

/** Log-growth deviations summed over the horizon, path by path: ln L_T - ln L_0 - sum ln(1 + g_t). */
function logDeviations(paths: readonly (readonly number[])[], o: SimulateOptions): number[] {
  const drift = o.growth.reduce((a, g) => a + Math.log1p(g), 0);
  return paths.map((p) => Math.log(p[p.length - 1]! / o.baseValue) - drift);
}

describe('simulate: closed forms', () => {
  // iid normal log-growth: ln L_T ~ N(ln L_0 + T ln(1 + g), T sigma^2), so L_T is lognormal:
  // P(L_T >= K) = 1 - Phi((ln K - mu) / (sigma sqrt T)), Q(p) = exp(mu + sigma sqrt(T) z_p)
  // (e.g. Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions vol. 1, ch. 14).
  const T = 5,
    sigma = 0.1,
    mu = Math.log(100) + T * Math.log(1.08),
    s = sigma * Math.sqrt(T);
  const K = 150;

  it('P(L_2025 >= 150) matches the lognormal closed form within 4 Monte Carlo standard errors', async () => {
    const r = await simulate({ ...base, targets: [{ id: 'k', year: 2025, value: K, comparator: 'atLeast' }] });
    const p = 1 - normalCdf((Math.log(K) - mu) / s); // ≈ 0.5198
    const t = r.targets[0]!;
    expect(t.id).toBe('k');
    expect(Math.abs(t.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / base.paths));
    expect(t.standardError).toBeCloseTo(Math.sqrt((t.probability * (1 - t.probability)) / base.paths), 15);
  });

  it('yearly quantiles match exact lognormal quantiles within 4 standard errors of a sample quantile', async () => {
    const r = await simulate(base);
    const series = r.series[0]!;
    for (let t = 0; t < T; t++) {
      const m = Math.log(100) + (t + 1) * Math.log(1.08),
        sd = sigma * Math.sqrt(t + 1);
      for (const q of series.quantiles) {
        const z = Z[q.level]!;
        const exact = Math.exp(m + sd * z);
        // Asymptotic sd of a sample p-quantile: sqrt(p (1 - p) / n) / f(x_p), lognormal f(x) = phi(z) / (x sd).
        const se = Math.sqrt((q.level * (1 - q.level)) / base.paths) / (normalPdf(z) / (exact * sd));
        expect(Math.abs(q.values[t]! - exact)).toBeLessThan(4 * se);
      }
    }
  });

  it('mean and sd match the lognormal mean exp(mu + s^2/2) and sd within 4 standard errors', async () => {
    const r = await simulate(base);
    const mean = Math.exp(mu + (s * s) / 2);
    const sd = mean * Math.sqrt(Math.exp(s * s) - 1);
    expect(Math.abs(r.series[0]!.mean[4]! - mean)).toBeLessThan((4 * sd) / Math.sqrt(base.paths));
    expect(Math.abs(r.series[0]!.sd[4]! / sd - 1)).toBeLessThan(0.03);
  });

  it('P(CAGR 2020-2025 >= 10 %) is the lognormal tail at 100 * 1.1^5', async () => {
    const r = await simulate({ ...base, cagrThresholds: [0.1, 0.05] });
    for (const c of r.cagr) {
      const p = 1 - normalCdf((Math.log(100 * (1 + c.threshold) ** 5) - mu) / s);
      expect(Math.abs(c.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / base.paths));
    }
  });

  it('crossing 130: P(reached by year t) >= P(L_t >= 130), and the first year matches the yearly tail in year 1', async () => {
    const r = await simulate({ ...base, crossing: [130] });
    const c = r.crossings[0]!;
    expect(c.direction).toBe('up');
    const p1 = 1 - normalCdf((Math.log(130) - Math.log(108)) / sigma);
    expect(Math.abs(c.byYear[0]!.probability - p1)).toBeLessThan(4 * Math.sqrt((p1 * (1 - p1)) / base.paths));
    for (let t = 0; t < T; t++) {
      const pt = 1 - normalCdf((Math.log(130) - Math.log(100) - (t + 1) * Math.log(1.08)) / (sigma * Math.sqrt(t + 1)));
      expect(c.byYear[t]!.cumulative).toBeGreaterThan(pt - 4 * Math.sqrt((pt * (1 - pt)) / base.paths));
    }
    expect(c.never + c.byYear[T - 1]!.cumulative).toBeCloseTo(1, 12);
  });

  it('Student-t deviations (nu = 10) have variance sigma^2 (scaled t), with heavier tails than normal', async () => {
    const o: SimulateOptions = {
      ...base,
      toYear: 2021,
      growth: [0.05],
      distribution: 'studentT',
      degreesOfFreedom: 10,
      samplePaths: base.paths,
    };
    const r = await simulate(o);
    const d = logDeviations(r.series[0]!.samplePaths, o);
    const v = variance(d);
    // Var of a sample variance: sigma^4 (kurtosis - 1) / n, kurtosis of t_10 = 3 + 6 / (10 - 4) = 4.
    expect(Math.abs(v - sigma ** 2)).toBeLessThan(4 * sigma ** 2 * Math.sqrt(3 / base.paths));
    const m4 = d.reduce((a, x) => a + x ** 4, 0) / d.length;
    expect(m4 / v ** 2).toBeGreaterThan(3.4);
  });

  it('AR(1) deviations: Var(sum of T deviations) = sigma^2 (T + 2 sum_k (T - k) phi^k)', async () => {
    const phi = 0.6;
    const o: SimulateOptions = { ...base, persistence: phi, samplePaths: base.paths };
    const r = await simulate(o);
    let exact = T;
    for (let k = 1; k < T; k++) exact += 2 * (T - k) * phi ** k;
    exact *= sigma ** 2; // 0.1409...
    const v = variance(logDeviations(r.series[0]!.samplePaths, o));
    expect(Math.abs(v - exact)).toBeLessThan(4 * exact * Math.sqrt(2 / (base.paths - 1)));
  });

  it('meanUncertainty tau adds T^2 tau^2 to the variance of the log level: T sigma^2 + T^2 tau^2', async () => {
    const tau = 0.03;
    const o: SimulateOptions = { ...base, meanUncertainty: tau, samplePaths: base.paths };
    const r = await simulate(o);
    const exact = T * sigma ** 2 + T * T * tau ** 2;
    const v = variance(logDeviations(r.series[0]!.samplePaths, o));
    expect(Math.abs(v - exact)).toBeLessThan(4 * exact * Math.sqrt(2 / (base.paths - 1)));
  });

  it('rareShock alone: P(no shock in 5 years) = (1 - p)^5 and shocked paths lose exactly (1 + size)^j', async () => {
    const p = 0.1;
    const o: SimulateOptions = { ...base, volatility: 0, rareShock: { probability: p, size: -0.2 }, samplePaths: 5000 };
    const r = await simulate({ ...o, targets: [{ year: 2025, value: 100 * 1.08 ** 5 * 0.9, comparator: 'atLeast' }] });
    const exact = (1 - p) ** 5; // 0.59049
    expect(Math.abs(r.targets[0]!.probability - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / base.paths));
    for (const d of logDeviations(r.series[0]!.samplePaths, o)) {
      const j = d / Math.log(0.8);
      expect(Math.abs(j - Math.round(j))).toBeLessThan(1e-9);
    }
  });
});

describe('simulate: deterministic cases', () => {
  it('zero volatility reproduces the deterministic path L_t = L_{t-1} (1 + g_t) exactly in every statistic', async () => {
    const growth = [0.1, -0.05, 0.3, 0.02];
    const r = await simulate({
      baseYear: 2020,
      baseValue: 3.7,
      toYear: 2024,
      growth,
      volatility: 0,
      paths: 2500,
      seed: 3,
      samplePaths: 2,
    });
    let level = 3.7;
    const path = growth.map((g) => (level = level * (1 + g)));
    const s = r.series[0]!;
    for (const q of s.quantiles) expect(q.values).toEqual(path);
    expect(s.mean).toEqual(path);
    expect(s.sd).toEqual([0, 0, 0, 0]);
    expect(s.samplePaths).toEqual([path, path]);
  });

  it('shocks multiply the level in their year and after; the cap and floor bound every year', async () => {
    const r = await simulate({
      baseYear: 2020,
      baseValue: 1,
      toYear: 2023,
      growth: [0.5, 0.5, 0.5],
      shocks: [{ year: 2022, size: -0.5 }],
      bounds: { cap: 1.2 },
      volatility: 0,
      paths: 10,
      seed: 1,
      quantiles: [0.5],
    });
    // 1 * 1.5 = 1.5 -> capped 1.2; 1.2 * 1.5 * 0.5 = 0.9; 0.9 * 1.5 = 1.35 -> capped 1.2
    expect(r.series[0]!.quantiles[0]!.values).toEqual([1.2, 1.2 * 1.5 * 0.5, 1.2]);
    const f = await simulate({ ...base, bounds: { floor: 100, cap: 130 } });
    for (const q of f.series[0]!.quantiles) for (const v of q.values) expect(v >= 100 && v <= 130).toBe(true);
  });

  it('targets read with their comparators on a deterministic level (110 in 2021)', async () => {
    const r = await simulate({
      baseYear: 2020,
      baseValue: 100,
      toYear: 2021,
      growth: [0.1],
      volatility: 0,
      paths: 50,
      seed: 1,
      targets: [
        { year: 2021, value: 110, comparator: 'atLeast' },
        { year: 2021, value: 110, comparator: 'exceeds' },
        { year: 2021, value: 110, comparator: 'atMost' },
        { year: 2021, value: 110, comparator: 'below' },
        { year: 2021, value: 105, comparator: 'about' }, // default +-5 %: [99.75, 110.25]
        { year: 2021, value: 112, comparator: 'about', tolerance: { absolute: 1 } },
        { year: 2021, value: 110, comparator: 'equals' },
        { year: 2021, value: 111, comparator: 'equals' },
      ],
    });
    // 100 * 1.1 is 110.00000000000001 in floating point: atLeast/atMost accept it (1e-12 rounding allowance),
    // exceeds is met by the rounding, below is not.
    expect(r.targets.map((t) => t.probability)).toEqual([1, 1, 1, 0, 1, 0, 1, 0]);
    expect(r.targets[0]!.standardError).toBe(0);
  });

  it('crossing levels: deterministic first years, "never", and downward crossings', async () => {
    const r = await simulate({
      baseYear: 2020,
      baseValue: 100,
      toYear: 2023,
      growth: [0.1, -0.3, 0.1],
      volatility: 0,
      paths: 20,
      seed: 1,
      crossing: [105, 80, 500],
    });
    const [up, down, never] = r.crossings;
    expect(up!.byYear.map((y) => y.probability)).toEqual([1, 0, 0]);
    expect(up!.medianYear).toBe(2021);
    expect(down!.direction).toBe('down');
    expect(down!.byYear.map((y) => y.cumulative)).toEqual([0, 1, 1]); // 110 * 0.7 = 77 <= 80 in 2022
    expect(never!.never).toBe(1);
    expect(never!.medianYear).toBeNull();
  });

  it('settings record the seed, paths and model; the result survives JSON unchanged', async () => {
    const r = await simulate({ ...base, paths: 300, samplePaths: 2, cagrThresholds: [0.05], crossing: [120] });
    expect(r.settings).toMatchObject({
      seed: 7,
      paths: 300,
      baseYear: 2020,
      years: [2021, 2022, 2023, 2024, 2025],
      blockSize: 1024,
      model: 'log-growth',
      distribution: 'normal',
      degreesOfFreedom: null,
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('simulationToTidy gives one row per quantile plus mean and sd per year', async () => {
    const r = await simulate({ ...base, paths: 100, quantiles: [0.1, 0.9] });
    const rows = simulationToTidy(r);
    expect(rows).toHaveLength(5 * 4);
    expect(rows[0]).toEqual({
      series: 'value',
      year: 2021,
      statistic: 'quantile',
      quantile: 0.1,
      value: r.series[0]!.quantiles[0]!.values[0],
    });
    expect(rows[3]).toEqual({
      series: 'value',
      year: 2021,
      statistic: 'sd',
      quantile: null,
      value: r.series[0]!.sd[0],
    });
  });

  it('does not modify its options', async () => {
    const growth = [0.1, 0.2];
    const targets = [{ year: 2022, value: 1, comparator: 'atLeast' as const }];
    const o = {
      baseYear: 2020,
      baseValue: 1,
      years: [2021, 2022],
      growth,
      volatility: 0.1,
      paths: 100,
      seed: 1,
      targets,
    };
    const copy = structuredClone(o);
    await simulate(o);
    expect(o).toEqual(copy);
  });
});

describe('simulate: reproducibility', () => {
  const small: SimulateOptions = {
    ...base,
    paths: 2600,
    persistence: 0.3,
    meanUncertainty: 0.02,
    rareShock: { probability: 0.05, size: -0.1 },
    samplePaths: 3,
    crossing: [130],
    targets: [{ year: 2024, value: 120, comparator: 'exceeds' }],
  };

  it('same seed, same result whatever the chunk size and the number of workers (1 or 2)', async () => {
    const reference = await simulate(small);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5000 }), fc.constantFrom(1, 2), async (chunkSize, workers) => {
        const r = await simulate({ ...small, chunkSize, workers });
        expect({ ...r, settings: { ...r.settings, workers: 1 } }).toEqual(reference);
      }),
      { numRuns: 6 },
    );
  });

  it('same seed, same result for any seed; a different seed gives different numbers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 50 }), async (seed) => {
        const a = await simulate({ ...small, paths: 500, seed });
        const b = await simulate({ ...small, paths: 500, seed });
        const c = await simulate({ ...small, paths: 500, seed: seed + 1 });
        expect(a).toEqual(b);
        expect(a.series[0]!.mean).not.toEqual(c.series[0]!.mean);
      }),
      { numRuns: 10 },
    );
  });

  it('3 to 8 workers (more than cores), small chunks, ten years: the same result as one thread', async () => {
    const o: SimulateOptions = {
      ...base,
      toYear: 2030,
      growth: new Array(10).fill(0.05),
      paths: 13_049,
      crossing: [130],
      targets: [{ year: 2030, value: 170, comparator: 'atLeast' }],
    };
    const reference = await simulate(o);
    // Growing worker counts also start fresh workers, with staggered start-ups (late tasks).
    for (const [workers, chunkSize] of [
      [3, 1068],
      [4, 1],
      [5, 2048],
      [6, 1068],
      [7, 1],
      [8, 3000],
    ] as const) {
      const r = await simulate({ ...o, workers, chunkSize });
      expect(r.series).toEqual(reference.series);
      expect(r.targets).toEqual(reference.targets);
      expect(r.crossings).toEqual(reference.crossings);
    }
  });

  it('runs started together (each on its own workers, one of them in this thread) give their sequential results', async () => {
    const o: SimulateOptions = {
      ...base,
      paths: 9000,
      crossing: [130],
      targets: [{ year: 2025, value: 150, comparator: 'atLeast' }],
    };
    const seeds = [11, 12, 13];
    const alone: Awaited<ReturnType<typeof simulate>>[] = [];
    for (const seed of seeds) alone.push(await simulate({ ...o, seed }));
    const together = await Promise.all(
      seeds.map((seed, i) => simulate({ ...o, seed, workers: i === 0 ? 1 : 2, chunkSize: 1024 * (i + 1) })),
    );
    together.forEach((r, i) => {
      expect(r.series).toEqual(alone[i]!.series);
      expect(r.targets).toEqual(alone[i]!.targets);
      expect(r.crossings).toEqual(alone[i]!.crossings);
    });
  });

  it('a path in a full block of 1024 is the same whatever the number of paths', async () => {
    const a = await simulate({ ...small, paths: 1500, samplePaths: 1024, id: 'revenue' });
    const b = await simulate({ ...small, paths: 4000, samplePaths: 1024, id: 'revenue' });
    expect(a.series[0]!.id).toBe('revenue');
    expect(b.series[0]!.samplePaths).toEqual(a.series[0]!.samplePaths);
  });

  it('Student-t runs are reproducible across workers too', async () => {
    const o: SimulateOptions = { ...base, paths: 2100, distribution: 'studentT', degreesOfFreedom: 4 };
    const a = await simulate(o);
    const b = await simulate({ ...o, workers: 2, chunkSize: 1 });
    expect(b.series).toEqual(a.series);
  });

  it('quantile bands nest: for any inputs, quantiles increase with the level every year', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: -0.9, max: 0.9, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        async (volatility, persistence, paths) => {
          const r = await simulate({
            ...base,
            volatility,
            persistence,
            paths,
            quantiles: [0.05, 0.25, 0.5, 0.75, 0.95],
          });
          const q = r.series[0]!.quantiles;
          for (let t = 0; t < 5; t++)
            for (let j = 1; j < q.length; j++) expect(q[j]!.values[t]!).toBeGreaterThanOrEqual(q[j - 1]!.values[t]!);
          for (const s of [r.series[0]!.mean, r.series[0]!.sd])
            for (const v of s) expect(Number.isFinite(v)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('simulate: progress and cancellation', () => {
  it('reports progress after every year, ending at paths x years', async () => {
    const seen: [number, number][] = [];
    await simulate({ ...base, paths: 1000, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([1, 2, 3, 4, 5].map((y) => [1000 * y, 5000]));
  });

  it('an aborted signal rejects with aborted, before or during the run, in-thread and on workers', async () => {
    const pre = new AbortController();
    pre.abort();
    expect(await rejected(() => simulate({ ...base, signal: pre.signal }))).toMatchObject({ code: 'aborted' });
    for (const workers of [1, 2]) {
      const c = new AbortController();
      const err = await rejected(() =>
        simulate({
          ...base,
          paths: 5000,
          workers,
          signal: c.signal,
          onProgress: (d) => {
            if (d >= 5000) c.abort();
          },
        }),
      );
      expect(err).toMatchObject({ code: 'aborted' });
    }
    // Workers are usable again after an aborted run.
    expect((await simulate({ ...base, paths: 3000, workers: 2 })).series[0]!.mean).toHaveLength(5);
  });
});

describe('simulate: bad input', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['negative volatility', { volatility: -0.1 }, 'invalid_argument', /volatility must be >= 0 \(got -0\.1\)/],
    [
      'years out of order',
      { toYear: undefined, years: [2021, 2023, 2022, 2024, 2025] },
      'invalid_argument',
      /years must be consecutive, in order/,
    ],
    ['zero paths', { paths: 0 }, 'invalid_argument', /paths must be a whole number from 1/],
    [
      'horizon before the base year',
      { toYear: 2019, growth: [] },
      'invalid_argument',
      /toYear must be after baseYear 2020 \(got 2019\)/,
    ],
    [
      'rare shock probability above 1',
      { rareShock: { probability: 1.5, size: -0.1 } },
      'invalid_argument',
      /rareShock\.probability must be in \[0, 1\] \(got 1\.5\)/,
    ],
    ['persistence of 1', { persistence: 1 }, 'invalid_argument', /persistence must be in \(-1, 1\) \(got 1\)/],
    ['too few growth rates', { growth: [0.1] }, 'invalid_argument', /growth must have one rate per simulated year, 5/],
    ['a growth rate of -1', { growth: [0.1, -1, 0, 0, 0] }, 'invalid_argument', /growth\[1\] must be > -1/],
    [
      'degrees of freedom 2',
      { distribution: 'studentT', degreesOfFreedom: 2 },
      'invalid_argument',
      /degreesOfFreedom must be > 2/,
    ],
    ['a quantile of 1.2', { quantiles: [0.5, 1.2] }, 'invalid_argument', /quantiles\[1\] must be in \[0, 1\]/],
    [
      'a target outside the years',
      { targets: [{ year: 2030, value: 1, comparator: 'atLeast' }] },
      'invalid_argument',
      /targets\[0\]\.year must be one of the simulated years 2021-2025/,
    ],
    [
      'an unknown comparator',
      { targets: [{ year: 2025, value: 1, comparator: 'more' as never }] },
      'invalid_argument',
      /comparator must be one of/,
    ],
    [
      "a comparator named like an object's own method ('toString': in Comparator, but not one)",
      { targets: [{ year: 2025, value: 1, comparator: 'toString' as never }] },
      'invalid_argument',
      /comparator must be one of/,
    ],
    ['a shock of -100 %', { shocks: [{ year: 2022, size: -1 }] }, 'invalid_argument', /shocks\[0\]\.size must be > -1/],
    ['a floor above the cap', { bounds: { floor: 5, cap: 2 } }, 'invalid_argument', /floor must not exceed/],
    ['a zero base value', { baseValue: 0 }, 'invalid_argument', /baseValue must be > 0/],
    [
      'a crossing level equal to the base',
      { crossing: [100] },
      'invalid_argument',
      /crossing\[0\] must be > 0 and different from the base value/,
    ],
    ['a negative seed', { seed: -1 }, 'invalid_argument', /seed must be a whole number >= 0/],
    ['zero workers', { workers: 0 }, 'invalid_argument', /workers must be a whole number from 1/],
    ['NaN volatility', { volatility: NaN }, 'non_finite', /volatility/],
    ['more sample paths than paths', { samplePaths: 50_000 }, 'invalid_argument', /samplePaths/],
    ['both years and toYear', { years: [2021] }, 'invalid_argument', /either years or toYear/],
    ['a misspelt option', { sead: 8 }, 'invalid_argument', /unknown option "sead".*Did you mean seed\?/],
    // Misspelt optional fields of nested records would leave their defaults (no floor, no tolerance, no mode).
    [
      'a misspelt bounds field',
      { bounds: { flor: 50 } },
      'invalid_argument',
      /bounds has an unknown field "flor".*Did you mean floor\? Remove it; its fields are cap, floor\./,
    ],
    [
      'a misspelt rare shock field',
      { rareShock: { probability: 0.1, size: -0.2, sise: 1 } },
      'invalid_argument',
      /rareShock has an unknown field "sise".*Did you mean size\?/,
    ],
    [
      'a misspelt shock field',
      { shocks: [{ year: 2022, size: -0.1, yaer: 2023 }] },
      'invalid_argument',
      /shocks\[0\] has an unknown field "yaer".*Did you mean year\?/,
    ],
    [
      'a misspelt target field',
      { targets: [{ year: 2025, value: 1, comparator: 'exceeds', tolerence: { relative: 0.1 } }] },
      'invalid_argument',
      /targets\[0\] has an unknown field "tolerence".*Did you mean tolerance\?/,
    ],
    [
      'a misspelt tolerance field',
      { targets: [{ year: 2025, value: 1, comparator: 'about', tolerance: { relativ: 0.1 } }] },
      'invalid_argument',
      /targets\[0\]\.tolerance has an unknown field "relativ".*Did you mean relative\?/,
    ],
    [
      'a misspelt base draw field',
      { baseDraw: { lower: 90, upper: 110, distribution: 'triangular', mod: 100 } },
      'invalid_argument',
      /baseDraw has an unknown field "mod".*Did you mean mode\?/,
    ],
  ];
  for (const [what, patch, code, message] of cases) {
    it(`simulate with ${what} throws ${code}`, async () => {
      const err = await rejected(() => simulate({ ...base, ...patch } as unknown as SimulateOptions));
      expect(err).toMatchObject({ code, name: 'MetricsError' });
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).toMatch(/^simulate: /);
    });
  }

  it('a run larger than the memory limit is refused up front with too_large and the estimate', async () => {
    const err = await rejected(() => simulate({ ...base, paths: 2 ** 31 - 1 }));
    expect(err).toMatchObject({ code: 'too_large' });
    expect((err as Error).message).toMatch(/needs about [\d.]+ [KMGT]iB/);
    expect(await rejected(() => simulate({ ...base, paths: 1000, maxMemoryBytes: 1000 }))).toMatchObject({
      code: 'too_large',
    });
  });

  it('a million targets (or quantiles, thresholds, crossing levels) is refused up front, not checked on every path for 31 s (fuzz seed 13)', async () => {
    const target = { year: 2025, value: 150, comparator: 'atLeast' as const };
    const many = Array.from({ length: 1_000_000 }, () => target);
    const started = performance.now();
    const err = await rejected(() => simulate({ ...base, paths: 200, targets: many }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err).toMatchObject({ code: 'too_large', details: { targets: 1_000_000 } });
    expect((err as Error).message).toBe(
      'simulate: targets has 1000000 entries, more than the 10000 a run reports (got 1000000). Ask for fewer, or run the rest separately.',
    );
    for (const name of ['quantiles', 'cagrThresholds', 'crossing'] as const) {
      const e = await rejected(() =>
        simulate({ ...base, paths: 10, [name]: Array.from({ length: 10_001 }, () => 0.5) }),
      );
      expect(e).toMatchObject({ code: 'too_large', details: { [name]: 10_001 } });
    }
    // 10,000 is still a run.
    const ok = await simulate({ ...base, paths: 10, targets: many.slice(0, 10_000) });
    expect(ok.targets).toHaveLength(10_000);
  });
});

describe('simulate: degenerate runs', () => {
  it('levels that overflow (from 1e306, 300 % growth a year and volatility 1) throw degenerate naming the year, never Infinity or NaN', async () => {
    for (const workers of [1, 2]) {
      const err = await rejected(() =>
        simulate({ ...base, baseValue: 1e306, growth: [3, 3, 3, 3, 3], volatility: 1, paths: 3000, workers }),
      );
      expect(err).toMatchObject({ code: 'degenerate' });
      expect((err as Error).message).toMatch(/^simulate: simulated levels of "value" overflow in 20\d\d/);
    }
  });
});
