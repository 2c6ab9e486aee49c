import { MetricsError } from '../../errors.js';
import { argumentError, assertFinite } from '../../internal/assert.js';
import { finiteResult } from '../internal/accuracyCheck.js';

/** The two errors OWA combines, each averaged over a dataset. */
export interface OwaInput {
  /** Mean sMAPE (percent). */
  readonly smape: number;
  /** Mean MASE. */
  readonly mase: number;
}

/**
 * Overall weighted average (M4 competition): (sMAPE / sMAPE_naive + MASE / MASE_naive) / 2, where both
 * errors are dataset means and `naive` is the benchmark's (Naive2; for yearly data the plain naive
 * forecast). Below 1 beats the benchmark.
 * @param errors the method's mean sMAPE and mean MASE
 * @param naive the benchmark's mean sMAPE and mean MASE on the same series
 * @throws {MetricsError} degenerate when a benchmark error is 0 (every naive forecast exact);
 *   invalid_argument for negative errors; non_finite for NaN/±Infinity
 * @example
 * owa({ smape: 16.790, mase: 2.632 }, { smape: 17.880, mase: 3.172 }); // ≈ 0.8844 (R's rwf drift on M3 yearly, from its rounded sMAPE and MASE)
 */
export function owa(errors: OwaInput, naive: OwaInput): number {
  assertFinite('owa', { smape: errors?.smape, mase: errors?.mase, naiveSmape: naive?.smape, naiveMase: naive?.mase });
  for (const [name, v] of [
    ['smape', errors.smape],
    ['mase', errors.mase],
    ['naive.smape', naive.smape],
    ['naive.mase', naive.mase],
  ] as const) {
    if (v < 0)
      throw argumentError(
        'invalid_argument',
        `owa: ${name} must be >= 0 (got ${v}). Pass mean errors, which are never negative.`,
        `${name}`,
        '>= 0',
        v,
        { [name]: v },
      );
  }
  if (naive.smape === 0 || naive.mase === 0) {
    throw new MetricsError(
      'degenerate',
      `owa: the naive benchmark's ${naive.smape === 0 ? 'sMAPE' : 'MASE'} is 0, so relative errors are undefined (got 0). OWA needs a benchmark that makes some error.`,
      { naive },
    );
  }
  return finiteResult('owa', (errors.smape / naive.smape + errors.mase / naive.mase) / 2);
}
