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
  it('theta with 4 observations falls back to drift and notes it', () => {
    const fit = theta.fit(mk([1, 2, 4, 5]));
    expect(fit.method).toBe('drift');
    expect(fit.notes?.[0]).toMatch(/fell back to drift/);
    const mean = theta.forecast(fit, 2005).mean; // drift (5 - 1) / 3 a year from 5
    expect(mean[0]).toBeCloseTo(19 / 3, 12);
    expect(mean[1]).toBeCloseTo(23 / 3, 12);
  });
  it('theta on a constant series is flat with zero-width intervals', () => {
    const f = theta.forecast(theta.fit(mk([3, 3, 3, 3, 3, 3])), 2007);
    expect(f.mean).toEqual([3, 3]);
    expect(f.intervals[0]!.lower).toEqual([3, 3]);
  });
});
