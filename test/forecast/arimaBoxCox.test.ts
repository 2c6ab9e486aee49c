// withBoxCox(arima, { lambda: 0 | 'auto' }) against R's forecast(auto.arima(x, lambda = 0 | "auto"), h = 6,
// level = 95) on every M3 yearly series. The reference is test/forecast/fixtures/r-arima-boxcox.csv, made by
// scripts/r/arima-boxcox-reference.R (R 4.2.2, forecast 8.20; 9 significant digits); the series themselves
// come from the shared benchmark folder (not shipped): without it the test is skipped, and fails on CI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { arima } from '../../src/forecast/arima.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { RANGE_BOUND } from '../../src/forecast/internal/common.js';
import { thrown } from '../helpers/thrown.js';
import { runWithShared } from '../helpers/sharedData.js';
import { m3Train } from './m3Fixture.js';

const haveM3 = runWithShared(
  'arimaBoxCox.test.ts',
  'the R auto.arima(x, lambda) agreement test',
  'benchmarks/m3-yearly/train.csv',
);

interface Row {
  readonly id: string;
  readonly tag: 'log' | 'auto';
  readonly lambda: number;
  readonly model: string;
  /** mean1, mean6, lo1, lo6, hi1, hi6 (NaN where R gives NA) */
  readonly r: readonly number[];
}

const rows: Row[] = readFileSync(new URL('./fixtures/r-arima-boxcox.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .slice(1)
  .map((line) => {
    // the model name is quoted and has commas
    const m = /^([^,]+),(log|auto),([^,]*),"([^"]*)",(.*)$/.exec(line);
    if (!m) throw new Error(`bad fixture line ${line}`);
    return {
      id: m[1]!,
      tag: m[2] as 'log' | 'auto',
      lambda: Number(m[3]),
      model: m[4]!,
      r: m[5]!.split(',').map((v) => (v === 'NA' ? Number.NaN : Number(v))),
    };
  });

describe('withBoxCox(arima) against R auto.arima(x, lambda) on M3 yearly (shared benchmark folder)', () => {
  it.skipIf(!haveM3)(
    'the same model on at least 99 % of the 1290 fits; where the models agree, forecasts and 95 % bounds within 1e-6 on at least 98 % of them and within 1e-4 on all',
    () => {
      const train = new Map([...m3Train()].map(([id, t]) => [id, t.values]));
      const methods = { log: withBoxCox(arima, { lambda: 0 }), auto: withBoxCox(arima, { lambda: 'auto' }) };
      let same = 0;
      let within = 0;
      let worst = 0;
      let byDesign = 0;
      const differ: string[] = [];
      const over: string[] = [];
      for (const row of rows) {
        const values = train.get(row.id)!;
        const s = series({ id: row.id, unit: 'other', years: values.map((_, i) => 1 + i), values });
        const m = methods[row.tag];
        const fit = m.fit(s);
        expect(Math.abs(fit.lambda - row.lambda)).toBeLessThan(1e-8);
        if (fit.inner.method !== row.model) {
          differ.push(`${row.id} ${row.tag}: ${fit.inner.method} (R ${row.model})`);
          continue;
        }
        same++;
        // R's point forecast is NA where it passes -1/lambda (lambda < 0); ours is a degenerate error there.
        const at = (h: number) => {
          if (Number.isNaN(row.r[h === 1 ? 0 : 1]!)) {
            expect(thrown(() => m.forecast(fit, s.years.at(-1)! + h, { levels: [0.95] }))).toMatchObject({
              code: 'degenerate',
            });
            return undefined;
          }
          return m.forecast(fit, s.years.at(-1)! + h, { levels: [0.95] });
        };
        const f1 = at(1);
        const f6 = at(6);
        const ours = [
          f1?.mean[0],
          f6?.mean[5],
          f1?.intervals[0]?.lower[0],
          f6?.intervals[0]?.lower[5],
          f1?.intervals[0]?.upper[0],
          f6?.intervals[0]?.upper[5],
        ];
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        let e = 0;
        ours.forEach((got, i) => {
          const want = row.r[i]!;
          const h = i % 2 === 0 ? 1 : 6;
          // By design: R's NA (lambda < 0, past -1/lambda) and bounds past the range bound, which ours stop at.
          if (
            got === undefined ||
            Number.isNaN(want) ||
            (i >= 4 && want > hi + RANGE_BOUND * h * (hi - lo)) ||
            ((i === 2 || i === 3) && want < lo - RANGE_BOUND * h * (hi - lo))
          ) {
            byDesign++;
            return;
          }
          e = Math.max(e, Math.abs(got - want) / Math.abs(want));
        });
        worst = Math.max(worst, e);
        if (e <= 1e-6) within++;
        else over.push(`${row.id} ${row.tag} (lambda ${row.lambda.toFixed(2)}) ${e.toExponential(1)}`);
      }
      console.log(
        `withBoxCox(arima) vs R auto.arima(lambda = 0 | "auto") on M3 yearly: same model on ${same}/${rows.length} fits (${((100 * same) / rows.length).toFixed(1)} %); where they agree, within 1e-6 on ${within}/${same} (${((100 * within) / same).toFixed(1)} %), largest relative difference ${worst.toExponential(2)}${over.length ? ` (over 1e-6: ${over.join(', ')})` : ''}; ${byDesign} numbers NA in R or past the range bound (not compared)${differ.length ? `; differ: ${differ.join('; ')}` : ''}`,
      );
      expect(rows).toHaveLength(1290);
      expect(same / rows.length).toBeGreaterThanOrEqual(0.99);
      expect(within / same).toBeGreaterThanOrEqual(0.98);
      expect(worst).toBeLessThanOrEqual(1e-4);
    },
  );
});

describe('withBoxCox(arima): worked examples (values from the fixture, R 4.2.2 forecast 8.20)', () => {
  const mk = (id: string, values: readonly number[]) =>
    series({ id, unit: 'other', years: values.map((_, i) => 1 + i), values });
  const Y1 = mk(
    'Y1',
    [
      940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63,
      4387.88, 4936.99,
    ],
  );
  it("Y1 on logs: R's ARIMA(0,1,1) with drift, forecasts 5539.14132 and 10479.4306, 95 % bounds 5232.08971-5864.21262 and 8413.90374-13052.0232", () => {
    const m = withBoxCox(arima, { lambda: 0 });
    const f = m.forecast(m.fit(Y1), 20, { levels: [0.95] });
    expect(f.method).toBe('log(ARIMA(0,1,1) with drift)');
    const got = [f.mean[0]!, f.mean[5]!, f.intervals[0]!.lower[0]!, f.intervals[0]!.lower[5]!];
    const want = [5539.14132, 10479.4306, 5232.08971, 8413.90374];
    got.forEach((g, i) => expect(Math.abs(g - want[i]!) / want[i]!).toBeLessThan(1e-8));
    expect(Math.abs(f.intervals[0]!.upper[5]! - 13052.0232) / 13052.0232).toBeLessThan(1e-8);
  });
  it("Y439 (lambda -0.8999 by Guerrero): the range bound applies on the data's scale, so the h = 1 lower bound is R's 2223.51864, not a transformed-scale bound's 3248.2", () => {
    const Y439 = mk(
      'Y439',
      [
        4924.8, 4955.1, 4961.3, 4987.4, 5008, 5145.6, 5175.7, 5212.7, 5224.4, 5240.4, 5294.8, 5369.9, 5432.7, 5438.6,
        5474.7,
      ],
    );
    const m = withBoxCox(arima, { lambda: 'auto' });
    const f = m.forecast(m.fit(Y439), 21, { levels: [0.95] });
    expect(f.fit.method).toBe('boxcox(ARIMA(0,1,0) with drift,-0.8999)');
    expect(Math.abs(f.intervals[0]!.lower[0]! - 2223.51864) / 2223.51864).toBeLessThan(1e-7);
    expect(Math.abs(f.mean[5]! - 5747.60894) / 5747.60894).toBeLessThan(1e-8);
    // R's upper bounds are NA (past -1/lambda); ours stop at the range bound: max + 5 h (max - min)
    expect(f.intervals[0]!.upper[0]).toBeCloseTo(5474.7 + 5 * (5474.7 - 4924.8), 9);
  });
});
