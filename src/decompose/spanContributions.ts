import { MetricsError } from '../errors.js';
import { argumentError, assertOneOf, assertOptions, optionNames } from '../internal/assert.js';
import {
  checkPanel,
  totalOf,
  sumColumn,
  assertPositiveTotal,
  yearIndex,
  overflowed as shown,
} from './internal/checkPanel.js';
import { logMean, logRatio, expm1OverX } from './internal/logMean.js';
import { RESIDUAL_SECTOR, TOTAL_SECTOR, type DecompositionRow, type Panel } from './types.js';

/**
 * How {@link spanContributions} splits a multi-year change among sectors.
 * - `simple`: end against start only; each sector gets its share of the total change, `Δx_i / ΔT`.
 * - `chained`: year by year; each period's change is weighted by that period's log growth, so growth
 *   from a small base early in the span counts for more than the same change late in the span.
 */
export const SpanMethod = Object.freeze({ simple: 'simple', chained: 'chained' } as const);
export type SpanMethod = keyof typeof SpanMethod;

/** Options of {@link spanContributions}. */
export interface SpanContributionsOptions {
  /** First year of the span; default the panel's first year. */
  readonly fromYear?: number;
  /** Last year of the span; default the panel's last year. */
  readonly toYear?: number;
  /** Default `simple`. */
  readonly method?: SpanMethod;
}

const SPAN_CONTRIBUTIONS_OPTIONS = optionNames<SpanContributionsOptions>({
  fromYear: true,
  toYear: true,
  method: true,
});

/** What {@link spanContributions} returns. Every contribution vector adds up to its total. */
export interface SpanContributions {
  readonly method: SpanMethod;
  readonly fromYear: number;
  readonly toYear: number;
  /** Sectors, plus `(residual)` at the end when the panel states a total. */
  readonly sectors: readonly string[];
  /** Cumulative growth of the total, `T1/T0 - 1`. */
  readonly growth: number;
  /** Log growth of the total, `ln(T1/T0)`. */
  readonly logGrowth: number;
  /** CAGR of the total, `(T1/T0)^(1/n) - 1`, n = toYear - fromYear. */
  readonly cagr: number;
  /** Contributions to `growth` (fractions of the base-year total). */
  readonly contribution: readonly number[];
  /** Contributions to `logGrowth`. */
  readonly logContribution: readonly number[];
  /** Contributions to `cagr`: a sector's part of the average yearly growth. */
  readonly cagrContribution: readonly number[];
  /** Tidy rows in `toYear`: the three contributions per sector, and growth, logGrowth, cagr of `total`. */
  readonly rows: readonly DecompositionRow[];
}

/**
 * Sector contributions over a multi-year span, in three additive forms that each sum exactly to the
 * total's figure: to cumulative growth `T1/T0 - 1`, to log growth `ln(T1/T0)`, and to the CAGR.
 *
 * `simple` (end vs start): with `a_i = x_i(T1) - x_i(T0)`,
 *   contribution `a_i / T0`, log contribution `a_i / L(T1, T0)` where `L(a, b) = (a - b) / ln(a/b)` is the
 *   logarithmic mean, which equals `w_i ln(x_i(T1)/x_i(T0))` with `w_i = L(x_i1, x_i0) / L(T1, T0)`
 *   (LMDI/Sato-Vartia-type log-change weights); CAGR contribution `a_i / T0 · cagr / growth`.
 *   All three split the change in proportion to `a_i`: the shares of growth. Use it when only the two
 *   end years matter or are known (plan start and target year).
 * `chained`: the log contribution is the sum over periods of `Δx_i / L(T[t], T[t-1])`; it adds up to
 *   `ln(T1/T0)` because each period's terms add up to that period's log growth. Contributions to
 *   growth and CAGR rescale it by `growth / logGrowth` and `cagr / logGrowth`. Use it when the mix moved
 *   during the span and the path matters: a sector that grew early, from a small total, gets more.
 *   It needs every year in between that the panel has (gaps become single periods).
 * With a stated total, the residual (total minus the sum of sectors) is a pseudo-sector `(residual)`.
 * When the total did not change, the ratios take their limits (cagr/growth → 1/n).
 * @throws {MetricsError} invalid_argument for a malformed panel, fromYear >= toYear, an unknown method,
 *   or a total <= 0 in a year of the span; not_found when a year is not in the panel
 * @example
 * const p = { unit: parseUnit('CNY billion'), years: [2020, 2022], sectors: ['a', 'b'], values: [[50, 100], [50, 44]] };
 * spanContributions(p).cagrContribution; // ≈ [0.22727, -0.02727] (they sum to 1.44^(1/2) - 1 = 0.2)
 */
export function spanContributions(p: Panel, options: SpanContributionsOptions = {}): SpanContributions {
  const fn = 'spanContributions';
  checkPanel(fn, p);
  assertOptions(fn, options, "{ fromYear, toYear, method: 'simple' }", SPAN_CONTRIBUTIONS_OPTIONS);
  const method = options.method ?? 'simple';
  assertOneOf(fn, 'method', method, SpanMethod);
  const fromYear = options.fromYear ?? (p.years[0] as number);
  const toYear = options.toYear ?? (p.years[p.years.length - 1] as number);
  const t0 = yearIndex(fn, p, fromYear, 'fromYear');
  const t1 = yearIndex(fn, p, toYear, 'toYear');
  if (t1 <= t0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: fromYear must come before toYear (got ${fromYear} -> ${toYear}).`,
      'options.toYear',
      `> fromYear (${fromYear})`,
      toYear,
      { fromYear, toYear },
    );
  }
  const total = totalOf(p);
  const span = p.years.map((_, t) => t).filter((t) => t >= t0 && t <= t1);
  assertPositiveTotal(fn, p, total, span);
  const rowsOf =
    p.total !== undefined ? [...p.values, p.years.map((_, t) => (total[t] as number) - sumColumn(p, t))] : p.values;
  const names = p.total !== undefined ? [...p.sectors, RESIDUAL_SECTOR] : [...p.sectors];
  const T0 = total[t0] as number;
  const T1 = total[t1] as number;
  const n = toYear - fromYear;
  const growth = (T1 - T0) / T0;
  const logGrowth = logRatio(T1, T0);
  const cagr = Math.expm1(logGrowth / n);
  let contribution: number[];
  let logContribution: number[];
  let cagrContribution: number[];
  if (method === 'simple') {
    const L = logMean(T1, T0);
    // cagr / growth = (expm1(l/n) / (l/n)) * (1/n) * (l / growth), each factor with its limit at 0.
    const cagrOverGrowth = (expm1OverX(logGrowth / n) / n) * (growth === 0 ? 1 : logGrowth / growth);
    contribution = rowsOf.map((r) => ((r[t1] as number) - (r[t0] as number)) / T0);
    logContribution = rowsOf.map((r) => ((r[t1] as number) - (r[t0] as number)) / L);
    cagrContribution = contribution.map((c) => c * cagrOverGrowth);
  } else {
    logContribution = rowsOf.map((r) => {
      let s = 0;
      for (let k = 1; k < span.length; k++) {
        const a = span[k - 1] as number;
        const b = span[k] as number;
        s += ((r[b] as number) - (r[a] as number)) / logMean(total[b] as number, total[a] as number);
      }
      return s;
    });
    const growthOverLog = expm1OverX(logGrowth);
    const cagrOverLog = expm1OverX(logGrowth / n) / n;
    contribution = logContribution.map((c) => c * growthOverLog);
    cagrContribution = logContribution.map((c) => c * cagrOverLog);
  }
  const rows: DecompositionRow[] = [];
  names.forEach((sector, i) => {
    rows.push({ sector, year: toYear, value: contribution[i] as number, measure: 'contribution' });
    rows.push({ sector, year: toYear, value: logContribution[i] as number, measure: 'logContribution' });
    rows.push({ sector, year: toYear, value: cagrContribution[i] as number, measure: 'cagrContribution' });
  });
  rows.push({ sector: TOTAL_SECTOR, year: toYear, value: growth, measure: 'growth' });
  rows.push({ sector: TOTAL_SECTOR, year: toYear, value: logGrowth, measure: 'logGrowth' });
  rows.push({ sector: TOTAL_SECTOR, year: toYear, value: cagr, measure: 'cagr' });
  // Levels near the largest double overflow in the differences: say so rather than return ±Infinity.
  const overflowed = rows.find((r) => !Number.isFinite(r.value));
  if (overflowed !== undefined) {
    throw new MetricsError(
      'degenerate',
      `${fn}: the ${overflowed.measure} of "${overflowed.sector}" in ${overflowed.year} overflows (got ${shown(overflowed.value)}). Rescale the panel (e.g. to billions).`,
      { sector: overflowed.sector, year: overflowed.year },
    );
  }
  return {
    method,
    fromYear,
    toYear,
    sectors: names,
    growth,
    logGrowth,
    cagr,
    contribution,
    logContribution,
    cagrContribution,
    rows,
  };
}
