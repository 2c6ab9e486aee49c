// Question: which parts of an industry drive its growth? How many percentage points of the total's growth
// does each sector contribute, and what share of the growth is each one's?
//
// The model big-data-sectors-example (models/big-data-sectors-example.model.json) splits the 14th
// Five-Year Plan's big data path (RMB 1 trillion in 2020, about 25 % a year) into the five links the plan
// names for its product and service system. THE PLAN GIVES NO FIGURE FOR ANY LINK: every sector share and
// growth rate in that file is an illustrative assumption, printed below with its reason. Replace them with
// real figures (each with its source) in a model file of your own to answer the question for real.
//
// Definitions (all in src/decompose):
//  - share:            sector / total in a year;
//  - contribution:     (sector this year - sector last year) / total last year, in percentage points (pp);
//                      the sectors' contributions add up to the total's growth;
//  - share of growth:  sector's change / total's change; the shares of growth add up to 100 %.
//
// Run: npx tsx examples/which-sectors-drive-growth.ts
import { checkModel, decomposeModel, formatQuantity, formatPercent, loadModel } from '../src/index.js';

const model = loadModel('big-data-sectors-example');
const d = decomposeModel(model);
const money = (v: number) => formatQuantity({ value: v, unit: model.unit });
const pp = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)} pp`;
const first = 0;
const last = d.panel.years.length - 1;
const name = (i: number) => d.sectors[i]?.name ?? d.sectors[i]?.id ?? `sector ${i}`;
const width = Math.max(...d.sectors.map((_, i) => name(i).length));

console.log(`${model.title}\n`);
console.log('Assumptions (none of these numbers is from a document):');
for (const a of checkModel(model).assumptions) console.log(`  ${a.path} = ${a.value}: ${a.assumption}`);

const totalFrom = d.panel.values.reduce((s, row) => s + (row[first] as number), 0);
const totalTo = d.panel.values.reduce((s, row) => s + (row[last] as number), 0);
console.log(
  `\nSum of the sectors: ${money(totalFrom)} in ${d.fromYear} -> ${money(totalTo)} in ${d.toYear}, ${formatPercent(d.totalCagr)} a year`,
);
const endGap = d.incoherence.rows[d.incoherence.rows.length - 1];
if (endGap) {
  console.log(
    `(the plan's headline path: ${formatPercent(d.headlineCagr)} a year, ${money(endGap.total)} in ${endGap.year}; the sectors are ${money(Math.abs(endGap.gap))} ${endGap.gap < 0 ? 'above' : 'below'} it)\n`,
  );
}

console.log(`Over ${d.fromYear}-${d.toYear}`);
console.log(
  `  ${'sector'.padEnd(width)}  share ${d.fromYear}  share ${d.toYear}  own CAGR  contribution to the ${formatPercent(d.span.cagr)} CAGR  share of growth`,
);
const growthTotal = d.span.contribution.reduce((s, c) => s + c, 0);
d.sectors.forEach((_, i) => {
  const s0 = d.shares.share[i]?.[first] as number;
  const s1 = d.shares.share[i]?.[last] as number;
  const c = d.span.cagrContribution[i] as number;
  const g = (d.span.contribution[i] as number) / growthTotal;
  console.log(
    `  ${name(i).padEnd(width)}  ${formatPercent(s0).padStart(10)}  ${formatPercent(s1).padStart(10)}  ${formatPercent(d.sectorCagr[i] as number).padStart(8)}  ${pp(c).padStart(33)}  ${formatPercent(g).padStart(15)}`,
  );
});
console.log(
  `  ${'total'.padEnd(width)}  ${'100%'.padStart(10)}  ${'100%'.padStart(10)}  ${formatPercent(d.span.cagr).padStart(8)}  ${pp(d.span.cagrContribution.reduce((s, c) => s + c, 0)).padStart(33)}  ${'100%'.padStart(15)}`,
);

console.log("\nContributions to growth, year by year (pp of the previous year's total)");
console.log(`  ${'sector'.padEnd(width)}  ${d.contributions.toYears.map((y) => String(y).padStart(9)).join(' ')}`);
d.sectors.forEach((_, i) => {
  console.log(
    `  ${name(i).padEnd(width)}  ${(d.contributions.contribution[i] ?? []).map((c) => pp(c).padStart(9)).join(' ')}`,
  );
});
console.log(`  ${'total growth'.padEnd(width)}  ${d.contributions.growth.map((g) => pp(g).padStart(9)).join(' ')}`);

const order = d.sectors
  .map((_, i) => i)
  .sort((a, b) => (d.span.cagrContribution[b] as number) - (d.span.cagrContribution[a] as number));
const top = order[0] as number;
console.log(
  `\nThe largest driver is ${name(top)}: ${pp(d.span.cagrContribution[top] as number)} of the ${formatPercent(d.span.cagr)} a year, ${formatPercent((d.span.contribution[top] as number) / growthTotal)} of the growth,`,
);
console.log(
  `from a ${formatPercent(d.shares.share[top]?.[first] as number)} share in ${d.fromYear}. Under these illustrative assumptions only; the plan states none of them.`,
);
for (const t of d.targets) {
  console.log(
    `Target ${t.fact.id}: the sum of the sectors reaches ${money(t.value)} in ${t.year}, ${t.meets ? 'meeting' : 'missing'} "${t.fact.provenance.quote}"`,
  );
}
