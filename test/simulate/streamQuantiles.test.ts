import { describe, expect, it } from 'vitest';
import { StreamQuantiles } from '../../src/simulate/streamQuantiles.js';
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
  const next = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
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

  it('a miss in the prefix sample is detected: a prefix unlike the rest gives false, not a wrong value', () => {
    const data = Float64Array.from({ length: n }, (_, i) => (i < 32768 ? 1 + next() : 10 + next()));
    expect(streamed(data, [0.5]).ok).toBe(false);
  });
});

describe('streamed quantiles in the engine (one thread, 65 536 paths or more)', () => {
  const levels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

  it('one thread (streamed) and 2 workers (selection on the finished year) agree bit for bit', async () => {
    const o = {
      baseYear: 2020, baseValue: 100, toYear: 2024, growth: [0.08, 0.08, 0.08, 0.08], volatility: 0.2, paths: 70_001, seed: 3,
      persistence: 0.4, rareShock: { probability: 0.05, size: -0.2 }, quantiles: levels,
    };
    const a = await simulate(o);
    const b = await simulate({ ...o, workers: 2, chunkSize: 3000 });
    expect(b.series).toEqual(a.series);
  });

  it('several series (sectors and their total): the same quantiles as 2 workers', async () => {
    const o = {
      baseYear: 2020, toYear: 2022, paths: 66_000, seed: 5, quantiles: levels,
      sectors: [
        { id: 'software', baseValue: 2, growth: [0.1, 0.1], volatility: 0.08 },
        { id: 'hardware', baseValue: 1, growth: [0.05, 0.05], volatility: 0.3 },
      ],
      correlation: [[1, 0.5], [0.5, 1]],
    };
    const a = await simulateSectors(o);
    const b = await simulateSectors({ ...o, workers: 2 });
    expect(a.series).toHaveLength(3);
    expect(b.series).toEqual(a.series);
  });
});
