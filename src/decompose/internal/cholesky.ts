/**
 * True when the symmetric matrix `a` is positive definite: a Cholesky factorisation `a = L Lᵀ` exists
 * with positive pivots. O(n³) on a copy; for the small (sectors + 1) matrices of reconciliation.
 */
export function isPositiveDefinite(a: readonly (readonly number[])[]): boolean {
  const n = a.length;
  const L: number[][] = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = (a[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) s -= ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number);
      if (i === j) {
        if (!(s > 0)) return false;
        (L[i] as number[])[i] = Math.sqrt(s);
      } else {
        (L[i] as number[])[j] = s / ((L[j] as number[])[j] as number);
      }
    }
  }
  return true;
}
