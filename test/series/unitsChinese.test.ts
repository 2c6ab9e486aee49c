import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Currency,
  Scale,
  convertCurrency,
  convertScale,
  formatQuantity,
  parseQuantity,
  parseUnit,
  type ExchangeRate,
  type Unit,
} from '../../src/series/units.js';
import { parseModel } from '../../src/model/parseModel.js';
import { loadSeeds } from '../../src/io/loadSeeds.js';
import { thrown } from '../helpers/thrown.js';

const SCALES = Object.keys(Scale) as Scale[];
const CURRENCIES = Object.keys(Currency) as Currency[];

// Issue 12, point 8: the zh formatter writes 亿元, 万亿元, 亿美元 and 元, and parseUnit used to read them as
// kind 'other', so convertScale(3, '亿元', 'CNY trillion') failed with "these measure different things".
describe('parseUnit reads the Chinese units the plans and the formatter write', () => {
  it.each([
    ['亿元', { kind: 'money', currency: 'CNY', scale: 'yi' }],
    ['万亿元', { kind: 'money', currency: 'CNY', scale: 'wanyi' }],
    ['万元', { kind: 'money', currency: 'CNY', scale: 'wan' }],
    ['元', { kind: 'money', currency: 'CNY', scale: 'one' }],
    ['亿美元', { kind: 'money', currency: 'USD', scale: 'yi' }],
    ['美元', { kind: 'money', currency: 'USD', scale: 'one' }],
    ['万', { kind: 'count', scale: 'wan' }],
    ['亿', { kind: 'count', scale: 'yi' }],
  ])('parseUnit(%j) is %j', (text, unit) => {
    expect(parseUnit(text)).toEqual(unit);
  });
  it("convertScale(3, '亿元', 'CNY trillion') is 0.0003 (1 亿 = 10^8, 1 trillion = 10^12)", () => {
    expect(convertScale(3, '亿元', 'CNY trillion')).toBe(0.0003);
  });
  it("convertScale(2500, '亿元', 'CNY billion') is 250: the cybersecurity target in both scales", () => {
    expect(convertScale(2500, '亿元', 'CNY billion')).toBe(250);
  });
  it('a model file with "unit": "亿元" loads, its levels in 亿元', () => {
    const m = parseModel(
      {
        id: 'cyber-yi',
        title: 'Cybersecurity in 亿元',
        metric: 'cybersecurity.revenue',
        unit: '亿元',
        fromYear: 2020,
        toYear: 2023,
        base: { value: 1700, assumption: 'about RMB 170 billion in 2020, written in 亿元' },
        path: { type: 'cagr', rate: { fact: 'cyber.cagr-2020-2023' } },
        targets: ['cyber.revenue-2023'],
      },
      'x.model.json',
      loadSeeds(),
    );
    expect(m.unit).toEqual({ kind: 'money', currency: 'CNY', scale: 'yi' });
    expect(m.base.value).toBe(1700);
  });
  it("parseUnit('亿美元') and parseUnit('亿元') are different currencies: convertScale between them throws unit_mismatch", () => {
    expect(thrown(() => convertScale(1, '亿美元', '亿元'))).toMatchObject({ code: 'unit_mismatch' });
  });
  it("a unit with a Chinese word the library does not know stays kind 'other' (千克)", () => {
    expect(parseUnit('千克')).toEqual({ kind: 'other', symbol: '千克' });
  });
});

describe('parseQuantity and parseUnit read back what formatQuantity writes', () => {
  it.each([
    ['3.05万亿元', 3.05, 'CNY 万亿'],
    ['2500亿元', 2500, 'CNY 亿'],
    ['386亿美元', 386, 'USD 亿'],
    ['RMB 3.05 trillion', 3.05, 'CNY trillion'],
    ['$38.6 billion', 38.6, 'USD billion'],
    ['25.0%', 0.25, 'fraction'],
    ['6.47 CNY per USD', 6.47, 'CNY/USD'],
    ['10 million', 10, 'count million'],
    ['10', 10, 'count'],
    ['-3.05万亿元', -3.05, 'CNY 万亿'],
  ])('parseQuantity(%j) is %d in %s', (text, value, unit) => {
    const q = parseQuantity(text);
    expect(q.value).toBe(value);
    expect(q.unit).toEqual(parseUnit(unit));
  });
  it('parseQuantity("about three") throws invalid_argument naming the forms it reads', () => {
    const e = thrown(() => parseQuantity('about three'));
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect((e as Error).message).toMatch(/^parseQuantity: "about three" is not a quantity/);
  });
  it('parseUnit("10") stays a symbol: a bare number is not a unit', () => {
    expect(parseUnit('10')).toEqual({ kind: 'other', symbol: '10' });
  });

  const money = fc.record({
    currency: fc.constantFrom(...CURRENCIES),
    scale: fc.constantFrom(...SCALES),
    value: fc.double({ min: 1e-3, max: 1e12, noNaN: true }),
    negative: fc.boolean(),
    locale: fc.constantFrom('en' as const, 'zh' as const),
    autoScale: fc.boolean(),
  });
  it('parseUnit(formatQuantity(q, { locale })) is money of the same currency, at the scale the formatter wrote, for every scale and currency', () => {
    fc.assert(
      fc.property(money, ({ currency, scale, value, negative, locale, autoScale }) => {
        const unit: Unit = { kind: 'money', currency, scale };
        const q = { value: negative ? -value : value, unit };
        const text = formatQuantity(q, { locale, autoScale });
        const back = parseUnit(text);
        if (back.kind !== 'money' || back.currency !== currency) return false;
        // Without auto-scaling the formatter keeps the scale (zh writes a Chinese scale of the same power).
        if (
          !autoScale &&
          Scale[back.scale] !== Scale[scale] &&
          (locale === 'en' || ['wan', 'yi', 'wanyi', 'one'].includes(scale))
        )
          return false;
        // The value read back is the value written: the input to 3 significant digits, in the written unit.
        const read = parseQuantity(text);
        const inOriginal = convertScale(read.value, read.unit, unit);
        return Math.abs(inOriginal - q.value) <= 5e-3 * Math.abs(q.value) + 1e-300;
      }),
    );
  });
  it('parseUnit(formatQuantity(q, { locale: "zh", autoScale: false })) gives the unit back for every Chinese scale and currency', () => {
    for (const currency of CURRENCIES)
      for (const scale of ['one', 'wan', 'yi', 'wanyi'] as const) {
        const unit: Unit = { kind: 'money', currency, scale };
        expect(parseUnit(formatQuantity({ value: 12.5, unit }, { locale: 'zh', autoScale: false }))).toEqual(unit);
      }
  });
  it('parseUnit(formatQuantity(q)) gives the unit back for every English scale and currency (autoScale off)', () => {
    for (const currency of CURRENCIES)
      for (const scale of ['one', 'thousand', 'million', 'billion', 'trillion'] as const) {
        const unit: Unit = { kind: 'money', currency, scale };
        expect(parseUnit(formatQuantity({ value: 12.5, unit }, { autoScale: false }))).toEqual(unit);
      }
  });
  it('count scales round-trip through parseQuantity in both locales', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCALES),
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.constantFrom('en' as const, 'zh' as const),
        (scale, value, locale) => {
          const unit: Unit = { kind: 'count', scale };
          const read = parseQuantity(formatQuantity({ value, unit }, { locale }));
          return (
            read.unit.kind === 'count' && Math.abs(convertScale(read.value, read.unit, unit) - value) <= 5e-3 * value
          );
        },
      ),
    );
  });
});

// Issue 12, point 7: the rate's date, source and translator travel with the converted number.
describe('convertCurrency keeps its rate with the number', () => {
  const cset: ExchangeRate = {
    base: 'USD',
    quote: 'CNY',
    rate: 6.4,
    date: '2022-02-04',
    source: 'fx.cny-per-usd-2022-02-04',
    statedBy: "CSET's translation of the 14th big data plan (translator's note), not MIIT's document",
  };
  it('convertCurrency(RMB 3 trillion, "USD billion", CSET 2022-02-04) is $468.75 billion with the rate, date, source and translator', () => {
    const out = convertCurrency({ value: 3, unit: parseUnit('CNY trillion') }, 'USD billion', cset);
    expect(out.value).toBe(468.75);
    expect(out.exchangeRate).toEqual(cset);
    expect(Object.isFrozen(out.exchangeRate)).toBe(true);
  });
  it('an undated rate is refused with invalid_argument', () => {
    const { date: _d, ...undated } = cset;
    const e = thrown(() => convertCurrency({ value: 1, unit: parseUnit('USD') }, 'CNY', undated as ExchangeRate));
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect((e as Error).message).toMatch(/^convertCurrency: the exchange rate has no ISO date \(got undefined\)\./);
  });
  it('a rate dated "Feb 2022" is refused: the date must be ISO', () => {
    expect(
      thrown(() => convertCurrency({ value: 1, unit: parseUnit('USD') }, 'CNY', { ...cset, date: 'Feb 2022' })),
    ).toMatchObject({ code: 'invalid_argument' });
  });
  it('a rate without a source is refused with invalid_argument', () => {
    const e = thrown(() => convertCurrency({ value: 1, unit: parseUnit('USD') }, 'CNY', { ...cset, source: ' ' }));
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect((e as Error).message).toContain('has no source');
  });
});
