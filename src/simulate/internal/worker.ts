import { parentPort } from 'node:worker_threads';
import { CONTROL, kernelScratch, runBlock, type KernelBuffers, type KernelScratch } from './kernel.js';
import type { KernelPlan } from './prepare.js';
import type { StreamPartial } from './streamQuantiles.js';
import { waitAtLeast, YearCounts } from './yearCounts.js';

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
  | {
      readonly type: 'year';
      readonly t: number;
      readonly blocks: number;
      readonly partials: readonly (StreamPartial | null)[] | null;
    }
  | { readonly type: 'end' };

/**
 * Claims and runs chunks of year t's blocks until none are left, each block after its year t - 1 is
 * done; returns the number of blocks run, or -1 when the run was stopped.
 */
function runYear(
  plan: KernelPlan,
  buf: KernelBuffers,
  sc: KernelScratch,
  t: number,
  counts: YearCounts | null,
): number {
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
      if (!counts.finish()) return;
      partials = counts.streams.map((q) => q.partial());
    }
    parentPort!.postMessage({ type: 'year', t, blocks, partials } satisfies WorkerReply);
  }
  parentPort!.postMessage({ type: 'end' } satisfies WorkerReply);
}

parentPort?.on('message', (m: RunMessage) => {
  if (m.type === 'run') run(m);
});
