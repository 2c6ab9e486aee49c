// x^y rounded correctly to the nearest double (not exported from the package).
//
// Node's `**` and the C library's pow() that R calls (glibc, within 0.52 units in the last place) round
// differently now and then: 6747^1.07 is 12506.864936666228 in Node and 12506.864936666227 in R (and
// exactly). Guerrero's choice of a Box-Cox lambda and the transformation itself raise values to powers, and
// a last-bit difference there moves an optimiser's end on a flat likelihood (M3 Y464: Holt's forecasts on
// the Box-Cox scale 5e-6 from R's). A power rounded correctly agrees with glibc's almost always.
//
// Method: y log x in double-double (correctlyRoundedLog's table method, about 2^-70 relative), then
// exp of that double-double: z = k log 2 + r with |r| <= log(2) / 2, exp(r) by its Taylor series in
// double-double, scaled by 2^k. The error before the final rounding is about |y log x| 2^-70 relative.
import { LN2_HI, LN2_LO, logDoubleDouble, twoProd } from './correctlyRoundedLog.js';

const w = new Float64Array(2);
const lg = new Float64Array(2);

/** a + b (double-double) into w. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const bb = s - ah;
  const e = ah - (s - bb) + (bh - bb) + al + bl;
  const r = s + e;
  w[0] = r;
  w[1] = e - (r - s);
}

/** a * b (double-double) into w. */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh, w);
  const e = w[1]! + (ah * bl + al * bh);
  const s = w[0]! + e;
  w[1] = e - (s - w[0]!);
  w[0] = s;
}

/**
 * x^y, correctly rounded for x > 0 and |y log x| < 700 (bar the rare case when the exact value lies within
 * about 2^-64 of a rounding midpoint); every other input gives `**`'s answer (0, negative x, overflow,
 * underflow, NaN). y = 2 is x * x, as in R.
 * @example
 * correctlyRoundedPow(6747, 1.07); // => 12506.864936666227 (R and glibc too; 6747 ** 1.07 is ...228)
 */
export function correctlyRoundedPow(x: number, y: number): number {
  if (y === 2) return x * x;
  if (!(x > 0) || x === Infinity || !Number.isFinite(y) || y === 0 || y === 1 || x === 1) return x ** y;
  logDoubleDouble(x, lg);
  ddMul(lg[0]!, lg[1]!, y, 0);
  const zh = w[0]!,
    zl = w[1]!;
  if (!(Math.abs(zh) < 700)) return x ** y;
  // r = z - k log 2, in double-double
  const k = Math.round(zh / LN2_HI);
  twoProd(k, LN2_HI, lg);
  ddAdd(zh, zl, -lg[0]!, -lg[1]!);
  ddAdd(w[0]!, w[1]!, -k * LN2_LO, 0);
  const rh = w[0]!,
    rl = w[1]!;
  // exp(r) = exp(j / 64) exp(r - j / 64), the first from a table, the second by its series (|r - j/64| <= 1/128)
  const j = Math.round(rh * STEPS);
  ddAdd(rh, rl, -j / STEPS, 0);
  expSeries(w[0]!, w[1]!);
  ddMul(w[0]!, w[1]!, EXP_HI[j + OFFSET]!, EXP_LO[j + OFFSET]!);
  return (w[0]! + w[1]!) * 2 ** k;
}

/** exp(h + l) by its Taylor series, each term and the sum in double-double, into w. */
function expSeries(h: number, l: number): void {
  let th = h,
    tl = l,
    sh = 1,
    sl = 0;
  for (let i = 2; i < 60; i++) {
    ddAdd(sh, sl, th, tl);
    sh = w[0]!;
    sl = w[1]!;
    if (Math.abs(th) < 1e-24 * Math.abs(sh)) break;
    ddMul(th, tl, h, l);
    // divide by i: the quotient's error is far below the 2^-70 kept
    const qh = w[0]! / i;
    const ql = w[1]!;
    twoProd(qh, i, lg);
    th = qh;
    tl = (w[0]! - lg[0]! - lg[1]! + ql) / i;
  }
  w[0] = sh;
  w[1] = sl;
}

// exp(j / 64) for |j| <= 23 (|r| <= log(2) / 2 + a little) in double-double, made once by the series.
const STEPS = 64;
const OFFSET = 23;
const EXP_HI = new Float64Array(2 * OFFSET + 1);
const EXP_LO = new Float64Array(2 * OFFSET + 1);
for (let j = -OFFSET; j <= OFFSET; j++) {
  expSeries(j / STEPS, 0);
  EXP_HI[j + OFFSET] = w[0]!;
  EXP_LO[j + OFFSET] = w[1]!;
}
