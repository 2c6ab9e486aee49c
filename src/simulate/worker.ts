import { parentPort } from 'node:worker_threads';
import { kernelScratch, runBlock, type KernelBuffers, type KernelScratch } from './kernel.js';
import type { KernelPlan } from './prepare.js';

// Worker-thread entry of the Monte Carlo engine (see runEngine.ts). Messages: `init` with the plan and the
// shared buffers, then `year` t: claim chunks of blocks from the shared counter until none are left, run
// each block (waiting, if needed, until another worker has finished that block's previous year), reply
// `done` t.

let plan: KernelPlan | undefined;
let buf: KernelBuffers | undefined;
let sc: KernelScratch | undefined;

function runYear(t: number): void {
  const p = plan!, b = buf!, s = sc!;
  const slot = t % b.out.length;
  for (;;) {
    const c = Atomics.add(b.counter, slot, 1);
    const from = c * p.chunkBlocks;
    if (from >= p.nBlocks) break;
    const to = Math.min(p.nBlocks, from + p.chunkBlocks);
    for (let blk = from; blk < to; blk++) {
      let done: number;
      while ((done = Atomics.load(b.blockDone, blk)) < t) Atomics.wait(b.blockDone, blk, done);
      runBlock(p, b, s, blk, t);
      Atomics.store(b.blockDone, blk, t + 1);
      Atomics.notify(b.blockDone, blk);
    }
  }
}

parentPort?.on('message', (m: { type: 'init'; plan: KernelPlan; buf: KernelBuffers } | { type: 'year'; t: number }) => {
  if (m.type === 'init') {
    plan = m.plan;
    buf = m.buf;
    sc = kernelScratch(m.plan);
    return;
  }
  runYear(m.t);
  parentPort!.postMessage({ type: 'done', t: m.t });
});
