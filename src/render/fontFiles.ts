import { existsSync } from 'node:fs';
import { argumentError, show } from '../internal/assert.js';

/** Where Debian's fonts-dejavu-core and fonts-noto-cjk put the files PNG rendering needs. */
export const FONT_FILES = Object.freeze({
  latin: Object.freeze([
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  ] as const),
  cjk: Object.freeze([
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  ] as const),
} as const);

/** True when `text` has CJK ideographs, kana, hangul or full-width punctuation. */
function hasCjk(text: string): boolean {
  return /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(text);
}

/**
 * The font files to hand resvg for an SVG: DejaVu Sans always, Noto Sans CJK when the SVG has CJK text.
 * Throws rather than render a PNG whose labels resvg would silently drop.
 * @param svg the SVG text to be rendered
 * @param files where to look (default {@link FONT_FILES}, Debian's paths)
 * @throws {MetricsError} not_found naming the Debian package (fonts-dejavu-core, fonts-noto-cjk) and
 *   scripts/setup-system.sh when a font file is missing
 * @example
 * fontFiles('<svg/>'); // => ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf']
 */
export function fontFiles(
  svg: string,
  files: { readonly latin: readonly string[]; readonly cjk: readonly string[] } = FONT_FILES,
): string[] {
  if (typeof svg !== 'string') {
    throw argumentError(
      'invalid_argument',
      `fontFiles: svg must be SVG text (got ${show(svg)}).`,
      'svg',
      'SVG text',
      svg,
    );
  }
  const list = (v: unknown): boolean => Array.isArray(v) && v.every((f) => typeof f === 'string' && f !== '');
  if (files === null || typeof files !== 'object' || !list(files.latin) || !list(files.cjk)) {
    throw argumentError(
      'invalid_argument',
      `fontFiles: files must be { latin: string[], cjk: string[] } of font paths (got ${show(files)}).`,
      'files',
      '{ latin: string[], cjk: string[] } of font paths',
      files,
    );
  }
  const absent = missingFonts(svg, files)[0];
  if (absent !== undefined) {
    const { missing, package: pkg } = absent;
    throw argumentError(
      'not_found',
      `toPng: font file ${missing.join(', ')} is missing (got no file at that path). Install the Debian package ${pkg} (run scripts/setup-system.sh as root); without it the PNG would have no text.`,
      'files',
      'font files that exist',
      missing,
      { missing, package: pkg },
    );
  }
  return hasCjk(svg) ? [...files.latin, ...files.cjk] : [...files.latin];
}

/**
 * The font files an SVG needs (as {@link fontFiles}) that are not there, by Debian package; empty when a PNG
 * can be rendered. Without `svg`, those any chart may need (Latin and CJK). Unchecked arguments: fontFiles
 * checks them.
 */
export function missingFonts(
  svg?: string,
  files: { readonly latin: readonly string[]; readonly cjk: readonly string[] } = FONT_FILES,
): { readonly package: string; readonly missing: string[] }[] {
  const need: { files: readonly string[]; pkg: string }[] = [{ files: files.latin, pkg: 'fonts-dejavu-core' }];
  if (svg === undefined || hasCjk(svg)) need.push({ files: files.cjk, pkg: 'fonts-noto-cjk' });
  return need
    .map(({ files: list, pkg }) => ({ package: pkg, missing: list.filter((f) => !existsSync(f)) }))
    .filter((m) => m.missing.length > 0);
}
