// The fuzz harness catches what it is meant to catch: a defective export fails, a sound one passes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricsError } from '../../src/errors.js';
import { argumentError, show } from '../../src/internal/assert.js';
import { checkConstant, fuzzExport } from './harness.js';
import { mutate } from './hostile.js';

const args = fc.tuple(
  fc.double({ min: 1, max: 10, noNaN: true }),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
);

async function problems(f: (...a: unknown[]) => unknown, bound?: number): Promise<string[]> {
  const r = await fuzzExport('f', f, { args, hugeArrays: false, ...(bound ? { bound } : {}) }, 30, 1);
  return r.failures.map((x) => x.problem);
}

describe('the fuzz harness', () => {
  it('passes a function that checks its input and returns finite numbers', async () => {
    const sound = (x: unknown, xs: unknown): number => {
      if (typeof x !== 'number' || !Number.isFinite(x) || !Array.isArray(xs))
        throw argumentError(
          'invalid_argument',
          `f: x must be a finite number (got ${show(x)}).`,
          'x',
          'a finite number',
          x,
        );
      return 1;
    };
    expect(await problems(sound)).toEqual([]);
  });
  it('fails a TypeError, a NaN result, a mutated input, a polluted prototype and a slow call', async () => {
    expect(await problems((x) => (x as { a: { b: number } }).a.b)).toContain(
      "threw TypeError: Cannot read properties of undefined (reading 'b')",
    );
    expect((await problems((x) => Number(x) * Number.NaN)).some((p) => /result: result is NaN/.test(p))).toBe(true);
    expect((await problems((_x, xs) => (xs as number[]).push(1))).some((p) => /mutated its input/.test(p))).toBe(true);
    const polluted = await problems(() => {
      (Object.prototype as Record<string, unknown>)['polluted'] = 'yes';
      return 1;
    });
    delete (Object.prototype as Record<string, unknown>)['polluted'];
    expect(polluted.some((p) => /prototype touched/.test(p))).toBe(true);
    const slow = await problems(() => {
      const t = Date.now();
      while (Date.now() - t < 5);
      return 1;
    }, 1);
    expect(slow.some((p) => /took \d+ ms \(bound 1 ms\)/.test(p))).toBe(true);
  });
  it('fails a MetricsError whose message leaks "undefined" the input did not have', async () => {
    const leaky = (): never => {
      throw new MetricsError('invalid_argument', 'f: units differ ("undefined" vs "CNY").');
    };
    const r = await fuzzExport('f', leaky, { args: fc.constant([1]), hugeArrays: false }, 1, 1);
    expect(r.failures[0]?.problem).toMatch(/has "undefined"/);
  });
  it('fails an input error without issues (it does not say where), and passes a degenerate one without', async () => {
    const nowhere = (): never => {
      throw new MetricsError('invalid_argument', 'f: x must be > 0 (got 0).');
    };
    const r = await fuzzExport('f', nowhere, { args: fc.constant([1]), hugeArrays: false }, 1, 1);
    expect(r.failures[0]?.problem).toMatch(/^MetricsError invalid_argument without issues/);
    expect(r.counts.inputErrors).toBeGreaterThan(0);
    expect(r.counts.inputWithIssues ?? 0).toBe(0);
    const degenerate = (): never => {
      throw new MetricsError('degenerate', 'f: the fit does not converge.');
    };
    expect((await fuzzExport('f', degenerate, { args: fc.constant([1]), hugeArrays: false }, 1, 1)).failures).toEqual(
      [],
    );
  });
  it('checkConstant fails an unfrozen table and passes a frozen one', () => {
    expect(checkConstant('X', { a: 1 })).toHaveLength(1);
    expect(checkConstant('X', Object.freeze({ a: Object.freeze([1]) }))).toEqual([]);
  });
  it('mutations copy what they change: the valid arguments are never changed in place', () => {
    const valid = Object.freeze([Object.freeze({ years: Object.freeze([2020, 2021]) })]);
    for (const kind of [
      'leaf',
      'deleteKey',
      'extraKey',
      'protoKey',
      'reverse',
      'duplicate',
      'sparse',
      'emptyArray',
    ] as const) {
      for (let at = 0; at < 4; at++) mutate(valid, { kind, at, pick: at });
    }
    expect(valid).toEqual([{ years: [2020, 2021] }]);
  });
});
