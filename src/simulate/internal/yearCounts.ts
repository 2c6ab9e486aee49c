import { CONTROL } from './kernel.js';
import { BLOCK, type KernelPlan } from './prepare.js';
import { StreamQuantiles } from './streamQuantiles.js';

// Internal: the quantile counts of one year taken block by block as blocks are simulated, by the calling
// thread (all blocks, in order) or by each worker (the blocks it claimed, in any order). See
// streamQuantiles.ts for the counting itself.

/** Paths in the prefix that sets the intervals (32 blocks: 32 768 paths). */
const PREFIX_BLOCKS = 32;
/** The fewest paths for counting while simulating; smaller years are selected on directly. */
const STREAM_MIN = 1 << 16;

/** Whether a run counts its quantiles while simulating, and over how many blocks the prefix runs. */
export function countingPlan(plan: KernelPlan, levels: number): { stream: boolean; prefixBlocks: number } {
  return { stream: levels > 0 && plan.paths >= STREAM_MIN, prefixBlocks: Math.min(PREFIX_BLOCKS, plan.nBlocks) };
}

/** Longest single wait on a shared word: the stop flag is checked between waits. */
const WAIT_SLICE_MS = 50;

/**
 * Waits until words[i] >= target (the counters shared by workers only grow during a run); false when
 * the run was stopped meanwhile (the stop flag in `ctl`).
 */
export function waitAtLeast(ctl: Int32Array, words: Int32Array, i: number, target: number): boolean {
  for (let v = Atomics.load(words, i); v < target; v = Atomics.load(words, i)) {
    if (Atomics.load(ctl, CONTROL.stop) !== 0) return false;
    Atomics.wait(words, i, v, WAIT_SLICE_MS);
  }
  return true;
}

/**
 * The quantile counts of the blocks one thread runs in a year, one StreamQuantiles per series. Counting
 * starts once the year's prefix (its first `prefixBlocks` blocks, run by any thread, tallied in the
 * control words) is complete: that sets the intervals, the same in every thread; blocks run before then
 * are counted at that point.
 */
export class YearCounts {
  readonly streams: StreamQuantiles[];
  private readonly pending: number[] = [];
  private series: Float64Array[] = [];
  private words: Int32Array[] = [];
  private prefixAt = 0;
  private begun = false;

  constructor(
    private readonly plan: KernelPlan,
    private readonly ctl: Int32Array,
    quantiles: readonly number[],
    private readonly prefixBlocks: number,
  ) {
    this.streams = Array.from({ length: plan.S }, () => new StreamQuantiles(quantiles, plan.paths));
  }

  /** Before the year's first block: `out` is the year's level buffer. */
  start(t: number, out: Float64Array): void {
    const n = this.plan.paths;
    this.series = this.streams.map((_, s) => out.subarray(s * n, (s + 1) * n));
    this.words = this.series.map((x) => new Int32Array(x.buffer, x.byteOffset, 2 * x.length));
    this.prefixAt = CONTROL.prefix + t;
    this.begun = false;
    this.pending.length = 0;
  }

  /** After block blk of the year is done. */
  ran(blk: number): void {
    const { ctl, prefixAt, prefixBlocks } = this;
    if (blk < prefixBlocks && Atomics.add(ctl, prefixAt, 1) + 1 === prefixBlocks) Atomics.notify(ctl, prefixAt);
    if (!this.begun && Atomics.load(ctl, prefixAt) === prefixBlocks) this.begin();
    if (this.begun) this.count(blk);
    else this.pending.push(blk);
  }

  /**
   * After this thread's last block of the year: makes sure every block it ran is counted, waiting for
   * the prefix if other threads are still running it. False if the run was stopped meanwhile.
   */
  finish(): boolean {
    if (this.begun) return true;
    if (!waitAtLeast(this.ctl, this.ctl, this.prefixAt, this.prefixBlocks)) return false;
    this.begin();
    return true;
  }

  private begin(): void {
    for (let s = 0; s < this.streams.length; s++) this.streams[s]!.begin(this.series[s]!, this.prefixBlocks * BLOCK);
    this.begun = true;
    for (const blk of this.pending) this.count(blk);
    this.pending.length = 0;
  }

  private count(blk: number): void {
    const from = blk * BLOCK,
      to = Math.min(this.plan.paths, from + BLOCK);
    for (let s = 0; s < this.streams.length; s++) this.streams[s]!.add(this.words[s]!, this.series[s]!, from, to);
  }
}
