import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { MetricsError } from '../errors.js';
import type { ModelDefinition } from '../spec/types.js';
import type { Fact } from '../targets/fact.js';
import { loadSeeds } from '../io/loadSeeds.js';
import { parseFacts } from '../io/parseFacts.js';
import { closestNames } from '../internal/closest.js';
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
  /** Observations the model's `observations` ids refer to; default the built-in ones ({@link loadObservations}). */
  readonly observations?: ObservationSet;
}

/** A model file found by {@link listModels}. */
export interface ModelEntry {
  readonly id: string;
  readonly title: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** `built-in`, or the path of the user's file. */
  readonly origin: string;
  readonly file: string;
}

const SUFFIX = '.model.json';

function modelFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(SUFFIX))
    .sort()
    .map((f) => join(dir, f));
}

/** Parses JSON, turning a syntax error into invalid_data with the file's line and column. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MetricsError(
      'not_found',
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`,
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
    throw new MetricsError(
      'invalid_data',
      `${file}: not valid JSON${where} (${msg.replace(/ in JSON at position \d+.*$/, '')}).`,
      { file },
    );
  }
}

/**
 * The built-in models (`models/` of the package) and the user's (`models/*.model.json` under `cwd`).
 * @example
 * listModels().map((m) => m.id); // => ['big-data-13th-fyp', 'big-data-14th-fyp', 'big-data-2015-2025', …]
 */
export function listModels(options: LoadModelOptions = {}): ModelEntry[] {
  const builtinDir = builtinPath('models');
  const userDir = resolve(options.cwd ?? process.cwd(), 'models');
  const entries: ModelEntry[] = [];
  const dirs = userDir === resolve(builtinDir) ? [builtinDir] : [builtinDir, userDir];
  for (const dir of dirs) {
    for (const file of modelFiles(dir)) {
      const json = readJsonFile(file) as Partial<Record<string, unknown>>;
      entries.push({
        id: String(json['id'] ?? basename(file, SUFFIX)),
        title: String(json['title'] ?? ''),
        fromYear: Number(json['fromYear']),
        toYear: Number(json['toYear']),
        origin: dir === builtinDir ? 'built-in' : file,
        file,
      });
    }
  }
  return entries;
}

/**
 * Loads a model by id (built-in, or the user's `models/<id>.model.json`) or by path, resolving its
 * fact ids against the built-in seeds, `options.facts` and the file's own `facts`.
 * @throws {MetricsError} not_found for an unknown id or missing file (with the ids there are);
 *   invalid_data for a file that is not JSON; invalid_definition listing every problem with its path
 * @example
 * loadModel('big-data-14th-fyp').base.value; // => 1
 */
export function loadModel(idOrPath: string, options: LoadModelOptions = {}): ModelDefinition {
  const cwd = options.cwd ?? process.cwd();
  if (typeof idOrPath !== 'string' || idOrPath.trim() === '') {
    throw new MetricsError(
      'invalid_argument',
      `loadModel: give a model id or a path to a .model.json file (got ${JSON.stringify(idOrPath)}).`,
    );
  }
  let file: string;
  let origin: string;
  const looksLikePath = idOrPath.endsWith('.json') || idOrPath.includes('/') || idOrPath.includes('\\');
  if (looksLikePath) {
    file = isAbsolute(idOrPath) ? idOrPath : resolve(cwd, idOrPath);
    origin = idOrPath;
    if (!existsSync(file))
      throw new MetricsError('not_found', `loadModel: no file ${idOrPath} (looked in ${cwd}).`, { file });
  } else {
    const entries = listModels({ cwd });
    const entry = entries.find((e) => e.id === idOrPath);
    if (!entry) {
      const close = closestNames(
        idOrPath,
        entries.map((e) => e.id),
        2,
      );
      throw new MetricsError(
        'not_found',
        `loadModel: no model "${idOrPath}"${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : ''}. Models: ${entries.map((e) => e.id).join(', ')}. Run 'industry-metrics models' to list them.`,
        { id: idOrPath },
      );
    }
    file = entry.file;
    origin = entry.origin === 'built-in' ? `models/${basename(file)}` : entry.file;
  }
  const json = readJsonFile(file);
  const facts: Fact[] = [...loadSeeds(), ...(options.facts ?? [])];
  if (json && typeof json === 'object' && 'facts' in json) {
    facts.push(...parseFacts((json as { facts: unknown }).facts, `${origin}: facts`));
  }
  return parseModel(json, origin, facts, options.observations ?? loadObservations());
}
