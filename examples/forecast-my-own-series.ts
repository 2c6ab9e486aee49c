// Question: I have a yearly series of my own. What does it look like five years out, how uncertain is
// that, and which method has forecast it best in the past?
//
// The table below is MADE UP for this example (a hypothetical province's software revenue, RMB billion);
// it is not a published statistic. Paste your own years and values in its place: at least 4 yearly
// points for the default method, ideally 10 or more so the backtest has several origins.
//
// Run: npx tsx examples/forecast-my-own-series.ts
import {
  backtest,
  COMPOUNDING_NOTE,
  defaultMethod,
  forecast,
  forecastMethods,
  formatQuantity,
  series,
} from '../src/index.js';

// year  value (RMB billion) -- made up
const TABLE = `
2011  120
2012  141
2013  163
2014  190
2015  214
2016  243
2017  270
2018  305
2019  332
2020  351
2021  392
2022  420
2023  447
`;

const rows = TABLE.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/).map(Number));
const s = series({
  id: 'software-revenue (made up)',
  unit: 'CNY billion',
  years: rows.map((r) => r[0] as number),
  values: rows.map((r) => r[1] as number),
});
const TO_YEAR = 2028;
const money = (v: number) => formatQuantity({ value: v, unit: s.unit });
const last = s.years.length - 1;

console.log(
  `Series: ${s.id}, ${s.years[0]}-${s.years[last]}, ${s.values.length} yearly points, last ${money(s.values[last] as number)}`,
);
console.log('The numbers are made up for this example; intervals assume the future varies as the past did.\n');

// 1. The default forecast: the trimmed mean of theta, automatic ARIMA and drift, and theta and drift on logs.
const f = forecast(s, TO_YEAR, { levels: [0.8, 0.95] });
const i80 = f.intervals.find((i) => i.level === 0.8);
const i95 = f.intervals.find((i) => i.level === 0.95);
if (!i80 || !i95) throw new Error('forecast returned no 80 % or 95 % interval');
console.log(`Default forecast (${f.method})`);
console.log('  year  point              80% interval                           95% interval');
f.years.forEach((year, h) => {
  const range = (i: typeof i80) => `${money(i.lower[h] as number)} to ${money(i.upper[h] as number)}`;
  console.log(`  ${year}  ${money(f.mean[h] as number).padEnd(17)}  ${range(i80).padEnd(37)}  ${range(i95)}`);
});
// A series that grew 8 % a year or more: the default says how much of that growth it carries on.
const compounding = f.fit.notes?.find((n) => n.startsWith(COMPOUNDING_NOTE));
if (compounding) console.log(`Note: ${compounding.slice(COMPOUNDING_NOTE.length)}`);

// 2. A few single methods, for comparison.
const names = ['drift', 'holt', 'damped', 'ets', 'theta', 'dotm', 'logTrend'] as const;
console.log(`\n${TO_YEAR} by method (point, 95% interval)`);
for (const name of names) {
  const g = forecast(s, TO_YEAR, { method: name, levels: [0.95] });
  const i = g.intervals[0];
  const h = g.years.length - 1;
  console.log(
    `  ${name.padEnd(9)} ${g.method.padEnd(12)} ${money(g.mean[h] as number).padEnd(17)} ${i ? `${money(i.lower[h] as number)} to ${money(i.upper[h] as number)}` : ''}`,
  );
}

// 3. Which method would have done best? Rolling origin: fit on the years up to each origin from 2018,
// forecast 3 years ahead, compare with what followed.
const HORIZON = 3;
const INITIAL = 7; // first window 2011-2017
console.log(
  `\nBacktest: rolling origins ${s.years[INITIAL - 1]}-${s.years[last - HORIZON]}, ${HORIZON} years ahead (lower is better; coverage should be near 80% / 95%)`,
);
console.log('  method     MAE               MAPE    MASE   80% cover  95% cover');
const table = [...names, 'default' as const]
  .map((name) => {
    // defaultMethod is the method object behind forecast()'s default, so the backtest scores what section 1 used.
    const method = name === 'default' ? defaultMethod : forecastMethods[name];
    if (!method) throw new Error(`no forecast method ${name}`);
    const b = backtest(s, method, { horizon: HORIZON, initial: INITIAL });
    return { name, b };
  })
  .sort((a, b) => (a.b.summary.mase ?? Infinity) - (b.b.summary.mase ?? Infinity));
for (const { name, b } of table) {
  const cov = (level: number) => b.summary.intervals.find((x) => x.level === level)?.coverage;
  const pct = (v: number | undefined) => (v === undefined ? 'n/a' : `${(v * 100).toFixed(0)}%`);
  console.log(
    `  ${name.padEnd(9)}  ${money(b.summary.mae).padEnd(16)}  ${(b.summary.mape === undefined ? 'n/a' : `${(b.summary.mape).toFixed(1)}%`).padEnd(6)}  ${(b.summary.mase === undefined ? 'n/a' : b.summary.mase.toFixed(2)).padEnd(5)}  ${pct(cov(0.8)).padEnd(9)}  ${pct(cov(0.95))}`,
  );
}
const best = table[0];
if (best)
  console.log(
    `\nLowest MASE: ${best.name} (${best.b.summary.origins} origins, ${best.b.summary.points} forecast-actual pairs). With so few points, treat the ranking as a hint, not a verdict.`,
  );
