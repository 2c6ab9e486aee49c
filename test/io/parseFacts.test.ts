import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricsError } from '../../src/errors.js';
import { parseFacts } from '../../src/io/parseFacts.js';
import { thrown } from '../helpers/thrown.js';

const ORIGIN = 'seeds/x.facts.json';
const schema = JSON.parse(readFileSync(new URL('../../seeds/facts.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

type Json = Record<string, unknown>;

/** A small valid seed file: one level target and one "about" rate. A fresh object on every call. */
function validFile(): Json {
  return {
    $schema: './facts.schema.json',
    document: {
      id: '003',
      file: '003_e428b0935e631df0.txt',
      title: '"14th Five-Year" Plan for the Development of the Big Data Industry',
      publisher: 'MIIT',
      published: '2021-11-30',
      language: 'en',
      url: 'https://www.miit.gov.cn/plan.html',
      note: 'CSET translation',
    },
    facts: [
      {
        id: 'bd14.revenue-2025',
        metric: 'big-data.revenue',
        year: 2025,
        value: 3,
        unit: 'CNY trillion',
        comparator: 'exceeds',
        kind: 'target',
        section: '3. Overall requirements, (3) Development goals',
        quote: 'By 2025, the estimated scale of the big data industry will exceed 3 trillion RMB',
      },
      {
        id: 'bd14.cagr-2020-2025',
        metric: 'big-data.revenue.cagr',
        year: 2025,
        fromYear: 2020,
        value: 0.25,
        unit: 'fraction',
        comparator: 'about',
        kind: 'target',
        section: '3. Overall requirements, (3) Development goals',
        quote: 'with an average compound annual growth rate of about 25%',
        tolerance: { absolute: 0.01, assumption: "'about 25%' read as 25% ± 1 point" },
        note: 'five compounding years',
      },
    ],
  };
}

/** `validFile()` with `change` applied to facts[index] (a function so that keys can be deleted). */
function withFact(index: number, change: (fact: Json) => void): Json {
  const file = validFile();
  change((file.facts as Json[])[index] as Json);
  return file;
}

function withDocument(change: (document: Json) => void): Json {
  const file = validFile();
  change(file.document as Json);
  return file;
}

/** The problem lines parseFacts reports for `json` (fails the test when it does not throw). */
function problems(json: unknown): readonly string[] {
  const error = thrown(() => parseFacts(json, ORIGIN));
  expect(error).toBeInstanceOf(MetricsError);
  expect(error).toMatchObject({ code: 'invalid_definition' });
  return (error as MetricsError).details.problems as readonly string[];
}

describe('parseFacts', () => {
  // Worked examples: the expected objects are written out by hand from validFile() and the Fact contract
  // in src/targets/fact.ts (provenance = document title, publisher, published, url, id + section, quote).
  it('parseFacts(validFile()) builds both facts with their provenance', () => {
    const provenance = {
      document: '"14th Five-Year" Plan for the Development of the Big Data Industry',
      publisher: 'MIIT',
      published: '2021-11-30',
      section: '3. Overall requirements, (3) Development goals',
      url: 'https://www.miit.gov.cn/plan.html',
      documentId: '003',
    };
    expect(parseFacts(validFile(), ORIGIN)).toStrictEqual([
      {
        id: 'bd14.revenue-2025',
        metric: 'big-data.revenue',
        year: 2025,
        value: 3,
        unit: { kind: 'money', currency: 'CNY', scale: 'trillion' },
        comparator: 'exceeds',
        kind: 'target',
        provenance: {
          ...provenance,
          quote: 'By 2025, the estimated scale of the big data industry will exceed 3 trillion RMB',
        },
      },
      {
        id: 'bd14.cagr-2020-2025',
        metric: 'big-data.revenue.cagr',
        year: 2025,
        fromYear: 2020,
        value: 0.25,
        unit: { kind: 'fraction' },
        comparator: 'about',
        tolerance: { absolute: 0.01, assumption: "'about 25%' read as 25% ± 1 point" },
        kind: 'target',
        provenance: { ...provenance, quote: 'with an average compound annual growth rate of about 25%' },
        note: 'five compounding years',
      },
    ]);
  });

  it('parseFacts reads every unit form the seeds use', () => {
    const units: [string, unknown][] = [
      ['RMB billion', { kind: 'money', currency: 'CNY', scale: 'billion' }],
      ['USD billion', { kind: 'money', currency: 'USD', scale: 'billion' }],
      ['count', { kind: 'count', scale: 'one' }],
      ['count million', { kind: 'count', scale: 'million' }],
      ['CNY/USD', { kind: 'fx', base: 'USD', quote: 'CNY' }],
      ['MB/month', { kind: 'other', symbol: 'MB/month' }],
      ['rank', { kind: 'other', symbol: 'rank' }],
    ];
    for (const [text, unit] of units) {
      const [fact] = parseFacts(
        withFact(0, (f) => {
          f.unit = text;
        }),
        ORIGIN,
      );
      expect(fact?.unit).toStrictEqual(unit);
    }
  });

  it('parseFacts leaves out published and url when the document has none', () => {
    const [fact] = parseFacts(
      withDocument((d) => {
        delete d.published;
        delete d.url;
      }),
      ORIGIN,
    );
    expect(fact?.provenance).toStrictEqual({
      document: '"14th Five-Year" Plan for the Development of the Big Data Industry',
      publisher: 'MIIT',
      section: '3. Overall requirements, (3) Development goals',
      quote: 'By 2025, the estimated scale of the big data industry will exceed 3 trillion RMB',
      documentId: '003',
    });
  });

  it('parseFacts returns frozen facts and leaves its input untouched', () => {
    const input = validFile();
    const before = structuredClone(input);
    const facts = parseFacts(input, ORIGIN);
    expect(input).toStrictEqual(before);
    for (const fact of facts) {
      expect(Object.isFrozen(fact)).toBe(true);
      expect(Object.isFrozen(fact.provenance)).toBe(true);
      expect(Object.isFrozen(fact.unit)).toBe(true);
    }
    expect(Object.isFrozen(facts[1]?.tolerance)).toBe(true);
  });

  // Edge cases
  it('parseFacts accepts a fraction of exactly 1.5 and a negative rate, and refuses 1.51', () => {
    expect(
      parseFacts(
        withFact(1, (f) => {
          f.value = 1.5;
        }),
        ORIGIN,
      )[1]?.value,
    ).toBe(1.5);
    expect(
      parseFacts(
        withFact(1, (f) => {
          f.value = -0.9;
        }),
        ORIGIN,
      )[1]?.value,
    ).toBe(-0.9);
    expect(
      problems(
        withFact(1, (f) => {
          f.value = 1.51;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[1].value: expected a fraction, got 1.51 (did you mean 0.0151?)`]);
  });

  it('parseFacts accepts a zero level, a year-only publication date and a relative tolerance of 1', () => {
    expect(
      parseFacts(
        withFact(0, (f) => {
          f.value = 0;
        }),
        ORIGIN,
      )[0]?.value,
    ).toBe(0);
    expect(
      parseFacts(
        withDocument((d) => {
          d.published = '2017';
        }),
        ORIGIN,
      )[0]?.provenance.published,
    ).toBe('2017');
    const facts = parseFacts(
      withFact(1, (f) => {
        f.tolerance = { relative: 1, absolute: 0.02, assumption: 'both bounds' };
      }),
      ORIGIN,
    );
    expect(facts[1]?.tolerance).toStrictEqual({ relative: 1, absolute: 0.02, assumption: 'both bounds' });
  });

  // Errors: every path, with the exact line it produces.
  it('parseFacts(json, "") throws invalid_argument', () => {
    expect(thrown(() => parseFacts(validFile(), ''))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => parseFacts(validFile(), 42 as unknown as string))).toMatchObject({ code: 'invalid_argument' });
  });

  it('parseFacts([1, 2]) reports that the root must be an object', () => {
    expect(problems([1, 2])).toEqual([`${ORIGIN}: expected an object with "document" and "facts", got [1, 2]`]);
    expect(problems(null)).toEqual([`${ORIGIN}: expected an object with "document" and "facts", got null`]);
  });

  it('parseFacts({}) reports document and facts missing', () => {
    expect(problems({})).toEqual([
      `${ORIGIN}: document: missing (expected an object with id, file, title and publisher)`,
      `${ORIGIN}: facts: missing (expected a non-empty array of facts)`,
    ]);
  });

  it('parseFacts reports unknown root keys with the closest known key, and a non-string $schema', () => {
    const file = validFile();
    file.fact = [];
    file.$schema = 7;
    expect(problems(file)).toEqual([
      `${ORIGIN}: fact: unknown property (did you mean "facts"?)`,
      `${ORIGIN}: $schema: expected a string, got 7`,
    ]);
  });

  it('parseFacts reports facts that are empty, not an array, or hold a non-object', () => {
    expect(problems({ ...validFile(), facts: [] })).toEqual([
      `${ORIGIN}: facts: expected a non-empty array of facts, got []`,
    ]);
    expect(problems({ ...validFile(), facts: { a: 1 } })).toEqual([
      `${ORIGIN}: facts: expected a non-empty array of facts, got {"a":1}`,
    ]);
    const file = validFile();
    (file.facts as unknown[]).push('x');
    expect(problems(file)).toEqual([
      `${ORIGIN}: facts[2]: expected an object (a fact with id, metric, year, value, unit, comparator, kind, section and quote), got "x"`,
    ]);
  });

  it('parseFacts reports each bad document field at its path', () => {
    expect(problems({ ...validFile(), document: 'MIIT' })).toEqual([
      `${ORIGIN}: document: expected an object with id, file, title and publisher, got "MIIT"`,
    ]);
    expect(
      problems(
        withDocument((d) => {
          d.id = '0 1';
          delete d.file;
          d.title = ' ';
          delete d.publisher;
          d.published = '2021-13';
          d.language = 'English';
          d.url = 'ftp://x';
          d.note = 5;
          d.author = 'x';
        }),
      ),
    ).toEqual([
      `${ORIGIN}: document.author: unknown property (expected one of id, file, title, publisher, publisherInferred, published, language, url, translation, note)`,
      `${ORIGIN}: document.id: expected a document id such as "001" (letters, digits, "_" and "-"), got "0 1"`,
      `${ORIGIN}: document.file: missing (expected the name of the document's text file)`,
      `${ORIGIN}: document.title: expected a non-empty string, got " "`,
      `${ORIGIN}: document.publisher: missing (expected a non-empty string)`,
      `${ORIGIN}: document.published: expected an ISO year, month or date such as "2021-07-12", got "2021-13"`,
      `${ORIGIN}: document.language: expected a language tag such as "en" or "zh-Hans", got "English"`,
      `${ORIGIN}: document.url: expected an http(s) link, got "ftp://x"`,
      `${ORIGIN}: document.note: expected a non-empty string, got 5`,
    ]);
  });

  it('parseFacts reports value "3T" as facts[0].value: expected a number', () => {
    expect(
      problems(
        withFact(0, (f) => {
          f.value = '3T';
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].value: expected a number, got "3T"`]);
  });

  it('parseFacts reports a non-finite or missing value', () => {
    expect(
      problems(
        withFact(0, (f) => {
          f.value = Number.NaN;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].value: expected a finite number, got NaN`]);
    expect(
      problems(
        withFact(0, (f) => {
          f.value = Infinity;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].value: expected a finite number, got Infinity`]);
    expect(
      problems(
        withFact(0, (f) => {
          delete f.value;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].value: missing (expected a number)`]);
  });

  it('parseFacts suggests 0.25 for a fraction written as 25', () => {
    expect(
      problems(
        withFact(1, (f) => {
          f.value = 25;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[1].value: expected a fraction, got 25 (did you mean 0.25?)`]);
  });

  it('parseFacts refuses a negative level and a non-positive exchange rate', () => {
    expect(
      problems(
        withFact(0, (f) => {
          f.value = -1;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].value: expected a level >= 0, got -1`]);
    expect(
      problems(
        withFact(0, (f) => {
          f.unit = 'CNY/USD';
          f.value = 0;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].value: expected an exchange rate > 0, got 0`]);
  });

  it('parseFacts reports units that are missing, not text, percentages, bare scales or unknown scales', () => {
    const what = 'a unit such as "CNY trillion", "count million", "fraction" or "CNY/USD"';
    expect(
      problems(
        withFact(0, (f) => {
          delete f.unit;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].unit: missing (expected ${what})`]);
    expect(
      problems(
        withFact(0, (f) => {
          f.unit = 12;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].unit: expected ${what}, got 12`]);
    expect(
      problems(
        withFact(1, (f) => {
          f.unit = '%';
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].unit: expected "fraction" for a rate or share, got "%" (write 25% as 0.25 with unit "fraction")`,
    ]);
    expect(
      problems(
        withFact(0, (f) => {
          f.unit = 'trillion';
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[0].unit: expected a currency or "count" before the scale, got "trillion" (did you mean "CNY trillion" or "count trillion"?)`,
    ]);
    const [line] = problems(
      withFact(0, (f) => {
        f.unit = 'CNY gazillion';
      }),
    );
    expect(line).toMatch(
      /^seeds\/x\.facts\.json: facts\[0\]\.unit: expected a unit such as .*, got "CNY gazillion": unknown scale "gazillion"/,
    );
  });

  it('parseFacts reports an unknown comparator, with the comparator its word means', () => {
    const one = 'one of "exceeds", "atLeast", "about", "atMost", "below", "equals"';
    expect(
      problems(
        withFact(0, (f) => {
          f.comparator = 'more than';
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].comparator: expected ${one}, got "more than" (did you mean "exceeds"?)`]);
    expect(
      problems(
        withFact(0, (f) => {
          f.comparator = 'atleast';
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].comparator: expected ${one}, got "atleast" (did you mean "atLeast"?)`]);
    expect(
      problems(
        withFact(0, (f) => {
          f.comparator = 'zzz';
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].comparator: expected ${one}, got "zzz"`]);
    expect(
      problems(
        withFact(0, (f) => {
          delete f.comparator;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].comparator: missing (expected ${one})`]);
  });

  it.each([
    ['超过', 'exceeds'],
    ['突破', 'exceeds'],
    ['达到', 'atLeast'],
    ['不低于', 'atLeast'],
    ['约', 'about'],
    ['左右', 'about'],
    ['近', 'atMost'],
    ['nearly', 'atMost'],
    ['almost', 'atMost'],
    ['approximately', 'about'],
  ])('parseFacts reads the comparator word %s as %s', (word, comparator) => {
    const one = 'one of "exceeds", "atLeast", "about", "atMost", "below", "equals"';
    expect(
      problems(
        withFact(0, (f) => {
          f.comparator = word;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].comparator: expected ${one}, got "${word}" (did you mean "${comparator}"?)`]);
  });

  it('parseFacts reports an unknown kind', () => {
    expect(
      problems(
        withFact(0, (f) => {
          f.kind = 'goal';
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[0].kind: expected one of "target", "actual", "estimate", "claim", got "goal" (did you mean "target"?)`,
    ]);
    expect(
      problems(
        withFact(0, (f) => {
          f.kind = 'actuals';
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[0].kind: expected one of "target", "actual", "estimate", "claim", got "actuals" (did you mean "actual"?)`,
    ]);
  });

  it('parseFacts reports bad ids, metrics, sections, quotes and notes', () => {
    expect(
      problems(
        withFact(0, (f) => {
          f.id = 'BD14 revenue';
          delete f.metric;
          f.section = '';
          f.quote = 3;
          f.note = '';
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[0].id: expected an id such as "bd14.revenue-2025" (lower-case letters and digits joined by "." or "-"), got "BD14 revenue"`,
      `${ORIGIN}: facts[0].metric: missing (expected a metric id such as "big-data.revenue" (lower-case letters and digits joined by "." or "-"))`,
      `${ORIGIN}: facts[0].section: expected the section or heading the quote is in, got ""`,
      `${ORIGIN}: facts[0].quote: expected the sentence containing the number, copied verbatim, got 3`,
      `${ORIGIN}: facts[0].note: expected a non-empty string, got ""`,
    ]);
  });

  it('parseFacts reports the second use of an id, naming the first', () => {
    expect(
      problems(
        withFact(1, (f) => {
          f.id = 'bd14.revenue-2025';
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].id: duplicate id "bd14.revenue-2025" (also facts[0].id); give each fact its own id`,
    ]);
  });

  it('parseFacts reports bad years and periods', () => {
    const year = 'a whole year between 1800 and 2200';
    expect(
      problems(
        withFact(0, (f) => {
          f.year = '2025';
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].year: expected ${year}, got "2025"`]);
    expect(
      problems(
        withFact(0, (f) => {
          f.year = 2025.5;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].year: expected ${year}, got 2025.5`]);
    expect(
      problems(
        withFact(0, (f) => {
          delete f.year;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[0].year: missing (expected ${year})`]);
    expect(
      problems(
        withFact(1, (f) => {
          f.fromYear = 3000;
        }),
      ),
    ).toEqual([`${ORIGIN}: facts[1].fromYear: expected ${year}, got 3000`]);
    expect(
      problems(
        withFact(1, (f) => {
          f.fromYear = 2025;
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].fromYear: expected a year before year 2025, got 2025 (a rate over a period runs fromYear -> year)`,
    ]);
    expect(
      problems(
        withFact(0, (f) => {
          f.fromYear = 2020;
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[0].fromYear: only allowed for a rate over a period (unit "fraction"); a level belongs to one year, so remove fromYear`,
    ]);
  });

  it('parseFacts requires a tolerance with "about" and refuses one with any other comparator', () => {
    expect(
      problems(
        withFact(1, (f) => {
          delete f.tolerance;
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].tolerance: missing: comparator "about" needs a tolerance that states its assumption, e.g. { "absolute": 0.01, "assumption": "'about 25%' read as 25% ± 1 point" }`,
    ]);
    expect(
      problems(
        withFact(0, (f) => {
          f.tolerance = { relative: 0.05, assumption: 'x' };
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[0].tolerance: only allowed with comparator "about" (got comparator "exceeds"); remove it or use "about"`,
    ]);
  });

  it('parseFacts reports each bad tolerance field at its path', () => {
    expect(
      problems(
        withFact(1, (f) => {
          f.tolerance = 0.01;
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].tolerance: expected an object with "relative" or "absolute" and "assumption", got 0.01`,
    ]);
    expect(
      problems(
        withFact(1, (f) => {
          f.tolerance = { assumption: 'x', relativ: 0.1 };
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].tolerance.relativ: unknown property (did you mean "relative"?)`,
      `${ORIGIN}: facts[1].tolerance: needs "relative" (a fraction of the value) or "absolute" (in the fact's unit), or both`,
    ]);
    expect(
      problems(
        withFact(1, (f) => {
          f.tolerance = { relative: 0, absolute: -1 };
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].tolerance.relative: expected a number > 0 and <= 1 (a fraction of the value: 0.05 is ±5%), got 0`,
      `${ORIGIN}: facts[1].tolerance.absolute: expected a number > 0, got -1`,
      `${ORIGIN}: facts[1].tolerance.assumption: missing (expected a sentence saying how the wording is read, e.g. "'about 25%' read as 25% ± 1 point")`,
    ]);
    expect(
      problems(
        withFact(1, (f) => {
          f.tolerance = { absolute: 1, assumption: 'one point' };
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].tolerance.absolute: expected a tolerance in fraction points, got 1 (did you mean 0.01?)`,
    ]);
    expect(
      problems(
        withFact(1, (f) => {
          f.tolerance = { relative: 1.5, assumption: 'x' };
        }),
      ),
    ).toEqual([
      `${ORIGIN}: facts[1].tolerance.relative: expected a number > 0 and <= 1 (a fraction of the value: 0.05 is ±5%), got 1.5`,
    ]);
  });

  it('parseFacts reports every problem of a file in one error, in order', () => {
    const file = validFile();
    (file.document as Json).title = '';
    const facts = file.facts as Json[];
    (facts[0] as Json).value = '3T';
    (facts[0] as Json).tolernace = {};
    (facts[1] as Json).value = 25;
    const error = thrown(() => parseFacts(file, ORIGIN)) as MetricsError;
    const lines = [
      `${ORIGIN}: document.title: expected a non-empty string, got ""`,
      `${ORIGIN}: facts[0].tolernace: unknown property (did you mean "tolerance"?)`,
      `${ORIGIN}: facts[0].value: expected a number, got "3T"`,
      `${ORIGIN}: facts[1].value: expected a fraction, got 25 (did you mean 0.25?)`,
    ];
    expect(error.details).toStrictEqual({ origin: ORIGIN, problems: lines });
    expect(error.message).toBe(
      `parseFacts: 4 problems in ${ORIGIN}. Fix each and parse again:\n${lines.map((l) => `  ${l}`).join('\n')}`,
    );
  });

  // Properties
  const UNITS = [
    'CNY trillion',
    'CNY billion',
    'USD billion',
    'count',
    'count million',
    'fraction',
    'CNY/USD',
    'MB/month',
    'rank',
  ] as const;
  const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
  const factArb = fc.record({
    unit: fc.constantFrom(...UNITS),
    comparator: fc.constantFrom('exceeds', 'atLeast', 'about', 'atMost', 'below', 'equals'),
    kind: fc.constantFrom('target', 'actual', 'estimate', 'claim'),
    year: fc.integer({ min: 1900, max: 2100 }),
    span: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    rate: fc.double({ min: -0.9, max: 1.5, noNaN: true }),
    level: fc.double({ min: 0.001, max: 1e9, noNaN: true }),
    tolerance: fc.double({ min: 0.001, max: 0.4, noNaN: true }),
    note: fc.option(text, { nil: undefined }),
    quote: text,
    suffix: fc.stringMatching(/^[a-z0-9]{1,6}$/),
  });
  const fileArb = fc
    .record({
      facts: fc.array(factArb, { minLength: 1, maxLength: 8 }),
      published: fc.option(fc.constantFrom('2017', '2017-01', '2021-07-12'), { nil: undefined }),
      title: text,
    })
    .map(({ facts, published, title }) => ({
      document: { id: '001', file: '001.txt', title, publisher: 'MIIT', ...(published !== undefined && { published }) },
      facts: facts.map((f, i) => ({
        id: `f${i}.${f.suffix}`,
        metric: 'm.x',
        year: f.year,
        ...(f.unit === 'fraction' && f.span !== undefined && { fromYear: f.year - f.span }),
        value: f.unit === 'fraction' ? f.rate : f.level,
        unit: f.unit,
        comparator: f.comparator,
        kind: f.kind,
        section: 's',
        quote: f.quote,
        ...(f.comparator === 'about' && { tolerance: { relative: f.tolerance, assumption: 'generated' } }),
        ...(f.note !== undefined && { note: f.note }),
      })),
    }));

  it('any valid generated file parses, keeps order and values, and the JSON Schema accepts it too', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const facts = parseFacts(file, ORIGIN);
        expect(validate(file)).toBe(true);
        expect(facts.map((f) => f.id)).toEqual(file.facts.map((f) => f.id));
        facts.forEach((fact, i) => {
          const source = file.facts[i] as (typeof file.facts)[number];
          expect(fact.value === source.value).toBe(true);
          expect(fact.provenance.quote).toBe(source.quote);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a value changed to a string is reported at its path, and the JSON Schema rejects it too', () => {
    fc.assert(
      fc.property(fileArb, fc.nat(), text, (file, pick, bad) => {
        const index = pick % file.facts.length;
        const mutated = structuredClone(file) as Json;
        ((mutated.facts as Json[])[index] as Json).value = bad;
        expect(problems(mutated)).toContain(
          `${ORIGIN}: facts[${index}].value: expected a number, got ${JSON.stringify(bad)}`,
        );
        expect(validate(mutated)).toBe(false);
        expect(validate.errors?.some((e) => e.instancePath === `/facts/${index}/value`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a required key removed from a fact is reported missing at its path', () => {
    const required = ['id', 'metric', 'year', 'value', 'unit', 'comparator', 'kind', 'section', 'quote'] as const;
    fc.assert(
      fc.property(fileArb, fc.nat(), fc.constantFrom(...required), (file, pick, key) => {
        const index = pick % file.facts.length;
        const mutated = structuredClone(file) as Json;
        delete ((mutated.facts as Json[])[index] as Json)[key];
        const lines = problems(mutated);
        expect(lines.some((l) => l.startsWith(`${ORIGIN}: facts[${index}].${key}: missing (expected `))).toBe(true);
        expect(validate(mutated)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
