// Internal bulk samplers over a raw xoshiro128** state (an Int32Array of 4 words, see streamState.ts).
// Several exports in one file on purpose: they share the generator step and the ziggurat tables, and the
// hot loops keep the state in local variables (no allocation, no closure calls). The public face is
// `Rng.fillNormal` and `simulate`.
//
// Generator: xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/), 32-bit operations only.
// Uniform: 53 random bits from two 32-bit outputs, in [0, 1).
// Normal: the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat Method for Generating Random
// Variables", J. Stat. Softw. 5(8), with 256 layers (r = 3.6541528853610088, v = 0.00492867323399 from the
// paper). The bulk fill (`fillNormal`) takes one 32-bit output per draw: 8 bits pick the layer, 1 the
// sign, and the other 23 make the uniform that places x within its layer, so the layer and the value
// never share bits (the flaw of the paper's 32-bit version). The 23-bit uniform puts x on a grid of
// W[i] / 2^23 (under 5e-7) within its layer, far below the Monte Carlo error of any feasible run (1e-3
// at a million paths). The one-at-a-time `nextNormal` keeps two outputs (53-bit uniform). About 99.3% of
// draws take the fast path: one multiply and one compare.
// Tail beyond r: Marsaglia's (1964) exponential method.

const LAYERS = 256;
const R = 3.6541528853610088;
const V = 0.00492867323399;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_21 = 2097152;
const TWO_POW_23 = 8388608;

/** Layer right edges: W[0] is the base layer's virtual width v / f(r), W[1] = r, ..., W[256] = 0. */
const W = new Float64Array(LAYERS + 1);
/** Fast-path thresholds on the uniform: K[i] = W[i + 1] / W[i]. */
const K = new Float64Array(LAYERS);
/** f(W[i]) with f(x) = exp(-x^2 / 2); F[256] = 1. */
const F = new Float64Array(LAYERS + 1);
{
  const f = (x: number): number => Math.exp(-0.5 * x * x);
  W[0] = V / f(R);
  W[1] = R;
  for (let i = 1; i < LAYERS - 1; i++) W[i + 1] = Math.sqrt(-2 * Math.log(f(W[i]!) + V / W[i]!));
  W[LAYERS] = 0;
  for (let i = 0; i < LAYERS; i++) K[i] = W[i + 1]! / W[i]!;
  for (let i = 0; i <= LAYERS; i++) F[i] = f(W[i]!);
  F[0] = 0; // the base layer is handled by its own branch
}
/** The bulk fill's tables in units of the 23-bit integer: WS[i] = W[i] / 2^23, KM[i] = K[i] * 2^23. */
const WS = new Float64Array(LAYERS);
const KM = new Float64Array(LAYERS);
for (let i = 0; i < LAYERS; i++) {
  WS[i] = W[i]! / TWO_POW_23;
  KM[i] = K[i]! * TWO_POW_23;
}

/** Next 32-bit output (as a signed int32) of the state array; the slow paths use this. */
export function nextU32(s: Int32Array): number {
  let s0 = s[0]!,
    s1 = s[1]!,
    s2 = s[2]!,
    s3 = s[3]!;
  const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl(s3, 11);
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  return r;
}

/** Uniform on [0, 1) with 53 bits from the state array. */
export function nextUniform(s: Int32Array): number {
  const a = nextU32(s) >>> 5;
  const b = nextU32(s) >>> 6;
  return (a * 67108864 + b) / TWO_POW_53;
}

/** One standard normal from the state array (the full ziggurat draw, including rejections). */
export function nextNormal(s: Int32Array): number {
  for (;;) {
    const a = nextU32(s) >>> 0;
    const b = nextU32(s);
    const i = b & 255;
    const u = (a * TWO_POW_21 + (b >>> 11)) / TWO_POW_53;
    const x = u * W[i]!;
    if (u < K[i]!) return b & 256 ? -x : x;
    const z = zigguratSlow(s, i, x);
    if (!Number.isNaN(z)) return b & 256 ? -z : z;
  }
}

// Rejection branch of a ziggurat draw that missed the fast path: the tail for the base layer, the wedge
// test otherwise. Returns |x| when accepted, NaN to ask for a fresh draw.
function zigguratSlow(s: Int32Array, i: number, x: number): number {
  if (i === 0) {
    let e: number, y: number;
    do {
      e = -Math.log(1 - nextUniform(s)) / R;
      y = -Math.log(1 - nextUniform(s));
    } while (y + y < e * e);
    return R + e;
  }
  const y = F[i]! + nextUniform(s) * (F[i + 1]! - F[i]!);
  return y < Math.exp(-0.5 * x * x) ? x : NaN;
}

/** Fills out[from..to) with standard normals (ziggurat), advancing the state. */
export function fillNormal(s: Int32Array, out: Float64Array, from: number, to: number): void {
  let p = from;
  for (;;) {
    // The fast path in a loop without calls (a call in it, even on the rare branch, costs the loop its
    // registers; measured a third slower once V8 inlines this function into the kernel). The loop stops at
    // a draw that needs the slow path, which is finished below with the same random outputs in the same
    // order.
    let s0 = s[0]!,
      s1 = s[1]!,
      s2 = s[2]!,
      s3 = s[3]!;
    let r = 0;
    for (; p < to; p++) {
      r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const i = r & 255;
      const m = r >>> 9; // 23-bit integer: the uniform is m / 2^23
      if (m >= KM[i]!) break;
      out[p] = m * WS[i]! * (((r & 256) >>> 7) - 1); // branch-free sign: the sign bit is a coin flip
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
    if (p >= to) return;
    const i = r & 255;
    const z = zigguratSlow(s, i, ((r >>> 9) / TWO_POW_23) * W[i]!);
    out[p++] = Number.isNaN(z) ? nextNormal(s) : r & 256 ? -z : z;
  }
}

/** Fills out[from..to) with uniforms on [0, 1), advancing the state. */
export function fillUniform(s: Int32Array, out: Float64Array, from: number, to: number): void {
  for (let p = from; p < to; p++) out[p] = nextUniform(s);
}

/**
 * Gamma(shape, 1) for shape >= 1: Marsaglia & Tsang (2000), "A Simple Method for Generating Gamma
 * Variables", ACM TOMS 26(3).
 */
export function nextGamma(s: Int32Array, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = nextNormal(s);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = nextUniform(s);
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Fills out[from..to) with the factor that turns a standard normal into a Student-t variable scaled to
 * variance 1: sqrt((nu - 2) / chi2_nu), chi2_nu = 2 Gamma(nu / 2). A normal z times this factor is
 * t_nu * sqrt((nu - 2) / nu), whose variance is 1 for nu > 2. Sharing one factor across correlated
 * normals gives a multivariate t.
 */
export function fillStudentTScale(s: Int32Array, out: Float64Array, from: number, to: number, nu: number): void {
  const shape = nu / 2;
  const num = nu - 2;
  for (let p = from; p < to; p++) {
    // nu > 2 (checked by the caller), so shape > 1 as nextGamma needs.
    out[p] = Math.sqrt(num / (2 * nextGamma(s, shape)));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
