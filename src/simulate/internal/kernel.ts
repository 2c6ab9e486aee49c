import { fillNormal, fillStudentTScale, fillUniform } from '../../random/samplers.js';
import { BLOCK, type KernelPlan } from './prepare.js';
import { streamState } from '../../random/streamState.js';

// Internal: advances blocks of paths by one year. Runs in the calling thread or in a worker on shared
// memory; every block carries its own random stream (stream b of the seed for paths 1024 b ...), and the
// draws of a block in a year come in a fixed order (normals per series, Student-t scales, uniforms per
// series), so results never depend on which thread ran which block.
//
// Model (log-growth), per series k, path p, year t:
//   d_t = vol z_t                          (t = first year, or no persistence)
//   d_t = phi d_{t-1} + vol sqrt(1 - phi^2) z_t   (AR(1), stationary: sd(d_t) = vol every year)
//   e_t = d_t + m_p + J_t log(1 + size)    (m_p ~ N(0, meanUncertainty^2) once per path; J_t ~ Bernoulli)
//   L_t = clamp(L_{t-1} (1 + g_t) (1 + shock_t) exp(e_t), floor, cap)
// exp is `expFast` below (pure double arithmetic, within 2 ulp of exp, about twice as fast as Math.exp).
// z_t are standard normals (or unit-variance Student-t), correlated across series through `chol`.

/**
 * Indices in `KernelBuffers.control`: `final`, years the calling thread has summarised (it frees their
 * buffers); `stop`, 1 when workers must end the run; from `prefix`, per year, the blocks of the year's
 * quantile prefix that are done.
 */
export const CONTROL = { final: 0, stop: 1, prefix: 2 } as const;

/** The arrays a run works on: shared between threads when workers are used. */
export interface KernelBuffers {
  /** xoshiro state per block, 4 words each. */
  readonly state: Int32Array;
  /** Years completed per block (workers wait on it so a block's years run in order). */
  readonly blockDone: Int32Array;
  /** Per year: the next chunk of blocks to claim (per year, not per slot, so nothing needs resetting mid-run). */
  readonly counter: Int32Array;
  /** Words shared by the calling thread and the workers: see CONTROL. */
  readonly control: Int32Array;
  readonly dev: Float64Array;
  readonly off: Float64Array;
  /** Per year slot (t % slots): the year's levels, series-major (s * paths + p), the total last. */
  readonly out: readonly Float64Array[];
  /** Per year slot, series and block: sum of (x - centre) and of its square, at ((slot S + s) nBlocks + b) 2. */
  readonly sums: Float64Array;
  /** Per level check and block: paths meeting the check, at c nBlocks + b. */
  readonly hits: Float64Array;
}

export interface KernelScratch {
  readonly st: Int32Array;
  readonly sums: Float64Array;
  readonly z: Float64Array;
  readonly tScale: Float64Array;
  readonly u: Float64Array;
}

/**
 * Buffers for a plan, on SharedArrayBuffers when `shared`. The levels live in `slots` year buffers: year t
 * reads year t - 1's slot and writes its own, so the year's values are the path state itself, and
 * quantile selection must not reorder them. One slot in the calling thread (read and write in place);
 * workers get three, so they can run two years ahead of the summary.
 */
export function kernelBuffers(plan: KernelPlan, shared: boolean, slots: number): KernelBuffers {
  const mk = (bytes: number): ArrayBuffer | SharedArrayBuffer =>
    shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const n = plan.paths;
  return {
    state: new Int32Array(mk(16 * plan.nBlocks)),
    blockDone: new Int32Array(mk(4 * plan.nBlocks)),
    counter: new Int32Array(mk(4 * plan.nYears)),
    control: new Int32Array(mk(4 * (CONTROL.prefix + plan.nYears))),
    dev: new Float64Array(mk(plan.hasDev ? 8 * n * plan.K : 0)),
    off: new Float64Array(mk(plan.hasOff ? 8 * n * plan.K : 0)),
    out: Array.from({ length: slots }, () => new Float64Array(mk(8 * n * plan.S))),
    sums: new Float64Array(mk(8 * slots * plan.S * plan.nBlocks * 2)),
    hits: new Float64Array(mk(8 * Math.max(1, plan.checks.length) * plan.nBlocks)),
  };
}

export function kernelScratch(plan: KernelPlan): KernelScratch {
  return {
    st: new Int32Array(4),
    sums: new Float64Array(2),
    z: new Float64Array(BLOCK * plan.K),
    tScale: new Float64Array(BLOCK),
    u: new Float64Array(BLOCK),
  };
}

/** Advances block `b` through year index `t` (0-based), writing levels to buffers.out[t % slots]. */
export function runBlock(plan: KernelPlan, buf: KernelBuffers, sc: KernelScratch, b: number, t: number): void {
  const start = b * BLOCK;
  const len = Math.min(BLOCK, plan.paths - start);
  if (t === 0) startBlock(plan, buf, sc, b, start, len);
  const out = advance(plan, buf, sc, b, t, start, len);
  // Level checks (targets, CAGR thresholds) on the analysed series, while the block is in cache. Also
  // counted in year 0 (the check's own year overwrites that count): code first reached in a late year,
  // inside optimised code, has no type feedback and deoptimises it for every block of that year.
  const checks = plan.checks;
  for (let j = 0; j < checks.length; j++) {
    if (checks[j]!.t === t || t === 0) countHits(plan, buf, out, j, b, start, len);
  }
}

// The year's step of one block, the hot part; returns the year's level buffer. Year 0 runs the same
// arithmetic as later years (it reads the base levels and zero deviations that startBlock puts in place)
// rather than branches of its own: a branch first taken in year 1, when V8 may already have optimised
// this function on year 0 alone, deoptimised it block after block (seen with sectors: 50 times a run).
function advance(
  plan: KernelPlan,
  buf: KernelBuffers,
  sc: KernelScratch,
  b: number,
  t: number,
  start: number,
  len: number,
): Float64Array {
  const { paths, K, nYears } = plan;
  const { st, z, tScale, u } = sc;
  const state = buf.state;
  const s4 = 4 * b;
  st[0] = state[s4]!;
  st[1] = state[s4 + 1]!;
  st[2] = state[s4 + 2]!;
  st[3] = state[s4 + 3]!;
  for (let k = 0; k < K; k++) fillNormal(st, z, k * BLOCK, k * BLOCK + len);
  const nu = plan.nu;
  if (nu > 0) fillStudentTScale(st, tScale, 0, len, nu);
  const chol = plan.chol;
  if (chol !== null) {
    for (let i = 0; i < len; i++) {
      for (let k = K - 1; k >= 0; k--) {
        let acc = 0;
        for (let j = 0; j <= k; j++) acc += chol[k * K + j]! * z[j * BLOCK + i]!;
        z[k * BLOCK + i] = acc;
      }
    }
  }
  const slot = t % buf.out.length;
  const out = buf.out[slot]!;
  // Year t - 1's levels (the same array when there is one slot: read, then overwritten in place).
  const prev = buf.out[(t + buf.out.length - 1) % buf.out.length]!;
  const dev = buf.dev,
    off = buf.off;
  for (let k = 0; k < K; k++) {
    const rp = plan.rareP[k]!;
    const rare = rp > 0;
    if (rare) fillUniform(st, u, 0, len);
    const rl = plan.rareLog[k]!;
    const f = plan.factor[k * nYears + t]!;
    const v = plan.vol[k]!;
    const ph = plan.phi[k]!;
    const innov = plan.innov[k]!;
    const inn = t === 0 ? v : innov; // the first year's deviation has the stationary sd
    const useDev = plan.hasDev;
    const useOff = plan.mu[k]! > 0;
    const cap = plan.cap[k]!,
      floor = plan.floor[k]!;
    const o = k * paths + start;
    const zo = k * BLOCK;
    const c = plan.centre[k * nYears + t]!;
    let s1 = 0,
      s2 = 0;
    // Year 0 of the plain model takes the general loop too: measured, a first call of stepIid in year 0
    // left V8 with kernel code 8% slower for every later year.
    if (!useDev && !useOff && !rare && nu === 0 && t > 0) {
      stepIid(prev, out, z, o, zo, len, f, v, cap, floor, c, sc.sums);
      s1 = sc.sums[0]!;
      s2 = sc.sums[1]!;
    } else
      for (let i = 0; i < len; i++) {
        let zi = z[zo + i]!;
        if (nu > 0) zi *= tScale[i]!;
        let d: number;
        if (useDev) {
          d = ph * dev[o + i]! + inn * zi; // in year 0: 0 + vol z, exactly vol z
          dev[o + i] = d;
        } else {
          d = v * zi;
        }
        if (useOff) d += off[o + i]!;
        if (rare && u[i]! < rp) d += rl;
        let x = prev[o + i]! * f * expFast(d);
        if (x > cap) x = cap;
        if (x < floor) x = floor;
        out[o + i] = x;
        const y = x - c;
        s1 += y;
        s2 += y * y;
      }
    storeSums(plan, buf, slot, k, b, s1, s2);
  }
  if (plan.S > K) {
    const tot = K * paths + start;
    const c = plan.centre[K * nYears + t]!;
    let s1 = 0,
      s2 = 0;
    for (let i = 0; i < len; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += out[k * paths + start + i]!;
      out[tot + i] = s;
      const y = s - c;
      s1 += y;
      s2 += y * y;
    }
    storeSums(plan, buf, slot, K, b, s1, s2);
  }
  state[s4] = st[0]!;
  state[s4 + 1] = st[1]!;
  state[s4 + 2] = st[2]!;
  state[s4 + 3] = st[3]!;
  return out;
}

/** The sums of series s in block b, for the mean and sd of the year in `slot`. */
function storeSums(
  plan: KernelPlan,
  buf: KernelBuffers,
  slot: number,
  s: number,
  b: number,
  s1: number,
  s2: number,
): void {
  const at = ((slot * plan.S + s) * plan.nBlocks + b) * 2;
  buf.sums[at] = s1;
  buf.sums[at + 1] = s2;
}

// Before year 0 of block b: its random stream (after the per-path mean offsets drawn from it, then the
// base draws when the base is uncertain), the base levels in the buffer that year 0 reads as the previous
// year, and zero AR(1) deviations. A run without a base draw takes no extra numbers from the stream, so
// its results are unchanged; with one, each block draws its paths' bases from its own stream, so the
// results stay the same whatever thread runs the block.
function startBlock(
  plan: KernelPlan,
  buf: KernelBuffers,
  sc: KernelScratch,
  b: number,
  start: number,
  len: number,
): void {
  const st = streamState(plan.seed, b, 'simulate');
  const slots = buf.out.length;
  const prev = buf.out[slots - 1]!;
  for (let k = 0; k < plan.K; k++) {
    const o = k * plan.paths + start;
    const m = plan.mu[k]!;
    if (m > 0) {
      fillNormal(st, buf.off, o, o + len);
      for (let i = o; i < o + len; i++) buf.off[i]! *= m;
    }
    prev.fill(plan.base[k]!, o, o + len);
    if (plan.hasDev) buf.dev.fill(0, o, o + len);
  }
  if (plan.baseDist !== 0) drawBases(plan, prev, sc.u, st, start, len);
  buf.state.set(st, 4 * b);
}

// Each path's base level from the base draw (inverse CDF of a uniform), scaling every sector's stated
// base by drawn total / stated total (with one series, the drawn level itself).
function drawBases(
  plan: KernelPlan,
  prev: Float64Array,
  u: Float64Array,
  st: Int32Array,
  start: number,
  len: number,
): void {
  fillUniform(st, u, 0, len);
  const a = plan.baseLo,
    c = plan.baseHi,
    m = plan.baseMode,
    w = c - a;
  const split = (m - a) / w;
  for (let i = 0; i < len; i++) {
    const x = u[i]!;
    u[i] =
      plan.baseDist === 1
        ? a + w * x
        : x < split
          ? a + Math.sqrt(x * w * (m - a))
          : c - Math.sqrt((1 - x) * w * (c - m));
  }
  for (let k = 0; k < plan.K; k++) {
    const o = k * plan.paths + start;
    const scale = plan.base[k]! / plan.baseTotal;
    if (plan.K === 1) for (let i = 0; i < len; i++) prev[o + i] = u[i]!;
    else for (let i = 0; i < len; i++) prev[o + i] = u[i]! * scale;
  }
}

/** Counts the paths of block b meeting level check j (on the analysed series, the last one). */
function countHits(
  plan: KernelPlan,
  buf: KernelBuffers,
  out: Float64Array,
  j: number,
  b: number,
  start: number,
  len: number,
): void {
  const { lo, hi } = plan.checks[j]!;
  const a = (plan.S - 1) * plan.paths + start;
  let h = 0;
  // Both comparisons on every value, no short cut: each gets type feedback in year 0 (see runBlock).
  for (let i = a; i < a + len; i++) h += +(out[i]! >= lo) & +(out[i]! <= hi);
  buf.hits[j * plan.nBlocks + b] = h;
}

// The common case (iid deviations) as a small function V8 optimises on its own:
// the same arithmetic as the general loop in runBlock.
function stepIid(
  prev: Float64Array,
  out: Float64Array,
  z: Float64Array,
  o: number,
  zo: number,
  len: number,
  f: number,
  v: number,
  cap: number,
  floor: number,
  c: number,
  sums: Float64Array,
): void {
  let s1 = 0,
    s2 = 0;
  for (let i = 0; i < len; i++) {
    let x = prev[o + i]! * f * expFast(v * z[zo + i]!);
    if (x > cap) x = cap;
    if (x < floor) x = floor;
    out[o + i] = x;
    const y = x - c;
    s1 += y;
    s2 += y * y;
  }
  sums[0] = s1;
  sums[1] = s2;
}

// exp(x) by table and polynomial, inlined by V8 (Math.exp is a call into C): x = k ln2 / 256 + r with k the
// nearest integer to 256 x / ln2 (Cody-Waite: ln2 / 256 split in a 32-bit head, so k * head is exact, and
// the rest), exp(x) = 2^(k >> 8) * 2^((k & 255) / 256) * exp(r), |r| <= ln2 / 512, exp(r) by its Taylor
// polynomial to r^4 (the next term is below 4e-17 relative). Within 2 ulp of exp; exactly 1 at 0, so a
// path without uncertainty stays on the deterministic path bit for bit. Outside |x| < 700 (and for NaN)
// it defers to Math.exp, so the results never leave the normal range by this route.
const EXP_T = new Float64Array(256);
for (let j = 0; j < 256; j++) EXP_T[j] = 2 ** (j / 256);
const EXP_P2 = new Float64Array(2047);
for (let e = -1023; e <= 1023; e++) EXP_P2[e + 1023] = 2 ** e;
const EXP_INV = 256 / Math.LN2;
// ln 2 = LN2_HI + LN2_LO (fdlibm's split: LN2_HI has 32 significant bits), divided by 256 exactly.
const EXP_HI = 0.6931471803691238 / 256;
const EXP_LO = 1.9082149292705877e-10 / 256;
const ROUND = 6755399441055744; // 1.5 * 2^52: adding and subtracting it rounds to the nearest integer

function expFast(x: number): number {
  if (!(x < 700 && x > -700)) return Math.exp(x);
  const kd = x * EXP_INV + ROUND - ROUND;
  const r = x - kd * EXP_HI - kd * EXP_LO;
  const k = kd | 0;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))));
  return EXP_T[k & 255]! * EXP_P2[(k >> 8) + 1023]! * p;
}
