import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MetricsError } from '../../errors.js';
import { CONTROL, kernelBuffers, kernelScratch, runBlock, type KernelBuffers } from './kernel.js';
import type { Simulation, SimulationRunOptions, SimulatedSeries } from '../types.js';
import { BLOCK, type Prepared } from './prepare.js';
import { selectQuantiles } from './selectQuantiles.js';
import { StreamQuantiles, type StreamPartial } from './streamQuantiles.js';
import type { RunMessage, WorkerReply } from './worker.js';
import { countingPlan, YearCounts } from './yearCounts.js';

// Internal: runs a prepared plan year by year, in this thread or on worker threads, and summarises each
// year as soon as it is done. Memory is O(paths): the levels of every path in one year buffer in this
// thread (quantile selection reads them without reordering), or three with workers (they may fill
// years t + 1 and t + 2 while year t is being summarised). Quantiles of large runs are counted block by
// block as the blocks are simulated (streamQuantiles.ts), by whichever thread ran the block. Nothing
// depends on which thread ran which block: the kernel's sums for the mean and sd are per block and added
// here in block order, sample paths and crossing flags are read here in path order, and quantiles are
// order statistics (the counts only narrow down where they are). So the result is bit-identical whatever
// the number of workers and the chunk size.

function aborted(fn: string): MetricsError {
  return new MetricsError(
    'aborted',
    `${fn}: the simulation was cancelled through its AbortSignal. Start it again to get a result.`,
  );
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

  constructor(
    private readonly fn: string,
    private readonly p: Prepared,
  ) {
    const { S, nYears, paths } = p.plan;
    this.mean = Array.from({ length: S }, () => new Array<number>(nYears).fill(0));
    this.sd = Array.from({ length: S }, () => new Array<number>(nYears).fill(0));
    this.q = Array.from({ length: S }, () => p.quantiles.map(() => new Array<number>(nYears).fill(0)));
    this.samples = Array.from({ length: S }, () =>
      Array.from({ length: p.samplePaths }, () => new Array<number>(nYears).fill(0)),
    );
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
      let s1 = 0,
        s2 = 0;
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
    if (
      !Number.isFinite(this.sd[s]![t]!) ||
      !Number.isFinite(this.mean[s]![t]!) ||
      values.some((x) => !Number.isFinite(x))
    ) {
      throw new MetricsError(
        'degenerate',
        `${this.fn}: simulated levels of ${JSON.stringify(p.ids[s])} overflow in ${p.years[t]} (mean ${Number.isFinite(this.mean[s]![t]) ? this.mean[s]![t] : 'not finite'}, sd ${Number.isFinite(this.sd[s]![t]) ? this.sd[s]![t] : 'not finite'}). The volatility or growth is too large for ${t + 1} years of compounding; lower it, add a cap, or shorten the horizon.`,
        { year: p.years[t] },
      );
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

  result(p: Prepared): Simulation {
    const n = p.plan.paths;
    const se = (x: number): number => Math.sqrt((x * (1 - x)) / n);
    const series: SimulatedSeries[] = p.ids.map((id, s) => ({
      id,
      years: [...p.years],
      mean: this.mean[s]!,
      sd: this.sd[s]!,
      quantiles: p.quantiles.map((level, j) => ({ level, values: this.q[s]![j]! })),
      samplePaths: this.samples[s]!,
    }));
    return {
      settings: {
        seed: p.plan.seed,
        paths: n,
        baseYear: p.baseYear,
        years: [...p.years],
        quantiles: [...p.quantiles],
        distribution: p.distribution,
        degreesOfFreedom: p.plan.nu > 0 ? p.plan.nu : null,
        blockSize: BLOCK,
        model: 'log-growth',
        workers: p.workers,
        ...(p.baseDraw !== null && { baseDraw: p.baseDraw }),
      },
      series,
      analysed: p.ids[p.ids.length - 1]!,
      targets: p.targets.map((tg, j) => {
        const probability = this.targetHits[j]! / n;
        return {
          id: tg.id,
          year: tg.target.year,
          value: tg.target.value,
          comparator: tg.target.comparator,
          probability,
          standardError: se(probability),
        };
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
        return {
          level,
          direction: up ? ('up' as const) : ('down' as const),
          byYear,
          never: (n - cumulative) / n,
          medianYear,
        };
      }),
    };
  }
}

function workerUrl(): { url: URL | string; eval: boolean } {
  const self = import.meta.url;
  // Deno runs TypeScript workers as they are.
  if ('Deno' in globalThis)
    return { url: new URL(self.endsWith('.ts') ? './worker.ts' : './worker.js', self), eval: false };
  if (self.endsWith('.ts')) {
    // Running from TypeScript sources (tests, tsx): load the worker through tsx's loader.
    const target = new URL('./worker.ts', self).href;
    let api = 'tsx/esm/api';
    try {
      api = pathToFileURL(createRequire(self).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
    } catch {
      /* fall back to resolution from the working directory */
    }
    return {
      url: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`,
      eval: true,
    };
  }
  return { url: new URL('./worker.js', self), eval: false };
}

async function runInThread(
  fn: string,
  p: Prepared,
  buf: KernelBuffers,
  sum: YearSummariser,
  o: SimulationRunOptions,
): Promise<void> {
  const { plan } = p;
  const sc = kernelScratch(plan);
  const total = plan.paths * plan.nYears;
  const out = buf.out[0]!;
  // Quantiles counted block by block while the year is simulated; small runs select on the finished year.
  const { stream, prefixBlocks } = countingPlan(plan, p.quantiles.length);
  const counts = stream ? new YearCounts(plan, buf.control, p.quantiles, prefixBlocks) : null;
  for (let t = 0; t < plan.nYears; t++) {
    counts?.start(t, out);
    for (let b = 0; b < plan.nBlocks; b++) {
      if (b % plan.chunkBlocks === 0 && o.signal?.aborted) throw aborted(fn);
      runBlock(plan, buf, sc, b, t);
      counts?.ran(b);
    }
    counts?.finish(); // every block ran here, so the prefix is complete: never waits
    sum.year(t, out, buf, counts?.streams ?? null);
    o.onProgress?.((t + 1) * plan.paths, total);
    if (t + 1 < plan.nYears) await new Promise<void>((r) => setImmediate(r)); // lets an abort arrive
    if (o.signal?.aborted) throw aborted(fn);
  }
}

// Year buffers on workers: they may run up to SLOTS - 1 years ahead of the summary in this thread, which
// keeps them busy while it summarises (and absorbs scheduling delays on a loaded machine).
const SLOTS = 3;

// Worker threads are started once and kept (unref'd, so they never keep the process alive) for later
// runs: starting a worker costs tens of milliseconds, more than a small simulation.
const idle: Worker[] = [];
// Idle workers are ended after this long, and the buffers kept for the next run are let go.
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
    spare = undefined; // and the buffers kept for the next run
  }, IDLE_MS);
  idleTimer.unref();
}

// The shared buffers of the last clean worker run, reused by the next run of the same shape: workers keep
// a reference to the buffers of their last run until they collect garbage, which idle threads rarely do,
// so fresh buffers for every run would pile up. Only a run that ended cleanly (every worker done) leaves
// its buffers here.
let spare: { key: string; buf: KernelBuffers } | undefined;

function shapeKey(plan: Prepared['plan']): string {
  return JSON.stringify([
    plan.paths,
    plan.nYears,
    plan.K,
    plan.S,
    plan.nBlocks,
    plan.hasDev,
    plan.hasOff,
    plan.checks.length,
  ]);
}

function sharedBuffers(plan: Prepared['plan']): KernelBuffers {
  const key = shapeKey(plan);
  const reuse = spare?.key === key ? spare.buf : undefined;
  spare = undefined;
  if (reuse) {
    // Everything else is written before it is read (states seeded, sums and levels overwritten).
    reuse.blockDone.fill(0);
    reuse.counter.fill(0);
    reuse.control.fill(0);
    return reuse;
  }
  return kernelBuffers(plan, true, SLOTS);
}

/**
 * Runs the years on worker threads (see worker.ts): each goes through the years on its own, claiming
 * chunks of blocks, and reports each year with the quantile counts of the blocks it ran. This thread
 * waits for the reports; once all of a year's blocks are reported (years in order) it summarises the
 * year (mean, sd, sample paths, crossings, and the quantiles from the merged counts, or by selection on
 * the year when the counts cannot give them) and frees its buffer for year t + SLOTS.
 */
function runOnWorkers(
  fn: string,
  p: Prepared,
  buf: KernelBuffers,
  sum: YearSummariser,
  o: SimulationRunOptions,
): Promise<void> {
  const { plan } = p;
  const { nYears, nBlocks, S, paths: n } = plan;
  const W = Math.min(p.workers, nBlocks);
  const total = n * nYears;
  const { stream, prefixBlocks } = countingPlan(plan, p.quantiles.length);
  const streams = stream ? p.ids.map(() => new StreamQuantiles(p.quantiles, n)) : null;
  const workers = takeWorkers(W);
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const blocksDone = new Array<number>(nYears).fill(0);
    const partials: (readonly (StreamPartial | null)[])[][] = Array.from({ length: nYears }, () => []);
    let complete = 0; // years 0 .. complete - 1 are summarised
    let ended = 0; // workers that replied `end`

    const summarise = (t: number): void => {
      const out = buf.out[t % SLOTS]!;
      if (streams) {
        for (let s = 0; s < S; s++) {
          const q = streams[s]!;
          q.begin(out.subarray(s * n, (s + 1) * n), prefixBlocks * BLOCK);
          for (const part of partials[t]!) q.merge(part[s] ?? null);
        }
      }
      partials[t] = [];
      sum.year(t, out, buf, streams);
      // The year's buffer may now be overwritten by year t + SLOTS.
      Atomics.store(buf.control, CONTROL.final, t + 1);
      Atomics.notify(buf.control, CONTROL.final);
      o.onProgress?.((t + 1) * n, total);
    };
    const onMessage = (m: WorkerReply): void => {
      if (finished) return;
      try {
        if (m.type === 'end') {
          ended++;
        } else {
          blocksDone[m.t]! += m.blocks;
          if (m.partials) partials[m.t]!.push(m.partials);
          while (complete < nYears && blocksDone[complete] === nBlocks) {
            summarise(complete++);
            if (o.signal?.aborted) {
              stop(aborted(fn));
              return;
            }
          }
        }
        if (complete === nYears && ended === W) stop();
      } catch (e) {
        stop(e);
      }
    };
    const onError = (e: unknown): void => stop(e);
    const onExit = (code: number): void => stop(new Error(`simulate worker exited early with code ${code}`));
    const stop = (err?: unknown): void => {
      if (finished) return;
      finished = true;
      o.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      }
      if (err === undefined) {
        // Every worker has replied `end`: none touches the buffers any more.
        for (const w of workers) parkWorker(w);
        spare = { key: shapeKey(plan), buf };
        resolve();
      } else {
        // Workers may be inside a year: tell them to stop (a worker waiting on a shared word sees it within
        // 50 ms), and end them; the buffers are dropped.
        Atomics.store(buf.control, CONTROL.stop, 1);
        for (const w of workers) void w.terminate();
        reject(err);
      }
    };
    const onAbort = (): void => stop(aborted(fn));
    o.signal?.addEventListener('abort', onAbort);
    for (const w of workers) {
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ type: 'run', plan, buf, quantiles: p.quantiles, stream, prefixBlocks } satisfies RunMessage);
    }
  });
}

/** Runs a prepared simulation and returns its summary. */
export async function runEngine(fn: string, p: Prepared, o: SimulationRunOptions): Promise<Simulation> {
  if (o.signal?.aborted) throw aborted(fn);
  const useWorkers = p.workers > 1 && p.plan.nBlocks > 1;
  let buf: KernelBuffers;
  try {
    buf = useWorkers ? sharedBuffers(p.plan) : kernelBuffers(p.plan, false, 1);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new MetricsError(
      'too_large',
      `${fn}: could not allocate the working memory for ${p.plan.paths} paths (${e.message}). Use fewer paths.`,
      { paths: p.plan.paths },
    );
  }
  const sum = new YearSummariser(fn, p);
  if (useWorkers) await runOnWorkers(fn, p, buf, sum, o);
  else await runInThread(fn, p, buf, sum, o);
  sum.finish(buf);
  return sum.result(p);
}
