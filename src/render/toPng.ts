import type { TopLevelSpec } from 'vega-lite';
import { assertOptions, optionNames } from '../internal/assert.js';
import { svgToPng } from './svgToPng.js';
import { toSvg } from './toSvg.js';

/** Options of {@link toPng}. */
export interface ToPngOptions {
  /** Pixels per SVG unit: 2 (default) for sharp print, 1 for the nominal size. In (0, 8]. */
  readonly scale?: number;
  /** Check the spec against vega-lite's schema first (default true). */
  readonly validate?: boolean;
}

const TO_PNG_OPTIONS = optionNames<ToPngOptions>({ scale: true, validate: true });

/**
 * Renders a vega-lite spec to PNG bytes: {@link toSvg}, then resvg with the project's font files.
 * @param options scale (default 2), validate (default true)
 * @throws {MetricsError} invalid_definition for a bad spec; not_found when fonts-dejavu-core (or, for
 *   Chinese labels, fonts-noto-cjk) is not installed (run scripts/setup-system.sh)
 * @example
 * const png = await toPng({ mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } });
 * new TextDecoder().decode(png.subarray(1, 4)); // => 'PNG'
 */
export async function toPng(spec: TopLevelSpec, options: ToPngOptions = {}): Promise<Uint8Array> {
  assertOptions('toPng', options, '{ scale: 2 }', TO_PNG_OPTIONS);
  const svg = await toSvg(spec, options.validate === undefined ? {} : { validate: options.validate });
  return svgToPng(svg, options.scale ?? 2);
}
