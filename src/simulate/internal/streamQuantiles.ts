import { intervalBuffers, quantilesFromIntervals } from './selectQuantiles.js';

// Internal: exact type-7 quantiles of a year counted while the year is being simulated (the single-thread
// engine), instead of a separate counting pass over the finished year.
//
// The paths are exchangeable (every block has its own independent stream), so the first m paths of a
// year are a random sample of it. From that prefix, each quantile level gets an interval that holds the
// wanted order statistics with high probability (sample rank +- 3 binomial sd, plus 4, as in the
// sampled selection of selectQuantiles.ts), widened to the cells of a grid on the high 32 bits of the
// doubles (sign, exponent and 20 mantissa bits: for positive values a monotone, log-like scale) that
// spans the prefix's range. The prefix's cell counts give the cell of each sample rank directly (no
// selection in the prefix), and a value's interval is one table look-up instead of ten comparisons.
// Whatever the intervals, the result is exact (they only decide how much work is done). Each block is
// classified right after it is simulated, while it is in cache, in two passes: the first counts every
// value in its grid cell (a 16 KiB histogram, so consecutive values rarely wait on the same counter) and
// lists the few inside an interval (about 6% for five levels) without a branch; the second copies
// those to small per-interval buffers. At the end of the year the cell counts give the values below each
// interval and the order statistics are selected within the buffers. If a wanted rank falls outside
// its interval (a sampling miss) or a buffer overflows (many ties), `finish` says so and the caller uses
// the exact selection on the whole year; the result is the same exact order statistic either way.
//
// On worker threads each worker counts the blocks it ran into its own instance (all of them `begin` on
// the same prefix, so they share the grid), hands over a `partial`, and one instance `merge`s them.

/** Grid cells between the prefix's smallest and largest value; cell 0 is below them, GRID + 1 above. */
const GRID = 4096;
const CELLS = GRID + 2;
/** Values classified per first pass (the list of those inside an interval holds at most this many). */
const SUB = 1024;
/** Index of the high 32-bit word of a double in an Int32Array view (the platform's byte order). */
const HI = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

/** What one thread counted of a year: per grid cell, and the values inside each interval. */
export interface StreamPartial {
  /** The grid it counted on (a check that every thread began on the same prefix). */
  readonly hi0: number;
  readonly shift: number;
  readonly cells: Int32Array;
  /** Values inside interval j: `fill[j]` of them, after those of intervals before j in `cand`. */
  readonly fill: Int32Array;
  readonly cand: Float64Array;
}

/** Streaming bracket selection for one series: `begin` on the prefix, `add` on every block, `finish`. */
export class StreamQuantiles {
  private active = false;
  private hi0 = 0;
  private shift = 0;
  private J = 0;
  /** Class of each cell: 2j below interval j (above interval j - 1), 2j + 1 inside interval j. */
  private readonly table = new Uint8Array(CELLS);
  private readonly cells = new Int32Array(CELLS);
  private fill = new Int32Array(0);
  private start: number[] = [];
  private cap: number[] = [];
  private cand = new Float64Array(0);
  private readonly inside = new Int32Array(SUB);

  constructor(
    private readonly probs: readonly number[],
    private readonly n: number,
  ) {}

  /**
   * Sets the intervals from a[0..m), the first m values of the year (all of them passed to `add` as
   * well), and clears the counts. Leaves the instance inactive (so `finish` returns false) when the
   * sample gives no usable grid: values not all positive, or intervals too wide to gain anything.
   */
  begin(a: Float64Array, m: number): void {
    this.active = false;
    const { probs, n } = this;
    // The grid spans the prefix's range; it needs positive values (monotone high words).
    let x0 = Infinity,
      x1 = -Infinity;
    for (let i = 0; i < m; i++) {
      const x = a[i]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (Number.isNaN(x)) return;
    }
    if (!(x0 > 0 && x1 < Infinity && x0 <= x1)) return;
    const hi0 = hiWord(x0);
    const range = hiWord(x1) - hi0;
    let shift = 0;
    while (range >> shift >= GRID) shift++;
    this.hi0 = hi0;
    this.shift = shift;
    // The prefix's values per cell, then cumulative: below[c] = values in cells before c. The cell of
    // the prefix's r-th smallest value is the last c with below[c] <= r (cells are monotone in the value),
    // found without selecting anything.
    const below = new Int32Array(CELLS + 1);
    const words = new Int32Array(a.buffer, a.byteOffset, 2 * m);
    for (let i = 0; i < m; i++) below[((words[2 * i + HI]! - hi0) >> shift) + 2]!++; // cells 1 .. GRID, counted at c + 1
    for (let c = 1; c < CELLS + 1; c++) below[c]! += below[c - 1]!;
    const cellOf = (r: number): number => {
      let lo = 1,
        hi = GRID; // below[lo] <= r < below[hi + 1]
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (below[mid]! <= r) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const order = probs.map((_, i) => i).sort((x, y) => probs[x]! - probs[y]!); // a handful of levels
    const want: { c0: number; c1: number; span: number }[] = [];
    for (const q of order) {
      const p = probs[q]!;
      const c = p * (m - 1);
      const d = Math.ceil(3 * Math.sqrt(m * p * (1 - p))) + 4;
      const lo = Math.floor(c) - d,
        hi = Math.ceil(c) + d;
      want.push({ c0: lo >= 0 ? cellOf(lo) : 0, c1: hi < m ? cellOf(hi) : GRID + 1, span: hi - lo });
    }
    // Intervals as cell ranges [ia, ib], overlapping ones merged.
    const ia: number[] = [],
      ib: number[] = [],
      span: number[] = [];
    for (const { c0, c1, span: w } of want) {
      const j = ia.length - 1;
      if (j >= 0 && c0 <= ib[j]!) {
        ib[j] = Math.max(ib[j]!, c1);
        span[j]! += w;
      } else {
        ia.push(c0);
        ib.push(c1);
        span.push(w);
      }
    }
    const J = ia.length;
    const { start, cap, total } = intervalBuffers(span, n, m);
    if (total > n) return; // a wide interval: nothing to gain over plain selection
    const table = this.table;
    let j = 0;
    for (let c = 0; c < CELLS; c++) {
      while (j < J && c > ib[j]!) j++;
      table[c] = j < J && c >= ia[j]! ? 2 * j + 1 : 2 * j;
    }
    if (this.cand.length < total) this.cand = new Float64Array(Math.max(total, 2 * this.cand.length));
    this.cells.fill(0);
    this.fill = new Int32Array(J);
    this.start = start;
    this.cap = cap;
    this.J = J;
    this.active = true;
  }

  /** Classifies a[from..to): `words` is an Int32Array view of a's memory (same offset). */
  add(words: Int32Array, a: Float64Array, from: number, to: number): void {
    for (let s = from; s < to && this.active; s += SUB) this.active = this.addSub(words, a, s, Math.min(to, s + SUB));
  }

  /** At most SUB values; false on an overflow (many ties: the caller selects on the whole year). */
  private addSub(words: Int32Array, a: Float64Array, from: number, to: number): boolean {
    const { table, cells, inside, hi0, shift } = this;
    let m = 0;
    for (let i = from; i < to; i++) {
      const d = words[2 * i + HI]! - hi0;
      const q = d >> shift;
      const c = d < 0 ? 0 : q >= GRID ? GRID + 1 : q + 1;
      cells[c]!++;
      inside[m] = i; // kept only when the value is inside an interval (odd class)
      m += table[c]! & 1;
    }
    const { fill, cand, start, cap } = this;
    for (let r = 0; r < m; r++) {
      const i = inside[r]!;
      const d = words[2 * i + HI]! - hi0;
      const j = table[(d >> shift) + 1]! >> 1; // inside an interval: d >= 0 and within the grid
      const f = fill[j]!;
      if (f === cap[j]) return false;
      cand[start[j]! + f] = a[i]!;
      fill[j] = f + 1;
    }
    return true;
  }

  /** What this instance counted since `begin`, for `merge` in another; null when inactive. */
  partial(): StreamPartial | null {
    if (!this.active) return null;
    const { fill, start } = this;
    let total = 0;
    for (let j = 0; j < this.J; j++) total += fill[j]!;
    const cand = new Float64Array(total);
    let at = 0;
    for (let j = 0; j < this.J; j++) {
      cand.set(this.cand.subarray(start[j]!, start[j]! + fill[j]!), at);
      at += fill[j]!;
    }
    return { hi0: this.hi0, shift: this.shift, cells: this.cells.slice(), fill: fill.slice(), cand };
  }

  /**
   * Adds another instance's counts (begun on the same prefix). A null partial (that thread found the grid
   * unusable or overflowed), a different grid or an overflow here makes this instance inactive.
   */
  merge(p: StreamPartial | null): void {
    if (!this.active) return;
    if (p === null || p.hi0 !== this.hi0 || p.shift !== this.shift || p.fill.length !== this.J) {
      this.active = false;
      return;
    }
    for (let c = 0; c < CELLS; c++) this.cells[c]! += p.cells[c]!;
    let at = 0;
    for (let j = 0; j < this.J; j++) {
      const k = p.fill[j]!,
        f = this.fill[j]!;
      if (f + k > this.cap[j]!) {
        this.active = false;
        return;
      }
      this.cand.set(p.cand.subarray(at, at + k), this.start[j]! + f);
      this.fill[j] = f + k;
      at += k;
    }
  }

  /**
   * Writes the type-7 quantiles (in the order of `probs`) to `out` and returns true, or returns false
   * when a wanted rank is outside the intervals (then `out` is untouched in part).
   */
  finish(out: number[]): boolean {
    if (!this.active) return false;
    this.active = false;
    const count = new Int32Array(2 * this.J + 1);
    for (let c = 0; c < CELLS; c++) count[this.table[c]!]! += this.cells[c]!;
    return quantilesFromIntervals(this.probs, this.n, count, this.fill, this.start, this.cand, out);
  }
}

const probe = new Float64Array(1);
const probeWords = new Int32Array(probe.buffer);
function hiWord(x: number): number {
  probe[0] = x;
  return probeWords[HI]!;
}
