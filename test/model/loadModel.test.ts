import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listModels, loadModel } from '../../src/model/loadModel.js';
import type { MetricsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { tempDir } from '../helpers/cli.js';

const BUILT_IN = ['big-data-13th-fyp', 'big-data-14th-fyp', 'big-data-2015-2025', 'cybersecurity-2021-2023'];

describe('loadModel', () => {
  it('listModels() includes the four plan models, marked built-in', () => {
    const ids = listModels({ cwd: tempDir() }).map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(BUILT_IN));
  });

  it.each(BUILT_IN)('loadModel(%s) loads and every target is within its years', (id) => {
    const m = loadModel(id);
    expect(m.id).toBe(id);
    for (const t of m.targets) expect(t.year).toBeGreaterThan(m.fromYear);
  });

  it('loadModel(cybersecurity-2021-2023) starts from the 2020 observation, RMB 170 billion: no back-cast', () => {
    const m = loadModel('cybersecurity-2021-2023');
    expect(m.base.value).toBe(170);
    expect(m.base.source).toMatchObject({ kind: 'observation', observation: { id: 'obs.cybersecurity.miit-2020' } });
    expect(m.definition?.label).toBe('cybersecurity industry, MIIT/CAICT');
  });

  it('a user model in ./models is listed and loads by id, with its own inline facts', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'models'));
    writeFileSync(
      join(dir, 'models', 'widgets.model.json'),
      JSON.stringify({
        id: 'widgets',
        title: 'Widgets',
        metric: 'widgets.revenue',
        unit: 'USD million',
        fromYear: 2020,
        toYear: 2024,
        base: { fact: 'w.2020' },
        path: { type: 'cagr', rate: { value: 0.1, assumption: 'our own plan rate' } },
        targets: ['w.2024'],
        facts: {
          document: {
            id: 'w',
            file: 'none',
            title: 'Widget plan',
            publisher: 'Widget Co',
            published: '2021-01',
            language: 'en',
            note: 'internal plan',
          },
          facts: [
            {
              id: 'w.2020',
              metric: 'widgets.revenue',
              year: 2020,
              value: 50,
              unit: 'USD million',
              comparator: 'equals',
              kind: 'actual',
              section: '1',
              quote: 'Revenue was $50 million in 2020.',
            },
            {
              id: 'w.2024',
              metric: 'widgets.revenue',
              year: 2024,
              value: 70,
              unit: 'USD million',
              comparator: 'atLeast',
              kind: 'target',
              section: '2',
              quote: 'Revenue of at least $70 million by 2024.',
            },
          ],
        },
      }),
    );
    expect(listModels({ cwd: dir }).find((m) => m.id === 'widgets')?.origin).toBe(
      join(dir, 'models', 'widgets.model.json'),
    );
    const m = loadModel('widgets', { cwd: dir });
    expect(m.base.value).toBe(50);
    expect(m.targets[0]?.provenance.quote).toBe('Revenue of at least $70 million by 2024.');
  });

  it('an unknown id is not_found and suggests the close one', () => {
    const e = thrown(() => loadModel('big-data-14th-fpy')) as MetricsError;
    expect(e.code).toBe('not_found');
    expect(e.message).toContain('did you mean "big-data-14th-fyp"');
  });

  it('a file that is not JSON is invalid_data with the line and column', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.model.json'), '{\n  "id": "x",\n  oops\n}');
    const e = thrown(() => loadModel('bad.model.json', { cwd: dir })) as MetricsError;
    expect(e.code).toBe('invalid_data');
    expect(e.message).toMatch(/bad\.model\.json: not valid JSON at line 3, column 3/);
  });

  it('a missing path is not_found', () => {
    expect(thrown(() => loadModel('nowhere/x.model.json', { cwd: tempDir() }))).toMatchObject({ code: 'not_found' });
  });
});
