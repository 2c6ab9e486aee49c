import { describe, expect, it } from 'vitest';
import { nowcast } from '../../src/scorecard/nowcast.js';
import { thrown } from '../helpers/thrown.js';
import { lognormalExceedance } from '../helpers/normal.js';

const from = { year: 2022, value: 1.57, observation: 'obs.big-data.miit-2022' };
const target = { year: 2025, value: 3 };

describe('nowcast', () => {
  it.each([
    [0.25, 'plan rate'],
    [0.18, 'observed 2022 growth'],
  ])(
    'P(more than 3 trillion in 2025 | 1.57 in 2022), %s a year, 5 points: within 4 standard errors of the lognormal closed form',
    (rate, rateSource) => {
      const n = nowcast({ from, target, rate, rateSource, volatility: 0.05, paths: 20000, seed: 7 });
      const exact = lognormalExceedance(1.57, rate, 0.05, 3, 3);
      expect(n.closedForm).toBeCloseTo(exact, 6);
      expect(Math.abs(n.probability - exact)).toBeLessThan(4 * n.standardError);
      expect(n.restsOn.join(' ')).toContain(rateSource);
      expect(n.restsOn.some((s) => s.startsWith('assumption: volatility 5.0 points'))).toBe(true);
    },
  );
  it("closed forms: 0.5998 at the plan's 25 %, 0.0406 at the 18 % observed", () => {
    expect(
      nowcast({ from, target, rate: 0.25, rateSource: 'plan', volatility: 0.05, paths: 100 }).closedForm,
    ).toBeCloseTo(0.59979, 4);
    expect(
      nowcast({ from, target, rate: 0.18, rateSource: 'observed', volatility: 0.05, paths: 100 }).closedForm,
    ).toBeCloseTo(0.04062, 4);
  });
  it('same seed, same probability', () => {
    const a = nowcast({ from, target, rate: 0.2, rateSource: 'x', volatility: 0.05, paths: 500, seed: 3 });
    const b = nowcast({ from, target, rate: 0.2, rateSource: 'x', volatility: 0.05, paths: 500, seed: 3 });
    expect(a.probability).toBe(b.probability);
  });
  it('a target year not after the observation throws invalid_argument', () => {
    expect(
      thrown(() => nowcast({ from, target: { year: 2022, value: 3 }, rate: 0.2, rateSource: 'x', volatility: 0.05 })),
    ).toMatchObject({ code: 'invalid_argument' });
  });
  it('zero volatility throws invalid_argument', () => {
    expect(thrown(() => nowcast({ from, target, rate: 0.2, rateSource: 'x', volatility: 0 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('a misspelt option is refused, naming the one meant', () => {
    const o = { from, target, rate: 0.2, rateSource: 'x', volatility: 0.05, sed: 3 };
    expect(thrown(() => nowcast(o as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^nowcast: unknown option "sed".*Did you mean seed\?/),
    });
  });
});
