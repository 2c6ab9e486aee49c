import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { runManifest } from '../../src/io/runManifest.js';
import { modelAsOf } from '../../src/model/modelAsOf.js';
import { checkModel } from '../../src/model/checkModel.js';
import type { ModelDefinition } from '../../src/spec/types.js';
import { cli, tempDir } from '../helpers/cli.js';
import { thrown } from '../helpers/thrown.js';

const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;
const now = new Date('2026-01-02T03:04:05.000Z');

// Issue 12, point 9: simulate and report record what they ran on.
describe('runManifest', () => {
  it('records the package version, the time, the settings and every value the 14th plan model uses with its source', () => {
    const m = runManifest({
      command: 'simulate',
      models: [loadModel('big-data-14th-fyp')],
      seed: 7,
      paths: 1000,
      workers: 2,
      scenario: 'plan',
      now,
    });
    expect(m).toMatchObject({
      tool: 'industry-metrics',
      version,
      command: 'simulate',
      createdAt: '2026-01-02T03:04:05.000Z',
      settings: { seed: 7, paths: 1000, workers: 2, scenario: 'plan' },
    });
    const model = m.models[0]!;
    expect(model).toMatchObject({
      id: 'big-data-14th-fyp',
      origin: 'models/big-data-14th-fyp.model.json',
      unit: 'CNY trillion',
    });
    expect(model.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(model.values).toEqual([
      // The floor of "more than RMB 1 trillion" is an assumption, as check lists it (issue 12); the fact's id stays.
      {
        path: 'base',
        value: 1,
        source:
          'assumption: taken at the floor of "more than RMB 1 trillion" (bd14.revenue-2020): the wording sets no upper end, so the base is the lowest level it allows',
        fact: 'bd14.revenue-2020',
      },
      { path: 'path.rate', value: 0.25, source: 'fact:bd14.cagr-2020-2025' },
      {
        path: 'scenarios.high.path.rate',
        value: 0.28,
        source: "assumption: scenario: the plan's rate plus 3 points; not from any document",
      },
      {
        path: 'scenarios.low.path.rate',
        value: 0.22,
        source: "assumption: scenario: the plan's rate less 3 points; not from any document",
      },
      {
        path: 'scenarios.shock-2022.shocks[0].size',
        value: -0.05,
        source: 'assumption: scenario: an illustrative one-off 5% fall in the level in 2022; not from any document',
      },
      {
        path: 'uncertainty.volatility',
        value: 0.05,
        source:
          'assumption: 5 points standard deviation of yearly growth: a round figure for a fast-growing young industry; no document gives a volatility',
      },
    ]);
  });
  it('the content hash is the same for the same model and changes with any value or source', () => {
    const a = loadModel('big-data-14th-fyp');
    const hash = (x: ModelDefinition) =>
      runManifest({ command: 'x', models: [x], seed: 1, paths: 1, workers: 1 }).models[0]!.contentHash;
    expect(hash(a)).toBe(hash(loadModel('big-data-14th-fyp')));
    const changed: ModelDefinition = {
      ...a,
      uncertainty: { ...a.uncertainty!, volatility: { value: 0.06, source: { kind: 'assumption', text: 'six' } } },
    };
    expect(hash(changed)).not.toBe(hash(a));
    // The origin is where the file was read, not its content.
    expect(hash({ ...a, origin: 'elsewhere.model.json' })).toBe(hash(a));
  });
  it('a model restated as of 2022 records asOf and its base as the observation', () => {
    const m = runManifest({
      command: 'simulate',
      models: [modelAsOf(loadModel('big-data-14th-fyp'), 2022)],
      seed: 1,
      paths: 1,
      workers: 1,
      asOf: 2022,
    });
    expect(m.settings.asOf).toBe(2022);
    expect(m.models[0]!.asOf).toEqual({ year: 2022, observation: 'obs.big-data.miit-2022', originalFromYear: 2020 });
    expect(m.models[0]!.values[0]).toEqual({ path: 'base', value: 1.57, source: 'observation:obs.big-data.miit-2022' });
  });
  it('the manifest gives an assumed base as check does: the floor of "more than" or of an observation is an assumption (issue 12)', () => {
    for (const id of ['big-data-14th-fyp', 'cybersecurity-2021-2023']) {
      const model = loadModel(id);
      const base = runManifest({ command: 'check', models: [model], seed: 1, paths: 1, workers: 1 }).models[0]!
        .values[0]!;
      const listed = checkModel(model).assumptions.find((a) => a.path === 'base');
      expect(listed, id).toBeDefined();
      expect(base.source).toBe(`assumption: ${listed!.assumption}`);
      expect(base.source).toContain('taken at the floor of');
    }
    // A back-cast base stays derived (its formula names the facts); a stated level stays a fact.
    const bd13 = runManifest({
      command: 'check',
      models: [loadModel('big-data-13th-fyp')],
      seed: 1,
      paths: 1,
      workers: 1,
    });
    expect(bd13.models[0]!.values[0]!.source).toBe('derived:bd13.revenue-2020 / (1 + bd13.cagr-2015-2020)^5');
  });

  it('a seed of 1.5 throws invalid_argument', () => {
    expect(thrown(() => runManifest({ command: 'x', models: [], seed: 1.5, paths: 1, workers: 1 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('simulate --format json carries the manifest', async () => {
    const r = await cli(['simulate', 'cybersecurity-2021-2023', '--paths', '300', '--seed', '3', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.manifest).toMatchObject({
      version,
      command: 'simulate',
      settings: { seed: 3, paths: 300, workers: 1, scenario: 'plan' },
    });
    expect(json.manifest.models[0].values[0]).toEqual({
      path: 'base',
      value: 170,
      source:
        'assumption: taken at the floor of the observation "more than RMB 170 billion in 2020 (obs.cybersecurity.miit-2020, Global Times, 2020-11-30, an estimate)": it sets no upper end',
      observation: 'obs.cybersecurity.miit-2020',
    });
    expect(Date.parse(json.manifest.createdAt)).not.toBeNaN();
  });
  it('report writes manifest.json next to report.html', async () => {
    const dir = tempDir();
    const r = await cli(['report', 'cybersecurity-2021-2023', '--out', 'o', '--paths', '200', '--seed', '4'], dir);
    expect(r.code).toBe(0);
    const m = JSON.parse(readFileSync(join(dir, 'o', 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({ command: 'report', version, settings: { seed: 4, paths: 200, workers: 1 } });
    expect(m.models.map((x: { id: string }) => x.id)).toEqual(['cybersecurity-2021-2023']);
    expect(r.stdout).toContain('manifest.json');
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() =>
      runManifest({ command: 'x', models: [], seed: 1, paths: 1, workers: 1, asof: 2022 } as never),
    );
    expect(e).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      issues: [{ path: ['options', 'asof'] }],
    });
    expect((e as Error).message).toMatch(/unknown option "asof".*Did you mean asOf\?/);
  });
});
