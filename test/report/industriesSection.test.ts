import { describe, expect, it } from 'vitest';
import { compareIndustries } from '../../src/targets/compareIndustries.js';
import { loadSeeds } from '../../src/io/loadSeeds.js';
import { industriesSection, industriesSummary } from '../../src/report/industriesSection.js';
import { reportHtml } from '../../src/report/reportHtml.js';
import type { MetricsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

const c = compareIndustries(loadSeeds());
const text = industriesSummary(c);

// Issue 12, points 2 and 4, on the seed documents.
describe('industries side by side, as the sources support', () => {
  it('RMB 8.55 trillion (2010) carries its derivation: 17.1 / 2 from "doubling"', () => {
    expect(text).toContain(
      'Information industry           2010  about RMB 8.55 trillion  (derived: info.revenue-2015 / 2, "doubling" read as a ratio of 2)',
    );
  });
  it('"doubling" over 2010-2015 is about 15 % a year, 12.6-17.4 % with the seed\'s ±10 % on the 2010 level: not 14.87 %', () => {
    // (17.05 / 9.405)^(1/5) - 1 = 12.63 %, (17.15 / 7.695)^(1/5) - 1 = 17.38 %.
    expect(((17.05 / 9.405) ** 0.2 - 1) * 100).toBeCloseTo(12.63, 2);
    expect(((17.15 / 7.695) ** 0.2 - 1) * 100).toBeCloseTo(17.38, 2);
    expect(text).toContain(
      '2010–2015  about 15% a year (12.6–17.4% across the tolerances of the levels, which are assumptions)',
    );
    expect(text).not.toContain('14.87');
  });
  it('the 2015 big data level is "more than RMB 259 billion" (1 / 1.31^5), not "about RMB 269 billion"', () => {
    expect(text).toMatch(
      /Big data industry {14}2015 {2}more than RMB 259 billion {2}\(derived: .*a lower bound only \(for growth up to 31%, the upper end of the rate's tolerance; the stated rate is 30%\)\)/,
    );
    expect(text).not.toContain('269');
  });
  it('no 2020 cybersecurity level: two lower bounds determine none, and the summary says so', () => {
    expect(text).not.toMatch(/Cybersecurity industry {9}2020/);
    expect(text).toContain(
      'not shown: cybersecurity.revenue in 2020: cyber.revenue-2023 and cyber.cagr-2020-2023 are both one-sided',
    );
  });
  it('the report table marks derived levels with their derivation', () => {
    const rows = industriesSection(c).tables?.[0]?.rows ?? [];
    const info2010 = rows.find((r) => r[0] === 'Information industry' && r[1] === 2010);
    expect(info2010?.[5]).toBe('derived: info.revenue-2015 / 2, "doubling" read as a ratio of 2');
  });
});

describe('a locale that is not one names the option it came from', () => {
  it('industriesSection options.locale and reportHtml report.locale', () => {
    const e = thrown(() => industriesSection(c, { locale: 'fr' as never })) as MetricsError;
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['options', 'locale'], received: 'fr' }] });
    expect(e.message).toBe('industriesSection: options.locale must be "en" or "zh" (got "fr").');
    const r = thrown(() => reportHtml({ title: 't', sections: [], locale: 'fr' as never })) as MetricsError;
    expect(r).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['report', 'locale'], received: 'fr' }] });
    expect(r.message).toBe('reportHtml: report.locale must be "en" or "zh" (got "fr").');
  });
  it('industriesSection refuses a misspelt option, naming the right one', () => {
    const e = thrown(() => industriesSection(c, { fact: [] } as never)) as MetricsError;
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['options', 'fact'] }] });
    expect(e.message).toMatch(/^industriesSection: unknown option "fact".*Did you mean facts\?/);
  });
  it("a level's derivation that is not text is named, not a TypeError (a Symbol; fuzz seed 36)", () => {
    const i = c.levels.findIndex((l) => l.derivation !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const spoilt = { ...c, levels: c.levels.map((l, j) => (j === i ? { ...l, derivation: Symbol('s') } : l)) };
    expect(thrown(() => industriesSection(spoilt as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(
        new RegExp(`^industriesSection: comparison\\.levels\\[${i}\\]\\.derivation must be a string`),
      ),
    });
  });
  it('a hole in options.facts is named, not a TypeError', () => {
    const facts = loadSeeds();
    const holed = [...facts];
    delete holed[3];
    expect(thrown(() => industriesSection(c, { facts: holed }))).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['options', 'facts', 3] }],
    });
  });
});
