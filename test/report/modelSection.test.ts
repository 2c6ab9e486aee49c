import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { modelReport } from '../../src/model/modelReport.js';
import { modelSection, modelSummary } from '../../src/report/modelSection.js';
import { thrown } from '../helpers/thrown.js';

describe('modelSection and modelSummary', () => {
  it('modelSummary says when a plan path lands exactly on an "exceed" target because its base is backcast from it', async () => {
    const r = await modelReport(loadModel('big-data-13th-fyp'), { paths: 1000, seed: 1 });
    const text = modelSummary(r);
    expect(text).toMatch(/plan\s+2020: RMB 1\.00 trillion {2}\(lands exactly on bd13\.revenue-2020\)/);
    expect(text).toContain('implied: 2015 level = more than RMB 259 billion (for growth up to 31%); no upper bound');
    // Probabilities to three significant figures and their standard error to two, as in How the plans did
    // (49.52% once stood beside 55.6%): 1,000 paths give a standard error of about 1.6 points.
    const p = r.monteCarlo?.targets[0];
    expect(text).toContain(
      `P(exceeds RMB 1 trillion in 2020) = ${(100 * (p?.probability as number)).toFixed(1)}% ± ${(100 * (p?.standardError as number)).toFixed(1)}%  (Monte Carlo, seed 1)`,
    );
    // The 13th plan's probability is 50% by construction, and the summary says so under it.
    expect(text).toMatch(
      /P\(exceeds RMB 1 trillion in 2020\)[^\n]*\n\s+50% by construction: the 2015 base is back-cast from bd13\.revenue-2020/,
    );
  });

  it('modelSection: the plan is "on it by construction" (not "no (needs 30% a year)" next to 30 %), and every probability says what it rests on', async () => {
    const bd13 = modelSection(await modelReport(loadModel('big-data-13th-fyp'), { paths: 1000, seed: 1 }));
    // Levels are numbers in the column's unit (the header says RMB trillion), rates fractions shown as percentages.
    const plan = bd13.tables?.[1]?.rows[0] ?? [];
    expect(plan[0]).toBe('plan');
    expect(plan[1]).toBeCloseTo(1, 9);
    expect(plan[2]).toBeCloseTo(0.3, 12);
    expect(plan[3]).toBe('on it by construction (base back-cast from this target)');
    expect(bd13.tables?.[1]?.columns.slice(0, 3)).toEqual([
      'Scenario',
      { name: 'Level in 2020', unit: 'RMB trillion', decimals: 2 },
      { name: 'Growth a year, 2015–2020', unit: '%', format: 'percent', decimals: 0 },
    ]);
    expect(bd13.text).toMatch(/P\(more than RMB 1 trillion in 2020\) = [\d.]+% \(50% by construction: /);
    const bd14 = modelSection(await modelReport(loadModel('big-data-14th-fyp'), { paths: 1000, seed: 1 }));
    expect(bd14.text).toMatch(
      /P\(more than RMB 3 trillion in 2025\) = [\d.]+% \(rests on a 2020 level of RMB 1 trillion taken at the floor of "more than RMB 1 trillion"/,
    );
    const cyber = modelSection(await modelReport(loadModel('cybersecurity-2021-2023'), { paths: 1000, seed: 1 }));
    expect(cyber.text).toMatch(
      /P\(more than RMB 250 billion in 2023\) = [\d.]+% \(rests on the 2020 observation RMB 170 billion/,
    );
  });

  it('modelSection names chart files after the model and lists the assumptions', async () => {
    const r = await modelReport(loadModel('big-data-14th-fyp'), { paths: 1000, seed: 1 });
    const s = modelSection(r);
    expect(s.charts.map((c) => c.file)).toEqual([
      'big-data-14th-fyp-trajectories',
      'big-data-14th-fyp-fan',
      'big-data-14th-fyp-distribution',
    ]);
    // Names and percentages, never model-file paths or bare fractions.
    const assumptions = s.tables?.[3];
    expect(assumptions?.rows.map((row) => row.slice(0, 2))).toEqual([
      ['Base level', 'RMB 1 trillion'],
      ['Scenario high: growth rate', '28%'],
      ['Scenario low: growth rate', '22%'],
      ['Scenario shock-2022: shock size', '-5%'],
      ['Uncertainty: growth volatility', '5%'],
    ]);
    // Every chart carries the numbers behind it.
    expect(s.charts.map((c) => c.data?.columns[0])).toEqual(['Scenario', 'Year', 'Sample path']);
  });

  it('modelSection refuses a report whose page chart (htmlSpec) holds a non-finite number, as it does for spec', async () => {
    const r = await modelReport(loadModel('big-data-14th-fyp'), { paths: 200, seed: 1 });
    const i = r.charts.findIndex((c) => c.htmlSpec !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const spoilt = {
      ...r,
      charts: r.charts.map((c, j) => (j === i ? { ...c, htmlSpec: { ...c.htmlSpec, width: Number.NaN } } : c)),
    } as typeof r;
    expect(() => modelSection(spoilt)).toThrow(
      expect.objectContaining({
        code: 'invalid_argument',
        message: expect.stringMatching(
          new RegExp(`report\\.charts\\[${i}\\]\\.htmlSpec\\.width must be a finite number`),
        ),
      }),
    );
  });
  it('modelSection refuses an implied figure without a unit: the Chinese section writes it from its numbers (fuzz seed 34)', async () => {
    const r = await modelReport(loadModel('cybersecurity-2021-2023'), { paths: 200, seed: 1, locale: 'zh' });
    const checks = r.check.consistency.checks;
    const i = checks.findIndex((c) => c.implied.length > 0);
    expect(i).toBeGreaterThanOrEqual(0);
    const spoil = (change: object) =>
      ({
        ...r,
        check: {
          ...r.check,
          consistency: {
            ...r.check.consistency,
            checks: checks.map((c, j) => (j === i ? { ...c, implied: [{ ...c.implied[0]!, ...change }] } : c)),
          },
        },
      }) as typeof r;
    const w = `report.check.consistency.checks[${i}].implied[0]`;
    expect(() => modelSection(spoil({ unit: undefined }))).toThrow(
      expect.objectContaining({ code: 'invalid_argument', message: expect.stringContaining(`${w}.unit`) }),
    );
    expect(() => modelSection(spoil({ bound: Number.NaN }))).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`${w}.bound must be a finite number`) }),
    );
    expect(() => modelSection(spoil({ range: [1] }))).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`${w}.range must be [low, high]`) }),
    );
    expect(() => modelSection(spoil({ determined: 'maybe' }))).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(`${w}.determined must be interval, lower, upper or none`),
      }),
    );
    expect(modelSection(r).heading).toBe(modelSection(spoil({})).heading);
  });
  // Found by the fuzz suite (FC_SEED=11 and 12, FUZZ_RUNS=300): a NaN or Infinity in a chart's table of numbers
  // (data) came out in modelSection's result; data is checked as spec and htmlSpec are.
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])("modelSection refuses a report whose chart's numbers (data) hold %s", async (_name, bad) => {
    const r = await modelReport(loadModel('big-data-14th-fyp'), { paths: 200, seed: 1 });
    const spoilt = {
      ...r,
      charts: r.charts.map((c, j) =>
        j === 1
          ? { ...c, data: { ...c.data, rows: c.data.rows.map((row, k) => (k === 2 ? [bad, ...row.slice(1)] : row)) } }
          : c,
      ),
    } as typeof r;
    const e = thrown(() => modelSection(spoilt));
    expect(e).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['report', 'charts', 1, 'data', 'rows', 2, 0] }],
    });
    expect((e as Error).message).toBe(
      `modelSection: report.charts[1].data.rows[2][0] must be text, a finite number or null (got ${bad}). Pass what modelReport returned, as it came.`,
    );
  });

  it("modelSummary refuses a chart's data with a hole, a row of the wrong length or no columns", async () => {
    const r = await modelReport(loadModel('big-data-14th-fyp'), { paths: 200, seed: 1 });
    const withData = (data: unknown) =>
      ({ ...r, charts: r.charts.map((c, j) => (j === 0 ? { ...c, data } : c)) }) as typeof r;
    const d = r.charts[0]?.data as (typeof r.charts)[0]['data'];
    const holed = [...d.rows];
    delete holed[3];
    for (const [data, path, what] of [
      [{ ...d, rows: holed }, ['report', 'charts', 0, 'data', 'rows', 3], 'is missing'],
      [
        { ...d, rows: [d.rows[0]?.slice(1), ...d.rows.slice(1)] },
        ['report', 'charts', 0, 'data', 'rows', 0],
        'must have one cell per column (3)',
      ],
      [{ rows: d.rows }, ['report', 'charts', 0, 'data', 'columns'], 'must be an array'],
      [undefined, ['report', 'charts', 0, 'data'], 'must be an object'],
    ] as const) {
      const e = thrown(() => modelSummary(withData(data)));
      expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path }] });
      expect((e as Error).message).toMatch(
        /^modelSummary: report\.charts\[0\]\.data.* Pass what modelReport returned, as it came\.$/,
      );
      expect((e as Error).message).toContain(what);
    }
  });
});
