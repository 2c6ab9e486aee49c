// Types the fuzz specs use, from the package entry.
export type { Fact, ModelDefinition, Report, Series } from '../../src/index.js';

/** A vega-lite spec as plain data (the fuzz breaks it, so no stricter type helps). */
export type TopLevelSpecLike = Readonly<Record<string, unknown>>;
