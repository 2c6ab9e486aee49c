import { describe, expect, it } from 'vitest';
import { decomposeModel } from '../../src/model/decomposeModel.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { ModelDefinition, ResolvedValue } from '../../src/spec/types.js';
import { parseUnit } from '../../src/series/units.js';
import type { Fact } from '../../src/targets/fact.js';
import { exampleSectors } from '../helpers/exampleSectors.js';
import { thrown } from '../helpers/thrown.js';

const a = (value: number): ResolvedValue => ({ value, source: { kind: 'assumption', text: 'test' } });
const provenance = { document: 'test', publisher: 'test', section: 's', quote: 'q' };
const target: Fact = {
  id: 't.2022',
  metric: 'x.revenue',
  year: 2022,
  value: 2000,
  unit: parseUnit('CNY billion'),
  comparator: 'exceeds',
  kind: 'target',
  provenance,
};
const later: Fact = { ...target, id: 't.2030', year: 2030 };

function model(overrides: Partial<ModelDefinition> = {}): ModelDefinition {
  return {
    id: 'two-sectors',
    title: 't',
    metric: 'x.revenue',
    unit: parseUnit('CNY trillion'),
    fromYear: 2020,
    toYear: 2022,
    base: a(1),
    path: { type: 'cagr', rate: a(0.5) },
    shocks: [],
    bounds: {},
    scenarios: { plan: { description: 'plan' } },
    targets: [target, later],
    related: [],
    sectors: [
      { id: 'a', name: 'A', share: a(0.5), path: { type: 'cagr', rate: a(0) } },
      { id: 'b', name: 'B', share: a(0.5), path: { type: 'cagr', rate: a(1) } },
    ],
    origin: 'test',
    ...overrides,
  };
}

describe('decomposeModel', () => {
  it('two halves at 0 % and 100 % against a 50 % headline, worked by hand', () => {
    // a: 0.5, 0.5, 0.5; b: 0.5, 1, 2; sum 1, 1.5, 2.5.  Headline 1 x 1.5^t: 1, 1.5, 2.25.
    // 2021: growth 0.5, contributions a 0, b 0.5/1 = 0.5.  2022: growth 2.5/1.5 - 1 = 2/3, b 1/1.5 = 2/3.
    // Total CAGR: sqrt(2.5) - 1 = 0.5811; headline CAGR 0.5.  Incoherence 2022: 2.25 - 2.5 = -0.25 (-1/9).
    // Target: more than 2000 CNY billion in 2022 = 2 trillion; the sectors give 2.5 -> met, gap +0.5.
    const d = decomposeModel(model());
    expect(d.panel.values).toEqual([
      [0.5, 0.5, 0.5],
      [0.5, 1, 2],
    ]);
    expect(d.shares.share[1]).toEqual([0.5, 1 / 1.5, 0.8]);
    expect(d.contributions.contribution).toEqual([
      [0, 0],
      [0.5, 1 / 1.5],
    ]);
    expect(d.contributions.growth[1]).toBeCloseTo(2 / 3, 14);
    expect(d.contributions.shareOfGrowth[0]).toEqual([0, 0]);
    expect(d.totalCagr).toBeCloseTo(Math.sqrt(2.5) - 1, 14);
    expect(d.headlineCagr).toBeCloseTo(0.5, 14);
    expect(d.sectorCagr).toEqual([0, 1]);
    expect(d.incoherence.rows[2]?.gap).toBeCloseTo(-0.25, 14);
    expect(d.incoherence.rows[2]?.relativeGap).toBeCloseTo(-1 / 9, 14);
    expect(d.targets).toHaveLength(1);
    expect(d.targets[0]).toMatchObject({ meets: true, target: 2, value: 2.5 });
    expect(d.targets[0]?.gap).toBeCloseTo(0.5, 14);
    expect(d.outside.map((f) => f.id)).toEqual(['t.2030']);
    expect(d.span.cagrContribution.reduce((x, y) => x + y, 0)).toBeCloseTo(d.totalCagr, 14);
    expect(d.rows).toContainEqual({ sector: 'total', year: 2022, value: 2.5, measure: 'total' });
    expect(d.rows).toContainEqual({ sector: 'b', year: 2021, value: 1, measure: 'level' });
  });
  it('a model without sectors or a non-model throws invalid_argument', () => {
    expect(thrown(() => decomposeModel(model({ sectors: [] })))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => decomposeModel({} as ModelDefinition))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a sector whose path fails names the sector', () => {
    const bad = model({ sectors: [{ id: 'a', name: 'A', share: a(1), path: { type: 'cagr', rate: a(-2) } }] });
    const e = thrown(() => decomposeModel(bad));
    expect(e).toMatchObject({ details: { sector: 'a' } });
    expect((e as Error).message).toContain('sector "a"');
  });
  it('the built-in big-data-sectors-example stays close to the plan: 25.4 % a year and RMB 3.10 trillion in 2025', () => {
    // Hand check of the example's assumptions: Σ s_i (1 + g_i)^5 = 0.12·1.3^5 + 0.38·1.18^5 + 0.15·1.28^5
    // + 0.28·1.3^5 + 0.07·1.27^5 = 3.1011846…; its fifth root less 1 is 0.254023…
    const d = decomposeModel(loadModel('big-data-sectors-example'));
    const sectors = exampleSectors();
    const level = sectors.reduce((acc, s) => acc + s.share * (1 + s.rate) ** 5, 0);
    expect(level).toBeCloseTo(3.1011846, 7);
    expect(d.shares.total.at(-1)).toBeCloseTo(level, 12);
    expect(d.totalCagr).toBeCloseTo(Math.pow(level, 0.2) - 1, 12);
    expect(d.headlineCagr).toBeCloseTo(0.25, 12);
    expect(Math.abs(d.incoherence.worst.relativeGap)).toBeLessThan(0.02);
    expect(d.targets[0]).toMatchObject({ meets: true });
    expect(d.sectors.map((s) => s.id)).toEqual(sectors.map((s) => s.id));
  });
});
