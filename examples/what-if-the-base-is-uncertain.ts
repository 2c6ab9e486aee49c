// Question: the 14th plan says the big data industry "will exceed 1 trillion" in 2020, with no upper end.
// How much does the probability of "more than RMB 3 trillion in 2025" depend on where above 1 trillion the
// 2020 level really was?
//
// The model below is the built-in 14th plan model with one addition: `uncertainty.base`, which draws each
// Monte Carlo path's 2020 level from an interval. The lower end, RMB 1 trillion, comes from the wording;
// the upper end, RMB 1.1 trillion, and the flat distribution are assumptions of this example (no document
// gives them), and the library lists them as such.
//
// Closed form for the check: with iid normal log growth the 2025 level given a base b is lognormal, so
// P = the average over b in [1, 1.1] of 1 - Phi((ln(3 / b) - 5 ln 1.25) / (0.05 sqrt 5)).
//
// Run: npx tsx examples/what-if-the-base-is-uncertain.ts [paths] [seed]
import { checkModel, loadSeeds, parseModel, probabilityRestsOn, simulateModel } from '../src/index.js';

const paths = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 7);
const pct = (r: number): string => `${(r * 100).toFixed(2)}%`;

const file = {
  id: 'big-data-14th-fyp-uncertain-base',
  title: 'Big data industry, 14th plan, with an uncertain 2020 level',
  metric: 'big-data.revenue',
  unit: 'CNY trillion',
  fromYear: 2020,
  toYear: 2025,
  base: { fact: 'bd14.revenue-2020' },
  path: { type: 'cagr', rate: { fact: 'bd14.cagr-2020-2025' } },
  uncertainty: {
    volatility: {
      value: 0.05,
      assumption: '5 points of yearly growth, as in the built-in model; no document gives one',
    },
    base: {
      distribution: 'uniform',
      upper: { value: 1.1, assumption: 'at most 10 % above the floor: an assumption of this example' },
      assumption: 'every level from the floor to the assumed upper end equally likely',
    },
  },
  targets: ['bd14.revenue-2025'],
};
const drawn = parseModel(file, 'example', loadSeeds());
const { base: _b, ...fixedUncertainty } = file.uncertainty;
const fixed = parseModel({ ...file, id: 'fixed', uncertainty: fixedUncertainty }, 'example', loadSeeds());

function normalCdf(z: number): number {
  // Taylor series of erf, exact to ~1e-15 for |z| < 3.
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / (2 * n);
    sum += term / (2 * n + 1);
  }
  return 0.5 + sum / Math.sqrt(2 * Math.PI);
}
const exceed = (b: number) => 1 - normalCdf((Math.log(3 / b) - 5 * Math.log(1.25)) / (0.05 * Math.sqrt(5)));
let simpson = 0;
for (let i = 0; i <= 200; i++)
  simpson += (i === 0 || i === 200 ? 1 : i % 2 === 1 ? 4 : 2) * exceed(1 + (0.1 * i) / 200);
const closedForm = simpson / 600;

for (const [name, m, exact] of [
  ['base at the floor, RMB 1 trillion', fixed, exceed(1)],
  ['base drawn per path over RMB 1-1.1 trillion', drawn, closedForm],
] as const) {
  const t = (await simulateModel(m, { paths, seed })).targets[0];
  if (!t) throw new Error('no target');
  const gap = Math.abs(t.probability - exact) / t.standardError;
  console.log(`${name}: P(more than RMB 3 trillion in 2025) = ${pct(t.probability)} ± ${pct(t.standardError)}`);
  console.log(
    `  closed form ${pct(exact)}; ${gap.toFixed(1)} standard errors apart${gap < 4 ? ' (agreement)' : ' (CHECK)'}`,
  );
  console.log(`  ${probabilityRestsOn(m, 'plan', t.id)}.`);
}
console.log('\nWhat the uncertain model lists as its assumptions:');
for (const a of checkModel(drawn).assumptions) console.log(`  ${a.path}: ${a.assumption}`);
