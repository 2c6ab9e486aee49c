import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/io/loadModel.js';
import { probabilityBasis } from '../../src/model/probabilityBasis.js';
import { simulateModel } from '../../src/model/simulateModel.js';
import type { ModelDefinition } from '../../src/model/types.js';

const withVolatility = (m: ModelDefinition, v: number): ModelDefinition => ({
  ...m,
  uncertainty: { ...m.uncertainty!, volatility: { value: v, source: { kind: 'assumption', text: 'test' } } },
});

describe('probabilityBasis', () => {
  it('cybersecurity and the 13th plan: the base is back-cast from the target at the plan rate, so the plan probability is 50 % by construction', () => {
    for (const [id, target] of [
      ['cybersecurity-2021-2023', 'cyber.revenue-2023'],
      ['big-data-13th-fyp', 'bd13.revenue-2020'],
    ] as const) {
      const m = loadModel(id);
      expect(probabilityBasis(m, 'plan', target)).toMatch(/^50 % by construction: the \d{4} base is back-cast from /);
      // Other scenarios grow at other rates: their result is not settled by construction.
      expect(probabilityBasis(m, 'high', target)).toBeUndefined();
    }
  });

  it('the 14th plan starts from a stated 2020 level: no probability there is settled by construction', () => {
    const m = loadModel('big-data-14th-fyp');
    for (const t of m.targets) expect(probabilityBasis(m, 'plan', t.id)).toBeUndefined();
  });

  it('what the sentence warns about holds: with volatility 1 %, 5 % and 20 % the cybersecurity plan probability stays 0.50 (issue 12: 0.4999 / 0.5005)', async () => {
    const m = loadModel('cybersecurity-2021-2023');
    for (const v of [0.01, 0.05, 0.2]) {
      const r = await simulateModel(withVolatility(m, v), { paths: 20_000, seed: 7 });
      // 4 standard errors of a proportion at 0.5 over 20 000 paths: 4 * 0.5 / sqrt(20000) = 0.0141.
      expect(Math.abs((r.targets[0]?.probability as number) - 0.5)).toBeLessThan(0.0141);
    }
  });
});
