import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Currency,
  Scale,
  assertSameUnit,
  convertCurrency,
  convertScale,
  formatPercent,
  formatQuantity,
  isScaleConvertible,
  parseUnit,
  sameUnit,
  shiftDecimal,
  unitToString,
  type ExchangeRate,
  type Unit,
} from '../../src/series/units.js';
import { isMetricsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const SCALES = Object.keys(Scale) as Scale[];
const CURRENCIES = Object.keys(Currency) as Currency[];

// Dated rates stated in the seed documents:
// seeds/004: "expected to exceed 250 billion yuan ($38.62 billion) by 2023" (Global Times, 2021-07-12),
//   so the newspaper converted at 250 / 38.62 = 6.473329880890730... CNY per USD.
// seeds/003: "U.S. $1 ≈ 6.4 Chinese Yuan Renminbi (RMB), as of February 4, 2022."
const fxJuly2021: ExchangeRate = {
  base: 'USD',
  quote: 'CNY',
  rate: 250 / 38.62,
  date: '2021-07',
  source: 'implied by 250 billion yuan ($38.62 billion)',
};
const fxFeb2022: ExchangeRate = {
  base: 'USD',
  quote: 'CNY',
  rate: 6.4,
  date: '2022-02-04',
  source: 'U.S. $1 ≈ 6.4 RMB as of February 4, 2022',
};

describe('parseUnit', () => {
  it.each([
    ['CNY', { kind: 'money', currency: 'CNY', scale: 'one' }],
    ['RMB', { kind: 'money', currency: 'CNY', scale: 'one' }],
    ['yuan', { kind: 'money', currency: 'CNY', scale: 'one' }],
    ['USD', { kind: 'money', currency: 'USD', scale: 'one' }],
    ['$', { kind: 'money', currency: 'USD', scale: 'one' }],
    ['CNY unit', { kind: 'money', currency: 'CNY', scale: 'one' }],
    ['CNY one', { kind: 'money', currency: 'CNY', scale: 'one' }],
    ['RMB thousand', { kind: 'money', currency: 'CNY', scale: 'thousand' }],
    ['CNY wan', { kind: 'money', currency: 'CNY', scale: 'wan' }],
    ['CNY 万', { kind: 'money', currency: 'CNY', scale: 'wan' }],
    ['USD million', { kind: 'money', currency: 'USD', scale: 'million' }],
    ['$ million', { kind: 'money', currency: 'USD', scale: 'million' }],
    ['CNY yi', { kind: 'money', currency: 'CNY', scale: 'yi' }],
    ['RMB 亿', { kind: 'money', currency: 'CNY', scale: 'yi' }],
    ['USD billion', { kind: 'money', currency: 'USD', scale: 'billion' }],
    ['CNY trillion', { kind: 'money', currency: 'CNY', scale: 'trillion' }],
    ['CNY Trillion', { kind: 'money', currency: 'CNY', scale: 'trillion' }],
    ['rmb trillion', { kind: 'money', currency: 'CNY', scale: 'trillion' }],
    ['CNY wanyi', { kind: 'money', currency: 'CNY', scale: 'wanyi' }],
    ['CNY 万亿', { kind: 'money', currency: 'CNY', scale: 'wanyi' }],
    ['  CNY   trillion ', { kind: 'money', currency: 'CNY', scale: 'trillion' }],
    ['count', { kind: 'count', scale: 'one' }],
    ['count million', { kind: 'count', scale: 'million' }],
    ['count 万', { kind: 'count', scale: 'wan' }],
    ['count 亿', { kind: 'count', scale: 'yi' }],
    ['fraction', { kind: 'fraction' }],
    ['CNY/USD', { kind: 'fx', base: 'USD', quote: 'CNY' }],
    ['RMB/$', { kind: 'fx', base: 'USD', quote: 'CNY' }],
    ['USD/CNY', { kind: 'fx', base: 'CNY', quote: 'USD' }],
    ['MB/month', { kind: 'other', symbol: 'MB/month' }],
    ['rank', { kind: 'other', symbol: 'rank' }],
    ['fraction of GDP', { kind: 'other', symbol: 'fraction of GDP' }],
    ['EUR/USD', { kind: 'other', symbol: 'EUR/USD' }],
  ] as const)('parseUnit(%j)', (text, unit) => {
    expect(parseUnit(text)).toEqual(unit);
    expect(Object.isFrozen(parseUnit(text))).toBe(true);
  });

  it('parseUnit(unit object) returns an equal frozen copy and leaves the input alone', () => {
    const input = { kind: 'money', currency: 'CNY', scale: 'yi' } as const;
    const out = parseUnit(input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(Object.isFrozen(out)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it("parseUnit refuses a field the unit's kind does not have, naming the one meant (it was dropped without a word)", () => {
    expect(thrown(() => parseUnit({ kind: 'count', scale: 'million', extra: 1 } as unknown as Unit))).toMatchObject({
      code: 'invalid_argument',
      message:
        'parseUnit: unit has an unknown field "extra" (got {"kind":"count","scale":"million","extra":1}). Remove it; its fields are kind, scale.',
      issues: [{ path: ['unit', 'extra'] }],
    });
    // a misspelt currency would have been read as CNY's unit with a stray field
    const misspelt = { kind: 'money', currency: 'CNY', scale: 'billion', currencys: 'USD' } as unknown as Unit;
    expect(thrown(() => parseUnit(misspelt))).toMatchObject({
      message: expect.stringMatching(
        /unknown field "currencys" .*Did you mean currency\? Remove it; its fields are kind, currency, scale\.$/,
      ),
    });
    // under a function's name, with its argument's path (a fit handed back carries its unit; fuzz seed 25)
    expect(thrown(() => unitToString({ kind: 'fraction', scale: 'one' } as unknown as Unit))).toMatchObject({
      message: expect.stringMatching(/^unitToString: unit: unit has an unknown field "scale"/),
      issues: [{ path: ['unit', 'scale'] }],
    });
    expect(parseUnit({ kind: 'count', scale: 'million' })).toEqual({ kind: 'count', scale: 'million' });
  });

  it.each(['', '   ', 5, null, undefined])('parseUnit(%j) throws invalid_argument', (bad) => {
    const e = thrown(() => parseUnit(bad as unknown as string));
    expect(e).toMatchObject({ name: 'MetricsError', code: 'invalid_argument' });
    expect((e as Error).message).toMatch(
      /^parseUnit: a unit must be a non-empty string such as "CNY trillion" \(got .*\)\.$/,
    );
  });

  it('parseUnit("CNY gazillion") throws invalid_argument listing the scales', () => {
    const e = thrown(() => parseUnit('CNY gazillion')) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument', details: { unit: 'CNY gazillion' } });
    expect(e.message).toContain('unknown scale "gazillion"');
    expect(e.message).toContain('one, thousand, wan, million, yi, billion, trillion, wanyi');
  });

  it('parseUnit("count dozen") throws invalid_argument', () => {
    expect(thrown(() => parseUnit('count dozen'))).toMatchObject({ code: 'invalid_argument' });
  });

  it('parseUnit("CNY trillion yi") throws invalid_argument: more than one scale word', () => {
    const e = thrown(() => parseUnit('CNY trillion yi')) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toContain('more than one scale word');
  });

  it.each([
    { kind: 'money', currency: 'EUR', scale: 'one' },
    { kind: 'money', currency: 'CNY', scale: 'gazillion' },
    { kind: 'money', currency: 'CNY' },
    { kind: 'count', scale: 'dozen' },
    { kind: 'fx', base: 'USD', quote: 'EUR' },
    { kind: 'other', symbol: '' },
    { kind: 'other' },
    { kind: 'percent' },
    {},
  ])('parseUnit(%j) throws invalid_argument: not a unit', (bad) => {
    const e = thrown(() => parseUnit(bad as unknown as Unit)) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toMatch(/^parseUnit: .* is not a unit\. Use the text form/);
  });
});

/** Every unit the library can represent (with one free symbol). */
function allUnits(): Unit[] {
  const units: Unit[] = [{ kind: 'fraction' }, { kind: 'other', symbol: 'MB/month' }];
  for (const currency of CURRENCIES) for (const scale of SCALES) units.push({ kind: 'money', currency, scale });
  for (const scale of SCALES) units.push({ kind: 'count', scale });
  for (const base of CURRENCIES) for (const quote of CURRENCIES) units.push({ kind: 'fx', base, quote });
  return units;
}

describe('unitToString', () => {
  it.each([
    [{ kind: 'money', currency: 'CNY', scale: 'trillion' }, 'CNY trillion'],
    [{ kind: 'money', currency: 'USD', scale: 'one' }, 'USD'],
    [{ kind: 'money', currency: 'CNY', scale: 'wanyi' }, 'CNY wanyi'],
    [{ kind: 'count', scale: 'one' }, 'count'],
    [{ kind: 'count', scale: 'million' }, 'count million'],
    [{ kind: 'fraction' }, 'fraction'],
    [{ kind: 'fx', base: 'USD', quote: 'CNY' }, 'CNY/USD'],
    [{ kind: 'other', symbol: 'MB/month' }, 'MB/month'],
  ] as const)('unitToString(%j) is %j', (unit, text) => {
    expect(unitToString(unit)).toBe(text);
  });

  it('parseUnit(unitToString(u)) gives back u for every unit', () => {
    for (const u of allUnits()) expect(parseUnit(unitToString(u))).toEqual(u);
  });
});

describe('sameUnit, isScaleConvertible, assertSameUnit', () => {
  it('sameUnit("RMB trillion", "CNY trillion") is true; trillion and wanyi are convertible but not the same', () => {
    expect(sameUnit(parseUnit('RMB trillion'), parseUnit('CNY trillion'))).toBe(true);
    expect(sameUnit(parseUnit('CNY trillion'), parseUnit('CNY 万亿'))).toBe(false);
    expect(isScaleConvertible(parseUnit('CNY trillion'), parseUnit('CNY 万亿'))).toBe(true);
  });

  it('isScaleConvertible is true within one currency and between counts, false across currencies and kinds', () => {
    expect(isScaleConvertible(parseUnit('count'), parseUnit('count million'))).toBe(true);
    expect(isScaleConvertible(parseUnit('CNY'), parseUnit('USD'))).toBe(false);
    expect(isScaleConvertible(parseUnit('CNY'), parseUnit('count'))).toBe(false);
    expect(isScaleConvertible(parseUnit('fraction'), parseUnit('fraction'))).toBe(true);
    expect(isScaleConvertible(parseUnit('MB/month'), parseUnit('GB/month'))).toBe(false);
  });

  it('assertSameUnit passes for equal units', () => {
    expect(assertSameUnit('f', parseUnit('CNY 亿'), parseUnit('RMB yi'))).toBeUndefined();
  });

  it('assertSameUnit across scales throws unit_mismatch naming the convertScale call', () => {
    const e = thrown(() => assertSameUnit('f', parseUnit('CNY trillion'), parseUnit('CNY 亿'))) as Error;
    expect(e).toMatchObject({ code: 'unit_mismatch', details: { a: 'CNY trillion', b: 'CNY yi' } });
    expect(e.message).toBe(
      'f: units differ ("CNY trillion" vs "CNY yi"). Convert one of them first with convertScale(value, "CNY trillion", "CNY yi").',
    );
  });

  it('assertSameUnit across currencies throws unit_mismatch with the convertCurrency hint', () => {
    const e = thrown(() => assertSameUnit('f', parseUnit('CNY billion'), parseUnit('USD billion'))) as Error;
    expect(e).toMatchObject({ code: 'unit_mismatch' });
    expect(e.message).toContain('Convert the currency first with convertCurrency and a dated exchange rate.');
  });

  it('assertSameUnit across kinds throws unit_mismatch: cannot be combined', () => {
    const e = thrown(() => assertSameUnit('f', parseUnit('count'), parseUnit('fraction'))) as Error;
    expect(e).toMatchObject({ code: 'unit_mismatch' });
    expect(e.message).toContain('cannot be combined');
  });
});

describe('convertScale', () => {
  // 1 trillion = 10^12 = 10^4 亿 (亿 = 10^8), so 3.05 trillion = 30500 亿 exactly.
  it('convertScale(3.05, "CNY trillion", "CNY 亿") is 30500', () => {
    expect(convertScale(3.05, 'CNY trillion', 'CNY 亿')).toBe(30500);
  });
  it('convertScale(250, "CNY billion", "CNY trillion") is 0.25', () => {
    expect(convertScale(250, 'CNY billion', 'CNY trillion')).toBe(0.25);
  });
  it('convertScale(30500, "CNY 亿", "CNY 万亿") is 3.05 (万亿 = 10^12)', () => {
    expect(convertScale(30500, 'CNY 亿', 'CNY 万亿')).toBe(3.05);
  });
  it('convertScale(1, "CNY 万亿", "CNY trillion") is 1', () => {
    expect(convertScale(1, 'CNY 万亿', 'CNY trillion')).toBe(1);
  });
  it('convertScale(38.62, "USD billion", "USD 亿") is 386.2', () => {
    expect(convertScale(38.62, 'USD billion', 'USD 亿')).toBe(386.2);
  });
  it('convertScale(0.1, "count million", "count") is 100000; 1.5 万 is 15000', () => {
    expect(convertScale(0.1, 'count million', 'count')).toBe(100000);
    expect(convertScale(1.5, 'count 万', 'count')).toBe(15000);
  });
  it('convertScale(4.35, "CNY trillion", "CNY 万") is 43500000000 and 4.35 CNY 亿 is 435 CNY million, where 4.35 * 100 is not', () => {
    expect(convertScale(4.35, 'CNY trillion', 'CNY 万')).toBe(435_000_000);
    expect(convertScale(4.35, 'CNY 亿', 'CNY million')).toBe(435);
    expect(4.35 * 100).not.toBe(435); // 434.99999999999994: why the decimal point is moved, not multiplied
  });
  it('convertScale between equal units returns the value (fraction, other)', () => {
    expect(convertScale(0.25, 'fraction', 'fraction')).toBe(0.25);
    expect(convertScale(7, 'MB/month', 'MB/month')).toBe(7);
  });
  it('convertScale(0, ...) and negative values', () => {
    expect(convertScale(0, 'CNY trillion', 'CNY')).toBe(0);
    expect(convertScale(-3.05, 'CNY trillion', 'CNY 亿')).toBe(-30500);
  });

  it('convertScale across currencies throws unit_mismatch with the convertCurrency hint', () => {
    const e = thrown(() => convertScale(1, 'CNY trillion', 'USD trillion')) as Error;
    expect(e).toMatchObject({ code: 'unit_mismatch' });
    expect(e.message).toMatch(
      /^convertScale: units differ \("CNY trillion" vs "USD trillion"\)\. Convert the currency first with convertCurrency/,
    );
  });
  it('convertScale from money to count throws unit_mismatch', () => {
    expect(thrown(() => convertScale(1, 'CNY', 'count'))).toMatchObject({ code: 'unit_mismatch' });
  });
  it('convertScale(NaN, ...) throws non_finite; a bad unit throws invalid_argument', () => {
    expect(thrown(() => convertScale(Number.NaN, 'CNY', 'CNY yi'))).toMatchObject({ code: 'non_finite' });
    expect(thrown(() => convertScale(1, 'CNY gazillion', 'CNY yi'))).toMatchObject({ code: 'invalid_argument' });
  });
  it('convertScale(1e300, "CNY trillion", "CNY") throws degenerate instead of returning Infinity', () => {
    expect(thrown(() => convertScale(1e300, 'CNY trillion', 'CNY'))).toMatchObject({ code: 'degenerate' });
  });

  /** m * 10^-d for an integer m of at most 15 digits, read from its decimal text (the exact decimal). */
  const decimal15 = fc.tuple(
    fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
    fc.integer({ min: 0, max: 20 }),
  );
  const scale = fc.constantFrom(...SCALES);

  it('convertScale round trips exactly (===) between every pair of scales for values of up to 15 significant digits', () => {
    fc.assert(
      fc.property(decimal15, scale, scale, fc.constantFrom('CNY', 'USD', 'count'), ([m, d], a, b, what) => {
        const v = Number(`${m}e-${d}`);
        const ua = what === 'count' ? `count ${a}` : `${what} ${a}`;
        const ub = what === 'count' ? `count ${b}` : `${what} ${b}`;
        return convertScale(convertScale(v, ua, ub), ub, ua) === v;
      }),
      { numRuns: 2000 },
    );
  });

  it('convertScale gives the double nearest to the exact decimal result', () => {
    fc.assert(
      fc.property(decimal15, scale, scale, ([m, d], a, b) => {
        const exact = Number(`${m}e${-d + Scale[a] - Scale[b]}`);
        return convertScale(Number(`${m}e-${d}`), `CNY ${a}`, `CNY ${b}`) === exact;
      }),
      { numRuns: 1000 },
    );
  });

  it('the round trip is exact for every pair of scales, checked exhaustively on 3.05 and 0.1', () => {
    for (const a of SCALES) {
      for (const b of SCALES) {
        for (const v of [3.05, 0.1, 123456789012345, 1e-9])
          expect(convertScale(convertScale(v, `CNY ${a}`, `CNY ${b}`), `CNY ${b}`, `CNY ${a}`)).toBe(v);
      }
    }
  });
});

describe('shiftDecimal', () => {
  it('shiftDecimal(1.1, 1) is 11 and shiftDecimal(0.3, -3) is 0.0003', () => {
    expect(shiftDecimal(1.1, 1)).toBe(11);
    expect(shiftDecimal(0.3, -3)).toBe(0.0003);
  });
  it('shiftDecimal(x, 0) and shiftDecimal(0, n) return the input', () => {
    expect(shiftDecimal(0.1 + 0.2, 0)).toBe(0.1 + 0.2);
    expect(shiftDecimal(0, 12)).toBe(0);
  });
});

describe('convertCurrency', () => {
  const q = (value: number, unit: string) => ({ value, unit: parseUnit(unit) });

  it('the July 2021 rate implied by "250 billion yuan ($38.62 billion)" is 250 / 38.62 ≈ 6.4733', () => {
    expect(fxJuly2021.rate).toBeCloseTo(6.4733, 4);
  });
  it('convertCurrency(RMB 250 billion, "USD billion", 250/38.62 CNY per USD) is $38.62 billion', () => {
    const out = convertCurrency(q(250, 'CNY billion'), 'USD billion', fxJuly2021);
    expect(out.value).toBeCloseTo(38.62, 12);
    expect(out.unit).toEqual({ kind: 'money', currency: 'USD', scale: 'billion' });
  });
  it('convertCurrency($38.62 billion, "CNY billion", same rate) is RMB 250 billion (the rate read the other way)', () => {
    expect(convertCurrency(q(38.62, 'USD billion'), 'CNY billion', fxJuly2021).value).toBeCloseTo(250, 10);
  });
  it('convertCurrency(RMB 2500 亿, "USD billion") is $38.62 billion: the scale changes with the currency', () => {
    expect(convertCurrency(q(2500, 'CNY 亿'), 'USD billion', fxJuly2021).value).toBeCloseTo(38.62, 12);
  });
  it('convertCurrency(US$1, "CNY", 6.4 on 2022-02-04) is RMB 6.4, and RMB 6.4 is US$1', () => {
    expect(convertCurrency(q(1, 'USD'), 'CNY', fxFeb2022).value).toBe(6.4);
    expect(convertCurrency(q(6.4, 'CNY'), 'USD', fxFeb2022).value).toBe(1);
  });
  it('convertCurrency(RMB 3 trillion, "USD billion", 6.4) is 3000 / 6.4 = $468.75 billion', () => {
    expect(convertCurrency(q(3, 'CNY trillion'), 'USD billion', fxFeb2022).value).toBe(468.75);
  });
  it('convertCurrency within one currency only changes the scale and ignores the rate', () => {
    expect(convertCurrency(q(3.05, 'CNY trillion'), 'CNY 亿', fxFeb2022).value).toBe(30500);
  });
  it('convertCurrency returns a frozen quantity and leaves the input alone', () => {
    const input = q(1, 'USD');
    const out = convertCurrency(input, 'CNY', fxFeb2022);
    expect(Object.isFrozen(out)).toBe(true);
    expect(input).toEqual({ value: 1, unit: { kind: 'money', currency: 'USD', scale: 'one' } });
  });

  it('convertCurrency with a rate <= 0 throws invalid_argument', () => {
    expect(thrown(() => convertCurrency(q(1, 'USD'), 'CNY', { ...fxFeb2022, rate: 0 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => convertCurrency(q(1, 'USD'), 'CNY', { ...fxFeb2022, rate: -6.4 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('convertCurrency with a NaN rate or value throws non_finite', () => {
    expect(thrown(() => convertCurrency(q(1, 'USD'), 'CNY', { ...fxFeb2022, rate: Number.NaN }))).toMatchObject({
      code: 'non_finite',
    });
    expect(thrown(() => convertCurrency({ value: Infinity, unit: parseUnit('USD') }, 'CNY', fxFeb2022))).toMatchObject({
      code: 'non_finite',
    });
  });
  it('convertCurrency of a count throws unit_mismatch', () => {
    const e = thrown(() => convertCurrency(q(1, 'count'), 'CNY', fxFeb2022)) as Error;
    expect(e).toMatchObject({ code: 'unit_mismatch' });
    expect(e.message).toContain('both units must be money');
  });
  it('convertCurrency with a rate that does not connect the currencies throws unit_mismatch naming the rate and date', () => {
    const e = thrown(() => convertCurrency(q(1, 'CNY'), 'USD', { ...fxFeb2022, base: 'USD', quote: 'USD' })) as Error;
    expect(e).toMatchObject({ code: 'unit_mismatch' });
    expect(e.message).toContain('rate of 2022-02-04 cannot convert CNY to USD');
  });
  it('convertCurrency that overflows throws degenerate', () => {
    expect(thrown(() => convertCurrency(q(1e300, 'USD trillion'), 'CNY', fxFeb2022))).toMatchObject({
      code: 'degenerate',
    });
  });
  it('convertCurrency there and back returns the value within 1e-15 relative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (v, rate) => {
          const fx = { ...fxFeb2022, rate };
          const usd = convertCurrency(q(v, 'CNY 亿'), 'USD billion', fx);
          const back = convertCurrency(usd, 'CNY 亿', fx).value;
          return Math.abs(back - v) <= 1e-15 * v;
        },
      ),
    );
  });
});

describe('formatQuantity', () => {
  const f = (value: number, unit: string, options = {}) => formatQuantity({ value, unit: parseUnit(unit) }, options);
  // compound(1, 0.25, 5) = 1.25^5 = 3.0517578125: the 14th plan's implied 2025 level, RMB trillion.
  it('formatQuantity(3.0517578125 CNY trillion) is "RMB 3.05 trillion"', () => {
    expect(f(3.0517578125, 'CNY trillion')).toBe('RMB 3.05 trillion');
  });
  it('formatQuantity(3.0517578125 CNY trillion, zh) is "3.05万亿元"', () => {
    expect(f(3.0517578125, 'CNY trillion', { locale: 'zh' })).toBe('3.05万亿元');
  });
  it('formatQuantity(38.62 USD billion) is "$38.6 billion"; in zh it is 386亿美元 (38.62 billion = 386.2 亿)', () => {
    expect(f(38.62, 'USD billion')).toBe('$38.6 billion');
    expect(f(38.62, 'USD billion', { locale: 'zh' })).toBe('386亿美元');
  });
  it('formatQuantity(250 CNY billion) picks the scale: "RMB 250 billion"; zh "2500亿元"', () => {
    expect(f(250, 'CNY billion')).toBe('RMB 250 billion');
    expect(f(250, 'CNY billion', { locale: 'zh' })).toBe('2500亿元');
    expect(f(0.25, 'CNY trillion')).toBe('RMB 250 billion');
  });
  it('formatQuantity with autoScale false keeps the unit scale (zh falls back to a Chinese scale)', () => {
    expect(f(3050, 'CNY billion', { autoScale: false })).toBe('RMB 3050 billion');
    expect(f(3.05, 'CNY billion', { locale: 'zh', autoScale: false })).toBe('30.5亿元');
    expect(f(3.05, 'CNY 亿', { locale: 'zh', autoScale: false })).toBe('3.05亿元');
  });
  it('formatQuantity with digits', () => {
    expect(f(250 / 38.62, 'CNY/USD', { digits: 4 })).toBe('6.473 CNY per USD');
    expect(f(3.0517578125, 'CNY trillion', { digits: 6 })).toBe('RMB 3.05176 trillion');
    expect(f(3.0517578125, 'CNY trillion', { digits: 1 })).toBe('RMB 3 trillion');
  });
  it('formatQuantity of fractions is a percent: 25.0%, 24.6%, 0.5%, -5.0%, 0.123%', () => {
    expect(f(0.25, 'fraction')).toBe('25.0%');
    expect(f(3 ** 0.2 - 1, 'fraction')).toBe('24.6%');
    expect(f(0.005, 'fraction')).toBe('0.5%');
    expect(f(-0.05, 'fraction')).toBe('-5.0%');
    expect(f(0.0012345, 'fraction')).toBe('0.123%');
    expect(f(0, 'fraction')).toBe('0%');
  });
  it('formatQuantity of counts: 10, 12.3 thousand, 1.23万, 2.5 million', () => {
    expect(f(10, 'count')).toBe('10');
    expect(f(10, 'count', { locale: 'zh' })).toBe('10');
    expect(f(12345, 'count')).toBe('12.3 thousand');
    expect(f(12345, 'count', { locale: 'zh' })).toBe('1.23万');
    expect(f(2.5, 'count million')).toBe('2.5 million');
  });
  it('formatQuantity of small values: "RMB 0.5", "RMB 0.0000123", 0.001 trillion is "RMB 1 billion"', () => {
    expect(f(0.5, 'CNY')).toBe('RMB 0.5');
    expect(f(0.00001234, 'CNY')).toBe('RMB 0.0000123');
    expect(f(0.001, 'CNY trillion')).toBe('RMB 1 billion');
    expect(f(0, 'CNY trillion')).toBe('RMB 0');
  });
  it('formatQuantity of negative values keeps the sign', () => {
    expect(f(-3.05, 'CNY trillion')).toBe('RMB -3.05 trillion');
    expect(f(-3.05, 'CNY trillion', { locale: 'zh' })).toBe('-3.05万亿元');
    expect(f(-0.004, 'USD billion')).toBe('$-4 million');
  });
  it('formatQuantity rounding up moves to the next scale: 0.9999 trillion is "RMB 1 trillion", not "RMB 1000 billion"', () => {
    expect(f(0.9999, 'CNY trillion')).toBe('RMB 1 trillion');
    expect(f(999.95, 'CNY billion')).toBe('RMB 1 trillion');
    expect(f(0.999, 'CNY trillion')).toBe('RMB 999 billion');
    expect(f(9999.7, 'CNY 亿', { locale: 'zh' })).toBe('1万亿元');
  });
  it('formatQuantity in zh for USD ends in 美元; 万亿 for trillions', () => {
    expect(f(1.2, 'USD trillion', { locale: 'zh' })).toBe('1.2万亿美元');
    expect(f(5, 'USD 万', { locale: 'zh' })).toBe('5万美元');
    expect(f(5, 'USD', { locale: 'zh' })).toBe('5美元');
  });
  it('formatQuantity of fx and other units', () => {
    expect(f(6.4, 'CNY/USD')).toBe('6.4 CNY per USD');
    expect(f(5, 'MB/month')).toBe('5 MB/month');
  });

  it('formatQuantity(NaN) throws non_finite', () => {
    expect(thrown(() => f(Number.NaN, 'CNY'))).toMatchObject({ code: 'non_finite' });
  });
  it.each([0, 18, 1.5])('formatQuantity with digits %j throws invalid_argument', (digits) => {
    expect(thrown(() => f(1, 'CNY', { digits }))).toMatchObject({ code: 'invalid_argument' });
  });

  it('formatQuantity of any finite money value reads "RMB <number>[ <scale>]" with a number between 1 and 1000 when >= 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e14, noNaN: true }), (v) => {
        const m = /^RMB (\d+(?:\.\d+)?)(?: (thousand|million|billion|trillion))?$/.exec(f(v, 'CNY'));
        if (!m) return false;
        const n = Number(m[1]);
        return n >= 1 && (n < 1000 || m[2] === 'trillion');
      }),
    );
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => f(3, 'CNY trillion', { autoscale: false }));
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'autoscale'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "autoscale".*Did you mean autoScale\?/);
  });
});

describe('formatPercent', () => {
  it('formatPercent(0.25) is "25%", formatPercent(0.24567) "24.57%": two decimals, trailing zeros dropped, no space', () => {
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(0.24567)).toBe('24.57%');
    expect(formatPercent(-0.031)).toBe('-3.1%');
    expect(formatPercent(2.5)).toBe('250%');
  });
  it('{ decimals, fixed } keeps the zeros a column needs: 0.18 is "18.0%", 0.254 to two is "25.40%"', () => {
    expect(formatPercent(0.18, { decimals: 1, fixed: true })).toBe('18.0%');
    expect(formatPercent(0.254, { decimals: 2, fixed: true })).toBe('25.40%');
    expect(formatPercent(0.6234, { decimals: 0 })).toBe('62%');
  });
  it('a value that rounds to zero has no sign: -0.00001 is "0%" and "0.00%"', () => {
    expect(formatPercent(-0.00001)).toBe('0%');
    expect(formatPercent(-0.00001, { decimals: 2, fixed: true })).toBe('0.00%');
  });
  it('{ digits } writes a fraction as formatQuantity does: "25.0%", "0.523%"', () => {
    for (const v of [0.25, 0.00523, -0.031, 1.5, 0.0000123456, 0])
      for (const digits of [1, 3, 6])
        expect(formatPercent(v, { digits })).toBe(
          formatQuantity({ value: v, unit: parseUnit('fraction') }, { digits }),
        );
    expect(formatPercent(0.00523, { digits: 3 })).toBe('0.523%');
  });
  it('formatPercent(NaN), decimals 1.5 or 21, and 1e307 (overflows as a percentage) throw', () => {
    expect(thrown(() => formatPercent(Number.NaN))).toMatchObject({ code: 'non_finite' });
    expect(thrown(() => formatPercent(0.1, { decimals: 1.5 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => formatPercent(0.1, { decimals: 21 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => formatPercent(1e307))).toMatchObject({ code: 'degenerate' });
  });
  it('the text reads back: Number(formatPercent(x, { decimals: d }) without %) / 100 is x to within half a unit of the last decimal', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const text = formatPercent(x, { decimals: d });
        return (
          /^-?\d+(\.\d+)?%$/.test(text) &&
          Math.abs(Number(text.slice(0, -1)) - x * 100) <= 0.5 * 10 ** -d * (1 + 1e-9) + 1e-9 * Math.abs(x * 100)
        );
      }),
    );
  });
});

describe('any input gives a finite result or a MetricsError', () => {
  const anyDouble = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, 5e-324, 1e308, -1e308, 1.7950000000000001e308, Number.NaN, Infinity, -Infinity),
  );
  const units = fc.constantFrom(
    'CNY',
    'CNY trillion',
    'CNY 亿',
    'USD billion',
    'count',
    'count 万',
    'fraction',
    'CNY/USD',
    'MB/month',
  );
  const ok = (f: () => unknown, accept: (v: unknown) => boolean): boolean => {
    try {
      return accept(f());
    } catch (e) {
      return isMetricsError(e);
    }
  };
  it('convertScale returns a finite number and formatQuantity text without NaN, Infinity or undefined', () => {
    fc.assert(
      fc.property(
        anyDouble,
        units,
        units,
        fc.integer({ min: 1, max: 17 }),
        (v, a, b, digits) =>
          ok(
            () => convertScale(v, a, b),
            (x) => typeof x === 'number' && Number.isFinite(x),
          ) &&
          ok(
            () => formatQuantity({ value: v, unit: parseUnit(a) }, { digits }),
            (t) => typeof t === 'string' && !/NaN|Infinity|undefined/.test(t),
          ) &&
          ok(
            () => formatQuantity({ value: v, unit: parseUnit(a) }, { locale: 'zh', digits }),
            (t) => typeof t === 'string' && !/NaN|Infinity|undefined/.test(t),
          ),
      ),
      { numRuns: 3000 },
    );
  });
  it('formatQuantity of 1e-25 CNY is "RMB 1e-25" (not "RMB 0"), of 1.7950000000000001e308 is "1.80e+308", of a huge fraction throws degenerate', () => {
    expect(formatQuantity({ value: 1e-25, unit: parseUnit('CNY') })).toBe('RMB 1e-25');
    expect(formatQuantity({ value: 1.7950000000000001e308, unit: parseUnit('MB/month') })).toBe('1.80e+308 MB/month');
    expect(thrown(() => formatQuantity({ value: 1e307, unit: parseUnit('fraction') }))).toMatchObject({
      code: 'degenerate',
    });
  });
});

describe('parseUnit of a unit it made', () => {
  it('returns that unit itself (no copy), and a frozen checked copy of a hand-built one', () => {
    const u = parseUnit('CNY trillion');
    expect(parseUnit(u)).toBe(u);
    // the same text gives the same frozen unit; beyond the 1000 texts kept, units are still read anew
    expect(parseUnit('CNY trillion')).toBe(u);
    for (let i = 0; i < 1200; i++)
      expect(parseUnit(`widgets-${i}/day`)).toEqual({ kind: 'other', symbol: `widgets-${i}/day` });
    expect(parseUnit('widgets-1100/day')).not.toBe(parseUnit('widgets-1100/day'));
    expect(parseUnit('widgets-1100/day')).toEqual({ kind: 'other', symbol: 'widgets-1100/day' });
    const hand = { kind: 'money', currency: 'CNY', scale: 'trillion' } as const;
    const copy = parseUnit(hand);
    expect(copy).not.toBe(hand);
    expect(copy).toEqual(hand);
    expect(Object.isFrozen(copy)).toBe(true);
    expect(parseUnit(copy)).toBe(copy);
    // a hand-built object is checked every time, even when an equal unit was seen before
    expect(thrown(() => parseUnit({ kind: 'money', currency: 'EUR', scale: 'one' } as never))).toMatchObject({
      code: 'invalid_argument',
    });
  });
});
