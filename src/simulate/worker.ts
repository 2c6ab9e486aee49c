import { parentPort } from 'node:worker_threads';
import { kernelScratch, runBlock, type KernelBuffers, type KernelScratch } from './kernel.js';
import type { KernelPlan } from './prepare.js';
import { selectQuantiles } from './selectQuantiles.js';

// Worker-thread entry of the Monte Carlo engine (see runEngine.ts). Messages: `init` with the plan, the
// shared buffers and the quantile levels; `year` t: claim chunks of blocks from the shared counter until
// none are left, run each block (waiting, if needed, until another worker has finished that block's
// previous year), reply `done` t with the number of blocks run; `select` t, s: the quantiles of series s
// in year t, reply `quantiles`.

let plan: KernelPlan | undefined;
let buf: KernelBuffers | undefined;
let sc: KernelScratch | undefined;
let levels: readonly number[] = [];

/** Claims and runs chunks of year t until none are left; returns the number of blocks run. */
function runYear(t: number): number {
  const p = plan!, b = buf!, s = sc!;
  let blocks = 0;
  for (;;) {
    const c = Atomics.add(b.counter, t, 1);
    const from = c * p.chunkBlocks;
    if (from >= p.nBlocks) break;
    const to = Math.min(p.nBlocks, from + p.chunkBlocks);
    for (let blk = from; blk < to; blk++) {
      let done: number;
      while ((done = Atomics.load(b.blockDone, blk)) < t) Atomics.wait(b.blockDone, blk, done);
      runBlock(p, b, s, blk, t);
      Atomics.store(b.blockDone, blk, t + 1);
      Atomics.notify(b.blockDone, blk);
      blocks++;
    }
  }
  return blocks;
}

type Message =
  | { type: 'init'; plan: KernelPlan; buf: KernelBuffers; quantiles: readonly number[] }
  | { type: 'year'; t: number }
  | { type: 'select'; t: number; s: number };

parentPort?.on('message', (m: Message) => {
  if (m.type === 'init') {
    plan = m.plan;
    buf = m.buf;
    sc = kernelScratch(m.plan);
    levels = m.quantiles;
  } else if (m.type === 'year') {
    const blocks = runYear(m.t);
    parentPort!.postMessage({ type: 'done', t: m.t, blocks });
  } else {
    // Quantiles of series s in year t, without reordering: the year's buffer is the path state that
    // year t + 1 reads.
    const n = plan!.paths;
    const values = levels.map(() => 0);
    selectQuantiles(buf!.out[m.t % buf!.out.length]!.subarray(m.s * n, (m.s + 1) * n), n, levels, values, true);
    parentPort!.postMessage({ type: 'quantiles', t: m.t, s: m.s, values });
  }
});
