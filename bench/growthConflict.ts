// Can one forecasting rule be unbiased both on the synthetic growth set and on the M3 yearly series that grew
// fast (issue 14, point 1)? Only if it can tell their histories apart. This study takes every M3 yearly window
// of 6 to 9 values (the synthetic set's history lengths), describes each history as the synthetic set's are
// generated (length, log-linear growth rate, residual noise around it), matches each synthetic history with
// the M3 window most like it, and compares what followed. The table it prints is bench/growth-conflict.md,
// which bench/forecast.ts copies into BENCHMARKS.md.
//
//   npx tsx bench/growthConflict.ts
import { writeFileSync } from 'node:fs';
import { series, type Series } from '../src/series/series.js';
import { forecastMethods } from '../src/forecast/methods.js';
import { withBoxCox } from '../src/forecast/withBoxCox.js';
import { ols } from '../src/forecast/internal/common.js';
import { defaultCombination } from '../src/forecast/defaultForecast.js';
import type { ForecastMethod } from '../src/forecast/types.js';
import { loadM3 } from './lib/m3.js';
import { growthTasks } from './lib/growthSet.js';
import { table } from './lib/markdown.js';
import { median } from './lib/measure.js';

const HORIZON = 3;
const { logTrend, drift, theta, arima, dotm } = forecastMethods as Record<string, ForecastMethod>;
const methods: Record<string, ForecastMethod> = {
  logTrend: logTrend!,
  'log(drift)': withBoxCox(drift!, { lambda: 0 }),
  drift: drift!,
  theta: theta!,
  arima: arima!,
  dotm: dotm!,
  default: defaultCombination,
};

/** A history described as the synthetic set is made: its length, log-linear slope and residual sd. */
interface Task {
  readonly train: Series;
  readonly test: readonly number[];
  readonly n: number;
  readonly slope: number;
  readonly noise: number;
  /** Lag-1 autocorrelation of the residuals around the line (0 expected for the synthetic set's noise). */
  readonly acf1: number;
  /** Slope of the line through the second half's logs minus the first half's (0 expected: constant growth). */
  readonly bend: number;
  readonly source: string;
}
function describe(train: Series, test: readonly number[], source: string): Task {
  const y = train.values.map(Math.log);
  const n = y.length;
  const line = (part: readonly number[]) =>
    ols(
      part.map((_, i) => i),
      part,
    );
  const { a, b: slope, s2 } = line(y);
  let lag = 0;
  for (let i = 1; i < n; i++) lag += (y[i]! - a - slope * i) * (y[i - 1]! - a - slope * (i - 1));
  const half = Math.ceil(n / 2);
  const bend = line(y.slice(n - half)).b - line(y.slice(0, half)).b;
  return { train, test, n, slope, noise: Math.sqrt(s2), acf1: s2 > 0 ? lag / (s2 * (n - 2)) : 0, bend, source };
}

const synthetic = growthTasks().map((t) => describe(t.train, t.test, t.id));
// Every window of 6-9 positive values of every M3 yearly series (training and held-out values together) with
// HORIZON values after it.
const windows: Task[] = [];
for (const d of loadM3()) {
  const v = [...d.train.values, ...d.test];
  for (let n = 6; n <= 9; n++) {
    for (let s = 0; s + n + HORIZON <= v.length; s++) {
      const w = v.slice(s, s + n + HORIZON);
      if (!w.every((x) => x > 0)) continue;
      const train = series({
        id: d.id,
        unit: 'other',
        years: w.slice(0, n).map((_, i) => 2000 + i),
        values: w.slice(0, n),
      });
      windows.push(describe(train, w.slice(n), `${d.id}@${s}`));
    }
  }
}

// Nearest M3 window of the same length, each feature in units of its spread over the synthetic set: by growth
// and noise, then also by the residuals' autocorrelation and the bend (what a gate on Durbin-Watson or on
// slowing growth reads).
const sd = (a: readonly number[]) => {
  const m = a.reduce((x, y) => x + y, 0) / a.length;
  return Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1));
};
type Feature = 'slope' | 'noise' | 'acf1' | 'bend';
function match(features: readonly Feature[]): { task: Task; dist: number }[] {
  const scale = features.map((k) => sd(synthetic.map((t) => t[k])));
  return synthetic.map((t) => {
    let best: Task | undefined;
    let dist = Infinity;
    for (const w of windows) {
      if (w.n !== t.n) continue;
      const d = features.reduce((a, k, j) => a + ((w[k] - t[k]) / (scale[j] as number)) ** 2, 0);
      if (d < dist) {
        dist = d;
        best = w;
      }
    }
    return { task: best as Task, dist: Math.sqrt(dist) };
  });
}
const matched = match(['slope', 'noise']);
const matched4 = match(['slope', 'noise', 'acf1', 'bend']);
// The M3 windows inside the synthetic set's own ranges: growth 5-35 % a year and noise no larger than its.
const [lo, hi] = [Math.log(1.05), Math.log(1.35)];
const maxNoise = Math.max(...synthetic.map((t) => t.noise));
const inBox = windows.filter((w) => w.slope >= lo && w.slope <= hi && w.noise <= maxNoise);

/** Mean relative error (forecast - actual) / actual over every task and step; how the bias is measured. */
function bias(tasks: readonly Task[], m: ForecastMethod): number {
  let sum = 0;
  let count = 0;
  for (const t of tasks) {
    const f = m.forecast(m.fit(t.train), (t.train.years.at(-1) as number) + HORIZON).mean;
    t.test.forEach((y, h) => {
      sum += ((f[h] as number) - y) / y;
      count++;
    });
  }
  return sum / count;
}
/** What followed, as a rate: the mean realised growth over the HORIZON years after the last value. */
const realised = (tasks: readonly Task[]) =>
  tasks.reduce((a, t) => a + Math.log((t.test.at(-1) as number) / (t.train.values.at(-1) as number)) / HORIZON, 0) /
  tasks.length;
const mean = (a: readonly number[]) => a.reduce((x, y) => x + y, 0) / a.length;
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const rate = (logRate: number) => pct(Math.exp(logRate) - 1);

const sets = [
  { name: 'synthetic set (480 histories)', tasks: synthetic },
  { name: 'M3 windows matched to them by growth and noise, one each', tasks: matched.map((m) => m.task) },
  { name: 'the same, matched also by autocorrelation and bend', tasks: matched4.map((m) => m.task) },
  { name: `M3 windows within the synthetic ranges (${inBox.length})`, tasks: inBox },
];
// Points of bias between the synthetic set and the M3 windows matched in all four features, over the methods.
const biases = sets.map(({ tasks }) => Object.values(methods).map((m) => bias(tasks, m)));
const gapValues = (biases[2] as number[]).map((b, j) => 100 * (b - (biases[0] as number[])[j]!));
const gaps = [Math.min(...gapValues), Math.max(...gapValues)].map((g) => g.toFixed(0));
const rows = sets.map(({ name, tasks }, i) => [
  name,
  rate(mean(tasks.map((t) => t.slope))),
  mean(tasks.map((t) => t.noise)).toFixed(3),
  mean(tasks.map((t) => t.acf1)).toFixed(2),
  mean(tasks.map((t) => t.bend)).toFixed(3),
  rate(realised(tasks)),
  ...(biases[i] as number[]).map(pct),
]);
const header = [
  'histories',
  'growth in the history',
  'noise (log sd)',
  'residual autocorrelation',
  'bend',
  'growth after',
  ...Object.keys(methods),
];
const distinct = (m: readonly { task: Task }[]) => new Set(m.map((x) => x.task.source.split('@')[0])).size;
const lines = [
  '### Why no rule met both bias targets (issue 14): the same histories, different futures',
  '',
  `Made with \`npx tsx bench/growthConflict.ts\` (${new Date().toISOString().slice(0, 10)}). Every window of 6-9 positive values of`,
  `every M3 yearly series (training and held-out values; ${windows.length} windows) is described as the synthetic set's histories`,
  'are made: its length, the slope of a least-squares line through its logs (growth), the standard deviation of',
  "the residuals (noise), their lag-1 autocorrelation and the bend (the second half's slope minus the first",
  "half's). Each of the 480 synthetic histories is matched with the M3 window of its length nearest in growth and",
  `noise (median distance ${median(matched.map((m) => m.dist)).toFixed(2)}, ${distinct(matched)} distinct series), then in all four features (median`,
  `distance ${median(matched4.map((m) => m.dist)).toFixed(2)}, ${distinct(matched4)} distinct series); each feature is counted in units of its standard deviation`,
  `over the synthetic set. Then each method forecasts ${HORIZON} years from every history; cells give the mean of`,
  '(forecast - actual) / actual, as in the compounding table. "growth after": the mean compound rate over the',
  `${HORIZON} years that followed.`,
  '',
  ...table(header, rows),
  '',
  `- Histories alike in all four features grew ${rows[0]?.[5]} a year afterwards on the synthetic set and ${rows[2]?.[5]} on M3. Every`,
  `  method's bias differs between the two by ${gaps[0]} to ${gaps[1]} points, so a rule that reads the history's shape`,
  '  (not its units) can be unbiased on one of them, not on both: logTrend and log(drift), unbiased on the synthetic set,',
  `  forecast the matched M3 windows ${rows[2]?.[6]} and ${rows[2]?.[7]} too high; the default's bias is ${rows[2]?.[12]} on them and`,
  `  ${rows[0]?.[12]} on the synthetic set. The gates tried in the table of candidates (Durbin-Watson, slowing growth,`,
  "  the log growth's t statistic) read these same features.",
  `- On M3 windows shaped like the synthetic histories the default forecasts ${rows[1]?.[12]} to ${rows[2]?.[12]} high; what these`,
  "  histories do not bear out is the synthetic set's premise, growth that stays constant.",
  '',
];
console.log(lines.join('\n'));
writeFileSync(new URL('./growth-conflict.md', import.meta.url), `${lines.join('\n')}\n`);
