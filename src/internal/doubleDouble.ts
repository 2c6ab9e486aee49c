// Double-double arithmetic (not exported from the package): a value as hi + lo, two doubles with |lo| at most
// half a unit in the last place of hi, about 106 bits in all (Dekker 1971, "A floating-point technique for
// extending the available precision"). Each operation writes its result to out[0] (hi) and out[1] (lo);
// the arguments are read first, so out may hold them.

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter

/** The exact product a * b as hi + lo. */
export function twoProd(a: number, b: number, out: Float64Array): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  out[0] = p;
  out[1] = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah + al) + (bh + bl). */
export function ddAdd(ah: number, al: number, bh: number, bl: number, out: Float64Array): void {
  const s = ah + bh;
  const bb = s - ah;
  const e = ah - (s - bb) + (bh - bb) + al + bl;
  const r = s + e;
  out[0] = r;
  out[1] = e - (r - s);
}

/** (ah + al) (bh + bl). */
export function ddMul(ah: number, al: number, bh: number, bl: number, out: Float64Array): void {
  twoProd(ah, bh, out);
  const p = out[0]!;
  const e = out[1]! + (ah * bl + al * bh);
  const s = p + e;
  out[0] = s;
  out[1] = e - (s - p);
}

/** (ah + al) / (bh + bl): three quotient digits, each from the remainder left by the previous ones. */
export function ddDiv(ah: number, al: number, bh: number, bl: number, out: Float64Array): void {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl, out);
  ddAdd(ah, al, -out[0]!, -out[1]!, out);
  const r1 = out[0]!;
  const r1l = out[1]!;
  const q2 = r1 / bh;
  ddMul(q2, 0, bh, bl, out);
  ddAdd(r1, r1l, -out[0]!, -out[1]!, out);
  const q3 = out[0]! / bh;
  ddAdd(q1, 0, q2, 0, out);
  ddAdd(out[0]!, out[1]!, q3, 0, out);
}
