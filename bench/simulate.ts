// Monte Carlo engine benchmark: 1e6 paths x 10 years, 5 quantiles per year, mean, sd and one attainment
// probability, on this thread and on 2 worker threads, next to the same workload in numpy
// (bench/simulate_numpy.py, run as a child process when python3 with numpy is present); then three other
// model shapes (AR(1) with shocks, Student-t, correlated sectors) on 1 thread and 2 workers.
//
//   npx tsx bench/simulate.ts [--paths 1000000] [--years 10] [--reps 11] [--processes 5] [--no-numpy] [--out bench/results/simulate.md]
//
// The main measurement runs in `processes` fresh processes (this file with --child), as one process's
// speed can be off by up to 1.6x on this machine. Each reports, per setting, the median of `reps` timed
// runs after five warm-up runs (the warm-up also starts the worker threads, which are kept for later
// runs), the first run's time, CPU time, and the peak memory held in ArrayBuffers during one more run
// (sampled after every simulated year; the resident set size is useless here, as freed memory of earlier
// runs is reused), then numpy's time. The table gives medians over the processes, and ratios taken
// within each process.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    paths: { type: 'string', default: '1000000' },
    years: { type: 'string', default: '10' },
    reps: { type: 'string', default: '11' },
    'no-numpy': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/simulate.md' },
    processes: { type: 'string', default: '5' },
    child: { type: 'boolean', default: false },
  },
});
const paths = Number(opt.paths),
  years = Number(opt.years),
  reps = Number(opt.reps);
// Runs before the timed ones: V8 settles on its optimised code for the kernel within a few runs (each
// worker thread compiles its own, while the other threads keep the cores busy).
const WARM_UP = 5;
const workload = {
  baseYear: 2020,
  baseValue: 1,
  toYear: 2020 + years,
  growth: new Array<number>(years).fill(0.1),
  volatility: 0.1,
  paths,
  seed: 1,
  quantiles: [0.05, 0.25, 0.5, 0.75, 0.95],
  targets: [{ year: 2020 + years, value: 2.5, comparator: 'atLeast' as const }],
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** One run: wall and CPU seconds, and two of its numbers (to show both engines agree). */
interface Run {
  wall: number;
  cpu: number;
  median: number;
  probability: number;
}
/** A setting's figures: its median run, the best and the first wall times, and peak memory. */
interface Timing extends Run {
  min: number;
  first: number;
  bytes: number;
}

/** One timed run: no forced garbage collection and no memory sampling, as a user would run it. */
async function once(workers: number): Promise<Run> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await simulate({ ...workload, workers });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return {
    wall,
    cpu: (c.user + c.system) / 1e6,
    median: r.series[0]!.quantiles[2]!.values[years - 1]!,
    probability: r.targets[0]!.probability,
  };
}

/**
 * Peak ArrayBuffer memory of one more run, after a full garbage collection (so the figure is the run's
 * own), sampled after every simulated year. Kept out of the timed runs: a forced collection sends V8's
 * background threads to work during the next run and slows it.
 */
async function peakMemory(workers: number): Promise<number> {
  gc();
  let peak = 0;
  await simulate({
    ...workload,
    workers,
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    },
  });
  return peak;
}

/** One setting in this process: warm-up runs, then the median of `reps` timed runs, and the peak memory. */
async function measure(workers: number): Promise<Timing> {
  const first = (await once(workers)).wall; // includes compiling the kernel, and starting the workers
  for (let i = 1; i < WARM_UP; i++) await once(workers);
  const runs: Run[] = [];
  for (let i = 0; i < reps; i++) runs.push(await once(workers));
  runs.sort((a, b) => a.wall - b.wall);
  return { ...runs[Math.floor(runs.length / 2)]!, min: runs[0]!.wall, first, bytes: await peakMemory(workers) };
}

interface NumpyTiming {
  seconds: number;
  min: number;
  cpu: number;
  numpy: string;
}

function numpy(): NumpyTiming | undefined {
  if (opt['no-numpy']) return undefined;
  const r = spawnSync(
    'python3',
    [resolve('bench/simulate_numpy.py'), '--paths', String(paths), '--years', String(years), '--reps', String(reps)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    console.error(`numpy reference not run: ${r.error?.message ?? r.stderr.trim().split('\n').pop()}`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as NumpyTiming;
}

/**
 * How much parallelism the machine offers right now: the speed-up of two workers running independent
 * busy loops over one worker. About 2 on an idle 2-core machine; near 1 when other processes hold a core,
 * in which case no multi-threaded code can be faster than one thread, and the 2-worker figures say so.
 */
async function parallelCapacity(): Promise<number> {
  const code =
    "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (n) => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i); parentPort.postMessage(x); });";
  const ws = [new Worker(code, { eval: true }), new Worker(code, { eval: true })];
  const run = (w: Worker, n: number): Promise<unknown> =>
    new Promise((r) => {
      w.once('message', r);
      w.postMessage(n);
    });
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
  return median(walls);
}

// Other model shapes on the same paths and years: the workers' speed-up should not depend on the model.
const growth = workload.growth;
const shapes: { name: string; run: (workers: number) => Promise<unknown> }[] = [
  {
    name: 'AR(1) persistence 0.5, mean uncertainty 0.02, rare shocks (5 % a year, -10 %)',
    run: (workers) =>
      simulate({
        ...workload,
        workers,
        persistence: 0.5,
        meanUncertainty: 0.02,
        rareShock: { probability: 0.05, size: -0.1 },
      }),
  },
  {
    name: 'uncertain base: each path draws its base from a triangular [0.9, 1.2]',
    run: (workers) =>
      simulate({ ...workload, workers, baseDraw: { lower: 0.9, upper: 1.2, distribution: 'triangular' } }),
  },
  {
    name: 'Student-t deviations, 5 degrees of freedom',
    run: (workers) => simulate({ ...workload, workers, distribution: 'studentT', degreesOfFreedom: 5 }),
  },
  {
    name: 'two sectors correlated 0.5, and their total (three series)',
    run: (workers) =>
      simulateSectors({
        baseYear: 2020,
        toYear: 2020 + years,
        paths,
        seed: 1,
        quantiles: workload.quantiles,
        workers,
        correlation: [
          [1, 0.5],
          [0.5, 1],
        ],
        sectors: [
          { id: 'a', baseValue: 0.6, growth, volatility: 0.1 },
          { id: 'b', baseValue: 0.4, growth, volatility: 0.2 },
        ],
        targets: [{ year: 2020 + years, value: 2.5, comparator: 'atLeast' }],
      }),
  },
];

/** What one process measures: both engines and numpy, one after the other. */
interface ProcessResult {
  one: Timing;
  two: Timing;
  np: NumpyTiming | undefined;
}

if (opt.child) {
  // Each setting's runs one after the other: alternating them made the worker runs pay for collecting the
  // one-thread runs' buffers (measured: 0.080 s instead of 0.064 s).
  const result: ProcessResult = { one: await measure(1), two: await measure(2), np: numpy() };
  console.log(JSON.stringify(result));
  process.exit(0);
}

/**
 * Runs the measurement in `processes` fresh processes, one after the other. The same code runs at two
 * speeds from one process to the next on this machine (even a plain table-lookup loop: up to 1.6x, seen
 * here), so one process's figures can mislead; the ratios below pair figures from the same process.
 */
function measureInProcesses(n: number): ProcessResult[] {
  const self = fileURLToPath(import.meta.url);
  const args = [
    '--import',
    'tsx',
    self,
    '--child',
    '--paths',
    String(paths),
    '--years',
    String(years),
    '--reps',
    String(reps),
    ...(opt['no-numpy'] ? ['--no-numpy'] : []),
  ];
  const results: ProcessResult[] = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`bench/simulate.ts --child failed (exit ${r.status ?? r.signal})`);
    results.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as ProcessResult);
  }
  return results;
}

const load0 = loadavg()[0]!;
const capacity0 = await parallelCapacity();
const runs = measureInProcesses(Number(opt.processes));
/** A setting's figures over the processes: medians, the best run, the largest memory. */
const across = (pick: (r: ProcessResult) => Timing): Timing & { each: number[] } => {
  const ts = runs.map(pick);
  return {
    wall: median(ts.map((t) => t.wall)),
    min: Math.min(...ts.map((t) => t.min)),
    first: median(ts.map((t) => t.first)),
    cpu: median(ts.map((t) => t.cpu)),
    bytes: Math.max(...ts.map((t) => t.bytes)),
    median: ts[0]!.median,
    probability: ts[0]!.probability,
    each: ts.map((t) => t.wall),
  };
};
const one = across((r) => r.one);
const two = across((r) => r.two);
const withNumpy = runs.filter((r) => r.np !== undefined);
const np =
  withNumpy.length > 0
    ? {
        numpy: withNumpy[0]!.np!.numpy,
        seconds: median(withNumpy.map((r) => r.np!.seconds)),
        min: Math.min(...withNumpy.map((r) => r.np!.min)),
        cpu: median(withNumpy.map((r) => r.np!.cpu)),
      }
    : undefined;
/** Median over the processes of a ratio taken within each process. */
const ratio = (f: (r: ProcessResult) => number | undefined): string => {
  const xs = runs.map(f).filter((x): x is number => x !== undefined);
  return xs.length > 0 ? median(xs).toFixed(2) : 'n/a';
};
const sameSeed = runs.every(
  (r) =>
    r.one.median === runs[0]!.one.median && r.two.median === r.one.median && r.two.probability === r.one.probability,
);
const shapeRows: string[] = [];
for (const shape of shapes) {
  const a = await medianWall(() => shape.run(1), 3, 7);
  const b = await medianWall(() => shape.run(2), 3, 7);
  shapeRows.push(`| ${shape.name} | ${a.toFixed(3)} | ${b.toFixed(3)} | ${(a / b).toFixed(2)}x |`);
}
const capacity1 = await parallelCapacity();
const pathYears = paths * years;
const ns = (t: Timing): string => ((t.wall / pathYears) * 1e9).toFixed(1);
const mib = (b: number): string => (b / 2 ** 20).toFixed(0);
const rows = [
  `| engine | wall, median (s) | each process (s) | wall, best (s) | first run (s) | ns per path-year (median) | CPU, all threads (s) | peak ArrayBuffer memory (MiB) | wall vs numpy | CPU vs numpy |`,
  `|---|---|---|---|---|---|---|---|---|---|`,
  `| simulate, 1 thread | ${one.wall.toFixed(3)} | ${one.each.map((x) => x.toFixed(3)).join(', ')} | ${one.min.toFixed(3)} | ${one.first.toFixed(3)} | ${ns(one)} | ${one.cpu.toFixed(3)} | ${mib(one.bytes)} | ${ratio((r) => r.np && r.one.wall / r.np.seconds)} | ${ratio((r) => r.np && r.one.cpu / r.np.cpu)} |`,
  `| simulate, 2 workers | ${two.wall.toFixed(3)} | ${two.each.map((x) => x.toFixed(3)).join(', ')} | ${two.min.toFixed(3)} | ${two.first.toFixed(3)} | ${ns(two)} | ${two.cpu.toFixed(3)} | ${mib(two.bytes)} | ${ratio((r) => r.np && r.two.wall / r.np.seconds)} | ${ratio((r) => r.np && r.two.cpu / r.np.cpu)} |`,
  ...(np
    ? [
        `| numpy ${np.numpy}, vectorised | ${np.seconds.toFixed(3)} | ${withNumpy.map((r) => r.np!.seconds.toFixed(3)).join(', ')} | ${np.min.toFixed(3)} | | ${((np.seconds / pathYears) * 1e9).toFixed(1)} | ${np.cpu.toFixed(3)} | | 1.00 | 1.00 |`,
      ]
    : []),
];
const md = [
  '## Monte Carlo engine',
  '',
  `Command: \`npx tsx bench/simulate.ts\` (${paths.toLocaleString('en')} paths x ${years} years, 5 quantiles per year, mean, sd and one`,
  `attainment probability; in each of ${runs.length} fresh processes, the median of ${reps} runs after ${WARM_UP} warm-up runs, then the`,
  `same workload in numpy; the table gives the median over the processes; ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'},`,
  `Node ${process.version}, load average ${load0.toFixed(1)} at the start). Parallel capacity (speed-up of two workers on independent`,
  `busy loops; 2.0 on an idle 2-core machine): ${capacity0.toFixed(2)} before and ${capacity1.toFixed(2)} after the runs.`,
  '',
  ...rows,
  '',
  `2 workers vs 1 thread: ${ratio((r) => r.one.wall / r.two.wall)}x (median over the processes of the ratio within each), ${(one.min / two.min).toFixed(2)}x (best runs).`,
  `Same seed, same numbers on both engines ${sameSeed ? 'in every process' : '(NOT in every process: a bug)'}: median level in year ${years} ${one.median},`,
  `P(level >= 2.5) ${one.probability}.`,
  'Memory grows with paths only: the level of every path, 8 bytes a path on one thread, and 24 on workers (three',
  'years of levels, so they can run ahead of the summary), plus the quantile counts (about 1 byte a path per thread).',
  '"first run": the first run of the process, which also compiles the kernel (and, on workers, starts the threads,',
  'each compiling its own copy while the others keep the cores busy); later runs reuse both.',
  '"vs numpy": our time over numpy\'s on the same workload, timed by the same process right after (below 1 is',
  'faster), median over the processes. The same code runs at two speeds from one process to the next on this',
  'machine (a plain table-lookup loop too, up to 1.6x), hence several processes; within a process the',
  'comparisons hold.',
  '',
  `Other model shapes, same paths, years, quantiles and target (one more process; median of 7 runs after 3 warm-up runs each):`,
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
