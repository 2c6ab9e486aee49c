import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedValue } from '../../src/spec/types.js';
import { applyBounds } from '../../src/trajectory/applyBounds.js';
import { applyShocks } from '../../src/trajectory/applyShocks.js';
import { cagrPath } from '../../src/trajectory/cagrPath.js';
import { checkPath } from '../../src/trajectory/internal/checkPath.js';
import { growthPath } from '../../src/trajectory/growthPath.js';
import { relClose, thrown } from '../helpers/thrown.js';

const rv = (value: number): ResolvedValue => ({ value, source: { kind: 'assumption', text: 'test' } });
const span = { fromYear: 2020, toYear: 2025, base: 1 };

describe('growthPath', () => {
  it('dispatches each path type; ResolvedValues and plain numbers give the same path', () => {
    expect(growthPath({ type: 'cagr', rate: rv(0.25) }, span).levels[5]).toBe(3.0517578125);
    expect(growthPath({ type: 'cagr', rate: 0.25 }, span).levels[5]).toBe(3.0517578125);
    expect(
      growthPath({ type: 'phases', phases: [{ fromYear: 2020, toYear: 2025, rate: rv(0.25) }] }, span).levels[5],
    ).toBeCloseTo(3.0517578125, 14);
    expect(
      growthPath(
        { type: 'rates', rates: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, rate: rv(0.25) })) },
        span,
      ).levels[5],
    ).toBeCloseTo(3.0517578125, 14);
    expect(growthPath({ type: 'linear', slope: rv(2) }, span).levels[5]).toBe(11);
    expect(growthPath({ type: 'logistic', rate: rv(0.5), cap: rv(10) }, span).levels[5]).toBeCloseTo(
      10 / (1 + 9 * Math.exp(-2.5)),
      14,
    );
    expect(growthPath({ type: 'anchors', anchors: [{ year: 2025, value: rv(3.0517578125) }] }, span).levels[5]).toBe(
      3.0517578125,
    );
    expect(growthPath({ type: 'expression', expression: '0.25', assumption: 'flat' }, span).levels[5]).toBeCloseTo(
      3.0517578125,
      14,
    );
  });
  it('an unknown type throws invalid_argument listing the known ones', () => {
    expect(thrown(() => growthPath({ type: 'spline' } as never, span))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('cagr, phases'),
    });
    expect(thrown(() => growthPath(undefined as never, span))).toMatchObject({ code: 'invalid_argument' });
  });
  it('property: any spec gives positive finite levels with one rate per year after the first, or a MetricsError', () => {
    const num = fc.oneof(
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.constantFrom(0, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY),
    );
    const year = fc.integer({ min: 2018, max: 2027 });
    const spec = fc.oneof(
      num.map((rate) => ({ type: 'cagr' as const, rate })),
      fc
        .array(fc.record({ fromYear: year, toYear: year, rate: num }), { maxLength: 3 })
        .map((phases) => ({ type: 'phases' as const, phases })),
      fc.array(fc.record({ year, rate: num }), { maxLength: 8 }).map((rates) => ({ type: 'rates' as const, rates })),
      num.map((slope) => ({ type: 'linear' as const, slope })),
      fc.record({ rate: num, cap: num }).map((r) => ({ type: 'logistic' as const, ...r })),
      fc
        .array(fc.record({ year, value: num }), { maxLength: 3 })
        .map((anchors) => ({ type: 'anchors' as const, anchors })),
      fc
        .constantFrom('0.1 * t', '1 / (t - 2022)', 'log(t - 2021)', '-2', 'x', '0.3 - 0.05 * (t - t0)')
        .map((expression) => ({ type: 'expression' as const, expression, assumption: 'test' })),
    );
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: 2018, max: 2022 }),
        fc.integer({ min: 2019, max: 2026 }),
        fc.oneof(fc.double({ min: -1, max: 100, noNaN: true }), fc.constant(1)),
        (s, fromYear, toYear, base) => {
          try {
            const p = growthPath(s as never, { fromYear, toYear, base });
            return (
              p.years.length === toYear - fromYear + 1 &&
              p.rates.length === p.years.length - 1 &&
              p.levels.every((l) => Number.isFinite(l) && l > 0) &&
              p.rates.every((r) => Number.isFinite(r) && r > -1)
            );
          } catch (e) {
            return (e as Error).name === 'MetricsError';
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('a missing value reaches the path function and throws instead of producing NaN', () => {
    expect(thrown(() => growthPath({ type: 'cagr', rate: undefined as never }, span))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => growthPath({ type: 'phases', phases: 'x' as never }, span))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('a misspelt span field is refused, naming the one meant', () => {
    const e = thrown(() => growthPath({ type: 'cagr', rate: 0.25 }, { ...span, basis: 2 } as never));
    expect(e).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^growthPath: unknown option "basis".*Did you mean base\?/),
    });
  });
});

describe('applyShocks', () => {
  it('a -5 % shock in 2022 multiplies the level from 2022 on by 0.95; only 2022 growth changes', () => {
    const p = applyShocks(cagrPath({ ...span, rate: 0.25 }), [{ year: 2022, size: -0.05 }]);
    expect(p.levels[1]).toBe(1.25);
    expect(p.levels[2]).toBeCloseTo(1.5625 * 0.95, 15);
    expect(p.levels[5]).toBeCloseTo(3.0517578125 * 0.95, 14);
    // Growth in 2022: 1.25 * 0.95 - 1 = 0.1875; other years keep 25 %.
    expect(p.rates[1]).toBeCloseTo(0.1875, 14);
    expect([p.rates[0], p.rates[2], p.rates[3], p.rates[4]]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
  it('no shocks give the same levels; two shocks in one year multiply', () => {
    const base = cagrPath({ ...span, rate: 0.1 });
    expect(applyShocks(base, []).levels).toEqual(base.levels);
    const two = applyShocks(base, [
      { year: 2023, size: -0.5 },
      { year: 2023, size: 1 },
    ]);
    expect(two.levels.map((l, i) => relClose(l, base.levels[i] as number, 1e-15))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
  it('shocks in the base year or outside the span, or size <= -1, throw invalid_argument', () => {
    const p = cagrPath({ ...span, rate: 0.1 });
    expect(thrown(() => applyShocks(p, [{ year: 2020, size: -0.1 }]))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('base year'),
    });
    expect(thrown(() => applyShocks(p, [{ year: 2026, size: -0.1 }]))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => applyShocks(p, [{ year: 2022, size: -1 }]))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => applyShocks(p, [{ year: 2022.5, size: 0.1 }]))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => applyShocks(p, 'x' as never))).toMatchObject({ code: 'invalid_argument' });
  });
  it('property: shocks compose (one call with a and b = a then b = b then a)', () => {
    const shock = fc.record({
      year: fc.integer({ min: 2021, max: 2025 }),
      size: fc.double({ min: -0.9, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(shock, { maxLength: 4 }), fc.array(shock, { maxLength: 4 }), (a, b) => {
        const p = cagrPath({ ...span, rate: 0.2 });
        const together = applyShocks(p, [...a, ...b]).levels;
        const ab = applyShocks(applyShocks(p, a), b).levels;
        const ba = applyShocks(applyShocks(p, b), a).levels;
        return together.every((l, i) => relClose(l, ab[i] as number, 1e-12) && relClose(l, ba[i] as number, 1e-12));
      }),
    );
  });
  it('does not change its input', () => {
    const p = cagrPath({ ...span, rate: 0.2 });
    const shocks = [{ year: 2022, size: -0.1 }];
    const before = JSON.stringify([p, shocks]);
    applyShocks(p, shocks);
    expect(JSON.stringify([p, shocks])).toBe(before);
  });
});

describe('applyBounds', () => {
  it('doubling from 1 with a cap of 5 gives 1, 2, 4, 5, 5, 5: growth restarts from the cap', () => {
    const p = applyBounds(cagrPath({ ...span, rate: 1 }), { cap: 5 });
    expect(p.levels).toEqual([1, 2, 4, 5, 5, 5]);
    expect(p.rates).toEqual([1, 1, 0.25, 0, 0]);
  });
  it('a floor stops a fall: halving from 8 with a floor of 3 gives 8, 4, 3, 3', () => {
    const p = applyBounds(cagrPath({ fromYear: 2020, toYear: 2023, base: 8, rate: -0.5 }), { floor: 3 });
    expect(p.levels).toEqual([8, 4, 3, 3]);
  });
  it('after a shock pushes the level under the cap, growth resumes from there', () => {
    const shocked = applyShocks(cagrPath({ ...span, rate: 1 }), [{ year: 2024, size: -0.5 }]);
    // unbounded 1, 2, 4, 8, 8 (16 * 0.5), 16; with cap 5: 1, 2, 4, 5, 5 * 2 * 0.5 = 5, 5
    expect(applyBounds(shocked, { cap: 5 }).levels).toEqual([1, 2, 4, 5, 5, 5]);
  });
  it('a misspelt bound is refused, not ignored', () => {
    const p = cagrPath({ ...span, rate: 0.1 });
    expect(thrown(() => applyBounds(p, { flor: 1 } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^applyBounds: unknown option "flor".*Did you mean floor\?/),
    });
  });
  it('no bounds return the same path', () => {
    const p = cagrPath({ ...span, rate: 0.1 });
    expect(applyBounds(p, {})).toBe(p);
  });
  it('cap <= 0, floor > cap and a base outside the bounds throw invalid_argument', () => {
    const p = cagrPath({ ...span, base: 2, rate: 0.1 });
    expect(thrown(() => applyBounds(p, { cap: 0 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => applyBounds(p, { cap: 3, floor: 4 }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('Swap'),
    });
    expect(thrown(() => applyBounds(p, { cap: 1 }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('base level 2'),
    });
    expect(thrown(() => applyBounds(p, { floor: 3 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => applyBounds(p, { cap: Number.NaN }))).toMatchObject({ code: 'non_finite' });
  });
  it('property: the cap and floor are respected in every year', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (rs, cap, floor) => {
          const p = applyBounds(
            { years: [2020, 2021, 2022, 2023, 2024, 2025], levels: [1, 1, 1, 1, 1, 1], rates: rs },
            { cap, floor },
          );
          return p.levels.every((l) => l <= cap && l >= floor);
        },
      ),
    );
  });
});

describe('checkPath', () => {
  it('accepts a built path and rejects malformed ones', () => {
    expect(checkPath('f', cagrPath({ ...span, rate: 0.1 }))).toBeUndefined();
    expect(thrown(() => checkPath('f', { years: [2020], levels: [1], rates: [] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => checkPath('f', { years: [2020, 2022], levels: [1, 2], rates: [1] }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('consecutive'),
    });
    expect(thrown(() => checkPath('f', { years: [2020, 2021], levels: [1, 0], rates: [-1] }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('2021'),
    });
    expect(thrown(() => checkPath('f', { years: [2020, 2021], levels: [1, 2], rates: [Number.NaN] }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => checkPath('f', null as never))).toMatchObject({ code: 'invalid_argument' });
  });
});
