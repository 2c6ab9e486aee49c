import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound } from '../../src/growth/compound.js';
import { convertScale, parseUnit, type Scale } from '../../src/series/units.js';
import { checkConsistency, factInterval, type ConsistencyCheck } from '../../src/targets/checkConsistency.js';
import type { Comparator, Fact, FactKind, Tolerance } from '../../src/targets/fact.js';

/** A hand-made fact; `doc` is the document id (facts of one document are from one source). */
function fact(
  id: string,
  o: {
    metric: string;
    year: number;
    value: number;
    unit: string;
    comparator: Comparator;
    doc: string;
    fromYear?: number;
    kind?: FactKind;
    tolerance?: Tolerance;
  },
): Fact {
  return {
    id,
    metric: o.metric,
    year: o.year,
    ...(o.fromYear !== undefined ? { fromYear: o.fromYear } : {}),
    value: o.value,
    unit: parseUnit(o.unit),
    comparator: o.comparator,
    ...(o.tolerance ? { tolerance: o.tolerance } : {}),
    kind: o.kind ?? 'target',
    provenance: {
      document: `Document ${o.doc}`,
      documentId: o.doc,
      publisher: 'P',
      section: 'S',
      quote: 'q',
      published: '2021-11-30',
    },
  };
}

const level = (
  id: string,
  year: number,
  value: number,
  comparator: Comparator,
  doc = 'A',
  unit = 'CNY trillion',
  kind: FactKind = 'target',
) => fact(id, { metric: 'bd.revenue', year, value, unit, comparator, doc, kind });
const rate = (
  id: string,
  fromYear: number,
  year: number,
  value: number,
  comparator: Comparator,
  doc = 'A',
  tolerance?: Tolerance,
  kind: FactKind = 'target',
) =>
  fact(id, {
    metric: 'bd.revenue.cagr',
    fromYear,
    year,
    value,
    unit: 'fraction',
    comparator,
    doc,
    kind,
    ...(tolerance ? { tolerance } : {}),
  });

const only = (checks: readonly ConsistencyCheck[], kind: ConsistencyCheck['kind']) =>
  checks.filter((c) => c.kind === kind);

describe('checkConsistency: rate and levels', () => {
  // Like the 14th plan: more than RMB 1 trillion in 2020, about 25% a year, more than 3 trillion in 2025.
  const base = level('l2020', 2020, 1, 'exceeds', 'A', 'CNY trillion', 'estimate');
  const r25 = rate('r', 2020, 2025, 0.25, 'about');
  const end3 = level('l2025', 2025, 3, 'exceeds');

  it('1 trillion at 25 % for 5 years against "more than 3 trillion" is consistent: implied 1.25^5 = 3.0517578125 and 3^(1/5) - 1', () => {
    const report = checkConsistency([base, r25, end3]);
    expect(report.checks).toHaveLength(1);
    const [c] = report.checks as [ConsistencyCheck];
    expect(c).toMatchObject({ kind: 'rate-and-levels', status: 'consistent', facts: ['l2020', 'r', 'l2025'] });
    expect(c.implied[0]?.value).toBe(3.0517578125);
    expect(c.implied[0]?.text).toBe('RMB 3.05 trillion');
    expect(c.implied[0]?.formula).toBe('l2020 * (1 + r)^5');
    expect(c.implied[1]?.value).toBeCloseTo(3 ** 0.2 - 1, 15);
    expect(c.implied[1]?.value).toBeCloseTo(0.24573, 5);
    expect(c.explanation).toContain('which meets "more than RMB 3 trillion"');
    expect(c.explanation).toContain('needs more than 24.57% a year, which "about 25%" allows');
    expect(report).toMatchObject({
      consistent: true,
      counts: { consistent: 1, inconsistent: 0, disagreement: 0, implied: 0 },
    });
  });

  it('the same figures with the 2025 level in 亿 are compared after an exact scale conversion', () => {
    const c = checkConsistency([base, r25, level('l2025', 2025, 30000, 'exceeds', 'A', 'CNY 亿')]).checks[0];
    expect(c).toMatchObject({ kind: 'rate-and-levels', status: 'consistent' });
    expect(c?.implied[1]?.value).toBeCloseTo(3 ** 0.2 - 1, 15);
  });

  it('a contradictory set from one document is inconsistent: 25 % a year cannot reach "more than 4 trillion"', () => {
    const report = checkConsistency([base, r25, level('l2025', 2025, 4, 'exceeds')]);
    const c = report.checks[0];
    expect(c).toMatchObject({ kind: 'rate-and-levels', status: 'inconsistent' });
    // 4^(1/5) - 1 = 0.3195: outside about 25% (±1.25 points by the default tolerance)
    expect(c?.implied[1]?.value).toBeCloseTo(4 ** 0.2 - 1, 15);
    expect(c?.explanation).toContain('which misses "more than RMB 4 trillion"');
    expect(c?.explanation).toContain('"about 25%" rules out');
    expect(report.consistent).toBe(false);
    expect(report.counts.inconsistent).toBe(1);
  });

  it('the same contradiction across two documents is a disagreement, and the report stays consistent', () => {
    const report = checkConsistency([base, r25, level('l2025', 2025, 4, 'exceeds', 'B')]);
    expect(report.checks[0]).toMatchObject({ kind: 'rate-and-levels', status: 'disagreement' });
    expect(report).toMatchObject({ consistent: true, counts: { disagreement: 1 } });
  });

  it('a rate above what the end needs is consistent (the end target is only unambitious): about 40 % against 1 -> more than 3', () => {
    const report = checkConsistency([base, rate('r', 2020, 2025, 0.4, 'about'), end3]);
    expect(report.checks[0]).toMatchObject({ status: 'consistent' });
    expect(report.checks[0]?.implied[0]?.value).toBeCloseTo(1.4 ** 5, 12);
  });

  it('lower bounds never contradict each other: more than 1, more than 30 % a year, more than 3 is consistent', () => {
    const report = checkConsistency([base, rate('r', 2020, 2025, 0.3, 'exceeds'), end3]);
    expect(report.checks[0]).toMatchObject({ status: 'consistent' });
  });

  it('a two-sided end pins the rate from both sides: about 40 % cannot land "about 3 trillion" from 1', () => {
    // From 1, "about 3" (±5% by the library default: 2.85-3.15) needs 23.3% to 25.8% a year; "about 40%" (±5% of 40%) is 38-42%.
    const report = checkConsistency([
      base,
      rate('r', 2020, 2025, 0.4, 'about'),
      level('l2025about', 2025, 3, 'about', 'A'),
    ]);
    expect(only(report.checks, 'rate-and-levels')[0]).toMatchObject({ status: 'inconsistent' });
  });

  it('an end level in another currency is not compared with the rate (no exchange rate is assumed): it implies a base in its own currency', () => {
    const report = checkConsistency([base, r25, level('l2025usd', 2025, 470, 'exceeds', 'A', 'USD billion')]);
    expect(only(report.checks, 'rate-and-levels')).toHaveLength(0);
    const c = only(report.checks, 'implied-base')[0];
    expect(c?.implied[0]?.value).toBeCloseTo(470 / 1.25 ** 5, 12);
    expect(c?.implied[0]?.unit).toEqual({ kind: 'money', currency: 'USD', scale: 'billion' });
  });

  it('claims are not used as levels or rates to check against', () => {
    const report = checkConsistency([
      level('l2020', 2020, 1, 'exceeds', 'A', 'CNY trillion', 'claim'),
      rate('r', 2020, 2025, 0.25, 'about', 'A', undefined, 'claim'),
      end3,
    ]);
    expect(only(report.checks, 'rate-and-levels')).toHaveLength(0);
  });
});

describe('checkConsistency: implied base and end', () => {
  it('"more than 1 trillion" at "about 30 %" (±1 point assumed) gives only a lower bound: more than 1 / 1.31^5 = 0.259 trillion', () => {
    // 13th plan: "exceed RMB 1 trillion by 2020", "about 30%" a year from 2015 (issue 12, point 2).
    const tol: Tolerance = { absolute: 0.01, assumption: '±1 point' };
    const report = checkConsistency([
      level('l2020', 2020, 1, 'exceeds'),
      rate('r', 2015, 2020, 0.3, 'about', 'A', tol),
    ]);
    expect(report.checks).toHaveLength(1);
    const c = report.checks[0] as ConsistencyCheck;
    expect(c).toMatchObject({ kind: 'implied-base', status: 'implied', facts: ['l2020', 'r'] });
    const base = c.implied[0];
    expect(base?.determined).toBe('lower');
    expect(base?.bound).toBeCloseTo(1 / 1.31 ** 5, 15); // 0.2592 trillion
    expect(base?.range).toBeUndefined();
    expect(base?.text).toBe('more than RMB 259 billion (for growth up to 31%); no upper bound');
    expect(base?.text).not.toContain('269');
    expect(c.explanation).toContain('assumption: ±1 point');
    expect(c.explanation).toContain('no upper bound');
    // The arithmetic at the stated figures is kept, with its formula, but is not presented as implied.
    expect(base?.value).toBeCloseTo(1 / 1.3 ** 5, 15);
    expect(base?.formula).toBe('l2020 / (1 + r)^5');
    expect(report).toMatchObject({ consistent: true, counts: { implied: 1 } });
  });

  it('implied-base with the default about tolerance (±5 % of 30 % = ±1.5 points): lower bound 1 / 1.315^5', () => {
    const c = checkConsistency([level('l2020', 2020, 1, 'exceeds'), rate('r', 2015, 2020, 0.3, 'about')]).checks[0];
    expect(c?.implied[0]?.determined).toBe('lower');
    expect(c?.implied[0]?.bound).toBeCloseTo(1 / 1.315 ** 5, 15);
    expect(c?.explanation).toContain('library default');
  });

  it('two lower bounds ("more than 1 trillion", "more than 30 %"; "more than 250 billion", "more than 15 %") determine nothing', () => {
    const c = checkConsistency([level('l2020', 2020, 1, 'exceeds'), rate('r', 2015, 2020, 0.3, 'exceeds')]).checks[0];
    expect(c?.kind).toBe('implied-base');
    expect(c?.implied[0]).toMatchObject({ determined: 'none', text: 'not determined by the wording' });
    expect(c?.implied[0]?.range).toBeUndefined();
    expect(c?.implied[0]?.bound).toBeUndefined();
    const cyber = checkConsistency([
      level('l2023', 2023, 250, 'exceeds', 'A', 'CNY billion'),
      rate('r', 2020, 2023, 0.15, 'exceeds'),
    ]).checks[0];
    expect(cyber?.implied[0]?.text).toBe('not determined by the wording');
    expect(cyber?.implied[0]?.value).toBeCloseTo(250 / 1.15 ** 3, 12); // 164.4, shown only as arithmetic
    expect(cyber?.explanation).toContain('not determined by the wording');
  });

  it('"at most X" at "at least g" gives only an upper bound: X / (1 + g)^n', () => {
    const c = checkConsistency([level('l2020', 2020, 2, 'atMost'), rate('r', 2015, 2020, 0.1, 'atLeast')]).checks[0];
    expect(c?.implied[0]?.determined).toBe('upper');
    expect(c?.implied[0]?.bound).toBeCloseTo(2 / 1.1 ** 5, 15);
    expect(c?.implied[0]?.text).toMatch(/^at most RMB 1\.24 trillion/);
  });

  it('"4.3 trillion" at "15.7 %", both stated plainly, give an interval from both precisions: 4.25 / 1.1575 to 4.35 / 1.1565', () => {
    const c = checkConsistency([level('l2015', 2015, 4.3, 'equals'), rate('r', 2014, 2015, 0.157, 'equals')]).checks[0];
    expect(c?.implied[0]?.determined).toBe('interval');
    expect(c?.implied[0]?.value).toBeCloseTo(4.3 / 1.157, 15);
    expect(c?.implied[0]?.range?.[0]).toBeCloseTo(4.25 / 1.1575, 14);
    expect(c?.implied[0]?.range?.[1]).toBeCloseTo(4.35 / 1.1565, 14);
  });

  it("property: every base in the reported interval or bound, grown at some allowed rate, lands inside the end level's interval", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (e, g, n, t) => {
          const c = checkConsistency([
            level('l', 2020, e, 'exceeds'),
            rate('r', 2020 - n, 2020, g, 'about', 'A', { absolute: 0.01, assumption: 'a' }),
          ]).checks[0];
          const lo = c?.implied[0]?.bound as number;
          // A base above the bound reaches more than e at the top of the rate's band.
          const baseAbove = lo * (1 + t);
          return baseAbove * (1 + g + 0.01) ** n >= e * (1 - 1e-12) && lo * (1 + g + 0.01) ** n <= e * (1 + 1e-12);
        },
      ),
    );
  });

  it('a rate with only its start level gives implied-end: start * (1 + r)^n', () => {
    const c = checkConsistency([level('l2020', 2020, 1, 'exceeds'), rate('r', 2020, 2025, 0.25, 'about')]).checks[0];
    expect(c).toMatchObject({ kind: 'implied-end', status: 'implied', facts: ['l2020', 'r'] });
    expect(c?.implied[0]?.value).toBe(3.0517578125);
  });
});

describe('checkConsistency: same figure and rate comparison', () => {
  it('"more than 3 trillion" and "more than 30000 亿" in two documents are consistent', () => {
    const report = checkConsistency([
      level('a', 2025, 3, 'exceeds', 'A'),
      level('b', 2025, 30000, 'exceeds', 'B', 'CNY 亿'),
    ]);
    expect(report.checks).toEqual([
      expect.objectContaining({ kind: 'same-figure', status: 'consistent', facts: ['a', 'b'] }),
    ]);
  });
  it('"at least 10" and "at most 15" overlap; "more than 3" and "less than 3" do not', () => {
    expect(checkConsistency([level('a', 2020, 10, 'atLeast'), level('b', 2020, 15, 'atMost')]).checks[0]?.status).toBe(
      'consistent',
    );
    expect(checkConsistency([level('a', 2020, 3, 'exceeds'), level('b', 2020, 3, 'below')]).checks[0]?.status).toBe(
      'inconsistent',
    );
    expect(checkConsistency([level('a', 2020, 3, 'atLeast'), level('b', 2020, 3, 'atMost')]).checks[0]?.status).toBe(
      'consistent',
    );
    expect(checkConsistency([level('a', 2020, 3, 'exceeds'), level('b', 2020, 3, 'atMost')]).checks[0]?.status).toBe(
      'inconsistent',
    );
  });
  it('"about 4.3" (4.085..4.515) and "equals 5" (4.5..5.5) overlap', () => {
    expect(
      checkConsistency([level('a', 2015, 4.3, 'about', 'A'), level('b', 2015, 5, 'equals', 'B')]).checks[0]?.status,
    ).toBe('consistent');
  });
  it('"about 4.3" (4.085..4.515) and "equals 4.6" (4.55..4.65) from two documents disagree', () => {
    const report = checkConsistency([level('a', 2015, 4.3, 'about', 'A'), level('b', 2015, 4.6, 'equals', 'B')]);
    expect(report.checks[0]).toMatchObject({ kind: 'same-figure', status: 'disagreement' });
    expect(report.checks[0]?.explanation).toContain('No value satisfies both');
  });
  it('two rates for one period: "about 25 %" and "more than 30 %" from one document are inconsistent', () => {
    const report = checkConsistency([rate('a', 2020, 2025, 0.25, 'about'), rate('b', 2020, 2025, 0.3, 'exceeds')]);
    expect(report.checks).toEqual([expect.objectContaining({ kind: 'rate-comparison', status: 'inconsistent' })]);
  });
  it('"about 25 %" twice (two documents) is consistent, and the shared tolerance assumption is said once', () => {
    const [check] = checkConsistency([
      rate('a', 2020, 2025, 0.25, 'about'),
      rate('b', 2020, 2025, 0.25, 'about', 'B'),
    ]).checks;
    expect(check).toMatchObject({ kind: 'rate-comparison', status: 'consistent' });
    expect(check?.explanation.match(/\(assumption: /g)).toHaveLength(1);
    expect(check?.explanation).toContain('(assumption: library default: "about X" read as X ± 5% of X');
  });
  it('two rates for different periods are not compared (unless one is a claim)', () => {
    expect(
      checkConsistency([rate('a', 2015, 2020, 0.3, 'about'), rate('b', 2020, 2025, 0.25, 'about')]).checks,
    ).toEqual([]);
  });
  it('a claim about other years is set beside the nearest sourced rate but not applied to its period: no implied levels, no disagreement', () => {
    const report = checkConsistency([
      level('l2020', 2020, 1, 'exceeds', 'A'),
      rate('plan', 2015, 2020, 0.3, 'about', 'A'),
      rate('claim', 2011, 2016, 0.38, 'equals', 'C', undefined, 'claim'),
    ]);
    const c = only(report.checks, 'rate-comparison')[0];
    expect(c).toMatchObject({ status: 'implied', facts: ['plan', 'claim'], implied: [] });
    expect(c?.explanation).toBe(
      '38% a year (claim, 2011-2016) is about other years than "about 30%" (target, 2015-2020): the two are not compared as one figure, and the claim is not applied to 2015-2020.',
    );
    expect(report.counts.disagreement).toBe(0);
  });
  it('a claim for the same years that falls outside the sourced rate is a disagreement between sources', () => {
    const report = checkConsistency([
      rate('plan', 2015, 2020, 0.3, 'about', 'A'),
      rate('claim', 2015, 2020, 0.38, 'equals', 'C', undefined, 'claim'),
    ]);
    expect(only(report.checks, 'rate-comparison')[0]).toMatchObject({ status: 'disagreement', implied: [] });
  });
});

describe('checkConsistency: exchange rate', () => {
  // Global Times, 2021-07-12: "exceed 250 billion yuan ($38.62 billion) by 2023".
  const cny = fact('cny', {
    metric: 'cyber.revenue',
    year: 2023,
    value: 250,
    unit: 'CNY billion',
    comparator: 'exceeds',
    doc: 'G',
  });
  const usd = fact('usd', {
    metric: 'cyber.revenue',
    year: 2023,
    value: 38.62,
    unit: 'USD billion',
    comparator: 'exceeds',
    doc: 'G',
  });
  const fx = fact('fx', {
    metric: 'fx.cny-per-usd',
    year: 2022,
    value: 6.4,
    unit: 'CNY/USD',
    comparator: 'about',
    doc: 'T',
  });

  it('one level in two currencies gives exchange-rate with the implied rate 250 / 38.62 = 6.4733 CNY per USD', () => {
    const report = checkConsistency([cny, usd]);
    const c = only(report.checks, 'exchange-rate');
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ status: 'implied', facts: ['cny', 'usd'] });
    expect(c[0]?.implied[0]?.value).toBeCloseTo(250 / 38.62, 14);
    expect(c[0]?.implied[0]?.unit).toEqual({ kind: 'fx', base: 'USD', quote: 'CNY' });
    expect(c[0]?.implied[0]?.text).toBe('6.473 CNY per USD');
    expect(c[0]?.explanation).toContain('(as of 2021-11-30)');
  });
  it('the same level in 亿 gives the same implied rate (2500 亿 = 250 billion)', () => {
    const inYi = { ...cny, value: 2500, unit: parseUnit('CNY 亿') };
    expect(only(checkConsistency([inYi, usd]).checks, 'exchange-rate')[0]?.implied[0]?.value).toBeCloseTo(
      250 / 38.62,
      14,
    );
  });
  it('a stated rate is listed next to the implied one with how far apart they are: 6.4733 / 6.4 - 1 = 1.15 %', () => {
    const c = only(checkConsistency([cny, usd, fx]).checks, 'exchange-rate')[0];
    expect(c?.facts).toEqual(['cny', 'usd', 'fx']);
    expect(c?.explanation).toContain('1.15% apart');
  });
  it('levels in two currencies from different documents, or with different comparators, imply no rate', () => {
    expect(
      only(
        checkConsistency([cny, { ...usd, provenance: { ...usd.provenance, documentId: 'H' } }]).checks,
        'exchange-rate',
      ),
    ).toHaveLength(0);
    expect(only(checkConsistency([cny, { ...usd, comparator: 'about' }]).checks, 'exchange-rate')).toHaveLength(0);
  });
});

describe('checkConsistency: edges', () => {
  it('no facts, or facts that relate to nothing, give an empty consistent report', () => {
    expect(checkConsistency([])).toEqual({
      checks: [],
      consistent: true,
      counts: { consistent: 0, inconsistent: 0, disagreement: 0, implied: 0 },
    });
    expect(checkConsistency([level('a', 2020, 1, 'exceeds')]).checks).toEqual([]);
  });
  it('checkConsistency does not change its input', () => {
    const facts = [
      level('l2020', 2020, 1, 'exceeds'),
      rate('r', 2020, 2025, 0.25, 'about'),
      level('l2025', 2025, 3, 'exceeds'),
    ];
    const copy = structuredClone(facts);
    checkConsistency(facts);
    expect(facts).toEqual(copy);
  });
  it('factInterval reads each comparator as an interval', () => {
    expect(factInterval({ value: 3, comparator: 'exceeds' })).toEqual([3, Infinity]);
    expect(factInterval({ value: 3, comparator: 'atMost' })).toEqual([-Infinity, 3]);
    expect(factInterval({ value: 17.1, comparator: 'equals' })).toEqual([17.1 - 0.05, 17.1 + 0.05]);
    expect(factInterval({ value: 0.3, comparator: 'about' })).toEqual([0.3 - 0.015, 0.3 + 0.015]);
  });
});

describe('checkConsistency: properties', () => {
  const scales = fc.constantFrom<Scale>('yi', 'billion', 'trillion', 'wanyi', 'million');
  it('levels built with compound() from a base and a stated rate are always consistent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: -0.5, max: 2, noNaN: true }).filter((r) => Math.abs(r) >= 1e-3),
        fc.integer({ min: 1, max: 15 }),
        scales,
        scales,
        fc.constantFrom<Comparator>('about', 'equals'),
        fc.constantFrom<Comparator>('equals', 'atLeast', 'about'),
        (start, r, n, s0, s1, rateComparator, levelComparator) => {
          const end = convertScale(compound(start, r, n), `CNY ${s0}`, `CNY ${s1}`);
          const report = checkConsistency([
            level('a', 2020, start, levelComparator, 'A', `CNY ${s0}`),
            rate('r', 2020, 2020 + n, r, rateComparator),
            level('b', 2020 + n, end, levelComparator, 'A', `CNY ${s1}`),
          ]);
          return report.consistent && report.checks.length === 1 && report.checks[0]?.status === 'consistent';
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a rate whose tolerance reaches a fall of 100 % implies a base with no upper bound, said in words (found by the property below)', () => {
    // "about -95.24%" with the library's ±5% reaches -100.0%: 1e-6 / (1 + r)^1 has no upper bound.
    const report = checkConsistency([
      level('l', 2020, 0.000001, 'equals', 'A'),
      rate('r', 2019, 2020, -0.9523809523809523, 'about'),
    ]);
    const c = only(report.checks, 'implied-base')[0];
    expect(c?.implied[0]?.range).toBeUndefined();
    expect(c?.implied[0]?.determined).toBe('lower');
    expect(c?.explanation).toMatch(/needs a 2019 level of at least RMB .* the wording sets no upper bound/);
    expect(c?.explanation).not.toMatch(/NaN|Infinity/);
  });

  it('any set of levels and rates gives finite implied numbers, ranges around them, and text without NaN or Infinity', () => {
    const comparator = fc.constantFrom<Comparator>('exceeds', 'atLeast', 'about', 'atMost', 'below', 'equals');
    const kind = fc.constantFrom<FactKind>('target', 'actual', 'estimate', 'claim');
    const doc = fc.constantFrom('A', 'B');
    const levelArb = fc.record({
      year: fc.integer({ min: 2015, max: 2025 }),
      value: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
      unit: fc.constantFrom('CNY trillion', 'CNY 亿', 'USD billion', 'count'),
      comparator,
      kind,
      doc,
    });
    const rateArb = fc.record({
      fromYear: fc.integer({ min: 2010, max: 2020 }),
      n: fc.integer({ min: 1, max: 8 }),
      value: fc.double({ min: -0.99, max: 3, noNaN: true }),
      comparator,
      kind,
      doc,
    });
    fc.assert(
      fc.property(fc.array(levelArb, { maxLength: 5 }), fc.array(rateArb, { maxLength: 4 }), (ls, rs) => {
        const facts = [
          ...ls.map((l, i) =>
            fact(`l${i}`, {
              metric: 'm',
              year: l.year,
              value: l.value,
              unit: l.unit,
              comparator: l.comparator,
              doc: l.doc,
              kind: l.kind,
            }),
          ),
          ...rs.map((r, i) =>
            fact(`r${i}`, {
              metric: 'm.cagr',
              fromYear: r.fromYear,
              year: r.fromYear + r.n,
              value: r.value,
              unit: 'fraction',
              comparator: r.comparator,
              doc: r.doc,
              kind: r.kind,
            }),
          ),
        ];
        const report = checkConsistency(facts);
        const counted = Object.values(report.counts).reduce((a, b) => a + b, 0);
        return (
          counted === report.checks.length &&
          report.consistent === (report.counts.inconsistent === 0) &&
          report.checks.every(
            (c) =>
              !/NaN|Infinity|undefined/.test(c.title + c.explanation) &&
              c.implied.every(
                (n) =>
                  Number.isFinite(n.value) &&
                  !/NaN|Infinity/.test(n.text) &&
                  (!n.range || (n.range[0] <= n.value && n.value <= n.range[1])),
              ),
          )
        );
      }),
      { numRuns: 1000 },
    );
  });
});

// Found by the fuzz suite (FC_SEED=12, FUZZ_RUNS=300): a fact set to -1 (a level of -1, or a growth rate of
// -100%) made a NaN that formatPercent refused ("formatPercent: fraction must be a finite number (got NaN)").
// checkConsistency refuses the fact itself, naming it and where it sits.
describe('checkConsistency refuses figures compound growth cannot link', () => {
  const refused = (facts: readonly Fact[]) => {
    try {
      checkConsistency(facts);
    } catch (e) {
      return e as Error & { code: string; issues: { path: unknown[] }[] };
    }
    throw new Error('expected checkConsistency to throw');
  };
  it.each([
    [
      'a level of -1 at the end of a rate',
      [level('a', 2020, 1, 'equals'), rate('r', 2020, 2025, 0.2, 'about'), level('b', 2025, -1, 'exceeds')],
      2,
      'checkConsistency: facts[2].value must be > 0 (got -1). b is a level that the growth rate r links to the level of another year, and compound growth links positive levels: check the figure and its sign.',
    ],
    [
      'a base of 0',
      [level('a', 2020, 0, 'equals'), rate('r', 2020, 2025, 0.2, 'about'), level('b', 2025, 3, 'exceeds')],
      0,
      'checkConsistency: facts[0].value must be > 0 (got 0). a is a level that the growth rate r links to the level of another year, and compound growth links positive levels: check the figure and its sign.',
    ],
    [
      'a growth rate of -100% with an end level (implied base)',
      [level('x', 2018, 1, 'equals', 'A', 'count'), rate('r', 2020, 2025, -1, 'about'), level('b', 2025, 3, 'exceeds')],
      1,
      'checkConsistency: facts[1].value must be > -1 (got -1). r is a growth rate a year (0.25 is 25%), and a fall of 100% or more a year leaves no level to compound: check the figure.',
    ],
    [
      'a growth rate of -150% with a base (implied end)',
      [level('a', 2020, 1, 'equals'), rate('r', 2020, 2025, -1.5, 'about')],
      1,
      'checkConsistency: facts[1].value must be > -1 (got -1.5). r is a growth rate a year (0.25 is 25%), and a fall of 100% or more a year leaves no level to compound: check the figure.',
    ],
  ] as const)('%s', (_name, facts, index, message) => {
    const e = refused(facts);
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['facts', index, 'value'] }] });
    expect(e.message).toBe(message);
  });

  it('a level stated in two currencies with a foreign level of 0 is refused; a stated exchange rate of 0 too', () => {
    const cny = fact('cny', {
      metric: 'm',
      year: 2023,
      value: 250,
      unit: 'CNY billion',
      comparator: 'exceeds',
      doc: 'A',
    });
    const usd = (value: number) =>
      fact('usd', { metric: 'm', year: 2023, value, unit: 'USD billion', comparator: 'exceeds', doc: 'A' });
    const fx = (value: number) =>
      fact('fx', { metric: 'fx.cny-per-usd', year: 2023, value, unit: 'CNY/USD', comparator: 'equals', doc: 'B' });
    const e = refused([cny, usd(0), fx(7)]);
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['facts', 1, 'value'] }] });
    expect(e.message).toMatch(
      /^checkConsistency: facts\[1\]\.value must be > 0 \(got 0\)\. usd is the USD level of cny/,
    );
    const f = refused([cny, usd(36), fx(0)]);
    expect(f).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['facts', 2, 'value'] }] });
    expect(f.message).toMatch(/^checkConsistency: facts\[2\]\.value must be > 0 \(got 0\)\. fx is an exchange rate/);
  });

  it('a number the arithmetic cannot hold is a degenerate error naming the facts, without NaN or Infinity', () => {
    const e = refused([level('a', 2020, 1e308, 'equals'), rate('r', 2020, 2025, 0.25, 'about')]);
    expect(e).toMatchObject({
      code: 'degenerate',
      issues: [{ path: ['facts', 0, 'value'] }, { path: ['facts', 1, 'value'] }],
    });
    expect(e.message).toBe(
      'checkConsistency: the 2025 level implied by a at r overflows (got 1e+308 x (1 + 0.25)^5). Check the figures of a, r and their scales.',
    );
    expect(e.message).not.toMatch(/NaN|Infinity/);
  });

  it('a negative level no rate compounds is still compared as a figure', () => {
    const report = checkConsistency([level('a', 2020, -1, 'equals'), level('b', 2020, -1, 'about', 'B')]);
    expect(report.checks.map((c) => [c.kind, c.status])).toEqual([['same-figure', 'consistent']]);
  });
});

describe('checkConsistency reads whose translation a quote is as it reads the other source texts', () => {
  it('a translation whose translator is not text is refused with its path (it came out in the result)', async () => {
    const { loadSeeds } = await import('../../src/io/loadSeeds.js');
    const facts = loadSeeds();
    const i = facts.findIndex((f) => f.provenance.translation !== undefined);
    const bad = facts.map((f, j) =>
      j === i ? { ...f, provenance: { ...f.provenance, translation: { by: Number.NaN } } } : f,
    );
    expect(() => checkConsistency(bad as never)).toThrow(
      expect.objectContaining({
        code: 'invalid_argument',
        message: `checkConsistency: facts[${i}].provenance.translation.by must be a string (got NaN).`,
        issues: [expect.objectContaining({ path: ['facts', i, 'provenance', 'translation', 'by'] })],
      }),
    );
  });
});
