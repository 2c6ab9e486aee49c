import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { theta } from '../../src/forecast/theta.js';
import { ses } from '../../src/forecast/ses.js';

const mk = (values: readonly number[]) =>
  series({ id: 's', unit: 'count', years: values.map((_, i) => 2000 + i), values });
const y3 = [
  1461.57, 1692.5, 2193.82, 2459.68, 3246.8, 4748.86, 5559.46, 5292.42, 5029.4, 4753.6, 4344.6, 2897.4, 3256.4, 3525.2,
]; // M3 Y3

describe('theta', () => {
  it('theta = SES forecast + (b/2)(h - 1 + (1 - (1 - alpha)^n) / alpha), b the OLS slope (Hyndman & Billah 2003)', () => {
    const s = mk(y3);
    const sesFit = ses.fit(s);
    const fit = theta.fit(s);
    const a = sesFit.params['alpha']!,
      n = y3.length;
    // OLS slope of y on 0..n-1 by hand: sum((t - tbar)(y - ybar)) / sum((t - tbar)^2)
    const tbar = (n - 1) / 2,
      ybar = y3.reduce((x, y) => x + y, 0) / n;
    const b =
      y3.reduce((acc, y, t) => acc + (t - tbar) * (y - ybar), 0) / y3.reduce((acc, _, t) => acc + (t - tbar) ** 2, 0);
    expect(fit.params['slope']).toBeCloseTo(b, 9);
    const f = theta.forecast(fit, 2016);
    const sesMean = ses.forecast(sesFit, 2016).mean;
    [0, 1, 2].forEach((h) => expect(f.mean[h]).toBeCloseTo(sesMean[h]! + (b / 2) * (h + (1 - (1 - a) ** n) / a), 8));
  });
  it('theta with 4 observations is Theta with a classical SES part (as R), and notes it', () => {
    const fit = theta.fit(mk([1, 2, 4, 5]));
    expect(fit.method).toBe('theta');
    expect(fit.notes?.[0]).toMatch(/classical fit/);
  });
  it('theta on a constant series is flat with zero-width intervals', () => {
    const f = theta.forecast(theta.fit(mk([3, 3, 3, 3, 3, 3])), 2007);
    expect(f.mean).toEqual([3, 3]);
    expect(f.intervals[0]!.lower).toEqual([3, 3]);
  });
});

describe('theta on short series (issue 14)', () => {
  it("equals R's thetaf at 6 and 4 points, where R's SES part is a classical fit", () => {
    // R 4.2.2, forecast 8.20: thetaf(ts(c(80, 88, 97, 104, 110, 121)), h = 3, level = 95) and
    // thetaf(ts(c(10, 12, 13, 15)), h = 2).
    const six = series({
      id: 'r',
      unit: 'count',
      years: [2016, 2017, 2018, 2019, 2020, 2021],
      values: [80, 88, 97, 104, 110, 121],
    });
    const f = theta.forecast(theta.fit(six), 2024, { levels: [0.95] });
    [124.971428571, 128.942857143, 132.914285714].forEach((v, i) => expect(f.mean[i]).toBeCloseTo(v, 8));
    [139.962270476, 150.143109076, 158.879185541].forEach((v, i) => expect(f.intervals[0]!.upper[i]).toBeCloseTo(v, 8));
    const four = series({ id: 'q', unit: 'count', years: [2016, 2017, 2018, 2019], values: [10, 12, 13, 15] });
    const g = theta.forecast(theta.fit(four), 2021);
    expect(g.mean[0]).toBeCloseTo(15.8, 10);
    expect(g.mean[1]).toBeCloseTo(16.6, 10);
    expect(g.method).toBe('theta');
  });
});
