import { describe, expect, it } from 'vitest';
import { notJson } from '../../src/internal/notJson.js';

describe('notJson', () => {
  it('names the first value JSON cannot hold, with its path', () => {
    expect(notJson({ a: [1, { b: Number.NaN }] })).toEqual({ path: '.a[1].b', value: Number.NaN });
    expect(notJson([0, Infinity])).toEqual({ path: '[1]', value: Infinity });
    expect(notJson({ n: 10n }, 'fit')).toEqual({ path: 'fit.n', value: 10n });
    const f = () => 1;
    expect(notJson({ f })).toEqual({ path: '.f', value: f });
    expect(notJson({ s: 'NaN', n: null, t: true, x: [1.5, -0] })).toBeUndefined();
  });
  it('stops at a cycle, and refuses nesting deeper than 64 (a stack overflow otherwise)', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(notJson(cyclic)).toBeUndefined();
    let deep: unknown = 1;
    for (let i = 0; i < 64; i++) deep = [deep];
    expect(notJson(deep)).toBeUndefined();
    const deeper = [deep];
    expect(notJson(deeper)?.path).toBe('[0]'.repeat(64));
  });
});
