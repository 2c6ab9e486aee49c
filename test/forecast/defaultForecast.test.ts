import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { COMPOUNDING_NOTE, compoundingNote, defaultMethod, forecast } from '../../src/forecast/defaultForecast.js';
import type { Forecast } from '../../src/forecast/types.js';
import { calibrate } from '../../src/forecast/calibrate.js';
import { combination } from '../../src/forecast/combination.js';
import { theta } from '../../src/forecast/theta.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { arima } from '../../src/forecast/arima.js';
import { drift } from '../../src/forecast/drift.js';
import { thrown } from '../helpers/thrown.js';

const s = series({
  id: 'bd',
  unit: 'CNY trillion',
  years: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023],
  values: [1, 1.2, 1.5, 1.9, 2.3, 2.8, 3.2, 3.8, 4.2, 4.8],
});

describe('forecast', () => {
  it('forecast(s, 2026) uses the default combination, with calibrated intervals, and says so', () => {
    const f = forecast(s, 2026);
    expect(f.method).toMatch(/^default\(theta, ARIMA\(\d,\d,\d\)[a-z -]*, drift, log\(theta\), log\(drift\)\)-cal$/);
    expect(f.years).toEqual([2024, 2025, 2026]);
    expect(f.intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
    const methods = [theta, arima, drift, withBoxCox(theta, { lambda: 0 }), withBoxCox(drift, { lambda: 0 })];
    const parts = methods.map((m) => m.forecast(m.fit(s), 2026).mean);
    // the trimmed mean: the five parts without the lowest and the highest (bench/defaultStudy.ts chose it)
    f.mean.forEach((v, i) => {
      const sorted = parts.map((p) => p[i]!).sort((a, b) => a - b);
      expect(v).toBeCloseTo((sorted[1]! + sorted[2]! + sorted[3]!) / 3, 10);
    });
    // The intervals are calibrate()'s, of the combination of the same parts (bench/intervalStudy.ts chose them);
    // on the 14 training values of M3's Y1 they are wider than the parts' trimmed bounds at 95 %.
    const m3Y1 = [
      940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63,
      4387.88, 4936.99,
    ];
    const y1 = series({ id: 'Y1', unit: 'count', years: m3Y1.map((_, i) => 1975 + i), values: m3Y1 });
    const trimmed = combination(methods, { name: 'default', average: 'trimmed' });
    const cal = calibrate(trimmed);
    const calFit = cal.fit(y1);
    expect(calFit.calibration.fallback).toBe(false);
    const d = defaultMethod.forecast(defaultMethod.fit(y1), 1994);
    expect(d.intervals).toEqual(cal.forecast(calFit, 1994).intervals);
    const comb = trimmed.forecast(trimmed.fit(y1), 1994);
    expect(d.mean).toEqual(comb.mean);
    d.intervals[1]!.upper.forEach((u, i) => expect(u).toBeGreaterThan(comb.intervals[1]!.upper[i]!));
    expect(f.fit.notes?.some((n) => n.startsWith('arima: '))).toBe(true);
  });
  it('forecast(s, 2026, { method: "drift" }) equals drift', () => {
    expect(forecast(s, 2026, { method: 'drift' }).mean).toEqual(drift.forecast(drift.fit(s), 2026).mean);
    expect(forecast(s, 2026, { method: drift, levels: [0.5] }).intervals[0]!.level).toBe(0.5);
  });
  it("defaultMethod is the method forecast() uses: its name, fit and forecast give forecast()'s numbers", () => {
    expect(defaultMethod.name).toBe('default');
    const f = defaultMethod.forecast(defaultMethod.fit(s), 2026, { levels: [0.8, 0.95] });
    const g = forecast(s, 2026);
    expect(f.mean).toEqual(g.mean);
    expect(f.intervals).toEqual(g.intervals);
  });
  it('forecast with an unknown method, a past year or 2 points throws invalid_argument', () => {
    expect(thrown(() => forecast(s, 2026, { method: 'prophet' }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('naive'),
    });
    expect(thrown(() => forecast(s, 2023))).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() => forecast(series({ id: 'x', unit: 'count', years: [2020, 2021], values: [1, 2] }), 2025)),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => forecast(s, 2026, { method: 'toString' }))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('forecast options (issue 14)', () => {
  const gap = series({
    id: 'g',
    unit: 'count',
    years: [2015, 2016, 2017, 2019, 2020, 2021],
    values: [10, 11, 12, 14.5, 16, 17.6],
  });
  it('forecast(s, { h }) equals forecast(s, lastYear + h); both together throw', () => {
    expect(forecast(s, { h: 3 }).mean).toEqual(forecast(s, 2026).mean);
    expect(thrown(() => forecast(s, 2026, { h: 3 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => forecast(s, { h: 0 }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a gap throws missing_years unless fill says how; fill log fills 2018 at constant growth and says so', () => {
    expect(thrown(() => forecast(gap, 2023, { method: 'drift' }))).toMatchObject({ code: 'missing_years' });
    const f = forecast(gap, 2023, { method: 'drift', fill: 'log' });
    expect(f.fit.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(f.fit.values[3]).toBeCloseTo(Math.sqrt(12 * 14.5), 12);
    expect(f.fit.notes).toContain('filled 1 missing year(s) (2018) by log interpolation');
    expect(forecast(gap, 2023, { method: 'drift', fill: 'linear' }).fit.values[3]).toBeCloseTo(13.25, 12);
    expect(thrown(() => forecast(gap, 2023, { fill: 'spline' as 'log' }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('lambda wraps the method in withBoxCox: log drift compounds the average growth', () => {
    const f = forecast(s, 2025, { method: 'drift', lambda: 0 });
    const g = (4.8 / 1) ** (1 / 9);
    expect(f.mean[0]).toBeCloseTo(4.8 * g, 10);
    expect(f.mean[1]).toBeCloseTo(4.8 * g * g, 10);
    expect(f.method).toBe('log(drift)');
  });
  it('the default leaves out its log parts, with a note, for a series with a value <= 0', () => {
    const z = series({
      id: 'z',
      unit: 'count',
      years: [2016, 2017, 2018, 2019, 2020, 2021, 2022],
      values: [0, 2, 3, 5, 4, 6, 7],
    });
    const f = forecast(z, 2024);
    expect(f.method).toBe('default(theta, ets(A,N,N), drift)-cal'.replace('ets(A,N,N)', f.fit.method.split(', ')[1]!));
    expect((f.fit as { models?: string[] }).models).toHaveLength(3);
    expect(f.fit.notes?.filter((n) => n.includes('left out'))).toHaveLength(2);
  });
  it("the README's six-point series (80 … 121, 2016-2021) is forecast upwards at about its own pace", () => {
    const r = series({
      id: 'r',
      unit: 'count',
      years: [2016, 2017, 2018, 2019, 2020, 2021],
      values: [80, 88, 97, 104, 110, 121],
    });
    const f = forecast(r, 2026);
    // 8.6 % a year in the data; the default gives 157.3 in 2026 (5.4 % a year), the earlier one 136.2 (2.4 %).
    const rate = (f.mean[4]! / 121) ** (1 / 5) - 1;
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.09);
    // (121 / 80)^(1/5) - 1 = 8.63 %, at least 8 %; from the middle year, (121 / 97)^(1/3) - 1 = 7.64 %
    expect(f.fit.notes?.at(-1)).toMatch(
      /^compounding: the history grew 8\.6% a year \(2016-2021, compound; 7\.6% a year over 2018-2021\); this forecast implies 5\.4% a year to 2026\. /,
    );
  });
});

describe('the compounding note (a history grown 8 % a year or more)', () => {
  // A forecast as compoundingNote reads it: the fit's years and values, the forecast's years and means.
  const fake = (values: number[], mean: number[]) =>
    ({
      fit: { years: values.map((_, i) => 2011 + i), values },
      years: mean.map((_, i) => 2011 + values.length + i),
      mean,
    }) as unknown as Forecast;

  it('states both compound rates: the history first to last value, the forecast from the last value to its last year', () => {
    // big data revenue, RMB trillion: (1.57 / 0.28)^(1/7) - 1 = 27.9 %, from 2019 (1.57 / 0.75)^(1/4) - 1 = 20.3 %;
    // the forecast: the default's 2026 value over 1.57, to the 1/3
    const bd = series({
      id: 'bd',
      unit: 'CNY trillion',
      years: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023],
      values: [0.28, 0.47, 0.62, 0.75, 0.87, 1.0, 1.26, 1.57],
    });
    const f = forecast(bd, 2026);
    const ahead = (f.mean[2]! / 1.57) ** (1 / 3) - 1;
    expect(ahead).toBeGreaterThan(0.1);
    expect(ahead).toBeLessThan(0.12);
    const note = f.fit.notes?.find((n) => n.startsWith(COMPOUNDING_NOTE));
    expect(note).toContain(
      `the history grew 27.9% a year (2016-2023, compound; 20.3% a year over 2019-2023); this forecast implies ${(100 * ahead).toFixed(1)}% a year to 2026.`,
    );
    expect(note).toContain('compare logTrend or drift on logs');
    expect(compoundingNote(f)).toBe(note);
  });
  it("from 8 % a year (the benchmarks' fast growers), only when the forecast implies less growth", () => {
    // 100 · 1.08^4 = 136.048896: exactly 8 % a year; 1.0799^4 just under
    expect(compoundingNote(fake([100, 108, 116.64, 125.9712, 136.048896], [140]))).toMatch(
      /grew 8\.0% a year \(2011-2015, compound; 8\.0% a year over 2013-2015\); this forecast implies 2\.9% a year to 2016/,
    );
    expect(compoundingNote(fake([100, 103, 110, 120, 100 * 1.0799 ** 4], [140]))).toBeUndefined();
    // the forecast keeps the history's rate or more: nothing to say
    expect(compoundingNote(fake([100, 108, 116.64, 125.9712, 136.048896], [146.93, 158.69]))).toBeUndefined();
  });
  it('a jump long ago shows in the rate over the second half; a value <= 0 there leaves that rate out', () => {
    // 1 -> 10 in the first year, flat since: 46.8 % a year compound, 0.0 % from the middle year (2014)
    expect(compoundingNote(fake([1, 10, 10, 10, 10, 10, 10], [10]))).toMatch(
      /grew 46\.8% a year \(2011-2017, compound; 0\.0% a year over 2014-2017\); this forecast implies 0\.0% a year/,
    );
    expect(compoundingNote(fake([1, 2, -1, 4, 8], [9]))).toMatch(/grew 68\.2% a year \(2011-2015, compound\); this/);
  });
  it('says nothing of a series with a value <= 0 at either end, or a forecast that is not positive', () => {
    expect(compoundingNote(fake([-1, 2, 4, 8, 16], [20]))).toBeUndefined();
    expect(compoundingNote(fake([1, 2, 4, 8, 16], [-3]))).toBeUndefined();
    expect((forecast(s, 2026, { method: 'drift' }).fit.notes ?? []).some((n) => n.startsWith(COMPOUNDING_NOTE))).toBe(
      false,
    );
  });
});
