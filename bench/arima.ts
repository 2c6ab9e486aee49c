// Automatic ARIMA against R's auto.arima on M3 yearly (645 series, horizon 6): the share of series where
// both choose the same model (p, d, q and drift/mean), how close the forecasts and 95 % bounds are where they
// do, and the speed of each, measured in the same run.
//
//   npx tsx bench/arima.ts [--reps 3] [--no-r] [--data <m3-yearly folder>] [--out bench/results/arima.md]
//
// With Rscript and the forecast package installed, bench/arima-r.R runs on the same data right after ours
// (same machine, same load) and its answers are compared; without them (or with --no-r) the answers come
// from the committed fixture test/forecast/fixtures/arima-m3-r.csv and no speed ratio is given.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { csvParse } from 'd3-dsv';
import { arima } from '../src/forecast/arima.js';
import type { Forecast } from '../src/forecast/types.js';
import { loadM3, M3_DIR } from './lib/m3.js';

const { values: opt } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    'no-r': { type: 'boolean', default: false },
    data: { type: 'string', default: M3_DIR },
    out: { type: 'string', default: 'bench/results/arima.md' },
  },
});
const reps = Math.max(1, Number(opt.reps));
const dataDir = resolve(opt.data as string);
const H = 6;
const fixture = new URL('../test/forecast/fixtures/arima-m3-r.csv', import.meta.url).pathname;
const rScript = new URL('./arima-r.R', import.meta.url).pathname;

const data = loadM3(dataDir);
const load0 = loadavg()[0] ?? 0;
console.log(
  `M3 yearly: ${data.length} series; node ${process.version}; ${cpus().length} cores; load ${load0.toFixed(2)}`,
);

// Ours: fit + forecast with a 95 % interval, every series, fastest of `reps` loops after a warm-up.
const run = () => data.map((d) => arima.forecast(arima.fit(d.train), d.train.years.at(-1)! + H, { levels: [0.95] }));
run();
let ours: Forecast[] = [];
let best = Infinity;
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  ours = run();
  best = Math.min(best, performance.now() - t0);
}
const oursMs = best / data.length;
console.log(`  ours: ${(best / 1000).toFixed(2)} s (${oursMs.toFixed(3)} ms/series, fastest of ${reps})`);

// R, in the same run when it is installed.
let refPath = fixture;
let rMs: number | undefined;
let rNote = 'R not run (--no-r); R answers from the committed fixture.';
if (!opt['no-r']) {
  const check = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(forecast))'], { encoding: 'utf8' });
  if (check.status !== 0) {
    rNote = 'Rscript with the forecast package is not installed; R answers from the committed fixture, no speed ratio.';
  } else {
    const out = join(tmpdir(), `arima-r-${process.pid}.csv`);
    console.log('  running R auto.arima on the same data …');
    const r = spawnSync('Rscript', [rScript, `train=${join(dataDir, 'train.csv')}`, `out=${out}`, `reps=${reps}`], {
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    const m = /\(([\d.]+) ms\/series/.exec(r.stdout ?? '');
    if (r.status === 0 && m && existsSync(out)) {
      refPath = out;
      rMs = Number(m[1]);
      rNote = (r.stdout ?? '').trim();
      console.log(`  ${rNote}`);
    } else {
      rmSync(out, { force: true });
      rNote = `Rscript failed (${r.status}): ${(r.stderr ?? '').split('\n').slice(-3).join(' ')}; R answers from the fixture.`;
    }
  }
}
const load1 = loadavg()[0] ?? 0;

// Compare.
const ref = new Map(csvParse(readFileSync(refPath, 'utf8')).map((row) => [row['id'] as string, row]));
if (refPath !== fixture) rmSync(refPath, { force: true }); // this run's R output, read: not left in the temporary folder
let same = 0;
let worstMean = 0;
let worstBound = 0;
let over = 0;
const differ: string[] = [];
const byModel = new Map<string, number>();
data.forEach((d, i) => {
  const f = ours[i]!;
  const r = ref.get(d.id);
  if (!r) throw new Error(`no R answer for ${d.id}`);
  byModel.set(
    f.method.replace(/\(\d,(\d),\d\)/, '(p,$1,q)'),
    (byModel.get(f.method.replace(/\(\d,(\d),\d\)/, '(p,$1,q)')) ?? 0) + 1,
  );
  if (f.method !== r['model']) {
    differ.push(`${d.id} (n = ${d.train.values.length}): ours ${f.method}, R ${r['model']}`);
    return;
  }
  same++;
  let worst = 0;
  for (let h = 0; h < H; h++) {
    const rel = (got: number, key: string) => {
      const want = Number(r[key]);
      return Math.abs(got - want) / Math.max(Math.abs(want), 1e-9);
    };
    worstMean = Math.max(worstMean, rel(f.mean[h]!, `mean${h + 1}`));
    const b = Math.max(rel(f.intervals[0]!.lower[h]!, `lo${h + 1}`), rel(f.intervals[0]!.upper[h]!, `hi${h + 1}`));
    worstBound = Math.max(worstBound, b);
    worst = Math.max(worst, rel(f.mean[h]!, `mean${h + 1}`), b);
  }
  if (worst > 1e-4) over++;
});

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
const md = [
  '## Automatic ARIMA on M3 yearly against R (645 series, horizon 6)',
  '',
  `Made with \`npx tsx bench/arima.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus()[0]?.model ?? ''} (${cpus().length} cores; one used); 1-minute load ${load0.toFixed(2)} before, ${load1.toFixed(2)} after.`,
  '',
  '| measure | value |',
  '| --- | ---: |',
  `| same model as R (p, d, q, drift/mean) | ${same} / ${data.length} (${pct(same, data.length)}) |`,
  `| largest relative difference of a point forecast, where the models agree | ${worstMean.toExponential(2)} |`,
  `| largest relative difference of a 95 % bound, where the models agree | ${worstBound.toExponential(2)} |`,
  `| series with a difference over 1e-4 | ${over} |`,
  `| ours, ms/series (fit + forecast, fastest of ${reps}) | ${oursMs.toFixed(3)} |`,
  `| R auto.arima + forecast, ms/series (same run) | ${rMs === undefined ? 'not measured' : rMs.toFixed(3)} |`,
  `| time ours / R | ${rMs === undefined ? '' : (oursMs / rMs).toFixed(3)} |`,
  '',
  `- R: ${rNote}`,
  `- Models chosen (ours): ${[...byModel]
    .sort((a, b) => b[1] - a[1])
    .map(([m, c]) => `${m} ${c}`)
    .join(', ')}.`,
  `- Series where the models differ: ${differ.length ? differ.join('; ') : 'none'}.`,
  ...(load0 > cpus().length
    ? [
        `- The machine was busy (load ${load0.toFixed(1)} on ${cpus().length} cores): absolute times are inflated; the ratio, with both measured in this run, is the fairer comparison.`,
      ]
    : []),
  '',
].join('\n');
console.log(`\n${md}`);
const outPath = resolve(opt.out as string);
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, md);
console.log(`wrote ${outPath}`);
