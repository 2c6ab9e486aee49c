import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MetricsError } from '../errors.js';
import { kernelBuffers, kernelScratch, runBlock, type KernelBuffers } from './kernel.js';
import type { MonteCarloResult, MonteCarloRunOptions, MonteCarloSeries } from './monteCarloTypes.js';
import { BLOCK, type Prepared } from './prepare.js';
import { selectQuantiles } from './selectQuantiles.js';
import { StreamQuantiles } from './streamQuantiles.js';

// Internal: runs a prepared plan year by year, in this thread or on worker threads, and summarises each
// year as soon as it is done. Memory is O(paths): the levels of every path in one year buffer in this
// thread (quantile selection reads them without reordering), or three with workers (they may fill
// years t + 1 and t + 2 while year t is being summarised). Nothing depends on which thread ran which
// block: the kernel's sums for the mean and sd are per block and added here in block order, sample paths
// and crossing flags are read here in path order, and quantiles are order statistics. So the result is
// bit-identical whatever the number of workers and the chunk size.

function aborted(fn: string): MetricsError {
  return new MetricsError('aborted', `${fn}: the simulation was cancelled through its AbortSignal. Start it again to get a result.`);
}

class YearSummariser {
  readonly mean: number[][];
  readonly sd: number[][];
  readonly q: number[][][];
  readonly samples: number[][][];
  readonly targetHits: number[];
  readonly cagrHits: number[];
  readonly crossFlags: Uint8Array[];
  readonly crossCounts: number[][];
  private readonly qOut: number[];

  constructor(private readonly fn: string, private readonly p: Prepared) {
    const { S, nYears, paths } = p.plan;
    this.mean = Array.from({ length: S }, () => new Array<number>(nYears).fill(0));
    this.sd = Array.from({ length: S }, () => new Array<number>(nYears).fill(0));
    this.q = Array.from({ length: S }, () => p.quantiles.map(() => new Array<number>(nYears).fill(0)));
    this.samples = Array.from({ length: S }, () => Array.from({ length: p.samplePaths }, () => new Array<number>(nYears).fill(0)));
    this.targetHits = p.targets.map(() => 0);
    this.cagrHits = p.cagrThresholds.map(() => 0);
    this.crossFlags = p.crossing.map(() => new Uint8Array(paths));
    this.crossCounts = p.crossing.map(() => new Array<number>(nYears).fill(0));
    this.qOut = p.quantiles.map(() => 0);
  }

  /**
   * Summarises year t from its values (in path order) and the kernel's per-block sums. `streams`: the
   * counts taken while the year was simulated, per series (null: select on the finished year).
   */
  year(t: number, out: Float64Array, buf: KernelBuffers, streams: readonly StreamQuantiles[] | null): void {
    this.inPathOrder(t, out, buf);
    const { S, paths: n } = this.p.plan;
    for (let s = 0; s < S; s++) {
      // `out` is the path state itself: selection must leave its order alone.
      if (this.p.quantiles.length > 0 && !(streams?.[s]?.finish(this.qOut) ?? false)) {
        selectQuantiles(S === 1 ? out : out.subarray(s * n, (s + 1) * n), n, this.p.quantiles, this.qOut, true);
      }
      this.setQuantiles(t, s, this.qOut);
    }
  }

  /**
   * Everything of year t that needs the values in path order (sample paths, crossing flags) and the
   * mean and sd from the per-block sums. Runs before the values are reordered by selection.
   */
  inPathOrder(t: number, out: Float64Array, buf: KernelBuffers): void {
    const p = this.p;
    const { S, nYears, paths: n, nBlocks } = p.plan;
    for (let s = 0; s < S; s++) {
      const a = s * n;
      // Per-block sums centred on the deterministic path, added in block order (deterministic).
      const c = p.centre[s * nYears + t]!;
      let s1 = 0, s2 = 0;
      const base = ((t % buf.out.length) * S + s) * nBlocks * 2;
      for (let b = 0; b < nBlocks; b++) {
        s1 += buf.sums[base + 2 * b]!;
        s2 += buf.sums[base + 2 * b + 1]!;
      }
      this.mean[s]![t] = c + s1 / n;
      this.sd[s]![t] = n > 1 ? Math.sqrt(Math.max(0, (s2 - (s1 * s1) / n) / (n - 1))) : 0;
      for (let j = 0; j < p.samplePaths; j++) this.samples[s]![j]![t] = out[a + j]!;
      if (s === S - 1) this.crossings(t, out, a);
    }
  }

  /** Stores the quantiles of series s in year t, refusing non-finite summaries. */
  setQuantiles(t: number, s: number, values: readonly number[]): void {
    const p = this.p;
    for (let j = 0; j < values.length; j++) this.q[s]![j]![t] = values[j]!;
    if (!Number.isFinite(this.sd[s]![t]!) || !Number.isFinite(this.mean[s]![t]!) || values.some((x) => !Number.isFinite(x))) {
      throw new MetricsError('degenerate', `${this.fn}: simulated levels of ${JSON.stringify(p.ids[s])} overflow in ${p.years[t]} (mean ${this.mean[s]![t]}, sd ${this.sd[s]![t]}). The volatility or growth is too large for ${t + 1} years of compounding; lower it, add a cap, or shorten the horizon.`, { year: p.years[t] });
    }
  }

  /** After the last year: the per-block counts of the level checks. */
  finish(buf: KernelBuffers): void {
    const { nBlocks } = this.p.plan;
    const nT = this.p.targets.length;
    const total = (j: number): number => {
      let h = 0;
      for (let b = 0; b < nBlocks; b++) h += buf.hits[j * nBlocks + b]!;
      return h;
    };
    for (let j = 0; j < nT; j++) this.targetHits[j] = total(j);
    for (let j = 0; j < this.cagrHits.length; j++) this.cagrHits[j] = total(nT + j);
  }

  private crossings(t: number, out: Float64Array, a: number): void {
    const p = this.p;
    const n = p.plan.paths;
    for (let j = 0; j < p.crossing.length; j++) {
      const { level, up } = p.crossing[j]!;
      const flags = this.crossFlags[j]!;
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (flags[i] === 0 && (up ? out[a + i]! >= level : out[a + i]! <= level)) {
          flags[i] = 1;
          count++;
        }
      }
      this.crossCounts[j]![t] = count;
    }
  }

  result(p: Prepared): MonteCarloResult {
    const n = p.plan.paths;
    const se = (x: number): number => Math.sqrt((x * (1 - x)) / n);
    const series: MonteCarloSeries[] = p.ids.map((id, s) => ({
      id,
      years: [...p.years],
      mean: this.mean[s]!,
      sd: this.sd[s]!,
      quantiles: p.quantiles.map((level, j) => ({ level, values: this.q[s]![j]! })),
      samplePaths: this.samples[s]!,
    }));
    return {
      settings: {
        seed: p.plan.seed, paths: n, baseYear: p.baseYear, years: [...p.years], quantiles: [...p.quantiles],
        distribution: p.distribution, degreesOfFreedom: p.plan.nu > 0 ? p.plan.nu : null,
        blockSize: BLOCK, model: 'log-growth', workers: p.workers,
      },
      series,
      analysed: p.ids[p.ids.length - 1]!,
      targets: p.targets.map((tg, j) => {
        const probability = this.targetHits[j]! / n;
        return { id: tg.id, year: tg.target.year, value: tg.target.value, comparator: tg.target.comparator, probability, standardError: se(probability) };
      }),
      cagr: p.cagrThresholds.map((threshold, j) => {
        const probability = this.cagrHits[j]! / n;
        return { threshold, probability, standardError: se(probability) };
      }),
      crossings: p.crossing.map(({ level, up }, j) => {
        let cumulative = 0;
        let medianYear: number | null = null;
        const byYear = p.years.map((year, t) => {
          const c = this.crossCounts[j]![t]!;
          cumulative += c;
          if (medianYear === null && 2 * cumulative >= n) medianYear = year;
          return { year, probability: c / n, cumulative: cumulative / n };
        });
        return { level, direction: up ? 'up' as const : 'down' as const, byYear, never: (n - cumulative) / n, medianYear };
      }),
    };
  }
}

function workerUrl(): { url: URL | string; eval: boolean } {
  const self = import.meta.url;
  // Deno runs TypeScript workers as they are.
  if ('Deno' in globalThis) return { url: new URL(self.endsWith('.ts') ? './worker.ts' : './worker.js', self), eval: false };
  if (self.endsWith('.ts')) {
    // Running from TypeScript sources (tests, tsx): load the worker through tsx's loader.
    const target = new URL('./worker.ts', self).href;
    let api = 'tsx/esm/api';
    try {
      api = pathToFileURL(createRequire(self).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
    } catch { /* fall back to resolution from the working directory */ }
    return { url: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`, eval: true };
  }
  return { url: new URL('./worker.js', self), eval: false };
}

// Paths in the prefix that sets the intervals of the streamed quantiles (32 blocks: 32 768 paths), and
// the fewest paths for streaming (below, the year is small enough to select on directly).
const PREFIX_BLOCKS = 32;
const STREAM_MIN = 1 << 16;

async function runInThread(fn: string, p: Prepared, buf: KernelBuffers, sum: YearSummariser, o: MonteCarloRunOptions): Promise<void> {
  const { plan } = p;
  const sc = kernelScratch(plan);
  const total = plan.paths * plan.nYears;
  const { paths: n, S, nBlocks } = plan;
  const out = buf.out[0]!;
  // Quantiles counted block by block while the year is simulated (see streamQuantiles.ts), from
  // intervals set on the first PREFIX_BLOCKS blocks; small runs select on the finished year.
  const prefix = Math.min(PREFIX_BLOCKS, nBlocks) * BLOCK;
  const streams = p.quantiles.length > 0 && n >= STREAM_MIN ? p.ids.map(() => new StreamQuantiles(p.quantiles, n)) : null;
  const words = streams ? Array.from({ length: S }, (_, s) => new Int32Array(out.buffer, out.byteOffset + 8 * s * n, 2 * n)) : [];
  const series = streams ? Array.from({ length: S }, (_, s) => out.subarray(s * n, (s + 1) * n)) : [];
  for (let t = 0; t < plan.nYears; t++) {
    for (let b = 0; b < nBlocks; b++) {
      if (b % plan.chunkBlocks === 0 && o.signal?.aborted) throw aborted(fn);
      runBlock(plan, buf, sc, b, t);
      if (streams) {
        const end = Math.min(n, (b + 1) * BLOCK);
        if (end === prefix) {
          for (let s = 0; s < S; s++) {
            streams[s]!.begin(series[s]!, prefix);
            streams[s]!.add(words[s]!, series[s]!, 0, prefix);
          }
        } else if (end > prefix) {
          for (let s = 0; s < S; s++) streams[s]!.add(words[s]!, series[s]!, b * BLOCK, end);
        }
      }
    }
    sum.year(t, out, buf, streams);
    o.onProgress?.((t + 1) * plan.paths, total);
    if (t + 1 < plan.nYears) await new Promise<void>((r) => setImmediate(r)); // lets an abort arrive
    if (o.signal?.aborted) throw aborted(fn);
  }
}

// Year buffers on workers: they may run up to SLOTS - 1 years ahead of the summary in this thread, which
// keeps them busy while it selects quantiles (and absorbs scheduling delays on a loaded machine).
const SLOTS = 3;

// Worker threads are started once and kept (unref'd, so they never keep the process alive) for later
// runs: starting a worker costs tens of milliseconds, more than a small simulation.
const idle: Worker[] = [];
// Idle workers are ended after this long, which also lets go of the shared buffers they still reference.
const IDLE_MS = 5000;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function takeWorkers(n: number): Worker[] {
  const { url, eval: isEval } = workerUrl();
  const ws = idle.splice(0, n);
  while (ws.length < n) ws.push(new Worker(url, { eval: isEval }));
  for (const w of ws) w.ref(); // busy workers keep the process alive until the run settles
  return ws;
}

function parkWorker(w: Worker): void {
  w.unref();
  idle.push(w);
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    for (const x of idle.splice(0)) void x.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

// The shared buffers of the last clean worker run, reused by the next run of the same shape: workers keep
// a reference to the buffers of their last run until they collect garbage, which idle threads rarely do,
// so fresh buffers for every run would pile up. Only a run that ended cleanly (no worker still writing)
// leaves its buffers here.
let spare: { key: string; buf: KernelBuffers } | undefined;

function shapeKey(plan: Prepared['plan']): string {
  return JSON.stringify([plan.paths, plan.nYears, plan.K, plan.S, plan.nBlocks, plan.hasDev, plan.hasOff, plan.checks.length]);
}

function sharedBuffers(plan: Prepared['plan']): KernelBuffers {
  const key = shapeKey(plan);
  const reuse = spare?.key === key ? spare.buf : undefined;
  spare = undefined;
  if (reuse) {
    // Everything else is written before it is read (states seeded, sums and levels overwritten).
    reuse.blockDone.fill(0);
    reuse.counter.fill(0);
    return reuse;
  }
  return kernelBuffers(plan, true, SLOTS);
}

/**
 * Runs the years on worker threads with a small scheduler in this thread. Tasks are `year t` (claim
 * chunks of year t's blocks until none are left; any number of workers can share a year) and `select t,
 * s` (the quantiles of series s in year t). A worker that finishes a task gets the next one at once:
 * a pending selection first, else an open year with unclaimed chunks, else a newly opened year if its
 * buffer slot is free (at most SLOTS years in flight), else it waits. A year is complete when all its
 * blocks are done; this thread then does the path-order work (in year order) and queues the selections;
 * when they are back the year is final and its slot free.
 */
function runOnWorkers(fn: string, p: Prepared, buf: KernelBuffers, sum: YearSummariser, o: MonteCarloRunOptions): Promise<void> {
  const { plan } = p;
  const { nYears, nBlocks, chunkBlocks, S } = plan;
  const W = Math.min(p.workers, nBlocks);
  const total = plan.paths * nYears;
  const workers = takeWorkers(W);
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const blocksDone = new Array<number>(nYears).fill(0);
    const selected = new Array<number>(nYears).fill(0);
    const pending: { t: number; s: number }[] = [];
    const waiting: Worker[] = [];
    let opened = 0; // years 0 .. opened - 1 have been opened
    let complete = 0; // years 0 .. complete - 1 have all their blocks done
    let final = 0; // years 0 .. final - 1 are fully summarised

    // Workers with a task in flight. A `year t` task may find nothing left to claim and still be on
    // its way when the run ends: such a worker is not reused (it would run that stale task against the
    // next run's buffers).
    const busy = new Set<Worker>();
    const give = (w: Worker, message: unknown): true => {
      busy.add(w);
      w.postMessage(message);
      return true;
    };
    const assign = (w: Worker): boolean => {
      const task = pending.shift();
      if (task) return give(w, { type: 'select', t: task.t, s: task.s });
      for (let t = complete; t < opened; t++) {
        if (Atomics.load(buf.counter, t) * chunkBlocks < nBlocks) return give(w, { type: 'year', t });
      }
      if (opened < nYears && opened < final + SLOTS) return give(w, { type: 'year', t: opened++ });
      waiting.push(w);
      return false;
    };
    const wake = (): void => {
      while (!finished && waiting.length > 0 && assign(waiting.pop()!));
    };
    const onMessage = function (this: Worker, m: { type: 'done'; t: number; blocks: number } | { type: 'quantiles'; t: number; s: number; values: number[] }): void {
      busy.delete(this);
      if (finished) return;
      try {
        if (m.type === 'done') {
          blocksDone[m.t]! += m.blocks;
          while (complete < nYears && blocksDone[complete] === nBlocks) {
            const t = complete++;
            sum.inPathOrder(t, buf.out[t % SLOTS]!, buf);
            for (let s = 0; s < S; s++) {
              if (p.quantiles.length === 0) onQuantiles(t, s, []);
              else pending.push({ t, s });
            }
          }
        } else {
          onQuantiles(m.t, m.s, m.values);
        }
        if (finished) return;
        assign(this);
        wake();
      } catch (e) {
        // Other tasks may be running: let them finish before the workers are reused.
        stop(e, true);
      }
    };
    const onQuantiles = (t: number, s: number, values: readonly number[]): void => {
      sum.setQuantiles(t, s, values);
      selected[t]!++;
      while (!finished && final < nYears && selected[final] === S) {
        const t0 = final++;
        o.onProgress?.((t0 + 1) * plan.paths, total);
        if (o.signal?.aborted) return stop(aborted(fn));
      }
      if (final === nYears) stop();
    };
    const onError = (e: unknown): void => stop(e, true);
    const onExit = (code: number): void => stop(new Error(`simulate worker exited early with code ${code}`), true);
    const stop = (err?: unknown, broken = false): void => {
      if (finished) return;
      finished = true;
      o.signal?.removeEventListener('abort', onAbort);
      const clean = err === undefined && !broken;
      // After a clean run, a worker may still have a stale `year t` task in flight (it will find nothing
      // to claim): it is parked once it has answered, and the buffers are offered to the next run of the
      // same shape only when no worker can touch them any more. After an error or an abort, workers may
      // be inside a task: they are ended and the buffers dropped.
      let draining = 0;
      const drained = (): void => {
        if (--draining === 0) spare = { key: shapeKey(plan), buf };
      };
      for (const w of workers) {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (!clean) {
          void w.terminate();
        } else if (!busy.has(w)) {
          parkWorker(w);
        } else {
          draining++;
          const onFailure = (): void => { w.off('message', onAnswer); void w.terminate(); };
          const onAnswer = (): void => { w.off('error', onFailure); w.off('exit', onFailure); parkWorker(w); drained(); };
          w.once('message', onAnswer);
          w.once('error', onFailure);
          w.once('exit', onFailure);
        }
      }
      if (clean) {
        draining++;
        drained();
      }
      if (err === undefined) resolve();
      else reject(err);
    };
    const onAbort = (): void => stop(aborted(fn));
    o.signal?.addEventListener('abort', onAbort);
    for (const w of workers) {
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ type: 'init', plan, buf, quantiles: p.quantiles });
    }
    for (const w of workers) assign(w);
  });
}

/** Runs a prepared simulation and returns its summary. */
export async function runEngine(fn: string, p: Prepared, o: MonteCarloRunOptions): Promise<MonteCarloResult> {
  if (o.signal?.aborted) throw aborted(fn);
  const useWorkers = p.workers > 1 && p.plan.nBlocks > 1;
  let buf: KernelBuffers;
  try {
    buf = useWorkers ? sharedBuffers(p.plan) : kernelBuffers(p.plan, false, 1);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new MetricsError('too_large', `${fn}: could not allocate the working memory for ${p.plan.paths} paths (${e.message}). Use fewer paths.`, { paths: p.plan.paths });
  }
  const sum = new YearSummariser(fn, p);
  if (useWorkers) await runOnWorkers(fn, p, buf, sum, o);
  else await runInThread(fn, p, buf, sum, o);
  sum.finish(buf);
  return sum.result(p);
}
