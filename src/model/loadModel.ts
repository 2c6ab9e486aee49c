import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { ModelDefinition } from '../spec/types.js';
import type { Fact } from '../targets/fact.js';
import { loadSeeds } from '../io/loadSeeds.js';
import { parseFacts } from '../io/parseFacts.js';
import { closestNames } from '../internal/closest.js';
import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';
import { parseModel } from './parseModel.js';
import { loadObservations } from '../observations/loadObservations.js';
import type { ObservationSet } from '../observations/types.js';
import { builtinPath } from '../io/paths.js';

/** Options of {@link loadModel} and {@link listModels}. */
export interface LoadModelOptions {
  /** Folder that relative paths and the user's `models/` folder are resolved against. Default: process.cwd(). */
  readonly cwd?: string;
  /** Extra facts model files may refer to, besides the built-in seeds and the file's own `facts`. */
  readonly facts?: readonly Fact[];
  /**
   * Called with a sentence when loading by id picks the user's file over a built-in model with the same id
   * (user models win; the CLI prints it on stderr). Nothing is printed without it.
   */
  readonly onNotice?: (message: string) => void;
  /** Observations the model's `observations` ids refer to; default the built-in ones ({@link loadObservations}). */
  readonly observations?: ObservationSet;
}

/** A model file found by {@link listModels}. */
export interface ModelEntry {
  /** The file's `id`, or its name without `.model.json` when it has none it can be read from. */
  readonly id: string;
  readonly title: string;
  /** Absent when the file cannot be read (see `problem`). */
  readonly fromYear?: number;
  readonly toYear?: number;
  /** `built-in`, or the path of the user's file. */
  readonly origin: string;
  readonly file: string;
  /** On a user's file with a built-in id: the built-in file it replaces when loaded by id. */
  readonly overrides?: string;
  /** On a built-in entry that a user's file replaces: that file. */
  readonly overriddenBy?: string;
  /**
   * Why the file cannot be loaded (not JSON, no string id): such a file is still listed, and only loading
   * it fails. (Problems in the model itself show when it is loaded; `industry-metrics models` loads each.)
   */
  readonly problem?: string;
}

const SUFFIX = '.model.json';

function modelFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // not a folder, or not readable: no models there
  }
  return names
    .filter((f) => f.endsWith(SUFFIX))
    .sort()
    .map((f) => join(dir, f));
}

/** A model file's entry: its id, title and years, or its problem when it cannot be read as a model. */
function entryOf(file: string, origin: string): ModelEntry {
  const fallback = basename(file, SUFFIX);
  let json: unknown;
  try {
    json = readJsonFile(file);
  } catch (e) {
    return { id: fallback, title: '', origin, file, problem: e instanceof Error ? e.message : String(e) };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { id: fallback, title: '', origin, file, problem: `${file}: expected a JSON object, got ${show(json)}.` };
  }
  const o = json as Record<string, unknown>;
  const id = o['id'];
  if (id !== undefined && typeof id !== 'string') {
    return { id: fallback, title: '', origin, file, problem: `${file}: id must be a string (got ${show(id)}).` };
  }
  const year = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  const fromYear = year(o['fromYear']);
  const toYear = year(o['toYear']);
  return {
    id: id ?? fallback,
    title: typeof o['title'] === 'string' ? o['title'] : '',
    ...(fromYear !== undefined ? { fromYear } : {}),
    ...(toYear !== undefined ? { toYear } : {}),
    origin,
    file,
  };
}

/** Parses JSON, turning a syntax error into invalid_data with the file's line and column. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw argumentError(
      'not_found',
      `loadModel: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`,
      'file',
      'a file that can be read',
      file,
      { file },
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    throw argumentError(
      'invalid_data',
      `${file}: not valid JSON${where} (${msg.replace(/ in JSON at position \d+.*$/, '')}).`,
      [],
      'valid JSON',
      msg,
      { file },
    );
  }
}

/**
 * The built-in models (`models/` of the package) and the user's (`models/*.model.json` under `cwd`). A user's
 * file with a built-in id replaces that model when loaded by id (user models win): both are listed, the
 * user's with `overrides`, the built-in with `overriddenBy`. A file that cannot be read is listed with its
 * `problem` and spoils nothing else.
 * @example
 * listModels().map((m) => m.id); // => ['big-data-13th-fyp', 'big-data-14th-fyp', 'big-data-2015-2025', …]
 */
export function listModels(options: LoadModelOptions = {}): ModelEntry[] {
  const o = checkOptions('listModels', options);
  const builtinDir = builtinPath('models');
  const userDir = resolve(o.cwd ?? process.cwd(), 'models');
  const builtins = modelFiles(builtinDir).map((f) => entryOf(f, 'built-in'));
  const users = userDir === resolve(builtinDir) ? [] : modelFiles(userDir).map((f) => entryOf(f, f));
  const userIds = new Map(users.map((u) => [u.id, u.file] as const));
  const builtinIds = new Map(builtins.map((b) => [b.id, b.file] as const));
  return [
    ...builtins.map((b) => {
      const by = userIds.get(b.id);
      return by === undefined ? b : { ...b, overriddenBy: by };
    }),
    ...users.map((u) => {
      const over = builtinIds.get(u.id);
      return over === undefined ? u : { ...u, overrides: over };
    }),
  ];
}

const LOAD_MODEL_OPTIONS = optionNames<LoadModelOptions>({
  cwd: true,
  facts: true,
  onNotice: true,
  observations: true,
});

/** Checks the options object shared by loadModel and listModels. */
function checkOptions(fn: string, options: unknown): LoadModelOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options must be an object like { cwd: '.' } (got ${show(options)}).`,
      'options',
      "an object like { cwd: '.' }",
      options,
      { options },
    );
  }
  assertOptions(fn, options, "{ cwd: '.' }", LOAD_MODEL_OPTIONS);
  const o = options as LoadModelOptions;
  if (o.cwd !== undefined && (typeof o.cwd !== 'string' || o.cwd.trim() === '')) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.cwd must be a folder path (got ${show(o.cwd)}).`,
      'options.cwd',
      'a folder path',
      o.cwd,
      {
        cwd: o.cwd,
      },
    );
  }
  if (o.facts !== undefined && !Array.isArray(o.facts)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.facts must be an array of facts (got ${show(o.facts)}).`,
      'options.facts',
      'an array of facts',
      o.facts,
    );
  }
  if (o.onNotice !== undefined && typeof o.onNotice !== 'function') {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.onNotice must be a function (got ${show(o.onNotice)}).`,
      'options.onNotice',
      'a function',
      o.onNotice,
    );
  }
  return o;
}

/**
 * Loads a model by id (the user's `models/<id>.model.json` first, then the built-in) or by path, resolving
 * its fact ids against the built-in seeds, `options.facts` and the file's own `facts`. A user's file with a
 * built-in id wins; `options.onNotice` is told so, naming both files.
 * @throws {MetricsError} not_found for an unknown id or missing file (with the ids there are);
 *   invalid_data for a file that is not JSON; invalid_definition listing every problem with its path, or
 *   when two of the user's files have the requested id
 * @example
 * loadModel('big-data-14th-fyp').base.value; // => 1
 */
export function loadModel(idOrPath: string, options: LoadModelOptions = {}): ModelDefinition {
  const o = checkOptions('loadModel', options);
  const cwd = o.cwd ?? process.cwd();
  if (typeof idOrPath !== 'string' || idOrPath.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `loadModel: give a model id or a path to a .model.json file (got ${show(idOrPath)}).`,
      'idOrPath',
      'a model id or a path to a .model.json file',
      idOrPath,
      { idOrPath },
    );
  }
  let file: string;
  let origin: string;
  const looksLikePath = idOrPath.endsWith('.json') || idOrPath.includes('/') || idOrPath.includes('\\');
  if (looksLikePath) {
    file = isAbsolute(idOrPath) ? idOrPath : resolve(cwd, idOrPath);
    origin = idOrPath;
    if (!existsSync(file))
      throw argumentError(
        'not_found',
        `loadModel: no file ${idOrPath} (looked in ${cwd}).`,
        'idOrPath',
        'a path to an existing file',
        idOrPath,
        { file },
      );
  } else {
    const entries = listModels({ cwd });
    const matches = entries.filter((e) => e.id === idOrPath);
    const users = matches.filter((e) => e.origin !== 'built-in');
    if (users.length > 1) {
      throw argumentError(
        'invalid_definition',
        `loadModel: ${users.length} of your model files have the id "${idOrPath}": ${users.map((u) => u.file).join(' and ')}. Give each its own "id", or load one by its path.`,
        'idOrPath',
        'an id of one model file',
        idOrPath,
        { id: idOrPath, files: users.map((u) => u.file) },
      );
    }
    const entry = users[0] ?? matches[0];
    if (!entry) {
      const ids = [...new Set(entries.map((e) => e.id))];
      const close = closestNames(idOrPath, ids, 2);
      throw argumentError(
        'not_found',
        `loadModel: no model "${idOrPath}"${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : ''}. Models: ${ids.join(', ')}. Run 'industry-metrics models' to list them.`,
        'idOrPath',
        'a model id',
        idOrPath,
        { id: idOrPath },
      );
    }
    if (entry.overrides !== undefined) {
      o.onNotice?.(
        `using your ${entry.file} for model "${idOrPath}" instead of the built-in ${entry.overrides} (your models win; rename its "id" to keep both).`,
      );
    }
    file = entry.file;
    origin = entry.origin === 'built-in' ? `models/${basename(file)}` : entry.file;
  }
  const json = readJsonFile(file);
  const facts: Fact[] = [...loadSeeds(), ...(o.facts ?? [])];
  if (json && typeof json === 'object' && 'facts' in json) {
    facts.push(...parseFacts((json as { facts: unknown }).facts, `${origin}: facts`));
  }
  return parseModel(json, origin, facts, options.observations ?? loadObservations());
}
