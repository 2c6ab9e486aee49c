// Question: which of a plan model's numbers matter most for where the industry ends up in 2025?
//
// A one-at-a-time sensitivity ("tornado") on the built-in 14th Five-Year Plan model of the big data
// industry: each number the model rests on is moved to a low and a high value while the others stay put,
// and the 2025 level of the plan scenario is recomputed. The ranges are ASSUMPTIONS of this example:
//  - growth rate ("about 25%"):        22 % to 28 %, the model's own low and high scenarios;
//  - 2020 base ("will exceed 1 trillion"): RMB 0.9 to 1.1 trillion, +-10 %;
//  - growth volatility (5 points):     moves the Monte Carlo spread, not the deterministic level, so its
//                                      bar is empty here (see probability-big-data-exceeds-3-trillion.ts).
//
// Run: npx tsx examples/what-matters-most.ts
import { formatQuantity, formatPercent, loadModel, tornado } from '../src/index.js';

const model = loadModel('big-data-14th-fyp');
const money = (v: number) => formatQuantity({ value: v, unit: model.unit });
const RANGES = {
  'bd14.cagr-2020-2025': { low: 0.22, high: 0.28 },
  'bd14.revenue-2020': { low: 0.9, high: 1.1 },
};

const level = tornado(model, { ranges: RANGES });
console.log(`2025 level of the plan path: ${money(level.baseOutput)}. Moving one number at a time:\n`);
console.log(`  ${'parameter'.padEnd(24)}  ${'low -> high'.padEnd(34)}  ${'2025 level (low / high)'.padEnd(38)}  swing`);
for (const b of level.bars) {
  const isRate = b.parameter.includes('cagr') || b.parameter.includes('volatility');
  const show = (v: number) => (isRate ? formatPercent(v) : money(v));
  console.log(
    `  ${b.parameter.padEnd(24)}  ${`${show(b.low)} -> ${show(b.high)}`.padEnd(34)}  ${`${money(b.outputLow)} / ${money(b.outputHigh)}`.padEnd(38)}  ${money(b.swing)}`,
  );
}

// The same question for the growth still required to hit exactly RMB 3 trillion from the base.
const required = tornado(model, { ranges: RANGES, output: 'requiredCagr' });
console.log(
  `\nGrowth needed for exactly ${money(3)} in 2025: ${formatPercent(required.baseOutput)} a year from the model's base.`,
);
for (const b of required.bars.filter((x) => x.swing > 0)) {
  console.log(
    `  ${b.parameter}: ${formatPercent(b.outputLow)} with ${money(b.low)}, ${formatPercent(b.outputHigh)} with ${money(b.high)}`,
  );
}
const top = level.bars[0];
const second = level.bars[1];
if (top && second)
  console.log(
    `\nMatters most: ${top.parameter}, which moves the 2025 level by ${money(top.swing)} (next: ${second.parameter}, ${money(second.swing)}).`,
  );
