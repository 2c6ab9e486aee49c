import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelDefinition } from '../../src/spec/types.js';
import { modelParameters, withParameter } from '../../src/model/modelParameters.js';
import { tornado } from '../../src/sensitivity/tornado.js';
import { thrown } from '../helpers/thrown.js';
import { fact, fv, model, rv } from '../scenario/model.js';

describe('modelParameters', () => {
  it('finds every fact and assumption, one parameter per fact id or shared object, skipping targets', () => {
    const ps = modelParameters(model());
    expect(ps.map((p) => p.id)).toEqual([
      't.base',
      't.cagr',
      'scenarios.high.path.rate',
      'scenarios.low.path.rate',
      'scenarios.shock.shocks[0].size',
    ]);
    expect(ps[1]).toMatchObject({
      paths: ['path.rate', 'scenarios.plan.path.rate'],
      value: 0.25,
      source: 'fact',
      label: 't.cagr',
    });
    expect(ps[2]).toMatchObject({ value: 0.28, source: 'assumption', label: 'test assumption' });
  });
  it('two references to the same fact are one parameter; derived values are parameters too', () => {
    const f = fact('g', 2025, 0.25, { unit: 'fraction' });
    const m = model({
      path: {
        type: 'phases',
        phases: [
          { fromYear: 2020, toYear: 2022, rate: fv(f) },
          { fromYear: 2022, toYear: 2025, rate: fv(f) },
        ],
      },
      base: { value: 1, source: { kind: 'derived', from: [], formula: '3 / 1.25^5' } },
      scenarios: { plan: { description: 'p' } },
    });
    const ps = modelParameters(m);
    expect(ps.find((p) => p.id === 'g')?.paths).toEqual(['path.phases[0].rate', 'path.phases[1].rate']);
    expect(ps.find((p) => p.id === 'base')).toMatchObject({ source: 'derived', label: '3 / 1.25^5' });
  });
  it('withParameter changes every occurrence, shares the rest and leaves the model untouched', () => {
    const m = model();
    const before = JSON.stringify(m);
    const key = 'fact:t.cagr';
    const changed = withParameter(m, key, 0.3);
    expect(JSON.stringify(m)).toBe(before);
    expect((changed.path as { rate: { value: number } }).rate.value).toBe(0.3);
    expect((changed.scenarios.plan!.path as { rate: { value: number } }).rate.value).toBe(0.3);
    expect(changed.targets).toBe(m.targets);
    expect(changed.scenarios.high).toBe(m.scenarios.high);
  });
});

describe('tornado', () => {
  it('finalLevel, ±10 %: the rate (1.225^5 = 2.7585..., 1.275^5 = 3.3694...) swings more than the base (0.9 and 1.1 x 1.25^5)', () => {
    const t = tornado(model());
    expect(t).toMatchObject({ scenario: 'plan', output: 'finalLevel', baseOutput: 3.0517578125 });
    expect(t.bars.map((b) => b.parameter)).toEqual(['t.cagr', 't.base']);
    const [rate, base] = t.bars;
    // Hand computation: 1.225^2 = 1.500625, ^4 = 2.251875390625, ^5 = 2.758547353515625; 1.275^5 = 3.369387216796875.
    expect(rate).toMatchObject({ value: 0.25, source: 'fact' });
    expect(rate?.low).toBeCloseTo(0.225, 15);
    expect(rate?.outputLow).toBeCloseTo(2.758547353515625, 12);
    expect(rate?.outputHigh).toBeCloseTo(3.369387216796875, 12);
    expect(rate?.swing).toBeCloseTo(0.61083986328125, 12);
    expect(base?.outputLow).toBeCloseTo(0.9 * 3.0517578125, 12);
    expect(base?.outputHigh).toBeCloseTo(1.1 * 3.0517578125, 12);
  });
  it('a scenario brings in its own parameters: the 2022 shock of -5 % ± 0.5 points moves the 2025 level by ±0.5 % of 3.0517578125', () => {
    const t = tornado(model(), { scenario: 'shock' });
    const shock = t.bars.find((b) => b.parameter === 'scenarios.shock.shocks[0].size');
    expect(shock?.outputLow).toBeCloseTo(3.0517578125 * 0.945, 12);
    expect(shock?.outputHigh).toBeCloseTo(3.0517578125 * 0.955, 12);
    expect(t.bars.some((b) => b.parameter === 'scenarios.high.path.rate')).toBe(false);
  });
  it('user ranges and an absolute swing: rate 22 %..28 % gives 1.22^5 = 2.7027081632 and 1.28^5 = 3.4359738368', () => {
    const t = tornado(model(), { ranges: { 't.cagr': { low: 0.22, high: 0.28 } }, swing: { absolute: 0.5 } });
    const rate = t.bars.find((b) => b.parameter === 't.cagr');
    expect(rate?.outputLow).toBeCloseTo(2.7027081632, 10);
    expect(rate?.outputHigh).toBeCloseTo(3.4359738368, 10);
    const base = t.bars.find((b) => b.parameter === 't.base');
    expect([base?.low, base?.high]).toEqual([0.5, 1.5]);
  });
  it('targetGap and requiredCagr outputs use the first checked target (at least 3 in 2025)', () => {
    const gap = tornado(model(), { output: 'targetGap', parameters: ['t.base'] });
    expect(gap.baseOutput).toBeCloseTo(0.0517578125 / 3, 14);
    const req = tornado(model(), { output: 'requiredCagr', parameters: ['t.base'] });
    expect(req.bars[0]?.outputHigh).toBeCloseTo((3 / 1.1) ** 0.2 - 1, 14);
    const cagr = tornado(model(), { output: 'finalCagr', parameters: ['t.cagr'] });
    expect(cagr.bars[0]?.outputHigh).toBeCloseTo(0.275, 12);
  });
  it('a function output gets the projection and the changed model (how a Monte Carlo attainment plugs in)', () => {
    const m = model({ uncertainty: { volatility: rv(0.05) } });
    const attained = tornado(m, { output: (p) => (p.targets[0]?.meets ? 1 : 0), parameters: ['t.cagr'] });
    expect(attained.bars[0]).toMatchObject({ outputLow: 0, outputHigh: 1, swing: 1 });
    const seen: number[] = [];
    const t = tornado(m, {
      output: (_p, changed) => {
        seen.push(changed.uncertainty?.volatility.value ?? -1);
        return changed.uncertainty?.volatility.value ?? 0;
      },
      parameters: ['uncertainty.volatility'],
    });
    expect(seen.map((v) => Number(v.toFixed(12)))).toEqual([0.05, 0.045, 0.055]);
    expect(t.bars[0]?.swing).toBeCloseTo(0.01, 14);
  });
  it('swing 0 gives zero-width bars at the base output', () => {
    const t = tornado(model(), { swing: { relative: 0, absolute: 0 } });
    expect(t.bars.every((b) => b.swing === 0 && b.outputLow === t.baseOutput)).toBe(true);
  });
  it('errors: unknown output, parameter or range; low > high; negative swing; non-finite output; no target; a moved value project rejects', () => {
    const m = model();
    expect(thrown(() => tornado(m, { output: 'median' as never }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('finalLevel'),
    });
    expect(thrown(() => tornado(m, { parameters: ['nope'] }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('"nope"'),
    });
    expect(thrown(() => tornado(m, { ranges: { nope: { low: 0, high: 1 } } }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => tornado(m, { ranges: { 't.cagr': { low: 0.3, high: 0.2 } } }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('Swap'),
    });
    expect(thrown(() => tornado(m, { swing: { relative: -0.1 } }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => tornado(m, { swing: { relative: Number.NaN } }))).toMatchObject({ code: 'non_finite' });
    expect(thrown(() => tornado(m, { output: () => Number.NaN }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('finite'),
    });
    expect(thrown(() => tornado(model({ targets: [] }), { output: 'targetGap' }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('no'),
    });
    expect(thrown(() => tornado(m, { ranges: { 't.cagr': { low: -2, high: 0.3 } } }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('t.cagr = -2'),
    });
    expect(thrown(() => tornado(m, { scenario: 'nope' }))).toMatchObject({ code: 'not_found' });
  });
  it('property: bars are sorted by swing, swings are |high - low|, and the model is untouched', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: -0.3, max: 0.6, noNaN: true }),
        (relative, rate) => {
          const path = { type: 'cagr' as const, rate: rv(rate) };
          const m: ModelDefinition = model({
            path,
            scenarios: { plan: { description: 'p', path } },
            shocks: [{ year: 2023, size: rv(-0.1) }],
          });
          const before = JSON.stringify(m);
          const t = tornado(m, { swing: { relative } });
          return (
            JSON.stringify(m) === before &&
            t.bars.every(
              (b, i) =>
                b.swing === Math.abs(b.outputHigh - b.outputLow) &&
                (i === 0 || b.swing <= (t.bars[i - 1] as { swing: number }).swing),
            )
          );
        },
      ),
      { numRuns: 100 },
    );
  });
  it('a misspelt option is refused, naming the one meant', () => {
    expect(thrown(() => tornado(model(), { parameter: ['t.cagr'] } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^tornado: unknown option "parameter".*Did you mean parameters\?/),
    });
    // A misspelt swing field would leave the default 10 % swing.
    expect(thrown(() => tornado(model(), { swing: { relativ: 0.2 } } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^tornado: swing has an unknown field "relativ".*Did you mean relative\?/),
    });
  });
});
