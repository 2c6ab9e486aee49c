import type { Config } from 'vega-lite';
import type { Comparator } from '../targets/fact.js';
import type { Locale } from '../series/locale.js';

/**
 * Line and area colours (Okabe-Ito, safe for colour-blind readers). Their lightness differs enough
 * that, with {@link DASHES}, lines stay apart in black-and-white print.
 */
export const PALETTE = Object.freeze([
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
] as const);

/** Dash patterns paired with {@link PALETTE}: the n-th scenario gets the n-th colour and the n-th dash. */
export const DASHES: readonly (readonly number[])[] = Object.freeze(
  [
    [1, 0],
    [8, 4],
    [2, 3],
    [10, 3, 2, 3],
    [4, 4],
    [12, 3, 2, 3, 2, 3],
    [1, 5],
    [14, 6],
  ].map((d) => Object.freeze(d)),
);

/** Font of charts in English: fonts-dejavu-core. */
export const FONT = 'DejaVu Sans';
/** Font of charts in Chinese: fonts-noto-cjk (its Latin glyphs serve the numbers). */
export const FONT_ZH = 'Noto Sans CJK SC';

/**
 * Marker shape per comparator. `equals` is a square (not a circle) so that a stated level never looks
 * like a reported actual, which is drawn as a small filled circle.
 */
export const COMPARATOR_SHAPE: Readonly<Record<Comparator, string>> = Object.freeze({
  exceeds: 'triangle-up',
  atLeast: 'triangle-up',
  about: 'diamond',
  atMost: 'triangle-down',
  below: 'triangle-down',
  equals: 'square',
});

/** Legend text per comparator, in English and Chinese. */
export const COMPARATOR_TEXT: Readonly<Record<Locale, Readonly<Record<Comparator, string>>>> = Object.freeze({
  en: Object.freeze({
    exceeds: 'Target: more than (>)',
    atLeast: 'Target: at least (≥)',
    about: 'Target: about (≈)',
    atMost: 'Target: at most (≤)',
    below: 'Target: below (<)',
    equals: 'Target: level (=)',
  }),
  zh: Object.freeze({
    exceeds: '目标：超过（>）',
    atLeast: '目标：不低于（≥）',
    about: '目标：约（≈）',
    atMost: '目标：不超过（≤）',
    below: '目标：低于（<）',
    equals: '目标：达到（=）',
  }),
});

/**
 * The chart theme as a vega-lite `config`: the font (DejaVu Sans, or Noto Sans CJK SC for `zh`), the
 * palette, titles anchored left with a subtitle, light grid, legends that print in black and white.
 * @param locale `en` (default) or `zh`
 * @returns a fresh config object each call
 * @example
 * chartTheme().font; // => 'DejaVu Sans'
 */
export function chartTheme(locale: Locale = 'en'): Config {
  const font = locale === 'zh' ? FONT_ZH : FONT;
  return {
    font,
    background: 'white',
    padding: 12,
    view: { stroke: null },
    title: {
      fontSize: 15,
      fontWeight: 'bold',
      anchor: 'start',
      offset: 12,
      subtitleFontSize: 11,
      subtitleColor: '#444',
      subtitlePadding: 4,
      color: '#111',
    },
    axis: {
      labelFontSize: 11,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      labelColor: '#222',
      titleColor: '#222',
      gridColor: '#e4e4e4',
      domainColor: '#666',
      tickColor: '#666',
      titlePadding: 8,
    },
    legend: {
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'bold',
      symbolStrokeWidth: 2,
      symbolSize: 110,
      labelLimit: 280,
      rowPadding: 4,
    },
    header: { labelFontSize: 12, labelFontWeight: 'bold', titleFontSize: 12 },
    range: { category: [...PALETTE] },
    line: { strokeWidth: 2.2 },
    text: { fontSize: 11 },
  };
}
