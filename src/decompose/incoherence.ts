import { MetricsError } from '../errors.js';
import { argumentError, assertInRange, assertOptions, optionNames } from '../internal/assert.js';
import { checkPanel, sumColumn, assertPositiveTotal } from './internal/checkPanel.js';
import type { Panel } from './types.js';

/** One year of an {@link incoherence} report. */
export interface IncoherenceRow {
  readonly year: number;
  /** The stated total (the headline target). */
  readonly total: number;
  /** The sum of the sector figures. */
  readonly sumOfSectors: number;
  /** `total - sumOfSectors`, in the panel's unit: > 0 when the sectors fall short of the total. */
  readonly gap: number;
  /** `gap / total`, a fraction (0.05: the sectors miss 5% of the total). */
  readonly relativeGap: number;
  /** True when |relativeGap| <= the tolerance. */
  readonly coherent: boolean;
}

/** What {@link incoherence} returns. */
export interface IncoherenceReport {
  readonly rows: readonly IncoherenceRow[];
  /** True when every year is coherent. */
  readonly coherent: boolean;
  /** The row with the largest |relativeGap|. */
  readonly worst: IncoherenceRow;
}

/** Options of {@link incoherence}. */
export interface IncoherenceOptions {
  /** Largest |relativeGap| still called coherent; default 1e-9 (rounding only). */
  readonly tolerance?: number;
}

const INCOHERENCE_OPTIONS = optionNames<IncoherenceOptions>({ tolerance: true });

/**
 * How far sector figures (plan targets by sector, or sector projections) are from adding up to their
 * stated total, year by year, in units and as a fraction of the total. Nothing is adjusted; use
 * {@link reconcile} to make them coherent.
 * @param options.tolerance largest |relativeGap| still called coherent; default 1e-9 (rounding only)
 * @throws {MetricsError} invalid_argument for a malformed panel, a panel without a total, a total <= 0,
 *   or a negative tolerance; degenerate when the gap or the gap relative to the total overflows (a total of
 *   5e-324 under sectors of a normal size)
 * @example
 * incoherence({ unit: parseUnit('CNY trillion'), years: [2025], sectors: ['a', 'b'], values: [[1.2], [1.5]], total: [3] }).rows[0].relativeGap; // ≈ 0.1
 */
export function incoherence(p: Panel, options: IncoherenceOptions = {}): IncoherenceReport {
  const fn = 'incoherence';
  checkPanel(fn, p);
  assertOptions(fn, options, '{ tolerance: 0.001 }', INCOHERENCE_OPTIONS);
  const tolerance = options.tolerance ?? 1e-9;
  assertInRange(fn, 'tolerance', tolerance, { min: 0 });
  if (p.total === undefined) {
    throw argumentError(
      'invalid_argument',
      `${fn}: the panel has no stated total to compare the sectors with. Add a total row (id "total").`,
      'panel.total',
      'a stated total',
      undefined,
    );
  }
  const total = p.total;
  assertPositiveTotal(fn, p, total);
  const rows = p.years.map((year, t) => {
    const T = total[t] as number;
    const sumOfSectors = sumColumn(p, t);
    const gap = T - sumOfSectors;
    if (!Number.isFinite(gap)) {
      // Sector values near the largest double: their sum, or its gap to the total, is past it.
      throw new MetricsError(
        'degenerate',
        `${fn}: the gap between the total and the sum of the sectors in ${year} overflows (got total ${T}, sum of the sectors ${sumOfSectors}). Rescale the panel (e.g. to billions).`,
        { year, total: T, sumOfSectors },
      );
    }
    const relativeGap = gap / T;
    if (!Number.isFinite(relativeGap)) {
      // A total of a subnormal size (5e-324) under sectors of a normal size: the gap is more than the
      // largest double times the total. Not a relative gap anyone can read; most likely a unit error.
      throw new MetricsError(
        'degenerate',
        `${fn}: the gap in ${year} relative to the stated total overflows (got total ${T}, sum of the sectors ${sumOfSectors}). Check that the total and the sectors are in one unit.`,
        { year, total: T, sumOfSectors },
        [
          {
            path: ['panel', 'total', t],
            expected: 'a total the gap to the sum of the sectors is a finite multiple of',
            received: T,
            message: `the gap in ${year} relative to the stated total overflows`,
          },
        ],
      );
    }
    return { year, total: T, sumOfSectors, gap, relativeGap, coherent: Math.abs(relativeGap) <= tolerance };
  });
  const worst = rows.reduce((a, b) => (Math.abs(b.relativeGap) > Math.abs(a.relativeGap) ? b : a));
  return { rows, coherent: rows.every((r) => r.coherent), worst };
}
