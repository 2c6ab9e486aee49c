import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { type TextMetrics, useFontMetrics } from '../internal/measureText.js';
import { MetricsError } from '../errors.js';
import { argumentError, assertOptions, optionNames } from '../internal/assert.js';
import { importVega } from '../internal/dependencies.js';
import { assertSpecSize, validateSpec } from './validateSpec.js';

/** Options of {@link toSvg}. */
export interface ToSvgOptions {
  /** Check the spec against vega-lite's JSON schema first (default true; the validator loads once per process). */
  readonly validate?: boolean;
}

const TO_SVG_OPTIONS = optionNames<ToSvgOptions>({ validate: true });

/**
 * Renders a vega-lite spec to SVG text without a browser (vega's headless view, renderer 'none').
 * Data must be inlined; nothing is fetched. vega and vega-lite are loaded on the first call.
 * @throws {MetricsError} invalid_definition when the spec fails the schema or vega cannot render it
 * @example
 * const svg = await toSvg({ mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } });
 * svg.startsWith('<svg'); // => true
 */
export async function toSvg(spec: TopLevelSpec, options: ToSvgOptions = {}): Promise<string> {
  assertOptions('toSvg', options, '{ validate: true }', TO_SVG_OPTIONS);
  if (options.validate !== false) validateSpec(spec);
  else assertSpecSize('toSvg', spec);
  const { vega, vegaLite } = await importVega('toSvg');
  let view: View | undefined;
  // Lay text out with the widths of the fonts resvg draws with (vega's own guess is 0.8 em a character).
  useFontMetrics((vega as unknown as { textMetrics: TextMetrics }).textMetrics);
  try {
    view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    return await view.toSVG();
  } catch (e) {
    if (e instanceof MetricsError) throw e;
    throw argumentError(
      'invalid_definition',
      `toSvg: vega could not render the spec (got ${e instanceof Error ? e.message : String(e)}). Check the encodings against the data fields.`,
      'spec',
      'a spec vega can render',
      e instanceof Error ? e.message : String(e),
    );
  } finally {
    view?.finalize();
  }
}
