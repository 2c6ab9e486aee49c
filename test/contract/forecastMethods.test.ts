// The same checks for every forecasting method: the registry, fixed ETS models, and combinations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { rng } from '../../src/random/rng.js';
import { forecastMethods } from '../../src/forecast/methods.js';
import { etsModel } from '../../src/forecast/etsModel.js';
import { combination } from '../../src/forecast/combination.js';
import { defaultMethod } from '../../src/forecast/defaultForecast.js';
import { theta } from '../../src/forecast/theta.js';
import { drift } from '../../src/forecast/drift.js';
import type { ForecastMethod } from '../../src/forecast/types.js';

const methods: ForecastMethod[] = [
  ...Object.values(forecastMethods),
  etsModel({ error: 'A', trend: 'N' }),
  etsModel({ error: 'A', trend: 'A' }),
  etsModel({ error: 'A', trend: 'Ad' }),
  etsModel({ error: 'M', trend: 'N' }),
  etsModel({ error: 'M', trend: 'A' }),
  etsModel({ error: 'M', trend: 'Ad' }),
  combination([theta, drift]),
  defaultMethod,
];

// A growing, noisy industry-like series (M3 Y1's first 12 values).
const values = [
  940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63,
];
const years = values.map((_, i) => 2010 + i);

describe('forecast method contract', () => {
  it('the registry names each method by its own name', () => {
    for (const [key, m] of Object.entries(forecastMethods)) expect(m.name).toBe(key);
  });

  for (const m of methods) {
    describe(m.name, () => {
      const s = series({ id: 'y1', unit: 'count', years, values });

      it('has a description and minLength 3', () => {
        expect(m.description.length).toBeGreaterThan(10);
        expect(m.minLength).toBe(3);
      });

      it('forecasts the years after the last observation up to toYear', () => {
        const f = m.forecast(m.fit(s), 2026);
        expect(f.years).toEqual([2022, 2023, 2024, 2025, 2026]);
        expect(f.mean).toHaveLength(5);
        expect(f.seriesId).toBe('y1');
        expect(f.unit).toEqual(s.unit);
        expect(f.fit.fitted).toHaveLength(values.length);
        expect(f.fit.residuals).toHaveLength(values.length);
      });

      it('fit then forecast equals a second fit and forecast (deterministic, plain data)', () => {
        const a = m.forecast(m.fit(s), 2025, { levels: [0.5, 0.9] });
        const fit = JSON.parse(JSON.stringify(m.fit(s)));
        const b = m.forecast(fit, 2025, { levels: [0.5, 0.9] });
        expect(b).toEqual(a);
      });

      it('intervals are sorted by level, nest, and contain the point forecast', () => {
        const f = m.forecast(m.fit(s), 2027, { levels: [0.95, 0.5, 0.8] });
        expect(f.intervals.map((i) => i.level)).toEqual([0.5, 0.8, 0.95]);
        for (let k = 0; k < f.intervals.length; k++) {
          const it = f.intervals[k]!;
          for (let h = 0; h < f.years.length; h++) {
            expect(it.lower[h]!).toBeLessThanOrEqual(f.mean[h]! + 1e-9 * Math.abs(f.mean[h]!));
            expect(it.upper[h]!).toBeGreaterThanOrEqual(f.mean[h]! - 1e-9 * Math.abs(f.mean[h]!));
            if (k > 0) {
              const inner = f.intervals[k - 1]!;
              expect(it.lower[h]!).toBeLessThan(inner.lower[h]!);
              expect(it.upper[h]!).toBeGreaterThan(inner.upper[h]!);
            }
          }
        }
      });

      it('leaves the input series untouched', () => {
        const input = { id: 'y1', unit: 'count', years: [...years], values: [...values] };
        const s2 = series(input);
        m.forecast(m.fit(s2), 2030);
        expect(s2.values).toEqual(values);
        expect(s2.years).toEqual(years);
        expect(input.values).toEqual(values);
      });

      it('refuses toYear at or before the last year; reads [95] as 0.95 and refuses a mix [0.8, 95]', () => {
        const fit = m.fit(s);
        expect(() => m.forecast(fit, 2021)).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
        expect(m.forecast(fit, 2023, { levels: [95] }).intervals.map((i) => i.level)).toEqual([0.95]);
        expect(() => m.forecast(fit, 2023, { levels: [0.8, 95] })).toThrow(/mixes fractions and percent/);
      });

      it('refuses a missing fit with invalid_argument (no TypeError)', () => {
        // The check once compared the fit with "no fit just made" (undefined), so undefined passed unchecked.
        expect(() => m.forecast(undefined as never, 2030)).toThrow(
          expect.objectContaining({ code: 'invalid_argument', message: expect.stringMatching(/got undefined/) }),
        );
      });

      it('refuses 2 observations with invalid_argument', () => {
        expect(() => m.fit(series({ id: 'short', unit: 'count', years: [2020, 2021], values: [1, 2] }))).toThrow(
          expect.objectContaining({ code: 'invalid_argument' }),
        );
      });

      // logTrend regresses on the calendar year, so gaps are fine there; every other method needs every year.
      it(m.name === 'logTrend' ? 'fits a series with gaps' : 'refuses a series with gaps with missing_years', () => {
        const gap = series({
          id: 'gap',
          unit: 'count',
          years: [2015, 2016, 2018, 2019, 2020],
          values: [1, 2, 3, 4, 5],
        });
        if (m.name === 'logTrend') expect(m.forecast(m.fit(gap), 2022).years).toEqual([2021, 2022]);
        else expect(() => m.fit(gap)).toThrow(expect.objectContaining({ code: 'missing_years' }));
      });

      if (m.simulate !== undefined) {
        it('simulate is reproducible with the same seed and differs with another', () => {
          const fit = m.fit(s);
          const a = m.simulate!(fit, 2025, { paths: 50, rng: rng(7) });
          const b = m.simulate!(fit, 2025, { paths: 50, rng: rng(7) });
          const c = m.simulate!(fit, 2025, { paths: 50, rng: rng(8) });
          expect(a.years).toEqual([2022, 2023, 2024, 2025]);
          expect(a.paths).toHaveLength(200);
          expect(Array.from(a.paths)).toEqual(Array.from(b.paths));
          expect(Array.from(a.paths)).not.toEqual(Array.from(c.paths));
          expect(Array.from(a.paths).every(Number.isFinite)).toBe(true);
        });
      }

      it('gives finite output for any positive series of length >= minLength', () => {
        const arb = fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), {
          minLength: m.minLength,
          maxLength: 25,
        });
        fc.assert(
          fc.property(arb, (vs) => {
            const sx = series({ id: 'p', unit: 'count', years: vs.map((_, i) => 2000 + i), values: vs });
            const f = m.forecast(m.fit(sx), 2000 + vs.length + 3);
            return (
              f.mean.every(Number.isFinite) &&
              f.intervals.every((i) => i.lower.every(Number.isFinite) && i.upper.every(Number.isFinite))
            );
          }),
          { numRuns: 25 },
        );
      });
    });
  }
});
