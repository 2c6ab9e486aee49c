import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands, loadCommands } from '../../src/cli/registry.js';
import { progressBar, toCsv } from '../../src/cli/output.js';
import { cli, tempDir } from '../helpers/cli.js';

const DATA_COMMANDS = ['models', 'check', 'project', 'simulate', 'forecast', 'backtest', 'decompose'];

describe('CLI conventions', () => {
  it('lists every command of the issues, once, in a fixed order', () => {
    expect(commands.map((c) => c.name)).toEqual([
      'models',
      'check',
      'project',
      'simulate',
      'report',
      'forecast',
      'backtest',
      'decompose',
      'render',
      'scorecard',
    ]);
  });

  it("--version prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const r = await cli(['--version']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `industry-metrics ${version}\n`, '']);
  });

  it('each registry entry names and summarises the command it loads', async () => {
    const loaded = await loadCommands();
    expect(loaded.map((c) => [c.name, c.summary])).toEqual(commands.map((c) => [c.name, c.summary]));
  });

  it.each(DATA_COMMANDS)('%s takes --format and --out, and documents both', async (name) => {
    const c = await commands.find((x) => x.name === name)?.load();
    expect(Object.keys(c?.options ?? {})).toEqual(expect.arrayContaining(['format', 'out']));
    expect(c?.help.map(([flag]) => flag.split(' ')[0])).toEqual(expect.arrayContaining(['--format', '--out']));
    expect(c?.usage).toContain('[--out FILE]');
  });

  it.each([...DATA_COMMANDS, 'scorecard'])(
    '%s says in its usage and --format help that it writes xlsx',
    async (name) => {
      const c = await commands.find((x) => x.name === name)?.load();
      expect(c?.usage).toContain('[--format table|csv|json|xlsx]');
      expect(c?.help.find(([flag]) => flag.startsWith('--format'))?.[1]).toContain('xlsx');
    },
  );

  it('--out writes the file, in the format its extension names, and says where', async () => {
    const dir = tempDir();
    const r = await cli(['check', 'big-data-14th-fyp', '--out', 'check.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote the check of big-data-14th-fyp to ${join(dir, 'check.json')}\n`);
    expect(JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8')).model.id).toBe('big-data-14th-fyp');
    await cli(['models', '--out', 'models.csv'], dir);
    expect(readFileSync(join(dir, 'models.csv'), 'utf8').split('\n')[0]).toBe('id,years,title,origin');
  });

  it('forecast reads JSON data as well as CSV, with the same result', async () => {
    const dir = tempDir();
    const years = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017];
    const values = [10, 12, 13.5, 15, 17.2, 19, 21.5, 24];
    writeFileSync(join(dir, 'x.csv'), `id,year,value\n${years.map((y, i) => `x,${y},${values[i]}`).join('\n')}\n`);
    writeFileSync(join(dir, 'x.json'), JSON.stringify({ x: Object.fromEntries(years.map((y, i) => [y, values[i]])) }));
    const a = await cli(['forecast', 'x.csv', '--method', 'drift', '--horizon', '2', '--format', 'csv'], dir);
    const b = await cli(['forecast', 'x.json', '--method', 'drift', '--horizon', '2', '--format', 'csv'], dir);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    // drift: last + (last - first) / (n - 1) per year = 24 + 14/7 = 26, then 28
    expect(a.stdout.split('\n')[1]).toMatch(/^x,2018,26,/);
  });

  it('a bad JSON data file exits 2 naming the file and the path of the bad entry', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ x: { 2020: 'n/a' } }));
    const r = await cli(['forecast', 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: x.2020.value: expected a finite number (got "n/a")');
  });

  it('progress is drawn on a terminal only, once per percent, ending with a newline', () => {
    let err = '';
    const ctx = {
      stdout: () => undefined,
      stderr: (t: string) => {
        err += t;
      },
      cwd: '.',
      stderrIsTTY: true,
    };
    const bar = progressBar(ctx, 'simulating');
    for (let i = 0; i <= 1000; i++) bar?.(i, 1000);
    expect(err.match(/\r/g)?.length).toBe(101);
    expect(err.endsWith('100%\n')).toBe(true);
    expect(progressBar({ ...ctx, stderrIsTTY: false }, 'x')).toBeUndefined();
  });

  it('CSV output cannot start a spreadsheet formula', () => {
    expect(toCsv([{ a: '=cmd()', b: '+1', c: '-2', d: '@x', e: -3 }])).toBe("a,b,c,d,e\n'=cmd(),'+1,'-2,'@x,-3\n");
  });
});
