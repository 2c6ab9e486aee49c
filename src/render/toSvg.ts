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
  let svg: string;
  // Lay text out with the widths of the fonts resvg draws with (vega's own guess is 0.8 em a character).
  useFontMetrics((vega as unknown as { textMetrics: TextMetrics }).textMetrics);
  try {
    view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    svg = await view.toSVG();
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
  return checkedLayout(svg, spec);
}

/** vega's description of an axis whose scale has no data ("… with values from NaN to NaN"). */
const EMPTY_AXIS = / with values from NaN to NaN/g;

/** What vega writes when a number it computed is not finite, or when it shows a missing value or an object as text. */
const NOT_DRAWABLE = /\b(?:NaN|Infinity|undefined)\b|\[object [A-Za-z]+\]/g;

/** What vega wrote for each kind of word, why, and what to do about it. */
const CAUSE = {
  NaN: [
    'a value that is not a number',
    'A field some encoding or tooltip needs is missing or not a number in a data row, or data values or sizes near the largest double (about 1.8e308) overflow when vega adds or subtracts them. Give every row the encoded fields as finite numbers, and rescale very large data (for example to billions)',
  ],
  Infinity: [
    'an infinite number',
    'Data values or sizes near the largest double (about 1.8e308) overflow when vega adds or subtracts them. Rescale the data (for example to billions) or give smaller sizes',
  ],
  undefined: [
    'a missing value as text',
    'A field the chart shows (on an axis, in a label or a tooltip) is missing in a data row. Give every row the fields the chart shows',
  ],
  object: [
    'an object as text',
    'A field the chart shows (on an axis, in a label or a tooltip) holds an object or an array in a data row. Give the fields it shows as text or numbers',
  ],
} as const;

/**
 * The SVG with the aria text of an axis without data in words ("with no values"), after checking that
 * vega drew it in finite numbers and text. vega does not fail on a missing field, an object in a shown
 * field or an overflow: it writes NaN, Infinity, "undefined" or "[object Object]" into sizes, positions,
 * labels or tooltips. A word the spec itself holds (a title that says "NaN") is not taken for one.
 */
function checkedLayout(svg: string, spec: TopLevelSpec): string {
  const tidy = svg.replace(EMPTY_AXIS, ' with no values');
  const own = specText(spec);
  for (const m of tidy.matchAll(NOT_DRAWABLE)) {
    if (own.includes(m[0])) continue;
    const at = m.index ?? 0;
    const before = tidy.slice(Math.max(0, at - 40), at);
    const kind = m[0] === 'NaN' || m[0] === 'Infinity' || m[0] === 'undefined' ? m[0] : 'object';
    throw argumentError(
      'invalid_definition',
      `toSvg: vega wrote ${CAUSE[kind][0]} into the chart (got it right after "…${before}"). ${CAUSE[kind][1]}.`,
      'spec',
      'data vega can draw in finite numbers and text',
      before,
    );
  }
  return tidy;
}

/** The spec as text, to tell a word it holds from one vega wrote ('' when it is not JSON: a cycle). */
function specText(spec: TopLevelSpec): string {
  try {
    return JSON.stringify(spec, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
  } catch {
    return '';
  }
}
