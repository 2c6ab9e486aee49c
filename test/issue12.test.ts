// Issue 12, "Read the plans truthfully": one block per point of the issue, with the numbers it gives. The
// detailed tests live beside the code (test/targets, test/model, test/decompose, test/series, test/io,
// test/cli); this file checks that each reproduced problem is gone, on the built-in models and seeds.
import { describe, expect, it } from 'vitest';
import { compareIndustries } from '../src/targets/compareIndustries.js';
import { factById, loadSeeds } from '../src/io/loadSeeds.js';
import { loadModel } from '../src/model/loadModel.js';
import { runManifest } from '../src/io/runManifest.js';
import { checkModel } from '../src/model/checkModel.js';
import { probabilityBasis, probabilityRestsOn } from '../src/model/probabilityBasis.js';
import { simulateModel } from '../src/model/simulateModel.js';
import { industriesSummary } from '../src/report/industriesSection.js';
import { sourceLine } from '../src/series/provenance.js';
import { convertCurrency, convertScale, formatQuantity, parseUnit } from '../src/series/units.js';
import { meets } from '../src/targets/meets.js';
import { parseWording } from '../src/targets/parseWording.js';
import { cli } from './helpers/cli.js';

const seeds = loadSeeds();

describe('issue 12', () => {
  it('1. a probability that is 50 % by construction says so; the 13th plan stays at 0.50 with volatility 1 %, 5 % or 20 %', async () => {
    const bd13 = loadModel('big-data-13th-fyp');
    expect(probabilityBasis(bd13, 'plan', 'bd13.revenue-2020')).toMatch(/^50% by construction/);
    for (const v of [0.01, 0.2]) {
      const m = {
        ...bd13,
        uncertainty: {
          ...bd13.uncertainty!,
          volatility: { value: v, source: { kind: 'assumption' as const, text: 't' } },
        },
      };
      const p = (await simulateModel(m, { paths: 20_000, seed: 1 })).targets[0]!.probability;
      expect(Math.abs(p - 0.5)).toBeLessThan(0.0141); // 4 standard errors at 0.5 over 20 000 paths
    }
    // Cybersecurity is restated from the 2020 observation instead: its probability means something.
    const cyber = loadModel('cybersecurity-2021-2023');
    expect(probabilityBasis(cyber, 'plan', 'cyber.revenue-2023')).toBeUndefined();
    expect(probabilityRestsOn(cyber, 'plan', 'cyber.revenue-2023')).toContain('lower bound');
    // The plan no longer misses its own target by 2.8e-14.
    const p = await cli(['project', 'big-data-13th-fyp']);
    expect(p.stdout).toMatch(/plan\s+bd13\.revenue-2020\s+2020\s+>\s+1\.000\s+1\.000\s+by construction/);
  });
  it('2. implied bases follow both wordings: the 13th plan allows any 2015 level above 1 / 1.31^5 = RMB 259 billion, not "269 implied"', () => {
    const check = checkModel(loadModel('big-data-13th-fyp'));
    const texts = check.consistency.checks.flatMap((c) => c.implied.map((n) => n.text));
    expect(texts).toContain('more than RMB 259 billion (for growth up to 31%); no upper bound');
    expect(texts).toContain('not determined by the wording');
    expect(check.assumptions.find((a) => a.path === 'base')?.assumption).toContain('a choice of the model');
  });
  it('3. no circular rows: no 30/30, 15/15, 15.7/15.7 and no "24.57 % a year (stated: 25 %)"', () => {
    const c = compareIndustries(seeds);
    for (const g of c.growth)
      expect(g.statedCagr === undefined || Math.abs(g.impliedCagr - g.statedCagr) > 1e-9).toBe(true);
    expect(industriesSummary(c)).not.toMatch(/24\.57/);
  });
  it('4. RMB 8.55 trillion carries its derivation, and "doubling" gives about 15 % (12.6-17.4 %), not 14.87 %', () => {
    expect(factById(seeds, 'info.revenue-2010').derivation?.formula).toContain('info.revenue-2015 / 2');
    const text = industriesSummary(compareIndustries(seeds));
    expect(text).toContain('about RMB 8.55 trillion  (derived: ');
    expect(text).toContain('about 15% a year (12.6–17.4%');
    expect(text).not.toContain('14.87');
  });
  it('5. the 38 % claim: its period is assumed, it is not applied to 2015-2020, and the high scenario lists it as an assumption', () => {
    const claim = factById(seeds, 'claim.big-data-cagr-5y');
    expect(claim.periodAssumed).toBeDefined();
    expect(claim.metric).toBe('big-data-core.revenue.cagr');
    const check = checkModel(loadModel('big-data-13th-fyp'));
    expect(check.consistency.checks.flatMap((c) => c.implied.map((n) => n.label))).not.toContain('2015 level at 38%');
    expect(check.assumptions.find((a) => a.path === 'scenarios.high.path.rate')?.value).toBe(0.38);
  });
  it('6. "10 percent" is 9.5-10.5 % (0.14 fails), "nearly 300" is at most 300, "about" ranges name their assumption', () => {
    const tenPercent = factById(seeds, 'cyber.investment-share-key-industries');
    expect(meets(0.14, tenPercent)).toBe(false);
    expect(meets(0.1, tenPercent)).toBe(true);
    expect(factById(seeds, 'bd13.smart-city-pilots').comparator).toBe('atMost');
    const rl = checkModel(loadModel('big-data-14th-fyp')).consistency.checks.find((c) => c.kind === 'rate-and-levels');
    expect(rl?.explanation).toContain("(assumption: 'about 25%' read as 25% ± 1 percentage point");
  });
  it("7. provenance: the 6.4 is CSET's translator's note of 2022-02-04, the rate travels with the number, paragraph 13, an inferred publisher says so", () => {
    const fx = factById(seeds, 'fx.cny-per-usd-2022-02-04');
    expect(fx.provenance).toMatchObject({ statedBy: 'translator', published: '2022-02-04' });
    const usd = convertCurrency({ value: 250, unit: parseUnit('CNY billion') }, 'USD billion', {
      base: 'USD',
      quote: 'CNY',
      rate: 6.4,
      date: '2022-02-04',
      source: fx.id,
      statedBy: fx.provenance.publisher,
    });
    expect(usd.exchangeRate).toMatchObject({ date: '2022-02-04', source: 'fx.cny-per-usd-2022-02-04' });
    expect(factById(seeds, 'cyber.review-threshold-users').provenance.section).toBe('paragraph 13');
    expect(sourceLine(factById(seeds, 'bd14news.revenue-2025').provenance)).toContain(
      '(publisher inferred, not stated)',
    );
    expect(sourceLine(factById(seeds, 'bd14.revenue-2025').provenance)).toContain('English translation by CSET');
  });
  it("8. Chinese units and wording: parseUnit('亿元') is CNY 亿, convertScale(3, '亿元', 'CNY trillion') = 0.0003, what the formatter writes reads back", () => {
    expect(parseUnit('亿元')).toEqual({ kind: 'money', currency: 'CNY', scale: 'yi' });
    expect(parseUnit('万亿元')).toEqual({ kind: 'money', currency: 'CNY', scale: 'wanyi' });
    expect(parseUnit('亿美元')).toEqual({ kind: 'money', currency: 'USD', scale: 'yi' });
    expect(parseUnit('元')).toEqual({ kind: 'money', currency: 'CNY', scale: 'one' });
    expect(convertScale(3, '亿元', 'CNY trillion')).toBe(0.0003);
    expect(parseUnit(formatQuantity({ value: 3.05, unit: parseUnit('CNY trillion') }, { locale: 'zh' }))).toEqual(
      parseUnit('万亿元'),
    );
    expect(
      ['超过', '达到', '约', '左右', '不低于', '突破', '近'].map(
        (w) => parseWording(w === '左右' ? `25%${w}` : `${w}25%`).comparator,
      ),
    ).toEqual(['exceeds', 'atLeast', 'about', 'about', 'atLeast', 'exceeds', 'atMost']);
  });
  it('9. check exits 0 when consistent; runs record version, model hash, every value, seed, paths, workers and time', async () => {
    expect((await cli(['check', 'big-data-14th-fyp'])).code).toBe(0);
    const m = runManifest({
      command: 'simulate',
      models: [loadModel('big-data-14th-fyp')],
      seed: 2026,
      paths: 10_000,
      workers: 2,
    });
    expect(m.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.models[0]?.contentHash).toMatch(/^sha256:/);
    expect(m.models[0]?.values.map((v) => v.path)).toEqual(
      expect.arrayContaining(['base', 'path.rate', 'uncertainty.volatility']),
    );
    expect(m.settings).toEqual({ seed: 2026, paths: 10_000, workers: 2 });
  });
});
