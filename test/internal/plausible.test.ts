import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MetricsError } from '../../src/errors.js';
import { compound } from '../../src/growth/compound.js';
import { backcast } from '../../src/growth/backcast.js';
import { doublingTime } from '../../src/growth/doublingTime.js';
import {
  assertPlausible,
  asFraction,
  implausibleFraction,
  MAX_RATE,
  MAX_VOLATILITY,
} from '../../src/internal/plausible.js';
import { parseModel } from '../../src/model/parseModel.js';
import { loadSeeds } from '../../src/io/loadSeeds.js';
import { simulate } from '../../src/simulate/simulate.js';
import { cagrPath } from '../../src/trajectory/cagrPath.js';
import { expressionPath } from '../../src/trajectory/expressionPath.js';
import { logisticPath } from '../../src/trajectory/logisticPath.js';
import { phasesPath } from '../../src/trajectory/phasesPath.js';
import { ratesPath } from '../../src/trajectory/ratesPath.js';
import { applyShocks } from '../../src/trajectory/applyShocks.js';
import { pathToTarget } from '../../src/trajectory/pathToTarget.js';
import { rejected, thrown } from '../helpers/thrown.js';
import { myIndustryModel } from '../helpers/models.js';

const run = { baseYear: 2020, baseValue: 1, toYear: 2022, paths: 10, seed: 1 };

describe('the plausibility bounds (src/internal/plausible.ts)', () => {
  it('MAX_RATE is 3 (300 % a year) and MAX_VOLATILITY is 1', () => {
    expect(MAX_RATE).toBe(3);
    expect(MAX_VOLATILITY).toBe(1);
  });
  it('asFraction(2.8) is 0.028, not 0.027999999999999997', () => {
    expect(asFraction(2.8)).toBe(0.028);
    expect(2.8 / 100).not.toBe(0.028);
  });
  it('implausibleFraction(25, "rate") suggests 0.25; 3 and below pass', () => {
    expect(implausibleFraction(25, 'rate')).toBe(
      'expected a fraction at most 3 (300% a year), got 25 (did you mean 0.25?)',
    );
    expect(implausibleFraction(3, 'rate')).toBeUndefined();
    expect(implausibleFraction(-0.5, 'rate')).toBeUndefined();
    expect(implausibleFraction(5, 'volatility')).toMatch(/got 5 \(did you mean 0\.05\?\)$/);
    expect(implausibleFraction(1, 'volatility')).toBeUndefined();
    expect(implausibleFraction(1.2, 'share')).toMatch(/^expected a fraction at most 1 \(100%\), got 1\.2/);
  });
  it('above 100 there is no fraction to suggest', () => {
    expect(implausibleFraction(250, 'rate')).toBe('expected a fraction at most 3 (300% a year), got 250');
  });
  it('assertPlausible throws invalid_argument naming the function and argument, with the bound in details', () => {
    const e = thrown(() => assertPlausible('f', 'rate', 12, 'rate')) as MetricsError;
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toBe(
      'f: rate must be a fraction at most 3 (300% a year) (got 12). Did you mean 0.12? Rates, volatilities and shares are fractions: 0.25 is 25%.',
    );
    expect(e.details).toEqual({ rate: 12, bound: 3 });
    expect(thrown(() => assertPlausible('f', 'rate', Number.NaN, 'rate'))).toMatchObject({ code: 'non_finite' });
    expect(thrown(() => assertPlausible('f', 'rate', '12', 'rate'))).toMatchObject({ code: 'invalid_argument' });
  });
  it('property: every finite value at most the bound passes, every one above it throws', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom('rate', 'volatility', 'share'),
        (v, k) => {
          const bound = { rate: 3, volatility: 1, share: 1 }[k];
          const ok = implausibleFraction(v, k) === undefined;
          return ok === v <= bound;
        },
      ),
    );
  });
});

describe('a percent where a fraction belongs, at the API', () => {
  it('compound(1, 25, 5) is refused (it returned 11,881,376), suggesting 0.25', () => {
    expect(thrown(() => compound(1, 25, 5))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('(got 25). Did you mean 0.25?'),
    });
    expect(compound(1, 3, 1)).toBe(4);
  });
  it('backcast, doublingTime, cagrPath, phasesPath, ratesPath, logisticPath, applyShocks and expressionPath refuse 25', () => {
    const span = { base: 1, fromYear: 2020, toYear: 2022 };
    const calls: [string, () => unknown][] = [
      ['backcast', () => backcast(1, 25, 5)],
      ['doublingTime', () => doublingTime(25)],
      ['cagrPath', () => cagrPath({ ...span, rate: 25 })],
      [
        'phasesPath',
        () =>
          phasesPath({
            ...span,
            phases: [
              { fromYear: 2020, toYear: 2021, rate: 0.1 },
              { fromYear: 2021, toYear: 2022, rate: 25 },
            ],
          }),
      ],
      [
        'ratesPath',
        () =>
          ratesPath({
            ...span,
            rates: [
              { year: 2021, rate: 25 },
              { year: 2022, rate: 0.1 },
            ],
          }),
      ],
      ['logisticPath', () => logisticPath({ ...span, rate: 25, cap: 10 })],
      ['applyShocks', () => applyShocks(cagrPath({ ...span, rate: 0.1 }), [{ year: 2021, size: 25 }])],
      ['expressionPath', () => expressionPath({ ...span, expression: '25' })],
    ];
    for (const [fn, call] of calls) {
      const e = thrown(call) as MetricsError;
      expect(e.code, fn).toBe('invalid_argument');
      expect(e.message, fn).toMatch(new RegExp(`^${fn}: .*\\(got 25\\)\\. Did you mean 0\\.25\\?`));
    }
  });
  it('pathToTarget is not held to the bound: the rate comes from levels the caller gave', () => {
    expect(pathToTarget({ base: 1, target: 100, fromYear: 2020, toYear: 2021 }).rate).toBe(99);
  });
  it('simulate({ growth: [25, 25] }) is refused (its mean was 1.19e7), naming growth[0]', async () => {
    const e = (await rejected(() => simulate({ ...run, growth: [25, 25], volatility: 0.05 }))) as MetricsError;
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toMatch(
      /^simulate: growth\[0\] must be a fraction at most 3 \(300% a year\) \(got 25\)\. Did you mean 0\.25\?/,
    );
  });
  it('simulate({ volatility: 5 }) is refused (its quantiles ran from 1.6e-8 to 2.4e8), suggesting 0.05', async () => {
    const e = (await rejected(() => simulate({ ...run, growth: [0.1, 0.1], volatility: 5 }))) as MetricsError;
    expect(e.message).toMatch(/^simulate: volatility must be a fraction at most 1 .*\(got 5\)\. Did you mean 0\.05\?/);
  });
  it('simulate refuses meanUncertainty, shock sizes, rare shock sizes and CAGR thresholds written as percents', async () => {
    const ok = { ...run, growth: [0.1, 0.1], volatility: 0.05 };
    for (const [extra, name] of [
      [{ meanUncertainty: 2 }, 'meanUncertainty'],
      [{ shocks: [{ year: 2021, size: 10 }] }, 'shocks[0].size'],
      [{ rareShock: { probability: 0.1, size: 30 } }, 'rareShock.size'],
      [{ cagrThresholds: [0.1, 20] }, 'cagrThresholds[1]'],
    ] as const) {
      const e = (await rejected(() => simulate({ ...ok, ...extra }))) as MetricsError;
      expect(e.message, name).toContain(`simulate: ${name} must be a fraction at most`);
    }
  });
});

describe('the same bounds in model files (parseModel)', () => {
  const facts = loadSeeds();
  const model = (extra: Record<string, unknown>) =>
    myIndustryModel({ path: { type: 'cagr', rate: { value: 0.25, assumption: 'the plan' } }, ...extra });

  const problems = (json: unknown): string[] =>
    ((thrown(() => parseModel(json, 'my.model.json', facts)) as MetricsError).details['problems'] as string[]) ?? [];
  it('a volatility of 5 gets "did you mean 0.05?"', () => {
    expect(problems(model({ uncertainty: { volatility: { value: 5, assumption: 'typed as percent' } } }))).toEqual([
      'uncertainty.volatility.value: expected a fraction at most 1 (a yearly log-growth standard deviation of 100%), got 5 (did you mean 0.05?)',
    ]);
  });
  it('a growth rate of 25 gets "did you mean 0.25?", and -28 "did you mean -0.28?"', () => {
    expect(problems(model({ path: { type: 'cagr', rate: { value: 25, assumption: 'percent' } } }))).toEqual([
      'path.rate.value: expected a fraction at most 3 (300% a year), got 25 (did you mean 0.25?)',
    ]);
    expect(problems(model({ path: { type: 'cagr', rate: { value: -28, assumption: 'percent' } } }))).toEqual([
      'path.rate.value: a growth rate must be > -1 (a fall of 100% or more), got -28 (did you mean -0.28?)',
    ]);
  });
  it('a rate of 2 (200 % a year) is within the bound at the API and in a file alike', () => {
    expect(compound(1, 2, 1)).toBe(3);
    expect(
      parseModel(model({ path: { type: 'cagr', rate: { value: 2, assumption: 'tripling' } } }), 'x', facts).path,
    ).toMatchObject({
      rate: { value: 2 },
    });
  });
});
