/**
 * Sample quantiles of R's type 7 (h = (n - 1) p, linear between order statistics; Hyndman & Fan 1996)
 * by sorting a copy. Not a hot path: one sort per sector. `values` must be non-empty and finite.
 */
export function quantile7(values: Float64Array, probabilities: readonly number[]): number[] {
  const a = Float64Array.from(values).sort();
  const n = a.length;
  return probabilities.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const x0 = a[lo] as number;
    return lo + 1 < n ? x0 + (h - lo) * ((a[lo + 1] as number) - x0) : x0;
  });
}
