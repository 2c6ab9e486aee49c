import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { combination, combine } from '../../src/forecast/combination.js';
import { mean } from '../../src/forecast/mean.js';
import { withBoxCox } from '../../src/forecast/withBoxCox.js';
import { comb } from '../../src/forecast/comb.js';
import { naive } from '../../src/forecast/naive.js';
import { drift } from '../../src/forecast/drift.js';
import { ses } from '../../src/forecast/ses.js';
import { holt } from '../../src/forecast/holt.js';
import { damped } from '../../src/forecast/damped.js';
import { thrown } from '../helpers/thrown.js';

const s = series({ id: 's', unit: 'count', years: [2018, 2019, 2020, 2021], values: [10, 12, 11, 15] });

describe('combination', () => {
  it('combination([naive, drift]) averages 15 and 15 + h 5/3, and averages the bounds', () => {
    const m = combination([naive, drift]);
    expect(m.name).toBe('comb(naive,drift)');
    const f = m.forecast(m.fit(s), 2023, { levels: [0.9] });
    expect(f.mean[1]).toBeCloseTo((15 + 15 + 10 / 3) / 2, 12);
    const a = naive.forecast(naive.fit(s), 2023, { levels: [0.9] }),
      b = drift.forecast(drift.fit(s), 2023, { levels: [0.9] });
    expect(f.intervals[0]!.lower[1]).toBeCloseTo((a.intervals[0]!.lower[1]! + b.intervals[0]!.lower[1]!) / 2, 12);
  });
  it('comb is the mean of ses, holt and damped forecasts (M4 Comb)', () => {
    const y = series({
      id: 'y',
      unit: 'count',
      years: Array.from({ length: 12 }, (_, i) => 2000 + i),
      values: [5, 6, 8, 9, 9, 11, 14, 13, 15, 18, 17, 20],
    });
    const f = comb.forecast(comb.fit(y), 2014);
    const parts = [ses, holt, damped].map((m) => m.forecast(m.fit(y), 2014).mean);
    f.mean.forEach((v, i) => expect(v).toBeCloseTo((parts[0]![i]! + parts[1]![i]! + parts[2]![i]!) / 3, 10));
  });
  it("combination keeps its parts' notes, prefixed with the part name", () => {
    const fit = combination([ses, naive]).fit(s);
    expect(fit.notes?.some((n) => n.startsWith('ses: ') && n.includes('classical Holt-Winters'))).toBe(true);
  });
  it('combination([]) and combination([{}]) throw invalid_argument', () => {
    expect(thrown(() => combination([]))).toMatchObject({ code: 'invalid_argument' });
    // A part whose minLength is not a number (it is read for the combination's own) is named, not a TypeError.
    expect(thrown(() => combination([naive, { ...drift, minLength: Object.create(null) }]))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(
        /^combination: methods\[1\] is not a forecast method with name, description, minLength/,
      ),
      issues: [{ path: ['methods', 1] }],
    });
    // so is one whose description, written into the combination's, is not text
    expect(thrown(() => combination([naive, { ...drift, description: Object.create(null) }]))).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['methods', 1] }],
    });
    expect(thrown(() => combination([{} as never]))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a combination refuses a fit from another combination', () => {
    const fit = combination([naive]).fit(s);
    expect(thrown(() => combination([naive, drift]).forecast(fit, 2023))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('combination fit checks', () => {
  const m = combination([naive, drift]);
  it('refuses a fit whose models is not an array of names, one per fitted part (fuzz seed 12)', () => {
    const fit = m.fit(s);
    expect(fit.models).toEqual(['naive', 'drift']);
    expect(thrown(() => m.forecast({ ...fit, models: Number.NaN as never }, 2023))).toMatchObject({
      code: 'invalid_argument',
      message:
        "comb(naive,drift).forecast: the fit's models must be an array of the 2 fitted parts' names (got NaN). Use the fit made by this combination, unchanged.",
      issues: [{ path: ['fit', 'models'] }],
    });
    expect(thrown(() => m.forecast({ ...fit, models: ['naive'] }, 2023))).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['fit', 'models'] }],
    });
    expect(thrown(() => m.forecast({ ...fit, models: ['naive', Number.NaN as never] }, 2023))).toMatchObject({
      code: 'invalid_argument',
      message:
        "comb(naive,drift).forecast: the fit's models[1] must be a model's name, text (got NaN). Use the fit made by this combination, unchanged.",
      issues: [{ path: ['fit', 'models', 1] }],
    });
  });
});

describe('combination averages', () => {
  // s = 10, 12, 11, 15: naive 15, drift 15 + 5h/3, mean 12 at every step.
  const three = [naive, drift, mean] as const;
  it('trimmed and median of naive, drift and mean are the middle part: naive (15) at every step', () => {
    for (const average of ['trimmed', 'median'] as const) {
      const m = combination([...three], { average });
      const f = m.forecast(m.fit(s), 2023, { levels: [0.8, 0.95] });
      expect(f.mean).toEqual([15, 15]);
      // each bound is the middle of the parts' bounds, so the intervals still nest
      const parts = three.map((p) => p.forecast(p.fit(s), 2023, { levels: [0.8, 0.95] }));
      const middle = (v: number[]) => [...v].sort((a, b) => a - b)[1];
      for (const [li, iv] of f.intervals.entries())
        for (let i = 0; i < 2; i++) {
          expect(iv.lower[i]).toBeCloseTo(middle(parts.map((p) => p.intervals[li]!.lower[i]!))!, 12);
          expect(iv.upper[i]).toBeCloseTo(middle(parts.map((p) => p.intervals[li]!.upper[i]!))!, 12);
        }
      expect(f.intervals[1]!.lower[1]).toBeLessThanOrEqual(f.intervals[0]!.lower[1]!);
      expect(f.intervals[1]!.upper[1]).toBeGreaterThanOrEqual(f.intervals[0]!.upper[1]!);
    }
  });
  it('five parts: trimmed drops one lowest and one highest, median takes the third, mean all five', () => {
    // naive 15, drift 15 + 5h/3, mean 12, ses (alpha near 1 here: within the others), holt
    const parts = [naive, drift, mean, ses, holt];
    const fs = parts.map((p) => p.forecast(p.fit(s), 2025).mean[3]!).sort((a, b) => a - b);
    const at = (average: 'mean' | 'trimmed' | 'median') => {
      const m = combination(parts, { average });
      return m.forecast(m.fit(s), 2025).mean[3]!;
    };
    expect(at('mean')).toBeCloseTo(fs.reduce((a, b) => a + b) / 5, 12);
    expect(at('trimmed')).toBeCloseTo((fs[1]! + fs[2]! + fs[3]!) / 3, 12);
    expect(at('median')).toBeCloseTo(fs[2]!, 12);
  });
  it('combine: closed forms, and the median of an even number is the mean of the middle two', () => {
    expect(combine('mean', [1, 2, 9])).toBe(4);
    expect(combine('trimmed', [9, 1, 2, 4])).toBe(3);
    expect(combine('median', [9, 1, 2, 4])).toBe(3);
    expect(combine('median', [5, -1, 7])).toBe(5);
    expect(combine('trimmed', [1, 9])).toBe(5);
  });
  it('fitted values are averaged the same way (calibrate reads them for its scale)', () => {
    const m = combination([...three], { average: 'median' });
    const fit = m.fit(s);
    const fitted = three.map((p) => p.fit(s).fitted);
    fit.fitted.forEach((v, i) => {
      expect(v).toBeCloseTo([...fitted.map((f) => f[i]!)].sort((a, b) => a - b)[1]!, 12);
    });
  });
  it('a trimmed mean of fewer than 3 fitted parts is their mean, and the fit says so', () => {
    const neg = series({ id: 'n', unit: 'count', years: [2018, 2019, 2020, 2021], values: [10, -2, 11, 15] });
    const m = combination([naive, drift, withBoxCox(drift, { lambda: 0 })], { average: 'trimmed' });
    const fit = m.fit(neg);
    expect(fit.notes?.join(' ')).toMatch(/2 of 3 parts fitted: their mean is used, as a trimmed mean needs 3 parts/);
    expect(m.forecast(fit, 2022).mean[0]).toBeCloseTo((15 + 15 + 5 / 3) / 2, 12);
  });
  it('property: every average lies between the lowest and the highest part, at every step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 4, maxLength: 10 }),
        fc.constantFrom('mean', 'trimmed', 'median'),
        (values, average) => {
          const x = series({ id: 'p', unit: 'count', years: values.map((_, i) => 2000 + i), values });
          const parts = [naive, drift, mean, ses];
          const f = combination(parts, { average }).forecast(
            combination(parts, { average }).fit(x),
            2000 + values.length + 2,
          );
          const pf = parts.map((p) => p.forecast(p.fit(x), 2000 + values.length + 2).mean);
          f.mean.forEach((v, i) => {
            const col = pf.map((p) => p[i]!);
            expect(v).toBeGreaterThanOrEqual(Math.min(...col) - 1e-9 * Math.abs(v));
            expect(v).toBeLessThanOrEqual(Math.max(...col) + 1e-9 * Math.abs(v));
          });
        },
      ),
      { numRuns: 100 },
    );
  });
  it('a misspelt option throws instead of taking the mean', () => {
    expect(thrown(() => combination([naive, drift], { averge: 'median' } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^combination: unknown option "averge" .*Did you mean average\?/),
      issues: [{ path: ['options', 'averge'] }],
    });
    expect(combination([naive, drift], { name: 'nd', average: 'median' }).name).toBe('nd');
  });
  it('an unknown average throws invalid_argument naming the choices', () => {
    expect(thrown(() => combination([naive], { average: 'mode' as never }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/average must be one of "mean", "trimmed", "median"/),
      issues: [{ path: ['average'] }],
    });
  });
});
