import { describe, expect, it } from 'vitest';
import { factById, loadSeeds } from '../../src/io/loadSeeds.js';
import { parseFacts } from '../../src/io/parseFacts.js';
import { sourceLine } from '../../src/series/provenance.js';
import { thrown } from '../helpers/thrown.js';
import { readFileSync } from 'node:fs';
import { runWithShared } from '../helpers/sharedData.js';

const facts = loadSeeds();

// Issue 12, point 7: provenance details.
const haveDocuments = runWithShared('provenance.test.ts', 'the section checks against the documents', 'seeds');

describe('provenance of the seed facts', () => {
  it("the US$1 ≈ RMB 6.4 rate is CSET's translator's note (2022-02-04), not MIIT's document (2021-11-30)", () => {
    const p = factById(facts, 'fx.cny-per-usd-2022-02-04').provenance;
    expect(p.statedBy).toBe('translator');
    expect(p.publisher).toMatch(/^CSET /);
    expect(p.published).toBe('2022-02-04');
    expect(p.url).toBe(
      'https://cset.georgetown.edu/publication/14th-five-year-plan-for-the-development-of-the-big-data-industry',
    );
    expect(sourceLine(p)).toContain("(translator's note, not the document's author)");
  });
  it("every quote of the 14th plan's English text says whose translation it is (CSET, 2022-02-04)", () => {
    const plan = facts.filter((f) => f.provenance.documentId === '003');
    expect(plan.length).toBeGreaterThan(20);
    for (const f of plan) {
      expect(f.provenance.translation?.by).toMatch(/^CSET /);
      if (f.provenance.statedBy !== 'translator') {
        expect(f.provenance.publisher).toBe('MIIT');
        expect(sourceLine(f.provenance)).toMatch(/; English translation by CSET .*\(2022-02-04\)$/);
      }
    }
  });
  it("the 13th plan's English text says its translator is not named", () => {
    const p = factById(facts, 'bd13.revenue-2020').provenance;
    expect(p.translation?.by).toMatch(/^a translator not named/);
    expect(sourceLine(p)).toContain('; English translation by a translator not named');
  });
  it.runIf(haveDocuments)(
    'cyber.review-threshold-users is paragraph 13 of the Global Times article (counted in the seed text)',
    () => {
      const f = factById(facts, 'cyber.review-threshold-users');
      expect(f.provenance.section).toBe('paragraph 13');
      // Paragraphs after the headline, date and photo captions: the 13th is the one with the quote.
      const text = readFileSync(new URL('../../../shared/seeds/004_49c379ea0d7e03fc.txt', import.meta.url), 'utf8');
      const paragraphs = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .slice(4);
      expect(paragraphs[12]).toContain(f.provenance.quote);
      expect(paragraphs[1]).toContain(factById(facts, 'cyber.revenue-2023').provenance.quote);
    },
  );
  it('the publisher of document 000 is inferred, and says so', () => {
    const p = factById(facts, 'bd14news.revenue-2025').provenance;
    expect(p.publisherInferred).toMatch(/inferred/);
    expect(sourceLine(p)).toMatch(/^OpenGov Asia \(publisher inferred, not stated\), /);
  });
  it.runIf(haveDocuments)('every section is a heading the document gives, or a paragraph number', () => {
    for (const f of facts) {
      const file = {
        '000': '000_880e43707acf4fa2.txt',
        '001': '001_73910e7a0880bac3.txt',
        '002': '002_55186bef739a2449.txt',
        '003': '003_e428b0935e631df0.txt',
        '004': '004_49c379ea0d7e03fc.txt',
      }[f.provenance.documentId as '000'];
      const text = readFileSync(new URL(`../../../shared/seeds/${file}`, import.meta.url), 'utf8');
      const parts = f.provenance.section.split(', ');
      for (const part of parts) {
        if (/^(body, )?paragraph \d+( \(lead\))?$|^body$|^Translation header$|^Box \d/.test(part)) continue;
        expect(text, `${f.id}: section part "${part}"`).toContain(part);
      }
    }
  });
  it('statedBy "translator" without document.translation is refused', () => {
    const e = thrown(() =>
      parseFacts(
        {
          document: { id: 'x', file: 'x.txt', title: 'T', publisher: 'P' },
          facts: [
            {
              id: 'a.b',
              metric: 'a',
              year: 2020,
              value: 1,
              unit: 'count',
              comparator: 'equals',
              kind: 'actual',
              section: 's',
              quote: 'q',
              statedBy: 'translator',
            },
          ],
        },
        'x.facts.json',
      ),
    );
    expect((e as Error).message).toContain('facts[0].statedBy: "translator" needs document.translation');
  });
});
