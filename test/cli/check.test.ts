import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';
import { widgetModel } from '../helpers/models.js';

describe('industry-metrics models / check', () => {
  it('models lists the built-in models as a table', async () => {
    const r = await cli(['models']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^id\s+years\s+title\s+origin/);
    expect(r.stdout).toMatch(/big-data-14th-fyp\s+2020-2025/);
  });

  it('check big-data-14th-fyp prints targets, verbatim sources, consistency and assumptions', async () => {
    const r = await cli(['check', 'big-data-14th-fyp']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('more than RMB 3 trillion');
    expect(r.stdout).toContain('"By 2025, the estimated scale of the big data industry will exceed 3 trillion RMB');
    expect(r.stdout).toContain('RMB 1 trillion x 1.25^5 = RMB 3.05 trillion');
    expect(r.stdout).toContain('Assumptions (not from any document)');
  });

  it('check --format json gives the check with provenance', async () => {
    const r = await cli(['check', 'cybersecurity-2021-2023', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.model.id).toBe('cybersecurity-2021-2023');
    expect(json.facts[0].provenance.quote).toContain('250 billion yuan');
  });

  it('check --format csv has one row per implied number', async () => {
    const r = await cli(['check', 'big-data-13th-fyp', '--format', 'csv']);
    expect(r.stdout.split('\n')[0]).toBe('model,status,check,title,implied,value,text,formula');
    expect(r.stdout).toContain(',implied,implied-base,');
    expect(r.stdout).not.toContain('disagreement');
  });

  it('check exits 0 for consistent models and 1 when a model\'s own figures contradict each other (50 x 1.1^4 = 73.2 misses "at least 100")', async () => {
    expect((await cli(['check', 'big-data-14th-fyp', 'cybersecurity-2021-2023'])).code).toBe(0);
    const dir = tempDir();
    writeFileSync(join(dir, 'w.model.json'), JSON.stringify(widgetModel({ id: 'w', target: 100, rateFact: true })));
    const r = await cli(['check', 'w.model.json'], dir);
    expect(r.stdout).toContain('INCONSISTENT');
    expect(r.code).toBe(1);
    // One inconsistent model among several is enough for 1.
    expect((await cli(['check', 'big-data-14th-fyp', 'w.model.json'], dir)).code).toBe(1);
    expect((await cli(['check', '--help'])).stdout).toContain('Exit codes: 0 when every model is consistent, 1 when');
  });

  it('a malformed model file exits 2 with every problem and its path, and no stack trace', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bad.model.json'),
      JSON.stringify({
        id: 'bad',
        title: 'Bad',
        metric: 'x',
        unit: 'CNY',
        fromYear: 2020,
        toYear: 2025,
        base: { value: '3T', assumption: 'text' },
        path: { type: 'cagr', rate: { value: 25, assumption: 'percent' } },
        targets: [],
      }),
    );
    const r = await cli(['check', 'bad.model.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.model.json: base.value: expected a number, got "3T"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('unknown command, unknown option and a missing model exit 2', async () => {
    expect((await cli(['nope'])).code).toBe(2);
    expect((await cli(['check', 'big-data-14th-fyp', '--colour'])).code).toBe(2);
    const r = await cli(['check', 'no-such-model']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no model "no-such-model"');
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['check', 'big-data-14th-fyp', '--format', 'xml'])).stderr).toContain(
      '--format must be one of table, csv, json',
    );
  });

  it('every command has --help with usage and an example', async () => {
    const { commands } = await import('../../src/cli/registry.js');
    for (const c of commands) {
      const r = await cli([c.name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: industry-metrics ${c.name}`);
      expect(r.stdout).toMatch(/Examples:\n {2}industry-metrics /);
    }
  });
});
