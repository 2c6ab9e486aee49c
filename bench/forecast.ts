// M3 yearly benchmark of the forecasting methods: accuracy (sMAPE, MASE, OWA), interval quality (80 % and
// 95 % coverage, MSIS) and speed, next to R's forecast package on the same 645 series.
//
//   npx tsx bench/forecast.ts [--methods naive,theta,…] [--calibrated all|none|a,b] [--reps 3] [--no-r]
//                             [--data <m3-yearly folder>] [--out bench/results/forecast.md]
//                             [--sections all|none|short,growth,calibration,boxcox]
// The sections (issue 14): M3 cut to 7 and 8 points, the synthetic growth set and the M3 fast growers, calibrated
// intervals (coverage and cost), Box-Cox forecasts against R run in the same process tree.
//
// Reads the shared benchmark data only (never shipped, never read by the library). When Rscript with the
// forecast package is installed, r-reference.R runs on the same data in the same process tree and the
// measured speed ratio is printed next to the one from R's stored reference timings.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { csvParse } from 'd3-dsv';
import { forecastMethods } from '../src/forecast/methods.js';
import { defaultCombination, defaultMethod } from '../src/forecast/defaultForecast.js';
import { naive } from '../src/forecast/naive.js';
import { calibrate } from '../src/forecast/calibrate.js';
import type { ForecastMethod } from '../src/forecast/types.js';
import { loadM3, loadRSummary, M3_DIR, type RSummary } from './lib/m3.js';
import { evaluate, type Evaluation } from './lib/evaluate.js';
import { boxCoxSection, calibrationSection, growthSection, shortSection } from './lib/sections.js';
import { table } from './lib/markdown.js';

const { values: opt } = parseArgs({
  options: {
    methods: { type: 'string' },
    calibrated: { type: 'string', default: 'all' },
    reps: { type: 'string', default: '3' },
    'no-r': { type: 'boolean', default: false },
    data: { type: 'string', default: M3_DIR },
    out: { type: 'string', default: 'bench/results/forecast.md' },
    sections: { type: 'string', default: 'all' },
  },
});
const reps = Number(opt.reps);
const dataDir = resolve(opt.data as string);

// our method name → R's name in r-forecast-summary.csv
const R_NAME: Record<string, string> = {
  naive: 'naive',
  drift: 'rwf_drift',
  ses: 'ses',
  holt: 'holt',
  damped: 'damped',
  theta: 'theta',
  ets: 'ets',
  comb: 'comb',
  arima: 'arima',
};

const registry: Record<string, ForecastMethod> = { ...forecastMethods, default: defaultMethod };
const names = opt.methods ? String(opt.methods).split(',') : Object.keys(registry);
for (const n of names)
  if (!registry[n]) throw new Error(`unknown method ${n}; have ${Object.keys(registry).join(', ')}`);
// The default's intervals are calibrated already: it gets no -cal row.
const calNames = (
  opt.calibrated === 'all' ? names : opt.calibrated === 'none' ? [] : String(opt.calibrated).split(',')
).filter((n) => n !== 'default');

const loadStart = loadavg()[0] ?? 0;
const data = loadM3(dataDir);
const rRef = loadRSummary(dataDir);
console.log(
  `M3 yearly: ${data.length} series, horizon 6; node ${process.version}; ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}; load ${loadavg()[0]?.toFixed(2)}`,
);

const runs: { name: string; base: string; calibrated: boolean; ev: Evaluation }[] = [];
for (const [list, cal] of [
  [names, false],
  [calNames, true],
] as const) {
  for (const n of list) {
    const method = cal ? calibrate(registry[n] as ForecastMethod) : (registry[n] as ForecastMethod);
    const ev = evaluate(data, method, { horizon: 6, reps: cal ? 1 : reps, fallback: naive });
    runs.push({ name: method.name, base: n, calibrated: cal, ev });
    console.log(
      `  ${method.name.padEnd(14)} sMAPE ${ev.smape.toFixed(3)}  MASE ${ev.mase.toFixed(3)}  cover95 ${ev.cover95.toFixed(3)}  ${ev.msPerSeries.toFixed(3)} ms/series${ev.fallbacks ? `  (${ev.fallbacks} fallbacks to naive)` : ''}`,
    );
  }
}
const naiveRun =
  runs.find((r) => r.name === 'naive')?.ev ?? evaluate(data, naive, { horizon: 6, reps: 1, fallback: naive });
const owaOf = (e: Evaluation) => 0.5 * (e.smape / naiveRun.smape + e.mase / naiveRun.mase);

// R measured now, when available
let rNow: Map<string, RSummary> | undefined;
let rNote = 'Rscript not run (--no-r).';
if (!opt['no-r']) {
  const check = spawnSync(
    'Rscript',
    ['-e', 'suppressPackageStartupMessages(library(forecast)); cat(as.character(packageVersion("forecast")))'],
    { encoding: 'utf8' },
  );
  if (check.status !== 0) {
    rNote =
      "Rscript with the forecast package is not installed here; speed ratios use R's stored reference timings only.";
  } else {
    const summary = join(tmpdir(), `r-m3-summary-${process.pid}.csv`);
    const script = resolve(dataDir, '../r-reference.R');
    console.log(`running R forecast ${check.stdout.trim()} on the same data (${script}) …`);
    const r = spawnSync(
      'Rscript',
      [
        script,
        'name=m3-yearly',
        `train=${join(dataDir, 'train.csv')}`,
        `test=${join(dataDir, 'test.csv')}`,
        `summary=${summary}`,
        'methods=naive,rwf_drift,ses,holt,damped,theta,ets,arima',
        `reps=${reps}`,
      ],
      { encoding: 'utf8', timeout: 20 * 60_000 },
    );
    const summaryText = existsSync(summary) ? readFileSync(summary, 'utf8') : undefined;
    rmSync(summary, { force: true });
    if (r.status === 0 && summaryText !== undefined) {
      rNow = new Map(
        csvParse(summaryText).map((row) => [
          row['method'] as string,
          {
            method: row['method'] as string,
            smape: Number(row['smape']),
            mase: Number(row['mase']),
            owa: Number(row['owa']),
            msPerSeries: Number(row['ms_per_series']),
          },
        ]),
      );
      rNote = `R ${spawnSync('Rscript', ['-e', 'cat(as.character(getRversion()))'], { encoding: 'utf8' }).stdout.trim()} with forecast ${check.stdout.trim()} measured in this run (reps=${reps}, minimum taken), single core.`;
    } else {
      rNote = `Rscript failed (${r.status}): ${(r.stderr ?? '').split('\n').slice(-3).join(' ')}`;
    }
  }
}

const f = (v: number | undefined, d = 3) => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(d));
const header = [
  'method',
  'sMAPE',
  'MASE',
  'OWA',
  'cover 80',
  'cover 95',
  'MSIS 95',
  'ms/series',
  'fallbacks',
  'R sMAPE',
  'R MASE',
  'R OWA',
  'R cover 95',
  'R MSIS',
  'R ms/series (ref)',
  'time / R (ref)',
  'R ms/series (now)',
  'time / R (now)',
];
const lines = runs.map(({ name, base, calibrated, ev }) => {
  const rName = calibrated ? undefined : R_NAME[base];
  const ref = rName ? rRef.find((x) => x.method === rName) : undefined;
  const now = rName ? rNow?.get(rName) : undefined;
  return [
    name,
    f(ev.smape),
    f(ev.mase),
    f(owaOf(ev)),
    f(ev.cover80),
    f(ev.cover95),
    f(ev.msis, 2),
    f(ev.msPerSeries),
    String(ev.fallbacks),
    f(ref?.smape),
    f(ref?.mase),
    f(ref?.owa),
    f(ref?.cover95),
    f(ref?.msis, 2),
    f(ref?.msPerSeries),
    ref ? f(ev.msPerSeries / ref.msPerSeries, 2) : '',
    f(now?.msPerSeries),
    now ? f(ev.msPerSeries / now.msPerSeries, 2) : '',
  ];
});
const md = [
  `## Forecast accuracy on M3 yearly (645 series, horizon 6)`,
  '',
  `Made with \`npx tsx bench/forecast.ts${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}\` on ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus()[0]?.model ?? ''} (${cpus().length} cores; one used), load ${loadavg()[0]?.toFixed(2)}.`,
  '',
  ...table(header, lines),
  '',
  '- sMAPE, MASE: M4 definitions, mean over series; OWA relative to our naive (= Naive2 for yearly data); coverage: share of the 3,870 held-out values inside the interval; MSIS at 95 % (alpha 0.05), scaled like MASE.',
  "- `-cal`: the same method with intervals from `calibrate()` (pooled in-sample rolling-origin errors, log scale for positive series); point forecasts are unchanged, so only coverage, MSIS and time differ. The default's own intervals are calibrate()'s (bench/intervalStudy.ts), so it has no `-cal` row.",
  `- Time: fit + forecast (80 % and 95 % intervals) per series, one core, minimum of ${reps} loops for plain methods, one loop for calibrated ones, after one untimed warm-up. "ref": R's stored timings (R 4.2.2, forecast 8.20, reference/r-forecast-summary.csv); "now": ${rNote}`,
  ...(loadStart > cpus().length
    ? [
        `- The machine was busy (1-minute load ${loadStart.toFixed(1)} on ${cpus().length} cores): absolute times are inflated; the "now" ratios, measured in the same run as R, are the fairer speed comparison.`,
      ]
    : []),
  '- R columns come from the stored reference; R reports coverage and MSIS for ets and thetaf only. A method that throws on a series falls back to naive, counted in `fallbacks` (as r-reference.R does).',
  `- Bias on M3 (mean of (forecast - actual) / actual): ${runs
    .filter((r) => !r.calibrated)
    .map((r) => `${r.name} ${(100 * r.ev.mre).toFixed(1)} %`)
    .join(', ')}.`,
  '',
  ...extraSections(),
].join('\n');

function extraSections(): string[] {
  const want = String(opt.sections);
  const on = (s: string) => want === 'all' || want.split(',').includes(s);
  const plain = Object.fromEntries(names.map((n) => [n, registry[n] as ForecastMethod]));
  const out: string[] = [];
  if (on('short')) out.push(...shortSection(data, plain));
  if (on('growth')) out.push(...growthSection(data, plain));
  if (on('calibration')) {
    const cal = ['theta', 'drift', 'ets', 'damped', 'naive', 'logTrend', 'dotm'].filter((n) => registry[n]);
    // The default's own intervals are calibrate()'s: its row compares them with its combination's mean bounds.
    const rows = {
      default: defaultCombination,
      ...Object.fromEntries(cal.map((n) => [n, registry[n] as ForecastMethod])),
    };
    out.push(...calibrationSection(data, rows));
  }
  if (on('boxcox') && !opt['no-r']) out.push(...boxCoxSection(dataDir, data));
  // The records of how the default was chosen (bench/defaultStudy.ts), why no candidate met both bias targets
  // (bench/growthConflict.ts) and how calibrate() scales its errors (bench/calibrationStudy.ts), kept with the figures.
  for (const file of ['./forecast-candidates.md', './growth-conflict.md', './calibration-candidates.md']) {
    const study = new URL(file, import.meta.url);
    if (existsSync(study)) out.push(readFileSync(study, 'utf8').trim(), '');
  }
  out.push(
    `Load (1-minute average) at the start ${loadStart.toFixed(2)}, at the end ${(loadavg()[0] ?? 0).toFixed(2)}, on ${cpus().length} cores.`,
    '',
  );
  return out;
}
console.log('\n' + md);
const outPath = resolve(opt.out as string);
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, md);
console.log(`wrote ${outPath}`);
