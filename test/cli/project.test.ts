import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

describe('industry-metrics project', () => {
  it('prints each scenario of big-data-14th-fyp and the target table: 1 trillion x 1.25^5 = 3.05176 meets "more than 3"', async () => {
    const r = await cli(['project', 'big-data-14th-fyp']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Scenario plan:');
    expect(r.stdout).toMatch(/2025\s+3\.05176\s+0\.25/);
    expect(r.stdout).toMatch(/plan\s+bd14\.revenue-2025\s+2025\s+exceeds\s+3\s+3\.05176\s+true/);
    // Required CAGR 3^(1/5) - 1 = 0.245731.
    expect(r.stdout).toContain('0.245731');
  });
  it('--scenario picks scenarios; --format csv gives one row per scenario and year', async () => {
    const r = await cli(['project', 'big-data-14th-fyp', '--scenario', 'low', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('model,scenario,year,level,growth,unit');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('big-data-14th-fyp,low,2020,1,,CNY trillion');
    // 1.22^5 = 2.7027081632
    expect(Number(lines[6]?.split(',')[3])).toBeCloseTo(2.7027081632, 10);
  });
  it('--targets --format csv gives the target table', async () => {
    const r = await cli(['project', 'big-data-14th-fyp', '--scenario', 'plan', '--targets', '--format', 'csv']);
    const [header, row] = r.stdout.trim().split('\n');
    expect(header).toBe(
      'model,scenario,target,year,comparator,measure,target value,projected,meets,gap,gap %,required CAGR,projected CAGR',
    );
    expect(row).toMatch(/^big-data-14th-fyp,plan,bd14\.revenue-2025,2025,exceeds,level,3,3\.0517578125,true,/);
  });
  it('--format json gives the projections; --out writes a file', async () => {
    const dir = tempDir();
    const r = await cli(['project', 'big-data-14th-fyp', '--out', 'p.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote 4 scenario\(s\) of big-data-14th-fyp to /);
    const json = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8'));
    expect(json.projections.map((p: { scenario: string }) => p.scenario)).toEqual([
      'plan',
      'high',
      'low',
      'shock-2022',
    ]);
    expect(json.projections[0].levels[5]).toBe(3.0517578125);
  });
  it('projects a user model file by path', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'x.model.json'),
      JSON.stringify({
        id: 'x',
        title: 'X',
        metric: 'x.level',
        unit: 'count',
        fromYear: 2020,
        toYear: 2022,
        base: { value: 100, assumption: 'test' },
        path: { type: 'linear', slope: { value: 10, assumption: 'test' } },
        targets: [],
      }),
    );
    const r = await cli(['project', 'x.model.json', '--format', 'csv'], dir);
    expect(r.stderr).toBe('');
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(',')[3]),
    ).toEqual(['level', '100', '110', '120']);
  });
  it('user errors exit 2 with one line: unknown scenario, unknown model, no model, bad format', async () => {
    const a = await cli(['project', 'big-data-14th-fyp', '--scenario', 'nope']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('no scenario "nope"');
    expect((await cli(['project', 'no-such-model'])).code).toBe(2);
    expect((await cli(['project'])).code).toBe(2);
    expect((await cli(['project', 'big-data-14th-fyp', '--format', 'xml'])).code).toBe(2);
  });
});
