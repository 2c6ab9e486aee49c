import { readFileSync, readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { factById, loadSeeds } from '../../src/io/loadSeeds.js';
import { parseFacts } from '../../src/io/parseFacts.js';
import { unitToString } from '../../src/series/units.js';
import type { Fact } from '../../src/targets/fact.js';
import { factInterval } from '../../src/targets/checkConsistency.js';
import { meets } from '../../src/targets/meets.js';
import { runWithShared } from '../helpers/sharedData.js';

const seedsDir = new URL('../../seeds/', import.meta.url);
const seedFiles = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.facts.json'))
  .sort();
const readSeed = (name: string): unknown => JSON.parse(readFileSync(new URL(name, seedsDir), 'utf8'));

// The plan documents themselves live next to the repository (../shared/seeds), not in it.
const documentsDir = new URL('../../../shared/seeds/', import.meta.url);
const haveDocuments = runWithShared('seeds.test.ts', 'the verbatim-quote checks', 'seeds');

const facts: Fact[] = loadSeeds();

describe('seed files', () => {
  it('there are five seed files, one per plan document', () => {
    expect(seedFiles).toEqual([
      '000-big-data-14th-fyp-news.facts.json',
      '001-big-data-13th-fyp.facts.json',
      '002-big-data-commentary.facts.json',
      '003-big-data-14th-fyp.facts.json',
      '004-cybersecurity-3y-plan-news.facts.json',
    ]);
  });

  it.each(seedFiles)('parseFacts(%s) accepts the file and keeps every fact, in order', (name) => {
    const raw = readSeed(name) as { facts: { id: string }[] };
    const expected = {
      '000-big-data-14th-fyp-news.facts.json': 6,
      '001-big-data-13th-fyp.facts.json': 21,
      '002-big-data-commentary.facts.json': 1,
      '003-big-data-14th-fyp.facts.json': 21,
      '004-cybersecurity-3y-plan-news.facts.json': 6,
    }[name];
    expect(raw.facts).toHaveLength(expected!);
    expect(parseFacts(raw, `seeds/${name}`).map((f) => f.id)).toEqual(raw.facts.map((f) => f.id));
  });

  it.each(seedFiles)('%s is valid against seeds/facts.schema.json', (name) => {
    const schema = JSON.parse(readFileSync(new URL('facts.schema.json', seedsDir), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(readSeed(name)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(seedFiles)('%s is named after its document id', (name) => {
    const { document } = readSeed(name) as { document: { id: string; file: string } };
    expect(name.startsWith(`${document.id}-`)).toBe(true);
    expect(document.file.startsWith(`${document.id}_`)).toBe(true);
  });

  // Verbatim means character for character. The only normalisation is collapsing runs of whitespace
  // (spaces, newlines) to one space, on both sides; nothing else (no quote-mark or case folding).
  const collapse = (s: string): string => s.replace(/\s+/g, ' ');
  it.skipIf(!haveDocuments).each(seedFiles)('every quote in %s appears verbatim in its document', (name) => {
    const { document, facts: raw } = readSeed(name) as {
      document: { file: string };
      facts: { id: string; quote: string }[];
    };
    const text = collapse(readFileSync(new URL(document.file, documentsDir), 'utf8'));
    const missing = raw.filter((f) => !text.includes(collapse(f.quote))).map((f) => f.id);
    expect(missing).toEqual([]);
  });

  it.skipIf(!haveDocuments)('every seeded document file exists in the documents folder', () => {
    const present = readdirSync(documentsDir);
    for (const name of seedFiles) {
      expect(present).toContain((readSeed(name) as { document: { file: string } }).document.file);
    }
  });
});

/** The figures the models refer to, written out from the documents by hand (see docs/seeds.md). */
const MUST_HAVE: Record<
  string,
  { value: number; unit: string; comparator: string; kind: string; year: number; fromYear?: number; doc: string }
> = {
  'bd13.revenue-2020': {
    value: 1,
    unit: 'CNY trillion',
    comparator: 'exceeds',
    kind: 'target',
    year: 2020,
    doc: '001',
  },
  'bd13.cagr-2015-2020': {
    value: 0.3,
    unit: 'fraction',
    comparator: 'about',
    kind: 'target',
    year: 2020,
    fromYear: 2015,
    doc: '001',
  },
  'bd14.revenue-2020': {
    value: 1,
    unit: 'CNY trillion',
    comparator: 'exceeds',
    kind: 'estimate',
    year: 2020,
    doc: '003',
  },
  'bd14.cagr-2015-2020': {
    value: 0.3,
    unit: 'fraction',
    comparator: 'exceeds',
    kind: 'estimate',
    year: 2020,
    fromYear: 2015,
    doc: '003',
  },
  'bd14.revenue-2025': {
    value: 3,
    unit: 'CNY trillion',
    comparator: 'exceeds',
    kind: 'target',
    year: 2025,
    doc: '003',
  },
  'bd14.cagr-2020-2025': {
    value: 0.25,
    unit: 'fraction',
    comparator: 'about',
    kind: 'target',
    year: 2025,
    fromYear: 2020,
    doc: '003',
  },
  'bd14news.revenue-2025': {
    value: 3,
    unit: 'CNY trillion',
    comparator: 'exceeds',
    kind: 'target',
    year: 2025,
    doc: '000',
  },
  'bd14news.cagr-2020-2025': {
    value: 0.25,
    unit: 'fraction',
    comparator: 'about',
    kind: 'target',
    year: 2025,
    fromYear: 2020,
    doc: '000',
  },
  'cyber.revenue-2023': {
    value: 250,
    unit: 'CNY billion',
    comparator: 'exceeds',
    kind: 'target',
    year: 2023,
    doc: '004',
  },
  'cyber.revenue-2023-usd': {
    value: 38.62,
    unit: 'USD billion',
    comparator: 'exceeds',
    kind: 'target',
    year: 2023,
    doc: '004',
  },
  'cyber.cagr-2020-2023': {
    value: 0.15,
    unit: 'fraction',
    comparator: 'exceeds',
    kind: 'target',
    year: 2023,
    fromYear: 2020,
    doc: '004',
  },
  'cyber.market-usd': { value: 39, unit: 'USD billion', comparator: 'atMost', kind: 'target', year: 2023, doc: '004' },
  'info.revenue-2015': {
    value: 17.1,
    unit: 'CNY trillion',
    comparator: 'equals',
    kind: 'actual',
    year: 2015,
    doc: '001',
  },
  'info.revenue-2010': {
    value: 8.55,
    unit: 'CNY trillion',
    comparator: 'about',
    kind: 'estimate',
    year: 2010,
    doc: '001',
  },
  'software.revenue-2015': {
    value: 4.3,
    unit: 'CNY trillion',
    comparator: 'equals',
    kind: 'actual',
    year: 2015,
    doc: '001',
  },
  'software.revenue-growth-2015': {
    value: 0.157,
    unit: 'fraction',
    comparator: 'equals',
    kind: 'actual',
    year: 2015,
    fromYear: 2014,
    doc: '001',
  },
  'fx.cny-per-usd-2022-02-04': {
    value: 6.4,
    unit: 'CNY/USD',
    comparator: 'about',
    kind: 'actual',
    year: 2022,
    doc: '003',
  },
  'claim.big-data-cagr-5y': {
    value: 0.38,
    unit: 'fraction',
    comparator: 'equals',
    kind: 'claim',
    year: 2016,
    fromYear: 2011,
    doc: '002',
  },
};

describe('must-have facts', () => {
  it.each(Object.entries(MUST_HAVE))(
    '%s has the value, unit, comparator, kind and period of its document',
    (id, want) => {
      const fact = factById(facts, id);
      expect({
        value: fact.value,
        unit: unitToString(fact.unit),
        comparator: fact.comparator,
        kind: fact.kind,
        year: fact.year,
        ...(fact.fromYear !== undefined && { fromYear: fact.fromYear }),
        doc: fact.provenance.documentId,
      }).toStrictEqual(want);
    },
  );

  it('info.revenue-2010 is half of info.revenue-2015 ("doubling"), with a note saying it is derived', () => {
    expect(factById(facts, 'info.revenue-2010').value).toBe(factById(facts, 'info.revenue-2015').value / 2);
    expect(factById(facts, 'info.revenue-2010').note).toMatch(/derived/i);
  });

  it('the 13th-plan pilot-zone range is seeded as its two ends', () => {
    expect(factById(facts, 'bd13.pilot-zones-min')).toMatchObject({ value: 10, comparator: 'atLeast' });
    expect(factById(facts, 'bd13.pilot-zones-max')).toMatchObject({ value: 15, comparator: 'atMost' });
  });

  it('every "about" fact states its tolerance as an assumption, and no other fact has one', () => {
    for (const fact of facts) {
      if (fact.comparator === 'about') expect(fact.tolerance?.assumption, fact.id).toMatch(/\S/);
      else expect(fact.tolerance, fact.id).toBeUndefined();
    }
  });
});

// Does the quote carry the number? Each value is looked for in the forms a text writes it in: digits
// (1, 17.1, 84,000), a percentage for fractions (30%, 10 percent), words for small whole numbers
// (three, Ten, nine) and ordinals for ranks (first, 9th, second-largest). A match must stand alone:
// "1" does not match inside "15.7" or "2021".
const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
];
const ORDINALS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
const SUFFIX = (n: number): string => (n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th');

function writtenForms(fact: Fact): string[] {
  const v = fact.value;
  if (fact.unit.kind === 'fraction') {
    const pct = Number((v * 100).toPrecision(12));
    return [`${pct}%`, `${pct} percent`];
  }
  const forms = [String(v), v.toLocaleString('en-US')];
  if (Number.isInteger(v) && v < WORDS.length) forms.push(WORDS[v] as string);
  if (fact.unit.kind === 'other' && fact.unit.symbol === 'rank') forms.push(ORDINALS[v] ?? '', `${v}${SUFFIX(v)}`);
  return forms.filter((f) => f !== '');
}

function standsAlone(quote: string, form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.,])${escaped}(?![\\w]|[.,]\\d)`, 'i').test(quote);
}

/** Facts whose number is not written in the quote, and the words that carry it instead. */
const CARRIED_BY: Record<string, string> = {
  'info.revenue-2010': 'doubling the figure recorded in 2010', // 17.1 / 2
  'bd13.platform-cluster-units': 'tens of thousands', // read as at least 10,000
  'bd14news.industrial-sectors': 'raw materials, equipment manufacturing, consumer goods and electronic information', // a list of four
  'bd14.product-service-links':
    'data resources, basic hardware, general purpose software, industry applications, and security assurance', // five
  'bd14.5g-connections-rank': 'ranking China first in the world',
  'bd13.internet-users-rank': 'both ranking first globally',
  'bd13.mobile-subscribers-rank': 'both ranking first globally',
};

describe('numbers in quotes', () => {
  it.each(facts.map((f) => [f.id, f] as const))('the quote of %s writes its value', (id, fact) => {
    const carrier = CARRIED_BY[id];
    if (carrier !== undefined) {
      expect(fact.provenance.quote).toContain(carrier);
      return;
    }
    const forms = writtenForms(fact);
    expect(
      forms.some((form) => standsAlone(fact.provenance.quote, form)),
      `${id}: none of ${JSON.stringify(forms)} in the quote`,
    ).toBe(true);
  });

  it('the number check is strict: 1 is not found in "15.7%" or "2021", 30% is not found in "130%"', () => {
    expect(standsAlone('an increase of 15.7% in 2021', '1')).toBe(false);
    expect(standsAlone('grew 130% a year', '30%')).toBe(false);
    expect(standsAlone('exceed 1 trillion', '1')).toBe(true);
    expect(standsAlone('with 84,000 websites', '84,000')).toBe(true);
  });

  // The key quotes, spelled out: the wording that decides the comparator is in the quote.
  const KEY_WORDING: Record<string, string> = {
    'bd13.revenue-2020': 'exceeded RMB 1 trillion',
    'bd13.cagr-2015-2020': 'approximately 30%',
    'bd14.revenue-2020': 'will exceed 1 trillion',
    'bd14.cagr-2015-2020': 'exceeded 30%',
    'bd14.revenue-2025': 'will exceed 3 trillion RMB',
    'bd14.cagr-2020-2025': 'about 25%',
    'bd14news.revenue-2025': 'surpass three trillion RMB',
    'bd14news.cagr-2020-2025': 'about 25%',
    'cyber.revenue-2023': 'exceed 250 billion yuan',
    'cyber.revenue-2023-usd': '($38.62 billion)',
    'cyber.cagr-2020-2023': 'over 15 percent',
    'cyber.market-usd': 'nearly $39 billion',
    'info.revenue-2015': 'RMB 17.1 trillion',
    'software.revenue-2015': 'RMB 4.3 trillion',
    'software.revenue-growth-2015': 'year-on-year increase of 15.7%',
    'fx.cny-per-usd-2022-02-04': '≈ 6.4',
    'claim.big-data-cagr-5y': '38% for the last 5 years',
  };
  it('"nearly X" is at most X (smart-city pilots: at most 300, not 285-315) and "should account for 10 percent" does not accept 14 %', () => {
    for (const id of ['bd13.smart-city-pilots', 'bd14.patents-share', 'cyber.market-usd']) {
      const f = factById(facts, id);
      expect(f.provenance.quote).toContain('nearly');
      expect(f.comparator).toBe('atMost');
      expect(f.tolerance).toBeUndefined();
    }
    expect(factInterval(factById(facts, 'bd13.smart-city-pilots'))).toEqual([-Infinity, 300]);
    const share = factById(facts, 'cyber.investment-share-key-industries');
    expect(meets(0.14, share)).toBe(false);
    expect(factInterval(share)[0]).toBeCloseTo(0.095, 15);
    expect(factInterval(share)[1]).toBeCloseTo(0.105, 15);
  });

  it.each(Object.entries(KEY_WORDING))('the quote of %s contains %j', (id, wording) => {
    expect(factById(facts, id).provenance.quote).toContain(wording);
  });
});
