import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compound } from '../../src/growth/compound.js';
import type { Comparator, Tolerance } from '../../src/targets/fact.js';
import {
  defaultAboutTolerance,
  margin,
  meets,
  statedPrecision,
  toleranceWidth,
  type TargetTerms,
} from '../../src/targets/meets.js';
import { thrown } from '../helpers/thrown.js';

const t = (comparator: Comparator, value: number, tolerance?: Tolerance): TargetTerms =>
  tolerance ? { value, comparator, tolerance } : { value, comparator };
const onePoint: Tolerance = { absolute: 0.01, assumption: '±1 percentage point' };

describe('meets and margin at and around the boundary', () => {
  // value, comparator, target: [meets below, meets at, meets above]
  it.each([
    ['exceeds', [false, false, true]],
    ['atLeast', [false, true, true]],
    ['atMost', [true, true, false]],
    ['below', [true, false, false]],
  ] as const)('%s 3: meets(2.9), meets(3), meets(3.1)', (comparator, expected) => {
    expect([2.9, 3, 3.1].map((v) => meets(v, t(comparator, 3)))).toEqual(expected);
  });
  it('meets(3, exceeds 3) is false: "exceed" is strict; its margin is 0', () => {
    expect(meets(3, t('exceeds', 3))).toBe(false);
    expect(margin(3, t('exceeds', 3))).toBe(0);
  });
  it('meets(3, below 3) is false; meets(3, atMost 3) and meets(3, atLeast 3) are true', () => {
    expect(meets(3, t('below', 3))).toBe(false);
    expect(meets(3, t('atMost', 3))).toBe(true);
    expect(meets(3, t('atLeast', 3))).toBe(true);
  });
  it('margin is value - target for exceeds/atLeast and target - value for atMost/below', () => {
    expect(margin(3.5, t('exceeds', 3))).toBe(0.5);
    expect(margin(2.5, t('atLeast', 3))).toBe(-0.5);
    expect(margin(2.5, t('atMost', 3))).toBe(0.5);
    expect(margin(3.5, t('below', 3))).toBe(-0.5);
  });
  it('meets(1.25^5, exceeds 3) is true with margin 0.0517578125: the 14th plan\'s 25 % a year reaches "more than 3 trillion"', () => {
    expect(meets(compound(1, 0.25, 5), t('exceeds', 3))).toBe(true);
    expect(margin(compound(1, 0.25, 5), t('exceeds', 3))).toBe(0.0517578125);
  });
  it('closed boundaries accept rounding noise of 1e-12 relative: meets(0.1 + 0.2, atMost 0.3), meets(0.3, atLeast 0.1 + 0.2)', () => {
    expect(0.1 + 0.2 > 0.3).toBe(true);
    expect(meets(0.1 + 0.2, t('atMost', 0.3))).toBe(true);
    expect(meets(0.3, t('atLeast', 0.1 + 0.2))).toBe(true);
    expect(meets(0.3 * (1 - 1e-9), t('atLeast', 0.3))).toBe(false);
  });
  it('strict boundaries get no such allowance: meets(0.1 + 0.2, below 0.3) is false', () => {
    expect(meets(0.1 + 0.2, t('below', 0.3))).toBe(false);
  });
});

describe('about', () => {
  it('about 0.25 with ±1 point: 0.2457 meets it (margin 0.01 - 0.0043 = 0.0057); 0.2399 does not', () => {
    expect(meets(0.2457, t('about', 0.25, onePoint))).toBe(true);
    expect(margin(0.2457, t('about', 0.25, onePoint))).toBeCloseTo(0.0057, 15);
    expect(meets(0.2399, t('about', 0.25, onePoint))).toBe(false);
    expect(meets(0.26, t('about', 0.25, onePoint))).toBe(true);
  });
  it('about 100 with relative 0.02 accepts 98..102', () => {
    const tol: Tolerance = { relative: 0.02, assumption: '±2 %' };
    expect([97.9, 98, 102, 102.1].map((v) => meets(v, t('about', 100, tol)))).toEqual([false, true, true, false]);
  });
  it('about with both tolerances uses the wider: relative 0.05 of 0.3 (0.015) against absolute 0.01', () => {
    const both: Tolerance = { relative: 0.05, absolute: 0.01, assumption: 'both' };
    expect(toleranceWidth(t('about', 0.3, both))).toBeCloseTo(0.015, 15);
    expect(toleranceWidth(t('about', 0.1, both))).toBe(0.01);
  });
  it('about without a tolerance uses the default ±5 %: about 30 % accepts 28.5 %..31.5 %', () => {
    expect(defaultAboutTolerance).toMatchObject({ relative: 0.05 });
    expect(toleranceWidth(t('about', 0.3))).toBeCloseTo(0.015, 15);
    expect([0.284, 0.286, 0.314, 0.316].map((v) => meets(v, t('about', 0.3)))).toEqual([false, true, true, false]);
  });
  it('about a negative value uses |value| for the relative width', () => {
    expect(toleranceWidth(t('about', -0.2))).toBeCloseTo(0.01, 15);
    expect(meets(-0.209, t('about', -0.2))).toBe(true);
  });
  it('about with an empty tolerance accepts only the value itself', () => {
    expect(meets(1, t('about', 1, { assumption: 'exact' }))).toBe(true);
    expect(meets(1.001, t('about', 1, { assumption: 'exact' }))).toBe(false);
  });
});

describe('equals and statedPrecision', () => {
  // "17.1" is stated to one decimal: it stands for 17.05..17.15.
  it('equals 17.1 accepts ±0.05: 17.06 and 17.14 meet it, 17.0 and 17.2 do not', () => {
    expect(toleranceWidth(t('equals', 17.1))).toBe(0.05);
    expect([17.0, 17.06, 17.14, 17.2].map((v) => meets(v, t('equals', 17.1)))).toEqual([false, true, true, false]);
  });
  it('"should account for 10 percent" (0.1, fraction) is precise to half a point as written: 9.5-10.5 %, so 14 % does not meet it', () => {
    const tenPercent = { value: 0.1, comparator: 'equals' as const, unit: { kind: 'fraction' as const } };
    expect(toleranceWidth(tenPercent)).toBeCloseTo(0.005, 15);
    expect(meets(0.14, tenPercent)).toBe(false);
    expect(meets(0.104, tenPercent)).toBe(true);
    expect(meets(0.106, tenPercent)).toBe(false);
    // 15.7 % keeps its half of a tenth of a point; a plain number without unit keeps its own digits.
    expect(toleranceWidth({ value: 0.157, comparator: 'equals', unit: { kind: 'fraction' } })).toBeCloseTo(0.0005, 15);
    expect(toleranceWidth(t('equals', 0.1))).toBe(0.05);
  });
  it('equals with an explicit tolerance uses it instead of the stated precision', () => {
    expect(meets(17.3, t('equals', 17.1, { absolute: 0.5, assumption: 'x' }))).toBe(true);
  });
  it.each([
    [17.1, 0.05],
    [4.3, 0.05],
    [0.157, 0.0005],
    [250, 0.5],
    [100, 0.5],
    [84000, 0.5],
    [3.05, 0.005],
    [-2.5, 0.05],
    [0, 0.5],
    [1e-6, 5e-7],
    [0.38, 0.005],
  ])('statedPrecision(%d) is %d', (value, expected) => {
    expect(statedPrecision(value)).toBeCloseTo(expected, 15);
  });
  it('statedPrecision(NaN) throws non_finite', () => {
    expect(thrown(() => statedPrecision(Number.NaN))).toMatchObject({ code: 'non_finite' });
  });
  it('toleranceWidth is 0 for one-sided comparators', () => {
    expect(toleranceWidth(t('exceeds', 3))).toBe(0);
    expect(toleranceWidth(t('atMost', 3))).toBe(0);
  });
});

describe('errors', () => {
  it.each(['nope', 'toString', 'constructor', 5])('an unknown comparator %j throws invalid_argument', (c) => {
    const e = thrown(() => margin(1, { value: 1, comparator: c as Comparator })) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toContain('Use one of exceeds, atLeast, about, atMost, below, equals.');
    expect(thrown(() => meets(1, { value: 1, comparator: c as Comparator }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('a NaN value or target throws non_finite', () => {
    expect(thrown(() => meets(Number.NaN, t('atLeast', 1)))).toMatchObject({ code: 'non_finite' });
    expect(thrown(() => margin(1, t('atLeast', Infinity)))).toMatchObject({ code: 'non_finite' });
  });
  it('a missing target throws invalid_argument', () => {
    expect(thrown(() => meets(1, null as unknown as TargetTerms))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a NaN tolerance throws non_finite and a negative one invalid_argument', () => {
    expect(thrown(() => margin(1, t('about', 1, { relative: Number.NaN, assumption: 'x' })))).toMatchObject({
      code: 'non_finite',
    });
    const e = thrown(() => meets(1, t('about', 1, { absolute: -0.1, assumption: 'x' }))) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toContain('tolerance.absolute must be >= 0 (got -0.1)');
  });
  it('margin(1e308, atLeast -1e308) overflows: throws degenerate', () => {
    expect(thrown(() => margin(1e308, t('atLeast', -1e308)))).toMatchObject({ code: 'degenerate' });
  });
});

describe('properties', () => {
  const v = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const comparator = fc.constantFrom<Comparator>('exceeds', 'atLeast', 'about', 'atMost', 'below', 'equals');
  it('meets is margin > 0 for strict comparators and margin >= -1e-12 relative otherwise', () => {
    fc.assert(
      fc.property(v, v, comparator, (value, target, c) => {
        const m = margin(value, t(c, target));
        const strict = c === 'exceeds' || c === 'below';
        const eps = 1e-12 * Math.max(Math.abs(value), Math.abs(target));
        return meets(value, t(c, target)) === (strict ? m > 0 : m >= -eps);
      }),
    );
  });
  it('exceeds and atMost (or below and atLeast) hold together only within the 1e-12 rounding allowance of a closed boundary', () => {
    const close = fc
      .tuple(v, fc.integer({ min: -3, max: 3 }))
      .map(([x, ulps]) => [x, x + ulps * Math.max(Math.abs(x), 1) * 2 ** -52] as const);
    const pair = fc.oneof(fc.tuple(v, v), close);
    fc.assert(
      fc.property(pair, ([value, target]) => {
        const eps = 1e-12 * Math.max(Math.abs(value), Math.abs(target));
        const both1 = meets(value, t('exceeds', target)) && meets(value, t('atMost', target));
        const both2 = meets(value, t('below', target)) && meets(value, t('atLeast', target));
        return (
          (!both1 || (value > target && value - target <= eps)) && (!both2 || (value < target && target - value <= eps))
        );
      }),
      { numRuns: 500 },
    );
  });
  it('a value always meets "about itself" and "equals itself"', () => {
    fc.assert(fc.property(v, (value) => meets(value, t('about', value)) && meets(value, t('equals', value))));
  });
});

describe('toleranceWidth of a fraction past the largest percentage', () => {
  // Found with checkConsistency's fuzz case (a rate set to 1e308): 1e308 * 100 overflowed and statedPrecision
  // refused it with "(got Infinity)". So large a figure is whole as a percentage: half a point.
  it('is half a percentage point, without an error', () => {
    expect(toleranceWidth({ value: 1e308, comparator: 'equals', unit: { kind: 'fraction' } })).toBe(0.005);
    expect(toleranceWidth({ value: -1e307, comparator: 'equals', unit: { kind: 'fraction' } })).toBe(0.005);
    expect(toleranceWidth({ value: 1e300, comparator: 'equals', unit: { kind: 'fraction' } })).toBe(0.005);
  });
});
