// Exponential smoothing: selection, fallbacks for short series, intervals, simulate and errors.
// Agreement with R's numbers is in rReference.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { rng } from '../../src/random/rng.js';
import { ses } from '../../src/forecast/ses.js';
import { holt } from '../../src/forecast/holt.js';
import { damped } from '../../src/forecast/damped.js';
import { ets } from '../../src/forecast/ets.js';
import { etsModel } from '../../src/forecast/etsModel.js';
import { initialStates } from '../../src/forecast/internal/etsEngine.js';
import { thrown } from '../helpers/thrown.js';

const mk = (values: readonly number[], from = 2000) =>
  series({ id: 's', unit: 'count', years: values.map((_, i) => from + i), values });
// M3 Y1 (Makridakis & Hibon 2000); R's ets() selects ETS(M,A,N) for it.
const y1 = [
  940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63, 4387.88,
  4936.99,
];

describe('ets', () => {
  it('ets.fit(Y1) picks the model with the lowest AICc among the six fixed models', () => {
    const s = mk(y1);
    const fit = ets.fit(s);
    const all = (['A', 'M'] as const).flatMap((error) =>
      (['N', 'A', 'Ad'] as const).map((trend) => etsModel({ error, trend }).fit(s)),
    );
    const best = all.reduce((a, b) => (b.aicc! < a.aicc! ? b : a));
    expect(fit.method).toBe('ets(M,A,N)');
    expect(fit.method).toBe(best.method);
    expect(fit.aicc).toBe(best.aicc);
    expect(fit.notes).toContain('selected ets(M,A,N) by AICc among the 6 candidates that 14 observations can fit');
  });
  it('ets leaves out multiplicative errors for a series with values <= 0, and says so', () => {
    const fit = ets.fit(mk([-3, 1, 4, 2, 6, 5, 8, 9, 7, 11]));
    expect(fit.method).toMatch(/^ets\(A,/);
    expect(fit.notes?.join(' ')).toMatch(/multiplicative-error models were not considered/);
  });
  it('ets counts only the candidates it could fit (issue 14: 7 points fit ANN, AAN, MNN, MAN, not the damped ones)', () => {
    const fit = ets.fit(mk([10, 12, 13, 15, 18, 19, 21]));
    expect(fit.notes?.join(' ')).toMatch(/among the 4 candidates that 7 observations can fit/);
  });
  it("ets parameters stay in R's usual region", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 8, maxLength: 20 }), (vs) => {
        const p = ets.fit(mk(vs)).params;
        const alpha = p['alpha']!;
        return (
          alpha >= 1e-4 &&
          alpha <= 0.9999 &&
          (p['beta'] === undefined || (p['beta'] >= 1e-4 && p['beta'] <= alpha)) &&
          (p['phi'] === undefined || (p['phi'] >= 0.8 && p['phi'] <= 0.98))
        );
      }),
      { numRuns: 30 },
    );
  });
  it('ets on a constant series forecasts the constant with zero-width intervals', () => {
    const f = ets.forecast(ets.fit(mk([5, 5, 5, 5, 5])), 2006);
    expect(f.mean).toEqual([5, 5]);
    expect(f.intervals[1]!.upper).toEqual([5, 5]);
    expect(f.fit.notes?.[0]).toMatch(/constant/);
  });
  it('ets with 4 observations fits classical Holt and SES, as R, and keeps the one with the smaller variance', () => {
    const y = [10, 12, 13, 15];
    const fit = ets.fit(mk(y));
    expect(fit.method).toMatch(/^ets\(A,[AN],N\)$/);
    expect(fit.notes?.join(' ')).toMatch(/4 observations are too few to select an ETS model: fitted Holt and SES/);
    // The fit's own recursion: fitted values from l0 = y1 (and b0 = y2 - y1) with its weights.
    const { alpha = 0, beta = 0 } = fit.params;
    let l = 10,
      b = fit.components?.trend === 'A' ? 2 : 0;
    y.forEach((v, i) => {
      expect(fit.fitted[i]).toBeCloseTo(l + b, 10);
      const lNew = l + b + alpha * (v - l - b);
      if (fit.components?.trend === 'A') b = beta * (lNew - l) + (1 - beta) * b;
      l = lNew;
    });
    expect(fit.sigma2).toBeCloseTo(fit.residuals.reduce((a2, r) => a2 + r * r, 0) / 4, 12);
  });
});

describe("starting states as R's", () => {
  it("the trend models' starting line is R's lsfit line to the last bit (not only the closed form's value)", () => {
    // R 4.2.2, forecast 8.20: forecast:::initstate(log(Y429), "A", "N") for M3 Y429's first ten values.
    const first10 = [8506.01, 8224.48, 8381.79, 8457.96, 8554.98, 8587.62, 8877.32, 9209.18, 9516.03, 9685.82];
    const [l0, b0] = initialStates(Float64Array.from(first10, Math.log), true);
    expect(l0).toBe(8.98742106543601);
    expect(b0).toBe(0.017028656624938014);
    // The closed form sxy / sxx gives 8.987421065436008 and 0.017028656624938066: one and fifteen units in
    // the last place away, enough to move the optimiser's end on a flat likelihood.
  });
  it('the line is the least-squares line: exact on a straight line, the mean of the first ten without trend', () => {
    const [l, b] = initialStates(
      Float64Array.from({ length: 12 }, (_, i) => 3 + 2 * (i + 1)),
      true,
    );
    expect(l).toBeCloseTo(3, 12);
    expect(b).toBeCloseTo(2, 12);
    expect(initialStates(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]), false)).toEqual([5.5, 0]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 3, maxLength: 10 }), (v) => {
        const m = v.length;
        const xbar = (m + 1) / 2;
        const ybar = v.reduce((a, x) => a + x, 0) / m;
        const sxx = v.reduce((a, _, i) => a + (i + 1 - xbar) ** 2, 0);
        const sxy = v.reduce((a, x, i) => a + (i + 1 - xbar) * (x - ybar), 0);
        const [l0, b0] = initialStates(Float64Array.from(v), true);
        const slope = sxy / sxx;
        const nudged = Math.abs(ybar - slope * xbar + slope) < 1e-8;
        return (
          nudged ||
          (Math.abs(b0 - slope) <= 1e-9 * (1 + Math.abs(slope)) &&
            Math.abs(l0 - (ybar - slope * xbar)) <= 1e-9 * (1 + Math.abs(ybar) + Math.abs(slope) * xbar))
        );
      }),
    );
  });
});

describe('short series of fixed models (R switches to classical Holt-Winters)', () => {
  it('damped with 6 observations fits undamped classical Holt and says so', () => {
    const fit = damped.fit(mk([10, 12, 13, 15, 18, 19]));
    expect(fit.method).toBe('holt');
    expect(fit.components).toEqual({ error: 'A', trend: 'A' });
    expect(fit.notes?.[0]).toMatch(/6 observations are too few for ets\(A,Ad,N\).*without damping/);
  });
  it('holt with 9 observations is estimated like ets(A,A,N), with 8 it is classical Holt; both are Holt', () => {
    const nine = holt.fit(mk([10, 12, 13, 15, 18, 19, 22, 24, 27]));
    expect(nine.method).toBe('holt');
    // ETS(A,A,N) has k = 4 estimated parameters and initial states, so sigma^2 has 9 - 4 = 5 degrees of freedom
    expect(nine.notes).toEqual([
      "9 observations: intervals use Student-t quantiles with 5 degrees of freedom, where R uses normal ones (forecast with smallSample: false for R's)",
    ]);
    const half = (f: ReturnType<typeof holt.forecast>) => f.intervals[0]!.upper[0]! - f.mean[0]!;
    const t = holt.forecast(nine, 2010, { levels: [0.95] });
    const r = holt.forecast(nine, 2010, { levels: [0.95], smallSample: false });
    expect(half(t) / half(r)).toBeCloseTo(2.5705818356363137 / 1.959963984540054, 12); // qt(0.975, 5) / qnorm(0.975)
    const eight = holt.fit(mk([10, 12, 13, 15, 18, 19, 22, 24]));
    expect(eight.method).toBe('holt');
    expect(eight.params['l0']).toBe(10);
    expect(eight.params['b0']).toBe(2);
  });
  it('ses with 4 observations is classical SES (l0 = y1), alpha in [0, 1]', () => {
    const fit = ses.fit(mk([10, 12, 13, 15]));
    expect(fit.method).toBe('ses');
    expect(fit.params['l0']).toBe(10);
    expect(fit.params['alpha']).toBeGreaterThanOrEqual(0);
    expect(fit.params['alpha']).toBeLessThanOrEqual(1);
    const f = ses.forecast(fit, 2005);
    expect(f.mean[0]).toBe(f.mean[1]);
  });
});

describe('ETS intervals and simulate', () => {
  it('ses intervals have variance sigma^2 (1 + (h - 1) alpha^2) (class 1)', () => {
    const fit = ses.fit(mk(y1));
    const f = ses.forecast(fit, 2016, { levels: [0.95] });
    const a = fit.params['alpha']!;
    const half = f.intervals[0]!.upper.map((u, i) => u - f.mean[i]!);
    expect(half[2]).toBeCloseTo(1.959963984540054 * Math.sqrt(fit.sigma2 * (1 + 2 * a * a)), 8);
  });
  it('simulated ets(A,A,N) paths have the analytic mean and 95 % bounds (20 000 paths)', () => {
    const m = etsModel({ error: 'A', trend: 'A' });
    const fit = m.fit(mk(y1));
    const f = m.forecast(fit, 2017, { levels: [0.95] });
    const { paths } = m.simulate!(fit, 2017, { paths: 20000, rng: rng(3) });
    const H = f.years.length,
      last = Array.from({ length: 20000 }, (_, p) => paths[p * H + 2]!).sort((x, y) => x - y);
    const mean = last.reduce((x, y) => x + y, 0) / last.length;
    const width = f.intervals[0]!.upper[2]! - f.intervals[0]!.lower[2]!;
    expect(Math.abs(mean - f.mean[2]!)).toBeLessThan(0.02 * width);
    expect(Math.abs(last[Math.floor(0.975 * 20000)]! - f.intervals[0]!.upper[2]!)).toBeLessThan(0.03 * width);
  });
  it('simulated ets(M,A,N) paths have the class 2 mean and spread (20 000 paths)', () => {
    const m = etsModel({ error: 'M', trend: 'A' });
    const fit = m.fit(mk(y1));
    const f = m.forecast(fit, 2019, { levels: [0.95] });
    const H = f.years.length;
    const { paths } = m.simulate!(fit, 2019, { paths: 20000, rng: rng(4) });
    let s = 0,
      s2 = 0;
    for (let p = 0; p < 20000; p++) {
      const v = paths[p * H + 4]!;
      s += v;
      s2 += v * v;
    }
    const mean = s / 20000,
      sd = Math.sqrt(s2 / 20000 - mean * mean);
    const sdAnalytic = (f.intervals[0]!.upper[4]! - f.mean[4]!) / 1.959963984540054;
    expect(Math.abs(mean - f.mean[4]!) / sdAnalytic).toBeLessThan(0.05);
    expect(sd / sdAnalytic).toBeCloseTo(1, 1);
  });
});

describe('ETS errors', () => {
  it('etsModel({ error: "M" }) on a series with a 0 throws invalid_argument naming the year', () => {
    expect(thrown(() => etsModel({ error: 'M', trend: 'N' }).fit(mk([3, 0, 4, 5, 6, 7])))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('2001'),
    });
  });
  it('etsModel with a misspelt option throws, naming the option meant', () => {
    expect(thrown(() => etsModel({ error: 'A', trned: 'Ad' } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^etsModel: unknown option "trned" .*Did you mean trend\?/),
      issues: [{ path: ['options', 'trned'] }],
    });
  });
  it('etsModel with an unknown error or trend type throws invalid_argument', () => {
    expect(thrown(() => etsModel({ error: 'X' as never, trend: 'N' }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => etsModel({ error: 'A', trend: 'M' as never }))).toMatchObject({ code: 'invalid_argument' });
  });
});
