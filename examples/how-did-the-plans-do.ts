// Question: the plans' target years have passed. What do the figures published since say, as of a year?
//
// Uses the observations in seeds/100-observations.observations.json (each cited from a public page, on a
// named definition). Only the plans' own definition is used for a target; other measures are named, never mixed.
//
// Run: npx tsx examples/how-did-the-plans-do.ts [asOf]
import { factById, loadObservations, loadSeeds, nowcast, scoreTarget } from '../src/index.js';

const asOf = Number(process.argv[2] ?? 2022);
const seeds = loadSeeds();
const set = loadObservations();
const pct = (r: number): string => `${(r * 100).toFixed(1)}%`;

console.log(`How the plans did, as of ${asOf}`);
for (const [id, planRate] of [
  ['bd13.revenue-2020', 0.3],
  ['bd14.revenue-2025', 0.25],
  ['cyber.revenue-2023', 0.15],
] as const) {
  const s = scoreTarget(factById(seeds, id), set, { asOf, planRate });
  console.log(`- ${id}: ${s.status}. ${s.reason}.`);
}

const latest = set.observations.find((o) => o.id === 'obs.big-data.miit-2022');
if (latest !== undefined && asOf >= 2022 && asOf < 2025) {
  console.log(
    `\nP(big data industry > RMB 3 trillion in 2025 | RMB 1.57 trillion in 2022), 5 points of volatility (an assumption):`,
  );
  for (const [rate, rateSource] of [
    [0.25, "the plan's rate"],
    [0.18, 'the 2022 growth observed'],
  ] as const) {
    const n = nowcast({
      from: { year: 2022, value: 1.57, observation: latest.id },
      target: { year: 2025, value: 3 },
      rate,
      rateSource,
      volatility: 0.05,
      seed: 1,
    });
    console.log(
      `  at ${pct(rate)} (${rateSource}): Monte Carlo ${pct(n.probability)} ± ${pct(n.standardError)}, closed form ${pct(n.closedForm)}`,
    );
  }
  console.log(
    `  source of the 2022 level: ${latest.source.publisher}, ${latest.source.published}, "${latest.source.title}", ${latest.source.url}`,
  );
}
