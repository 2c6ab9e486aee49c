import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/scenario/compareScenarios.js';
import { gapToTarget } from '../../src/scenario/gapToTarget.js';
import { project } from '../../src/scenario/project.js';
import { projectAll } from '../../src/scenario/projectAll.js';
import { thrown } from '../helpers/thrown.js';
import { fact, model, rv } from './model.js';

describe('project', () => {
  it('plan: 1 x 1.25^5 = 3.0517578125 in 2025, meeting "at least 3" with a gap of 0.0517578125', () => {
    const p = project(model());
    expect(p).toMatchObject({
      modelId: 'test-model',
      metric: 'test.revenue',
      scenario: 'plan',
      fromYear: 2020,
      toYear: 2025,
    });
    expect(p.levels).toEqual([1, 1.25, 1.5625, 1.953125, 2.44140625, 3.0517578125]);
    expect(p.rates).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
    const [t] = p.targets;
    expect(t).toMatchObject({
      measure: 'level',
      year: 2025,
      fromYear: 2020,
      target: 3,
      value: 3.0517578125,
      meets: true,
    });
    expect(t?.gap).toBeCloseTo(0.0517578125, 15);
    expect(t?.gapRelative).toBeCloseTo(0.0517578125 / 3, 15);
    // Required: 3^(1/5) - 1 = 0.245730939615517 (R: 3^(1/5) - 1); delivered: 25 %.
    expect(t?.requiredCagr).toBeCloseTo(0.245730939615517, 14);
    expect(t?.projectedCagr).toBeCloseTo(0.25, 14);
    expect(t?.margin).toBeCloseTo(0.0517578125, 14);
  });
  it('low (22 %): 1.22^5 = 2.7027081632 misses "at least 3" by -0.2972918368', () => {
    const t = project(model(), { scenario: 'low' }).targets[0];
    expect(t?.value).toBeCloseTo(2.7027081632, 10);
    expect(t?.meets).toBe(false);
    expect(t?.gap).toBeCloseTo(-0.2972918368, 10);
  });
  it('shock: -5 % in 2022 gives 3.0517578125 x 0.95 = 2.899169921875 in 2025, which misses 3', () => {
    const p = project(model(), { scenario: 'shock' });
    expect(p.levels[5]).toBeCloseTo(2.899169921875, 14);
    expect(p.rates[1]).toBeCloseTo(1.25 * 0.95 - 1, 14);
    expect(p.targets[0]?.meets).toBe(false);
    expect(p.description).toBe('A 5 % drop in 2022');
  });
  it('scenario bounds cap the level and model bounds are inherited', () => {
    const m = model({ bounds: { cap: rv(2) } });
    expect(project(m, { scenario: 'high' }).levels.every((l) => l <= 2)).toBe(true);
    const m2 = model({
      scenarios: { ...model().scenarios, capped: { description: 'capped', bounds: { cap: rv(2.5) } } },
    });
    expect(project(m2, { scenario: 'capped' }).levels.at(-1)).toBe(2.5);
    expect(project(m2, { scenario: 'capped' }).targets[0]?.meets).toBe(false);
  });
  it('the phases plan 2015-2025 from 0.2693: 0.2693 x 1.3^5 x 1.25^5 = 3.05142837219238 in 2025', () => {
    const path = {
      type: 'phases' as const,
      phases: [
        { fromYear: 2015, toYear: 2020, rate: rv(0.3) },
        { fromYear: 2020, toYear: 2025, rate: rv(0.25) },
      ],
    };
    const m = model({
      fromYear: 2015,
      base: rv(0.2693),
      path,
      scenarios: { plan: { description: 'plan', path } },
      targets: [
        fact('t.2020', 2020, 1, { comparator: 'about', tolerance: { relative: 0.05, assumption: 'about' } }),
        fact('t.2025', 2025, 3, { comparator: 'exceeds' }),
      ],
    });
    const p = project(m);
    // 0.2693 * 1.3^5 = 0.999892049 ≈ 1 (about), then * 1.25^5.
    expect(p.levels[5]).toBeCloseTo(0.999892049, 9);
    expect(p.levels[10]).toBeCloseTo(3.05142837219238, 12);
    expect(p.targets.map((t) => t.meets)).toEqual([true, true]);
  });
  it('a rate target ("about 25 % a year over 2020-2025", ±1 point) is checked against the projected CAGR', () => {
    const m = model({
      targets: [
        fact('t.cagr', 2025, 0.25, {
          unit: 'fraction',
          fromYear: 2020,
          comparator: 'about',
          tolerance: { absolute: 0.01, assumption: 'about: ±1 point' },
        }),
      ],
    });
    const [high, low] = [project(m, { scenario: 'high' }).targets[0], project(m, { scenario: 'low' }).targets[0]];
    expect(high).toMatchObject({ measure: 'cagr', fromYear: 2020, year: 2025, target: 0.25, meets: false });
    expect(high?.value).toBeCloseTo(0.28, 12);
    expect(high?.gap).toBeCloseTo(0.03, 12);
    expect(project(m).targets[0]?.meets).toBe(true);
    expect(low?.meets).toBe(false);
    // A rate fact with no fromYear is the growth of its year alone: 2022 in the shock scenario is 1.25 * 0.95 - 1.
    const m2 = model({ targets: [fact('g.2022', 2022, 0.2, { unit: 'fraction', comparator: 'atLeast' })] });
    expect(project(m2, { scenario: 'shock' }).targets[0]?.value).toBeCloseTo(0.1875, 14);
  });
  it('a target in another scale of the same currency is converted exactly: 30000 亿 (yi) = 3 trillion', () => {
    const m = model({ targets: [fact('t.yi', 2025, 30000, { unit: 'CNY yi', comparator: 'exceeds' })] });
    const t = project(m).targets[0];
    expect(t).toMatchObject({ target: 3, meets: true });
    expect(t?.margin).toBeCloseTo(0.0517578125, 12);
  });
  it('targets outside the projected years are listed, not checked', () => {
    const before = fact('t.2019', 2019, 1);
    const base = fact('t.2020', 2020, 1);
    const after = fact('t.2030', 2030, 9);
    const p = project(model({ targets: [before, base, after, fact('t.2025', 2025, 3)] }));
    expect(p.outside.map((f) => f.id)).toEqual(['t.2019', 't.2020', 't.2030']);
    expect(p.targets.map((t) => t.fact.id)).toEqual(['t.2025']);
  });
  it('an unknown scenario throws not_found listing the scenarios', () => {
    expect(thrown(() => project(model(), { scenario: 'nope' }))).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('plan, high, low, shock'),
    });
    expect(thrown(() => project(model(), { scenario: 'toString' }))).toMatchObject({ code: 'not_found' });
  });
  it('a bad path or shock throws with the model and scenario in the message and the original code', () => {
    const m = model({
      scenarios: {
        plan: { description: 'p' },
        bad: { description: 'bad', path: { type: 'cagr', rate: rv(-2) } },
        lateShock: { description: 's', shocks: [{ year: 2030, size: rv(-0.1) }] },
      },
    });
    expect(thrown(() => project(m, { scenario: 'bad' }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^project\(test-model, scenario bad\): cagrPath: rate must be > -1/),
    });
    expect(thrown(() => project(m, { scenario: 'lateShock' }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('2030'),
    });
    expect(thrown(() => project(null as never))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a target in a unit that cannot be converted throws unit_mismatch', () => {
    expect(thrown(() => project(model({ targets: [fact('usd', 2025, 3, { unit: 'USD trillion' })] })))).toMatchObject({
      code: 'unit_mismatch',
    });
  });
  it('property: project is pure (same input, same output; input untouched)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (rate, base) => {
          const m = model({
            base: rv(base),
            path: { type: 'cagr', rate: rv(rate) },
            scenarios: { plan: { description: 'p', path: { type: 'cagr', rate: rv(rate) } } },
          });
          const before = JSON.stringify(m);
          const a = project(m);
          const b = project(m);
          return JSON.stringify(a) === JSON.stringify(b) && JSON.stringify(m) === before && Object.isFrozen(a);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('property: the plan CAGR path hits base * (1 + rate)^n and meets iff that is at least the target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        (rate, target) => {
          const path = { type: 'cagr' as const, rate: rv(rate) };
          const p = project(
            model({ path, scenarios: { plan: { description: 'p', path } }, targets: [fact('t', 2025, target)] }),
          );
          const end = (1 + rate) ** 5;
          return (
            Math.abs((p.levels[5] as number) - end) <= 1e-12 * end &&
            (p.targets[0]?.meets === end >= target || Math.abs(end - target) < 1e-9 * target)
          );
        },
      ),
    );
  });
  it('a misspelt option is refused, naming the one meant (it would project the plan)', () => {
    expect(thrown(() => project(model(), { scenarios: 'high' } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^project: unknown option "scenarios".*Did you mean scenario\?/),
    });
  });
});

describe('projectAll', () => {
  it("projects every scenario in the model's order", () => {
    const all = projectAll(model());
    expect(all.map((p) => p.scenario)).toEqual(['plan', 'high', 'low', 'shock']);
    expect(all[1]?.levels[5]).toBeCloseTo(1.28 ** 5, 12);
  });
  it('throws invalid_argument for a non-model', () => {
    expect(thrown(() => projectAll({} as never))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('compareScenarios', () => {
  it('gives one tidy row per scenario and year, series = model id', () => {
    const rows = compareScenarios(projectAll(model()));
    expect(rows).toHaveLength(4 * 6);
    expect(rows[0]).toEqual({ series: 'test-model', scenario: 'plan', year: 2020, value: 1, unit: 'CNY trillion' });
    expect(rows.find((r) => r.scenario === 'high' && r.year === 2025)?.value).toBeCloseTo(1.28 ** 5, 12);
  });
  it('with growth: true adds rate rows from the second year, unit fraction', () => {
    const rows = compareScenarios([project(model())], { growth: true });
    const growth = rows.filter((r) => r.series === 'test-model.growth');
    expect(growth.map((r) => [r.year, r.value, r.unit])).toEqual(
      [2021, 2022, 2023, 2024, 2025].map((y) => [y, 0.25, 'fraction']),
    );
  });
  it('an empty list gives no rows; a repeated scenario or a non-array throws invalid_argument', () => {
    expect(compareScenarios([])).toEqual([]);
    const p = project(model());
    expect(thrown(() => compareScenarios([p, p]))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => compareScenarios('x' as never))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a misspelt option is refused, naming the one meant', () => {
    expect(thrown(() => compareScenarios([project(model())], { grwoth: true } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^compareScenarios: unknown option "grwoth".*Did you mean growth\?/),
    });
  });
});

describe('gapToTarget', () => {
  it('required CAGR from the projected 2022 level: (3 / 1.5625)^(1/3) - 1', () => {
    const p = project(model());
    const t = gapToTarget(p, fact('t', 2025, 3), { fromYear: 2022 });
    expect(t.fromYear).toBe(2022);
    expect(t.requiredCagr).toBeCloseTo((3 / 1.5625) ** (1 / 3) - 1, 14);
    expect(t.projectedCagr).toBeCloseTo(0.25, 14);
  });
  it('checks comparators with the targets module: about 3 (±5 %) holds for 3.05; below 3 does not', () => {
    const p = project(model());
    expect(
      gapToTarget(p, fact('a', 2025, 3, { comparator: 'about', tolerance: { relative: 0.05, assumption: 'x' } })).meets,
    ).toBe(true);
    expect(gapToTarget(p, fact('b', 2025, 3, { comparator: 'below' })).meets).toBe(false);
    expect(gapToTarget(p, fact('c', 2024, 2.44140625, { comparator: 'equals' })).meets).toBe(true);
  });
  it('errors: year outside, bad fromYear, fromYear on a rate target, non-positive target, not a fact', () => {
    const p = project(model());
    expect(thrown(() => gapToTarget(p, fact('x', 2026, 3)))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('2021-2025'),
    });
    expect(thrown(() => gapToTarget(p, fact('x', 2025, 3), { fromYear: 2025 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => gapToTarget(p, fact('x', 2025, 3), { fromYear: 2019 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => gapToTarget(p, fact('x', 2025, 3), { fromYear: 2021.5 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(
      thrown(() => gapToTarget(p, fact('x', 2025, 0.25, { unit: 'fraction', fromYear: 2020 }), { fromYear: 2022 })),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => gapToTarget(p, fact('x', 2025, 0.25, { unit: 'fraction', fromYear: 2015 })))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => gapToTarget(p, fact('x', 2025, 0)))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => gapToTarget(p, null as never))).toMatchObject({ code: 'invalid_argument' });
  });
  it('levels far apart in size: the required rate in logs; a gap relative to 5e-324 is degenerate (fuzz seed 19)', () => {
    const p = project(model());
    // From a level of 5e-324 to 3: the ratio overflows, the rate does not, exp((ln 3 - ln 5e-324) / 5) - 1
    // (ln 5e-324 = -744.4400719213812), about 5.7e64.
    const tiny = { ...p, levels: [5e-324, ...p.levels.slice(1)] };
    const t = gapToTarget(tiny, fact('t', 2025, 3));
    expect(t.requiredCagr / Math.expm1((Math.log(3) + 744.4400719213812) / 5)).toBeCloseTo(1, 12);
    expect(t.projectedCagr / Math.expm1((Math.log(p.levels[5]!) + 744.4400719213812) / 5)).toBeCloseTo(1, 12);
    // 3.05 trillion against a target of 5e-324 trillion: the relative gap is no number
    expect(thrown(() => gapToTarget(p, fact('tiny', 2025, 5e-324)))).toMatchObject({
      code: 'degenerate',
      message:
        'gapToTarget: the gapRelative of target "tiny" overflows: its value (5e-324) and the projected levels are too far apart in size for a number. Check the target\'s value and unit.',
      details: { target: 'tiny', field: 'gapRelative' },
    });
    expect(thrown(() => project({ ...model(), targets: [fact('tiny', 2025, 5e-324)] }))).toMatchObject({
      code: 'degenerate',
    });
  });
  it('a misspelt option is refused, naming the one meant (it would measure from the base year)', () => {
    expect(thrown(() => gapToTarget(project(model()), fact('t', 2025, 3), { fromyear: 2022 } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^gapToTarget: unknown option "fromyear".*Did you mean fromYear\?/),
    });
  });
});
