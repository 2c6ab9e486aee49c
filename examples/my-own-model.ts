// Question: how do I check and simulate a plan of my own (a province, another industry) with this library?
//
// A model is a JSON file: the facts it rests on (each with the sentence it comes from), a base, a growth
// path, targets, and every number no document gives marked as an assumption with its reason. This example
// writes one into <folder>/models/, then loads it by id like a built-in model, checks it, projects it and
// simulates it.
//
// THE PLAN BELOW IS MADE UP ("Example Province", a hypothetical software industry plan): the document,
// the quotes and the numbers are invented to show the format. Replace them with a real document's.
//
// Run: npx tsx examples/my-own-model.ts [folder]   (default: a new temp folder)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  checkModel,
  describeFact,
  formatQuantity,
  formatPercent,
  loadModel,
  project,
  simulateModel,
} from '../src/index.js';

const dir = process.argv[2] ? resolve(process.argv[2]) : mkdtempSync(join(tmpdir(), 'industry-metrics-model-'));
mkdirSync(join(dir, 'models'), { recursive: true });

const QUOTE_2020 = 'In 2020 the revenue of the software industry of Example Province reached 300 billion yuan.';
const QUOTE_2025 =
  'By 2025 the revenue of the software industry will exceed 500 billion yuan, growing at about 11% a year.';
const modelFile = {
  id: 'example-province-software',
  title: 'Example Province software industry, hypothetical plan (2020 -> 2025)',
  description: 'A made-up provincial plan used to show the model format: not a real document.',
  metric: 'example-province.software.revenue',
  unit: 'CNY billion',
  fromYear: 2020,
  toYear: 2025,
  base: { fact: 'ep.revenue-2020' },
  path: { type: 'cagr', rate: { fact: 'ep.cagr-2020-2025' } },
  scenarios: {
    slow: {
      description: 'Two points slower than planned.',
      path: {
        type: 'cagr',
        rate: { value: 0.09, assumption: "scenario: the plan's rate less 2 points; not from any document" },
      },
    },
  },
  uncertainty: {
    volatility: {
      value: 0.03,
      assumption:
        '3 points standard deviation of yearly growth: a round figure for a maturer industry; no document gives it',
    },
  },
  targets: ['ep.revenue-2025'],
  facts: {
    document: {
      id: 'ep-plan',
      file: 'ep-plan.txt',
      title: 'Software Industry Development Plan of Example Province (hypothetical)',
      publisher: 'Example Province (made up for this example)',
      published: '2021-06',
    },
    facts: [
      {
        id: 'ep.revenue-2020',
        metric: 'example-province.software.revenue',
        year: 2020,
        value: 300,
        unit: 'CNY billion',
        comparator: 'equals',
        kind: 'actual',
        section: '1. Foundations',
        quote: QUOTE_2020,
      },
      {
        id: 'ep.revenue-2025',
        metric: 'example-province.software.revenue',
        year: 2025,
        value: 500,
        unit: 'CNY billion',
        comparator: 'exceeds',
        kind: 'target',
        section: '2. Goals',
        quote: QUOTE_2025,
      },
      {
        id: 'ep.cagr-2020-2025',
        metric: 'example-province.software.revenue.cagr',
        year: 2025,
        fromYear: 2020,
        value: 0.11,
        unit: 'fraction',
        comparator: 'about',
        kind: 'target',
        section: '2. Goals',
        quote: QUOTE_2025,
        tolerance: { absolute: 0.01, assumption: '"about 11%" read as 11% plus or minus 1 point' },
      },
    ],
  },
};
const file = join(dir, 'models', `${modelFile.id}.model.json`);
writeFileSync(file, `${JSON.stringify(modelFile, null, 2)}\n`);
console.log(`Wrote ${file}\n`);

// Load it by id: user models in <cwd>/models are found like the built-in ones.
const model = loadModel(modelFile.id, { cwd: dir });
const money = (v: number) => formatQuantity({ value: v, unit: model.unit });
const check = checkModel(model);
console.log(`${model.title}`);
for (const f of check.targets) console.log(`  target: ${describeFact(f)} in ${f.year} ("${f.provenance.quote}")`);
console.log(`  consistency: ${check.consistency.consistent ? 'CONSISTENT' : 'NOT CONSISTENT'}`);
for (const c of check.consistency.checks) console.log(`    ${c.status}: ${c.explanation}`);
console.log('  assumptions:');
for (const a of check.assumptions) console.log(`    ${a.path} = ${a.value}: ${a.assumption}`);

console.log('\n  scenarios:');
for (const scenario of Object.keys(model.scenarios)) {
  const p = project(model, { scenario });
  const t = p.targets[0];
  console.log(
    `    ${scenario}: ${money(p.levels[p.levels.length - 1] as number)} in ${p.toYear}${t ? `, ${t.meets ? 'meets' : 'misses'} the target (needs ${formatPercent(t.requiredCagr)} a year)` : ''}`,
  );
}

const PATHS = 50_000;
const SEED = 7;
const mc = await simulateModel(model, { paths: PATHS, seed: SEED });
const a = mc.targets[0];
if (a)
  console.log(
    `\n  P(exceeds ${money(a.value)} in ${a.year}) = ${formatPercent(a.probability)} +/- ${formatPercent(a.standardError)} (${PATHS.toLocaleString('en')} paths, seed ${SEED}, volatility 3 points: an assumption)`,
  );
