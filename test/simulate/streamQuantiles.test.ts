import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamQuantiles } from '../../src/simulate/internal/streamQuantiles.js';
import { simulate } from '../../src/simulate/simulate.js';
import { simulateSectors } from '../../src/simulate/simulateSectors.js';

/** Type-7 quantile from a sorted copy: the definition, computed the slow way (sorting is fine in a test). */
function type7(values: Float64Array, p: number): number {
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
}

/** Streams `a` through the counts block by block, as the single-thread engine does. */
function streamed(a: Float64Array, levels: readonly number[], prefix = 32768): { ok: boolean; out: number[] } {
  const sq = new StreamQuantiles(levels, a.length);
  const words = new Int32Array(a.buffer, a.byteOffset, 2 * a.length);
  sq.begin(a, prefix);
  for (let s = 0; s < a.length; s += 1024) sq.add(words, a, s, Math.min(a.length, s + 1024));
  const out = levels.map(() => NaN);
  return { ok: sq.finish(out), out };
}

describe('StreamQuantiles', () => {
  let x = 98765;
  const next = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  const n = 150_001;

  it('gives exactly the sorted-array type-7 quantiles of skewed positive data, without touching it', () => {
    for (const vol of [0.01, 1, 6]) {
      const data = Float64Array.from({ length: n }, () => Math.exp(vol * (next() + next() - 1)));
      const copy = Float64Array.from(data);
      const levels = [0.05, 0.25, 0.5, 0.75, 0.95, 0.001, 0.999, 0.5];
      const r = streamed(data, levels);
      expect(r.ok).toBe(true);
      levels.forEach((p, i) => expect(r.out[i]).toBe(type7(data, p)));
      expect(data).toEqual(copy);
    }
  });

  it('declines (finish is false) rather than answer wrongly: heavy ties, levels 0 and 1, values not all positive', () => {
    const ties = Float64Array.from({ length: n }, () => 1 + Math.floor(next() * 4));
    expect(streamed(ties, [0.25, 0.5]).ok).toBe(false); // a buffer overflows
    const smooth = Float64Array.from({ length: n }, () => Math.exp(next()));
    // The minimum and maximum of the whole array are, with high probability, outside the prefix's range.
    const ends = streamed(smooth, [0, 1]);
    if (ends.ok) expect(ends.out).toEqual([type7(smooth, 0), type7(smooth, 1)]);
    const signed = Float64Array.from({ length: n }, () => next() - 0.5);
    expect(streamed(signed, [0.5]).ok).toBe(false);
  });

  it('stays exact when a few huge values stretch the grid over the prefix range (coarse cells)', () => {
    // One value in 5 000 is 1e12 times larger: the grid spans about 40 binades, so each cell is wide.
    const data = Float64Array.from({ length: n }, () => (next() < 2e-4 ? 1e12 : 1) * Math.exp(next() + next() - 1));
    const levels = [0.05, 0.5, 0.95, 0.9999];
    const r = streamed(data, levels);
    if (r.ok) levels.forEach((p, i) => expect(r.out[i]).toBe(type7(data, p)));
    expect(r.ok).toBe(true); // the intervals hold the ranks even so
  });

  it('counts split over several instances (as over workers) and merged give the same exact quantiles', () => {
    const data = Float64Array.from({ length: n }, () => Math.exp(0.4 * (next() + next() + next() - 1.5)));
    const words = new Int32Array(data.buffer);
    const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
    const whole = streamed(data, levels);
    expect(whole.ok).toBe(true);
    levels.forEach((p, i) => expect(whole.out[i]).toBe(type7(data, p)));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 147, maxLength: 147 }),
        (k, owner) => {
          // Blocks of 1024 handed to k instances in any pattern (a block's owner is owner[b] mod k).
          const parts = Array.from({ length: k }, () => new StreamQuantiles(levels, n));
          for (const q of parts) q.begin(data, 32768);
          for (let b = 0, s = 0; s < n; b++, s += 1024)
            parts[owner[b % owner.length]! % k]!.add(words, data, s, Math.min(n, s + 1024));
          const merged = new StreamQuantiles(levels, n);
          merged.begin(data, 32768);
          for (const q of parts) merged.merge(q.partial());
          const out = levels.map(() => NaN);
          expect(merged.finish(out)).toBe(true);
          expect(out).toEqual(whole.out);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('a merge declines when a part could not count (null), began on another prefix, or overflows the buffers', () => {
    const data = Float64Array.from({ length: n }, () => Math.exp(next()));
    const words = new Int32Array(data.buffer);
    const part = (prefix: Float64Array): StreamQuantiles => {
      const q = new StreamQuantiles([0.5], n);
      q.begin(prefix, 32768);
      q.add(words, data, 0, n);
      return q;
    };
    const fresh = (): StreamQuantiles => {
      const q = new StreamQuantiles([0.5], n);
      q.begin(data, 32768);
      return q;
    };
    const out = [NaN];
    let q = fresh();
    q.merge(null);
    expect(q.finish(out)).toBe(false);
    q = fresh();
    q.merge(part(Float64Array.from(data, (x) => 3 * x)).partial()); // another grid
    expect(q.finish(out)).toBe(false);
    q = fresh();
    const one = part(data).partial();
    for (let i = 0; i < 40; i++) q.merge(one); // 40 times the candidates: more than the buffer holds
    expect(q.finish(out)).toBe(false);
    q = fresh();
    q.merge(one);
    expect(q.finish(out)).toBe(true);
    expect(out[0]).toBe(type7(data, 0.5));
  });

  it('a miss in the prefix sample is detected: a prefix unlike the rest gives false, not a wrong value', () => {
    const data = Float64Array.from({ length: n }, (_, i) => (i < 32768 ? 1 + next() : 10 + next()));
    expect(streamed(data, [0.5]).ok).toBe(false);
  });
});

describe('streamed quantiles in the engine (65 536 paths or more, one thread or workers)', () => {
  const levels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

  it('one thread and 2 workers (each counting its own blocks, merged) agree bit for bit', async () => {
    const o = {
      baseYear: 2020,
      baseValue: 100,
      toYear: 2024,
      growth: [0.08, 0.08, 0.08, 0.08],
      volatility: 0.2,
      paths: 70_001,
      seed: 3,
      persistence: 0.4,
      rareShock: { probability: 0.05, size: -0.2 },
      quantiles: levels,
    };
    const a = await simulate(o);
    const b = await simulate({ ...o, workers: 2, chunkSize: 3000 });
    expect(b.series).toEqual(a.series);
  });

  it('several series (sectors and their total): the same quantiles as 2 workers', async () => {
    const o = {
      baseYear: 2020,
      toYear: 2022,
      paths: 66_000,
      seed: 5,
      quantiles: levels,
      sectors: [
        { id: 'software', baseValue: 2, growth: [0.1, 0.1], volatility: 0.08 },
        { id: 'hardware', baseValue: 1, growth: [0.05, 0.05], volatility: 0.3 },
      ],
      correlation: [
        [1, 0.5],
        [0.5, 1],
      ],
    };
    const a = await simulateSectors(o);
    const b = await simulateSectors({ ...o, workers: 2 });
    expect(a.series).toHaveLength(3);
    expect(b.series).toEqual(a.series);
  });

  it('3 or 4 workers claiming single blocks (the prefix shared among them): the same as one thread', async () => {
    const o = {
      baseYear: 2020,
      baseValue: 1,
      toYear: 2023,
      growth: [0.1, 0.1, 0.1],
      volatility: 0.15,
      paths: 66_560,
      seed: 9,
      quantiles: levels,
    };
    const a = await simulate(o);
    for (const [workers, chunkSize] of [
      [3, 1],
      [4, 1024],
      [4, 5000],
    ] as const) {
      expect((await simulate({ ...o, workers, chunkSize })).series).toEqual(a.series);
    }
  });

  it('heavy ties at a cap overflow the counts; the fallback selection gives the exact quantiles on both engines', async () => {
    // About 40 % of paths sit exactly at the cap of 1.25 from 2022: a buffer overflows, so the year is
    // selected in full (in the calling thread on workers). Checked against sorting every path.
    const o = {
      baseYear: 2020,
      baseValue: 1,
      toYear: 2022,
      growth: [0.1, 0.1],
      volatility: 0.1,
      bounds: { cap: 1.25 },
      paths: 66_000,
      seed: 4,
      quantiles: levels,
      samplePaths: 66_000,
    };
    const a = await simulate(o);
    const b = await simulate({ ...o, workers: 2, chunkSize: 2048 });
    expect(b.series).toEqual(a.series);
    for (let t = 0; t < 2; t++) {
      const year = Float64Array.from(a.series[0]!.samplePaths, (p) => p[t]!);
      levels.forEach((p, j) => expect(a.series[0]!.quantiles[j]!.values[t]).toBe(type7(year, p)));
    }
    expect(a.series[0]!.quantiles[6]!.values[1]).toBe(1.25);
  });

  it('any model shape, quantile levels, worker count and chunk size: workers give the one-thread result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          persistence: fc.constantFrom(0, 0.6, -0.3),
          meanUncertainty: fc.constantFrom(0, 0.03),
          rare: fc.boolean(),
          studentT: fc.boolean(),
          cap: fc.constantFrom(undefined, 1.15),
          levels: fc.uniqueArray(
            fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
            { minLength: 1, maxLength: 6 },
          ),
          workers: fc.integer({ min: 2, max: 4 }),
          chunkSize: fc.integer({ min: 1, max: 40_000 }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        async (c) => {
          const o = {
            baseYear: 2020,
            baseValue: 1,
            toYear: 2022,
            growth: [0.06, 0.06],
            volatility: 0.12,
            paths: 65_536 + c.seed,
            seed: c.seed,
            persistence: c.persistence,
            meanUncertainty: c.meanUncertainty,
            quantiles: c.levels,
            ...(c.rare ? { rareShock: { probability: 0.1, size: -0.2 } } : {}),
            ...(c.studentT ? { distribution: 'studentT' as const, degreesOfFreedom: 4 } : {}),
            ...(c.cap === undefined ? {} : { bounds: { cap: c.cap } }),
            targets: [{ year: 2022, value: 1.1, comparator: 'exceeds' as const }],
          };
          const a = await simulate(o);
          const b = await simulate({ ...o, workers: c.workers, chunkSize: c.chunkSize });
          expect(b.series).toEqual(a.series);
          expect(b.targets).toEqual(a.targets);
        },
      ),
      { numRuns: 12 },
    );
  });
});
