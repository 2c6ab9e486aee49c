import { describe, expect, it } from 'vitest';
import { cellText, columnHeader, columnOf, tableCsv } from '../../src/render/table.js';
import { reportHtml } from '../../src/report/reportHtml.js';

describe('columnOf, columnHeader', () => {
  it("columnOf('Year') is { name: 'Year' }; a column object is returned as it is", () => {
    expect(columnOf('Year')).toEqual({ name: 'Year' });
    const c = { name: 'Level', unit: 'RMB trillion' };
    expect(columnOf(c)).toBe(c);
  });

  it('columnHeader names the unit, except for percent columns', () => {
    expect(columnHeader({ name: 'Level in 2025', unit: 'RMB trillion' })).toBe('Level in 2025 (RMB trillion)');
    expect(columnHeader({ name: 'Share', unit: '%', format: 'percent' })).toBe('Share');
    expect(columnHeader('Scenario')).toBe('Scenario');
  });
});

describe('cellText', () => {
  it('a year column prints 2025, not 2,025; other integers keep their separators', () => {
    expect(cellText(2025, 'year')).toBe('2025');
    expect(cellText(2025, '年份')).toBe('2025');
    expect(cellText(84000, 'count')).toBe('84,000');
  });

  it('percent columns multiply fractions by 100; decimals are one precision per column', () => {
    expect(cellText(0.2457, { name: 'Rate', format: 'percent', decimals: 1 })).toBe('24.6%');
    expect(cellText(3.0517578125, { name: 'Level', decimals: 2 })).toBe('3.05');
    // Without decimals: up to 6 significant digits.
    expect(cellText(3.0517578125, 'Level')).toBe('3.05176');
  });

  it('null is an empty cell and text is written as it is', () => {
    expect(cellText(null, 'Level')).toBe('');
    expect(cellText('more than 3', 'Level')).toBe('more than 3');
  });
});

describe('tableCsv', () => {
  it('headers with units, numbers unrounded, quotes doubled, formula-like text defused with a leading quote', () => {
    const csv = tableCsv({
      columns: ['Scenario', { name: 'Level', unit: 'RMB trillion', decimals: 2 }],
      rows: [
        ['plan', 3.0517578125],
        ['say "hi", then', null],
        ['=1+1', 2],
      ],
    });
    expect(csv).toBe('Scenario,Level (RMB trillion)\nplan,3.0517578125\n"say ""hi"", then",\n\'=1+1,2\n');
  });
});

describe('report tables', () => {
  it('reportHtml writes cells with cellText: 2025 in a year column, 84,000 in a count column', () => {
    const html = reportHtml({
      title: 't',
      sections: [{ heading: 'h', charts: [], tables: [{ columns: ['year', 'count'], rows: [[2025, 84000]] }] }],
    });
    expect(html).toContain('>2025</td>');
    expect(html).toContain('>84,000</td>');
  });
});
