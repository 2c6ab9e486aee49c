import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { loadObservations } from '../../src/observations/loadObservations.js';
import { planScorecard } from '../../src/scorecard/planScorecard.js';
import { lognormalExceedance } from '../helpers/normal.js';

const set = loadObservations();
const models = ['big-data-13th-fyp', 'big-data-14th-fyp', 'cybersecurity-2021-2023'].map((id) => loadModel(id));

describe('planScorecard', () => {
  it('as of 2022: the 13th plan met beside its ex-ante 50 % by construction; the 14th off track with nowcasts at 25 % (0.600) and 18 % (0.041)', async () => {
    const rows = await planScorecard(models, set, { asOf: 2022, paths: 20_000, seed: 5 });
    const [bd13, bd14, cyber] = rows;
    expect(bd13).toMatchObject({
      target: 'bd13.revenue-2020',
      outcome: 'met',
      nowcastPlan: null,
      nowcastObserved: null,
    });
    expect(Math.abs((bd13?.exAnte?.probability as number) - 0.5)).toBeLessThan(
      4 * (bd13?.exAnte?.standardError as number),
    );
    expect(bd13?.exAnte?.restsOn).toMatch(/^50% by construction/);

    expect(bd14?.score.status).toBe('off track');
    const plan = lognormalExceedance(1.57, 0.25, 0.05, 3, 3);
    const observed = lognormalExceedance(1.57, 0.18, 0.05, 3, 3);
    expect(Math.abs((bd14?.nowcastPlan?.probability as number) - plan)).toBeLessThan(
      4 * (bd14?.nowcastPlan?.standardError as number),
    );
    expect(Math.abs((bd14?.nowcastObserved?.probability as number) - observed)).toBeLessThan(
      4 * (bd14?.nowcastObserved?.standardError as number),
    );
    expect(bd14?.nowcastObserved?.restsOn).toContain('observed: 1.57 in 2022 (obs.big-data.miit-2022)');
    // The ex-ante probability of the 14th plan's model: lognormal from its base 1 at 25% with 5 points.
    const exAnte = lognormalExceedance(1, 0.25, 0.05, 5, 3);
    expect(Math.abs((bd14?.exAnte?.probability as number) - exAnte)).toBeLessThan(
      4 * (bd14?.exAnte?.standardError as number),
    );

    // Cybersecurity as of 2022: undetermined, so a nowcast at the plan's rate only, from about 200 billion in 2021.
    expect(cyber?.score.status).toBe('undetermined');
    expect(cyber?.nowcastObserved).toBeNull();
    expect(cyber?.nowcastNote).toContain('no growth observed since the latest level');
    expect(cyber?.nowcastPlan?.restsOn).toContain(
      'taken at the centre of "about RMB 200 billion" (its tolerance is an assumption)',
    );
  });
  it('as of 2021 the 14th plan starts from "at least 1.3 trillion": the nowcast is a lower bound and says so', async () => {
    const [, bd14] = await planScorecard(models.slice(0, 2), set, { asOf: 2021, paths: 2000 });
    expect(bd14?.nowcastPlan?.restsOn).toContain('so this probability is a lower bound too');
    expect(bd14?.nowcastPlan?.probability).toBeGreaterThan(0.6);
  });
  it('as of 2025, with no published 2025 outcome, the 14th plan is nowcast from the 2022 observation and says why', async () => {
    const [, bd14] = await planScorecard(models.slice(0, 2), set, { asOf: 2025, paths: 2000 });
    expect(bd14?.score.status).toBe('undetermined');
    expect(bd14?.nowcastPlan?.restsOn).toContain('obs.big-data.miit-2022');
    expect(bd14?.nowcastNote).toMatch(
      /^2025 has passed with no published outcome on "big data industry, MIIT" as of 2025/,
    );
  });
  it('paths below 100 throw invalid_argument', async () => {
    const e = await planScorecard(models, set, { asOf: 2022, paths: 10 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'invalid_argument' });
  });
  it('a misspelt option is refused, naming the one meant', async () => {
    await expect(planScorecard(models, set, { asOf: 2022, path: 1000 } as never)).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^planScorecard: unknown option "path".*Did you mean paths\?/),
    });
  });
  it('an observation it scores from without a unit is refused under its own name, not a TypeError (fuzz seed 16)', async () => {
    const { unit: _, ...noUnit } = set.observations[13]!; // obs.cybersecurity.caict-yoy-2019, a rate
    const broken = { ...set, observations: set.observations.map((o, i) => (i === 13 ? noUnit : o)) } as never;
    const e = await planScorecard([models[2]!], broken, { asOf: 2022, paths: 100 }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['set', 'observations', 13, 'unit'] }],
    });
    expect((e as Error).message).toMatch(/^planScorecard: set\.observations\[13\]\.unit: /);
  });
});
