import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listModels, loadModel } from '../../src/model/loadModel.js';
import type { MetricsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { cli, tempDir } from '../helpers/cli.js';
import { widgetModel } from '../helpers/models.js';

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
    writeFileSync(join(dir, 'models', 'widgets.model.json'), JSON.stringify(widgetModel()));
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

  describe('user models win, loudly; a broken file spoils only itself (issue 15, point 3)', () => {
    const builtin = JSON.parse(
      readFileSync(new URL('../../models/big-data-14th-fyp.model.json', import.meta.url), 'utf8'),
    );
    /** A folder with models/ holding the given files. */
    const folder = (files: Record<string, string>): string => {
      const dir = tempDir();
      mkdirSync(join(dir, 'models'));
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'models', name), text);
      return dir;
    };
    // The 14th plan's model edited to 30 % a year, under the built-in id.
    const edited = JSON.stringify({
      ...builtin,
      path: { type: 'cagr', rate: { value: 0.3, assumption: 'my own rate' } },
    });

    it('a user file with a built-in id replaces it when loaded by id, and onNotice names both files', () => {
      const dir = folder({ 'mine.model.json': edited });
      const notices: string[] = [];
      const m = loadModel('big-data-14th-fyp', { cwd: dir, onNotice: (t) => notices.push(t) });
      expect(m.path).toMatchObject({ type: 'cagr', rate: { value: 0.3 } });
      expect(m.origin).toBe(join(dir, 'models', 'mine.model.json'));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(join(dir, 'models', 'mine.model.json'));
      expect(notices[0]).toMatch(/instead of the built-in .*models\/big-data-14th-fyp\.model\.json/);
      // Without the user's folder, the built-in as before.
      expect(loadModel('big-data-14th-fyp', { cwd: tempDir() }).path).toMatchObject({ rate: { value: 0.25 } });
    });
    it('listModels marks the pair: overrides on the user file, overriddenBy on the built-in', () => {
      const dir = folder({ 'mine.model.json': edited });
      const both = listModels({ cwd: dir }).filter((e) => e.id === 'big-data-14th-fyp');
      expect(both).toHaveLength(2);
      expect(both[0]).toMatchObject({ origin: 'built-in', overriddenBy: join(dir, 'models', 'mine.model.json') });
      expect(both[1]?.overrides).toMatch(/models\/big-data-14th-fyp\.model\.json$/);
    });
    it('two user files with one id are refused, naming both', () => {
      const dir = folder({ 'a.model.json': edited, 'b.model.json': edited });
      const e = thrown(() => loadModel('big-data-14th-fyp', { cwd: dir })) as MetricsError;
      expect(e.code).toBe('invalid_definition');
      expect(e.message).toContain(join(dir, 'models', 'a.model.json'));
      expect(e.message).toContain(join(dir, 'models', 'b.model.json'));
    });
    it('a malformed file is listed with its problem, and every other model still loads by id', () => {
      const dir = folder({ 'broken.model.json': '{ "id": ', 'noid.model.json': '{ "id": 5 }' });
      const entries = listModels({ cwd: dir });
      expect(entries.find((e) => e.id === 'broken')?.problem).toMatch(/broken\.model\.json: not valid JSON/);
      expect(entries.find((e) => e.id === 'noid')?.problem).toMatch(/id must be a string \(got 5\)/);
      expect(loadModel('big-data-14th-fyp', { cwd: dir }).id).toBe('big-data-14th-fyp');
      expect(thrown(() => loadModel('broken', { cwd: dir }))).toMatchObject({ code: 'invalid_data' });
    });
    it("industry-metrics models shows each file's status and exits 1 when one has a problem", async () => {
      const dir = folder({ 'broken.model.json': '{ "id": ', 'mine.model.json': edited });
      const r = await cli(['models', '--format', 'json'], dir);
      expect(r.code).toBe(1);
      const rows = JSON.parse(r.stdout) as { id: string; origin: string; status: string }[];
      expect(rows.find((x) => x.id === 'broken')?.status).toMatch(/broken\.model\.json: not valid JSON/);
      expect(rows.find((x) => x.id === 'big-data-14th-fyp' && x.origin === 'built-in')?.status).toBe(
        'replaced by your models/mine.model.json (user models win)',
      );
      expect(rows.find((x) => x.origin === 'models/mine.model.json')?.status).toBe('ok; replaces the built-in model');
    });
    it('industry-metrics project <built-in id> uses the user file and says so on stderr', async () => {
      const dir = folder({ 'mine.model.json': edited, 'broken.model.json': '{' });
      const r = await cli(['project', 'big-data-14th-fyp'], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^industry-metrics: note: using your .*mine\.model\.json for model "big-data-14th-fyp"/);
      // 1 trillion x 1.3^5 = 3.71293, not the built-in 3.05176.
      expect(r.stdout).toMatch(/2025\s+3\.713\s+30\.00/);
    });
  });

  it('a misspelt option is refused, naming the one meant: loadModel and listModels', () => {
    expect(thrown(() => loadModel('big-data-14th-fyp', { fact: [] } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^loadModel: unknown option "fact".*Did you mean facts\?/),
      issues: [{ path: ['options', 'fact'] }],
    });
    expect(thrown(() => listModels({ cdw: tempDir() } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^listModels: unknown option "cdw".*Did you mean cwd\?/),
    });
  });
});
