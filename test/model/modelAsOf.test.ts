import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model/parseModel.js';
import { loadModel } from '../../src/model/loadModel.js';
import { loadSeeds } from '../../src/io/loadSeeds.js';
import { loadObservations } from '../../src/observations/loadObservations.js';
import { modelAsOf } from '../../src/model/modelAsOf.js';
import { simulateModel } from '../../src/model/simulateModel.js';
import { checkModel } from '../../src/model/checkModel.js';
import { projectAll } from '../../src/scenario/projectAll.js';
import type { MetricsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { modelProblems, myIndustryModel } from '../helpers/models.js';
import { lognormalExceedance } from '../helpers/normal.js';

const facts = loadSeeds();
const set = loadObservations();
const model = (extra: Record<string, unknown> = {}) => myIndustryModel(extra);
const problems = (json: unknown): string[] => modelProblems(json, facts, set);

// Issue 13: model files take observations, and a model can start from the latest one.
describe('model files take observations', () => {
  it("ids from the observation set resolve to the observations, sorted by year, on the plans' definition", () => {
    const m = parseModel(
      model({ observations: ['obs.big-data.miit-2022', 'obs.big-data.miit-2021'] }),
      'x',
      facts,
      set,
    );
    expect(m.observations?.map((o) => o.id)).toEqual(['obs.big-data.miit-2021', 'obs.big-data.miit-2022']);
    expect(m.definition?.id).toBe('big-data-industry.miit');
  });
  it('an inline observation of your own, with its source, is parsed like an observations file', () => {
    const own = {
      id: 'obs.my-2023',
      definition: 'big-data-industry.miit',
      year: 2023,
      value: 1.9,
      unit: 'CNY trillion',
      comparator: 'equals',
      kind: 'actual',
      statement: 'My reading of a 2024 release: 1.9 trillion in 2023.',
      source: { publisher: 'Me', published: '2024-05', title: 'My notes', url: 'https://example.org/notes' },
    };
    const m = parseModel(model({ observations: [own] }), 'x', facts, set);
    expect(m.observations?.[0]).toMatchObject({
      id: 'obs.my-2023',
      value: 1.9,
      unit: { kind: 'money', scale: 'trillion' },
    });
    expect(problems(model({ observations: [{ ...own, quote: 'copied' }] })).join('\n')).toContain(
      'observations[0].quote: unknown property (observations cite third-party pages and never copy them',
    );
  });
  it("an observation of another definition is refused, naming both: NDA's data industry is not MIIT's big data industry", () => {
    const lines = problems(model({ observations: ['obs.data-industry.nda-2024'] }));
    expect(lines).toEqual([
      'observations[0]: "obs.data-industry.nda-2024" is on "data industry, NDA", the model\'s targets on "big data industry, MIIT"; figures of two definitions are never mixed without a bridge (bridgeValue with a ratio or an overlap year, then list the bridged figure inline with its assumption)',
    ]);
  });
  it('an unknown observation id gets a "did you mean"', () => {
    expect(problems(model({ observations: ['obs.big-data.miit-2023'] }))[0]).toMatch(
      /^observations\[0\]: no observation "obs\.big-data\.miit-2023" \(did you mean "obs\.big-data\.miit-202[0-3]"/,
    );
  });
  it('a base year with an observation needs no back-cast: base { observation } is that level', () => {
    const m = parseModel(
      model({ base: { observation: 'obs.big-data.miit-2020' }, observations: ['obs.big-data.miit-2020'] }),
      'x',
      facts,
      set,
    );
    expect(m.base).toMatchObject({ value: 1, source: { kind: 'observation' } });
    expect(
      problems(model({ base: { observation: 'obs.big-data.miit-2022' }, observations: ['obs.big-data.miit-2022'] }))[0],
    ).toContain('base.observation: "obs.big-data.miit-2022" is for 2022, the model\'s base year is 2020');
  });
});

describe('uncertainty.base: an interval from the wording and an assumed distribution', () => {
  it('"more than RMB 1 trillion" gives the lower end; the upper end is the model\'s assumption', () => {
    const m = parseModel(
      model({
        uncertainty: {
          volatility: { value: 0.05, assumption: 'five points' },
          base: {
            distribution: 'uniform',
            upper: { value: 1.1, assumption: 'at most 10 % above the floor' },
            assumption: 'any level in the interval equally likely',
          },
        },
      }),
      'x',
      facts,
      set,
    );
    const b = m.uncertainty?.base;
    expect(b?.lower.value).toBe(1);
    expect(b?.lower.source.kind).toBe('fact');
    expect(b?.upper).toEqual({ value: 1.1, source: { kind: 'assumption', text: 'at most 10 % above the floor' } });
    expect(b?.wording).toEqual([1, Infinity]);
    const listed = checkModel(m).assumptions.find((a) => a.path === 'uncertainty.base');
    expect(listed?.assumption).toBe(
      "the base is drawn once per path, uniform over RMB 1 trillion (from the base's wording) to RMB 1.1 trillion (an assumption): any level in the interval equally likely",
    );
  });
  it('an open end that the model does not give is a problem, and so is an end outside the wording', () => {
    const u = (base: unknown) => ({ uncertainty: { volatility: { value: 0.05, assumption: 'five' }, base } });
    expect(problems(model(u({ distribution: 'uniform', assumption: 'flat' })))).toEqual([
      'uncertainty.base.upper: the base\'s wording gives no upper end; give one, { "value": <level>, "assumption": "<why this end>" }',
    ]);
    expect(
      problems(
        model(
          u({
            distribution: 'uniform',
            lower: { value: 0.9, assumption: 'an assumed end' },
            upper: { value: 1.1, assumption: 'an assumed upper end' },
            assumption: 'flat',
          }),
        ),
      )[0],
    ).toBe(
      "uncertainty.base.lower: 0.9 is outside what the base's wording allows (1 to no upper end); the draw must stay within it",
    );
  });
  it("the 13th plan's back-cast base: the wording gives only the lower end, 1 / 1.31^5 = RMB 259 billion", () => {
    const m = parseModel(
      model({
        fromYear: 2015,
        toYear: 2020,
        base: { backcast: { target: 'bd13.revenue-2020', rate: 'bd13.cagr-2015-2020' } },
        path: { type: 'cagr', rate: { fact: 'bd13.cagr-2015-2020' } },
        targets: ['bd13.revenue-2020'],
        uncertainty: {
          volatility: { value: 0.05, assumption: 'five' },
          base: { distribution: 'uniform', upper: { value: 0.3, assumption: 'an assumed end' }, assumption: 'flat' },
        },
      }),
      'x',
      facts,
      set,
    );
    expect(m.uncertainty?.base?.lower.value).toBeCloseTo(1 / 1.31 ** 5, 12);
  });
  it('simulateModel draws the base: P(more than 3 trillion in 2025) moves from 0.561 (base 1) to the integral over [1, 1.1]', async () => {
    const m = parseModel(
      model({
        uncertainty: {
          volatility: { value: 0.05, assumption: 'five points' },
          base: { distribution: 'uniform', upper: { value: 1.1, assumption: 'an assumed end' }, assumption: 'flat' },
        },
      }),
      'x',
      facts,
      set,
    );
    const r = await simulateModel(m, { paths: 40_000, seed: 3 });
    const n = 200;
    let sum = 0;
    for (let i = 0; i <= n; i++)
      sum += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * lognormalExceedance(1 + (0.1 * i) / n, 0.25, 0.05, 5, 3);
    const exact = sum / (3 * n);
    const t = r.targets[0]!;
    expect(Math.abs(t.probability - exact)).toBeLessThan(4 * t.standardError);
    expect(r.settings.baseDraw).toEqual({ lower: 1, upper: 1.1, distribution: 'uniform' });
  });
});

describe('modelAsOf', () => {
  it("the 14th plan as of 2022 starts from MIIT's RMB 1.57 trillion in 2022; the plan path then ends at 1.57 x 1.25^3", () => {
    const m = modelAsOf(loadModel('big-data-14th-fyp'), 2022);
    expect(m.fromYear).toBe(2022);
    expect(m.base.value).toBe(1.57);
    expect(m.asOf).toEqual({ year: 2022, observation: 'obs.big-data.miit-2022', originalFromYear: 2020 });
    const plan = projectAll(m).find((p) => p.scenario === 'plan')!;
    expect(plan.years).toEqual([2022, 2023, 2024, 2025]);
    expect(plan.levels.at(-1)).toBeCloseTo(1.57 * 1.25 ** 3, 12);
    // The growth still required from 2022: (3 / 1.57)^(1/3) - 1 = 24.1 %.
    expect(plan.targets[0]?.requiredCagr).toBeCloseTo((3 / 1.57) ** (1 / 3) - 1, 12);
  });
  it('as of 2021 it starts from "at least 1.3 trillion", taken at 1.3 and listed as the model\'s choice', () => {
    const m = modelAsOf(loadModel('big-data-14th-fyp'), 2021);
    expect([m.fromYear, m.base.value]).toEqual([2021, 1.3]);
    expect(checkModel(m).assumptions.find((a) => a.path === 'base')?.assumption).toMatch(
      /^taken at the floor of the observation "at least RMB 1.3 trillion in 2021 \(obs\.big-data\.miit-2021/,
    );
  });
  it('simulateModel({ asOf: 2022 }): P(more than 3 trillion in 2025) matches the lognormal from 1.57 at 25 % (0.5998)', async () => {
    const r = await simulateModel(loadModel('big-data-14th-fyp'), { asOf: 2022, paths: 20_000, seed: 9 });
    const exact = lognormalExceedance(1.57, 0.25, 0.05, 3, 3);
    expect(exact).toBeCloseTo(0.5998, 4);
    expect(r.settings.baseYear).toBe(2022);
    expect(Math.abs(r.targets[0]!.probability - exact)).toBeLessThan(4 * r.targets[0]!.standardError);
  });
  it("the chained 2015-2025 model as of 2022 drops the 13th plan's phase and its 2020 target", () => {
    const m = modelAsOf(loadModel('big-data-2015-2025'), 2022);
    expect(m.path).toMatchObject({ type: 'phases', phases: [{ fromYear: 2022, toYear: 2025 }] });
    expect(m.targets.map((t) => t.id)).toEqual(['bd14.revenue-2025']);
  });
  it('cybersecurity as of 2022 starts from about RMB 200 billion in 2021 (the 2022 "nearly 220" is an upper bound, not a start)', () => {
    const m = modelAsOf(loadModel('cybersecurity-2021-2023'), 2022);
    expect([m.fromYear, m.base.value]).toEqual([2021, 200]);
  });
  it("a model without observations takes them from options, the plans' definition only", () => {
    const bare = parseModel(model(), 'x', facts, set);
    expect(thrown(() => modelAsOf(bare, 2022))).toMatchObject({ code: 'not_found' });
    expect(modelAsOf(bare, 2022, { observations: set }).base.value).toBe(1.57);
  });
  it('no observation up to the year throws not_found, naming the definition and the other measures', () => {
    const e = thrown(() => modelAsOf(loadModel('big-data-13th-fyp'), 2019)) as MetricsError;
    expect(e).toMatchObject({ code: 'not_found' });
    expect(e.message).toContain('has no level observation on "big data industry, MIIT" between 2015 and 2019');
  });
  it("a model's observations are checked in full: a comparator that is not one is named (fuzz seed 25)", () => {
    const m = loadModel('big-data-14th-fyp');
    const observations = m.observations!.map((o, i) => (i === 1 ? { ...o, comparator: Number.NaN } : o));
    expect(thrown(() => modelAsOf({ ...m, observations } as never, 2025))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(
        /^modelAsOf: model\.observations\[1\]\.comparator must be one of exceeds, atLeast, about, atMost, below, equals \(got NaN\)\./,
      ),
      issues: [{ path: ['model', 'observations', 1, 'comparator'] }],
    });
    const noSource = m.observations!.map((o, i) => (i === 0 ? { ...o, source: undefined } : o));
    expect(thrown(() => modelAsOf({ ...m, observations: noSource } as never, 2025))).toMatchObject({
      issues: [{ path: ['model', 'observations', 0, 'source'] }],
    });
  });
  it('asOf 2022.5 throws invalid_argument; a model with sectors too', () => {
    expect(thrown(() => modelAsOf(loadModel('big-data-14th-fyp'), 2022.5))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => modelAsOf(loadModel('big-data-sectors-example'), 2022))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('a misspelt option is refused: modelAsOf and simulateModel name the one meant', async () => {
    const m = loadModel('big-data-14th-fyp');
    expect(thrown(() => modelAsOf(m, 2022, { observation: set } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^modelAsOf: unknown option "observation".*Did you mean observations\?/),
    });
    await expect(simulateModel(m, { paths: 100, sead: 7 } as never)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^simulateModel: unknown option "sead".*Did you mean seed\?/),
    });
  });
});
