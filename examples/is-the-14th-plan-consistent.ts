// Question: are the numbers in the 14th Five-Year Plan for the big data industry consistent with each other?
//
// The plan (MIIT, 2021) says the industry "will exceed 1 trillion" RMB in 2020, should "exceed 3 trillion"
// by 2025, and grow "about 25%" a year. This example loads the built-in model of that plan, checks every
// fact it rests on against the others, and prints the arithmetic behind each verdict, the sources quoted
// verbatim, and every number in the model that no document states (its assumptions).
//
// Run: npx tsx examples/is-the-14th-plan-consistent.ts
import { checkModel, cagr, compound, describeFact, formatQuantity, formatPercent, loadModel } from '../src/index.js';

const model = loadModel('big-data-14th-fyp');
const check = checkModel(model);
const years = model.toYear - model.fromYear;

console.log(`${model.title}`);
console.log(`Model ${model.id} (${model.origin})\n`);

// The headline arithmetic, spelled out with the library's growth functions.
// The model's base is "will exceed 1 trillion" (2020) taken at 1, its path the plan's "about 25%" a year,
// its target "exceed 3 trillion" (2025); all read from the model, not typed in here.
const base = model.base.value;
if (model.path.type !== 'cagr') throw new Error(`expected a constant-rate path in ${model.origin}`);
const planRate = model.path.rate.value;
const goal = model.targets[0];
if (!goal) throw new Error(`expected a target in ${model.origin}`);
const target = goal.value;
const reached = compound(base, planRate, years);
const needed = cagr(base, target, years);
const money = (v: number) => formatQuantity({ value: v, unit: model.unit });
console.log('The arithmetic');
console.log(
  `  ${money(base)} x ${1 + planRate}^${years} = ${money(reached)} in ${model.toYear}: ${reached > target ? 'above' : 'not above'} the ${money(target)} target.`,
);
console.log(
  `  Exactly ${money(target)} in ${model.toYear} needs ${formatPercent(needed)} a year, against the plan's "about ${formatPercent(planRate)}".\n`,
);

const c = check.consistency;
console.log(
  `Verdict: ${c.consistent ? 'CONSISTENT' : 'NOT CONSISTENT'} (${c.counts.consistent} consistent, ${c.counts.inconsistent} inconsistent, ${c.counts.disagreement} disagreements between sources, ${c.counts.implied} implied numbers)\n`,
);
for (const k of c.checks) {
  console.log(`  ${k.status.toUpperCase().padEnd(12)} ${k.title}`);
  console.log(`  ${' '.repeat(12)} ${k.explanation}`);
}

console.log('\nWhat the documents say (verbatim)');
for (const f of check.facts.filter(
  (x) => model.targets.includes(x) || x.id === 'bd14.revenue-2020' || x.id === 'bd14.cagr-2020-2025',
)) {
  const when = f.fromYear !== undefined ? `${f.fromYear}-${f.year}` : String(f.year);
  console.log(`  [${f.id}] ${describeFact(f)} (${when}): "${f.provenance.quote}"`);
  console.log(`    ${f.provenance.publisher}, ${f.provenance.document}, ${f.provenance.section}`);
}

console.log('\nAssumptions (numbers in the model that no document states)');
console.log('  base: "will exceed 1 trillion" in 2020 is taken as exactly RMB 1 trillion; "about 25%" as 25%.');
for (const a of check.assumptions) console.log(`  ${a.path} = ${a.value}: ${a.assumption}`);
