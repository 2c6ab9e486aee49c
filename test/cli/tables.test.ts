// Readable tables (issue 15, point 6): one number style per column, units in the headers, text wrapped so
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
// the table fits 100 characters, numbers never cut; every command's table output within 100 characters.
import { describe, expect, it } from 'vitest';
import { allFailed, toTable, wrapBlock, wrapLines, wrapParagraph } from '../../src/cli/output.js';
import { cli, tempDir } from '../helpers/cli.js';

describe('toTable', () => {
  it('a number column has one count of decimals: 4 significant digits of its largest value', () => {
    const t = toTable(
      [{ x: 3.0517578125 }, { x: 1 }, { x: 0.0517578 }],
      [{ key: 'x', header: 'level', style: 'number' }],
    );
    expect(t.split('\n')).toEqual(['level', '-----', '3.052', '1.000', '0.052', '']);
  });
  it('a percent column shows fractions times 100, with 2 decimals by default', () => {
    const t = toTable([{ r: 0.2457309396155174 }, { r: 0.25 }], [{ key: 'r', header: 'CAGR %', style: 'percent' }]);
    expect(t.split('\n').slice(2, 4)).toEqual([' 24.57', ' 25.00']);
  });
  it('years stay as they are; -0.00 reads 0.00', () => {
    const t = toTable([{ year: 2025, g: -0.0000001 }], ['year', { key: 'g', style: 'percent' }]);
    expect(t).toContain('2025  0.00');
  });
  it('long text wraps to fit 100 characters; numbers are never cut', () => {
    const rows = [{ id: 'x', text: 'word '.repeat(60).trim(), value: 123456789.123 }];
    const t = toTable(rows, ['id', 'text', { key: 'value', style: 'number' }]);
    for (const line of t.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(t).toContain('123456789');
    expect(t.split('\n').length).toBeGreaterThan(4);
  });
  it('a column with nothing in any row is left out', () => {
    expect(toTable([{ a: 1, b: '' }, { a: 2 }])).not.toContain('b');
  });
  it('wrapLines cuts a long word after a "-" or "." where there is one', () => {
    expect(wrapLines('cybersecurity-2021-2023', 14)).toEqual(['cybersecurity-', '2021-2023']);
    expect(wrapLines('25.00 % a year', 8)).toEqual(['25.00 %', 'a year']);
  });
  it('wrapParagraph indents the continuation lines', () => {
    const p = wrapParagraph('x '.repeat(80).trim(), '  ', '    ');
    const lines = p.split('\n');
    expect(lines[0]?.startsWith('  x')).toBe(true);
    expect(lines[1]?.startsWith('    x')).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe('wrapBlock', () => {
  it('wraps a long line under the text after its label, keeps aligned columns, leaves short lines alone', () => {
    const long = `  Big data industry        2015  more than RMB 259 billion (derived: ${'word '.repeat(20)}end)`;
    const out = wrapBlock(`short line\n${long}`).split('\n');
    expect(out[0]).toBe('short line');
    expect(out[1]?.startsWith('  Big data industry        2015  more than')).toBe(true);
    // Continuation lines hang under the first aligned column (after "industry  ").
    expect(out[2]?.startsWith(`${' '.repeat(27)}word`)).toBe(true);
    for (const l of out) expect(l.length).toBeLessThanOrEqual(100);
    expect(out.join(' ').replace(/\s+/g, ' ')).toBe(`short line ${long.trim().replace(/\s+/g, ' ')}`);
  });
});

describe('every command prints within 100 characters a line', () => {
  const dir = tempDir('im-tables-');
  const commands: string[][] = [
    ['models'],
    ['check', 'big-data-14th-fyp', 'big-data-2015-2025', 'cybersecurity-2021-2023', 'big-data-sectors-example'],
    ['project', 'big-data-14th-fyp'],
    ['project', 'cybersecurity-2021-2023'],
    ['simulate', 'big-data-14th-fyp', '--paths', '2000'],
    ['decompose', 'big-data-sectors-example'],
    ['scorecard', '--as-of', '2022', '--paths', '500'],
    ['forecast', 'long-ids.csv', '--horizon', '3'],
    ['backtest', 'long-ids.csv', '--horizon', '2', '--method', 'naive,drift,theta'],
  ];
  // Two series, one with a long dotted id: the forecast's footer names each model fitted.
  const id = 'b-very-long-series-identifier.with.dots.and-more';
  writeFileSync(
    join(dir, 'long-ids.csv'),
    `id,year,value\n${[1, 1.2, 1.5, 1.7, 2, 2.4, 2.9].map((v, i) => `a,${2015 + i},${v}`).join('\n')}\n${[100, 120, 130, 150, 170, 160].map((v, i) => `${id},${2015 + i},${v}`).join('\n')}\n`,
  );
  for (const argv of commands) {
    it(`industry-metrics ${argv.join(' ')}`, async () => {
      const r = await cli(argv, dir);
      expect(r.stderr).toBe('');
      const long = r.stdout.split('\n').filter((l) => [...l].length > 100);
      expect(long).toEqual([]);
    });
  }
});

describe('allFailed', () => {
  it('counts the failures and names the series once', () => {
    expect(allFailed('forecast', [{ id: 'a', message: 'too short' }])).toBe(
      'no series could be forecast (the only one failed: series "a": too short)',
    );
    expect(
      allFailed('backtested', [
        { id: 'b', message: 'series "b" has -1 in 2016' },
        { id: 'c', message: 'too short' },
      ]),
    ).toBe('no series could be backtested (all 2 failed; the first: series "b" has -1 in 2016)');
    expect(allFailed('forecast', [])).toBe('no series could be forecast');
  });
});
