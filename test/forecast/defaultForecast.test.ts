import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { defaultMethod, forecast } from '../../src/forecast/defaultForecast.js';
import { theta } from '../../src/forecast/theta.js';
import { dampedHolt } from '../../src/forecast/dampedHolt.js';
import { autoEts } from '../../src/forecast/autoEts.js';
import { drift } from '../../src/forecast/drift.js';
import { thrown } from '../helpers/thrown.js';

const s = series({
  id: 'bd',
  unit: 'CNY trillion',
  years: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023],
  values: [1, 1.2, 1.5, 1.9, 2.3, 2.8, 3.2, 3.8, 4.2, 4.8],
});

describe('forecast', () => {
  it('forecast(s, 2026) uses the default combination and says so', () => {
    const f = forecast(s, 2026);
    expect(f.method).toBe('default');
    expect(f.years).toEqual([2024, 2025, 2026]);
    expect(f.intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
    const parts = [theta, dampedHolt, autoEts, drift].map((m) => m.forecast(m.fit(s), 2026).mean);
    f.mean.forEach((v, i) => expect(v).toBeCloseTo(parts.reduce((acc, p) => acc + p[i]!, 0) / 4, 10));
    expect(f.fit.notes?.some((n) => n.startsWith('ets: selected ets('))).toBe(true);
  });
  it('forecast(s, 2026, { method: "drift" }) equals drift', () => {
    expect(forecast(s, 2026, { method: 'drift' }).mean).toEqual(drift.forecast(drift.fit(s), 2026).mean);
    expect(forecast(s, 2026, { method: drift, levels: [0.5] }).intervals[0]!.level).toBe(0.5);
  });
  it('defaultMethod is named default', () => {
    expect(defaultMethod.name).toBe('default');
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
