import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { logTrend } from '../../src/forecast/logTrend.js';
import { thrown } from '../helpers/thrown.js';
import { MetricsError } from '../../src/errors.js';

describe('logTrend', () => {
  // log values 0, 0.1, 0.25, 0.3, 0.4 on x = 0..4 (years 2020..2024), by hand: xbar 2, Sxx 10,
  // Sxy 1.0, slope 0.1, residuals -0.01, -0.01, 0.04, -0.01, -0.01, SSE 0.002, s^2 = 0.002 / 3,
  // se(slope) = sqrt(s^2 / 10), t(0.975, 3) = 3.182446305284263 (R qt).
  const logs = [0, 0.1, 0.25, 0.3, 0.4];
  const s = series({ id: 'g', unit: 'count', years: [2020, 2021, 2022, 2023, 2024], values: logs.map(Math.exp) });
  it('logTrend reports cagr = e^0.1 - 1 with the t confidence interval', () => {
    const p = logTrend.fit(s).params;
    const se = Math.sqrt(0.002 / 3 / 10),
      t = 3.182446305284263;
    expect(p['cagr']).toBeCloseTo(Math.exp(0.1) - 1, 12);
    expect(p['cagrLower']).toBeCloseTo(Math.exp(0.1 - t * se) - 1, 10);
    expect(p['cagrUpper']).toBeCloseTo(Math.exp(0.1 + t * se) - 1, 10);
  });
  it('logTrend forecasts exp(0.21 + 0.1 (year - 2022)) and exp of the t prediction interval', () => {
    const f = logTrend.forecast(logTrend.fit(s), 2026, { levels: [0.95] });
    expect(f.mean[1]).toBeCloseTo(Math.exp(0.21 + 0.4), 10);
    const w = 3.182446305284263 * Math.sqrt((0.002 / 3) * (1 + 1 / 5 + 16 / 10));
    expect(f.intervals[0]!.upper[1]).toBeCloseTo(Math.exp(0.61 + w), 9);
  });
  it('logTrend on exact 10 % growth gives cagr 0.1 and a zero-width interval', () => {
    const p = logTrend.fit(
      series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [100, 110, 121] }),
    ).params;
    expect(p['cagr']).toBeCloseTo(0.1, 12);
    expect(p['cagrUpper']! - p['cagrLower']!).toBeLessThan(1e-9);
  });
  it('logTrend with a value <= 0 throws invalid_argument', () => {
    expect(
      thrown(() => logTrend.fit(series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [1, -1, 2] }))),
    ).toMatchObject({ code: 'invalid_argument' });
  });
  it('logTrend refuses, as degenerate, a growth whose confidence interval overflows (fuzz seed 11)', () => {
    // logs -744.4, -6.9, -6.9, -6.9: slope 221 with a standard error of 128, and t(0.975, 2) = 4.3, so the
    // upper end of the growth's interval would be e^770 - 1, beyond a double (it was Infinity)
    const x = series({
      id: 'f',
      unit: 'count',
      years: [2000, 2001, 2002, 2003],
      values: [5e-324, 0.001, 0.001, 0.001],
    });
    const e = thrown(() => logTrend.fit(x));
    expect(e).toBeInstanceOf(MetricsError);
    expect(e).toMatchObject({ code: 'degenerate' });
    expect((e as Error).message).toMatch(
      /^logTrend\.fit: the growth rate of series "f" cannot be estimated: the upper end of its 95% confidence interval overflows \(got a log slope of 221\.\d+ ± 549\.\d+\)\. The values \(from 5e-324 to 0\.001\) are too extreme for a log-linear trend; leave out the outlying years, or try drift or naive\.$/,
    );
  });
});
