// Text fitting for chart titles, subtitles, legends and axis labels, measured with the chart fonts'
// advance widths (measureText): toSvg makes vega lay text out with the same widths, so what fits by this
// measure fits in vega's layout and in the PNG. Latin text is measured in DejaVu Sans, which is wider than
// the Latin glyphs of Noto Sans CJK, so Chinese charts err on the safe side.
import { measureText } from '../../internal/measureText.js';

/** Width in px of `text` at `fontSize` in the chart font. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return measureText(text, fontSize, { bold });
}

/**
 * Columns and label limit of a bottom legend so that its entries wrap onto rows within `width` instead
 * of running past the plot (symbol and padding: about 34 px an entry).
 */
export function legendFit(labels: readonly string[], width: number): { columns: number; labelLimit: number } {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, 11)));
  const labelLimit = Math.max(60, Math.min(Math.ceil(widest) + 2, width - 40));
  return { columns: Math.max(1, Math.min(labels.length, Math.floor(width / (labelLimit + 34)))), labelLimit };
}

/**
 * Splits `text` into lines no wider than `maxWidth`: at spaces for Latin text, between characters for
 * CJK text (never inside a Latin word). Returns the text itself when it fits on one line.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string | string[] {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  // Tokens: runs of non-space Latin characters, single CJK characters, and spaces.
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/gu) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line.trim() !== '' && textWidth(next.trimEnd(), fontSize, bold) > maxWidth) {
      lines.push(line.trimEnd());
      line = /^\s+$/u.test(tok) ? '' : tok;
    } else {
      line = next;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.length === 1 ? (lines[0] as string) : lines;
}

/** Lines of a title or subtitle that may already be several lines. */
function wrapLines(
  text: string | readonly string[],
  maxWidth: number,
  fontSize: number,
  bold: boolean,
): string | string[] {
  const parts = typeof text === 'string' ? [text] : [...text];
  const out = parts.flatMap((p) => {
    const w = wrapText(p, maxWidth, fontSize, bold);
    return typeof w === 'string' ? [w] : w;
  });
  return out.length === 1 ? (out[0] as string) : out;
}

/**
 * A chart title block whose title (15 px bold) and subtitle (11 px) wrap within `width` (the plot's
 * width: vega-lite anchors the title over the plot, so wider text would widen the canvas). `extra` is a
 * further subtitle line (a distribution's probability).
 */
export function fitTitle(
  text: string | readonly string[],
  subtitle: string | readonly string[] | undefined,
  width: number,
  extra?: string,
): { text: string | string[]; subtitle?: string | string[] } {
  const title = wrapLines(text, width, 15, true);
  const sub =
    subtitle === undefined
      ? extra === undefined
        ? undefined
        : [extra]
      : [...(typeof subtitle === 'string' ? [subtitle] : subtitle), ...(extra === undefined ? [] : [extra])];
  return sub === undefined ? { text: title } : { text: title, subtitle: wrapLines(sub, width, 11, false) };
}
