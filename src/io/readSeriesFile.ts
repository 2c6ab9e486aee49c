import { readFileSync } from 'node:fs';
import { argumentError, assertFilePath, show } from '../internal/assert.js';
import { parseSeriesCsv, type SeriesRow } from './csv.js';

/**
 * Reads series data as long rows from JSON in any of three shapes:
 * `[{ "id": "a", "year": 2020, "value": 1.5 }, …]` (long rows), `{ "a": { "2020": 1.5, … } }` (by id, then
 * year) or `{ "a": [{ "year": 2020, "value": 1.5 }, …] }`. Rows come back in the order given.
 * @param json parsed JSON
 * @param file where it came from, for messages
 * @throws {MetricsError} invalid_data naming the file and the path of the first bad entry
 * @example
 * parseSeriesJson({ bd: { 2020: 1, 2025: 3 } }, 'x.json'); // => [{ id: 'bd', year: 2020, value: 1 }, { id: 'bd', year: 2025, value: 3 }]
 */
export function parseSeriesJson(json: unknown, file: string): SeriesRow[] {
  if (typeof file !== 'string' || file.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `parseSeriesJson: file must name where the JSON came from, for messages (got ${show(file)}).`,
      'file',
      'text naming where the JSON came from',
      file,
      { file },
    );
  }
  const bad = (path: string, what: string, got: unknown): never => {
    throw argumentError(
      'invalid_data',
      `${file}: ${path}: ${what} (got ${show(got)}). Use [{ "id", "year", "value" }, …] or { "<id>": { "<year>": value } }.`,
      path === '(top level)' ? [] : path,
      what.replace(/^(must (be )?|expected )/, ''),
      got,
      { file, path },
    );
  };
  const row = (id: unknown, year: unknown, value: unknown, path: string): SeriesRow => {
    if (typeof id !== 'string' || id === '') bad(`${path}.id`, 'expected a non-empty string', id);
    const y = typeof year === 'string' && /^-?\d+$/.test(year) ? Number(year) : year;
    if (typeof y !== 'number' || !Number.isInteger(y)) bad(`${path}.year`, 'expected a whole year', year);
    if (typeof value !== 'number' || !Number.isFinite(value)) bad(`${path}.value`, 'expected a finite number', value);
    return { id: id as string, year: y as number, value: value as number };
  };
  if (Array.isArray(json)) {
    return json.map((r, i) =>
      r && typeof r === 'object'
        ? row(
            (r as Record<string, unknown>)['id'],
            (r as Record<string, unknown>)['year'],
            (r as Record<string, unknown>)['value'],
            `[${i}]`,
          )
        : bad(`[${i}]`, 'expected { id, year, value }', r),
    );
  }
  if (!json || typeof json !== 'object')
    return bad('(top level)', 'expected an array of rows or an object by id', json);
  return Object.entries(json as Record<string, unknown>).flatMap(([id, v]) => {
    if (Array.isArray(v)) {
      return v.map((p, i) =>
        p && typeof p === 'object'
          ? row(id, (p as Record<string, unknown>)['year'], (p as Record<string, unknown>)['value'], `${id}[${i}]`)
          : bad(`${id}[${i}]`, 'expected { year, value }', p),
      );
    }
    if (v && typeof v === 'object')
      return Object.entries(v as Record<string, unknown>).map(([year, value]) => row(id, year, value, `${id}.${year}`));
    return bad(id, 'expected { "<year>": value } or [{ year, value }]', v);
  });
}

/**
 * Reads series data from a file: `.json` with {@link parseSeriesJson}, anything else as CSV (long
 * `id,year,value` or wide, one column per series) with parseSeriesCsv.
 * @throws {MetricsError} not_found for a missing file; invalid_data naming the file, row or path and field
 * @example
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const file = join(mkdtempSync(join(tmpdir(), 'im-')), 'series.json');
 * writeFileSync(file, JSON.stringify([{ id: 'a', year: 2020, value: 2 }]));
 * readSeriesFile(file); // => [{ id: 'a', year: 2020, value: 2 }]
 */
export function readSeriesFile(path: string): SeriesRow[] {
  assertFilePath('readSeriesFile', path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw argumentError(
      'not_found',
      `readSeriesFile: cannot read ${path} (got ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}). Check the path.`,
      'path',
      'a file that can be read',
      path,
      { file: path },
    );
  }
  if (!path.toLowerCase().endsWith('.json')) return parseSeriesCsv(text, { file: path });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw argumentError(
      'invalid_data',
      `${path}: not valid JSON (${(e as Error).message}).`,
      [],
      'valid JSON',
      (e as Error).message,
      { file: path },
    );
  }
  return parseSeriesJson(json, path);
}
