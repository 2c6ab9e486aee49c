import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ErrorIssue, isMetricsError, MetricsError } from '../errors.js';
import { argumentError, show } from '../internal/assert.js';
import { parseObservations } from './parseObservations.js';
import type { MetricDefinition, Observation, ObservationSet } from './types.js';

const FILE = /\.observations\.json$/;

/**
 * Reads every `*.observations.json` file of a folder (by default the library's `seeds/`), validates each
 * with {@link parseObservations} and merges them: ids of observations and of definitions must be unique
 * across files, and an observation may use a definition from any file. Files are read in name order.
 * @param dir a folder path; default the built-in `seeds/`
 * @throws {MetricsError} invalid_argument when the folder is missing or holds no observations file
 * @throws {MetricsError} invalid_definition listing every problem in every file
 * @example
 * const { observations } = loadObservations();
 * observations.find((o) => o.id === 'obs.big-data.miit-2022')?.value; // => 1.57
 */
export function loadObservations(dir?: string): ObservationSet {
  if (dir !== undefined && (typeof dir !== 'string' || dir.trim() === '' || dir.includes('\u0000'))) {
    throw argumentError(
      'invalid_argument',
      `loadObservations: dir must be a folder path (got ${show(dir)}).`,
      'dir',
      'a folder path',
      dir,
      {
        dir,
      },
    );
  }
  const builtIn = dir === undefined;
  const folder = dir ?? fileURLToPath(new URL('../../seeds/', import.meta.url));
  if (!existsSync(folder)) {
    throw argumentError(
      'invalid_argument',
      `loadObservations: no folder at ${folder} (got ${show(dir)}). Pass a folder of *.observations.json files.`,
      'dir',
      'a folder',
      dir,
      { dir },
    );
  }
  const files = readdirSync(folder)
    .filter((n) => FILE.test(n))
    .sort();
  if (files.length === 0) {
    throw argumentError(
      'invalid_argument',
      `loadObservations: ${folder} holds no *.observations.json file (got ${files.length}). Point dir at a folder of observation files.`,
      'dir',
      'a folder with *.observations.json files',
      dir,
      { dir },
    );
  }
  const raws: { origin: string; json: Record<string, unknown> }[] = [];
  for (const name of files) {
    const origin = builtIn ? `seeds/${name}` : join(folder, name);
    try {
      raws.push({ origin, json: JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown> });
    } catch (e) {
      throw argumentError(
        'invalid_data',
        `loadObservations: ${origin} is not valid JSON (${e instanceof Error ? e.message : String(e)}). Fix the syntax and load again.`,
        [origin],
        'valid JSON',
        e instanceof Error ? e.message : String(e),
        { origin },
      );
    }
  }
  // Definitions of every file are visible to every file: parse each file with all definitions joined.
  const allDefinitions = raws.flatMap(({ json }) =>
    Array.isArray(json.definitions) ? (json.definitions as unknown[]) : [],
  );
  const problems: string[] = [];
  // One per problem, each path starting with the file (the parse errors' own paths follow it).
  const issues: ErrorIssue[] = [];
  const definitions: MetricDefinition[] = [];
  const observations: Observation[] = [];
  const seenObs = new Map<string, string>();
  const seenDef = new Map<string, string>();
  // An id used in an earlier file is a problem of this one; the first file's entry is kept.
  const keepUnique = <T extends { id: string }>(
    origin: string,
    items: readonly T[],
    seen: Map<string, string>,
    field: 'definitions' | 'observations',
    also: string,
    out: T[],
  ): void => {
    for (const x of items) {
      const first = seen.get(x.id);
      if (first === undefined) {
        seen.set(x.id, origin);
        out.push(x);
        continue;
      }
      const line = `${origin}: ${field.slice(0, -1)} ${JSON.stringify(x.id)} ${also} ${first}; ids must be unique across files`;
      problems.push(line);
      issues.push({ path: [origin, field], expected: 'an id no other file uses', received: x.id, message: line });
    }
  };
  for (const { origin, json } of raws) {
    let own: ObservationSet;
    let merged: ObservationSet;
    try {
      own = parseObservations({ ...json, observations: [] }, origin);
      merged = parseObservations(
        {
          ...json,
          definitions: allDefinitions.filter(
            (d, i, a) => a.findIndex((x) => (x as { id?: unknown }).id === (d as { id?: unknown }).id) === i,
          ),
        },
        origin,
      );
    } catch (e) {
      if (!isMetricsError(e, 'invalid_definition')) throw e;
      problems.push(...(e.details.problems as readonly string[]));
      issues.push(...e.issues.map((i) => ({ ...i, path: [origin, ...i.path] })));
      continue;
    }
    keepUnique(origin, own.definitions, seenDef, 'definitions', 'also defined in', definitions);
    keepUnique(origin, merged.observations, seenObs, 'observations', 'also in', observations);
  }
  if (problems.length > 0) {
    throw new MetricsError(
      'invalid_definition',
      `loadObservations: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${folder}. Fix each and load again:\n${problems.map((l) => `  ${l}`).join('\n')}`,
      { dir: folder, problems: Object.freeze(problems) },
      issues,
    );
  }
  return Object.freeze({ definitions: Object.freeze(definitions), observations: Object.freeze(observations) });
}
