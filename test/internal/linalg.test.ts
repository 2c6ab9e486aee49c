import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cholesky } from '../../src/internal/linalg.js';
import { thrown } from '../helpers/thrown.js';

describe('cholesky', () => {
  it('cholesky([[4, 2], [2, 3]]) is [[2, 0], [1, sqrt 2]] (by hand: l11 = 2, l21 = 2 / 2, l22 = sqrt(3 - 1))', () => {
    expect([
      ...cholesky(
        [
          [4, 2],
          [2, 3],
        ],
        'f',
        'm',
      ),
    ]).toEqual([2, 0, 1, Math.SQRT2]);
  });

  it('L L^T gives back any correlation matrix built as A A^T', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 9, maxLength: 9 }), (a) => {
        const n = 3;
        const m = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => {
            let s = i === j ? 0.1 : 0;
            for (let k = 0; k < n; k++) s += a[i * n + k]! * a[j * n + k]!;
            return s;
          }),
        );
        const l = cholesky(m, 'f', 'm');
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += l[i * n + k]! * l[j * n + k]!;
            if (Math.abs(s - m[i]![j]!) > 1e-9 * (1 + Math.abs(m[i]![j]!))) return false;
          }
        return true;
      }),
    );
  });

  it('a singular semi-definite matrix (correlation 1) gives a zero column instead of failing', () => {
    expect([
      ...cholesky(
        [
          [1, 1],
          [1, 1],
        ],
        'f',
        'm',
      ),
    ]).toEqual([1, 0, 1, 0]);
  });

  it('non-symmetric, non-square, non-finite and indefinite matrices throw invalid_argument', () => {
    expect(
      thrown(() =>
        cholesky(
          [
            [1, 0.2],
            [0.3, 1],
          ],
          'f',
          'm',
        ),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => cholesky([[1, 0.2]], 'f', 'm'))).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() =>
        cholesky(
          [
            [1, NaN],
            [NaN, 1],
          ],
          'f',
          'm',
        ),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
    const e = thrown(() =>
      cholesky(
        [
          [1, 2],
          [2, 1],
        ],
        'f',
        'm',
      ),
    );
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect((e as Error).message).toMatch(/^f: m is not positive semi-definite/);
  });
});
