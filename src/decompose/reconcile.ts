import { MetricsError } from '../errors.js';
import { assertOneOf, assertOptions, optionNames, show, argumentError } from '../internal/assert.js';
import { checkPanel, overflowed, sumColumn } from './internal/checkPanel.js';
import { isPositiveDefinite } from './internal/cholesky.js';
import { TOTAL_SECTOR, type DecompositionRow, type Panel } from './types.js';

/**
 * Ways to make sector forecasts (or targets) and a total forecast add up, year by year, in a
 * two-level hierarchy (total = sum of sectors):
 * - `bottomUp`: keep the sectors, total = their sum.
 * - `topDown`: keep the total, split it by fixed `proportions` (e.g. {@link historicalProportions}).
 * - `proportional`: keep the total, scale every sector by `total / Σ sectors` (top-down with the
 *   forecasts' own proportions, Athanasopoulos, Ahmed & Hyndman 2009).
 * - `ols`: optimal reconciliation with identity weights (Hyndman, Ahmed, Athanasopoulos & Shang 2011):
 *   every forecast moves by the same amount, total and sectors alike.
 * - `wlsStructural`: weights from the structure, `W = diag(m, 1, …, 1)` for m sectors (Athanasopoulos,
 *   Hyndman, Kourentzes & Petropoulos 2017): the total, which aggregates m series, is trusted less.
 * - `wls`: diagonal `weights` given (error variances: total first, then the sectors).
 * - `mint`: a full error covariance matrix `covariance` given (Wickramasuriya, Athanasopoulos & Hyndman
 *   2019, "Optimal forecast reconciliation for hierarchical and grouped time series through trace
 *   minimization", JASA 114: 804-819).
 */
export const ReconcileMethod = Object.freeze({
  bottomUp: 'bottomUp',
  topDown: 'topDown',
  proportional: 'proportional',
  ols: 'ols',
  wlsStructural: 'wlsStructural',
  wls: 'wls',
  mint: 'mint',
} as const);
export type ReconcileMethod = keyof typeof ReconcileMethod;

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  readonly method: ReconcileMethod;
  /** `topDown`: one proportion per sector, summing to 1. */
  readonly proportions?: readonly number[];
  /** `wls`: error variances (> 0), total first, then one per sector. */
  readonly weights?: readonly number[];
  /** `mint`: symmetric positive definite (m+1) x (m+1) error covariance, total first. */
  readonly covariance?: readonly (readonly number[])[];
}

const RECONCILE_OPTIONS = optionNames<ReconcileOptions>({
  method: true,
  proportions: true,
  weights: true,
  covariance: true,
});

/** What {@link reconcile} returns. */
export interface Reconciliation {
  readonly method: ReconcileMethod;
  /** The coherent panel: reconciled sectors, and `total` equal to their sum. */
  readonly panel: Panel;
  /** Reconciled minus base forecast, per sector and year. */
  readonly adjustment: readonly (readonly number[])[];
  /** Reconciled minus base total per year (0 for top-down methods). */
  readonly totalAdjustment: readonly number[];
  /** Sector-years that came out negative (possible with ols, wls, mint and topDown of a negative total). */
  readonly negative: readonly { readonly sector: string; readonly year: number; readonly value: number }[];
  /** Tidy rows: `level` per sector and year, `total` per year. */
  readonly rows: readonly DecompositionRow[];
}

const c = (w: readonly number[], i: number): number => w[i] as number;

/**
 * Reconciles base forecasts of a total and its sectors so that they add up in every year, by one of the
 * {@link ReconcileMethod}s. For the optimal methods (ols, wlsStructural, wls, mint) the reconciled vector
 * is the generalised least-squares projection `ỹ = S (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ ŷ` with `S = [1ᵀ; I]`. With one
 * constraint (`total - Σ sectors = 0`, i.e. `cᵀy = 0` for `c = (1, -1, …, -1)`) this has the closed form
 * `ỹ = ŷ - W c (cᵀ ŷ) / (cᵀ W c)`: the incoherence `d = ŷ_total - Σ ŷ_i` is spread in proportion to
 * `W c`. For diagonal W: sector i gains `w_i d / (w_0 + Σ w_j)` and the total loses `w_0 d / (w_0 + Σ w_j)`.
 * Coherent input comes back unchanged (d = 0). The reconciled total is set to the sum of the reconciled
 * sectors, so the output is coherent to the last bit.
 * @throws {MetricsError} invalid_argument for a malformed panel, a missing total (except bottomUp), an
 *   unknown method, proportions that are not >= 0 or do not sum to 1, weights that are not > 0, a
 *   covariance that is not symmetric positive definite, or sectors summing to <= 0 for `proportional`;
 *   degenerate when a reconciled value, the total or an adjustment overflows (levels near 1e308)
 * @example
 * const p = { unit: parseUnit('CNY billion'), years: [2025], sectors: ['a', 'b'], values: [[40], [50]], total: [100] };
 * reconcile(p, { method: 'ols' }).panel.values; // => [[43.333333333333336], [53.333333333333336]] (d = 10 split in thirds)
 */
export function reconcile(p: Panel, options: ReconcileOptions): Reconciliation {
  const fn = 'reconcile';
  checkPanel(fn, p);
  assertOptions(fn, options, "{ method: 'ols' }", RECONCILE_OPTIONS);
  const method = options.method;
  assertOneOf(fn, 'method', method, ReconcileMethod);
  const m = p.sectors.length;
  if (method !== 'bottomUp' && p.total === undefined) {
    throw argumentError(
      'invalid_argument',
      `${fn}: method "${method}" needs a total forecast in the panel (got none). Add the total, or use bottomUp.`,
      'panel.total',
      'a total forecast',
      undefined,
    );
  }
  const base = p.total ?? p.years.map((_, t) => sumColumn(p, t));
  // Per-year map from base vector [total, ...sectors] to reconciled sectors.
  let step: (yhat: readonly number[], year: number) => number[];
  switch (method) {
    case 'bottomUp':
      step = (y) => y.slice(1);
      break;
    case 'topDown': {
      const props = options.proportions;
      if (
        !Array.isArray(props) ||
        props.length !== m ||
        props.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      ) {
        throw argumentError(
          'invalid_argument',
          `${fn}: topDown needs proportions, one number >= 0 per sector (${m}) (got ${show(props)}). See historicalProportions().`,
          'options.proportions',
          `one number >= 0 per sector (${m})`,
          props,
        );
      }
      const s = props.reduce((a, v) => a + v, 0);
      if (Math.abs(s - 1) > 1e-9) {
        throw argumentError(
          'invalid_argument',
          `${fn}: proportions must add up to 1 (got ${s}). They are not rescaled; fix them.`,
          'proportions',
          'proportions that add up to 1',
          s,
          { sum: s },
        );
      }
      step = (y) => props.map((q) => q * c(y, 0));
      break;
    }
    case 'proportional':
      step = (y, year) => {
        const s = y.slice(1).reduce((a, v) => a + v, 0);
        if (!(s > 0)) {
          throw argumentError(
            'invalid_argument',
            `${fn}: proportional scaling needs sectors that sum to > 0 (got ${s} in ${year}). Use ols or wls instead.`,
            'panel.values',
            `sectors that sum to > 0 in ${year}`,
            s,
            { year, sum: s },
          );
        }
        return y.slice(1).map((v) => (v * c(y, 0)) / s);
      };
      break;
    case 'ols':
    case 'wlsStructural':
    case 'wls': {
      let w: number[];
      if (method === 'ols') w = new Array<number>(m + 1).fill(1);
      else if (method === 'wlsStructural') w = [m, ...new Array<number>(m).fill(1)];
      else {
        const given = options.weights;
        if (
          !Array.isArray(given) ||
          given.length !== m + 1 ||
          given.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
        ) {
          throw argumentError(
            'invalid_argument',
            `${fn}: wls needs weights, ${m + 1} error variances > 0 (total first, then each sector) (got ${show(given)}).`,
            'options.weights',
            `${m + 1} error variances > 0 (total first, then each sector)`,
            given,
          );
        }
        w = [...given];
      }
      const wsum = w.reduce((a, v) => a + v, 0);
      step = (y) => {
        const d = c(y, 0) - y.slice(1).reduce((a, v) => a + v, 0);
        return y.slice(1).map((v, i) => v + (c(w, i + 1) * d) / wsum);
      };
      break;
    }
    case 'mint': {
      const W = options.covariance;
      const n = m + 1;
      if (
        !Array.isArray(W) ||
        W.length !== n ||
        W.some(
          (row) =>
            !Array.isArray(row) || row.length !== n || row.some((v) => typeof v !== 'number' || !Number.isFinite(v)),
        )
      ) {
        throw argumentError(
          'invalid_argument',
          `${fn}: mint needs covariance, a ${n} x ${n} matrix of finite numbers (total first) (got ${show(W)}).`,
          'options.covariance',
          `a ${n} x ${n} matrix of finite numbers (total first)`,
          W,
        );
      }
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < i; j++) {
          const a = (W[i] as number[])[j] as number;
          const b = (W[j] as number[])[i] as number;
          if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b), 1)) {
            throw argumentError(
              'invalid_argument',
              `${fn}: covariance must be symmetric (got ${a} at [${i}][${j}] and ${b} at [${j}][${i}]).`,
              ['options', 'covariance', j, i],
              `${a}, as at [${i}][${j}] (symmetric)`,
              b,
              { i, j },
            );
          }
        }
      }
      if (!isPositiveDefinite(W)) {
        throw argumentError(
          'invalid_argument',
          `${fn}: covariance must be positive definite. Shrink it towards its diagonal, or use wls with the variances.`,
          'options.covariance',
          'a positive definite matrix',
          W,
        );
      }
      const cvec = [1, ...new Array<number>(m).fill(-1)];
      const Wc = (W as readonly (readonly number[])[]).map((row) =>
        row.reduce((a: number, v: number, j: number) => a + v * c(cvec, j), 0),
      );
      const cWc = Wc.reduce((a, v, i) => a + v * c(cvec, i), 0);
      step = (y) => {
        const d = c(y, 0) - y.slice(1).reduce((a, v) => a + v, 0);
        return y.slice(1).map((v, i) => v - (c(Wc, i + 1) * d) / cWc);
      };
      break;
    }
  }
  const cols = p.years.map((year, t) => step([c(base, t), ...p.values.map((row) => row[t] as number)], year));
  const values = p.sectors.map((_, i) => p.years.map((_, t) => (cols[t] as number[])[i] as number));
  // Levels near the largest double overflow in the adjustments and sums: say so, naming what and when,
  // rather than return ±Infinity (the message said "reconciliation gave Infinity").
  const assertFiniteAll = (what: (i: number) => string, rows: readonly (readonly number[])[]): void =>
    rows.forEach((row, i) =>
      row.forEach((v, t) => {
        if (!Number.isFinite(v))
          throw new MetricsError(
            'degenerate',
            `${fn}: ${what(i)} in ${p.years[t]} overflows (got ${overflowed(v)}). Rescale the panel (e.g. to billions).`,
            { year: p.years[t] },
          );
      }),
    );
  assertFiniteAll((i) => `the reconciled value of "${p.sectors[i]}"`, values);
  const out: Panel = { unit: p.unit, years: p.years, sectors: p.sectors, values, total: [] };
  const total = p.years.map((_, t) => sumColumn(out, t));
  assertFiniteAll(() => 'the reconciled total', [total]);
  const panelOut: Panel = Object.freeze({ unit: p.unit, years: p.years, sectors: p.sectors, values, total });
  const adjustment = values.map((row, i) => row.map((v, t) => v - ((p.values[i] as readonly number[])[t] as number)));
  assertFiniteAll((i) => `the adjustment of "${p.sectors[i]}"`, adjustment);
  const totalAdjustment = total.map((v, t) => v - c(base, t));
  assertFiniteAll(() => "the total's adjustment", [totalAdjustment]);
  const negative: { sector: string; year: number; value: number }[] = [];
  const rows: DecompositionRow[] = [];
  p.sectors.forEach((sector, i) =>
    p.years.forEach((year, t) => {
      const value = (values[i] as number[])[t] as number;
      if (value < 0) negative.push({ sector, year, value });
      rows.push({ sector, year, value, measure: 'level' });
    }),
  );
  p.years.forEach((year, t) => rows.push({ sector: TOTAL_SECTOR, year, value: c(total, t), measure: 'total' }));
  return { method, panel: panelOut, adjustment, totalAdjustment, negative, rows };
}
