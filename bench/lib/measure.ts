// Timing helper for micro-benchmarks: each case is a loop body `(n) => checksum` that makes n calls and returns
// a number depending on every result (so the JIT cannot drop the work). Cases are warmed up, calibrated to a
// minimum run time, then timed round-robin (reference, case 1, case 2, …, repeated `runs` times) so that a
// change in machine load hits every case alike. Speed is reported as the median ns per call and as the median
// of the per-round ratios to the reference measured in the same run.
import { cpus, loadavg } from 'node:os';

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
