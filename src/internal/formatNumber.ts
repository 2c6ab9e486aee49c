// How the library writes numbers in text: significant digits without an exponent, and percents. Shared by
// series/ (formatQuantity, which exports formatPercent as part of the API) and render/ (table cells).
import { MetricsError } from '../errors.js';
import {
  argumentError,
  assertFinite,
  assertInRange,
  assertInteger,
  assertOptions,
  optionNames,
  show,
} from './assert.js';

/** `value` to `digits` significant digits in plain decimal form, no exponent, no trailing zeros. */
export function roundSignificant(value: number, digits: number): string {
  if (value === 0) return '0';
  const fixed = Number(value.toPrecision(digits));
  // Rounding up past the largest double (1.7950000000000001e308 to 3 digits) gives Infinity: keep the digits.
  if (!Number.isFinite(fixed)) return value.toPrecision(digits);
  // Plain digits, no exponent, no trailing zeros after the point.
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(fixed))));
  // toFixed stops at 20 decimals: below that, plain digits would print 1e-25 as 0.
  if (decimals > 20) return String(fixed);
  return fixed
    .toFixed(decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Decimals after the point, a whole number from 0 to 20. Default 2. */
  readonly decimals?: number;
  /** Keep trailing zeros (`18.0%`, for columns that line up). Default false: `25%`, `24.57%`. */
  readonly fixed?: boolean;
  /**
   * Instead of `decimals`: as {@link formatQuantity} writes a fraction with `digits` (1 to 17), `digits - 2`
   * decimals kept from 1% up (`25.0%` with 3) and `digits` significant ones below (`0.523%`).
   */
  readonly digits?: number;
}

const FORMAT_PERCENT_OPTIONS = optionNames<FormatPercentOptions>({ decimals: true, fixed: true, digits: true });

/**
 * A fraction written as a percentage: the one way the library writes a percent, in text, tables, the report
 * and the command line. The number times 100, rounded to `decimals` (default 2; trailing zeros dropped
 * unless `fixed`), then `%` with no space, as d3-format and Vega-Lite write percents on the charts: `25%`,
 * `24.57%`, `-3.1%`, and `18.0%` with `{ decimals: 1, fixed: true }`. Rates are fractions everywhere
 * else (0.25 is 25%); only text shows percents.
 * @throws {MetricsError} non_finite for a value that is not finite; invalid_argument for options that are
 *   not an object or name an unknown option, decimals outside 0..20, digits outside 1..17; degenerate for a
 *   fraction too large to write as a percentage
 * @example
 * formatPercent(0.25); // => '25%'
 * formatPercent(0.24567); // => '24.57%'
 * formatPercent(0.18, { decimals: 1, fixed: true }); // => '18.0%'
 */
export function formatPercent(fraction: number, options: FormatPercentOptions = {}): string {
  assertFinite('formatPercent', { fraction });
  // null, a number or text would throw a TypeError below; a misspelt option (`decimal`) would be ignored.
  assertOptions('formatPercent', options, '{ decimals, fixed, digits }', FORMAT_PERCENT_OPTIONS);
  const { decimals = 2, fixed = false, digits } = options;
  assertInRange('formatPercent', 'decimals', decimals, { min: 0, max: 20 });
  assertInteger('formatPercent', 'decimals', decimals);
  if (typeof fixed !== 'boolean') {
    throw argumentError(
      'invalid_argument',
      `formatPercent: options.fixed must be true or false (got ${show(fixed)}).`,
      'options.fixed',
      'true or false',
      fixed,
    );
  }
  if (digits !== undefined) {
    assertInRange('formatPercent', 'digits', digits, { min: 1, max: 17 });
    assertInteger('formatPercent', 'digits', digits);
  }
  const pct = fraction * 100;
  if (!Number.isFinite(pct)) {
    throw new MetricsError(
      'degenerate',
      `formatPercent: ${fraction} as a percentage overflows (got ${pct}). Check the value is a fraction (0.25 is 25%).`,
      { fraction },
    );
  }
  if (digits !== undefined && Math.abs(pct) < 1) return `${roundSignificant(pct, digits)}%`;
  // toFixed writes numbers from 1e21 up in exponent form; Number() reads them back and drops trailing zeros.
  const text =
    digits !== undefined
      ? pct.toFixed(Math.max(0, digits - 2))
      : fixed
        ? pct.toFixed(decimals)
        : String(Number(pct.toFixed(decimals)));
  // -0.001 to 2 decimals is "-0.00": a rounded zero has no sign.
  return `${Number(text) === 0 ? text.replace(/^-/, '') : text}%`;
}
