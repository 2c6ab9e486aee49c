import { MetricsError } from '../errors.js';
import { assertFinite, argumentError } from '../internal/assert.js';
import { checkSectorGrowth, type SectorGrowth } from './internal/checkSectors.js';

export type { SectorGrowth } from './internal/checkSectors.js';

/** The largest |n log(1 + g)| the formula takes as written: e^700 is about 1e304, short of overflow. */
const MAX_EXPONENT = 700;

/**
 * The total's CAGR when each sector grows at its own constant rate from its base share:
 * the total's level after n years, relative to the base, is `Σ s_i (1 + g_i)^n`, so
 * `G = (Σ s_i (1 + g_i)^n)^(1/n) - 1`. G lies between the smallest and largest sector rate and drifts
 * towards the fastest-growing sector as n grows (the mix shifts to it). The base is the shares' sum (1
 * within 1e-9). Where a growth factor would overflow or underflow, or n is a fraction of a year, G is
 * computed in logs with the fastest sector's growth factored out: after 5e200 years it is the fastest
 * rate, not an error.
 * @param sectors base shares (summing to 1) and rates
 * @param years compounding periods, > 0
 * @throws {MetricsError} invalid_argument for shares outside [0, 1] or not summing to 1 (within 1e-9;
 *   never rescaled), rates <= -1, or years <= 0
 * @example
 * totalCagrFromSectors([{ id: 'a', share: 0.5, rate: 0 }, { id: 'b', share: 0.5, rate: 1 }], 1); // => 0.5
 */
export function totalCagrFromSectors(sectors: readonly SectorGrowth[], years: number): number {
  const fn = 'totalCagrFromSectors';
  checkSectorGrowth(fn, sectors);
  assertFinite(fn, { years });
  if (years <= 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: years must be > 0 (got ${years}). Pass toYear - fromYear.`,
      'years',
      '> 0',
      years,
      {
        years,
      },
    );
  }
  // The level is relative to the base total, the shares' sum (1 within 1e-9). Over an ordinary span, the
  // formula as written (exp(n log1p(g)) keeps small rates accurate); when a growth factor would overflow or
  // underflow (after 5e200 years the level was Infinity, reported as an error) or the span is a fraction of
  // a year (log(level) / n with a tiny n overflowed), the same in logs: Σ s_i (1 + g_i)^n = base e^(nA) R
  // with a_i = log1p(g_i), A the largest a_i of a sector with a share, R = Σ s_i e^(n (a_i - A)) / base in
  // (0, 1], and G = expm1(A + log(R) / n), between the smallest and largest rate whatever n.
  let A = Number.NEGATIVE_INFINITY;
  let base = 0;
  let far = false;
  for (const s of sectors) {
    base += s.share;
    if (!(s.share > 0)) continue;
    const a = Math.log1p(s.rate);
    A = Math.max(A, a);
    if (Math.abs(years * a) > MAX_EXPONENT) far = true;
  }
  let G: number;
  if (!far && years >= 1) {
    let level = 0;
    for (const s of sectors) level += s.share * Math.exp(years * Math.log1p(s.rate));
    G = Math.expm1(Math.log(level / base) / years);
  } else {
    // R - 1 = Σ s_i expm1(x_i) / base, terms of one sign (x_i <= 0): log1p of it keeps a tiny n accurate;
    // far below 1, log(R) from R itself.
    let below = 0;
    let R = 0;
    for (const s of sectors) {
      if (!(s.share > 0)) continue;
      const x = years * (Math.log1p(s.rate) - A);
      below += s.share * Math.expm1(x);
      R += s.share * Math.exp(x);
    }
    const logR = below / base > -0.5 ? Math.log1p(below / base) : Math.log(R / base);
    G = Math.expm1(A + logR / years);
  }
  if (!Number.isFinite(G)) {
    // Not reached: G lies between the sectors' rates. Kept so that no Infinity or NaN is ever returned.
    throw new MetricsError(
      'degenerate',
      `${fn}: the total's growth rate has no finite value (got years = ${years}). Check the sectors' rates.`,
      { years },
    );
  }
  return G;
}
