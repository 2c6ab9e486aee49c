// Further sections of bench/forecast.ts (issue 14): short series, the synthetic growth set, the M3 series that
// grew fast, calibration, Box-Cox against R in the same run. Bench helpers; nothing here is shipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { series } from '../../src/series/series.js';
import { naive } from '../../src/forecast/naive.js';
import { calibrate } from '../../src/forecast/calibrate.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { forecastMethods } from '../../src/forecast/methods.js';
import { RANGE_BOUND } from '../../src/forecast/internal/common.js';
import type { ForecastMethod } from '../../src/forecast/types.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { M3Series } from './m3.js';
import { growthTasks } from './growthSet.js';
import { table } from './markdown.js';

const f = (v: number | undefined, d = 3) => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(d));
const pct = (v: number, d = 1) => `${(100 * v).toFixed(d)} %`;

/**
 * Validation inside the training data, never the held-out values: for each series the histories ending 6 and 9
 * years before its training data ends, each with the next 6 training years as its test (horizon 6). The rule
 * that chose the default's point forecasts (bench/defaultStudy.ts) and its intervals (bench/intervalStudy.ts).
 */
export function validationSet(data: readonly M3Series[]): M3Series[] {
  return data.flatMap((d) =>
    [6, 9].map((k) => {
      const n = d.train.values.length;
      return {
        id: d.id,
        train: series({
          id: d.id,
          unit: 'other',
          years: d.train.years.slice(0, n - k),
          values: d.train.values.slice(0, n - k),
        }),
        test: d.train.values.slice(n - k, n - k + 6),
      };
    }),
  );
}

/** M3 yearly cut to its last n training values (same held-out values). */
export function cutM3(data: readonly M3Series[], n: number): M3Series[] {
  return data.map((d) => ({
    ...d,
    train: series({ id: d.id, unit: 'other', years: d.train.years.slice(-n), values: d.train.values.slice(-n) }),
  }));
}

/** The M3 series whose compound growth was above `rate` a year: over the training data, or over all their data. */
export function fastGrowers(data: readonly M3Series[], rate: number, over: 'train' | 'all'): M3Series[] {
  return data.filter((d) => {
    const v = over === 'train' ? d.train.values : [...d.train.values, ...d.test];
    return v[0]! > 0 && v.at(-1)! > 0 && (v.at(-1)! / v[0]!) ** (1 / (v.length - 1)) - 1 > rate;
  });
}

const ev = (data: readonly M3Series[], m: ForecastMethod, horizon = 6): Evaluation =>
  evaluate(data, m, { horizon, reps: 1, fallback: naive });

/** Coverage of every method on M3 yearly cut to its last 7 and 8 points. */
export function shortSection(data: readonly M3Series[], methods: Record<string, ForecastMethod>): string[] {
  const cuts = [7, 8].map((n) => ({ n, d: cutM3(data, n) }));
  const rows = Object.entries(methods).map(([name, m]) => {
    const r = cuts.map(({ d }) => ev(d, m));
    return [name, ...r.flatMap((e) => [f(e.smape), pct(e.cover80), pct(e.cover95)]), ...r.map((e) => pct(e.mre))];
  });
  console.log(`short series: ${rows.map((r) => `${r[0]} ${r[3]}/${r[6]}`).join(', ')}`);
  return [
    '### Short series: M3 yearly cut to its last 7 and 8 points (same held-out values, horizon 6)',
    '',
    ...table(
      [
        'method',
        'sMAPE n=7',
        'cover 80 n=7',
        'cover 95 n=7',
        'sMAPE n=8',
        'cover 80 n=8',
        'cover 95 n=8',
        'bias n=7',
        'bias n=8',
      ],
      rows,
    ),
    '',
    "At 8 points or fewer Holt, at 9 or fewer damped, and at 6 or fewer SES, Theta's SES and automatic ETS are classical Holt-Winters fits, as R makes them. Bias: mean of (forecast - actual) / actual.",
    '',
  ];
}

/** The synthetic growth benchmark and the M3 fast growers. */
export function growthSection(data: readonly M3Series[], methods: Record<string, ForecastMethod>): string[] {
  const tasks = growthTasks();
  const rates = [...new Set(tasks.map((t) => t.rate))];
  const byTrain = fastGrowers(data, 0.08, 'train');
  const byAll = fastGrowers(data, 0.08, 'all');
  const rows = Object.entries(methods).map(([name, m]) => {
    const per = rates.map((r) => ev(tasks.filter((t) => t.rate === r) as unknown as M3Series[], m, 3));
    const all = ev(tasks as unknown as M3Series[], m, 3);
    const a = ev(byTrain, m),
      b = ev(byAll, m);
    return [
      name,
      pct(all.mre),
      pct(all.cover95),
      ...per.map((e) => `${pct(e.mre)} / ${pct(e.cover95, 0)}`),
      `${pct(a.mre)} / ${pct(a.cover95, 0)}`,
      `${pct(b.mre)} / ${pct(b.cover95, 0)}`,
    ];
  });
  console.log(`growth: ${rows.map((r) => `${r[0]} ${r[1]}/${r[2]}`).join(', ')}`);
  return [
    `### Compounding series: bias and 95 % coverage`,
    '',
    ...table(
      [
        'method',
        'synthetic bias',
        'synthetic cover 95',
        ...rates.map((r) => `${Math.round(r * 100)} % a year`),
        `M3 grown > 8 %/yr in training (${byTrain.length})`,
        `M3 grown > 8 %/yr over all data (${byAll.length})`,
      ],
      rows,
    ),
    '',
    `Synthetic set (bench/lib/growthSet.ts): 30 series per rate, 12 years each, y_t = 100 (1 + rate)^t exp(e_t), e_t ~ N(0, 0.05^2), rolling origins after 6 to 9 years, horizon 3 (${tasks.length} forecasts). Bias: mean of (forecast - actual) / actual; cells read bias / 95 % coverage. M3: horizon 6 on the held-out values.`,
    '',
  ];
}

/** Calibrated intervals: coverage on M3 and the cut series, cost against the plain method in the same run. */
export function calibrationSection(data: readonly M3Series[], methods: Record<string, ForecastMethod>): string[] {
  const cut7 = cutM3(data, 7),
    cut8 = cutM3(data, 8),
    cut12 = cutM3(data, 12);
  const rows = Object.entries(methods).map(([name, m]) => {
    const c = calibrate(m);
    const plain = evaluate(data, m, { horizon: 6, reps: 1, fallback: naive });
    const cal = evaluate(data, c, { horizon: 6, reps: 1, fallback: naive });
    const cost = costRatio(data, m, c);
    return [
      name,
      pct(plain.cover95),
      pct(cal.cover95),
      pct(ev(cut7, c).cover95),
      pct(ev(cut8, c).cover95),
      pct(ev(cut12, c).cover95),
      f(cal.msis, 2),
      f(cost.plain, 4),
      f(cost.calibrated, 4),
      f(cost.calibrated / cost.plain, 1),
    ];
  });
  console.log(`calibrate: ${rows.map((r) => `${r[0]} ${r[2]} x${r[9]}`).join(', ')}`);
  return [
    '### Calibrated intervals (`calibrate(method)`): 95 % coverage and cost',
    '',
    ...table(
      [
        'method',
        'plain cover 95 (M3)',
        'calibrated cover 95 (M3)',
        'n=7',
        'n=8',
        'n=12',
        'MSIS 95 (M3)',
        'plain ms/series',
        'calibrated ms/series',
        'time / plain',
      ],
      rows,
    ),
    '',
    `Calibration refits at most 4 in-sample origins; bounds never pass [min - ${RANGE_BOUND} h R, max + ${RANGE_BOUND} h R] (R the history's range). Time: fit and forecast (80 % and 95 % intervals) of every series, each series timed alone after a warm-up, plain and calibrated in turn, its fastest of 3 to 50 turns (about 3 s in all) counted: a loop over all series is almost always interrupted on a shared machine, a single series seldom.`,
    '',
  ];
}

/**
 * Cost of calibration: ms per series of the plain and the calibrated method (fit and forecast). Each series
 * is timed alone, plain and calibrated in turn, several times, and its fastest time of each counts: on a
 * shared machine a loop over all series is almost always interrupted, a single series seldom.
 */
export function costRatio(
  data: readonly M3Series[],
  plain: ForecastMethod,
  calibrated: ForecastMethod,
): { plain: number; calibrated: number } {
  const once = (m: ForecastMethod, d: M3Series): number => {
    const t0 = performance.now();
    try {
      m.forecast(m.fit(d.train), d.train.years.at(-1)! + 6, { levels: [0.8, 0.95] });
    } catch {}
    return performance.now() - t0;
  };
  let warm = 0;
  for (const d of data) warm += once(plain, d) + once(calibrated, d);
  // about 3 s in all, at least 3 and at most 50 turns per series
  const reps = Math.max(3, Math.min(50, Math.round(3000 / warm)));
  let p = 0;
  let c = 0;
  for (const d of data) {
    let bp = Infinity;
    let bc = Infinity;
    for (let r = 0; r < reps; r++) {
      bp = Math.min(bp, once(plain, d));
      bc = Math.min(bc, once(calibrated, d));
    }
    p += bp;
    c += bc;
  }
  return { plain: p / data.length, calibrated: c / data.length };
}

/** Box-Cox forecasts against R's in the same run (naive, drift, holt, ets with lambda 0 and auto), when Rscript is here. */
export function boxCoxSection(dataDir: string, data: readonly M3Series[]): string[] {
  const script = resolve(new URL('../../scripts/r/boxcox-reference.R', import.meta.url).pathname);
  const out = join(tmpdir(), `r-boxcox-${process.pid}.csv`);
  const t0 = performance.now();
  const r = spawnSync('Rscript', [script, `train=${join(dataDir, 'train.csv')}`, `out=${out}`, 'every=1'], {
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  const rMs = performance.now() - t0;
  if (r.status !== 0 || !existsSync(out)) {
    rmSync(out, { force: true });
    return [
      '### Box-Cox against R',
      '',
      `Rscript with the forecast package did not run here (${r.status ?? r.error?.message}); see test/forecast/boxCox.test.ts for the committed reference.`,
      '',
    ];
  }
  const rows = readFileSync(out, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split(','));
  rmSync(out);
  const byId = new Map(data.map((d) => [d.id, d.train]));
  const base: Record<string, ForecastMethod> = {
    naive: forecastMethods['naive']!,
    drift: forecastMethods['drift']!,
    holt: forecastMethods['holt']!,
    ets: forecastMethods['ets']!,
  };
  const worst: Record<string, number> = {};
  let clipped = 0,
    compared = 0,
    naBoth = 0,
    naOurs = 0,
    outside = 0;
  const cache = new Map<string, ReturnType<ForecastMethod['forecast']>>();
  const t1 = performance.now();
  for (const [id, method, , h, mean, lo, hi] of rows) {
    if (method === 'lambda') continue;
    const [b, tag, adj] = method!.split('-');
    const key = `${id}/${method}`;
    let fc = cache.get(key);
    const s = byId.get(id!)!;
    if (fc === undefined && !cache.has(key)) {
      const m = withBoxCox(base[b!]!, { lambda: tag === 'log' ? 0 : 'auto', biasadj: adj === 'biasadj' });
      try {
        fc = m.forecast(m.fit(s), s.years.at(-1)! + 6, { levels: [0.95] });
      } catch {
        fc = undefined; // degenerate where R's mean is NA (lambda < 0)
      }
      cache.set(key, fc as never);
    }
    if (fc === undefined) {
      if (mean === 'NA') naBoth++;
      else naOurs++;
      continue;
    }
    const i = Number(h) - 1;
    const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(1e-12, Math.abs(y));
    const cap = Math.max(...s.values) + RANGE_BOUND * (i + 1) * (Math.max(...s.values) - Math.min(...s.values));
    const upperClipped = hi === 'NA' || Number(hi) > cap;
    if (upperClipped) clipped++;
    // R's bias-adjusted mean can fall outside R's own interval (lambda near 2, negative values); ours
    // always contains the point forecast.
    const excluded = Number(lo) > Number(mean) || Number(hi) < Number(mean);
    if (excluded) outside++;
    const e = Math.max(
      rel(fc.mean[i]!, Number(mean)),
      excluded ? 0 : rel(fc.intervals[0]!.lower[i]!, Number(lo)),
      upperClipped || excluded ? 0 : rel(fc.intervals[0]!.upper[i]!, Number(hi)),
    );
    worst[method!] = Math.max(worst[method!] ?? 0, e);
    compared++;
  }
  const ourMs = performance.now() - t1;
  console.log(`box-cox vs R: worst ${Math.max(...Object.values(worst)).toExponential(1)} over ${compared} points`);
  return [
    '### Box-Cox against R (same run)',
    '',
    ...table(
      ['R call', 'largest relative difference (mean, 95 % bounds)'],
      Object.entries(worst).map(([k, v]) => [k, v.toExponential(1)]),
    ),
    '',
    `${compared} forecasts (645 series x 6 steps x ${Object.keys(worst).length} calls) compared with R's (scripts/r/boxcox-reference.R); ${clipped} upper bounds lie past R's range bound (or are NA in R, lambda < 0) and are ours by design there. ${naBoth} forecasts are NA in R and refused (degenerate) here, ${naOurs} refused here only (a later year of the same forecast is NA in R). ${outside} bias-adjusted R means lie outside R's own interval; ours contains the point forecast, so those bounds differ by design. Whole R script ${(rMs / 1000).toFixed(1)} s (R start-up included) against ${(ourMs / 1000).toFixed(1)} s here for the same fits.`,
    '',
  ];
}
