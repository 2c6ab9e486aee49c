import { type Unit, unitArg } from '../../series/units.js';
import { checkLocale, type Locale } from '../../series/locale.js';

const ZH_WORD: Readonly<Record<string, string>> = {
  one: '',
  thousand: '千',
  wan: '万',
  million: '百万',
  yi: '亿',
  billion: '十亿',
  wanyi: '万亿',
  trillion: '万亿',
};
const ZH_CURRENCY: Readonly<Record<string, string>> = { CNY: '元', USD: '美元' };

/**
 * The unit as an axis title suffix: `RMB trillion`, `US$ billion`, `%`, `CNY per USD`, `万亿元`.
 * Chinese money and counts use the Chinese scale words (万, 亿, 万亿; trillion is 万亿, billion 十亿, million
 * 百万, thousand 千), an exchange rate 元/美元. A plain count has no label ('').
 * @param unit a Unit or its text form (`'CNY trillion'`)
 * @param locale `en` (default) or `zh`
 * @throws {MetricsError} invalid_argument for a unit parseUnit cannot read
 * @example
 * unitLabel('CNY trillion'); // => 'RMB trillion'
 * unitLabel('CNY trillion', 'zh'); // => '万亿元'
 * unitLabel('CNY billion', 'zh'); // => '十亿元'
 */
export function unitLabel(unit: string | Unit, locale: Locale = 'en'): string {
  const u = unitArg('unitLabel', 'unit', unit);
  checkLocale('unitLabel', locale);
  switch (u.kind) {
    case 'fraction':
      return '%';
    case 'fx':
      return locale === 'zh'
        ? `${ZH_CURRENCY[u.quote] ?? u.quote}/${ZH_CURRENCY[u.base] ?? u.base}`
        : `${u.quote} per ${u.base}`;
    case 'other':
      return u.symbol;
    case 'count': {
      if (locale === 'zh' && ZH_WORD[u.scale] !== undefined) return ZH_WORD[u.scale] as string;
      return u.scale === 'one' ? '' : u.scale === 'wanyi' ? 'trillion' : u.scale;
    }
    case 'money': {
      if (locale === 'zh' && ZH_WORD[u.scale] !== undefined)
        return `${ZH_WORD[u.scale] as string}${u.currency === 'CNY' ? '元' : '美元'}`;
      const symbol = u.currency === 'CNY' ? 'RMB' : 'US$';
      return u.scale === 'one' ? symbol : `${symbol} ${u.scale === 'wanyi' ? 'trillion' : u.scale}`;
    }
  }
}
