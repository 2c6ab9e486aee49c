// Growth functions benchmark: the cost of cagr, compound, requiredCagr and yoyGrowth against the bare
// expression they wrap, measured in the same run. The ratio to `Math.pow(end / start, 1 / years) - 1` is the
// price of the input checks (finite numbers, domain, finite result) and of the error-friendly API.
//
//   npx tsx bench/growth.ts [--runs 15] [--run-ms 50] [--out bench/results/growth.md]
import { cagr } from '../src/growth/cagr.js';
import { compound } from '../src/growth/compound.js';
import { requiredCagr } from '../src/growth/requiredCagr.js';
import { yoyGrowth } from '../src/growth/yoyGrowth.js';
import { series, type Series } from '../src/series/series.js';
import { table } from './lib/markdown.js';
import { type BenchCase, lcg, machine, measureAndPrint, microOptions, timingRows, writeResult } from './lib/measure.js';

const opt = microOptions('bench/results/growth.md');
const { runs, runMs } = opt;

// 1024 inputs from a fixed linear congruential sequence, so the JIT cannot fold constants and every run
// sees the same numbers.
const N = 1024;
const MASK = N - 1;
const next = lcg(12345);
const START = new Float64Array(N);
const END = new Float64Array(N);
const RATE = new Float64Array(N);
const YEARS = new Float64Array(N);
const LATEST = new Array<{ year: number; value: number }>(N);
const TARGET = new Array<{ year: number; value: number }>(N);
for (let k = 0; k < N; k++) {
  START[k] = 0.1 + 10 * next();
  END[k] = 0.1 + 30 * next();
  RATE[k] = -0.2 + 0.6 * next();
  YEARS[k] = 1 + Math.floor(20 * next());
  LATEST[k] = { year: 2020, value: START[k]! };
  TARGET[k] = { year: 2020 + YEARS[k]!, value: END[k]! };
}
// Ten-year annual series for yoyGrowth (64 of them, to vary the input).
const SERIES: Series[] = [];
const RAW: Float64Array[] = [];
for (let k = 0; k < 64; k++) {
  const values = Array.from({ length: 10 }, () => 0.5 + 5 * next());
  SERIES.push(series({ id: `s${k}`, unit: 'CNY trillion', years: values.map((_, i) => 2015 + i), values }));
  RAW.push(Float64Array.from(values));
}

const reference: BenchCase = {
  name: 'bare `Math.pow(end / start, 1 / years) - 1`',
  body: (n) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const k = i & MASK;
      s += Math.pow(END[k]! / START[k]!, 1 / YEARS[k]!) - 1;
    }
    return s;
  },
};

const cases: BenchCase[] = [
  {
    name: '`cagr(start, end, years)`',
    body: (n) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const k = i & MASK;
        s += cagr(START[k]!, END[k]!, YEARS[k]!);
      }
      return s;
    },
  },
  {
    name: 'bare `start * Math.pow(1 + rate, years)`',
    body: (n) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const k = i & MASK;
        s += START[k]! * Math.pow(1 + RATE[k]!, YEARS[k]!);
      }
      return s;
    },
  },
  {
    name: '`compound(start, rate, years)`',
    body: (n) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const k = i & MASK;
        s += compound(START[k]!, RATE[k]!, YEARS[k]!);
      }
      return s;
    },
  },
  {
    name: '`requiredCagr(latest, target)`',
    body: (n) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const k = i & MASK;
        s += requiredCagr(LATEST[k]!, TARGET[k]!);
      }
      return s;
    },
  },
  {
    name: 'bare yoy loop over a 10-year Float64Array (9 rates)',
    body: (n) => {
      let s = 0;
      const out = new Float64Array(9);
      for (let i = 0; i < n; i++) {
        const v = RAW[i & 63]!;
        for (let t = 1; t < v.length; t++) out[t - 1] = v[t]! / v[t - 1]! - 1;
        s += out[8]!;
      }
      return s;
    },
  },
  {
    name: '`yoyGrowth(series)` of a 10-year series (9 rates, a new frozen Series)',
    body: (n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += yoyGrowth(SERIES[i & 63]!).values[8]!;
      return s;
    },
  },
];

/** Which bare expression each library call wraps (requiredCagr wraps cagr's). */
const OWN_BARE: Readonly<Record<string, string>> = {
  [cases[0]!.name]: reference.name,
  [cases[2]!.name]: cases[1]!.name,
  [cases[3]!.name]: reference.name,
  [cases[5]!.name]: cases[4]!.name,
};

const rows = measureAndPrint('Growth functions', reference, cases, { runs, runMs });

const date = new Date().toISOString().slice(0, 10);
const md = [
  '## Growth functions',
  '',
  `Command: \`npx tsx bench/growth.ts\` (${date}; ${machine()}). Each case makes n calls in its own loop over 1024`,
  `prepared inputs; n is doubled until a run lasts at least ${runMs} ms, every case is warmed up, then the cases run`,
  `round-robin ${runs} times. ns/call is the median over the rounds; the ratio is the median over the rounds of`,
  "the case's time divided by the reference's time in the same round, so machine load affects both sides alike.",
  '',
  ...table(
    ['case', 'ns/call (median)', 'min', 'max', 'ratio to bare cagr expression', 'ratio to its own bare form'],
    timingRows(rows, OWN_BARE, { ratio: 2, paired: 2 }),
  ),
  '',
  '- The ratio of `cagr` to the bare expression is the cost of its input checks (three finite numbers, the',
  '  domain of each, a finite result). `compound` is shown next to its own bare expression.',
  '- `yoyGrowth` does much more than the bare loop: it checks that the years are annual, validates every value,',
  '  and returns a new validated, frozen `Series` with its own id and unit; its ratio is per call, not per rate.',
  '- "Ratio to its own bare form" divides the two medians of per-round ratios, so it is approximate.',
  '- The machine is shared: the 1-minute load above is the load when the run started. Absolute ns vary with it;',
  '  the ratios, measured in the same rounds, are the figures to compare between runs.',
  '',
];
writeResult(opt.out, md);
