import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeriesJson, readSeriesFile } from '../../src/io/readSeriesFile.js';
import { thrown } from '../helpers/thrown.js';
import { tempDir } from '../helpers/cli.js';

const rows = [
  { id: 'a', year: 2020, value: 1 },
  { id: 'a', year: 2021, value: 2 },
  { id: 'b', year: 2020, value: 3 },
];

describe('parseSeriesJson / readSeriesFile', () => {
  it('reads the three JSON shapes to the same rows', () => {
    expect(parseSeriesJson(rows, 'x')).toEqual(rows);
    expect(parseSeriesJson({ a: { 2020: 1, 2021: 2 }, b: { 2020: 3 } }, 'x')).toEqual(rows);
    expect(
      parseSeriesJson(
        {
          a: [
            { year: 2020, value: 1 },
            { year: 2021, value: 2 },
          ],
          b: [{ year: 2020, value: 3 }],
        },
        'x',
      ),
    ).toEqual(rows);
  });

  it('names the file and the path of a bad entry', () => {
    expect(thrown(() => parseSeriesJson([{ id: 'a', year: 2020.5, value: 1 }], 'd.json'))).toMatchObject({
      code: 'invalid_data',
      message: expect.stringContaining('d.json: [0].year: expected a whole year (got 2020.5)'),
    });
    expect(thrown(() => parseSeriesJson({ a: { 2020: null } }, 'd.json'))).toMatchObject({
      message: expect.stringContaining('d.json: a.2020.value: expected a finite number (got null)'),
    });
    expect(thrown(() => parseSeriesJson(5, 'd.json'))).toMatchObject({ code: 'invalid_data' });
  });

  it('reads .json as JSON and anything else as CSV; a missing file is not_found; broken JSON is invalid_data', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(rows));
    writeFileSync(join(dir, 'a.csv'), 'id,year,value\na,2020,1\na,2021,2\nb,2020,3\n');
    writeFileSync(join(dir, 'broken.json'), '{ "a": ');
    expect(readSeriesFile(join(dir, 'a.json'))).toEqual(rows);
    expect(readSeriesFile(join(dir, 'a.csv'))).toEqual(rows);
    expect(thrown(() => readSeriesFile(join(dir, 'none.csv')))).toMatchObject({ code: 'not_found' });
    expect(thrown(() => readSeriesFile(join(dir, 'broken.json')))).toMatchObject({ code: 'invalid_data' });
  });
});
