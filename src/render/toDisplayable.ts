import type { TopLevelSpec } from 'vega-lite';
import { argumentError, pathOf, show } from '../internal/assert.js';
import { notJson } from '../internal/notJson.js';
import type { MimeBundle } from './toMimeBundle.js';

/** The key Deno's Jupyter kernel (and other JavaScript kernels) look up to display a cell's value. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as never;

/** A value a notebook draws by itself when it is a cell's last value. */
export interface Displayable {
  [JUPYTER_DISPLAY]():
    | MimeBundle
    | Readonly<Record<string, unknown>>
    | Promise<MimeBundle | Readonly<Record<string, unknown>>>;
}

/**
 * Makes a vega-lite spec draw itself in a notebook: when it is a cell's last value, Deno's Jupyter kernel
 * calls its `Symbol.for('Jupyter.display')` method, which returns {@link toMimeBundle}'s bundle (the spec for
 * frontends that draw vega-lite, SVG and PNG for the rest, a line of text). The method is not enumerable, so
 * the spec is unchanged for JSON, vega and schema checks. Every chart builder's result already is one; use
 * this for specs of your own. Returns a shallow copy carrying the method (the spec given is not changed, and
 * may be frozen); a spec that already draws itself is returned as it is.
 * @param spec a vega-lite spec (a plain object)
 * @throws {MetricsError} invalid_argument when spec is not an object, or holds a number that is not finite
 *   or a value JSON cannot hold (a BigInt, a symbol, a function)
 * @example
 * const spec = toDisplayable({ mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } });
 * typeof spec[Symbol.for('Jupyter.display')]; // => 'function'
 * Object.keys(spec); // => ['mark', 'data', 'encoding']
 */
export function toDisplayable<T extends TopLevelSpec>(spec: T): T & Displayable {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw argumentError(
      'invalid_argument',
      `toDisplayable: spec must be a vega-lite spec object (got ${show(spec)}). Pass e.g. { mark: 'point', data, encoding }.`,
      'spec',
      'a vega-lite spec object',
      spec,
    );
  }
  if (typeof (spec as Partial<Displayable>)[JUPYTER_DISPLAY] === 'function') return spec as T & Displayable;
  const bad = notJson(spec);
  if (bad !== undefined) {
    throw argumentError(
      'invalid_argument',
      `toDisplayable: spec${bad.path} is not finite or not JSON data (got ${show(bad.value)}). A chart drawn from it would silently lose marks.`,
      ['spec', ...pathOf(bad.path)],
      'finite JSON data',
      bad.value,
      { field: bad.path },
    );
  }
  const copy = { ...spec };
  Object.defineProperty(copy, JUPYTER_DISPLAY, {
    // Rendering (vega, resvg) loads only when a notebook displays the chart.
    value: async () => (await import('./toMimeBundle.js')).toMimeBundle(copy),
    enumerable: false,
    configurable: true,
  });
  return copy as T & Displayable;
}

/**
 * Markdown that a notebook shows when it is a cell's last value (`text/markdown`, with the same text as
 * `text/plain` for frontends without markdown).
 * @param text Markdown
 * @throws {MetricsError} invalid_argument when text is not a string
 * @example
 * markdown('**P = 60%**')[Symbol.for('Jupyter.display')](); // => { 'text/markdown': '**P = 60%**', 'text/plain': '**P = 60%**' }
 */
export function markdown(text: string): Displayable & { readonly text: string } {
  if (typeof text !== 'string') {
    throw argumentError(
      'invalid_argument',
      `markdown: text must be a string (got ${show(text)}). Pass Markdown text.`,
      'text',
      'a string',
      text,
    );
  }
  return {
    text,
    [JUPYTER_DISPLAY]: () => ({ 'text/markdown': text, 'text/plain': text }),
  };
}
