import { argumentError, pathOf, show } from './assert.js';

// Small dense linear algebra for the library (not exported from the package).

/**
 * Lower-triangular Cholesky factor L (row-major, n x n) with L L^T = a, for a symmetric positive
 * semi-definite matrix. A zero pivot (a singular matrix such as a correlation of exactly 1) gives a zero
 * column, so perfectly correlated series are allowed. `fn` and `name` name the caller in errors.
 * @throws {MetricsError} invalid_argument when `a` is not square, not symmetric, or not positive semi-definite
 * @example
 * cholesky([[1, 0.5], [0.5, 1]], 'f', 'm'); // => Float64Array [1, 0, 0.5, 0.8660254037844386]
 */
export function cholesky(a: readonly (readonly number[])[], fn: string, name: string): Float64Array {
  const n = a.length;
  for (let i = 0; i < n; i++) {
    const row = a[i];
    if (!Array.isArray(row) || row.length !== n) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name} must be a square ${n} x ${n} matrix (row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries). Give one row per series.`,
        [...pathOf(name), i],
        `a row of ${n} entries`,
        row,
        { row: i },
      );
    }
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw argumentError(
          'invalid_argument',
          `${fn}: ${name}[${i}][${j}] must be a finite number (got ${show(v)}).`,
          `${name}[${i}][${j}]`,
          'a finite number',
          v,
          { row: i, column: j },
        );
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const x = a[i]![j]!,
        y = a[j]![i]!;
      if (Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(x), Math.abs(y))) {
        throw argumentError(
          'invalid_argument',
          `${fn}: ${name} must be symmetric (got [${i}][${j}] = ${x} but [${j}][${i}] = ${y}). Use the same value on both sides of the diagonal.`,
          [...pathOf(name), j, i],
          `${x}, as at [${i}][${j}] (symmetric)`,
          y,
          { row: i, column: j },
        );
      }
    }
  }
  const l = new Float64Array(n * n);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i]![i]!));
  const tol = 1e-10 * Math.max(scale, Number.MIN_VALUE);
  for (let j = 0; j < n; j++) {
    let d = a[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (d < -tol) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${name} is not positive semi-definite (the Cholesky pivot of row ${j} is ${d}). Some correlations are inconsistent with each other (e.g. A~B and B~C high but A~C negative); lower them or estimate the matrix from data.`,
        name,
        'a positive semi-definite matrix',
        a,
        { row: j, pivot: d },
      );
    }
    const ljj = d > tol ? Math.sqrt(d) : 0;
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (ljj === 0) {
        if (Math.abs(s) > Math.sqrt(tol)) {
          throw argumentError(
            'invalid_argument',
            `${fn}: ${name} is not positive semi-definite (row ${j} is fully determined by earlier rows but row ${i} disagrees). Check the correlations of row ${i}.`,
            [...pathOf(name), i],
            'a row consistent with the earlier rows (positive semi-definite)',
            a[i],
            { row: i },
          );
        }
        l[i * n + j] = 0;
      } else {
        l[i * n + j] = s / ljj;
      }
    }
  }
  return l;
}
