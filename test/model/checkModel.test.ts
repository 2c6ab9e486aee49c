import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/model/checkModel.js';
import { loadModel } from '../../src/model/loadModel.js';
import { thrown } from '../helpers/thrown.js';

const _implied = (id: string, label: RegExp) =>
  checkModel(loadModel(id))
    .consistency.checks.flatMap((c) => c.implied)
    .find((n) => label.test(n.label));

describe('checkModel', () => {
  // Expected values are the closed forms the plan documents' figures imply.
  it('big-data-13th-fyp: "more than 1 trillion" at "about 30 %" (±1 point) bounds the 2015 level below only: more than 1 / 1.31^5 = RMB 259 billion', () => {
    const all = checkModel(loadModel('big-data-13th-fyp'))
      .consistency.checks.flatMap((c) => c.implied)
      .filter((n) => n.label === '2015 level');
    const about = all.find((n) => n.determined === 'lower');
    expect(about?.bound).toBeCloseTo(1 / 1.31 ** 5, 12);
    expect(about?.text).toBe('more than RMB 259 billion (for growth up to 31%); no upper bound');
    // The 14th plan's "exceeded 30 %" with "more than 1 trillion" determines nothing about 2015.
    expect(all.find((n) => n.determined === 'none')?.text).toBe('not determined by the wording');
    expect(all.map((n) => n.text).join(' ')).not.toContain('269');
  });

  it('big-data-14th-fyp: 1 x 1.25^5 = 3.0517578125 trillion meets "more than 3 trillion", and exactly 3 needs 24.57%', () => {
    const check = checkModel(loadModel('big-data-14th-fyp'));
    const pair = check.consistency.checks.find(
      (c) => c.kind === 'rate-and-levels' && c.facts.includes('bd14.revenue-2025'),
    );
    expect(pair?.status).toBe('consistent');
    expect(pair?.implied[0]?.value).toBe(3.0517578125);
    expect(pair?.implied[1]?.value).toBeCloseTo(3 ** 0.2 - 1, 14);
    expect(pair?.implied[1]?.text).toBe('24.57%');
    expect(check.consistency.consistent).toBe(true);
  });

  it('cybersecurity-2021-2023: the 2020 base is not determined by the wording (250 / 1.15^3 is arithmetic only), and 250 bn / $38.62 bn = 6.473 CNY per USD', () => {
    const check = checkModel(loadModel('cybersecurity-2021-2023'));
    const all = check.consistency.checks.flatMap((c) => c.implied);
    expect(all.find((n) => n.label === '2020 level')?.value).toBeCloseTo(250 / 1.15 ** 3, 10);
    // "exceed 250 billion" at "over 15 %": two lower bounds, so the 2020 level is not determined.
    expect(all.find((n) => n.label === '2020 level')?.text).toBe('not determined by the wording');
    const fx = check.consistency.checks.find((c) => c.kind === 'exchange-rate');
    expect(fx?.implied[0]?.value).toBeCloseTo(250 / 38.62, 12);
    expect(fx?.facts).toContain('fx.cny-per-usd-2022-02-04');
  });

  // Issue 12, point 5: the 38 % claim is about the "core" industry over undated years; it is neither set
  // against the plan's 30 % for 2015-2020 nor applied to that period, and the high scenario lists it as an assumption.
  it('big-data-13th-fyp: the 38 % claim (core industry, years assumed) is not a disagreement, and the high scenario lists it as an assumption', () => {
    const check = checkModel(loadModel('big-data-13th-fyp'));
    expect(check.consistency.counts.disagreement).toBe(0);
    expect(check.consistency.checks.some((c) => c.facts.includes('claim.big-data-cagr-5y'))).toBe(false);
    const claim = check.facts.find((f) => f.id === 'claim.big-data-cagr-5y');
    expect(claim).toMatchObject({ metric: 'big-data-core.revenue.cagr', fromYear: 2011, year: 2016 });
    expect(claim?.periodAssumed).toContain('2011-2016 is an assumption');
    const high = check.assumptions.find((a) => a.path === 'scenarios.high.path.rate');
    expect(high?.value).toBe(0.38);
    expect(high?.assumption).toContain('applied to 2015-2020 as an assumption');
  });

  it('every assumption of a built-in model is listed with its path and reason', () => {
    const check = checkModel(loadModel('big-data-14th-fyp'));
    expect(check.assumptions.map((a) => a.path)).toEqual([
      'base',
      'scenarios.high.path.rate',
      'scenarios.low.path.rate',
      'scenarios.shock-2022.shocks[0].size',
      'uncertainty.volatility',
    ]);
    for (const a of check.assumptions) expect(a.assumption.length).toBeGreaterThan(10);
  });

  // Issue 12, point 2: the base taken at the floor of "more than" was not listed among the assumptions.
  it("a base taken from an observation needs the observation's source, which the report states (fuzz seeds 29, 30)", () => {
    const m = loadModel('cybersecurity-2021-2023');
    expect(m.base.source.kind).toBe('observation');
    const source = m.base.source as { kind: 'observation'; observation: object };
    const spoilt = {
      ...m,
      base: { ...m.base, source: { ...source, observation: { ...source.observation, source: undefined } } },
    };
    expect(thrown(() => checkModel(spoilt as never))).toMatchObject({
      code: 'invalid_argument',
      message:
        'checkModel: model.base.source.observation.source must be { publisher, published, title, url } (got undefined).',
      issues: [{ path: ['model', 'base', 'source', 'observation', 'source'] }],
    });
  });
  it("a model observation's tolerance is checked: how close, and the assumption it rests on (fuzz seed 35)", () => {
    const m = loadModel('cybersecurity-2021-2023');
    const i = m.observations!.findIndex((o) => o.tolerance !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const spoil = (tolerance: unknown) => ({
      ...m,
      observations: m.observations!.map((o, j) => (j === i ? { ...o, tolerance } : o)),
    });
    expect(thrown(() => checkModel(spoil(Number.NaN) as never))).toMatchObject({
      code: 'invalid_argument',
      message: `checkModel: model.observations[${i}].tolerance must be { relative or absolute, assumption } (got NaN).`,
    });
    expect(thrown(() => checkModel(spoil({ relative: -0.1, assumption: 'x' }) as never))).toMatchObject({
      issues: [{ path: ['model', 'observations', i, 'tolerance', 'relative'] }],
    });
    expect(thrown(() => checkModel(spoil({ relative: 0.1 }) as never))).toMatchObject({
      issues: [{ path: ['model', 'observations', i, 'tolerance', 'assumption'] }],
    });
  });
  it('a base at the floor of "more than RMB 1 trillion" is listed as a choice of the model', () => {
    const base = checkModel(loadModel('big-data-14th-fyp')).assumptions.find((a) => a.path === 'base');
    expect(base).toEqual({
      path: 'base',
      value: 1,
      assumption:
        'taken at the floor of "more than RMB 1 trillion" (bd14.revenue-2020): the wording sets no upper end, so the base is the lowest level it allows',
    });
  });
  it("a back-cast base says what the wording determines: the 13th plan's 2015 level only more than RMB 259 billion", () => {
    const base = checkModel(loadModel('big-data-13th-fyp')).assumptions.find((a) => a.path === 'base');
    expect(base?.assumption).toBe(
      'back-cast (bd13.revenue-2020 / (1 + bd13.cagr-2015-2020)^5) from "more than RMB 1 trillion" at its floor and "about 30%" at its centre, a choice of the model: the wording determines only more than RMB 259 billion (for growth up to 31%)',
    );
    const cyber = checkModel(loadModel('cybersecurity-2021-2023')).assumptions.find((a) => a.path === 'base');
    expect(cyber?.assumption).toBe(
      'taken at the floor of the observation "more than RMB 170 billion in 2020 (obs.cybersecurity.miit-2020, Global Times, 2020-11-30, an estimate)": it sets no upper end',
    );
  });

  it('derivations name the facts and the formula of a backcast base', () => {
    const check = checkModel(loadModel('big-data-2015-2025'));
    expect(check.derivations).toEqual(
      [
        {
          path: 'base',
          value: 1 / 1.3 ** 5,
          formula: 'bd13.revenue-2020 / (1 + bd13.cagr-2015-2020)^5',
          facts: ['bd13.revenue-2020', 'bd13.cagr-2015-2020'],
        },
      ].map((d) => ({ ...d, value: expect.closeTo(d.value, 12) })),
    );
  });
});

// Issue 12, point 6: the "about" tolerances (±1 point, ±5 %) are assumptions of ours, shown wherever a range is printed.
describe('every range from an "about" figure names its tolerance as an assumption', () => {
  it('"about 25%" is 24-26 % by our reading, and the check says so', () => {
    const c = checkModel(loadModel('big-data-14th-fyp')).consistency.checks.find((x) => x.kind === 'rate-and-levels');
    expect(c?.explanation).toContain(
      'which "about 25%" allows (assumption: \'about 25%\' read as 25% ± 1 percentage point',
    );
  });
  it.each(['big-data-13th-fyp', 'big-data-14th-fyp', 'big-data-2015-2025', 'cybersecurity-2021-2023'])('%s', (id) => {
    const check = checkModel(loadModel(id));
    const about = new Set(check.facts.filter((f) => f.comparator === 'about').map((f) => f.id));
    for (const c of check.consistency.checks) {
      if (!c.facts.some((f) => about.has(f))) continue;
      expect(c.explanation, c.title).toMatch(/\(assumption: /);
    }
  });
});
