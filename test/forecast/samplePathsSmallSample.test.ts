// Sample paths agree with the intervals on short series (issue 14): under 10 observations the intervals use
// Student-t quantiles, and the paths are drawn from the same t distributions (one chi-square scale factor per
// path), so the 2.5 % and 97.5 % quantiles of many paths are the 95 % bounds within Monte Carlo error;
// `smallSample: false` keeps R's Gaussian paths, and from 10 observations nothing changes.
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { naive } from '../../src/forecast/naive.js';
import { drift } from '../../src/forecast/drift.js';
import { ses } from '../../src/forecast/ses.js';
import { theta } from '../../src/forecast/theta.js';
import { dotm } from '../../src/forecast/dotm.js';
import { arima } from '../../src/forecast/arima.js';
import { mean } from '../../src/forecast/mean.js';
import { logTrend } from '../../src/forecast/logTrend.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { samplePaths } from '../../src/forecast/samplePaths.js';
import { pathScales } from '../../src/forecast/internal/common.js';
import { rng } from '../../src/random/rng.js';
import { MetricsError } from '../../src/errors.js';
import type { ForecastMethod } from '../../src/forecast/types.js';

const mk = (values: readonly number[]) =>
  series({ id: 'x', unit: 'count', years: values.map((_, i) => 2000 + i), values });
const seven = mk([10, 12, 13, 15, 18, 19, 22]);
// 30 points: a trend with a deterministic wiggle (no randomness in the data).
const thirty = mk(
  Array.from({ length: 30 }, (_, t) => 100 + 3 * t + 6 * Math.sin(1.7 * t) + 2 * Math.cos(0.9 * t * t)),
);
const PATHS = 20000;
// Monte Carlo standard error of the share of paths beyond a 2.5 % bound: sqrt(0.025 * 0.975 / PATHS) = 0.0011.
const SE = Math.sqrt((0.025 * 0.975) / PATHS);

/** Share of the paths below the lower and above the upper 95 % bound, per year; and the paths' 2.5/97.5 % quantiles. */
function tails(m: ForecastMethod, s: typeof seven, smallSample: boolean) {
  const fit = m.fit(s);
  const to = s.years.at(-1)! + 3;
  const f = m.forecast(fit, to, { levels: [0.95], ...(smallSample ? {} : { smallSample: false }) });
  const r = samplePaths(m, fit, to, { paths: PATHS, seed: 11, ...(smallSample ? {} : { smallSample: false }) });
  const H = r.years.length;
  return r.years.map((_, i) => {
    const col = Array.from({ length: PATHS }, (_, p) => r.paths[p * H + i]!).sort((a, b) => a - b);
    return {
      below: col.filter((v) => v < f.intervals[0]!.lower[i]!).length / PATHS,
      above: col.filter((v) => v > f.intervals[0]!.upper[i]!).length / PATHS,
      q025: col[Math.round(0.025 * PATHS)]!,
      q975: col[Math.round(0.975 * PATHS) - 1]!,
      lower: f.intervals[0]!.lower[i]!,
      upper: f.intervals[0]!.upper[i]!,
      mean: f.mean[i]!,
    };
  });
}

const methods: [string, ForecastMethod][] = [
  ['naive', naive],
  ['drift', drift],
  ['ses', ses],
  ['theta', theta],
  ['dotm', dotm],
  ['arima', arima],
  ['log(drift)', withBoxCox(drift, { lambda: 0 })],
  // mean on the seven points has autocorrelated residuals (r1 > 0), so its intervals are AR(1) ones; logTrend's
  // residuals there are not (r1 < 0): its AR(1) case is the test after this loop.
  ['mean', mean],
  ['logTrend', logTrend],
];

describe('sample paths match the intervals', () => {
  for (const [name, m] of methods) {
    for (const [n, s] of [
      [7, seven],
      [30, thirty],
    ] as const) {
      it(`${name}, n = ${n}: 2.5 % of paths beyond each 95 % bound (within 4 Monte Carlo standard errors), quantiles at the bounds`, () => {
        for (const t of tails(m, s, true)) {
          expect(Math.abs(t.below - 0.025)).toBeLessThan(4 * SE);
          expect(Math.abs(t.above - 0.025)).toBeLessThan(4 * SE);
          // The quantiles themselves: within 6 % of the half-width (about 4 Monte Carlo standard errors of a
          // t(5) quantile's estimate from 20,000 draws).
          expect(Math.abs(t.q025 - t.lower)).toBeLessThan(0.06 * (t.mean - t.lower));
          expect(Math.abs(t.q975 - t.upper)).toBeLessThan(0.06 * (t.upper - t.mean));
        }
      });
    }
  }

  it('logTrend with autocorrelated residuals (r1 > 0 on 7 points): its AR(1) paths sit at its AR(1) bounds', () => {
    // 100, 105, 111, 130, 136, 140, 143: the log-trend residuals have r1 = 0.139 (test/forecast/ar1Intervals.test.ts).
    const s = mk([100, 105, 111, 130, 136, 140, 143]);
    expect(logTrend.fit(s).params['acf1']).toBeGreaterThan(0);
    expect(logTrend.fit(s).notes?.join(' ')).toMatch(/AR\(1\)/);
    for (const t of tails(logTrend, s, true)) {
      expect(Math.abs(t.below - 0.025)).toBeLessThan(4 * SE);
      expect(Math.abs(t.above - 0.025)).toBeLessThan(4 * SE);
    }
  });

  it("smallSample: false keeps Gaussian paths at n = 7: 2.5 % beyond R's normal bounds, and about 0.7 % beyond the t bounds (P(Z > qt(0.975, 6)) = 0.0072)", () => {
    for (const [, m] of [
      ['naive', naive],
      ['drift', drift],
    ] as const) {
      for (const t of tails(m, seven, false)) {
        expect(Math.abs(t.below - 0.025)).toBeLessThan(4 * SE);
        expect(Math.abs(t.above - 0.025)).toBeLessThan(4 * SE);
      }
    }
    // naive on 7 points uses t with 6 degrees of freedom: the Gaussian paths fall beyond its t bounds only
    // 1 - pnorm(qt(0.975, 6)) = 0.00720 of the time on each side (R: pnorm(qt(0.975, 6), lower = FALSE)).
    const fit = naive.fit(seven);
    const tBounds = naive.forecast(fit, 2009, { levels: [0.95] });
    const r = samplePaths(naive, fit, 2009, { paths: PATHS, seed: 11, smallSample: false });
    const above = Array.from({ length: PATHS }, (_, p) => r.paths[p * 3]!).filter(
      (v) => v > tBounds.intervals[0]!.upper[0]!,
    ).length;
    const se = Math.sqrt((0.0072 * 0.9928) / PATHS);
    expect(Math.abs(above / PATHS - 0.0072)).toBeLessThan(4 * se);
  });

  it('paths are reproducible from the seed; from 10 observations smallSample changes nothing', () => {
    const fit = drift.fit(seven);
    const a = samplePaths(drift, fit, 2009, { paths: 50, seed: 3 });
    const b = samplePaths(drift, fit, 2009, { paths: 50, seed: 3 });
    expect([...a.paths]).toEqual([...b.paths]);
    const c = samplePaths(drift, fit, 2009, { paths: 50, seed: 3, smallSample: false });
    expect([...c.paths]).not.toEqual([...a.paths]);
    const f30 = drift.fit(thirty);
    const d = samplePaths(drift, f30, 2032, { paths: 50, seed: 3 });
    const e = samplePaths(drift, f30, 2032, { paths: 50, seed: 3, smallSample: false });
    expect([...d.paths]).toEqual([...e.paths]);
  });

  it('pathScales: sqrt(df / chi2_df) per path; its mean square is df / (df - 2) for df > 2; none without df', () => {
    expect(pathScales(undefined, 5, rng(1))).toBeUndefined();
    const s = pathScales(6, 100000, rng(7))!;
    const ms = s.reduce((a, v) => a + v * v, 0) / s.length;
    // E[6 / chi2_6] = 6 / (6 - 2) = 1.5 (inverse chi-square mean); var(1 / chi2_k) = 2 / ((k - 2)^2 (k - 4)) = 1/16
    // at k = 6, so 6 / chi2_6 has sd 6 * 0.25 and the mean of 1e5 draws a standard error of 1.5 / sqrt(1e5).
    expect(Math.abs(ms - 1.5)).toBeLessThan(4 * ((6 * 0.25) / Math.sqrt(100000)));
  });

  it('a smallSample that is not a boolean is refused', () => {
    const fit = naive.fit(seven);
    expect(() => samplePaths(naive, fit, 2009, { paths: 5, seed: 1, smallSample: 'no' as never })).toThrow(
      MetricsError,
    );
    expect(() => samplePaths(naive, fit, 2009, { paths: 5, seed: 1, smallSample: 'no' as never })).toThrow(
      /smallSample must be true or false \(got "no"\)/,
    );
  });
});
