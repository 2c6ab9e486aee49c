// "How the plans did": every target once, its status from scoreTarget, the nowcasts from the figure it rests
// on (checked against the lognormal closed form), the ex-ante probability of the plan's own model, the
// scorecard chart and the fan from the latest figure; and the model charts' context (plan periods only where a
// model declares them, labelled for its own plan).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import type { ModelDefinition } from '../../src/spec/types.js';
import { loadObservations } from '../../src/observations/loadObservations.js';
import { type ModelReport, modelReport } from '../../src/model/modelReport.js';
import { planKeyFigures, planOutcomes, plansSection, plansSummary } from '../../src/report/plansSection.js';
import { reportTitle } from '../../src/report/reportFront.js';
import { planScorecard } from '../../src/scorecard/planScorecard.js';
import { scoreTarget } from '../../src/scorecard/scoreTarget.js';
import { normalCdf } from '../helpers/normal.js';

type Json = Record<string, unknown> & { layer?: Json[]; vconcat?: Json[]; data?: { values?: Json[] } };
const layers = (spec: unknown): Json[] => {
  const s = spec as Json;
  return (s.layer ?? s.vconcat?.[0]?.layer ?? []) as Json[];
};
const values = (spec: unknown, name: string): Json[] =>
  (layers(spec).find((l) => l.name === name)?.data?.values ?? []) as Json[];

describe('How the plans did', () => {
  const set = loadObservations();
  const PATHS = 20000;
  let reports: ModelReport[] = [];
  beforeAll(async () => {
    reports = [];
    for (const id of ['big-data-13th-fyp', 'big-data-14th-fyp', 'big-data-2015-2025', 'cybersecurity-2021-2023'])
      reports.push(await modelReport(loadModel(id), { paths: 2000, seed: 3, observations: set }));
  }, 60_000);

  it('planOutcomes scores every target once, with scoreTarget’s status and the plan’s rate', () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: PATHS });
    expect(outcomes.map((o) => o.target.id)).toEqual(['bd13.revenue-2020', 'bd14.revenue-2025', 'cyber.revenue-2023']);
    for (const o of outcomes) {
      const rate = o.model.path.type === 'cagr' ? o.model.path.rate.value : undefined;
      expect(o.score).toEqual(
        scoreTarget(o.target, set, { asOf: 2024, ...(rate !== undefined ? { planRate: rate } : {}) }),
      );
    }
    // The 13th plan's target is decided by the 2020 figure; no nowcast for a decided target.
    expect(outcomes[0]?.score.status).toBe('met');
    expect(outcomes[0]?.nowcastPlan).toBeUndefined();
  });

  it('the nowcasts match the lognormal closed form from the figure the status rests on, within 4 standard errors', () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: PATHS });
    let checked = 0;
    for (const o of outcomes) {
      if (o.nowcastPlan === undefined || o.observation === undefined) continue;
      const vol = o.model.uncertainty?.volatility.value as number;
      const n = o.target.year - o.observation.year;
      // P(v0 exp(n ln(1 + r) + N(0, n vol²)) > target) = 1 - Φ((ln(target / v0) - n ln(1 + r)) / (vol √n)).
      const closed = (r: number) =>
        1 - normalCdf((Math.log(o.target.value / o.observation!.value) - n * Math.log1p(r)) / (vol * Math.sqrt(n)));
      const within = (p: number, c: number) => Math.abs(p - c) < 4 * Math.sqrt((c * (1 - c)) / PATHS) + 1e-12;
      expect(within(o.nowcastPlan, closed(o.score.planRate as number))).toBe(true);
      if (o.nowcastObserved !== undefined)
        expect(within(o.nowcastObserved, closed(o.score.observedRate as number))).toBe(true);
      checked++;
    }
    // As of 2024 the 14th plan's target rests on the 2022 figure (RMB 1.57 trillion): (3 / 1.57)^(1/3) - 1 = 24.1 %.
    const bd14 = outcomes.find((o) => o.target.id === 'bd14.revenue-2025');
    expect(bd14?.observation?.year).toBeGreaterThanOrEqual(2022);
    if (bd14?.observation?.id === 'obs.big-data.miit-2022') {
      expect(bd14.score.requiredRate).toBeCloseTo((3 / 1.57) ** (1 / 3) - 1, 12);
      expect(bd14.nowcastPlan).toBeCloseTo(0.5998, 1);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('planOutcomes says what planScorecard says: the same status, nowcasts and starting figure for the same settings', async () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: 2000, seed: 5 });
    const rows = await planScorecard(
      reports.map((r) => r.model),
      set,
      { asOf: 2024, paths: 2000, seed: 5 },
    );
    for (const o of outcomes) {
      const row = rows.find((r) => r.model === o.model.id && r.target === o.target.id);
      expect(o.score).toEqual(row?.score);
      expect(o.nowcastPlan).toBe(row?.nowcastPlan?.probability);
      expect(o.nowcastObserved).toBe(row?.nowcastObserved?.probability);
      if (row?.nowcastFrom) expect(o.observation?.id).toBe(o.score.observation ?? row.nowcastFrom);
    }
    // cyber.revenue-2023 passed with no published outcome as of 2024: both nowcast from the 2021 figure.
    const cyber = outcomes.find((o) => o.target.id === 'cyber.revenue-2023');
    expect(cyber?.score.status).toBe('undetermined');
    expect(cyber?.observation?.year).toBe(2021);
    expect(cyber?.nowcastPlan).toBeGreaterThan(0);
  }, 60_000);

  it('a target year passed without an outcome (cybersecurity 2023, as of 2024) rests on the 2021 figure: about RMB 200 billion, P(met) at 15 % and 4 points = 0.8405', () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: PATHS });
    const cyber = outcomes.find((o) => o.target.id === 'cyber.revenue-2023');
    expect(cyber?.score.status).toBe('undetermined');
    expect(cyber?.pastTargetYear).toBe(true);
    expect(cyber?.observation?.id).toBe('obs.cybersecurity.forum-2021');
    // ln(250 / 200) against 2 ln 1.15 with sd 0.04 √2: 1 - Φ(-0.9967) = 0.8405.
    const closed = 1 - normalCdf((Math.log(250 / 200) - 2 * Math.log(1.15)) / (0.04 * Math.SQRT2));
    expect(closed).toBeCloseTo(0.8405, 4);
    expect(Math.abs((cyber?.nowcastPlan as number) - closed)).toBeLessThan(
      4 * Math.sqrt((closed * (1 - closed)) / PATHS),
    );
    // The only rate on the measure is 17 % over 2015-2020, an estimate older than the level: no nowcast at it.
    expect(cyber?.nowcastObserved).toBeUndefined();
    const text = plansSummary(outcomes, 2024);
    expect(text).toContain(
      'No 2023 figure on the plan’s own definition yet; the latest before it, about RMB 200 billion in 2021 (shangrongsuo.com (reprint), 2023-02-28), does not settle it',
    );
    expect(text).not.toContain('No figure on the plan’s own definition yet');
    // The volatility each nowcast rests on is said with it (closed forms 0.8405 and 0.5998).
    expect(text).toMatch(
      /P\(met\) from the latest figure, with 4% volatility a year \(an assumption\): 8[34]\.\d% at the plan's rate;/,
    );
    expect(text).toMatch(
      /P\(met\) from the latest figure, with 5% volatility a year \(an assumption\): (59|60)\.\d% at the plan's rate,/,
    );
  });

  it('the ex-ante probability is the plan model’s own Monte Carlo result', () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: 2000 });
    const bd14 = outcomes.find((o) => o.target.id === 'bd14.revenue-2025');
    const mc = reports[1]?.monteCarlo?.targets.find((t) => t.id === 'bd14.revenue-2025')?.probability;
    expect(bd14?.exAnte).toBe(mc);
  });

  it('plansSection: a scorecard chart, a fan from the latest figure that opens there, and the tables', () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: 2000 });
    const s = plansSection(outcomes, { asOf: 2024, set });
    expect(s.heading).toBe('How the plans did');
    expect(s.charts[0]?.file).toBe('plans-scorecard');
    const scorecard = s.charts[0] as unknown as { spec: Json };
    const card = (scorecard.spec.vconcat ?? [])[0] as Json;
    const bd14 = outcomes.find((o) => o.target.id === 'bd14.revenue-2025');
    const obs = bd14?.observation;
    expect(card.data?.values?.[1]?.ratio).toBeCloseTo((obs?.value ?? 0) / 3, 9);
    const fan = s.charts.find((c) => c.file === 'nowcast-bd14.revenue-2025');
    expect(fan).toBeDefined();
    // The fan opens at the figure (zero width) and its median grows at the plan's 25 % a year.
    const bands = values(fan?.spec, 'bands').filter((b) => b.year === obs?.year);
    for (const b of bands) expect([b.lower, b.upper]).toEqual([obs?.value, obs?.value]);
    const median = values(fan?.spec, 'median');
    expect(median[0]).toMatchObject({ year: obs?.year, value: obs?.value });
    expect(median.at(-1)?.value as number).toBeCloseTo(
      (obs?.value as number) * 1.25 ** (2025 - (obs?.year as number)),
      8,
    );
    expect(s.tables?.map((t) => t.title)).toEqual([
      'Each target’s status, as of the latest published figure (2024)',
      'Where the figures come from',
    ]);
    // Sources name the definition, never its id.
    expect(s.tables?.[1]?.rows.map((r) => r[0])).toContain('big data industry, MIIT');
  });

  it('plansSummary and planKeyFigures say each status with the number that matters', () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: 2000 });
    const text = plansSummary(outcomes, 2024);
    expect(text).toMatch(
      /^How the plans did \(figures published up to 2024\)\n {2}More than RMB 1 trillion in 2020 \(13th Five-Year Plan\): met\n/,
    );
    expect(text).not.toMatch(/obs\.|bd1[34]\.|cyber\./);
    const keys = planKeyFigures(outcomes);
    expect(keys[0]).toMatchObject({ label: 'More than RMB 1 trillion in 2020 (13th Five-Year Plan)', value: 'Met' });
    // A nowcast in the key figures says the volatility it rests on.
    expect(keys[1]?.note).toMatch(
      /^From RMB 1\.57 trillion in 2022: P\(met\) \d+(\.\d+)?% at the plan’s rate, \d+(\.\d+)?% at the observed rate \(5% volatility a year, an assumption\)$/,
    );
    expect(keys[2]?.note).toMatch(
      /^From about RMB 200 billion in 2021: P\(met\) \d+(\.\d+)?% at the plan’s rate \(4% volatility/,
    );
  });

  it('reportTitle names the industries of the models', () => {
    expect(reportTitle(reports.map((r) => r.model))).toBe(
      'Big data industry and cybersecurity industry: plans, outcomes and scenarios',
    );
    expect(
      reportTitle(
        reports.map((r) => r.model),
        'zh',
      ),
    ).toBe('大数据产业、网络安全产业：规划、结果与情景');
  });
});

describe('planOutcomes and plansSection refuse a misspelt option', () => {
  it('planOutcomes({ path }) and plansSection({ widht }) throw, naming the right option', () => {
    const set = loadObservations();
    expect(() => planOutcomes([], set, { asOf: 2024, path: 100 } as never)).toThrow(
      /^planOutcomes: unknown option "path".*Did you mean paths\?/,
    );
    expect(planOutcomes([], set, { asOf: 2024, paths: 100 })).toEqual([]);
    expect(() => plansSection([], { asOf: 2024, widht: 300 } as never)).toThrow(
      /^plansSection: unknown option "widht".*Did you mean width\?/,
    );
  });
});

describe('model charts in context', () => {
  it('the cybersecurity model shades its own three-year plan, not a Five-Year Plan', async () => {
    const r = await modelReport(loadModel('cybersecurity-2021-2023'), { paths: 200, seed: 1 });
    const labels = values(r.charts[0]?.spec, 'periods').map((p) => p.period);
    expect(labels).toEqual(['Three-year action plan (2021–2023)']);
  });

  it('a model that declares no periods (a company’s own) gets no shading', async () => {
    const own = { ...loadModel('big-data-14th-fyp'), periods: undefined } as unknown as ModelDefinition;
    const { periods: _, ...withoutPeriods } = own;
    const r = await modelReport(withoutPeriods as ModelDefinition, { paths: 200, seed: 1 });
    for (const c of r.charts)
      expect(
        layers(c.spec).some((l) => l.name === 'periods'),
        c.name,
      ).toBe(false);
  });

  it('the fan opens at the base, and observations on the plan’s definition are drawn', async () => {
    const r = await modelReport(loadModel('big-data-14th-fyp'), {
      paths: 200,
      seed: 1,
      observations: loadObservations(),
    });
    const fan = r.charts.find((c) => c.name === 'fan')?.spec;
    expect(values(fan, 'median')[0]).toMatchObject({ year: 2020, value: 1 });
    const drawn = values(r.charts[0]?.spec, 'actuals');
    expect(drawn.map((a) => a.year)).toContain(2022);
    // Every chart names its sources and, for the simulation, the run's settings.
    const source = (spec: unknown) => {
      const line = ((spec as Json).vconcat ?? [])[1]?.data?.values?.[0]?.source as string[] | undefined;
      return (line ?? []).join(' ');
    };
    expect(source(fan)).toMatch(/^Source: MIIT \(2021\); observations: .*; own simulation, 200 paths, seed 1$/);
  });
});
