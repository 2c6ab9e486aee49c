import type { TopLevelSpec } from 'vega-lite';
import { svgToPng } from './svgToPng.js';
import { toSvg } from './toSvg.js';

/** What {@link toMimeBundle} returns: one representation per kind of notebook frontend. */
export interface MimeBundle {
  readonly 'application/vnd.vegalite.v6+json': TopLevelSpec;
  readonly 'application/vnd.vegalite.v5+json': TopLevelSpec;
  readonly 'image/svg+xml': string;
  /** Base64, no data: prefix. */
  readonly 'image/png': string;
  readonly 'text/plain': string;
}

/**
 * A chart for a notebook: the spec for frontends that draw vega-lite (v6 and v5 MIME types), SVG and
 * PNG (base64) for those that show images (nbconvert, GitHub), and a line of text for the rest. In a Deno
 * notebook: `await Deno.jupyter.display(await toMimeBundle(spec), { raw: true })`.
 * @throws {MetricsError} invalid_definition for a bad spec; not_found for missing font files
 * @example
 * const bundle = await toMimeBundle({ title: 'Revenue', mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } });
 * bundle['text/plain']; // => 'Chart: Revenue'
 */
export async function toMimeBundle(spec: TopLevelSpec): Promise<MimeBundle> {
  const svg = await toSvg(spec);
  const png = svgToPng(svg, 2);
  const t = spec.title;
  const title =
    typeof t === 'string'
      ? t
      : Array.isArray(t)
        ? t.join(' ')
        : typeof t === 'object' && t !== null && typeof t.text === 'string'
          ? t.text
          : Array.isArray(t?.text)
            ? t.text.join(' ')
            : 'vega-lite chart';
  return {
    'application/vnd.vegalite.v6+json': spec,
    'application/vnd.vegalite.v5+json': spec,
    'image/svg+xml': svg,
    'image/png': Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64'),
    'text/plain': `Chart: ${title}`,
  };
}
