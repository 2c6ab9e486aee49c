import { parentPort } from 'node:worker_threads';
import { CONTROL, kernelScratch, runBlock, type KernelBuffers, type KernelScratch } from './kernel.js';
import { BLOCK, type KernelPlan } from './prepare.js';
import { StreamQuantiles, type StreamPartial } from './streamQuantiles.js';

// Worker-thread entry of the Monte Carlo engine (see runEngine.ts). One message, `run`, with the plan,
// the shared buffers and the streaming settings; the worker then goes through the years on its own,
// without waiting for the calling thread except when all year buffers are in use:
//   for each year t: wait until year t's buffer is free (years before t - slots + 1 are summarised);
//   claim chunks of year t's blocks from the shared counter until none are left, running each block
//   (after waiting, if needed, until another worker has finished that block's year t - 1); count the
//   blocks it ran into its quantile streams; reply `year` t with the number of blocks run and the counts.
// After the last year it replies `end`. A stop flag in the shared control words ends the run early.

export interface RunMessage {
  readonly type: 'run';
  readonly plan: KernelPlan;
  readonly buf: KernelBuffers;
  readonly quantiles: readonly number[];
  /** Count quantiles while simulating, from intervals set on the first `prefixBlocks` blocks of each year. */
  readonly stream: boolean;
  readonly prefixBlocks: number;
}

export type WorkerReply =
  | { readonly type: 'year'; readonly t: number; readonly blocks: number; readonly partials: readonly (StreamPartial | null)[] | null }
  | { readonly type: 'end' };

/** Longest single wait on a shared word: the stop flag is checked between waits. */
const WAIT_SLICE_MS = 50;

/**
 * Waits until words[i] >= target (the shared counters only grow during a run); false when the run was
 * stopped meanwhile.
 */
function waitAtLeast(ctl: Int32Array, words: Int32Array, i: number, target: number): boolean {
  for (let v = Atomics.load(words, i); v < target; v = Atomics.load(words, i)) {
    if (Atomics.load(ctl, CONTROL.stop) !== 0) return false;
    Atomics.wait(words, i, v, WAIT_SLICE_MS);
  }
  return true;
}

/**
 * The quantile counts of the blocks this worker runs in one year. Counting starts once the year's
 * prefix (its first `prefixBlocks` blocks, run by any worker) is complete: that sets the intervals, the
 * same in every worker; blocks run before then are counted at that point.
 */
class YearCounts {
  private readonly streams: StreamQuantiles[];
  private readonly pending: number[] = [];
  private series: Float64Array[] = [];
  private words: Int32Array[] = [];
  private prefixAt = 0;
  private begun = false;

  constructor(private readonly plan: KernelPlan, private readonly ctl: Int32Array, quantiles: readonly number[], private readonly prefixBlocks: number) {
    this.streams = Array.from({ length: plan.S }, () => new StreamQuantiles(quantiles, plan.paths));
  }

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

  /** The counts of the year's blocks run here (waiting for the prefix if needed); null if stopped. */
  finish(): (StreamPartial | null)[] | null {
    const { ctl, prefixAt, prefixBlocks } = this;
    if (!this.begun) {
      // The prefix's blocks are all claimed (every chunk is) and being run by other workers.
      if (!waitAtLeast(ctl, ctl, prefixAt, prefixBlocks)) return null;
      this.begin();
    }
    return this.streams.map((q) => q.partial());
  }

  private begin(): void {
    for (let s = 0; s < this.streams.length; s++) this.streams[s]!.begin(this.series[s]!, this.prefixBlocks * BLOCK);
    this.begun = true;
    for (const blk of this.pending) this.count(blk);
    this.pending.length = 0;
  }

  private count(blk: number): void {
    const from = blk * BLOCK, to = Math.min(this.plan.paths, from + BLOCK);
    for (let s = 0; s < this.streams.length; s++) this.streams[s]!.add(this.words[s]!, this.series[s]!, from, to);
  }
}

/**
 * Claims and runs chunks of year t's blocks until none are left, each block after its year t - 1 is
 * done; returns the number of blocks run, or -1 when the run was stopped.
 */
function runYear(plan: KernelPlan, buf: KernelBuffers, sc: KernelScratch, t: number, counts: YearCounts | null): number {
  const { nBlocks, chunkBlocks } = plan;
  const ctl = buf.control;
  let blocks = 0;
  for (;;) {
    if (Atomics.load(ctl, CONTROL.stop) !== 0) return -1;
    const from = Atomics.add(buf.counter, t, 1) * chunkBlocks;
    if (from >= nBlocks) return blocks;
    const to = Math.min(nBlocks, from + chunkBlocks);
    for (let blk = from; blk < to; blk++) {
      if (!waitAtLeast(ctl, buf.blockDone, blk, t)) return -1;
      runBlock(plan, buf, sc, blk, t);
      Atomics.store(buf.blockDone, blk, t + 1);
      Atomics.notify(buf.blockDone, blk);
      blocks++;
      counts?.ran(blk);
    }
  }
}

function run(m: RunMessage): void {
  const { plan, buf } = m;
  const slots = buf.out.length;
  const ctl = buf.control;
  const sc = kernelScratch(plan);
  const counts = m.stream ? new YearCounts(plan, ctl, m.quantiles, m.prefixBlocks) : null;
  for (let t = 0; t < plan.nYears; t++) {
    // Year t writes the buffer of year t - slots: that year must be summarised.
    if (!waitAtLeast(ctl, ctl, CONTROL.final, t - slots + 1)) return;
    counts?.start(t, buf.out[t % slots]!);
    const blocks = runYear(plan, buf, sc, t, counts);
    if (blocks < 0) return;
    let partials: (StreamPartial | null)[] | null = null;
    if (counts && blocks > 0) {
      partials = counts.finish();
      if (partials === null) return;
    }
    parentPort!.postMessage({ type: 'year', t, blocks, partials } satisfies WorkerReply);
  }
  parentPort!.postMessage({ type: 'end' } satisfies WorkerReply);
}

parentPort?.on('message', (m: RunMessage) => {
  if (m.type === 'run') run(m);
});
