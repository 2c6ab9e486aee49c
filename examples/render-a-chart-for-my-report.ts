// Question: how do I get charts of a plan's scenarios and of its Monte Carlo uncertainty into my report?
//
// This example builds two Vega-Lite charts for the built-in 14th Five-Year Plan model of the big data
// industry: the scenario trajectories with the plan's target, and a Monte Carlo fan chart with the
// probability of reaching the target. It writes each as SVG (for the web, or to edit in a vector tool)
// and PNG (for Word or slides, drawn with DejaVu Sans from fonts-dejavu-core), the Vega-Lite specs as
// JSON, and one self-contained HTML page with both charts (no network needed to open it).
// Assumptions are the model's own: base RMB 1 trillion in 2020; the high, low and shock scenarios and the
// 5-point growth volatility are illustrative, not from any document (see is-the-14th-plan-consistent.ts).
//
// Run: npx tsx examples/render-a-chart-for-my-report.ts [output-folder]   (default: a new temp folder)
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  PLAN_PERIODS,
  compareScenarios,
  fanChart,
  formatQuantity,
  formatPercent,
  loadModel,
  projectAll,
  reportHtml,
  simulateModel,
  targetMarker,
  toPng,
  toSvg,
  trajectoryChart,
} from '../src/index.js';

const outDir = process.argv[2] ? resolve(process.argv[2]) : mkdtempSync(join(tmpdir(), 'industry-metrics-charts-'));
mkdirSync(outDir, { recursive: true });

const model = loadModel('big-data-14th-fyp');
const markers = model.targets.map((f) => targetMarker(model, f));
const periods = PLAN_PERIODS.filter((p) => p.toYear > model.fromYear && p.fromYear <= model.toYear);
const unit = model.unit;
const measure = 'Big data industry revenue';

// 1. Trajectories: one line per scenario (plan, high, low, shock-2022) and the target marker.
const projections = projectAll(model);
const trajectories = trajectoryChart(
  { rows: compareScenarios(projections), targets: markers, periods },
  {
    unit,
    measure,
    title: 'Big data industry: plan scenarios',
    subtitle: 'Scenarios other than the plan are illustrative assumptions',
  },
);

// 2. Fan chart: quantile bands of 20,000 simulated paths around the plan, with the attainment probability.
const PATHS = 20_000;
const SEED = 2026;
const mc = await simulateModel(model, { paths: PATHS, seed: SEED, quantiles: [0.05, 0.25, 0.5, 0.75, 0.95] });
const s = mc.series[0];
const attained = mc.targets[0];
if (!s || !attained) throw new Error('simulateModel returned no series or target');
// The fan starts from the known base (every path starts there), then one band per simulated year.
const years = [model.fromYear, ...s.years];
const q = (level: number) => [model.base.value, ...(s.quantiles.find((x) => x.level === level)?.values ?? [])];
const at = (values: readonly number[], i: number) => values[i] as number;
const fan = fanChart(
  {
    bands: [
      ...years.map((year, i) => ({ year, lower: at(q(0.05), i), upper: at(q(0.95), i), level: 0.9 })),
      ...years.map((year, i) => ({ year, lower: at(q(0.25), i), upper: at(q(0.75), i), level: 0.5 })),
    ],
    median: years.map((year, i) => ({ year, value: at(q(0.5), i) })),
    targets: markers,
    attainment: markers.map((target) => ({ probability: attained.probability, target })),
    periods,
  },
  {
    unit,
    measure,
    title: 'Big data industry: Monte Carlo around the plan',
    subtitle: `${PATHS.toLocaleString('en')} paths, seed ${SEED}; growth volatility 5 points a year (an assumption)`,
  },
);

// 3. Files: SVG and PNG per chart, the specs, and one HTML page.
const written: string[] = [];
const write = (name: string, content: string | Uint8Array) => {
  const file = join(outDir, name);
  writeFileSync(file, content);
  written.push(file);
};
for (const [name, spec] of [
  ['trajectories', trajectories],
  ['fan', fan],
] as const) {
  write(`${name}.svg`, await toSvg(spec));
  write(`${name}.png`, await toPng(spec, { scale: 2 }));
  write(`${name}.vl.json`, `${JSON.stringify(spec, null, 2)}\n`);
}
const plan = projections.find((p) => p.scenario === 'plan');
if (!plan) throw new Error('projectAll returned no plan scenario');
const planEnd = plan.levels[plan.levels.length - 1] as number;
const money = (v: number) => formatQuantity({ value: v, unit });
write(
  'report.html',
  reportHtml({
    title: 'Big data industry under the 14th Five-Year Plan',
    sections: [
      {
        heading: model.title,
        text: `${model.description ?? ''}\n\nThe plan path reaches ${money(planEnd)} in ${model.toYear}. With 5 points of growth volatility a year (an assumption), ${formatPercent(attained.probability)} of ${PATHS.toLocaleString('en')} simulated paths exceed ${money(attained.value)} (seed ${SEED}).`,
        charts: [
          { title: 'Scenarios and the plan target', spec: trajectories },
          { title: 'Monte Carlo fan chart', spec: fan },
        ],
      },
    ],
  }),
);

console.log(
  `P(exceeds ${money(attained.value)} in ${attained.year}) = ${formatPercent(attained.probability)} (${PATHS.toLocaleString('en')} paths, seed ${SEED}); plan path ends at ${money(planEnd)}`,
);
console.log(`Wrote ${written.length} files to ${outDir}:`);
for (const f of written) console.log(`  ${f}  (${statSync(f).size.toLocaleString('en')} bytes)`);
console.log('Open report.html in any browser (it works offline); put the PNGs in Word or slides, the SVGs on the web.');
