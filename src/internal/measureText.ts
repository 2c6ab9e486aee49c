// Text widths in the fonts charts are drawn with. Without a canvas, vega guesses every character at
// 0.8 em, so Chinese labels (1 em) came out wider than their boxes and ran into the next legend entry,
// while Latin text (about 0.6 em in DejaVu Sans) left gaps. toSvg gives vega these widths instead (vega
// supports a user-defined textMetrics.width, as vl-convert does), and the chart builders wrap titles with
// the same measure, so what vega lays out is what resvg draws.
import { CHARS, WIDTHS } from './fontMetrics.js';

type Face = keyof typeof WIDTHS;

const tables = new Map<Face, Map<string, number>>();

function table(face: Face): Map<string, number> {
  let t = tables.get(face);
  if (t === undefined) {
    const widths = WIDTHS[face].split(' ').map(Number);
    t = new Map([...CHARS].map((ch, i) => [ch, (widths[i] as number) / 1000]));
    tables.set(face, t);
  }
  return t;
}

/** True for CJK ideographs, kana, hangul and full-width forms: 1 em in Noto Sans CJK. */
function isWide(code: number): boolean {
  return (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xffef);
}

/**
 * Width in px of `text` at `fontSize` in DejaVu Sans (the English charts' font) or Noto Sans CJK SC
 * (`cjk`, the Chinese charts' font), from the fonts' advance widths (scripts/font-widths.py). CJK
 * characters are 1 em in either (resvg falls back to Noto for them); characters not in the table count
 * 0.65 em.
 * @param text one line of text
 * @param fontSize in px
 * @param options `bold`, `cjk` (the font is Noto Sans CJK)
 * @example
 * measureText('中位数', 10, { cjk: true }); // => 30
 */
export function measureText(
  text: string,
  fontSize: number,
  options: { readonly bold?: boolean; readonly cjk?: boolean } = {},
): number {
  const face: Face = options.cjk ? (options.bold ? 'notoBold' : 'noto') : options.bold ? 'dejavuBold' : 'dejavu';
  const t = table(face);
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    em += isWide(code) ? 1 : (t.get(ch) ?? 0.65);
  }
  return em * fontSize;
}

/** What vega passes to textMetrics.width: a text item (font, size, weight). */
interface TextItem {
  readonly font?: string;
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
}

/** The part of vega's `textMetrics` this module sets. */
export interface TextMetrics {
  width: (item: TextItem, text: string | number | boolean | null | undefined) => number;
}

/**
 * Makes vega measure text with {@link measureText} (in this process, for headless rendering). Idempotent.
 * @param metrics vega's exported `textMetrics` object
 */
export function useFontMetrics(metrics: TextMetrics): void {
  metrics.width = (item, text) =>
    measureText(text === null || text === undefined ? '' : String(text), item.fontSize ?? 11, {
      bold: item.fontWeight === 'bold' || (typeof item.fontWeight === 'number' && item.fontWeight >= 600),
      cjk: /CJK|Noto/i.test(item.font ?? ''),
    });
}
