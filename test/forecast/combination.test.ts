import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { combination } from '../../src/forecast/combination.js';
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
    expect(thrown(() => combination([{} as never]))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a combination refuses a fit from another combination', () => {
    const fit = combination([naive]).fit(s);
    expect(thrown(() => combination([naive, drift]).forecast(fit, 2023))).toMatchObject({ code: 'invalid_argument' });
  });
});
