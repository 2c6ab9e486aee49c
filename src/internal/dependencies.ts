// Not exported from the package: how the heavy dependencies are loaded. Importing the package loads none of
// mathjs, vega, vega-lite, @resvg/resvg-js or ajv; each is loaded by the first function that needs it, once
// per process:
//   - synchronously, for functions whose API is synchronous (compileExpression: mathjs/number; svgToPng:
//     resvg; parseModel and validateSpec: ajv), through `require` from `module.createRequire`: these
//     dependencies ship CommonJS builds, so sync APIs stay sync;
//   - asynchronously, for vega and vega-lite (ESM only; vega has a top-level await), through `import()`
//     inside the async functions that render (toSvg and what calls it).
// So the root entry has no top-level await anywhere in its graph and `require('industry-metrics')` works.
import { createRequire } from 'node:module';
import { MetricsError } from '../errors.js';

const requireHere = createRequire(import.meta.url);

/** What each lazily loaded dependency is for, to say in the error when it cannot be loaded. */
const PURPOSE: Readonly<Record<string, string>> = {
  'mathjs/number': 'growth expressions',
  '@resvg/resvg-js': 'PNG rendering',
  ajv: 'schema validation',
  vega: 'rendering charts',
  'vega-lite': 'rendering charts',
};

function cannotLoad(fn: string, name: string, e: unknown): MetricsError {
  const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  // vega can only be loaded by import(): a tool that turned our import() into require() cannot load it.
  const todo =
    code === 'ERR_REQUIRE_ASYNC_MODULE' || code === 'ERR_REQUIRE_ESM'
      ? `${name} is an ES module with a top-level await, which only import() can load: run industry-metrics as the ES module it is, without compiling it to CommonJS (a bundler or test runner set to CommonJS does that; use its ESM mode)`
      : 'Reinstall industry-metrics with its dependencies (npm ci, or npm install without --omit=optional)';
  return new MetricsError(
    'not_found',
    `${fn}: cannot load the dependency ${name}, needed for ${PURPOSE[name] ?? 'this function'} (got ${why}). ${todo}.`,
    { dependency: name, ...(typeof code === 'string' ? { cause: code } : {}) },
  );
}

/**
 * A CommonJS-capable dependency, loaded on the first call and cached by Node's module cache. `fn` names the
 * public function that needs it, for the error message.
 */
export function requireDependency<T>(fn: string, name: string): T {
  try {
    return requireHere(name) as T;
  } catch (e) {
    throw cannotLoad(fn, name, e);
  }
}

/** vega and vega-lite (ES modules; vega has a top-level await), loaded on the first call. */
export async function importVega(
  fn: string,
): Promise<{ vega: typeof import('vega'); vegaLite: typeof import('vega-lite') }> {
  let name = 'vega';
  try {
    const vega = await import('vega');
    name = 'vega-lite';
    const vegaLite = await import('vega-lite');
    return { vega, vegaLite };
  } catch (e) {
    throw cannotLoad(fn, name, e);
  }
}
