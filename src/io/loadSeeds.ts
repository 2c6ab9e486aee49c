import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ErrorIssue, isMetricsError, MetricsError } from '../errors.js';
import { argumentError, show, assertOptions, optionNames } from '../internal/assert.js';
import { asFacts } from '../targets/asFact.js';
import type { Fact } from '../targets/fact.js';
import { closestNames } from '../internal/closest.js';
import { parseFacts } from './parseFacts.js';

/** Options of {@link loadSeeds}. */
export interface LoadSeedsOptions {
  /**
   * A folder of `*.facts.json` files (a path or a `file:` URL). Default: the library's own `seeds/`
   * folder, found next to `src/` and `dist/`.
   */
  readonly dir?: string | URL;
}

const LOAD_SEEDS_OPTIONS = optionNames<LoadSeedsOptions>({ dir: true });
const SEED_FILE = /\.facts\.json$/;

/**
 * Reads every `*.facts.json` file of a folder (by default the library's built-in `seeds/`), validates each
 * with {@link parseFacts} and checks that fact ids are unique across files. Files are read in name order
 * and facts keep their order within a file, so the result is the same on every machine. Other files in
 * the folder (the JSON Schema, notes) are ignored.
 *
 * Problems in several files are reported together in one error, each line prefixed with its file
 * (`seeds/…` for the built-in folder, the full path otherwise).
 * @param options `dir`: another folder of seed files
 * @returns the facts (each frozen), sorted by file then by position in the file
 * @throws {MetricsError} invalid_argument when the folder does not exist or holds no `*.facts.json` file
 * @throws {MetricsError} invalid_data when a file is not valid JSON
 * @throws {MetricsError} invalid_definition listing every problem in every file, and ids used twice
 * @example
 * const facts = loadSeeds();
 * factById(facts, 'bd14.revenue-2025').value; // => 3
 */
export function loadSeeds(options: LoadSeedsOptions = {}): Fact[] {
  assertOptions('loadSeeds', options, '{ dir }', LOAD_SEEDS_OPTIONS);
  const builtIn = options.dir === undefined;
  const dir = builtIn
    ? fileURLToPath(new URL('../../seeds/', import.meta.url))
    : options.dir instanceof URL
      ? fileURLToPath(options.dir)
      : options.dir;
  if (typeof dir !== 'string' || dir === '') {
    throw argumentError(
      'invalid_argument',
      `loadSeeds: dir must be a folder path or a file: URL (got ${show(options.dir)}).`,
      'dir',
      'a folder path or a file: URL',
      options.dir,
      { dir: options.dir },
    );
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw argumentError(
      'invalid_argument',
      `loadSeeds: no folder at ${dir} (got dir ${show(options.dir ?? dir)}). Pass an existing folder of *.facts.json files.`,
      'options.dir',
      'an existing folder',
      options.dir ?? dir,
      { dir },
    );
  }
  const files = readdirSync(dir)
    .filter((name) => SEED_FILE.test(name))
    .sort();
  if (files.length === 0) {
    throw argumentError(
      'invalid_argument',
      `loadSeeds: ${dir} holds no *.facts.json file (got ${readdirSync(dir).length} other entries). Point dir at a folder of seed files.`,
      'options.dir',
      'a folder with *.facts.json files',
      options.dir ?? dir,
      { dir },
    );
  }

  const problems: string[] = [];
  // One per problem, each path starting with the file (the parse errors' own paths follow it).
  const issues: ErrorIssue[] = [];
  const facts: Fact[] = [];
  const firstSeen = new Map<string, string>();
  for (const name of files) {
    const origin = builtIn ? `seeds/${name}` : join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (e) {
      throw argumentError(
        'invalid_data',
        `loadSeeds: ${origin} is not valid JSON (${e instanceof Error ? e.message : String(e)}). Fix the syntax and load again.`,
        [origin],
        'valid JSON',
        e instanceof Error ? e.message : String(e),
        { origin },
      );
    }
    let parsed: Fact[];
    try {
      parsed = parseFacts(json, origin);
    } catch (e) {
      if (!isMetricsError(e, 'invalid_definition')) throw e;
      problems.push(...(e.details.problems as readonly string[]));
      issues.push(...e.issues.map((i) => ({ ...i, path: [origin, ...i.path] })));
      continue;
    }
    parsed.forEach((fact, index) => {
      const where = `${origin} facts[${index}]`;
      const first = firstSeen.get(fact.id);
      if (first !== undefined) {
        const line = `${origin}: facts[${index}].id: duplicate id ${JSON.stringify(fact.id)} (also ${first}); ids must be unique across all seed files`;
        problems.push(line);
        issues.push({
          path: [origin, 'facts', index, 'id'],
          expected: 'an id no other seed file uses',
          received: fact.id,
          message: line,
        });
      } else {
        firstSeen.set(fact.id, where);
      }
      facts.push(fact);
    });
  }
  if (problems.length > 0) {
    throw new MetricsError(
      'invalid_definition',
      `loadSeeds: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the seed files of ${dir}. Fix each and load again:\n${problems.map((l) => `  ${l}`).join('\n')}`,
      { dir, problems: Object.freeze([...problems]) },
      issues,
    );
  }
  return facts;
}

/**
 * The fact with the given id.
 * @param facts facts from {@link loadSeeds} or {@link parseFacts}
 * @param id a fact id (`bd14.revenue-2025`)
 * @throws {MetricsError} not_found when no fact has this id; the message suggests the closest ids
 * @example
 * factById(loadSeeds(), 'bd13.cagr-2015-2020').value; // => 0.3
 */
export function factById(facts: readonly Fact[], id: string): Fact {
  facts = asFacts('factById', facts, 'facts', false);
  if (typeof id !== 'string' || id.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `factById: id must be a fact id like "bd14.revenue-2025" (got ${show(id)}).`,
      'id',
      'a fact id like "bd14.revenue-2025"',
      id,
      {
        id,
      },
    );
  }
  const found = facts.find((fact) => fact.id === id);
  if (found !== undefined) return found;
  const ids = facts.map((fact) => fact.id);
  const close = typeof id === 'string' ? closestNames(id, ids, 3) : [];
  const hint =
    close.length > 0
      ? ` Did you mean ${close.map((c) => JSON.stringify(c)).join(', ')}?`
      : ' Check the id against the seed files (docs/seeds.md lists them).';
  throw argumentError(
    'not_found',
    `factById: no fact with id ${show(id)} (got ${facts.length} facts).${hint}`,
    'id',
    'the id of a loaded fact',
    id,
    {
      id,
      suggestions: close,
    },
  );
}
