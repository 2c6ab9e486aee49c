// R's mean() and var() to the last bit (not exported from the package).
//
// R sums in C's long double, which on x86-64 Linux is the x87 extended format (64-bit significand):
// mean(x) adds the values, divides by n, then adds the mean of the deviations from that; var(x) takes the
// mean so (stored as a double), then sums the squared deviations, each formed in long double
// (src/main/summary.c and src/library/stats/src/cov.c). In doubles the same steps differ from R's in the
// last bits now and then, and Guerrero's choice of a Box-Cox lambda, a minimum found by golden sections and
// parabolas, follows them to a different end (differences up to 1.6e-10 on M3 yearly). Here each step is
// done exactly in integers (BigInt) and rounded to 64 bits, half to even, as the x87 unit rounds. R built
// where long double is a double (Apple silicon) or 128 bits wide (aarch64 Linux) sums otherwise.
// Used where a result must equal R's; it is some 300 times slower than a double sum (bench/rArithmetic.ts).

/** An extended-precision value: sig * 2^exp, |sig| < 2^64 after rounding. */
interface Ext {
  readonly sig: bigint;
  readonly exp: number;
}

const PRECISION = 64;
const ZERO: Ext = { sig: 0n, exp: 0 };
const view = new DataView(new ArrayBuffer(8));

/** Number of bits of a > 0: from the exponent of its nearest double, less one if rounding carried it up. */
function bitLength(a: bigint): number {
  const near = Number(a);
  if (near === Infinity) return a.toString(2).length; // past 2^1024: sums of values far apart in size
  view.setFloat64(0, near);
  const b = ((view.getUint32(0) >>> 20) & 0x7ff) - 1022;
  return a >> BigInt(b - 1) === 0n ? b - 1 : b;
}

/** The double x exactly. */
function fromDouble(x: number): Ext {
  if (x === 0) return ZERO;
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased !== 0) m |= 1n << 52n;
  return { sig: hi >>> 31 ? -m : m, exp: biased === 0 ? -1074 : biased - 1075 };
}

/** sig * 2^exp rounded to `bits` significant bits, half to even; `sticky` says nonzero bits were cut below. */
function round(sig: bigint, exp: number, bits: number, sticky = false): Ext {
  if (sig === 0n) return ZERO;
  const neg = sig < 0n;
  let a = neg ? -sig : sig;
  const cut = bitLength(a) - bits;
  if (cut > 0) {
    const c = BigInt(cut);
    const rest = a & ((1n << c) - 1n);
    const half = 1n << (c - 1n);
    a >>= c;
    if (rest > half || (rest === half && (sticky || (a & 1n) === 1n))) a += 1n;
    exp += cut;
  }
  return { sig: neg ? -a : a, exp };
}

function add(a: Ext, b: Ext): Ext {
  if (a.sig === 0n) return b;
  if (b.sig === 0n) return a;
  const e = Math.min(a.exp, b.exp);
  return round((a.sig << BigInt(a.exp - e)) + (b.sig << BigInt(b.exp - e)), e, PRECISION);
}

function negate(a: Ext): Ext {
  return { sig: -a.sig, exp: a.exp };
}

function multiply(a: Ext, b: Ext): Ext {
  return round(a.sig * b.sig, a.exp + b.exp, PRECISION);
}

function divideByInt(a: Ext, n: number): Ext {
  if (a.sig === 0n) return a;
  const shifted = a.sig << 130n;
  const d = BigInt(n);
  return round(shifted / d, a.exp - 130, PRECISION, shifted % d !== 0n);
}

/** The nearest double (half to even), subnormals included. */
function toDouble(a: Ext): number {
  if (a.sig === 0n) return 0;
  // A double keeps 53 bits, fewer below 2^-1022 (its last bit is 2^-1074).
  const top = a.exp + bitLength(a.sig < 0n ? -a.sig : a.sig) - 1;
  if (top < -1075) return 0;
  if (top === -1075) {
    // Half the smallest subnormal or more: a tie (a power of two) goes to the even 0, the rest up.
    const abs = a.sig < 0n ? -a.sig : a.sig;
    const up = (abs & (abs - 1n)) !== 0n;
    return up ? (a.sig < 0n ? -(2 ** -1074) : 2 ** -1074) : 0;
  }
  const r = round(a.sig, a.exp, top < -1022 ? top + 1075 : 53);
  return Number(r.sig) * 2 ** r.exp;
}

/** R's two-pass mean in extended precision, before its rounding to a double. */
function twoPassMean(xs: readonly Ext[]): Ext {
  let s = ZERO;
  for (const v of xs) s = add(s, v);
  s = divideByInt(s, xs.length);
  let t = ZERO;
  for (const v of xs) t = add(t, add(v, negate(s)));
  return add(s, divideByInt(t, xs.length));
}

/**
 * mean(x) as R computes it, to the last bit (at least one value; with an infinite or NaN value, the sum's
 * Infinity or NaN).
 * @example
 * meanAsR([0.1, 0.2, 0.3]); // => 0.2 (the double sum divided by 3 gives 0.20000000000000004)
 */
export function meanAsR(x: readonly number[]): number {
  if (!x.every(Number.isFinite)) return x.reduce((a, b) => a + b, 0) / x.length; // Infinity or NaN, as R
  return toDouble(twoPassMean(x.map(fromDouble)));
}

/**
 * var(x) as R computes it, to the last bit (at least two values; NaN with an infinite or NaN value).
 * @example
 * varianceAsR([1, 2, 3, 4]); // => 1.6666666666666667
 */
export function varianceAsR(x: readonly number[]): number {
  if (!x.every(Number.isFinite)) return Number.NaN; // as R's var() with an infinite value
  const xs = x.map(fromDouble);
  const m = fromDouble(toDouble(twoPassMean(xs)));
  let q = ZERO;
  for (const v of xs) {
    const d = add(v, negate(m));
    q = add(q, multiply(d, d));
  }
  return toDouble(divideByInt(q, x.length - 1));
}
