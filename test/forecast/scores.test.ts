// Quantiles, sample paths, pinball loss and CRPS (issue 14): closed forms and fable's definitions.
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { drift } from '../../src/forecast/drift.js';
import { naive } from '../../src/forecast/naive.js';
import { defaultMethod } from '../../src/forecast/defaultForecast.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { forecastQuantiles } from '../../src/forecast/forecastQuantiles.js';
import { samplePaths } from '../../src/forecast/samplePaths.js';
import { pinball } from '../../src/forecast/accuracy/pinball.js';
import { mae } from '../../src/forecast/accuracy/mae.js';
import { crps, crpsProbs } from '../../src/forecast/accuracy/crps.js';
import { normalQuantile } from '../../src/forecast/internal/normalAndStudentT.js';
import { thrown } from '../helpers/thrown.js';

const s = series({
  id: 'x',
  unit: 'count',
  years: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021],
  values: [10, 12, 13, 15, 18, 19, 21, 24],
});

const s10 = series({
  id: 'x10',
  unit: 'count',
  years: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023],
  values: [10, 12, 13, 15, 18, 19, 21, 24, 25, 28],
});

describe('forecastQuantiles', () => {
  it("drift's p-quantile is mean + z_p se on 10 points, for any p (not only 80/95)", () => {
    const fit = drift.fit(s10);
    const f = drift.forecast(fit, 2026, { levels: [0.95] });
    const se = f.intervals[0]!.upper.map((u, i) => (u - f.mean[i]!) / normalQuantile(0.975));
    const q = forecastQuantiles(drift, fit, 2026, [0.01, 0.3, 0.5, 0.9]);
    expect(q.probs).toEqual([0.01, 0.3, 0.5, 0.9]);
    q.probs.forEach((p, j) =>
      q.values[j]!.forEach((v, i) => expect(v).toBeCloseTo(f.mean[i]! + normalQuantile(p) * se[i]!, 8)),
    );
  });
  it("on 8 points drift's quantiles are Student-t with 6 degrees of freedom: qt(0.9, 6) = 1.4397557472651485 se", () => {
    const fit = drift.fit(s);
    const f = drift.forecast(fit, 2024, { levels: [0.95] });
    const se = f.intervals[0]!.upper.map((u, i) => (u - f.mean[i]!) / 2.4469118511449688); // qt(0.975, 6)
    const q = forecastQuantiles(drift, fit, 2024, [0.1, 0.9]);
    q.values[1]!.forEach((v, i) => expect(v).toBeCloseTo(f.mean[i]! + 1.4397557472651485 * se[i]!, 8));
    q.values[0]!.forEach((v, i) => expect(v).toBeCloseTo(f.mean[i]! - 1.4397557472651485 * se[i]!, 8));
  });
  it('the median of a log forecast is the back-transformed median; percent is read when unambiguous', () => {
    const m = withBoxCox(drift, { lambda: 0 });
    const fit = m.fit(s);
    const q = forecastQuantiles(m, fit, 2023, [10, 50, 90]);
    expect(q.probs).toEqual([0.1, 0.5, 0.9]);
    expect(q.values[1]![0]).toBeCloseTo(m.forecast(fit, 2023).mean[0]!, 6);
    expect(q.values[0]![1]! < q.values[1]![1]! && q.values[1]![1]! < q.values[2]![1]!).toBe(true);
  });
  it('a misspelt option or options that are not an object are refused', () => {
    expect(
      thrown(() => forecastQuantiles(drift, drift.fit(s), 2023, [0.5], { smallsample: false } as never)),
    ).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^forecastQuantiles: unknown option "smallsample" .*Did you mean smallSample\?/),
      issues: [{ path: ['options', 'smallsample'] }],
    });
    expect(thrown(() => forecastQuantiles(drift, drift.fit(s), 2023, [0.5], null as never))).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['options'] }],
    });
  });
  it('0 and 1, a mix of fractions and percent, and a non-method are refused', () => {
    expect(thrown(() => forecastQuantiles(drift, drift.fit(s), 2023, [0, 0.5]))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => forecastQuantiles(drift, drift.fit(s), 2023, [0.5, 90]))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => forecastQuantiles({} as never, drift.fit(s), 2023, [0.5]))).toMatchObject({
      code: 'invalid_argument',
    });
  });
});

describe('samplePaths', () => {
  it('the same seed gives the same paths; model paths of naive have variance sigma^2 h (R), times df / (df - 2) as t paths on 8 points', () => {
    const fit = naive.fit(s);
    const a = samplePaths(naive, fit, 2023, { paths: 20000, seed: 3, smallSample: false });
    const b = samplePaths(naive, fit, 2023, { paths: 20000, seed: 3, smallSample: false });
    expect(a.paths).toEqual(b.paths);
    expect(a.kind).toBe('model');
    const variance = (paths: Float64Array) => {
      const second = Array.from({ length: 20000 }, (_, p) => paths[p * 2 + 1]!);
      const mean = second.reduce((x, y) => x + y, 0) / second.length;
      return { mean, v: second.reduce((x, y) => x + (y - mean) ** 2, 0) / (second.length - 1) };
    };
    const g = variance(a.paths);
    expect(g.mean).toBeCloseTo(24, 0);
    expect(g.v / (2 * fit.sigma2)).toBeCloseTo(1, 1);
    // The default small-sample paths: t with 8 - 1 = 7 degrees of freedom, variance factor 7 / 5.
    const t = variance(samplePaths(naive, fit, 2023, { paths: 20000, seed: 3 }).paths);
    expect(t.v / (2 * fit.sigma2)).toBeCloseTo(1.4, 1);
  });
  it('combinations draw year by year from their own quantiles: the share below the 80 % upper bound is about 90 %', () => {
    const fit = defaultMethod.fit(s);
    const r = samplePaths(defaultMethod, fit, 2023, { paths: 20000, seed: 9 });
    expect(r.kind).toBe('marginal');
    const up = defaultMethod.forecast(fit, 2023, { levels: [0.8] }).intervals[0]!.upper[1]!;
    let below = 0;
    for (let p = 0; p < 20000; p++) if (r.paths[p * 2 + 1]! <= up) below++;
    expect(below / 20000).toBeCloseTo(0.9, 1);
  });
  it('a misspelt option throws, naming the option meant', () => {
    expect(
      thrown(() => samplePaths(naive, naive.fit(s), 2023, { paths: 2, seed: 1, smallSamples: false } as never)),
    ).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^samplePaths: unknown option "smallSamples" .*Did you mean smallSample\?/),
      issues: [{ path: ['options', 'smallSamples'] }],
    });
    expect(samplePaths(naive, naive.fit(s), 2023, { paths: 2, seed: 1, smallSample: false }).paths.length).toBe(4);
  });
  it('bad paths or seed throw invalid_argument', () => {
    expect(thrown(() => samplePaths(naive, naive.fit(s), 2023, { paths: 0, seed: 1 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => samplePaths(naive, naive.fit(s), 2023, { paths: 2, seed: 1.5 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
});

describe('pinball and CRPS (fable definitions)', () => {
  it('pinball at p = 0.5 is the MAE; the worked example 2(1 - p)(q - y) and 2p(y - q)', () => {
    expect(pinball([10, 20, 30], [12, 15, 30], 0.5)).toBeCloseTo(mae([10, 20, 30], [12, 15, 30]), 12);
    expect(pinball([10, 20], [12, 15], 0.9)).toBeCloseTo((2 * 0.1 * 2 + 2 * 0.9 * 5) / 2, 12);
    expect(thrown(() => pinball([1], [1], 1.5))).toMatchObject({ code: 'invalid_argument' });
  });
  it('CRPS of a normal: (sqrt 2 - 1)/sqrt(pi) sd at the mean, scales with sd, tends to |y - m| - sd/sqrt(pi) far out', () => {
    expect(crps([0], { mean: [0], sd: [1] })).toBeCloseTo((Math.SQRT2 - 1) / Math.sqrt(Math.PI), 14);
    expect(crps([5], { mean: [5], sd: [3] })).toBeCloseTo((3 * (Math.SQRT2 - 1)) / Math.sqrt(Math.PI), 12);
    expect(crps([20], { mean: [0], sd: [1] })).toBeCloseTo(20 - 1 / Math.sqrt(Math.PI), 10);
    expect(crps([3, 5], { mean: [1, 5], sd: [0, 0] })).toBe(1);
  });
  it("the quantile form at fable's 1000 probabilities matches the normal closed form to 1e-3 relative", () => {
    const probs = crpsProbs();
    expect(probs).toHaveLength(1000);
    for (const y of [-2, 0.3, 1.7]) {
      const values = probs.map((p) => [normalQuantile(p)]);
      const approx = crps([y], { probs, values });
      expect(approx / crps([y], { mean: [0], sd: [1] })).toBeCloseTo(1, 2);
    }
  });
  it('CRPS of a forecast from forecastQuantiles equals the closed form for drift (10 points: normal)', () => {
    const fit = drift.fit(s10);
    const f = drift.forecast(fit, 2024, { levels: [0.95] });
    const sd = (f.intervals[0]!.upper[0]! - f.mean[0]!) / normalQuantile(0.975);
    const q = forecastQuantiles(drift, fit, 2024, crpsProbs());
    expect(crps([30], q) / crps([30], { mean: f.mean, sd: [sd] })).toBeCloseTo(1, 2);
  });
  it('a negative sd or mismatched quantile rows throw invalid_argument', () => {
    expect(thrown(() => crps([1], { mean: [1], sd: [-1] }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => crps([1], { probs: [0.5], values: [] }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a forecast that is neither form (a BigInt) is an invalid_argument that shows it (fuzz seed 11)', () => {
    const e = thrown(() => crps([0.1268, 0.001, 0.001], 10n as never));
    expect(e).toMatchObject({
      code: 'invalid_argument',
      message:
        'crps: forecast must be { mean, sd } or { probs, values } (got 10n (a BigInt)). Use forecastQuantiles for the second.',
      issues: [{ path: ['forecast'] }],
    });
  });
});
