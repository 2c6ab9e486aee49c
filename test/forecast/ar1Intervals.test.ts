// mean and logTrend on short series: intervals under AR(1) errors (issue 14). Closed forms worked by hand,
// the bias correction of r1 against Kendall's -1/n, and properties: never narrower than the independent-error
// (R's) interval, equal to it when the residuals' lag-1 autocorrelation is <= 0.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { mean } from '../../src/forecast/mean.js';
import { logTrend } from '../../src/forecast/logTrend.js';
import {
  ar1ForecastVariance,
  ar1Rho,
  expectedAcf1,
  MAX_RHO,
  residualAcf1,
} from '../../src/forecast/internal/ar1Variance.js';
import { tQuantile } from '../../src/forecast/internal/normalAndStudentT.js';
import { thrown } from '../helpers/thrown.js';

const mk = (values: readonly number[], from = 2020) =>
  series({ id: 's', unit: 'count', years: values.map((_, i) => from + i), values: [...values] });
const ones = (n: number) => Array.from({ length: n }, () => 1);

describe('ar1ForecastVariance', () => {
  it('a mean on 3 points, rho 0.5, RSS 2, one step ahead: 37/21 (by hand)', () => {
    // c = 1 + 2 ((2/3) 0.5 + (1/3) 0.25) = 11/6; tr(M Omega) = 3 - c = 7/6; Var(mean) factor c/3 = 11/18;
    // Cov(u_4, mean) factor (0.125 + 0.25 + 0.5) / 3 = 7/24; 1 + 11/18 - 7/12 = 37/36; 2 / (7/6) * 37/36 = 37/21.
    const [v] = ar1ForecastVariance([0, 1, 2], [ones(3)], 2, 0.5, [{ time: 3, x: [1] }]);
    expect(v).toBeCloseTo(37 / 21, 13);
  });
  it('a line on 3 points, rho 0.5, one step ahead: RSS 64/15 (by hand)', () => {
    // centred times -1, 0, 1: M = (1,-2,1)'(1,-2,1)/6, tr(M Omega) = 2.5/6; x'B = (-2/3, 1/3, 4/3) for x = (1, 2):
    // x'B Omega B'x = 19/9, x'B r = 2/3 with r = (1/8, 1/4, 1/2); (1 + 19/9 - 4/3) / (5/12) = 64/15.
    const [v] = ar1ForecastVariance([0, 1, 2], [ones(3), [-1, 0, 1]], 1, 0.5, [{ time: 3, x: [1, 2] }]);
    expect(v).toBeCloseTo(64 / 15, 13);
  });
  it("with rho 0 it is s^2 (1 + x(X'X)^-1 x), the independent-error variance", () => {
    const t = [0, 1, 2, 3, 4];
    const c = t.map((v) => v - 2);
    const v = ar1ForecastVariance(t, [ones(5), c], 0.3, 0, [
      { time: 5, x: [1, 3] },
      { time: 7, x: [1, 5] },
    ]);
    expect(v[0]).toBeCloseTo((0.3 / 3) * (1 + 1 / 5 + 9 / 10), 14);
    expect(v[1]).toBeCloseTo((0.3 / 3) * (1 + 1 / 5 + 25 / 10), 14);
  });
});

describe('expectedAcf1 and ar1Rho', () => {
  it('expectedAcf1 of a fitted mean at rho 0 is -1/n (Kendall 1954)', () => {
    for (const n of [3, 5, 9])
      expect(
        expectedAcf1(
          ones(n).map((_, i) => i),
          [ones(n)],
          0,
        ),
      ).toBeCloseTo(-1 / n, 14);
  });
  it('expectedAcf1 of a mean on 3 points at rho 0.5 is -5/21 (by hand)', () => {
    // M Omega M off-diagonal neighbours -5/36 each, tr(M Omega) = 7/6.
    expect(expectedAcf1([0, 1, 2], [ones(3)], 0.5)).toBeCloseTo(-5 / 21, 14);
  });
  it('ar1Rho inverts expectedAcf1; r1 <= 0 gives 0; r1 beyond reach gives MAX_RHO', () => {
    const t = [0, 1, 2, 3, 4, 5, 6];
    const rho = ar1Rho(t, [ones(7)], 0.2);
    expect(expectedAcf1(t, [ones(7)], rho)).toBeCloseTo(0.2, 9);
    expect(rho).toBeGreaterThan(0.4); // r1 is biased down: at rho 0.4 a mean's residuals expect r1 = 0.115
    expect(ar1Rho(t, [ones(7)], 0)).toBe(0);
    expect(ar1Rho(t, [ones(7)], -0.2)).toBe(0);
    expect(ar1Rho(t, [ones(7)], 0.5)).toBe(MAX_RHO); // a mean on 7 points expects r1 < 0.4 for every rho < 1
    // a line on 7 points expects r1 <= 0 for every rho < 1: any positive r1 is beyond reach
    const line = [ones(7), t.map((v) => v - 3)];
    expect(expectedAcf1(t, line, MAX_RHO)).toBeLessThan(0);
    expect(ar1Rho(t, line, 0.05)).toBe(MAX_RHO);
  });
  it('residualAcf1 sums neighbours one year apart only', () => {
    expect(residualAcf1([0, 1, 2, 3], [-2, -1, 0, 3])).toBeCloseTo(2 / 14, 15);
    expect(residualAcf1([0, 1, 3, 4], [1, 1, -1, -1])).toBeCloseTo((1 + 1) / 4, 15);
    expect(residualAcf1([0, 1], [0, 0])).toBe(0);
  });
});

describe('mean on short series', () => {
  it('mean on [1, 2, 3, 6]: t(3) sqrt(max(s^2 (1 + 1/4), AR(1) variance)) with rho from r1 = 1/7', () => {
    const fit = mean.fit(mk([1, 2, 3, 6]));
    expect(fit.params['acf1']).toBeCloseTo(1 / 7, 15);
    // a mean on 4 points expects r1 <= 0.048 for every rho < 1, so rho is MAX_RHO
    const rho = ar1Rho([2020, 2021, 2022, 2023], [ones(4)], fit.params['acf1']!);
    expect(rho).toBe(MAX_RHO);
    // the textbook mean-of-AR(1) form: Var(mean) = gamma0/n (1 + 2 sum (1 - k/n) rho^k),
    // E[RSS] = gamma0 (n - n Var(mean)/gamma0), Cov(u_{n+h}, mean) = gamma0/n sum_t rho^(n+h-t)
    const n = 4;
    const c = 1 + 2 * [1, 2, 3].reduce((a, k) => a + (1 - k / n) * rho ** k, 0);
    const gamma0 = 14 / (n - c);
    const f = mean.forecast(fit, 2025, { levels: [0.95] });
    [1, 2].forEach((h, i) => {
      const cov = [1, 2, 3, 4].reduce((a, t) => a + rho ** (n + h - t), 0) / n;
      const v = gamma0 * (1 + c / n - 2 * cov);
      const w = tQuantile(0.975, 3) * Math.sqrt(Math.max(v, (14 / 3) * 1.25));
      expect(f.intervals[0]!.upper[i]).toBeCloseTo(3 + w, 10);
      expect(f.intervals[0]!.lower[i]).toBeCloseTo(3 - w, 10);
    });
    expect(f.intervals[0]!.upper[1]! - 3).toBeGreaterThan(3.182446305284263 * Math.sqrt((14 / 3) * 1.25));
    expect(fit.notes?.[0]).toContain('AR(1) errors');
  });
  it("mean with smallSample: false gives meanf's 3 ± qt(0.975, 3) sd sqrt(1 + 1/4)", () => {
    const f = mean.forecast(mean.fit(mk([1, 2, 3, 6])), 2025, { levels: [0.95], smallSample: false });
    expect(f.intervals[0]!.upper[0]).toBeCloseTo(3 + 3.182446305284263 * Math.sqrt(14 / 3) * Math.sqrt(1.25), 10);
  });
  it("mean on alternating values (r1 < 0) keeps meanf's interval and has no AR(1) note", () => {
    const fit = mean.fit(mk([1, 3, 1, 3, 1]));
    expect(fit.params['acf1']).toBeLessThan(0);
    expect(fit.notes).toBeUndefined();
    const a = mean.forecast(fit, 2027);
    const b = mean.forecast(fit, 2027, { smallSample: false });
    expect(a.intervals).toEqual(b.intervals);
  });
  it("mean from 10 points on gives meanf's intervals and no note, whatever r1", () => {
    const fit = mean.fit(mk([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(fit.params['acf1']).toBeCloseTo(0.7, 12); // residuals -4.5 … 4.5: sum of neighbours' products 57.75 over 82.5
    expect(fit.notes).toBeUndefined();
    expect(mean.forecast(fit, 2031).intervals).toEqual(mean.forecast(fit, 2031, { smallSample: false }).intervals);
  });
  it('a short fit whose acf1 is missing or 2 throws invalid_argument', () => {
    const fit = mean.fit(mk([1, 2, 3, 6]));
    const { acf1: _drop, ...rest } = fit.params;
    expect(thrown(() => mean.forecast({ ...fit, params: rest }, 2025))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => mean.forecast({ ...fit, params: { ...fit.params, acf1: 2 } }, 2025))).toMatchObject({
      code: 'invalid_argument',
    });
  });
});

describe('logTrend on short series', () => {
  // log values 0, 0.1, 0.25, 0.3, 0.4 (logTrend.test.ts): residuals -0.01, -0.01, 0.04, -0.01, -0.01, r1 < 0
  const logs = [0, 0.1, 0.25, 0.3, 0.4];
  it('logTrend with r1 < 0 keeps the regression interval', () => {
    const fit = logTrend.fit(mk(logs.map(Math.exp)));
    // neighbours' products 0.0001 - 0.0004 - 0.0004 + 0.0001 over SSE 0.002
    expect(fit.params['acf1']).toBeCloseTo(-0.3, 12);
    expect(logTrend.forecast(fit, 2026).intervals).toEqual(
      logTrend.forecast(fit, 2026, { smallSample: false }).intervals,
    );
  });
  it('logTrend on 7 points with r1 = 0.139 > 0: exp(a + b t ± t(5) sqrt(AR(1) variance)) with rho MAX_RHO', () => {
    const values = [100, 105, 111, 130, 136, 140, 143]; // the JSDoc example
    const fit = logTrend.fit(mk(values, 2016));
    const { intercept: a, slope: b, logSigma2: s2, xbar, sxx, acf1 } = fit.params as Record<string, number>;
    // R 4.2.2: r <- resid(lm(log(y) ~ t)); sum(r[-1] * r[-7]) / sum(r^2) gives 0.1394053815546
    expect(acf1).toBeCloseTo(0.1394053815546, 10);
    const t = [2016, 2017, 2018, 2019, 2020, 2021, 2022];
    // a line on 7 points expects r1 <= 0 for every rho < 1, so any positive r1 gives MAX_RHO
    const rho = ar1Rho(t, [ones(7), t.map((x) => x - xbar!)], acf1!);
    expect(rho).toBe(MAX_RHO);
    const [v1, v3] = ar1ForecastVariance(t, [ones(7), t.map((x) => x - xbar!)], s2! * 5, rho!, [
      { time: 2023, x: [1, 2023 - xbar!] },
      { time: 2025, x: [1, 2025 - xbar!] },
    ]);
    const today = s2! * (1 + 1 / 7 + (2025 - xbar!) ** 2 / sxx!);
    expect(v3!).toBeGreaterThan(today);
    const f = logTrend.forecast(fit, 2025, { levels: [0.95] });
    const q = tQuantile(0.975, 5);
    expect(f.intervals[0]!.upper[2]).toBeCloseTo(Math.exp(a! + b! * 2025 + q * Math.sqrt(v3!)), 9);
    expect(f.intervals[0]!.lower[0]).toBeCloseTo(
      Math.exp(a! + b! * 2023 - q * Math.sqrt(Math.max(v1!, s2! * (1 + 1 / 7 + (2023 - xbar!) ** 2 / sxx!)))),
      9,
    );
    expect(f.mean[2]).toBeCloseTo(Math.exp(a! + b! * 2025), 12);
    // The AR(1) bound computed above, pinned so that a change to ar1ForecastVariance itself shows here too.
    expect(f.intervals[0]!.upper[2]).toBeCloseTo(249.1939386845, 6);
    // R's independent-error bound: exp(predict(lm(log(y) ~ t), data.frame(t = 2025), interval = "prediction",
    // level = 0.95))[, "upr"] gives 214.6925768016 (R 4.2.2)
    expect(logTrend.forecast(fit, 2025, { levels: [0.95], smallSample: false }).intervals[0]!.upper[2]).toBeCloseTo(
      214.6925768016,
      6,
    );
  });
});

describe('properties', () => {
  const values = fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 3, maxLength: 9 });
  for (const m of [mean, logTrend]) {
    it(`${m.name}: never narrower than smallSample: false; equal when r1 <= 0`, () => {
      fc.assert(
        fc.property(values, fc.integer({ min: 1, max: 8 }), (v, h) => {
          const fit = m.fit(mk(v));
          const a = m.forecast(fit, 2019 + v.length + h).intervals;
          const b = m.forecast(fit, 2019 + v.length + h, { smallSample: false }).intervals;
          a.forEach((iv, k) =>
            iv.upper.forEach((u, i) => {
              const tol = 1e-9 * Math.max(1, Math.abs(u));
              expect(u).toBeGreaterThanOrEqual(b[k]!.upper[i]! - tol);
              expect(iv.lower[i]!).toBeLessThanOrEqual(b[k]!.lower[i]! + tol);
            }),
          );
          if (!(fit.params['acf1']! > 0)) expect(a).toEqual(b);
        }),
      );
    });
  }
});
