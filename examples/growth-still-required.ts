// Question: a reported figure falls below the plan's path. How much growth is still required to reach
// the 2025 target, and what happens if growth simply returns to the plan's rate?
//
// The plan path: RMB 1 trillion in 2020 growing 25 % a year (the built-in model big-data-14th-fyp) is
// at 1 x 1.25^2 = RMB 1.5625 trillion in 2022. The 2022 figure used here, RMB 1.4 trillion, is
// HYPOTHETICAL: made up for this example, not a published statistic. Replace it with a real figure (and
// its source) to answer the question for real.
//
// Run: npx tsx examples/growth-still-required.ts [reported-2022-level-in-trillion]
import {
  cagrPath,
  formatQuantity,
  formatPercent,
  gapToTarget,
  loadModel,
  pathToTarget,
  project,
  requiredCagr,
} from '../src/index.js';

const HYPOTHETICAL_YEAR = 2022;
const HYPOTHETICAL_LEVEL = Number(process.argv[2] ?? 1.4); // RMB trillion; hypothetical, see above

const model = loadModel('big-data-14th-fyp');
const target = model.targets[0];
if (!target || model.path.type !== 'cagr')
  throw new Error(`${model.origin}: expected a target and a constant-rate path`);
const planRate = model.path.rate.value;
const money = (v: number, digits = 3) => formatQuantity({ value: v, unit: model.unit }, { digits });

const plan = project(model); // the plan scenario, year by year
const planLevel = plan.levels[HYPOTHETICAL_YEAR - plan.fromYear] as number;

console.log(`Target: ${money(target.value)} in ${target.year} ("${target.provenance.quote}")`);
console.log(
  `Plan path in ${HYPOTHETICAL_YEAR}: ${money(planLevel, 5)} (${money(model.base.value)} x ${1 + planRate}^${HYPOTHETICAL_YEAR - model.fromYear})`,
);
console.log(
  `Reported in ${HYPOTHETICAL_YEAR} (HYPOTHETICAL figure for this example): ${money(HYPOTHETICAL_LEVEL)}, ${formatPercent(HYPOTHETICAL_LEVEL / planLevel - 1)} against the plan path\n`,
);

// 1. The constant rate still required from the reported level.
const required = requiredCagr({ year: HYPOTHETICAL_YEAR, value: HYPOTHETICAL_LEVEL }, target);
// ... and from where the plan path stands, for comparison.
const onPlan = gapToTarget(plan, target, { fromYear: HYPOTHETICAL_YEAR });
console.log('Growth still required');
console.log(
  `  from the reported ${money(HYPOTHETICAL_LEVEL)}: ${formatPercent(required)} a year for ${target.year - HYPOTHETICAL_YEAR} years (vs the plan's ${formatPercent(planRate)})`,
);
console.log(
  `  from the plan path's ${money(planLevel, 5)}: ${formatPercent(onPlan.requiredCagr)} a year (the plan path has slack: it ends at ${money(onPlan.value)})\n`,
);

// 2. If growth returns to the plan's rate from the reported level.
const resumed = cagrPath({
  base: HYPOTHETICAL_LEVEL,
  rate: planRate,
  fromYear: HYPOTHETICAL_YEAR,
  toYear: target.year,
});
const gap = gapToTarget({ unit: model.unit, years: resumed.years, levels: resumed.levels }, target);
console.log(`If growth returns to ${formatPercent(planRate)} from ${HYPOTHETICAL_YEAR}`);
console.log(
  `  ${target.year}: ${money(gap.value)}, ${gap.meets ? 'meets' : 'misses'} the target by ${money(Math.abs(gap.gap))} (${formatPercent(gap.gapRelative)})\n`,
);

// 3. The year-by-year path that lands exactly on the target.
const needed = pathToTarget({
  base: HYPOTHETICAL_LEVEL,
  target: target.value,
  fromYear: HYPOTHETICAL_YEAR,
  toYear: target.year,
});
console.log(`Year by year, at ${formatPercent(needed.rate)} a year from the reported level`);
console.log('  year  needed              plan path');
needed.years.forEach((year, i) => {
  console.log(
    `  ${year}  ${money(needed.levels[i] as number).padEnd(18)}  ${money(plan.levels[year - plan.fromYear] as number)}`,
  );
});
console.log(
  '\nAssumptions: the 2020 base is RMB 1 trillion ("will exceed 1 trillion"); the 2022 figure is hypothetical;',
);
console.log('"exceed 3 trillion" is read as reaching RMB 3 trillion (the rates are the minimum to get there).');
