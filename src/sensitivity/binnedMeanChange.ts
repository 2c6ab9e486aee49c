import { MetricsError } from '../errors.js';
import {
  assertFiniteArray,
  assertInteger,
  show,
  argumentError,
  assertOptions,
  optionNames,
} from '../internal/assert.js';

/** Options of {@link binnedMeanChange}. */
export interface BinnedMeanChangeOptions {
  /** Draws of each input, by name; every array as long as `output`. */
  readonly inputs: Readonly<Record<string, readonly number[]>>;
  /** The output of each draw (draw i used inputs[name][i]). */
  readonly output: readonly number[];
  /** Number of quantile bins per input, >= 2 and <= the number of draws. Default 10 (deciles). */
  readonly bins?: number;
}

const BINNED_MEAN_CHANGE_OPTIONS = optionNames<BinnedMeanChangeOptions>({ inputs: true, output: true, bins: true });

/** One quantile bin of an input: its range, number of draws, mean output and that mean minus the overall mean. */
export interface MeanChangeBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  readonly mean: number;
  readonly change: number;
}

/** The bins of one input and `spread`, the largest change minus the smallest (what inputs are sorted by). */
export interface InputMeanChange {
  readonly input: string;
  readonly bins: readonly MeanChangeBin[];
  readonly spread: number;
}

/** What {@link binnedMeanChange} returns. */
export interface BinnedMeanChange {
  readonly overallMean: number;
  readonly inputs: readonly InputMeanChange[];
}

/**
 * Monte Carlo sensitivity by "change in output mean": for each input, its draws are split into quantile
 * bins of (nearly) equal count by rank, and each bin reports the mean output of its draws minus the
 * overall mean. Equal input values always share a bin (a bin can hold more than its share; bins left
 * empty are dropped), so a constant input gives one bin with change 0. Inputs are sorted by spread
 * (largest first, ties by name).
 * @throws {MetricsError} invalid_argument when there are fewer than 2 draws, an input's length differs
 *   from the output's, bins is not a whole number in [2, draws], or there are no inputs; non_finite for a
 *   NaN or ±Infinity draw (naming its index)
 * @example
 * binnedMeanChange({ inputs: { x: [1, 2, 3, 4] }, output: [10, 20, 30, 40], bins: 2 }).inputs[0].bins.map((b) => b.change); // => [-10, 10]
 */
export function binnedMeanChange(options: BinnedMeanChangeOptions): BinnedMeanChange {
  const fn = 'binnedMeanChange';
  assertOptions(fn, options, '{ inputs, output }', BINNED_MEAN_CHANGE_OPTIONS);
  const { inputs, output } = options;
  assertFiniteArray(fn, 'output', output);
  const n = output.length;
  if (n < 2) {
    throw argumentError(
      'invalid_argument',
      `${fn}: needs at least 2 draws (got ${n}). Run more Monte Carlo paths.`,
      'output',
      'at least 2 draws',
      n,
      { draws: n },
    );
  }
  const bins = options.bins ?? Math.min(10, n);
  assertInteger(fn, 'bins', bins);
  if (bins < 2 || bins > n) {
    throw argumentError(
      'invalid_argument',
      `${fn}: bins must be between 2 and the number of draws ${n} (got ${bins}).`,
      'bins',
      `between 2 and the number of draws ${n}`,
      bins,
      { bins },
    );
  }
  if (typeof inputs !== 'object' || inputs === null || Object.keys(inputs).length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: inputs must name at least one array of draws (got ${show(inputs)}).`,
      'inputs',
      'at least one array of draws',
      inputs,
    );
  }
  let total = 0;
  for (const v of output) total += v;
  const overallMean = total / n;
  if (!Number.isFinite(overallMean)) {
    throw new MetricsError('degenerate', `${fn}: the output's sum overflows (got ${total}). Rescale the output.`);
  }

  const result: InputMeanChange[] = Object.entries(inputs).map(([name, draws]) => {
    assertFiniteArray(fn, `inputs.${name}`, draws);
    if (draws.length !== n) {
      throw argumentError(
        'invalid_argument',
        `${fn}: inputs.${name} has ${draws.length} draws but output has ${n}. Pass one input value per output.`,
        `inputs.${name}`,
        `${n} draws, as many as output`,
        draws.length,
        { input: name },
      );
    }
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (draws[a] as number) - (draws[b] as number) || a - b,
    );
    const binOf = new Array<number>(n);
    let groupBin = 0;
    for (let j = 0; j < n; j++) {
      const v = draws[order[j] as number] as number;
      // A tie continues the previous draw's bin; otherwise the rank decides.
      if (j === 0 || v !== draws[order[j - 1] as number]) groupBin = Math.floor((j * bins) / n);
      binOf[j] = groupBin;
    }
    const acc = Array.from({ length: bins }, () => ({ lower: Infinity, upper: -Infinity, count: 0, sum: 0 }));
    for (let j = 0; j < n; j++) {
      const i = order[j] as number;
      const a = acc[binOf[j] as number] as { lower: number; upper: number; count: number; sum: number };
      const v = draws[i] as number;
      a.lower = Math.min(a.lower, v);
      a.upper = Math.max(a.upper, v);
      a.count += 1;
      a.sum += output[i] as number;
    }
    const out = acc
      .filter((a) => a.count > 0)
      .map((a) => {
        const mean = a.sum / a.count;
        return Object.freeze({ lower: a.lower, upper: a.upper, count: a.count, mean, change: mean - overallMean });
      });
    const changes = out.map((b) => b.change);
    return Object.freeze({
      input: name,
      bins: Object.freeze(out),
      spread: Math.max(...changes) - Math.min(...changes),
    });
  });
  result.sort((a, b) => b.spread - a.spread || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return Object.freeze({ overallMean, inputs: Object.freeze(result) });
}
