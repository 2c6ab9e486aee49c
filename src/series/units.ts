import { MetricsError } from '../errors.js';
import {
  argumentError,
  assertCaller,
  assertFinite,
  assertInRange,
  assertInteger,
  assertKnownFields,
  assertOptions,
  optionNames,
  pathOf,
  show,
} from '../internal/assert.js';
import { formatPercent, roundSignificant } from '../internal/formatNumber.js';
import { checkLocale, type Locale } from './locale.js';

// formatPercent is written beside roundSignificant in src/internal/ (render/ writes table cells with it too).
export { formatPercent, type FormatPercentOptions } from '../internal/formatNumber.js';

/**
 * Scales a value can be stated in, as powers of ten. Western (thousand … trillion) and Chinese
 * (万 wan = 10^4, 亿 yi = 10^8, 万亿 wanyi = 10^12) scales mix freely: 1 wanyi = 1 trillion.
 */
export const Scale = Object.freeze({
  one: 0,
  thousand: 3,
  wan: 4,
  million: 6,
  yi: 8,
  billion: 9,
  trillion: 12,
  wanyi: 12,
} as const);
export type Scale = keyof typeof Scale;

/** Currencies the library knows how to name and format. RMB is written CNY in units. */
export const Currency = Object.freeze({ CNY: 'CNY', USD: 'USD' } as const);
export type Currency = keyof typeof Currency;

/**
 * What a number measures.
 * - `money`: an amount of a currency at a scale (`CNY trillion`).
 * - `count`: a number of things at a scale (`count`, `count million`).
 * - `fraction`: a share or a growth rate as a fraction (0.25 is 25%).
 * - `fx`: an exchange rate, `quote` currency per one unit of `base` (`CNY/USD` = 6.4).
 * - `other`: anything else, named by a free symbol (`MB/month`, `rank`).
 */
export type Unit =
  | { readonly kind: 'money'; readonly currency: Currency; readonly scale: Scale }
  | { readonly kind: 'count'; readonly scale: Scale }
  | { readonly kind: 'fraction' }
  | { readonly kind: 'fx'; readonly base: Currency; readonly quote: Currency }
  | { readonly kind: 'other'; readonly symbol: string };

const CURRENCY_ALIASES: Readonly<Record<string, Currency>> = {
  CNY: 'CNY',
  RMB: 'CNY',
  YUAN: 'CNY',
  USD: 'USD',
  $: 'USD',
};
const SCALE_ALIASES: Readonly<Record<string, Scale>> = {
  one: 'one',
  unit: 'one',
  thousand: 'thousand',
  million: 'million',
  billion: 'billion',
  trillion: 'trillion',
  wan: 'wan',
  万: 'wan',
  yi: 'yi',
  亿: 'yi',
  wanyi: 'wanyi',
  万亿: 'wanyi',
};

/** Chinese unit words as the plans and {@link formatQuantity} write them: 亿元, 万亿元, 亿美元, 元, 万. */
const ZH_UNIT = /^(万亿|亿|万)?(元|人民币|美元)?$/;
const ZH_SCALE_WORD: Readonly<Record<string, Scale>> = { 万亿: 'wanyi', 亿: 'yi', 万: 'wan' };

function chineseUnit(text: string): Unit | undefined {
  const m = ZH_UNIT.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const scale = m[1] === undefined ? 'one' : (ZH_SCALE_WORD[m[1]] as Scale);
  if (m[2] === undefined) return Object.freeze({ kind: 'count', scale });
  return Object.freeze({ kind: 'money', currency: m[2] === '美元' ? 'USD' : 'CNY', scale });
}

/**
 * Units parseUnit has returned: frozen and checked, so handing one back (a series' or a fit's unit, checked
 * on every call) costs a lookup instead of a copy.
 */
const CHECKED = new WeakSet<Unit>();

function remember(u: Unit): Unit {
  CHECKED.add(u);
  return u;
}

/** Units read from text, by their text: the same frozen unit for the same words (up to 1000 texts are kept). */
const BY_TEXT = new Map<string, Unit>();

/**
 * Reads a unit from its text form: `CNY trillion`, `RMB billion`, `USD`, `count`, `count million`,
 * `fraction`, `CNY/USD` (an exchange rate: CNY per USD), the Chinese unit words the plans and the `zh`
 * formatter write (`元`, `亿元`, `万亿元`, `亿美元`; `万`, `亿` alone for counts), or any other symbol
 * (`MB/month`). A quantity as {@link formatQuantity} writes it (`RMB 3.05 trillion`, `3.05万亿元`,
 * `$38.6 billion`, `25.0%`) gives its unit back; {@link parseQuantity} keeps the number too.
 * A Unit object is checked (a field its kind does not have is refused) and returned as a frozen copy.
 * @throws {MetricsError} invalid_argument for an empty string, an unknown scale after a currency, or a
 *   Unit object with an unknown kind, currency or scale
 * @example
 * parseUnit('RMB 亿'); // => { kind: 'money', currency: 'CNY', scale: 'yi' }
 * parseUnit('亿元'); // => { kind: 'money', currency: 'CNY', scale: 'yi' }
 * parseUnit('3.05万亿元'); // => { kind: 'money', currency: 'CNY', scale: 'wanyi' }
 */
export function parseUnit(text: string | Unit): Unit {
  if (typeof text === 'object' && text !== null) return CHECKED.has(text) ? text : remember(checkedUnit(text));
  const known = BY_TEXT.get(text);
  if (known !== undefined) return known;
  const u = remember(unitFromText(text));
  if (BY_TEXT.size < 1000) BY_TEXT.set(text, u);
  return u;
}

function unitFromText(text: string): Unit {
  if (typeof text !== 'string' || text.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `parseUnit: a unit must be a non-empty string such as "CNY trillion" (got ${show(text)}).`,
      'unit',
      'a non-empty string such as "CNY trillion"',
      text,
      { unit: text },
    );
  }
  const words = text.trim().split(/\s+/);
  const first = words[0] as string;
  const rest = words.slice(1);
  const fx = /^([A-Za-z$]+)\/([A-Za-z$]+)$/.exec(first);
  if (fx && rest.length === 0) {
    const quote = CURRENCY_ALIASES[(fx[1] as string).toUpperCase()];
    const base = CURRENCY_ALIASES[(fx[2] as string).toUpperCase()];
    if (quote && base) return Object.freeze({ kind: 'fx', base, quote });
  }
  // A formatted quantity gives its unit ("RMB 3.05 trillion", "3.05万亿元"); a bare number is no unit.
  if (/\d/.test(text)) {
    const written = readQuantity(text.trim());
    if (written && !(written.unit.kind === 'count' && written.unit.scale === 'one')) return written.unit;
  }
  const currency = CURRENCY_ALIASES[first.toUpperCase()];
  if (currency || first === 'count') {
    if (rest.length > 1) {
      throw argumentError(
        'invalid_argument',
        `parseUnit: "${text}" has more than one scale word. Write e.g. "CNY trillion" or "count million".`,
        'unit',
        'one scale word at most',
        text,
        { unit: text },
      );
    }
    const scaleWord = rest[0] ?? 'one';
    const scale = SCALE_ALIASES[scaleWord] ?? SCALE_ALIASES[scaleWord.toLowerCase()];
    if (!scale) {
      throw argumentError(
        'invalid_argument',
        `parseUnit: unknown scale "${scaleWord}" in "${text}". Use one of ${Object.keys(Scale).join(', ')} (or 万, 亿, 万亿).`,
        'unit',
        `a scale, one of ${Object.keys(Scale).join(', ')}`,
        scaleWord,
        { unit: text },
      );
    }
    return Object.freeze(currency ? { kind: 'money', currency, scale } : { kind: 'count', scale });
  }
  if (first === 'fraction' && rest.length === 0) return Object.freeze({ kind: 'fraction' });
  const zh = chineseUnit(text.trim().replace(/\s+/g, ''));
  if (zh) return zh;
  return Object.freeze({ kind: 'other', symbol: text.trim() });
}

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?`;
const EN_MONEY = new RegExp(
  String.raw`^(RMB|CNY|\$|USD)\s*(${NUMBER})(?:\s+(thousand|million|billion|trillion|wan|yi))?$`,
  'i',
);
const EN_COUNT = new RegExp(String.raw`^(${NUMBER})\s+(thousand|million|billion|trillion|wan|yi)$`, 'i');
const ZH_QUANTITY = new RegExp(String.raw`^(${NUMBER})\s*((?:万亿|亿|万)?(?:元|人民币|美元)?)$`);
const PERCENT = new RegExp(String.raw`^(${NUMBER})\s*%$`);
const FX = new RegExp(String.raw`^(${NUMBER})\s+([A-Za-z]+)\s+per\s+([A-Za-z]+)$`);

/** A quantity as formatQuantity writes it, or undefined. A bare number is a plain count. */
function readQuantity(text: string): Quantity | undefined {
  let m = EN_MONEY.exec(text);
  if (m) {
    const currency = CURRENCY_ALIASES[(m[1] as string).toUpperCase()] as Currency;
    const scale = (m[3]?.toLowerCase() ?? 'one') as Scale;
    return { value: Number(m[2]), unit: Object.freeze({ kind: 'money', currency, scale }) };
  }
  m = EN_COUNT.exec(text);
  if (m)
    return {
      value: Number(m[1]),
      unit: Object.freeze({ kind: 'count', scale: (m[2] as string).toLowerCase() as Scale }),
    };
  m = ZH_QUANTITY.exec(text);
  if (m) {
    const unit = m[2] === '' ? Object.freeze({ kind: 'count', scale: 'one' } as const) : chineseUnit(m[2] as string);
    if (unit) return { value: Number(m[1]), unit };
  }
  m = PERCENT.exec(text);
  if (m) return { value: shiftDecimal(Number(m[1]), -2), unit: Object.freeze({ kind: 'fraction' }) };
  m = FX.exec(text);
  if (m) {
    const quote = CURRENCY_ALIASES[(m[2] as string).toUpperCase()];
    const base = CURRENCY_ALIASES[(m[3] as string).toUpperCase()];
    if (quote && base) return { value: Number(m[1]), unit: Object.freeze({ kind: 'fx', base, quote }) };
  }
  return undefined;
}

/**
 * Reads back a quantity as {@link formatQuantity} writes it, in either locale: `RMB 3.05 trillion`,
 * `$38.6 billion`, `3.05万亿元`, `2500亿元`, `386亿美元`, `25.0%`, `6.47 CNY per USD`, `10 million`, `10`.
 * The number is as written (rounded to the digits the formatter kept), in the unit written.
 * @throws {MetricsError} invalid_argument when the text is not a quantity in one of these forms
 * @example
 * parseQuantity('3.05万亿元'); // => { value: 3.05, unit: { kind: 'money', currency: 'CNY', scale: 'wanyi' } }
 */
export function parseQuantity(text: string): Quantity {
  const q = typeof text === 'string' ? readQuantity(text.trim()) : undefined;
  if (!q || !Number.isFinite(q.value)) {
    throw argumentError(
      'invalid_argument',
      `parseQuantity: ${show(text)} is not a quantity as formatQuantity writes it. Write e.g. "RMB 3.05 trillion", "3.05万亿元", "$38.6 billion" or "25%".`,
      'text',
      'a quantity as formatQuantity writes it',
      text,
      { text },
    );
  }
  return Object.freeze(q);
}

/** The fields of a Unit object of each kind. */
const UNIT_FIELDS: Readonly<Record<Unit['kind'], readonly string[]>> = {
  money: ['kind', 'currency', 'scale'],
  count: ['kind', 'scale'],
  fraction: ['kind'],
  fx: ['kind', 'base', 'quote'],
  other: ['kind', 'symbol'],
};

/** A Unit object from outside (JSON, JavaScript callers) checked field by field and copied, frozen. */
function checkedUnit(u: Unit): Unit {
  const o = u as unknown as Record<string, unknown>;
  // A field a unit of its kind does not have (a misspelt "currencys") is refused, not dropped without a word.
  if (typeof o.kind === 'string' && Object.hasOwn(UNIT_FIELDS, o.kind))
    assertKnownFields('parseUnit', 'unit', o, UNIT_FIELDS[o.kind as Unit['kind']]);
  const isCurrency = (c: unknown): c is Currency => typeof c === 'string' && Object.hasOwn(Currency, c);
  const isScale = (c: unknown): c is Scale => typeof c === 'string' && Object.hasOwn(Scale, c);
  if (o.kind === 'money' && isCurrency(o.currency) && isScale(o.scale))
    return Object.freeze({ kind: 'money', currency: o.currency, scale: o.scale });
  if (o.kind === 'count' && isScale(o.scale)) return Object.freeze({ kind: 'count', scale: o.scale });
  if (o.kind === 'fraction') return Object.freeze({ kind: 'fraction' });
  if (o.kind === 'fx' && isCurrency(o.base) && isCurrency(o.quote))
    return Object.freeze({ kind: 'fx', base: o.base, quote: o.quote });
  if (o.kind === 'other' && typeof o.symbol === 'string' && o.symbol.trim() !== '')
    return Object.freeze({ kind: 'other', symbol: o.symbol });
  throw argumentError(
    'invalid_argument',
    `parseUnit: ${show(u)} is not a unit. Use the text form ("CNY trillion", "count", "fraction", "CNY/USD") or a Unit with a known currency (${Object.keys(Currency).join(', ')}) and scale (${Object.keys(Scale).join(', ')}).`,
    'unit',
    'a unit',
    u,
    { unit: u },
  );
}

/**
 * The canonical text form of a unit, which {@link parseUnit} reads back.
 * @example
 * unitToString({ kind: 'money', currency: 'CNY', scale: 'trillion' }); // => 'CNY trillion'
 */
export function unitToString(unit: Unit): string {
  return textOf(unitArg('unitToString', 'unit', unit));
}

/** A unit argument of `fn` (a Unit or its text), checked as {@link parseUnit} checks it, errors under `fn`'s name. */
export function unitArg(fn: string, name: string, u: unknown): Unit {
  try {
    return parseUnit(u as Unit);
  } catch (e) {
    if (!(e instanceof MetricsError)) throw e;
    throw new MetricsError(
      e.code,
      `${fn}: ${name}: ${e.message.replace(/^parseUnit: /, '')}`,
      { [name]: u },
      e.issues.map((i) => ({ ...i, path: [...pathOf(name), ...i.path.slice(1)] })),
    );
  }
}

function textOf(unit: Unit): string {
  switch (unit.kind) {
    case 'money':
      return unit.scale === 'one' ? unit.currency : `${unit.currency} ${unit.scale}`;
    case 'count':
      return unit.scale === 'one' ? 'count' : `count ${unit.scale}`;
    case 'fraction':
      return 'fraction';
    case 'fx':
      return `${unit.quote}/${unit.base}`;
    case 'other':
      return unit.symbol;
  }
}

/** True when two units are the same (same kind, currency, scale or symbol). */
export function sameUnit(a: Unit, b: Unit): boolean {
  return textOf(unitArg('sameUnit', 'a', a)) === textOf(unitArg('sameUnit', 'b', b));
}

/**
 * True when values in `a` can be converted to `b` by a change of scale alone
 * (same currency, or both counts). Currency changes need {@link convertCurrency}.
 */
export function isScaleConvertible(a: Unit, b: Unit): boolean {
  const x = unitArg('isScaleConvertible', 'a', a);
  const y = unitArg('isScaleConvertible', 'b', b);
  if (x.kind === 'money' && y.kind === 'money') return x.currency === y.currency;
  if (x.kind === 'count' && y.kind === 'count') return true;
  return textOf(x) === textOf(y);
}

/** Throws unit_mismatch unless the units are the same, naming the conversion to make. */
export function assertSameUnit(fn: string, a: Unit, b: Unit): void {
  assertCaller('assertSameUnit', fn);
  a = unitArg(fn, 'a', a);
  b = unitArg(fn, 'b', b);
  if (textOf(a) === textOf(b)) return;
  const hint = isScaleConvertible(a, b)
    ? `Convert one of them first with convertScale(value, "${unitToString(a)}", "${unitToString(b)}").`
    : a.kind === 'money' && b.kind === 'money'
      ? 'Convert the currency first with convertCurrency and a dated exchange rate.'
      : 'These measure different things and cannot be combined.';
  throw argumentError(
    'unit_mismatch',
    `${fn}: units differ ("${unitToString(a)}" vs "${unitToString(b)}"). ${hint}`,
    'b',
    `"${unitToString(a)}"`,
    unitToString(b),
    { a: unitToString(a), b: unitToString(b) },
  );
}

function scaleOf(unit: Unit): number {
  return unit.kind === 'money' || unit.kind === 'count' ? Scale[unit.scale] : 0;
}

/**
 * Moves the decimal point of `value` by `shift` places without a binary multiplication: the shortest
 * decimal form of the number gets its exponent changed and is read back. For values with up to 15
 * significant digits this is exact, so a conversion and its inverse return the input bit for bit.
 */
export function shiftDecimal(value: number, shift: number): number {
  assertFinite('shiftDecimal', { value });
  assertInteger('shiftDecimal', 'shift', shift);
  if (Math.abs(shift) > 1000) {
    throw argumentError(
      'invalid_argument',
      `shiftDecimal: shift must be at most 1000 places either way (got ${shift}); a double spans about 630.`,
      'shift',
      'at most 1000 places either way',
      shift,
      { shift },
    );
  }
  if (shift === 0 || value === 0) return value;
  const [mantissa, exponent = '0'] = value.toExponential().split('e');
  const out = Number(`${mantissa}e${Number(exponent) + shift}`);
  if (!Number.isFinite(out) || (out === 0 && value !== 0)) {
    throw new MetricsError(
      'degenerate',
      `shiftDecimal: ${value} shifted by ${shift} places ${out === 0 ? 'vanishes' : 'overflows'} (got ${out}). Use a scale closer to the value's.`,
      { value, shift },
    );
  }
  return out;
}

/**
 * Converts a value between two scales of the same currency (or between two count scales):
 * `convertScale(3.05, 'CNY trillion', 'CNY 亿')` is 30500. Exact for values with up to 15 significant
 * digits (the decimal point moves; nothing is multiplied in binary).
 * @throws {MetricsError} unit_mismatch when the currencies differ (use {@link convertCurrency});
 *   degenerate when the result overflows (1e300 trillion in units)
 * @example
 * convertScale(250, 'CNY billion', 'CNY trillion'); // => 0.25
 */
export function convertScale(value: number, from: string | Unit, to: string | Unit): number {
  assertFinite('convertScale', { value });
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!isScaleConvertible(a, b)) assertSameUnit('convertScale', a, b);
  const out = shiftDecimal(value, scaleOf(a) - scaleOf(b));
  if (!Number.isFinite(out)) {
    throw new MetricsError(
      'degenerate',
      `convertScale: ${value} ${unitToString(a)} overflows in ${unitToString(b)}. Use a larger scale.`,
      { value },
    );
  }
  return out;
}

/** A quantity argument of `fn`: an object with a finite value and a unit, checked. */
function quantityArg(fn: string, q: unknown): Quantity {
  if (q === null || typeof q !== 'object') {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a quantity { value, unit } (got ${show(q)}). For example { value: 3, unit: parseUnit('CNY trillion') }.`,
      'q',
      'a quantity { value, unit }',
      q,
    );
  }
  const { value, unit } = q as Record<string, unknown>;
  assertFinite(fn, { value });
  return { value: value as number, unit: unitArg(fn, 'unit', unit) };
}

/** A quantity: a value with its unit. */
export interface Quantity {
  readonly value: number;
  readonly unit: Unit;
}

/**
 * A dated exchange rate: `rate` units of `quote` for one unit of `base` (USD→CNY 6.4 means US$1 = RMB 6.4).
 * A conversion between currencies always names one, so the date and source travel with the number.
 */
export interface ExchangeRate {
  readonly base: Currency;
  readonly quote: Currency;
  readonly rate: number;
  /** ISO date (or month, `2021-07`) the rate is stated for. Required: an undated rate is refused. */
  readonly date: string;
  /** Where the rate comes from: a fact id, or a sentence saying it is an assumption. Required. */
  readonly source: string;
  /**
   * Who states the rate when it is not the document's author: a translator's note (CSET's translation of
   * the 14th big data plan gives US$1 ≈ RMB 6.4 as of 2022-02-04; MIIT's plan gives no rate).
   */
  readonly statedBy?: string;
}

/** A quantity converted between currencies, with the exchange rate it was converted at (date, source, who states it). */
export interface ConvertedQuantity extends Quantity {
  readonly exchangeRate: ExchangeRate;
}

const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Converts money from one currency to another with a dated exchange rate, keeping the scale of `to`.
 * The rate may be given in either direction (USD→CNY converts CNY to USD too). The result carries the
 * rate (`exchangeRate`: its date, source and who states it), so a converted number never loses them.
 * @throws {MetricsError} invalid_argument for a rate without an ISO date or without a source, or a rate
 *   <= 0; unit_mismatch when the rate does not connect the two currencies; degenerate when the result overflows
 * @example
 * const fx = { base: 'USD', quote: 'CNY', rate: 6.4, date: '2022-02-04', source: 'fx.cny-per-usd-2022-02-04',
 *   statedBy: "CSET's translation (translator's note), not MIIT's plan" } as const;
 * const usd = convertCurrency({ value: 3, unit: parseUnit('CNY trillion') }, 'USD billion', fx);
 * usd.value; // => 468.75
 * usd.exchangeRate.date; // => '2022-02-04'
 */
export function convertCurrency(q: Quantity, to: string | Unit, fx: ExchangeRate): ConvertedQuantity {
  if (fx === null || typeof fx !== 'object') {
    throw argumentError(
      'invalid_argument',
      `convertCurrency: an exchange rate { base, quote, rate, date, source } is needed (got ${show(fx)}). Pass a dated rate with its source.`,
      'fx',
      'an exchange rate { base, quote, rate, date, source }',
      fx,
    );
  }
  if (typeof fx.date !== 'string' || !ISO_DATE.test(fx.date)) {
    throw argumentError(
      'invalid_argument',
      `convertCurrency: the exchange rate has no ISO date (got ${show(fx.date)}). Rates change: give the date it is stated for, e.g. "2022-02-04" or "2021-07".`,
      'fx.date',
      'an ISO date',
      fx.date,
      { date: fx.date },
    );
  }
  if (typeof fx.source !== 'string' || fx.source.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `convertCurrency: the exchange rate of ${fx.date} has no source (got ${show(fx.source)}). Say where it comes from: a fact id, a publication, or "assumption: ..." with why.`,
      'fx.source',
      'a source',
      fx.source,
      { source: fx.source },
    );
  }
  q = quantityArg('convertCurrency', q);
  assertFinite('convertCurrency', { rate: fx.rate });
  for (const k of ['base', 'quote'] as const) {
    if (typeof fx[k] !== 'string' || !Object.hasOwn(Currency, fx[k])) {
      throw argumentError(
        'invalid_argument',
        `convertCurrency: fx.${k} must be one of ${Object.keys(Currency).join(', ')} (got ${show(fx[k])}).`,
        `fx.${k}`,
        `one of ${Object.keys(Currency).join(', ')}`,
        fx[k],
      );
    }
  }
  if (fx.rate <= 0) {
    throw argumentError(
      'invalid_argument',
      `convertCurrency: the exchange rate must be > 0 (got ${fx.rate}).`,
      'fx.rate',
      '> 0',
      fx.rate,
      {
        rate: fx.rate,
      },
    );
  }
  const target = unitArg('convertCurrency', 'to', to);
  if (q.unit.kind !== 'money' || target.kind !== 'money') {
    throw argumentError(
      'unit_mismatch',
      `convertCurrency: both units must be money (got "${unitToString(q.unit)}" to "${unitToString(target)}").`,
      q.unit.kind !== 'money' ? 'q.unit' : 'to',
      'a money unit',
      unitToString(q.unit.kind !== 'money' ? q.unit : target),
    );
  }
  let factor: number;
  if (q.unit.currency === target.currency) factor = 1;
  else if (fx.base === q.unit.currency && fx.quote === target.currency) factor = fx.rate;
  else if (fx.quote === q.unit.currency && fx.base === target.currency) factor = 1 / fx.rate;
  else {
    throw argumentError(
      'unit_mismatch',
      `convertCurrency: the ${fx.quote}/${fx.base} rate of ${fx.date} cannot convert ${q.unit.currency} to ${target.currency}. Pass a rate between these two currencies.`,
      'fx',
      `a rate between ${q.unit.currency} and ${target.currency}`,
      `${fx.quote}/${fx.base}`,
    );
  }
  const inTargetCurrencyAtSourceScale = q.value * factor;
  if (!Number.isFinite(inTargetCurrencyAtSourceScale)) {
    throw new MetricsError(
      'degenerate',
      `convertCurrency: ${q.value} ${unitToString(q.unit)} at a rate of ${fx.rate} overflows (got ${inTargetCurrencyAtSourceScale}). Check the rate: ${fx.quote} per ${fx.base}.`,
      { value: q.value, rate: fx.rate },
    );
  }
  const value = shiftDecimal(inTargetCurrencyAtSourceScale, Scale[q.unit.scale] - Scale[target.scale]);
  if (!Number.isFinite(value)) {
    throw new MetricsError(
      'degenerate',
      `convertCurrency: ${q.value} ${unitToString(q.unit)} overflows in ${unitToString(target)}. Use a larger scale.`,
      { value: q.value },
    );
  }
  const exchangeRate: ExchangeRate = Object.freeze({
    base: fx.base,
    quote: fx.quote,
    rate: fx.rate,
    date: fx.date,
    source: fx.source,
    ...(typeof fx.statedBy === 'string' ? { statedBy: fx.statedBy } : {}),
  });
  return Object.freeze({ value, unit: target, exchangeRate });
}

/** Options of {@link formatQuantity}. */
export interface FormatOptions {
  /** `en` writes `RMB 3.05 trillion`; `zh` writes `3.05万亿元`. Default `en`. */
  readonly locale?: Locale;
  /** Significant digits, a whole number from 1 to 17. Default 3. */
  readonly digits?: number;
  /** Pick the scale that reads best (the largest with a value >= 1). Default true. */
  readonly autoScale?: boolean;
}

const FORMAT_OPTIONS = optionNames<FormatOptions>({ locale: true, digits: true, autoScale: true });

const EN_SCALES: readonly Scale[] = ['trillion', 'billion', 'million', 'thousand', 'one'];
const ZH_SCALES: readonly Scale[] = ['wanyi', 'yi', 'wan', 'one'];
const ZH_SCALE_TEXT: Readonly<Partial<Record<Scale, string>>> = { wanyi: '万亿', yi: '亿', wan: '万', one: '' };

/**
 * Writes a quantity for people: `RMB 3.05 trillion`, `3.05万亿元`, `$38.6 billion`, `25.0%`,
 * `6.47 CNY per USD`, `10 enterprises`.
 * @throws {MetricsError} non_finite for a value that is not finite; invalid_argument for digits outside 1..17;
 *   degenerate for a fraction too large to write as a percentage
 * @example
 * formatQuantity({ value: 3.0517578125, unit: parseUnit('CNY trillion') }); // => 'RMB 3.05 trillion'
 * formatQuantity({ value: 3.0517578125, unit: parseUnit('CNY trillion') }, { locale: 'zh' }); // => '3.05万亿元'
 */
export function formatQuantity(q: Quantity, options: FormatOptions = {}): string {
  q = quantityArg('formatQuantity', q);
  assertOptions('formatQuantity', options, "{ locale: 'en', digits: 3 }", FORMAT_OPTIONS);
  const { locale = 'en', digits = 3, autoScale = true } = options;
  checkLocale('formatQuantity', locale, 'options.locale');
  assertInRange('formatQuantity', 'digits', digits, { min: 1, max: 17 });
  assertInteger('formatQuantity', 'digits', digits);
  const unit = q.unit;
  if (unit.kind === 'fraction') {
    const pct = q.value * 100;
    if (!Number.isFinite(pct)) {
      throw new MetricsError(
        'degenerate',
        `formatQuantity: ${q.value} as a percentage overflows. Check the value is a fraction (0.25 is 25%).`,
        { value: q.value },
      );
    }
    return formatPercent(q.value, { digits });
  }
  if (unit.kind === 'fx') return `${roundSignificant(q.value, digits)} ${unit.quote} per ${unit.base}`;
  if (unit.kind === 'other') return `${roundSignificant(q.value, digits)} ${unit.symbol}`;
  const exponent = Scale[unit.scale];
  let scale: Scale = unit.scale;
  let value = q.value;
  // A scale fits when the value, once rounded to `digits`, is at least 1: 0.9999 trillion is 1 trillion, not 1000 billion.
  const fits = (s: Scale): boolean =>
    Math.abs(Number(shiftDecimal(q.value, exponent - Scale[s]).toPrecision(digits))) >= 1;
  if (autoScale) {
    const candidates = locale === 'zh' ? ZH_SCALES : EN_SCALES;
    scale = candidates.find(fits) ?? (candidates[candidates.length - 1] as Scale);
    value = shiftDecimal(q.value, exponent - Scale[scale]);
  } else if (locale === 'zh' && ZH_SCALE_TEXT[scale] === undefined) {
    scale = ZH_SCALES.find(fits) ?? 'one';
    value = shiftDecimal(q.value, exponent - Scale[scale]);
  }
  const number = roundSignificant(value, digits);
  if (locale === 'zh') {
    const word = ZH_SCALE_TEXT[scale] ?? '';
    if (unit.kind === 'count') return `${number}${word}`;
    return `${number}${word}${unit.currency === 'CNY' ? '元' : '美元'}`;
  }
  const scaleWord = scale === 'one' ? '' : ` ${scale === 'wanyi' ? 'trillion' : scale}`;
  if (unit.kind === 'count') return `${number}${scaleWord}`;
  return unit.currency === 'USD' ? `$${number}${scaleWord}` : `RMB ${number}${scaleWord}`;
}
