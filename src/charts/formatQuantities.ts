import { MetricsError } from '../errors.js';
import { show, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import { parseUnit, Scale, shiftDecimal, type Unit, formatPercent } from '../series/units.js';
import type { Locale } from '../series/locale.js';

/** Options of {@link formatQuantities}. */
export interface FormatQuantitiesOptions {
  /** `en` (default): `RMB 3.05 trillion`; `zh`: `3.05万亿元`. */
  readonly locale?: Locale;
  /** Significant digits of the largest value (default 3); every value gets as many decimals as it. */
  readonly digits?: number;
  /** Write a sign on every value (`+RMB 0.33 trillion`, `−5%`), for changes. Default false. */
  readonly signed?: boolean;
}

const FORMAT_QUANTITIES_OPTIONS = optionNames<FormatQuantitiesOptions>({ locale: true, digits: true, signed: true });

/** The most values formatted in one call: a table column or a chart's labels (as many as a chart's rows). */
const MAX_VALUES = 10_000;

const EN: readonly Scale[] = ['trillion', 'billion', 'million', 'thousand', 'one'];
const ZH: readonly Scale[] = ['wanyi', 'yi', 'wan', 'one'];
const ZH_WORD: Readonly<Partial<Record<Scale, string>>> = { wanyi: '万亿', yi: '亿', wan: '万', one: '' };

/**
 * A column of quantities written alike: one scale (the one that suits the largest value) and one number of
 * decimals (`digits` significant figures of the largest value), so `RMB 2.70 trillion` stands beside
 * `RMB 3.05 trillion`, never `RMB 2.7 trillion`. Fractions are percentages with a common number of decimals
 * (whole percents when every value is one: `28%`, `-5%`). Minus signs are U+2212 in signed output.
 * @param values the numbers, in `unit`
 * @param unit their unit (`'CNY trillion'` or a Unit)
 * @param options locale, digits, signed
 * @returns one string per value, in order
 * @throws {MetricsError} non_finite for a value that is not finite; invalid_argument for digits outside 1..6;
 *   too_large for more than 10,000 values
 * @example
 * formatQuantities([2.7, 3.0517578125], 'CNY trillion'); // => ['RMB 2.70 trillion', 'RMB 3.05 trillion']
 * formatQuantities([0.28, -0.05], 'fraction'); // => ['28%', '-5%']
 * formatQuantities([0.326, -0.1], 'CNY trillion', { signed: true, locale: 'zh' }); // => ['+3260亿元', '−1000亿元']
 */
export function formatQuantities(
  values: readonly number[],
  unit: string | Unit,
  options: FormatQuantitiesOptions = {},
): string[] {
  const u = parseUnit(unit);
  assertOptions('formatQuantities', options, '{ digits: 3 }', FORMAT_QUANTITIES_OPTIONS);
  const { locale = 'en', digits = 3, signed = false } = options;
  if (!Number.isInteger(digits) || digits < 1 || digits > 6) {
    throw argumentError(
      'invalid_argument',
      `formatQuantities: digits must be a whole number in 1..6 (got ${show(digits)}).`,
      'digits',
      'a whole number in 1..6',
      digits,
    );
  }
  if (!Array.isArray(values)) {
    throw argumentError(
      'invalid_argument',
      `formatQuantities: values must be an array of numbers (got ${show(values)}).`,
      'values',
      'an array of numbers',
      values,
    );
  }
  if (values.length > MAX_VALUES) {
    throw new MetricsError(
      'too_large',
      `formatQuantities: ${values.length} values is more than a column shows (got ${values.length}; at most ${MAX_VALUES}). Format the rows a table prints.`,
    );
  }
  // An indexed loop: forEach would skip the holes of a sparse array.
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw argumentError(
        'non_finite',
        `formatQuantities: values[${i}] must be a finite number (got ${show(v)}).`,
        `values[${i}]`,
        'a finite number',
        v,
        {
          index: i,
        },
      );
    }
    largest = Math.max(largest, Math.abs(v));
  }
  const sign = (v: number, text: string): string =>
    signed ? `${v > 0 ? '+' : v < 0 ? '−' : ''}${text}` : `${v < 0 ? '-' : ''}${text}`;
  const fixed = (v: number, decimals: number): string =>
    Math.abs(v).toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: locale === 'en',
    });
  const decimalsFor = (max: number): number =>
    max === 0 ? 0 : Math.min(6, Math.max(0, digits - 1 - Math.floor(Math.log10(Number(max.toPrecision(digits))))));
  if (u.kind === 'fraction') {
    const pct = values.map((v) => v * 100);
    const whole = pct.every((p) => Math.abs(p - Math.round(p)) < 1e-9);
    const d = whole ? 0 : Math.min(decimalsFor(largest * 100), 2);
    return values.map((v) => sign(v, formatPercent(Math.abs(v), { decimals: d, fixed: true })));
  }
  if (u.kind === 'fx' || u.kind === 'other') {
    const d = decimalsFor(largest);
    const name = u.kind === 'fx' ? `${u.quote} per ${u.base}` : u.symbol;
    return values.map((v) => sign(v, `${fixed(v, d)} ${name}`));
  }
  // Money and counts: the largest scale in which the largest value is at least 1.
  const candidates = locale === 'zh' ? ZH : EN;
  const inScale = (v: number, s: Scale): number => shiftDecimal(v, Scale[u.scale] - Scale[s]);
  const scale =
    candidates.find((s) => Number(Math.abs(inScale(largest, s)).toPrecision(digits)) >= 1) ??
    (candidates[candidates.length - 1] as Scale);
  const d = decimalsFor(Math.abs(inScale(largest, scale)));
  return values.map((v) => {
    const n = fixed(inScale(v, scale), d);
    if (locale === 'zh') {
      const word = ZH_WORD[scale] ?? '';
      return sign(v, u.kind === 'count' ? `${n}${word}` : `${n}${word}${u.currency === 'CNY' ? '元' : '美元'}`);
    }
    const word = scale === 'one' ? '' : ` ${scale === 'wanyi' ? 'trillion' : scale}`;
    if (u.kind === 'count') return sign(v, `${n}${word}`);
    return sign(v, u.currency === 'USD' ? `$${n}${word}` : `RMB ${n}${word}`);
  });
}
