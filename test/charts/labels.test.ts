import { describe, expect, it } from 'vitest';
import { unitLabel } from '../../src/charts/internal/unitLabel.js';
import { axisTitle } from '../../src/charts/internal/axisTitle.js';
import { axisFormat } from '../../src/charts/internal/axisFormat.js';
import { chartTheme, COMPARATOR_SHAPE, DASHES, PALETTE } from '../../src/charts/theme.js';
import { attainmentText, formatProbability } from '../../src/charts/internal/layers.js';
import { parseUnit } from '../../src/series/units.js';
import { target2025 } from './fixtures.js';

describe('unitLabel / axisTitle / axisFormat', () => {
  it.each([
    ['CNY trillion', 'en', 'RMB trillion'],
    ['CNY trillion', 'zh', '万亿元'],
    ['CNY 亿', 'zh', '亿元'],
    ['CNY billion', 'zh', '十亿元'],
    ['USD million', 'zh', '百万美元'],
    ['CNY/USD', 'zh', '元/美元'],
    ['USD billion', 'en', 'US$ billion'],
    ['count', 'en', ''],
    ['count wan', 'zh', '万'],
    ['fraction', 'en', '%'],
    ['CNY/USD', 'en', 'CNY per USD'],
    ['MB/month', 'en', 'MB/month'],
  ] as const)('unitLabel(%s, %s) is %s', (u, locale, expected) => {
    expect(unitLabel(u, locale)).toBe(expected);
  });
  it('axisTitle names the measure and the unit', () => {
    expect(axisTitle('Revenue', 'CNY trillion')).toBe('Revenue (RMB trillion)');
    expect(axisTitle('营业收入', 'CNY trillion', 'zh')).toBe('营业收入（万亿元）');
    expect(axisTitle('Enterprises', 'count')).toBe('Enterprises');
    expect(axisTitle(undefined, 'count')).toBe('Value');
  });
  it('axisFormat is a percentage for fractions only', () => {
    expect(axisFormat('fraction')).toBe('.1~%');
    expect(axisFormat(parseUnit('CNY trillion'))).toBe(',.4~r');
  });
});

describe('theme', () => {
  it('chartTheme() uses DejaVu Sans, zh uses Noto Sans CJK SC', () => {
    expect(chartTheme().font).toBe('DejaVu Sans');
    expect(chartTheme('zh').font).toBe('Noto Sans CJK SC');
  });
  it('every palette colour has its own dash pattern (readable in black and white)', () => {
    expect(new Set(DASHES.map((d) => d.join(','))).size).toBe(PALETTE.length);
  });
  it('comparators above and below a value get different shapes', () => {
    expect(COMPARATOR_SHAPE.exceeds).toBe('triangle-up');
    expect(COMPARATOR_SHAPE.atMost).toBe('triangle-down');
    expect(COMPARATOR_SHAPE.about).toBe('diamond');
  });
});

describe('attainment text', () => {
  it('attainmentText reads P(exceeds RMB 3 trillion in 2025) = 62%', () => {
    expect(attainmentText({ probability: 0.62, target: target2025 }, parseUnit('CNY trillion'), 'en')).toBe(
      'P(exceeds RMB 3 trillion in 2025) = 62%',
    );
    expect(attainmentText({ probability: 0.62, target: target2025 }, parseUnit('CNY trillion'), 'zh')).toBe(
      'P（2025年超过3万亿元）= 62%',
    );
  });
  it.each([
    [0, '0%'],
    [1, '100%'],
    [0.0004, '<0.1%'],
    [0.9996, '>99.9%'],
    [0.003, '0.3%'],
    [0.996, '99.6%'],
    [0.625, '63%'],
  ] as const)('formatProbability(%d) is %s', (p, text) => {
    expect(formatProbability(p)).toBe(text);
  });
});
