import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spanContributions } from '../../src/decompose/spanContributions.js';
import { parseUnit } from '../../src/series/units.js';
import type { Panel } from '../../src/decompose/types.js';
import { thrown } from '../helpers/thrown.js';

const unit = parseUnit('CNY billion');

describe('spanContributions', () => {
  // a 50 -> 100, b 50 -> 44; total 100 -> 144: growth 0.44, log growth ln 1.44, CAGR over 2 years 1.2 - 1 = 0.2.
  const p: Panel = {
    unit,
    years: [2020, 2021, 2022],
    sectors: ['a', 'b'],
    values: [
      [50, 60, 100],
      [50, 60, 44],
    ],
  };

  it('spanContributions(p) simple splits in proportion to the changes: a +50, b -6 of +44', () => {
    const r = spanContributions(p);
    expect(r.growth).toBeCloseTo(0.44, 14);
    expect(r.cagr).toBeCloseTo(0.2, 14);
    expect(r.logGrowth).toBeCloseTo(Math.log(1.44), 14);
    expect(r.contribution[0]).toBeCloseTo(0.5, 14);
    expect(r.contribution[1]).toBeCloseTo(-0.06, 14);
    // CAGR contributions: 0.2 * 50/44 and 0.2 * (-6)/44.
    expect(r.cagrContribution[0]).toBeCloseTo((0.2 * 50) / 44, 14);
    expect(r.cagrContribution[1]).toBeCloseTo((0.2 * -6) / 44, 14);
    // Log contributions: a_i / L(144, 100), L = 44 / ln 1.44.
    expect(r.logContribution[0]).toBeCloseTo((50 * Math.log(1.44)) / 44, 14);
  });
  it('spanContributions(p, chained) weights each year by its own log mean', () => {
    // 2020->21: total 100 -> 120, L1 = 20/ln 1.2; a +10, b +10.  2021->22: 120 -> 144, L2 = 24/ln 1.2; a +40, b -16.
    const L1 = 20 / Math.log(1.2);
    const L2 = 24 / Math.log(1.2);
    const r = spanContributions(p, { method: 'chained' });
    expect(r.logContribution[0]).toBeCloseTo(10 / L1 + 40 / L2, 14);
    expect(r.logContribution[1]).toBeCloseTo(10 / L1 - 16 / L2, 14);
    expect((r.logContribution[0] as number) + (r.logContribution[1] as number)).toBeCloseTo(Math.log(1.44), 14);
    expect((r.cagrContribution[0] as number) + (r.cagrContribution[1] as number)).toBeCloseTo(0.2, 14);
    // b grew early from the smaller base: it gets more than under the simple split.
    expect(r.cagrContribution[1]).toBeGreaterThan(spanContributions(p).cagrContribution[1] as number);
  });
  it('spanContributions with an unchanged total uses the limits: CAGR contribution = change / (n T0)', () => {
    const r = spanContributions({
      unit,
      years: [2020, 2024],
      sectors: ['a', 'b'],
      values: [
        [50, 60],
        [50, 40],
      ],
    });
    expect(r.growth).toBe(0);
    expect(r.cagrContribution).toEqual([10 / 400, -10 / 400]);
    expect(r.logContribution).toEqual([0.1, -0.1]);
  });
  it('spanContributions with a stated total adds the (residual) pseudo-sector', () => {
    const r = spanContributions({ unit, years: [2020, 2025], sectors: ['a'], values: [[1, 2]], total: [2, 4] });
    expect(r.sectors).toEqual(['a', '(residual)']);
    expect(r.contribution).toEqual([0.5, 0.5]);
  });
  it('spanContributions with a bad span, method or year throws', () => {
    expect(thrown(() => spanContributions(p, { fromYear: 2022, toYear: 2020 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => spanContributions(p, { toYear: 2030 }))).toMatchObject({ code: 'not_found' });
    expect(thrown(() => spanContributions(p, { method: 'log' as 'simple' }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(
      thrown(() => spanContributions({ unit, years: [2020, 2021], sectors: ['a'], values: [[0, 1]] })),
    ).toMatchObject({ code: 'invalid_argument', details: { year: 2020 } });
  });
  it('every form of spanContributions sums to its total (within 1e-12 of the terms summed)', () => {
    const level = fc.double({ min: 0.01, max: 1e6, noNaN: true });
    const years = [2020, 2021, 2022, 2025];
    fc.assert(
      fc.property(
        fc.array(fc.array(level, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('simple', 'chained' as const),
        (rows, method) => {
          const r = spanContributions({ unit, years, sectors: rows.map((_, i) => `s${i}`), values: rows }, { method });
          // Chained sums go through every period: the rounding scale is the sum of |period terms|,
          // |Δx_i| / L(T[k+1], T[k]) (a total that swings up and down cancels in logs, its terms do not).
          const T = years.map((_, t) => rows.reduce((a, row) => a + (row[t] as number), 0));
          let chainScale = 0;
          for (let k = 0; k + 1 < years.length && method === 'chained'; k++) {
            const a = T[k + 1] as number;
            const b = T[k] as number;
            const L = a === b ? a : (a - b) / Math.log(a / b);
            for (const row of rows) chainScale += Math.abs((row[k + 1] as number) - (row[k] as number)) / L;
          }
          // Differences of levels also carry the rounding of the levels (eps x level / base total).
          const roundingOfLevels =
            (4 * Number.EPSILON * rows.reduce((a, row) => a + row.reduce((b, v) => b + v, 0), 0)) / (T[0] as number);
          const ok = (parts: readonly number[], total: number, factor: number) => {
            const sum = parts.reduce((a, v) => a + v, 0);
            return (
              Math.abs(sum - total) <=
              1e-12 * Math.max(Math.abs(total), ...parts.map(Math.abs), chainScale * factor) +
                roundingOfLevels * Math.max(factor, 1)
            );
          };
          const growthPerLog = r.logGrowth === 0 ? 1 : r.growth / r.logGrowth;
          const cagrPerLog = r.logGrowth === 0 ? 1 / 5 : r.cagr / r.logGrowth;
          return (
            ok(r.contribution, r.growth, Math.abs(growthPerLog)) &&
            ok(r.logContribution, r.logGrowth, 1) &&
            ok(r.cagrContribution, r.cagr, Math.abs(cagrPerLog))
          );
        },
      ),
      { numRuns: 300 },
    );
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => spanContributions(p, { fromYear: 2020, toyear: 2021 } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'toyear'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "toyear".*Did you mean toYear\?/);
  });
  it('a chained contribution that overflows to no number says so in words, not "NaN" (fuzz seed 13)', () => {
    const e = thrown(() =>
      spanContributions(
        { unit, years: [2012, 2013, 2014, 2015], sectors: ['s0'], values: [[0.001, 116.43, 999999.99, 1e308]] },
        { method: 'chained' },
      ),
    );
    expect(e).toMatchObject({ code: 'degenerate', details: { sector: 's0', year: 2015 } });
    expect((e as Error).message).toBe(
      'spanContributions: the contribution of "s0" in 2015 overflows (got no number: levels past the largest double). Rescale the panel (e.g. to billions).',
    );
  });
});
