// Small-sample intervals (issue 14, point 3): under 10 observations, Student-t quantiles with the variance's
// residual degrees of freedom, and ARIMA's drift or mean uncertainty; `smallSample: false` gives R's exactly.
// R references: R 4.2.2, forecast 8.20 (auto.arima, coef, sqrt(diag(var.coef)), sigma2, forecast(h = 3,
// level = 95)); qt() from R.
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { arima } from '../../src/forecast/arima.js';
import { ses } from '../../src/forecast/ses.js';
import { theta } from '../../src/forecast/theta.js';
import { holt } from '../../src/forecast/holt.js';
import { drift } from '../../src/forecast/drift.js';
import { calibrate } from '../../src/forecast/calibrate.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { forecast } from '../../src/forecast/defaultForecast.js';
import { combination } from '../../src/forecast/combination.js';
import { forecastMethods } from '../../src/forecast/methods.js';
import type { ForecastMethod } from '../../src/forecast/types.js';
import { m3Test, m3Train } from './m3Fixture.js';
import { runWithShared } from '../helpers/sharedData.js';

const mk = (values: readonly number[]) =>
  series({ id: 'x', unit: 'count', years: values.map((_, i) => 2000 + i), values });
const Z95 = 1.959963984540054; // qnorm(0.975)
const T6 = 2.4469118511449688; // qt(0.975, 6)
const T5 = 2.5705818356363137; // qt(0.975, 5)
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('arima on short series', () => {
  it("ARIMA(0,1,0) with drift on 8 points: R's bounds with smallSample: false; by default qt(0.975, 6) sqrt(h sigma^2 + h^2 se(drift)^2)", () => {
    const fit = arima.fit(mk([10, 12, 13, 15, 18, 19, 22, 24]));
    expect(fit.method).toBe('ARIMA(0,1,0) with drift');
    expect(fit.notes).toContain(
      "8 observations: intervals use Student-t quantiles with 6 degrees of freedom and include the drift's estimation variance, where R uses normal ones (forecast with smallSample: false for R's)",
    );
    const r = arima.forecast(fit, 2010, { levels: [0.95], smallSample: false });
    [27.6003166944698, 30.263189573402, 32.7718298230024].forEach((u, i) =>
      expect(rel(r.intervals[0]!.upper[i]!, u)).toBeLessThan(1e-7),
    );
    const f = arima.forecast(fit, 2010, { levels: [0.95] });
    const sigma2 = 0.666677333322666;
    const seDrift = 0.285716916659789;
    f.mean.forEach((m, i) => {
      const h = i + 1;
      expect(rel(f.intervals[0]!.upper[i]! - m, T6 * Math.sqrt(h * sigma2 + h * h * seDrift ** 2))).toBeLessThan(1e-6);
    });
  });
  it('ARIMA(0,0,0) with non-zero mean on 7 points: qt(0.975, 6) sqrt(sigma^2 + se(mean)^2)', () => {
    const fit = arima.fit(mk([50, 53, 49, 52, 51, 48, 52]));
    expect(fit.method).toBe('ARIMA(0,0,0) with non-zero mean');
    const f = arima.forecast(fit, 2007, { levels: [0.95] });
    expect(
      rel(f.intervals[0]!.upper[0]! - f.mean[0]!, T6 * Math.sqrt(3.23809523809524 + 0.629688977936529 ** 2)),
    ).toBeLessThan(1e-6);
    const r = arima.forecast(fit, 2007, { levels: [0.95], smallSample: false });
    expect(rel(r.intervals[0]!.upper[0]!, 54.2411837160135)).toBeLessThan(1e-7);
  });
  it('ARIMA(0,1,0) on 7 points: qt(0.975, 6) sqrt(h sigma^2), nothing estimated to add', () => {
    const fit = arima.fit(mk([5, 7, 6, 9, 8, 11, 12]));
    expect(fit.method).toBe('ARIMA(0,1,0)');
    const f = arima.forecast(fit, 2009, { levels: [0.95] });
    const r = arima.forecast(fit, 2009, { levels: [0.95], smallSample: false });
    [16.0007617306762, 17.6579314993456, 18.9295225865084].forEach((u, i) => {
      expect(rel(r.intervals[0]!.upper[i]!, u)).toBeLessThan(1e-7);
      expect(rel(f.intervals[0]!.upper[i]! - 12, ((u - 12) * T6) / Z95)).toBeLessThan(1e-7);
    });
  });
});

describe('exponential smoothing and Theta on short series', () => {
  const seven = mk([100, 104, 103, 109, 112, 111, 118]);
  it('ses on 7 points (ETS(A,N,N) by likelihood, sigma^2 = SSE / (7 - 2)): half-widths qt(0.975, 5) / qnorm(0.975) times R', () => {
    const fit = ses.fit(seven);
    const t = ses.forecast(fit, 2010, { levels: [0.95] });
    const r = ses.forecast(fit, 2010, { levels: [0.95], smallSample: false });
    t.mean.forEach((m, i) =>
      expect((t.intervals[0]!.upper[i]! - m) / (r.intervals[0]!.upper[i]! - m)).toBeCloseTo(T5 / Z95, 12),
    );
  });
  it("theta on 7 points: its SES part's variance has 5 degrees of freedom", () => {
    const fit = theta.fit(seven);
    const t = theta.forecast(fit, 2008, { levels: [0.95] });
    const r = theta.forecast(fit, 2008, { levels: [0.95], smallSample: false });
    expect((t.intervals[0]!.upper[0]! - t.mean[0]!) / (r.intervals[0]!.upper[0]! - r.mean[0]!)).toBeCloseTo(
      T5 / Z95,
      12,
    );
  });
  it("classical Holt on 8 points keeps R's intervals (sigma^2 = SSE / n, as R)", () => {
    const fit = holt.fit(mk([100, 104, 103, 109, 112, 111, 118, 121]));
    const t = holt.forecast(fit, 2010);
    expect(t.intervals).toEqual(holt.forecast(fit, 2010, { smallSample: false }).intervals);
  });
  it("10 points or more: R's intervals, whatever smallSample says", () => {
    const s = mk([100, 104, 103, 109, 112, 111, 118, 121, 119, 126]);
    for (const m of [ses, theta, drift, arima] as ForecastMethod[]) {
      const fit = m.fit(s);
      expect(m.forecast(fit, 2012).intervals).toEqual(m.forecast(fit, 2012, { smallSample: false }).intervals);
    }
  });
});

describe('smallSample: false reaches every part', () => {
  const s = mk([100, 104, 103, 109, 112, 111, 118, 121]);
  it("the default's combination, a log method and a calibrated method pass it to what they wrap", () => {
    const parts = [theta, arima, drift, withBoxCox(theta, { lambda: 0 }), withBoxCox(drift, { lambda: 0 })];
    // The default's intervals are calibrated (never narrower than the parts' normal ones); a mean combination
    // of its parts has the mean of the parts' bounds, which smallSample reaches.
    const comb = combination(parts, { name: 'default' });
    const upper = (m: ForecastMethod, small: boolean) =>
      m.forecast(m.fit(s), 2010, { levels: [0.95], smallSample: small }).intervals[0]!.upper;
    const mean = (small: boolean) => {
      const u = parts.map((p) => upper(p, small));
      return u[0]!.map((_, i) => u.reduce((a, x) => a + x[i]!, 0) / u.length);
    };
    upper(comb, false).forEach((v, i) => expect(v).toBeCloseTo(mean(false)[i]!, 9));
    upper(comb, true).forEach((v, i) => expect(v).toBeCloseTo(mean(true)[i]!, 9));
    expect(upper(comb, true)[0]).toBeGreaterThan(upper(comb, false)[0]!);
    const f = forecast(s, { h: 2, method: 'drift', levels: [0.95], smallSample: false });
    expect(f.intervals[0]!.upper).toEqual(upper(drift, false).slice(0, 2));
  });
  it("calibrate(drift) on 8 points: never narrower than drift's normal (R's) interval, not its t one, so smallSample changes nothing", () => {
    const cal = calibrate(drift);
    const fit = cal.fit(s);
    expect(fit.calibration.fallback).toBe(false);
    const c = cal.forecast(fit, 2010, { levels: [0.95] }).intervals[0]!;
    expect(cal.forecast(fit, 2010, { levels: [0.95], smallSample: false }).intervals[0]).toEqual(c);
    const own = (small: boolean) =>
      drift.forecast(drift.fit(s), 2010, { levels: [0.95], smallSample: small }).intervals[0]!;
    // here the calibrated upper bound lies between drift's normal and t bounds at every step
    c.upper.forEach((u, i) => {
      expect(u).toBeGreaterThan(own(false).upper[i]!);
      expect(u).toBeLessThan(own(true).upper[i]!);
    });
    c.lower.forEach((l, i) => expect(l).toBeLessThanOrEqual(own(false).lower[i]!));
  });
  it("a bias-adjusted log forecast keeps R's point forecast: exp(m) (1 + se^2 / 2), se from the normal interval", () => {
    const m = withBoxCox(drift, { lambda: 0, biasadj: true });
    const fit = m.fit(s);
    const t = m.forecast(fit, 2010, { levels: [0.95] });
    const r = m.forecast(fit, 2010, { levels: [0.95], smallSample: false });
    expect(t.mean).toEqual(r.mean);
    const log = drift.forecast(drift.fit(mk(s.values.map(Math.log))), 2010, { levels: [0.95], smallSample: false });
    log.mean.forEach((mu, i) => {
      const se = (log.intervals[0]!.upper[i]! - mu) / Z95;
      expect(rel(t.mean[i]!, Math.exp(mu) * (1 + se ** 2 / 2))).toBeLessThan(1e-12);
    });
    expect(t.intervals[0]!.upper[0]).toBeGreaterThan(r.intervals[0]!.upper[0]!);
  });
});

// Coverage on M3 yearly cut to its last 7 and 8 points (shared benchmark folder; skipped without it): the
// table in docs/forecast-methods.md ("Small-sample intervals"), each fit forecast both ways.
const haveM3 = runWithShared('smallSample.test.ts', 'the M3 coverage test', 'benchmarks/m3-yearly/test.csv');

describe('95 % coverage on M3 yearly cut to 7 and 8 points (issue 14: at least 75 %)', () => {
  it.skipIf(!haveM3)(
    "every method covers at least 75 % with small-sample intervals (mean and logTrend: AR(1) errors); smallSample: false gives R's coverage",
    () => {
      const train = m3Train();
      const test = m3Test();
      // [small-sample n = 7, n = 8, R's n = 7, n = 8], percent to one decimal
      const cover = (m: ForecastMethod): number[] => {
        const inside = [0, 0, 0, 0];
        let all = 0;
        for (const [id, { values }] of train) {
          const y = test.get(id)!;
          for (const [j, n] of [7, 8].entries()) {
            const fit = m.fit(mk(values.slice(-n)));
            for (const [k, small] of [true, false].entries()) {
              const iv = m.forecast(fit, 2000 + n - 1 + y.length, { levels: [0.95], smallSample: small }).intervals[0]!;
              y.forEach((x, i) => {
                if (x >= iv.lower[i]! && x <= iv.upper[i]!) inside[2 * k + j]!++;
              });
            }
          }
          all += y.length;
        }
        return inside.map((v) => Math.round((1000 * v) / all) / 10);
      };
      // The mean of the default's parts with their mean bounds (the default is their trimmed mean with
      // calibrate()'s intervals, 94.0 / 93.9 % here, measured by bench/intervalStudy.ts: too slow for this test).
      const parts = [theta, arima, drift, withBoxCox(theta, { lambda: 0 }), withBoxCox(drift, { lambda: 0 })];
      const got = Object.fromEntries(
        Object.entries({ ...forecastMethods, meanOfDefaultParts: combination(parts) }).map(([name, m]) => [
          name,
          cover(m),
        ]),
      );
      expect(got).toEqual({
        naive: [84.3, 83.9, 78.3, 78],
        drift: [85.7, 86, 77.5, 79.1],
        mean: [84.5, 84.8, 64, 62.3],
        ses: [83.2, 83.2, 74, 76.2],
        holt: [80.1, 82.1, 80.1, 82.1],
        damped: [80.1, 82.1, 80.1, 82.1],
        ets: [85.3, 83.4, 76.7, 77],
        theta: [86.5, 86.3, 78.5, 80.4],
        logTrend: [78.4, 81.3, 68.4, 67.7],
        comb: [86.3, 88.2, 84, 86.1],
        arima: [75.8, 77.2, 64, 67.5],
        // dotm has no R interval: smallSample: false is its normal one (same sigma, normal quantiles).
        dotm: [91.7, 87.5, 73.1, 75],
        meanOfDefaultParts: [91.9, 92, 83.7, 85.5],
      });
      for (const [name, [a, b]] of Object.entries(got)) expect(Math.min(a!, b!), name).toBeGreaterThanOrEqual(75);
    },
  );
});
