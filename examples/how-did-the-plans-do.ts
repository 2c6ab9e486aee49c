// Question: the plans' target years have passed. What do the figures published since say, as of a year,
// and what does a model say when it starts from the latest of them instead of the plan's own base?
//
// Uses the observations in seeds/100-observations.observations.json (each cited from a public page, on a
// named definition). Only the plans' own definition of a metric is used; other measures are named, never mixed.
//
// Run: npx tsx examples/how-did-the-plans-do.ts [asOf] [paths]
import {
  formatQuantity,
  formatPercent,
  loadModel,
  loadObservations,
  modelAsOf,
  planScorecard,
  probabilityRestsOn,
  projectAll,
  simulateModel,
} from '../src/index.js';

const asOf = Number(process.argv[2] ?? 2022);
const paths = Number(process.argv[3] ?? 20_000);
const set = loadObservations();
const pct = (r: number): string => `${(r * 100).toFixed(1)}%`;

// 1. The scorecard: each target's status, the outcome beside the ex-ante probability the plan's own model
//    gave, and nowcasts from the latest observation, each with what it rests on.
const models = ['big-data-13th-fyp', 'big-data-14th-fyp', 'cybersecurity-2021-2023'].map((id) => loadModel(id));
console.log(`How the plans did, as of ${asOf}`);
for (const r of await planScorecard(models, set, { asOf, paths, seed: 1 })) {
  console.log(`- ${r.target} (${r.wording} in ${r.year}): ${r.score.status}. ${r.score.reason}.`);
  if (r.exAnte) console.log(`    ex-ante ${pct(r.exAnte.probability)}: ${r.exAnte.restsOn}.`);
  if (r.outcome) console.log(`    outcome: ${r.outcome}.`);
  if (r.nowcastPlan) console.log(`    nowcast at the plan's rate: ${pct(r.nowcastPlan.probability)}.`);
  if (r.nowcastObserved) console.log(`    nowcast at the observed rate: ${pct(r.nowcastObserved.probability)}.`);
  if (r.nowcastNote) console.log(`    ${r.nowcastNote}.`);
}

// 2. The 14th plan's model as of the year: it starts from the latest observation on MIIT's measure.
const bd14 = loadModel('big-data-14th-fyp');
const now = modelAsOf(bd14, asOf, { observations: set });
const money = (v: number) => formatQuantity({ value: v, unit: now.unit });
const plan = projectAll(now).find((p) => p.scenario === 'plan');
const target = plan?.targets[0];
console.log(`\n${now.title}: from ${money(now.base.value)} in ${now.fromYear} (${now.asOf?.observation})`);
if (plan && target) {
  console.log(
    `  plan path at ${formatPercent(0.25)} a year: ${money(plan.levels.at(-1) as number)} in ${plan.toYear}; ${target.fact.id} needs ${formatPercent(target.requiredCagr)} a year from ${now.fromYear}`,
  );
}
const mc = await simulateModel(bd14, { asOf, observations: set, paths, seed: 1 });
const t = mc.targets[0];
if (t) {
  console.log(
    `  Monte Carlo from ${now.fromYear}: P(${t.comparator} ${money(t.value)} in ${t.year}) = ${pct(t.probability)} ± ${pct(t.standardError)}`,
  );
  console.log(`  ${probabilityRestsOn(now, 'plan', t.id)}.`);
}
