// Timing helper for micro-benchmarks: each case is a loop body `(n) => checksum` that makes n calls and returns
// a number depending on every result (so the JIT cannot drop the work). Cases are warmed up, calibrated to a
// minimum run time, then timed round-robin (reference, case 1, case 2, …, repeated `runs` times) so that a
// change in machine load hits every case alike. Speed is reported as the median ns per call and as the median
// of the per-round ratios to the reference measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** One thing to time: `body(n)` makes n calls and returns a checksum of their results. */
export interface BenchCase {
  readonly name: string;
  readonly body: (n: number) => number;
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Milliseconds each case runs untimed first, for the JIT. Default 300. */
  readonly warmupMs?: number;
  /** Timed rounds; the median is reported. Default 15. */
  readonly runs?: number;
  /** Minimum milliseconds of one timed run: n is doubled until a run lasts this long. Default 50. */
  readonly runMs?: number;
}

/** Timing of one case. */
export interface CaseResult {
  readonly name: string;
  /** Calls per timed run. */
  readonly calls: number;
  /** Median over the runs of ns per call. */
  readonly nsPerCall: number;
  readonly minNsPerCall: number;
  readonly maxNsPerCall: number;
  /** Median over the rounds of (this case's ns per call / the reference's in the same round). 1 for the reference. */
  readonly ratio: number;
}

/** Result of {@link measure}: the reference first, then the cases in order. */
export interface Measurement {
  readonly reference: CaseResult;
  readonly cases: readonly CaseResult[];
  readonly runs: number;
  /** Every checksum added up; print it so that no loop is dead code. */
  readonly checksum: number;
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function timeOnce(body: (n: number) => number, n: number): { ms: number; checksum: number } {
  const t0 = performance.now();
  const checksum = body(n);
  return { ms: performance.now() - t0, checksum };
}

/**
 * Times `reference` and `cases` round-robin and reports ns per call and the ratio to the reference.
 * @example
 * const m = measure({ name: 'bare', body: (n) => { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i); return s; } }, []);
 * m.reference.nsPerCall; // e.g. 0.9
 */
export function measure(reference: BenchCase, cases: readonly BenchCase[], options: MeasureOptions = {}): Measurement {
  const { warmupMs = 300, runs = 15, runMs = 50 } = options;
  const all = [reference, ...cases];
  let checksum = 0;
  // Warm up and calibrate each case: double n until one run lasts runMs, and keep warming for warmupMs.
  const calls = all.map((c) => {
    let n = 64;
    const start = performance.now();
    for (;;) {
      const t = timeOnce(c.body, n);
      checksum += t.checksum;
      if (t.ms >= runMs && performance.now() - start >= warmupMs) return n;
      if (t.ms < runMs) n *= 2;
    }
  });
  const ns: number[][] = all.map(() => []);
  const ratios: number[][] = all.map(() => []);
  for (let r = 0; r < runs; r++) {
    const round = all.map((c, i) => {
      const n = calls[i] as number;
      const t = timeOnce(c.body, n);
      checksum += t.checksum;
      return (t.ms * 1e6) / n;
    });
    round.forEach((v, i) => {
      ns[i]?.push(v);
      ratios[i]?.push(v / (round[0] as number));
    });
  }
  const results: CaseResult[] = all.map((c, i) => {
    const v = ns[i] as number[];
    return {
      name: c.name,
      calls: calls[i] as number,
      nsPerCall: median(v),
      minNsPerCall: Math.min(...v),
      maxNsPerCall: Math.max(...v),
      ratio: i === 0 ? 1 : median(ratios[i] as number[]),
    };
  });
  return { reference: results[0] as CaseResult, cases: results.slice(1), runs, checksum };
}

/** One line about the machine: Node version, CPU model, cores, and the 1-minute load average now. */
export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `Node ${process.version}, ${cpu}, ${cpus().length} cores, 1-minute load ${(loadavg()[0] ?? 0).toFixed(2)}`;
}

/** ns per call with 3 significant figures or so: 1234, 56.7, 8.90. */
export function formatNs(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/**
 * Measures the cases against the reference, prints one line per case (ns per call and ratio) and the
 * checksum, and returns the reference's and the cases' results in order.
 */
export function measureAndPrint(
  title: string,
  reference: BenchCase,
  cases: readonly BenchCase[],
  options: { runs: number; runMs: number },
): CaseResult[] {
  console.log(
    `${title}: ${options.runs} rounds of at least ${options.runMs} ms each per case, after a warm-up. ${machine()}`,
  );
  const m = measure(reference, cases, options);
  const rows = [m.reference, ...m.cases];
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows)
    console.log(`${r.name.padEnd(width)} ${formatNs(r.nsPerCall).padStart(9)} ns/call  x${r.ratio.toFixed(3)}`);
  console.log(`(checksum ${m.checksum.toPrecision(6)})`);
  return rows;
}

/**
 * The Markdown rows of a timing table: case, ns/call (median), min, max, the ratio to the reference and, for
 * the cases named in `paired`, the ratio to the case they pair with (the quotient of two medians of
 * per-round ratios, so approximate).
 */
export function timingRows(
  rows: readonly CaseResult[],
  paired: Readonly<Record<string, string>>,
  digits: { ratio: number; paired: number },
): string[][] {
  return rows.map((r) => {
    const other = paired[r.name];
    const o = other === undefined ? undefined : rows.find((x) => x.name === other);
    return [
      r.name,
      formatNs(r.nsPerCall),
      formatNs(r.minNsPerCall),
      formatNs(r.maxNsPerCall),
      r.ratio.toFixed(digits.ratio),
      o ? (r.ratio / o.ratio).toFixed(digits.paired) : '',
    ];
  });
}

/** Writes a benchmark's Markdown result (creating its folder) and says so. */
export function writeResult(path: string, lines: readonly string[]): void {
  const out = resolve(path);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n'));
  console.log(`Wrote ${path}`);
}

/** A micro-benchmark's command-line options: `--runs` (default 15), `--run-ms` (50) and `--out`. */
export function microOptions(defaultOut: string): { runs: number; runMs: number; out: string } {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '15' },
      'run-ms': { type: 'string', default: '50' },
      out: { type: 'string', default: defaultOut },
    },
  });
  return { runs: Number(values.runs), runMs: Number(values['run-ms']), out: values.out };
}

/** A fixed linear congruential sequence in [0, 1), so every run times the same inputs. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}
