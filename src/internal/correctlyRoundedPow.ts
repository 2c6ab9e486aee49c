// x^y rounded correctly to the nearest double (not exported from the package).
//
// Node's `**` and the C library's pow() that R calls (glibc, within 0.52 units in the last place) round
// differently now and then: 6747^1.07 is 12506.864936666228 in Node and 12506.864936666227 in R (and
// exactly). Guerrero's choice of a Box-Cox lambda and the transformation itself raise values to powers, and
// a last-bit difference there moves an optimiser's end on a flat likelihood (M3 Y464: Holt's forecasts on
// the Box-Cox scale 5e-6 from R's). A power rounded correctly agrees with glibc's almost always.
//
// Method: y log x in double-double (correctlyRoundedLog's table method, about 2^-70 relative), then exp of
// that double-double: z = k log 2 + j / 64 + r with |r| <= 1/128, exp(j / 64) from a table and exp(r) by its
// Taylor series in double-double (src/internal/doubleDouble.ts), scaled by 2^k. The error before the final
// rounding is about |y log x| 2^-70 relative.
import { LN2_HI, LN2_LO, logDoubleDouble } from './correctlyRoundedLog.js';
import { ddAdd, ddDiv, ddMul, twoProd } from './doubleDouble.js';

const w = new Float64Array(2);
const lg = new Float64Array(2);

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
  ddMul(lg[0]!, lg[1]!, y, 0, w);
  const zh = w[0]!,
    zl = w[1]!;
  if (!(Math.abs(zh) < 700)) return x ** y;
  // r = z - k log 2, in double-double
  const k = Math.round(zh / LN2_HI);
  twoProd(k, LN2_HI, lg);
  ddAdd(zh, zl, -lg[0]!, -lg[1]!, w);
  ddAdd(w[0]!, w[1]!, -k * LN2_LO, 0, w);
  const rh = w[0]!,
    rl = w[1]!;
  // exp(r) = exp(j / 64) exp(r - j / 64), the first from a table, the second by its series (|r - j/64| <= 1/128)
  const j = Math.round(rh * STEPS);
  ddAdd(rh, rl, -j / STEPS, 0, w);
  expSeries(w[0]!, w[1]!);
  ddMul(w[0]!, w[1]!, EXP_HI[j + OFFSET]!, EXP_LO[j + OFFSET]!, w);
  return (w[0]! + w[1]!) * 2 ** k;
}

/**
 * exp(h + l) by its Taylor series to the term of degree `degree`, in double-double by Horner's rule, into w.
 * Degree 10 leaves an error under 2^-90 for |h| <= 1/128 (the runtime's reduced argument).
 */
function expSeries(h: number, l: number, degree = 10): void {
  let ph = INV_FACT_HI[degree]!,
    pl = INV_FACT_LO[degree]!;
  for (let n = degree - 1; n >= 0; n--) {
    ddMul(ph, pl, h, l, w);
    ddAdd(w[0]!, w[1]!, INV_FACT_HI[n]!, INV_FACT_LO[n]!, w);
    ph = w[0]!;
    pl = w[1]!;
  }
}

// 1 / n! in double-double for n <= 28, then exp(j / 64) for |j| <= 23 (|r| <= log(2) / 2 + a little) by the
// series to degree 28 (an error under 2^-110 for |j / 64| <= 0.36), made once when the module loads.
const DEGREE_MAX = 28;
const INV_FACT_HI = new Float64Array(DEGREE_MAX + 1);
const INV_FACT_LO = new Float64Array(DEGREE_MAX + 1);
INV_FACT_HI[0] = 1;
for (let n = 1; n <= DEGREE_MAX; n++) {
  ddDiv(INV_FACT_HI[n - 1]!, INV_FACT_LO[n - 1]!, n, 0, w);
  INV_FACT_HI[n] = w[0]!;
  INV_FACT_LO[n] = w[1]!;
}
const STEPS = 64;
const OFFSET = 23;
const EXP_HI = new Float64Array(2 * OFFSET + 1);
const EXP_LO = new Float64Array(2 * OFFSET + 1);
for (let j = -OFFSET; j <= OFFSET; j++) {
  expSeries(j / STEPS, 0, DEGREE_MAX);
  EXP_HI[j + OFFSET] = w[0]!;
  EXP_LO[j + OFFSET] = w[1]!;
}
