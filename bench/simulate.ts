// Monte Carlo engine benchmark: 1e6 paths x 10 years, 5 quantiles per year, mean, sd and one attainment
// probability, on this thread and on 2 worker threads, next to the same workload in numpy
// (bench/simulate_numpy.py, run in the same process tree when python3 with numpy is present); then three
// other model shapes (AR(1) with shocks, Student-t, correlated sectors) on 1 thread and 2 workers.
//
//   npx tsx bench/simulate.ts [--paths 1000000] [--years 10] [--reps 11] [--no-numpy] [--out bench/results/simulate.md]
//
// Reports the median of `reps` timed runs after five warm-up runs per setting (the warm-up also starts
// the worker threads, which are kept for later runs) and the first run's time, ns per path-year, CPU
// time, and the peak memory held in ArrayBuffers during one more run (sampled after every simulated
// year; the resident set size is useless here, as freed memory of earlier runs is reused).
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { simulate } from '../src/simulate/simulate.js';
import { simulateSectors } from '../src/simulate/simulateSectors.js';

// A full garbage collection before the memory run, so its figure is the run's own (no --expose-gc needed).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const { values: opt } = parseArgs({
  options: {
    paths: { type: 'string', default: '1000000' }, years: { type: 'string', default: '10' }, reps: { type: 'string', default: '11' },
    'no-numpy': { type: 'boolean', default: false }, out: { type: 'string', default: 'bench/results/simulate.md' },
  },
});
const paths = Number(opt.paths), years = Number(opt.years), reps = Number(opt.reps);
// Runs before the timed ones: V8 settles on its optimised code for the kernel within a few runs (each
// worker thread compiles its own, while the other threads keep the cores busy).
const WARM_UP = 5;
const workload = {
  baseYear: 2020, baseValue: 1, toYear: 2020 + years, growth: new Array<number>(years).fill(0.1), volatility: 0.1,
  paths, seed: 1, quantiles: [0.05, 0.25, 0.5, 0.75, 0.95],
  targets: [{ year: 2020 + years, value: 2.5, comparator: 'atLeast' as const }],
};

/** One run: wall and CPU seconds, and two of its numbers (to show both engines agree). */
interface Run { wall: number; cpu: number; median: number; probability: number }
/** A setting's figures: its median run, the best and the first wall times, and peak memory. */
interface Timing extends Run { min: number; first: number; bytes: number }

/** One timed run: no forced garbage collection and no memory sampling, as a user would run it. */
async function once(workers: number): Promise<Run> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await simulate({ ...workload, workers });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, median: r.series[0]!.quantiles[2]!.values[years - 1]!, probability: r.targets[0]!.probability };
}

/**
 * Peak ArrayBuffer memory of one more run, after a full garbage collection (so the figure is the run's
 * own), sampled after every simulated year. Kept out of the timed runs: a forced collection sends V8's
 * background threads to work during the next run and slows it.
 */
async function peakMemory(workers: number): Promise<number> {
  gc();
  let peak = 0;
  await simulate({ ...workload, workers, onProgress: () => { peak = Math.max(peak, process.memoryUsage().arrayBuffers); } });
  return peak;
}

async function measure(workers: number): Promise<Timing> {
  const first = (await once(workers)).wall; // includes compiling the kernel, and starting the workers
  for (let i = 1; i < WARM_UP; i++) await once(workers);
  const runs: Run[] = [];
  for (let i = 0; i < reps; i++) runs.push(await once(workers));
  runs.sort((a, b) => a.wall - b.wall);
  return { ...runs[Math.floor(runs.length / 2)]!, min: runs[0]!.wall, first, bytes: await peakMemory(workers) };
}

function numpy(): { seconds: number; min: number; cpu: number; numpy: string } | undefined {
  if (opt['no-numpy']) return undefined;
  const r = spawnSync('python3', [resolve('bench/simulate_numpy.py'), '--paths', String(paths), '--years', String(years), '--reps', String(reps)], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`numpy reference not run: ${r.error?.message ?? r.stderr.trim().split('\n').pop()}`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; min: number; cpu: number; numpy: string };
}

/**
 * How much parallelism the machine offers right now: the speed-up of two workers running independent
 * busy loops over one worker. About 2 on an idle 2-core machine; near 1 when other processes hold a core,
 * in which case no multi-threaded code can be faster than one thread, and the 2-worker figures say so.
 */
async function parallelCapacity(): Promise<number> {
  const code = "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (n) => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i); parentPort.postMessage(x); });";
  const ws = [new Worker(code, { eval: true }), new Worker(code, { eval: true })];
  const run = (w: Worker, n: number): Promise<unknown> => new Promise((r) => { w.once('message', r); w.postMessage(n); });
  const ratios: number[] = [];
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    await run(ws[0]!, 3e7);
    const one = performance.now() - t;
    t = performance.now();
    await Promise.all([run(ws[0]!, 3e7), run(ws[1]!, 3e7)]);
    ratios.push((2 * one) / (performance.now() - t));
  }
  for (const w of ws) await w.terminate();
  return ratios.sort((a, b) => a - b)[2]!; // the median
}

/** Median wall time of `n` runs after `warm` untimed ones. */
async function medianWall(run: () => Promise<unknown>, warm: number, n: number): Promise<number> {
  for (let i = 0; i < warm; i++) await run();
  const walls: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    walls.push((performance.now() - t0) / 1000);
  }
  return walls.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

// Other model shapes on the same paths and years: the workers' speed-up should not depend on the model.
const growth = workload.growth;
const shapes: { name: string; run: (workers: number) => Promise<unknown> }[] = [
  { name: 'AR(1) persistence 0.5, mean uncertainty 0.02, rare shocks (5 % a year, -10 %)', run: (workers) => simulate({ ...workload, workers, persistence: 0.5, meanUncertainty: 0.02, rareShock: { probability: 0.05, size: -0.1 } }) },
  { name: 'Student-t deviations, 5 degrees of freedom', run: (workers) => simulate({ ...workload, workers, distribution: 'studentT', degreesOfFreedom: 5 }) },
  {
    name: 'two sectors correlated 0.5, and their total (three series)',
    run: (workers) => simulateSectors({
      baseYear: 2020, toYear: 2020 + years, paths, seed: 1, quantiles: workload.quantiles, workers, correlation: [[1, 0.5], [0.5, 1]],
      sectors: [{ id: 'a', baseValue: 0.6, growth, volatility: 0.1 }, { id: 'b', baseValue: 0.4, growth, volatility: 0.2 }],
      targets: [{ year: 2020 + years, value: 2.5, comparator: 'atLeast' }],
    }),
  },
];

const load0 = loadavg()[0]!;
const capacity0 = await parallelCapacity();
const one = await measure(1);
const two = await measure(2);
const shapeRows: string[] = [];
for (const shape of shapes) {
  const a = await medianWall(() => shape.run(1), 3, 7);
  const b = await medianWall(() => shape.run(2), 3, 7);
  shapeRows.push(`| ${shape.name} | ${a.toFixed(3)} | ${b.toFixed(3)} | ${(a / b).toFixed(2)}x |`);
}
const np = numpy();
const capacity1 = await parallelCapacity();
const pathYears = paths * years;
const ns = (t: Timing): string => ((t.wall / pathYears) * 1e9).toFixed(1);
const mib = (b: number): string => (b / 2 ** 20).toFixed(0);
const vs = (x: number, y: number | undefined): string => (y ? (x / y).toFixed(2) : 'n/a');
const rows = [
  `| engine | wall, median (s) | wall, best (s) | first run (s) | ns per path-year (median) | CPU, all threads (s) | peak ArrayBuffer memory (MiB) | wall vs numpy | CPU vs numpy |`,
  `|---|---|---|---|---|---|---|---|---|`,
  `| simulate, 1 thread | ${one.wall.toFixed(3)} | ${one.min.toFixed(3)} | ${one.first.toFixed(3)} | ${ns(one)} | ${one.cpu.toFixed(3)} | ${mib(one.bytes)} | ${vs(one.wall, np?.seconds)} | ${vs(one.cpu, np?.cpu)} |`,
  `| simulate, 2 workers | ${two.wall.toFixed(3)} | ${two.min.toFixed(3)} | ${two.first.toFixed(3)} | ${ns(two)} | ${two.cpu.toFixed(3)} | ${mib(two.bytes)} | ${vs(two.wall, np?.seconds)} | ${vs(two.cpu, np?.cpu)} |`,
  ...(np ? [`| numpy ${np.numpy}, vectorised | ${np.seconds.toFixed(3)} | ${np.min.toFixed(3)} | | ${((np.seconds / pathYears) * 1e9).toFixed(1)} | ${np.cpu.toFixed(3)} | | 1.00 | 1.00 |`] : []),
];
const md = [
  '## Monte Carlo engine',
  '',
  `Command: \`npx tsx bench/simulate.ts\` (${paths.toLocaleString('en')} paths x ${years} years, 5 quantiles per year, mean, sd and one`,
  `attainment probability; median of ${reps} runs after ${WARM_UP} warm-up runs; ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'},`,
  `Node ${process.version}, load average ${load0.toFixed(1)} at the start). Parallel capacity (speed-up of two workers on independent`,
  `busy loops; 2.0 on an idle 2-core machine): ${capacity0.toFixed(2)} before and ${capacity1.toFixed(2)} after the runs.`,
  '',
  ...rows,
  '',
  `2 workers vs 1 thread: ${(one.wall / two.wall).toFixed(2)}x (median), ${(one.min / two.min).toFixed(2)}x (best). Same seed, same numbers on both: median level in year ${years}`,
  `${one.median} (1 thread) and ${two.median} (2 workers); P(level >= 2.5) ${one.probability} and ${two.probability}.`,
  'Memory grows with paths only: the level of every path, 8 bytes a path on one thread, and 24 on workers (three',
  'years of levels, so they can run ahead of the summary), plus the quantile counts (about 1 byte a path per thread).',
  '"first run": the first run of the process, which also compiles the kernel (and, on workers, starts the threads,',
  'each compiling its own copy while the others keep the cores busy); later runs reuse both.',
  '"vs numpy": our median time over numpy\'s on the same workload (below 1 is faster). Wall times swing with other',
  'load on the machine; CPU time (all threads of the process) is the steadier comparison for one thread.',
  '',
  `Other model shapes, same paths, years, quantiles and target (median of 7 runs after 3 warm-up runs each):`,
  '',
  '| model | 1 thread (s) | 2 workers (s) | 2 workers vs 1 thread |',
  '|---|---|---|---|',
  ...shapeRows,
];
console.log(md.join('\n'));
const out = resolve(opt.out as string);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, md.join('\n') + '\n');
console.log(`\nWrote ${out}`);
