// The cost of calibrated intervals for the default (issue 14, bench/intervalStudy.ts's rule: at most 5x): fit +
// forecast (80 % and 95 %) of the default's combination with its parts' mean bounds and with calibrate(), on every
// k-th M3 yearly series, 3 interleaved loops each after a warm-up; prints the times and the ratio of the minima.
//
//   nice -n 10 npx tsx bench/intervalCost.ts [k]
import { loadM3 } from './lib/m3.js';
import { calibrate } from '../src/forecast/calibrate.js';
import { defaultCombination as defaultMethod } from '../src/forecast/defaultForecast.js';
const m3 = loadM3();
const every = Number(process.argv[2] ?? 1);
const sub = m3.filter((_, i) => i % every === 0);
const cal = calibrate(defaultMethod);
const run = (m: typeof defaultMethod) => {
  const t0 = performance.now();
  for (const d of sub) m.forecast(m.fit(d.train), d.train.years.at(-1)! + 6, { levels: [0.8, 0.95] });
  return (performance.now() - t0) / sub.length;
};
run(defaultMethod);
run(cal);
const a: number[] = [],
  b: number[] = [];
for (let r = 0; r < 3; r++) {
  a.push(run(defaultMethod));
  b.push(run(cal));
}
console.log(
  JSON.stringify({ series: sub.length, plain: a, calibrated: b, ratioOfMinima: Math.min(...b) / Math.min(...a) }),
);
