import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameData } from '../../src/internal/sameData.js';

describe('sameData', () => {
  it('compares numbers by Object.is: NaN is NaN, 0 is not -0', () => {
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameData(0, -0)).toBe(false);
    expect(sameData([1, Number.NaN], [1, Number.NaN])).toBe(true);
    expect(sameData(1, '1')).toBe(false);
  });
  it('compares arrays element by element and objects key by key, ignoring prototypes', () => {
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: 1 }, Object.assign(Object.create(null), { a: 1 }))).toBe(true);
    expect(sameData([], {})).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, c: 2 }, { a: 1, b: 2 })).toBe(false);
    expect(sameData(['drift', 'naive'], ['drift'])).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
  it('stops at the given depth, where values must be identical', () => {
    const deep = { a: { b: { c: 1 } } };
    expect(sameData(deep, { a: { b: { c: 1 } } }, 3)).toBe(true);
    expect(sameData(deep, { a: { b: { c: 1 } } }, 2)).toBe(false);
    expect(sameData(deep.a, deep.a, 0)).toBe(true);
  });
  it('a deep copy is the same data; one changed leaf is not (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(sameData(v, structuredClone(v))).toBe(true);
        expect(sameData({ v }, { v, extra: 1 })).toBe(false);
        expect(sameData([v, 1], [v, 2])).toBe(false);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
