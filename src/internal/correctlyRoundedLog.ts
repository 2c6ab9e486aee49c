// The natural logarithm rounded correctly to the nearest double (not exported from the package).
//
// Node's Math.log (fdlibm) and the C library's log() that R calls (glibc) are both accurate to within one
// unit in the last place, but they round differently in about 1% of cases. An optimiser that stops at a
// relative change of 1.5e-8 (R's BFGS in arima) then follows a slightly different path; a log rounded
// correctly agrees with glibc's almost always, so likelihood fits land where R's do.
//
// Method: x = 2^k m with m in [1, 2), m = c (1 + u) with c = 1 + j / 128 the nearest table point and
// |u| <= 1/256; log x = k log 2 + log c + log1p(u), with log 2 and the table in double-double precision and
// the leading terms of log1p(u) in double-double, the rest by Horner in double. The error before the
// final rounding is about 2^-70 relative, so a result is misrounded only when the exact value lies
// within that distance of a midpoint between two doubles.
import { ddAdd, ddDiv, ddMul, twoProd } from './doubleDouble.js';

export const LN2_HI = Math.LN2; // log 2 rounded to a double; LN2_LO is the rest
export const LN2_LO = 2.3190468138462996e-17;
const TABLE = 128;

// log(1 + j / 128) in double-double, from the series 2 atanh(s), s = (c - 1) / (c + 1), summed in
// double-double arithmetic once when the module loads.
const LOG_HI = new Float64Array(TABLE + 1);
const LOG_LO = new Float64Array(TABLE + 1);
{
  const w = new Float64Array(2);
  for (let j = 0; j <= TABLE; j++) {
    const c = 1 + j / TABLE;
    // (c - 1) and (c + 1) are exact: c has at most 8 significant bits
    ddDiv(c - 1, 0, c + 1, 0, w);
    const sh = w[0]!;
    const sl = w[1]!;
    ddMul(sh, sl, sh, sl, w);
    const s2h = w[0]!;
    const s2l = w[1]!;
    let th = sh;
    let tl = sl;
    let sumh = sh;
    let suml = sl;
    for (let i = 3; i < 80 && th !== 0; i += 2) {
      ddMul(th, tl, s2h, s2l, w);
      th = w[0]!;
      tl = w[1]!;
      ddDiv(th, tl, i, 0, w);
      const qh = w[0]!;
      ddAdd(sumh, suml, qh, w[1]!, w);
      sumh = w[0]!;
      suml = w[1]!;
      if (Math.abs(qh) < 1e-40 * Math.abs(sumh)) break;
    }
    LOG_HI[j] = 2 * sumh;
    LOG_LO[j] = 2 * suml;
  }
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // index of the high word
const work = new Float64Array(2);
const dd = new Float64Array(2);

/**
 * log(x), correctly rounded for finite x > 0 (bar about one case in 100,000, when the exact value lies
 * within 2^-70 of a rounding midpoint); other inputs give Math.log's answer (NaN, -Infinity, Infinity).
 * @example
 * correctlyRoundedLog(Math.E); // => 1
 * // glibc's log, as R calls it, gives the same; Math.log gives 0.31017326284199953
 * correctlyRoundedLog(1.3636613655085073); // => 0.3101732628419995
 */
export function correctlyRoundedLog(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  logDoubleDouble(x, dd);
  return dd[0]!;
}

/**
 * log(x) for finite x > 0 as a double-double: out[0] the correctly rounded log (as correctlyRoundedLog),
 * out[1] the rest, the two together within about 2^-70 relative of the exact value.
 */
export function logDoubleDouble(x: number, out: Float64Array): void {
  let scale = 0;
  let v = x;
  if (v < 2.2250738585072014e-308) {
    v *= 18014398509481984; // 2^54: subnormals to normal
    scale = -54;
  }
  bits[0] = v;
  const hi = words[HI]!;
  const k = (hi >>> 20) - 1023 + scale;
  words[HI] = (hi & 0x000fffff) | 0x3ff00000;
  const m = bits[0]!; // in [1, 2)
  const j = Math.round((m - 1) * TABLE);
  const c = 1 + j / TABLE;
  const d = m - c; // exact (Sterbenz)
  // u = d / c in double-double
  const uh = d / c;
  twoProd(uh, c, work);
  const ul = (d - work[0]! - work[1]!) / c;
  // -u^2 / 2 in double-double
  twoProd(uh, uh, work);
  const sqh = -0.5 * work[0]!;
  const sql = -0.5 * (work[1]! + 2 * uh * ul);
  // u^3 / 3 - u^4 / 4 + … in double
  const tail =
    uh *
    uh *
    uh *
    (1 / 3 + uh * (-1 / 4 + uh * (1 / 5 + uh * (-1 / 6 + uh * (1 / 7 + uh * (-1 / 8 + uh * (1 / 9 - uh / 10)))))));
  // k log 2 in double-double
  twoProd(k, LN2_HI, work);
  let sh = work[0]!;
  let sl = work[1]! + k * LN2_LO;
  // + log c
  let s = sh + LOG_HI[j]!;
  let bb = s - sh;
  sl += sh - (s - bb) + (LOG_HI[j]! - bb) + LOG_LO[j]!;
  sh = s;
  // + u
  s = sh + uh;
  bb = s - sh;
  sl += sh - (s - bb) + (uh - bb) + ul;
  sh = s;
  // + (-u^2 / 2)
  s = sh + sqh;
  bb = s - sh;
  sl += sh - (s - bb) + (sqh - bb) + sql;
  sh = s;
  const rest = sl + tail;
  const r = sh + rest;
  out[0] = r;
  out[1] = rest - (r - sh);
}
