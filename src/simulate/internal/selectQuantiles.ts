// Internal: exact quantiles by selection (never a full sort), in place.
//
// Single rank: Floyd & Rivest (1975), "Algorithm 489: The algorithm SELECT—for finding the ith smallest of
// n elements", CACM 18(3): recursively select within a small sample-derived window around the rank, then
// partition the whole range around that element. About n + min(k, n - k) comparisons on average.
// Several ranks: select the middle rank, then the ranks left of it in the left part and the ranks right
// of it in the right part, so each level of the recursion works on disjoint sub-ranges.
// Quantile definition: R's type 7 (numpy's default 'linear'): h = (n - 1) p, Q = x(floor h) + (h -
// floor h) (x(floor h + 1) - x(floor h)) with 0-based order statistics x(.) (Hyndman & Fan 1996, def. 7).
// x(floor h + 1) is the smallest element between rank floor h and the next selected rank, found by a scan
// over those disjoint gaps (at most n elements in all).

/** Rearranges a[left..right] so that a[k] is the k-th smallest, smaller ones before it, larger after. */
export function selectRank(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Narrow to a window expected to hold the k-th smallest, selected recursively (Floyd-Rivest).
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i < n / 2 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      selectRank(a, newLeft, newRight, k);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

export function selectRanks(
  a: Float64Array,
  left: number,
  right: number,
  ranks: readonly number[],
  from: number,
  to: number,
): void {
  if (from >= to) return;
  const mid = (from + to) >>> 1;
  const k = ranks[mid]!;
  selectRank(a, left, right, k);
  selectRanks(a, left, k - 1, ranks, from, mid);
  selectRanks(a, k + 1, right, ranks, mid + 1, to);
}

/**
 * Type-7 quantiles of a[0..n) at the probabilities `probs` (each in [0, 1], any order), written to
 * `out` in the order of `probs`. May reorder a[0..n), unless `keep`. n >= 1.
 */
export function selectQuantiles(
  a: Float64Array,
  n: number,
  probs: readonly number[],
  out: Float64Array | number[],
  keep = false,
): void {
  if (n >= SAMPLED_MIN && probs.length > 0 && sampledQuantiles(a, n, probs, out)) return;
  if (keep) {
    // The caller's order matters: select on a copy (the sampled pass above only reads). Rare, so the
    // copy is not kept.
    fullSelectQuantiles(a.slice(0, n), n, probs, out);
    return;
  }
  fullSelectQuantiles(a, n, probs, out);
}

function fullSelectQuantiles(a: Float64Array, n: number, probs: readonly number[], out: Float64Array | number[]): void {
  const lows = probs.map((p) => Math.floor((n - 1) * p));
  const ranks = [...new Set(lows)].sort((x, y) => x - y); // a handful of integers, not the data
  selectRanks(a, 0, n - 1, ranks, 0, ranks.length);
  for (let q = 0; q < probs.length; q++) {
    const h = (n - 1) * probs[q]!;
    const lo = lows[q]!;
    const frac = h - lo;
    const xlo = a[lo]!;
    if (frac === 0 || lo + 1 >= n) {
      out[q] = xlo;
      continue;
    }
    // Everything in (lo, next selected rank] is >= a[lo]; the smallest of it is x(lo + 1).
    const idx = ranks.indexOf(lo);
    const end = idx + 1 < ranks.length ? ranks[idx + 1]! : n - 1;
    let xhi = a[lo + 1]!;
    for (let i = lo + 2; i <= end; i++) if (a[i]! < xhi) xhi = a[i]!;
    out[q] = xlo + frac * (xhi - xlo);
  }
}

// Large arrays: one branch-light pass instead of several partitioning passes. A strided sample of SAMPLE
// values gives, for each level, an interval [A, B] that holds the wanted order statistics with high
// probability (the sample rank +- 3 binomial sd, plus 4: a miss, for under 0.3% of levels, costs one
// full selection, which is cheaper overall than wider brackets every time). One pass counts the values below each interval and
// copies those inside to small buffers; the order statistics are then selected within the buffers. When a
// wanted rank falls outside its interval (a sampling miss) or a buffer overflows (many ties), the caller
// falls back to selection on the whole array, so the answer is exact either way; only the speed differs.
const SAMPLED_MIN = 1 << 16;
const SAMPLE = 1 << 15;

// Two reusable scratch arrays (the sample, the bracket buffers): a run asks for quantiles every year, and
// fresh megabyte arrays each time cost more in zeroing and garbage collection than the selection itself.
// Contents never outlive a call. Each worker thread has its own module instance.
const scratchArrays: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
function scratch(i: 0 | 1, n: number): Float64Array {
  if (scratchArrays[i]!.length < n) scratchArrays[i] = new Float64Array(Math.max(n, 2 * scratchArrays[i]!.length));
  return scratchArrays[i]!;
}

function sampledQuantiles(a: Float64Array, n: number, probs: readonly number[], out: Float64Array | number[]): boolean {
  const m = Math.min(SAMPLE, n >> 3);
  const sample = scratch(0, m);
  for (let i = 0; i < m; i++) sample[i] = a[Math.floor((i * n) / m)]!;
  const order = probs.map((_, i) => i).sort((x, y) => probs[x]! - probs[y]!); // a handful of levels
  const want: { lo: number; hi: number }[] = [];
  const sampleRanks = new Set<number>();
  for (const q of order) {
    const p = probs[q]!;
    const c = p * (m - 1);
    const d = Math.ceil(3 * Math.sqrt(m * p * (1 - p))) + 4;
    const lo = Math.floor(c) - d,
      hi = Math.ceil(c) + d;
    if (lo >= 0) sampleRanks.add(lo);
    if (hi < m) sampleRanks.add(hi);
    want.push({ lo, hi });
  }
  const ranks = [...sampleRanks].sort((x, y) => x - y);
  selectRanks(sample, 0, m - 1, ranks, 0, ranks.length);
  // Disjoint intervals [A_j, B_j] in increasing order (overlapping ones merged).
  const A: number[] = [],
    B: number[] = [],
    span: number[] = [];
  for (const { lo, hi } of want) {
    const a0 = lo >= 0 ? sample[lo]! : -Infinity;
    const b0 = hi < m ? sample[hi]! : Infinity;
    const j = A.length - 1;
    if (j >= 0 && a0 <= B[j]!) {
      B[j] = Math.max(B[j]!, b0);
      span[j]! += hi - lo;
    } else {
      A.push(a0);
      B.push(b0);
      span.push(hi - lo);
    }
  }
  const J = A.length;
  const piv = new Float64Array(2 * J);
  for (let j = 0; j < J; j++) {
    piv[2 * j] = A[j]!;
    piv[2 * j + 1] = B[j]!;
  }
  const { start, cap, total } = intervalBuffers(span, n, m);
  if (total > n) return false; // a wide interval: nothing to gain over plain selection
  const cand = scratch(1, total);
  const fill = new Int32Array(J);
  const count = new Int32Array(2 * J + 1);
  const P = 2 * J;
  const ok =
    P <= 10
      ? bucketPass5(a, n, piv, count, cand, start, cap, fill)
      : bucketPass(a, n, piv, count, cand, start, cap, fill);
  if (!ok) return false;
  return quantilesFromIntervals(probs, n, count, fill, start, cand, out);
}

/**
 * Where each interval's candidates go in one shared buffer: interval j holds up to `cap[j]` values from
 * `start[j]`. A capacity is twice the interval's expected share of `n` (it held `span[j]` of `m` sample
 * values) plus a margin of 4096, so an overflow, which sends the caller back to plain selection, is rare.
 */
export function intervalBuffers(
  span: readonly number[],
  n: number,
  m: number,
): { start: number[]; cap: number[]; total: number } {
  const start: number[] = [],
    cap: number[] = [];
  let total = 0;
  for (const s of span) {
    start.push(total);
    const c = Math.min(n, Math.ceil((2 * s * n) / m) + 4096);
    cap.push(c);
    total += c;
  }
  return { start, cap, total };
}

/**
 * The last step of an interval pass: `count[2j]` values fell below interval j (above interval j - 1),
 * `count[2j + 1]` inside it, and the values inside interval j sit in `cand[start[j] .. start[j] + fill[j])`.
 * Writes the type-7 quantile of each level of `probs` (over `n` values) to `out` and returns true, or
 * returns false when a wanted rank lies outside every interval. Reorders the candidate buffers.
 */
export function quantilesFromIntervals(
  probs: readonly number[],
  n: number,
  count: Int32Array,
  fill: Int32Array,
  start: readonly number[],
  cand: Float64Array,
  out: number[] | Float64Array,
): boolean {
  const J = fill.length;
  const below: number[] = [];
  let acc = 0;
  for (let j = 0; j < J; j++) {
    acc += count[2 * j]!;
    below.push(acc);
    acc += count[2 * j + 1]!;
  }
  const where = (r: number): number => {
    for (let j = 0; j < J; j++) if (r >= below[j]! && r < below[j]! + fill[j]!) return j;
    return -1;
  };
  const local: number[][] = below.map(() => []);
  const need: { q: number; lo: number; frac: number; j: number }[] = [];
  for (let q = 0; q < probs.length; q++) {
    const h = (n - 1) * probs[q]!;
    const lo = Math.floor(h);
    const frac = h - lo;
    const j = where(lo);
    if (j < 0) return false;
    if (frac > 0 && lo + 1 < n && where(lo + 1) !== j) return false;
    local[j]!.push(lo - below[j]!);
    if (frac > 0 && lo + 1 < n) local[j]!.push(lo + 1 - below[j]!);
    need.push({ q, lo, frac, j });
  }
  for (let j = 0; j < J; j++) {
    const rs = [...new Set(local[j]!)].sort((x, y) => x - y);
    if (rs.length > 0) selectRanks(cand.subarray(start[j]!, start[j]! + fill[j]!), 0, fill[j]! - 1, rs, 0, rs.length);
  }
  for (const { q, lo, frac, j } of need) {
    const base = start[j]! - below[j]!;
    const xlo = cand[base + lo]!;
    out[q] = frac > 0 && lo + 1 < n ? xlo + frac * (cand[base + lo + 1]! - xlo) : xlo;
  }
  return true;
}

// The counting pass: k = the number of interval ends at or below x, so x is inside interval j exactly
// when k = 2j + 1; inside values are copied to their interval's buffer. Returns false on overflow.
// Up to five intervals: straight-line compares on locals (branch-free, about 3 ns a value).
function bucketPass5(
  a: Float64Array,
  n: number,
  piv: Float64Array,
  count: Int32Array,
  cand: Float64Array,
  start: readonly number[],
  cap: readonly number[],
  fill: Int32Array,
): boolean {
  const P = piv.length;
  const a0 = P > 0 ? piv[0]! : Infinity,
    b0 = P > 1 ? piv[1]! : Infinity;
  const a1 = P > 2 ? piv[2]! : Infinity,
    b1 = P > 3 ? piv[3]! : Infinity;
  const a2 = P > 4 ? piv[4]! : Infinity,
    b2 = P > 5 ? piv[5]! : Infinity;
  const a3 = P > 6 ? piv[6]! : Infinity,
    b3 = P > 7 ? piv[7]! : Infinity;
  const a4 = P > 8 ? piv[8]! : Infinity,
    b4 = P > 9 ? piv[9]! : Infinity;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const k =
      +(x >= a0) +
      +(x > b0) +
      +(x >= a1) +
      +(x > b1) +
      +(x >= a2) +
      +(x > b2) +
      +(x >= a3) +
      +(x > b3) +
      +(x >= a4) +
      +(x > b4);
    count[k]!++;
    if (k & 1) {
      const j = k >> 1;
      const f = fill[j]!;
      if (f === cap[j]) return false;
      cand[start[j]! + f] = x;
      fill[j] = f + 1;
    }
  }
  return true;
}

function bucketPass(
  a: Float64Array,
  n: number,
  piv: Float64Array,
  count: Int32Array,
  cand: Float64Array,
  start: readonly number[],
  cap: readonly number[],
  fill: Int32Array,
): boolean {
  const P = piv.length;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    let k = 0;
    for (let r = 0; r < P; r += 2) k += +(x >= piv[r]!) + +(x > piv[r + 1]!);
    count[k]!++;
    if (k & 1) {
      const j = k >> 1;
      const f = fill[j]!;
      if (f === cap[j]) return false;
      cand[start[j]! + f] = x;
      fill[j] = f + 1;
    }
  }
  return true;
}
