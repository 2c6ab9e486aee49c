// dotm: the Dynamic Optimised Theta Model (Fiorucci et al. 2016) against forecTheta's dotm(), closed forms
// of the recursion and its intervals, short series and errors. The R numbers come from R 4.2.2 with forecast
// 8.20, tseries 0.10-53 and forecTheta 3.0's R source (scripts/r/dotm-reference.R); the M3 comparison reads
// test/forecast/fixtures/r-dotm.csv and the series from the shared benchmark folder (without it: skipped, failed on CI).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { dotm } from '../../src/forecast/dotm.js';
import { theta } from '../../src/forecast/theta.js';
import { calibrate } from '../../src/forecast/calibrate.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { ols } from '../../src/forecast/internal/common.js';
import { normalQuantile, tQuantile } from '../../src/forecast/internal/normalAndStudentT.js';
import { MetricsError } from '../../src/errors.js';
import { relClose, thrown } from '../helpers/thrown.js';
import { runWithShared } from '../helpers/sharedData.js';
import { m3Train } from './m3Fixture.js';

const haveM3 = runWithShared('dotm.test.ts', 'the forecTheta agreement test', 'benchmarks/m3-yearly/train.csv');

const mk = (values: readonly number[]) =>
  series({ id: 'x', unit: 'count', years: values.map((_, i) => 2011 + i), values });
const ten = mk([10, 12, 13, 15, 18, 19, 21, 24, 27, 30]);

describe('dotm against forecTheta', () => {
  it('the worked example: parameters and point forecasts as forecTheta 3.0 gives them', () => {
    // R: dotm(ts(c(10, 12, 13, 15, 18, 19, 21, 24, 27, 30)), h = 6, level = c(80, 95)), printed to 15 digits (here 14).
    const fit = dotm.fit(ten);
    expect(relClose(fit.params['ell0']!, -9955.4656141888, 1e-9)).toBe(true);
    expect(relClose(fit.params['alpha']!, 0.989999974263589, 1e-9)).toBe(true);
    expect(relClose(fit.params['theta']!, 13871.8008953225, 1e-9)).toBe(true);
    const f = dotm.forecast(fit, 2026);
    [
      32.1672734514179, 34.4025855230671, 36.6717662693307, 38.9614393583928, 41.2640028707109, 43.5749487268776,
    ].forEach((v, i) => expect(relClose(f.mean[i]!, v, 1e-10)).toBe(true));
    expect(f.method).toBe('dotm');
  });

  it.skipIf(!haveM3)(
    'every M3 yearly series, whole and cut to 8 points (1290 fits): point forecasts within 1e-11 of forecTheta (its file has 12 digits), alpha and theta within 1e-6',
    () => {
      const train = m3Train();
      const rows = readFileSync(new URL('./fixtures/r-dotm.csv', import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .slice(1);
      expect(rows).toHaveLength(1290);
      let worst = 0;
      for (const row of rows) {
        const [id, n, , alpha, theta, , ...means] = row.split(',');
        const fit = dotm.fit(mk(train.get(id!)!.values.slice(-Number(n))));
        expect(relClose(fit.params['alpha']!, Number(alpha), 1e-6)).toBe(true);
        expect(relClose(fit.params['theta']!, Number(theta), 1e-6)).toBe(true);
        const f = dotm.forecast(fit, fit.years.at(-1)! + 6);
        means.forEach((v, i) => {
          worst = Math.max(worst, Math.abs(f.mean[i]! - Number(v)) / Math.abs(Number(v)));
        });
      }
      expect(worst).toBeLessThan(1e-11);
    },
  );
});

describe('dotm closed forms', () => {
  it("the line it updates every year is the least-squares line of the data so far (Fiorucci et al.'s A_n, B_n)", () => {
    const fit = dotm.fit(ten);
    const line = ols(
      ten.values.map((_, i) => i + 1),
      ten.values,
    );
    expect(fit.state['b']).toBeCloseTo(line.b, 10);
    expect(fit.state['a']).toBeCloseTo(line.a, 10);
    expect(fit.state['meanY']).toBeCloseTo(18.9, 12); // 189 / 10
  });

  it('sigma^2 is the sum of squared errors from the third year on over n - 5; at 10 points the 95 % bound at h = 1 is z sigma away', () => {
    const fit = dotm.fit(ten);
    const sse = fit.residuals.slice(2).reduce((a, e) => a + e * e, 0);
    expect(fit.sigma2).toBeCloseTo(sse / 5, 12);
    const f = dotm.forecast(fit, 2021, { levels: [0.95] });
    expect(f.intervals[0]!.upper[0]! - f.mean[0]!).toBeCloseTo(normalQuantile(0.975) * Math.sqrt(fit.sigma2), 10);
  });

  it('with theta = 1 (no weight on the line) the model is simple exponential smoothing: se_h = sigma sqrt(1 + (h - 1) alpha^2)', () => {
    const fit = dotm.fit(ten);
    const ses = { ...fit, params: { ...fit.params, theta: 1 } };
    const f = dotm.forecast(ses, 2026, { levels: [0.95] });
    const a = fit.params['alpha']!,
      z = normalQuantile(0.975);
    f.mean.forEach((m) => expect(m).toBeCloseTo(fit.state['level']!, 10));
    f.intervals[0]!.upper.forEach((u, h) =>
      expect(u - f.mean[h]!).toBeCloseTo(z * Math.sqrt(fit.sigma2 * (1 + h * a * a)), 9),
    );
  });
});

describe('dotm on short and degenerate series', () => {
  it('7 points: Student-t quantiles with 2 degrees of freedom, noted; smallSample: false gives normal ones', () => {
    const fit = dotm.fit(mk([10, 12, 13, 15, 18, 19, 22]));
    expect(fit.method).toBe('dotm');
    expect(fit.notes?.join(' ')).toMatch(/Student-t quantiles with 2 degrees of freedom/);
    const sd = Math.sqrt(fit.sigma2);
    const t = dotm.forecast(fit, 2018, { levels: [0.95] });
    expect(t.intervals[0]!.upper[0]! - t.mean[0]!).toBeCloseTo(tQuantile(0.975, 2) * sd, 9);
    const z = dotm.forecast(fit, 2018, { levels: [0.95], smallSample: false });
    expect(z.intervals[0]!.upper[0]! - z.mean[0]!).toBeCloseTo(normalQuantile(0.975) * sd, 9);
  });

  it('5 points: the Theta method, and the fit says why', () => {
    const s = mk([10, 12, 13, 15, 18]);
    const fit = dotm.fit(s);
    expect(fit.method).toBe('theta');
    expect(fit.notes?.[0]).toMatch(/fell back to the Theta method: .* at least 6 observations \(got 5\)/);
    expect(dotm.forecast(fit, 2018).mean).toEqual(theta.forecast(theta.fit(s), 2018).mean);
  });

  it('a constant series gives that constant with zero-width intervals', () => {
    const f = dotm.forecast(dotm.fit(mk([4, 4, 4, 4, 4, 4, 4, 4])), 2021);
    expect(f.mean).toEqual([4, 4, 4]);
    expect(f.intervals[1]!.lower).toEqual([4, 4, 4]);
    expect(f.intervals[1]!.upper).toEqual([4, 4, 4]);
  });

  it('refuses a fit whose alpha or theta was changed out of the model, naming the field', () => {
    const fit = dotm.fit(ten);
    for (const [params, field] of [
      [{ ...fit.params, alpha: 0 }, 'fit.params.alpha'],
      [{ ...fit.params, theta: 0.5 }, 'fit.params.theta'],
    ] as const) {
      const e = thrown(() => dotm.forecast({ ...fit, params }, 2022));
      expect(e).toBeInstanceOf(MetricsError);
      expect((e as MetricsError).code).toBe('invalid_argument');
      expect((e as MetricsError).message).toContain(field);
    }
  });

  it("calibrate keeps its in-sample origins' errors as measured (scale 1), withBoxCox too", () => {
    const s = mk([10, 12, 13, 15, 18, 19, 21, 24, 27, 30, 31, 35]);
    const asMeasured = calibrate(dotm).fit(s).calibration;
    const scaled = calibrate({ ...dotm, calibrationScale: 'residuals' }).fit(s).calibration;
    expect(asMeasured.scale).toBe(1);
    expect(Math.abs(scaled.scale - 1)).toBeGreaterThan(0.05);
    // the same errors, times the factor the residual scales would have applied (b does not depend on it)
    expect(scaled.exponent).toBeCloseTo(asMeasured.exponent, 12);
    expect(scaled.pooled).toEqual(asMeasured.pooled.map((v) => expect.closeTo(v * scaled.scale, 12)));
    expect(withBoxCox(dotm, { lambda: 0 }).calibrationScale).toBe('none');
  });
  it('leaves its input as it was', () => {
    const values = [10, 12, 13, 15, 18, 19, 21, 24, 27, 30];
    const s = mk(values);
    dotm.forecast(dotm.fit(s), 2025);
    expect(s.values).toEqual([10, 12, 13, 15, 18, 19, 21, 24, 27, 30]);
  });
});
