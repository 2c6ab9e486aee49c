import { describe, expect, it } from 'vitest';
import { compareIndustries } from '../../src/targets/compareIndustries.js';
import { parseUnit } from '../../src/series/units.js';
import type { Fact } from '../../src/targets/fact.js';
import { thrown } from '../helpers/thrown.js';

const provenance = { document: 'test', publisher: 'test', section: 's', quote: 'q' };
function fact(id: string, metric: string, year: number, value: number, unit: string, extra: Partial<Fact> = {}): Fact {
  return { id, metric, year, value, unit: parseUnit(unit), comparator: 'equals', kind: 'actual', provenance, ...extra };
}

// Hand-made stand-ins for the seed figures (values as the documents state them).
const facts: Fact[] = [
  fact('bd.2020', 'big-data.revenue', 2020, 1, 'CNY trillion', { comparator: 'exceeds', kind: 'target' }),
  fact('bd.2025', 'big-data.revenue', 2025, 3, 'CNY trillion', { comparator: 'exceeds', kind: 'target' }),
  fact('bd.cagr-2015-2020', 'big-data.revenue.cagr', 2020, 0.3, 'fraction', { fromYear: 2015 }),
  fact('bd.cagr-2020-2025', 'big-data.revenue.cagr', 2025, 0.25, 'fraction', { fromYear: 2020 }),
  fact('cyber.2023', 'cybersecurity.revenue', 2023, 250, 'CNY billion', { comparator: 'exceeds' }),
  fact('cyber.2023-usd', 'cybersecurity.revenue', 2023, 38.62, 'USD billion'),
  fact('cyber.cagr', 'cybersecurity.revenue.cagr', 2023, 0.15, 'fraction', { fromYear: 2020 }),
  fact('software.2015', 'software.revenue', 2015, 4.3, 'CNY trillion'),
  fact('info.2010', 'information-industry.revenue', 2010, 8.55, 'CNY trillion', { comparator: 'about' }),
  fact('info.2015', 'information-industry.revenue', 2015, 17.1, 'CNY trillion'),
  fact('links', 'big-data.links', 2020, 5, 'count'),
];

describe('compareIndustries', () => {
  const r = compareIndustries(facts);
  it('converts every level to CNY billion exactly', () => {
    expect(r.unit).toBe('CNY billion');
    expect(r.levels.find((l) => l.industry === 'information-industry.revenue' && l.year === 2015)?.value).toBe(17100);
    expect(r.levels.find((l) => l.industry === 'big-data.revenue' && l.year === 2025)).toMatchObject({
      value: 3000,
      comparator: 'exceeds',
      derived: false,
    });
  });
  // Issue 12, point 2: "more than 1 trillion" in 2020 at "30 %" (precise to half a point) bounds 2015 from
  // below only: 1000 / 1.305^5 = 264.2; it was printed as "about 269".
  it('derives big data 2015 as more than 1000 / 1.305^5 = 264.2 (a lower bound, not "about 269"), marked derived', () => {
    const bd2015 = r.levels.find((l) => l.industry === 'big-data.revenue' && l.year === 2015);
    expect(bd2015?.value).toBeCloseTo(1000 / 1.305 ** 5, 10);
    expect(bd2015).toMatchObject({ derived: true, comparator: 'exceeds', factIds: ['bd.2020', 'bd.cagr-2015-2020'] });
    expect(bd2015?.range).toEqual([bd2015?.value, Infinity]);
    expect(bd2015?.derivation).toBe(
      "bd.2020 / (1 + bd.cagr-2015-2020)^5, a lower bound only (for growth up to 30.5%, the upper end of the rate's tolerance; the stated rate is 30%)",
    );
    expect(r.levels.find((l) => l.industry === 'cybersecurity.revenue' && l.year === 2020)?.value).toBeCloseTo(
      250 / 1.155 ** 3,
      10,
    );
  });
  it('two one-sided wordings determine nothing: "more than 250 billion" at "more than 15 %" gives no 2020 level', () => {
    const x = compareIndustries([
      fact('c.2023', 'c.revenue', 2023, 250, 'CNY billion', { comparator: 'exceeds' }),
      fact('c.cagr', 'c.revenue.cagr', 2023, 0.15, 'fraction', { fromYear: 2020, comparator: 'exceeds' }),
    ]);
    expect(x.levels.map((l) => l.year)).toEqual([2023]);
    expect(x.skipped[0]?.reason).toContain('the 2020 level is not determined by the wording');
  });
  it('implied CAGRs: information industry 2010-2015 doubled, 2^(1/5) - 1, within the range the tolerances allow', () => {
    const g = r.growth.find((x) => x.industry === 'information-industry.revenue');
    expect(g?.impliedCagr).toBeCloseTo(2 ** 0.2 - 1, 12);
    // "about 8.55" with the default ±5 % and "17.1" precise to 0.05: (17.05 / 8.9775)^(1/5) - 1 to (17.15 / 8.1225)^(1/5) - 1.
    expect(g?.impliedCagrRange[0]).toBeCloseTo((17.05 / (8.55 * 1.05)) ** 0.2 - 1, 12);
    expect(g?.impliedCagrRange[1]).toBeCloseTo((17.15 / (8.55 * 0.95)) ** 0.2 - 1, 12);
  });
  it('no circular rows: a level derived from the stated rate is not compared with that rate (30/30, 15/15)', () => {
    expect(r.growth.find((g) => g.industry === 'big-data.revenue' && g.fromYear === 2015)).toBeUndefined();
    expect(r.growth.find((g) => g.industry === 'cybersecurity.revenue')).toBeUndefined();
  });
  it('two floors ("more than 1 trillion", "more than 3 trillion") give no implied CAGR: not 24.57 % against the stated 25 %', () => {
    expect(r.growth.find((g) => g.industry === 'big-data.revenue' && g.fromYear === 2020)).toBeUndefined();
    expect(r.skipped.find((x) => x.factId === 'bd.2025')?.reason).toContain(
      'both levels are one-sided (exceeds, exceeds)',
    );
  });
  it('ratios in 2015: software 4.3 / information industry 17.1 and big data 269.33 / 4300', () => {
    expect(
      r.ratios.find(
        (x) =>
          x.year === 2015 && x.numerator === 'software.revenue' && x.denominator === 'information-industry.revenue',
      )?.ratio,
    ).toBeCloseTo(4.3 / 17.1, 12);
    const bd = r.ratios.find(
      (x) => x.year === 2015 && x.numerator === 'big-data.revenue' && x.denominator === 'software.revenue',
    );
    expect(bd?.ratio).toBeCloseTo(1000 / 1.305 ** 5 / 4300, 12);
    // A lower bound over a stated level: the ratio is a lower bound too.
    expect(bd?.comparator).toBe('exceeds');
    // Two lower bounds (cybersecurity 2020 and big data 2020) give no ratio.
    expect(r.ratios.find((x) => x.year === 2020 && x.numerator === 'cybersecurity.revenue')).toBeUndefined();
  });
  it('lists the USD level and the count as skipped, with the reason', () => {
    expect(r.skipped.map((s) => s.factId).sort()).toEqual(['bd.2025', 'cyber.2023-usd', 'links']);
    expect(r.skipped.find((s) => s.factId === 'cyber.2023-usd')?.reason).toContain('exchangeRate');
  });
  it('converts a USD level with a dated exchange rate, and reports a disagreeing duplicate', () => {
    const x = compareIndustries(
      [fact('usd', 'c.revenue', 2023, 38.62, 'USD billion'), fact('cny', 'c.revenue', 2023, 260, 'CNY billion')],
      { exchangeRate: { base: 'USD', quote: 'CNY', rate: 6.4733, date: '2021-07', source: 'test' } },
    );
    expect(x.levels[0]?.value).toBeCloseTo(38.62 * 6.4733, 10);
    expect(x.skipped.map((s) => s.factId)).toEqual(['cny']);
  });
  it('agreeing duplicates merge their fact ids; deriveFromRates: false derives nothing', () => {
    const x = compareIndustries(
      [
        fact('a', 'm', 2020, 1, 'CNY trillion'),
        fact('b', 'm', 2020, 1000, 'CNY billion'),
        fact('r', 'm.cagr', 2020, 0.3, 'fraction', { fromYear: 2015 }),
      ],
      { deriveFromRates: false },
    );
    expect(x.levels).toHaveLength(1);
    expect(x.levels[0]?.factIds).toEqual(['a', 'b']);
  });
  it('a non-array, a bad fact or a non-money unit throws invalid_argument', () => {
    expect(thrown(() => compareIndustries({} as Fact[]))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => compareIndustries([{ id: 'x' } as Fact]))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => compareIndustries(facts, { unit: 'count' }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a misspelt option is refused, naming the one meant', () => {
    expect(thrown(() => compareIndustries(facts, { units: 'CNY trillion' } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^compareIndustries: unknown option "units".*Did you mean unit\?/),
    });
  });
});
