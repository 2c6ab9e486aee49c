import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { probabilityBasis, probabilityRestsOn } from '../../src/model/probabilityBasis.js';
import { modelAsOf } from '../../src/model/modelAsOf.js';
import { lognormalExceedance } from '../helpers/normal.js';
import { simulateModel } from '../../src/model/simulateModel.js';
import type { ModelDefinition } from '../../src/spec/types.js';

const withVolatility = (m: ModelDefinition, v: number): ModelDefinition => ({
  ...m,
  uncertainty: { ...m.uncertainty!, volatility: { value: v, source: { kind: 'assumption', text: 'test' } } },
});

describe('probabilityBasis', () => {
  it('the 13th plan and the chained model in 2020: the base is back-cast from the target at the plan rate, so the plan probability is 50 % by construction', () => {
    for (const [id, target] of [
      ['big-data-13th-fyp', 'bd13.revenue-2020'],
      ['big-data-2015-2025', 'bd13.revenue-2020'],
    ] as const) {
      const m = loadModel(id);
      expect(probabilityBasis(m, 'plan', target)).toMatch(/^50% by construction: the \d{4} base is back-cast from /);
      // Other scenarios grow at other rates: their result is not settled by construction.
      const other = Object.keys(m.scenarios).find((s) => s !== 'plan') as string;
      expect(probabilityBasis(m, other, target)).toBeUndefined();
    }
    // The chained model's 2025 target is reached at another rate after 2020: not by construction.
    expect(probabilityBasis(loadModel('big-data-2015-2025'), 'plan', 'bd14.revenue-2025')).toBeUndefined();
  });

  // Issue 12, point 1: cybersecurity is restated from an observation, so its probability means something.
  it('cybersecurity starts from the 2020 observation (more than RMB 170 billion, CAICT via MIIT): not by construction, and a lower bound', () => {
    const m = loadModel('cybersecurity-2021-2023');
    expect(probabilityBasis(m, 'plan', 'cyber.revenue-2023')).toBeUndefined();
    const words = probabilityRestsOn(m, 'plan', 'cyber.revenue-2023');
    expect(words).toMatch(
      /^rests on the 2020 observation RMB 170 billion \(obs\.cybersecurity\.miit-2020, Global Times, 2020-11-30, an estimate, at its floor\)/,
    );
    expect(words).toContain('growth of "more than 15%" a year (cyber.cagr-2020-2023, taken at its floor)');
    expect(words).toContain('volatility 4% a year (an assumption)');
    expect(words).toContain('this is a lower bound');
  });
  it('cybersecurity: P(more than 250 billion in 2023) from 170 at 15 % with 4 points is 1 - Phi((ln(250/170) - 3 ln 1.15) / (0.04 sqrt 3)) = 0.686, within 4 standard errors', async () => {
    const exact = lognormalExceedance(170, 0.15, 0.04, 3, 250);
    expect(exact).toBeCloseTo(0.6863, 4);
    const r = await simulateModel(loadModel('cybersecurity-2021-2023'), { paths: 20_000, seed: 7 });
    const t = r.targets[0]!;
    expect(Math.abs(t.probability - exact)).toBeLessThan(4 * t.standardError);
  });
  it('every built-in target gets a sentence saying what its probability rests on', () => {
    for (const id of ['big-data-13th-fyp', 'big-data-14th-fyp', 'big-data-2015-2025', 'cybersecurity-2021-2023']) {
      const m = loadModel(id);
      for (const t of m.targets)
        expect(probabilityRestsOn(m, 'plan', t.id)).toMatch(/^(50% by construction|rests on )/);
    }
  });
  it('the 14th plan as of 2022 rests on the 2022 observation, RMB 1.57 trillion (China Banking News, 2023-02-22)', () => {
    const m = modelAsOf(loadModel('big-data-14th-fyp'), 2022);
    expect(probabilityRestsOn(m, 'plan', 'bd14.revenue-2025')).toMatch(
      /^rests on the 2022 observation RMB 1\.57 trillion \(obs\.big-data\.miit-2022, China Banking News, 2023-02-22\)/,
    );
  });

  it('the 14th plan starts from the floor of a stated 2020 level: not by construction, and the sentence says a higher base would raise it', () => {
    const m = loadModel('big-data-14th-fyp');
    for (const t of m.targets) expect(probabilityBasis(m, 'plan', t.id)).toBeUndefined();
    expect(probabilityRestsOn(m, 'plan', 'bd14.revenue-2025')).toContain(
      'with the base at the floor of its wording, a higher base (which the wording allows) would raise it',
    );
  });

  it('what the sentence warns about holds: with volatility 1 %, 5 % and 20 % the 13th plan probability stays 0.50 (issue 12: 0.4999 / 0.5005)', async () => {
    const m = loadModel('big-data-13th-fyp');
    for (const v of [0.01, 0.05, 0.2]) {
      const r = await simulateModel(withVolatility(m, v), { paths: 20_000, seed: 7 });
      // 4 standard errors of a proportion at 0.5 over 20 000 paths: 4 * 0.5 / sqrt(20000) = 0.0141.
      expect(Math.abs((r.targets[0]?.probability as number) - 0.5)).toBeLessThan(0.0141);
    }
  });
});
