// mean and logTrend intervals on short series (issue 14, point 1): how three rules for the errors cover the
// held-out M3 yearly values and the synthetic growth set. Every rule keeps the point forecasts (the mean; the
// least-squares log trend) and the t quantile (n - 1; n - 2 degrees of freedom); they differ in the forecast
// error variance:
// - independent errors: meanf's s^2 (1 + 1/n), the regression's s^2 (1 + 1/n + (t - tbar)^2 / Sxx) (R's);
// - AR(1) errors with rho = r1, the residuals' lag-1 autocorrelation (0 when r1 <= 0), the textbook
//   Cochrane-Orcutt / Prais-Winsten estimate;
// - AR(1) errors with rho from r1 corrected for its small-sample bias (ar1Rho: the rho whose expected r1
//   for the fitted design equals the observed one; 0 when r1 <= 0): what `mean` and `logTrend` ship under
//   10 points. The study checks that its numbers equal the methods' own at n = 7 and 8.
// The AR(1) variance is the exact one of the least-squares forecast's error (src/forecast/internal/ar1Variance.ts),
// never below the independent-error one; every interval is held within the range bound, as the methods do.
// Lengths 12 and all are for the record: the methods use the AR(1) variance under 10 points only.
//
//   npx tsx bench/shortIntervalsStudy.ts [--out bench/short-intervals.md]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { msis } from '../src/forecast/accuracy/msis.js';
import { mean } from '../src/forecast/mean.js';
import { logTrend } from '../src/forecast/logTrend.js';
import { boundIntervals } from '../src/forecast/internal/common.js';
import { ar1ForecastVariance, ar1Rho, residualAcf1 } from '../src/forecast/internal/ar1Variance.js';
import { tQuantile } from '../src/forecast/internal/normalAndStudentT.js';
import type { ForecastMethod } from '../src/forecast/types.js';
import { series } from '../src/series/series.js';
import { growthTasks } from './lib/growthSet.js';
import { loadM3 } from './lib/m3.js';
import { table } from './lib/markdown.js';

const { values: opt } = parseArgs({ options: { out: { type: 'string', default: 'bench/short-intervals.md' } } });

type Kind = 'mean' | 'logTrend';
type Rule = 'independent' | 'r1' | 'bias-corrected';
const RULES: readonly Rule[] = ['independent', 'r1', 'bias-corrected'];
const RULE_NAMES: Record<Rule, string> = {
  independent: "independent errors (R's)",
  r1: 'AR(1), rho = r1',
  'bias-corrected': 'AR(1), rho bias-corrected (shipped under 10 points)',
};

/** 80 % and 95 % intervals of one rule for the years after t, on the data's scale, range-bounded. */
function intervals(kind: Kind, y: readonly number[], t: readonly number[], h: number, rule: Rule) {
  const n = y.length;
  const z = kind === 'logTrend' ? y.map(Math.log) : [...y];
  const tb = t.reduce((a, b) => a + b, 0) / n;
  const cols = kind === 'logTrend' ? [t.map(() => 1), t.map((v) => v - tb)] : [t.map(() => 1)];
  const zb = z.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (t[i]! - tb) ** 2;
    sxy += (t[i]! - tb) * (z[i]! - zb);
  }
  const b = kind === 'logTrend' ? sxy / sxx : 0;
  const e = z.map((v, i) => v - zb - b * (t[i]! - tb));
  const rss = e.reduce((a, v) => a + v * v, 0);
  const k = cols.length;
  const r1 = residualAcf1(t, e);
  const rho = rule === 'independent' ? 0 : rule === 'r1' ? Math.max(0, r1) : ar1Rho(t, cols, r1);
  const fut = Array.from({ length: h }, (_, j) => {
    const time = t[n - 1]! + j + 1;
    return { time, x: kind === 'logTrend' ? [1, time - tb] : [1] };
  });
  const v0 = fut.map(({ x }) => (rss / (n - k)) * (1 + 1 / n + (kind === 'logTrend' ? x[1]! ** 2 / sxx : 0)));
  const v = rho > 0 ? ar1ForecastVariance(t, cols, rss, rho, fut).map((vh, j) => Math.max(v0[j]!, vh)) : v0;
  const mu = fut.map(({ x }) => (kind === 'logTrend' ? zb + b * x[1]! : zb));
  const back = (u: number) => (kind === 'logTrend' ? Math.exp(u) : u);
  const mean = mu.map(back);
  const ivs = [0.8, 0.95].map((level) => {
    const q = tQuantile(0.5 + level / 2, n - k);
    return {
      level,
      lower: mu.map((m, j) => back(m - q * Math.sqrt(v[j]!))),
      upper: mu.map((m, j) => back(m + q * Math.sqrt(v[j]!))),
    };
  });
  return { mean, intervals: boundIntervals(y, mean, ivs) };
}

interface Task {
  readonly y: readonly number[];
  readonly t: readonly number[];
  readonly test: readonly number[];
}

function score(kind: Kind, tasks: readonly Task[], rule: Rule) {
  let in80 = 0;
  let in95 = 0;
  let pts = 0;
  let ms = 0;
  let scored = 0;
  for (const { y, t, test } of tasks) {
    const { intervals: iv } = intervals(kind, y, t, test.length, rule);
    test.forEach((v, j) => {
      if (v >= iv[0]!.lower[j]! && v <= iv[0]!.upper[j]!) in80++;
      if (v >= iv[1]!.lower[j]! && v <= iv[1]!.upper[j]!) in95++;
    });
    pts += test.length;
    try {
      ms += msis(test, iv[1]!.lower, iv[1]!.upper, { history: y, level: 0.95 });
      scored++;
    } catch {
      // a constant history has no MSIS scale
    }
  }
  return { c80: (100 * in80) / pts, c95: (100 * in95) / pts, msis: ms / scored };
}

/** The shipped rule must give the methods' own intervals (95 %, default options). */
function check(kind: Kind, m: ForecastMethod, tasks: readonly Task[]): number {
  let worst = 0;
  for (const { y, t, test } of tasks) {
    const s = series({ id: 'x', unit: 'other', years: [...t], values: [...y] });
    const f = m.forecast(m.fit(s), t.at(-1)! + test.length, { levels: [0.95] });
    const mine = intervals(kind, y, t, test.length, 'bias-corrected').intervals[1]!;
    f.intervals[0]!.upper.forEach((u, j) => {
      worst = Math.max(worst, Math.abs(u - mine.upper[j]!) / Math.max(1, Math.abs(u)));
    });
  }
  return worst;
}

const m3 = loadM3();
const cut = (n: number): Task[] =>
  m3.map((d) => ({
    y: n === 0 ? [...d.train.values] : d.train.values.slice(-n),
    t: n === 0 ? [...d.train.years] : d.train.years.slice(-n),
    test: d.test,
  }));
const lengths = [7, 8, 12, 0];
const synthetic: Task[] = growthTasks().map((g) => ({ y: [...g.train.values], t: [...g.train.years], test: g.test }));
const rows: string[][] = [];
for (const [kind, m] of [
  ['mean', mean],
  ['logTrend', logTrend],
] as const) {
  for (const n of [7, 8]) {
    const worst = check(kind, m, cut(n));
    console.log(
      `${kind} n=${n}: largest relative difference from the method's own 95 % upper bounds ${worst.toExponential(1)}`,
    );
    if (worst > 1e-9) throw new Error(`${kind}: the study's shipped rule differs from the method at n = ${n}`);
  }
  for (const rule of RULES) {
    const cells = lengths.map((n) => score(kind, cut(n), rule));
    const syn = kind === 'logTrend' ? score(kind, synthetic, rule) : undefined;
    rows.push([
      kind,
      RULE_NAMES[rule],
      ...cells.map((c) => `${c.c95.toFixed(1)} / ${c.msis.toFixed(2)}`),
      syn === undefined ? '' : `${syn.c95.toFixed(1)}`,
    ]);
    console.log(rows.at(-1)!.join(' | '));
  }
}
const header = ['method', 'errors', 'n=7', 'n=8', 'n=12', 'all', 'synthetic cover 95'];
const md = [
  '### mean and logTrend on short series: intervals under autocorrelated errors (issue 14)',
  '',
  `Made with \`npx tsx bench/shortIntervalsStudy.ts\` (${new Date().toISOString().slice(0, 10)}). Cells: 95 % coverage (%) / mean MSIS at 95 % of the held-out M3 yearly values (horizon 6), the history cut to its last n values or whole; synthetic: the growth set of bench/lib/growthSet.ts (480 forecasts, 6-9 years each, horizon 3). Point forecasts and t quantiles are the same in every row; the AR(1) rows use the exact variance of the least-squares forecast's error under AR(1) errors, never below the independent-error one, and every bound is held within the range bound. The methods apply the last rule under 10 observations only (so n = 12 and all are for the record; their intervals there stay R's).`,
  '',
  ...table(header, rows, 2),
  '',
].join('\n');
console.log(md);
writeFileSync(String(opt.out), md);
