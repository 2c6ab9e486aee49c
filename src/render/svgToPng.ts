import type { Resvg } from '@resvg/resvg-js';
import { MetricsError } from '../errors.js';
import { argumentError, show } from '../internal/assert.js';
import { requireDependency } from '../internal/dependencies.js';
import { fontFiles } from './fontFiles.js';

/**
 * The most pixels a PNG may have (width x height after scaling): 40 million, 160 MB of RGBA, about 1 s to
 * draw. A report chart at scale 2 has about 1.6 million. resvg allocates the whole canvas at once, and an
 * allocation it cannot get (a 1e7-pixel-wide SVG) ends the process instead of throwing.
 */
export const MAX_PNG_PIXELS = 40_000_000;

/**
 * Renders an SVG string to PNG bytes with resvg and explicit font files (DejaVu Sans; Noto Sans CJK
 * when the SVG has CJK text), never system font discovery. The bytes are a `Uint8Array` (in Node a
 * `Buffer`, which is one), so the types need no Node globals. resvg is loaded on the first call.
 * @throws {MetricsError} not_found when a needed font file is missing (names the Debian package);
 *   too_large when the image would have more than 40 million pixels
 * @example
 * const png = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
 * new TextDecoder().decode(png.subarray(1, 4)); // => 'PNG'
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 8) {
    throw argumentError(
      'invalid_argument',
      `svgToPng: scale must be a number in (0, 8] (got ${show(scale)}). Use 2 for print.`,
      'scale',
      'a number in (0, 8]',
      scale,
      { scale },
    );
  }
  if (typeof svg !== 'string' || !svg.trimStart().startsWith('<')) {
    throw argumentError(
      'invalid_argument',
      `svgToPng: svg must be SVG text, '<svg …>…</svg>' (got ${show(svg)}).`,
      'svg',
      "SVG text, '<svg …>…</svg>'",
      svg,
    );
  }
  const files = fontFiles(svg);
  const cjk = files.some((f) => f.includes('CJK'));
  const { Resvg: ResvgClass } = requireDependency<{ Resvg: typeof Resvg }>('svgToPng', '@resvg/resvg-js');
  try {
    const resvg = new ResvgClass(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: 'white',
      font: {
        loadSystemFonts: false,
        fontFiles: files,
        defaultFontFamily: cjk ? 'Noto Sans CJK SC' : 'DejaVu Sans',
        sansSerifFamily: cjk ? 'Noto Sans CJK SC' : 'DejaVu Sans',
      },
    });
    // The canvas is allocated in render(); its size is known once the SVG is parsed.
    const pixels = Math.ceil(resvg.width * scale) * Math.ceil(resvg.height * scale);
    if (!(pixels <= MAX_PNG_PIXELS)) {
      throw new MetricsError(
        'too_large',
        `svgToPng: the PNG would be ${show(resvg.width * scale)} x ${show(resvg.height * scale)} pixels (got more than ${MAX_PNG_PIXELS} pixels). Give the chart a smaller width and height, or a smaller scale.`,
        { width: resvg.width, height: resvg.height, scale },
      );
    }
    return resvg.render().asPng();
  } catch (e) {
    if (e instanceof MetricsError) throw e;
    // resvg throws a plain Error for SVG it cannot parse ("SVG data parsing failed cause …").
    throw argumentError(
      'invalid_data',
      `svgToPng: resvg cannot render this SVG (got ${e instanceof Error ? e.message : String(e)}). Pass the text toSvg returns.`,
      'svg',
      'SVG that resvg can render',
      e instanceof Error ? e.message : String(e),
    );
  }
}
