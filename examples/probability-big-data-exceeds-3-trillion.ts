// Question: how likely is it that China's big data industry exceeds RMB 3 trillion in 2025, if yearly
// growth is the plan's 25 % on average but varies by about 5 points from year to year?
//
// Assumptions (none of them from a document):
//  - the 2020 base is exactly RMB 1 trillion (the plan says "will exceed 1 trillion");
//  - yearly log growth is ln(1.25) plus an independent normal deviation with a standard deviation of
//    0.05 (the model's `uncertainty.volatility`, "5 points of growth volatility");
//  - nothing else happens: no shocks, caps or floors.
// Under these assumptions ln(level 2025) is normal with mean ln(1 x 1.25^5) and sd 0.05 x sqrt(5), so the
// probability also has a closed form: P = 1 - Phi((ln 3 - ln(1.25^5)) / (0.05 sqrt 5)). The Monte Carlo
// estimate should agree with it within a few standard errors.
//
// Run: npx tsx examples/probability-big-data-exceeds-3-trillion.ts [paths] [seed]
import { formatQuantity, formatPercent, loadModel, simulateModel } from '../src/index.js';

const paths = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 2026);

/** Standard normal CDF through the erfc approximation of Numerical Recipes (erfcc, fractional error < 1.2e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

const model = loadModel('big-data-14th-fyp');
const target = model.targets[0];
const u = model.uncertainty;
if (!target || !u || model.path.type !== 'cagr')
  throw new Error(`${model.origin}: expected a target, an uncertainty section and a constant-rate path`);
const years = target.year - model.fromYear;
const rate = model.path.rate.value;
const sigma = u.volatility.value;
const money = (v: number) => formatQuantity({ value: v, unit: model.unit });

const result = await simulateModel(model, { paths, seed, quantiles: [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] });
const attained = result.targets[0];
const s = result.series[0];
if (!attained || !s) throw new Error('simulateModel returned no target or series');

// Closed form for iid normal log growth (see the assumptions above).
const median = model.base.value * Math.pow(1 + rate, years);
const z = (Math.log(target.value) - Math.log(median)) / (sigma * Math.sqrt(years));
const closedForm = 1 - normalCdf(z);

console.log(`P(big data industry exceeds ${money(target.value)} in ${target.year})`);
console.log(
  `  base ${money(model.base.value)} in ${model.fromYear}, plan growth ${formatPercent(rate)} a year, growth volatility ${formatPercent(sigma)} a year (assumed)\n`,
);
console.log(
  `  Monte Carlo (${paths.toLocaleString('en')} paths, seed ${seed}): ${formatPercent(attained.probability)} +/- ${formatPercent(attained.standardError)} (one standard error)`,
);
console.log(
  `  Closed form, lognormal:  1 - Phi((ln 3 - ln(1.25^${years})) / (${sigma} x sqrt ${years})) = 1 - Phi(${z.toFixed(4)}) = ${formatPercent(closedForm)}`,
);
const gapSe = Math.abs(attained.probability - closedForm) / attained.standardError;
console.log(
  `  The two differ by ${gapSe.toFixed(1)} standard errors${gapSe < 4 ? ' (agreement)' : ' (MORE THAN EXPECTED: check the model)'}.\n`,
);

console.log(
  `  The deterministic plan path ends at ${money(median)}, only ${formatPercent(median / target.value - 1)} above the target,`,
);
console.log(`  so a little bad luck is enough to miss it: the probability is not far above one half.\n`);

console.log(`Quantiles of the ${target.year} level (Monte Carlo)`);
const last = s.years.length - 1;
for (const q of s.quantiles)
  console.log(`  ${String(Math.round(q.level * 100)).padStart(2)}%  ${money(q.values[last] as number)}`);
console.log(`  mean ${money(s.mean[last] as number)}, sd ${money(s.sd[last] as number)}`);
