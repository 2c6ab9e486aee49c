import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/expression/compileExpression.js';
import { thrown } from '../helpers/thrown.js';

describe('compileExpression', () => {
  it("compileExpression('0.25 - 0.01 * (t - 2021)') at t = 2023 is 0.25 - 0.02 = 0.23", () => {
    const e = compileExpression('0.25 - 0.01 * (t - 2021)');
    expect(e.evaluate({ t: 2023 })).toBeCloseTo(0.23, 15);
    expect(e.evaluate({ t: 2021 })).toBe(0.25);
  });
  it('compiles once and evaluates many times with different scopes', () => {
    const e = compileExpression('2 ^ (t - 2020)');
    expect([2020, 2021, 2030].map((t) => e.evaluate({ t }))).toEqual([1, 2, 1024]);
  });
  it('allows the listed functions, pi and e: exp(log(t)) = t, max, min, pow, sqrt, abs, log(8, 2) = 3', () => {
    expect(compileExpression('exp(log(t))').evaluate({ t: 5 })).toBeCloseTo(5, 12);
    expect(compileExpression('max(0.1, 0.3 - 0.05 * t) + min(1, 2, 3)').evaluate({ t: 2 })).toBeCloseTo(1.2, 12);
    expect(compileExpression('pow(t, 2) + sqrt(16) + abs(-1)').evaluate({ t: 3 })).toBe(14);
    expect(compileExpression('log(8, 2)').evaluate({ t: 0 })).toBeCloseTo(3, 12);
    expect(compileExpression('pi + e').evaluate({ t: 0 })).toBeCloseTo(Math.PI + Math.E, 12);
    // floor(2.5) + ceil(0.2) + round(1.6) + sign(-3) = 2 + 1 + 2 - 1 = 4
    expect(compileExpression('floor(t / 2) + ceil(0.2) + round(1.6) + sign(-3)').evaluate({ t: 5 })).toBe(4);
  });
  it('comparisons give 1 or 0, and cond ? a : b picks a branch (piecewise rates)', () => {
    const e = compileExpression('t <= 2020 ? 0.3 : 0.25');
    expect(e.evaluate({ t: 2020 })).toBe(0.3);
    expect(e.evaluate({ t: 2021 })).toBe(0.25);
    expect(compileExpression('t > 2022').evaluate({ t: 2023 })).toBe(1);
    expect(compileExpression('0.2 + 0.1 * (t > 2022)').evaluate({ t: 2022 })).toBe(0.2);
  });
  it('unary minus, implicit multiplication and precedence follow the usual rules: -2^2 = -4, 2t = 2 * t', () => {
    expect(compileExpression('-2^2').evaluate({ t: 0 })).toBe(-4);
    expect(compileExpression('2t + 1').evaluate({ t: 3 })).toBe(7);
    expect(compileExpression('(1 + 2) * 3').evaluate({ t: 0 })).toBe(9);
  });
  it('accepts other variables when asked: t0 is the first projected year', () => {
    const e = compileExpression('0.3 - 0.01 * (t - t0)', { variables: ['t', 't0'] });
    expect(e.evaluate({ t: 2025, t0: 2021 })).toBeCloseTo(0.26, 15);
    expect(e.variables).toEqual(['t', 't0']);
    expect(e.text).toBe('0.3 - 0.01 * (t - t0)');
  });

  describe('refuses dangerous or unsupported input before compiling, naming it and its column', () => {
    const cases: [string, RegExp][] = [
      ['a = 2', /assignment \(=\).*column 3/],
      ['t = 2', /assignment/],
      ['f(x) = x^2', /function definition/],
      ['createUnit("h")', /"createUnit".*column 1/],
      ['0.01 * h', /unknown symbol "h".*column 8.*units/],
      ['5 cm', /unknown symbol "cm".*column 3/],
      ['import({})', /"import"/],
      ['evaluate("1 + 1")', /"evaluate"/],
      ['parse("1")', /"parse"/],
      ['simplify("t")', /"simplify"/],
      ['"abc"', /text/],
      ['[1, 2]', /matrix/],
      ['{a: 1}', /object/],
      ['t.constructor', /property access/],
      ['t[1]', /indexing/],
      ['1:3', /range/],
      ['t; 1', /more than one statement/],
      ['2 mod 3', /operator "mod"/],
      ['t!', /operator "!"/],
      ['5%', /percent sign.*0\.05/],
      ['true', /constant true/],
      ['Infinity', /constant Infinity/],
      ['1e400', /constant Infinity/],
      ['cos(t)', /"cos".*Allowed functions/],
      ['x + t', /unknown symbol "x".*column 1/],
      ['t + y', /unknown symbol "y".*column 5/],
      ['exp', /exp is a function/],
      ['max()', /max takes at least 1/],
      ['pow(2)', /pow takes 2/],
      ['1 < t < 3', /chained comparison/],
      ['t0 + 1', /unknown symbol "t0"/],
    ];
    for (const [text, message] of cases) {
      it(`compileExpression(${JSON.stringify(text)}) throws invalid_argument`, () => {
        const e = thrown(() => compileExpression(text));
        expect(e).toMatchObject({ code: 'invalid_argument', name: 'MetricsError' });
        expect((e as Error).message).toMatch(/^compileExpression: /);
        expect((e as Error).message).toMatch(message);
      });
    }
  });
  it('a parse error names what mathjs could not read', () => {
    expect(thrown(() => compileExpression('0.25 - (t'))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/cannot parse/),
    });
  });
  it('empty, non-string and very long expressions throw invalid_argument', () => {
    expect(thrown(() => compileExpression(''))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => compileExpression('   '))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => compileExpression(42 as unknown as string))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => compileExpression('1+'.repeat(1500) + '1'))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/characters/),
    });
  });
  it('bad variable names throw invalid_argument', () => {
    expect(thrown(() => compileExpression('t', { variables: ['2x'] }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => compileExpression('t', { variables: ['exp'] }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => compileExpression('t', { variables: ['pi'] }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a non-finite result throws non_finite naming the variable values (the year)', () => {
    const e = thrown(() => compileExpression('sqrt(t - 2025)').evaluate({ t: 2023 }));
    expect(e).toMatchObject({ code: 'non_finite', message: expect.stringContaining('t = 2023') });
    expect(thrown(() => compileExpression('1 / (t - 2023)').evaluate({ t: 2023 }))).toMatchObject({
      code: 'non_finite',
    });
    expect(thrown(() => compileExpression('log(t - 2023)').evaluate({ t: 2023 }))).toMatchObject({
      code: 'non_finite',
    });
    expect(thrown(() => compileExpression('exp(t)').evaluate({ t: 1000 }))).toMatchObject({ code: 'non_finite' });
    // A NaN is told in words (the message once read "gives NaN at t = -2019").
    expect(thrown(() => compileExpression('log(t) / 100').evaluate({ t: -2019 }))).toMatchObject({
      code: 'non_finite',
      message:
        'compileExpression: "log(t) / 100" is not a number (a log or square root of a negative number, or 0 / 0) at t = -2019. Keep logs and square roots of positive numbers and avoid dividing by zero.',
    });
  });
  it('a missing or non-finite variable throws invalid_argument', () => {
    const e = compileExpression('t + 1');
    expect(thrown(() => e.evaluate({}))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('t'),
    });
    expect(thrown(() => e.evaluate({ t: Number.NaN }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('the compiled object is frozen and evaluation leaves the scope untouched', () => {
    const e = compileExpression('t * 2');
    expect(Object.isFrozen(e)).toBe(true);
    const scope = { t: 3 };
    e.evaluate(scope);
    expect(scope).toEqual({ t: 3 });
  });

  it('property: a + b * t evaluates like JavaScript', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, n, n, (a, b, t) => {
        const e = compileExpression(`${a} + ${b} * t`);
        const want = a + b * t;
        return Math.abs(e.evaluate({ t }) - want) <= 1e-9 * Math.max(1, Math.abs(want));
      }),
    );
  });
  it('property: any string gives a compiled expression or a MetricsError, never another error', () => {
    const chars = fc.constantFrom(...'t0123456789.+-*/^()=,;:[]{}"\'!%<>? abcdefghxyz'.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { minLength: 1, maxLength: 20 }).map((a) => a.join('')),
        (text) => {
          try {
            const e = compileExpression(text);
            try {
              const v = e.evaluate({ t: 2.5 });
              return Number.isFinite(v);
            } catch (err) {
              return (err as Error).name === 'MetricsError';
            }
          } catch (err) {
            return (err as Error).name === 'MetricsError';
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => compileExpression('t + x', { variable: ['t', 'x'] } as never));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'variable'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "variable".*Did you mean variables\?/);
  });
});
