import { describe, expect, it } from 'vitest';
import { parseWording } from '../../src/targets/parseWording.js';
import { meets } from '../../src/targets/meets.js';
import { convertScale } from '../../src/series/units.js';
import { thrown } from '../helpers/thrown.js';

// Issue 12, point 8: Chinese comparator words are read where users paste them (超过, 达到, 约, 左右, 不低于, 突破, 近).
describe('parseWording', () => {
  it.each([
    ['超过2500亿元', 'exceeds', 2500, 'CNY 亿'],
    ['突破3万亿元', 'exceeds', 3, 'CNY 万亿'],
    ['达到1.57万亿元', 'atLeast', 1.57, 'CNY 万亿'],
    ['不低于10%', 'atLeast', 0.1, 'fraction'],
    ['约25%', 'about', 0.25, 'fraction'],
    ['25%左右', 'about', 0.25, 'fraction'],
    ['近300', 'atMost', 300, 'count'],
    ['2500亿元以上', 'atLeast', 2500, 'CNY 亿'],
    ['more than RMB 3 trillion', 'exceeds', 3, 'CNY trillion'],
    ['nearly $39 billion', 'atMost', 39, 'USD billion'],
    ['over 15%', 'exceeds', 0.15, 'fraction'],
    ['17.1万亿元', 'equals', 17.1, 'CNY 万亿'],
  ])('parseWording(%j) is %s %d %s', (text, comparator, value, unit) => {
    const w = parseWording(text);
    expect(w.comparator).toBe(comparator);
    expect(w.value).toBe(value);
    expect(convertScale(1, w.unit, unit)).toBe(1);
  });
  it('"约25%" gets the default ±5 % labelled as an assumption, and "超过2500亿元" is met by 250.1 billion only', () => {
    expect(parseWording('约25%').tolerance?.assumption).toMatch(/^library default: "约" read as ± 5%/);
    const w = parseWording('超过2500亿元');
    expect(meets(convertScale(250.1, 'CNY billion', w.unit), w)).toBe(true);
    expect(meets(convertScale(250, 'CNY billion', w.unit), w)).toBe(false);
  });
  it('"近300" is a ceiling: 300 meets it, 301 does not', () => {
    const w = parseWording('近300');
    expect([meets(300, w), meets(301, w)]).toEqual([true, false]);
  });
  it('two comparator words that disagree, or no figure, throw invalid_argument', () => {
    expect(thrown(() => parseWording('超过2500亿元以下'))).toMatchObject({ code: 'invalid_argument' });
    expect((thrown(() => parseWording('超过很多')) as Error).message).toContain('no figure in "超过很多"');
  });
});
