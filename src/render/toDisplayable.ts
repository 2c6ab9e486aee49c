import type { TopLevelSpec } from 'vega-lite';
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
 * this for specs of your own. Returns the same object.
 * @param spec a vega-lite spec (not frozen)
 * @example
 * const spec = toDisplayable({ mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } });
 * typeof spec[Symbol.for('Jupyter.display')]; // => 'function'
 * Object.keys(spec); // => ['mark', 'data', 'encoding']
 */
export function toDisplayable<T extends TopLevelSpec>(spec: T): T & Displayable {
  if (!Object.hasOwn(spec, JUPYTER_DISPLAY)) {
    Object.defineProperty(spec, JUPYTER_DISPLAY, {
      // Rendering (vega, resvg) loads only when a notebook displays the chart.
      value: async () => (await import('./toMimeBundle.js')).toMimeBundle(spec),
      enumerable: false,
      configurable: true,
    });
  }
  return spec as T & Displayable;
}

/**
 * Markdown that a notebook shows when it is a cell's last value (`text/markdown`, with the same text as
 * `text/plain` for frontends without markdown).
 * @param text Markdown
 * @example
 * markdown('**P = 60%**')[Symbol.for('Jupyter.display')](); // => { 'text/markdown': '**P = 60%**', 'text/plain': '**P = 60%**' }
 */
export function markdown(text: string): Displayable & { readonly text: string } {
  return {
    text,
    [JUPYTER_DISPLAY]: () => ({ 'text/markdown': text, 'text/plain': text }),
  };
}
