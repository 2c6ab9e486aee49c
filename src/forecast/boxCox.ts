import { MetricsError } from '../errors.js';
import { correctlyRoundedLog } from '../internal/correctlyRoundedLog.js';
import { correctlyRoundedPow } from '../internal/correctlyRoundedPow.js';
import { argumentError, assertFinite, assertFiniteArray } from '../internal/assert.js';

/**
 * The Box-Cox transformation of each value, as R's `forecast::BoxCox(x, lambda)`: log(x) when lambda is 0,
 * else (sign(x)|x|^lambda - 1) / lambda. Lambda 1 is a shift (x - 1), 0.5 a square root, 0 the log, which
 * turns constant growth into a straight line.
 * @param values the data
 * @param lambda the transformation parameter, a finite number (R's usual range is -1 to 2)
 * @returns the transformed values (a new array)
 * @throws {MetricsError} invalid_argument when lambda is not finite, or a value is <= 0 for lambda 0 or < 0
 *   for lambda < 0 (where R gives NA); degenerate when a transformed value overflows (lambda far outside -1..2)
 * @example
 * boxCox([1, Math.E, 100], 0); // => [0, 1, 4.605170185988092]
 * boxCox([4, 9], 0.5); // => [2, 4]
 */
export function boxCox(values: readonly number[], lambda: number): number[] {
  checkLambda('boxCox', lambda);
  assertFiniteArray('boxCox', 'values', values);
  return values.map((x, i) => {
    if ((lambda === 0 && !(x > 0)) || (lambda < 0 && x < 0)) {
      throw argumentError(
        'invalid_argument',
        `boxCox: values[${i}] is ${x}, outside the domain of lambda ${lambda} (got ${x}). Use lambda > 0 for data with zeros or negatives, or shift the data.`,
        `values[${i}]`,
        `a value in the domain of lambda ${lambda}`,
        x,
        { index: i, value: x, lambda },
      );
    }
    const z = bcOne(x, lambda);
    if (!Number.isFinite(z)) {
      throw new MetricsError(
        'degenerate',
        `boxCox: the transform of values[${i}] overflows (got ${x} with lambda ${lambda}). Use a lambda between -1 and 2, as R does.`,
        { index: i, value: x, lambda },
      );
    }
    return z;
  });
}

/** The smallest |lambda| other than 0 taken: below it lambda times a logarithm loses its digits (subnormal). */
export const MIN_LAMBDA = 1e-300;

/** Checks lambda: finite, and 0 or at least {@link MIN_LAMBDA} in size. Not exported from the package. */
export function checkLambda(fn: string, lambda: unknown): asserts lambda is number {
  assertFinite(fn, { lambda });
  if (lambda !== 0 && Math.abs(lambda as number) < MIN_LAMBDA) {
    throw argumentError(
      'invalid_argument',
      `${fn}: lambda is too close to 0 to compute with (got ${lambda}). Pass 0 for logs.`,
      'lambda',
      '0, or |lambda| >= 1e-300',
      lambda,
      { lambda },
    );
  }
}

/**
 * Box-Cox of one value (no checks): log for lambda 0, else (sign(x)|x|^lambda - 1) / lambda; for a small
 * |lambda| and x > 0 the same as expm1(lambda log x) / lambda, which keeps the digits the subtraction loses.
 * The log and the power are correctly rounded, as the C library's that R calls almost always are.
 */
export function bcOne(x: number, lambda: number): number {
  if (lambda === 0) return correctlyRoundedLog(x);
  if (x > 0 && Math.abs(lambda) < 1e-4) return Math.expm1(lambda * Math.log(x)) / lambda;
  return (Math.sign(x) * correctlyRoundedPow(Math.abs(x), lambda) - 1) / lambda;
}

/**
 * The inverse Box-Cox transformation, as R's `forecast::InvBoxCox(x, lambda, biasadj, fvar)`: exp(x) when
 * lambda is 0, else sign(lambda x + 1)|lambda x + 1|^(1/lambda). The back-transformed point is the median
 * of the forecast distribution; with `fvar` (the forecast variance on the transformed scale) it is bias
 * adjusted towards the mean: y (1 + fvar (1 - lambda) / (2 y^(2 lambda))) (Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed., section 5.6).
 * - For lambda < 0 the transformed scale is bounded above by -1/lambda; a value beyond it has no inverse
 *   (R gives NA), and is an error here, as is a value whose inverse overflows (exp(710) and above).
 * @param values transformed values
 * @param lambda the transformation parameter used
 * @param fvar optional forecast variances (one per value) for the bias adjustment
 * @returns the values on the original scale (a new array)
 * @throws {MetricsError} invalid_argument when lambda is not finite or fvar has the wrong length or a negative entry;
 *   degenerate for a value beyond -1/lambda (lambda < 0) or one whose inverse is not finite
 * @example
 * invBoxCox([0, 1], 0); // => [1, 2.718281828459045]
 * invBoxCox([Math.log(100)], 0, [0.04]); // ≈ [102.0000000000]
 */
export function invBoxCox(values: readonly number[], lambda: number, fvar?: readonly number[]): number[] {
  checkLambda('invBoxCox', lambda);
  assertFiniteArray('invBoxCox', 'values', values);
  if (fvar !== undefined) {
    assertFiniteArray('invBoxCox', 'fvar', fvar);
    if (fvar.length !== values.length || fvar.some((v) => v < 0)) {
      throw argumentError(
        'invalid_argument',
        `invBoxCox: fvar must hold one variance >= 0 per value (got ${fvar.length} for ${values.length} values). Pass the forecast variances on the transformed scale.`,
        'fvar',
        `one variance >= 0 per value (${values.length})`,
        fvar.length,
      );
    }
  }
  return values.map((x, i) => {
    const y = invOne(x, lambda);
    const out = fvar === undefined ? y : biasAdjust(y, lambda, fvar[i]!);
    if (!Number.isFinite(out)) {
      throw new MetricsError(
        'degenerate',
        lambda < 0 && x > -1 / lambda
          ? `invBoxCox: values[${i}] is beyond -1/lambda = ${-1 / lambda}, where the transformation has no inverse (got ${x}). R gives NA there.`
          : `invBoxCox: the inverse of values[${i}] is not finite: it overflows (got ${x} with lambda ${lambda}). Check the values are on the Box-Cox scale of this lambda.`,
        { index: i, value: x, lambda },
      );
    }
    return out;
  });
}

/** Inverse of one value (no checks); Infinity beyond the bound of a negative lambda. */
export function invOne(x: number, lambda: number): number {
  if (lambda === 0) return Math.exp(x);
  if (lambda < 0 && x > -1 / lambda) return Infinity;
  const xx = x * lambda + 1;
  // Small |lambda|: exp(log1p(lambda x) / lambda), the same value without the digits (1 + lambda x) loses.
  if (xx > 0 && Math.abs(lambda) < 1e-4) return Math.exp(Math.log1p(x * lambda) / lambda);
  return Math.sign(xx) * correctlyRoundedPow(Math.abs(xx), 1 / lambda);
}

/** R's bias adjustment of a back-transformed median y with variance fvar on the transformed scale. */
export function biasAdjust(y: number, lambda: number, fvar: number): number {
  return y * (1 + (0.5 * fvar * (1 - lambda)) / y ** (2 * lambda));
}
