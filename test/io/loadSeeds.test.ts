import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricsError } from '../../src/errors.js';
import { factById, loadSeeds } from '../../src/io/loadSeeds.js';
import { parseFacts } from '../../src/io/parseFacts.js';
import type { Fact } from '../../src/targets/fact.js';
import { thrown } from '../helpers/thrown.js';

const root = mkdtempSync(join(tmpdir(), 'industry-metrics-seeds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder under the temp root holding the given files (name -> content; objects are written as JSON). */
function folder(files: Record<string, unknown>): string {
  const dir = join(root, `case-${folders++}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function fact(id: string, value: number): Record<string, unknown> {
  return {
    id,
    metric: 'm.x',
    year: 2020,
    value,
    unit: 'count',
    comparator: 'equals',
    kind: 'actual',
    section: 's',
    quote: `q ${value}`,
  };
}

function seedFile(docId: string, ...facts: Record<string, unknown>[]): Record<string, unknown> {
  return { document: { id: docId, file: `${docId}.txt`, title: `Doc ${docId}`, publisher: 'P' }, facts };
}

describe('loadSeeds', () => {
  it('loadSeeds() reads the built-in seeds/ folder: 55 facts from 5 files, in file order', () => {
    const facts = loadSeeds();
    // 6 + 21 + 1 + 21 + 6 facts in files 000 … 004 (docs/seeds.md has the table).
    expect(facts).toHaveLength(55);
    expect([...new Set(facts.map((f) => f.provenance.documentId))]).toEqual(['000', '001', '002', '003', '004']);
    expect(facts[0]?.id).toBe('bd14news.revenue-2025');
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
  });

  it('loadSeeds({ dir }) sorts files by name, keeps fact order within a file, and ignores other files', () => {
    const dir = folder({
      'b.facts.json': seedFile('b', fact('b.two', 2), fact('b.one', 1)),
      'a.facts.json': seedFile('a', fact('a.three', 3)),
      'facts.schema.json': { not: 'a seed' },
      'README.md': '# notes',
    });
    expect(loadSeeds({ dir }).map((f) => f.id)).toEqual(['a.three', 'b.two', 'b.one']);
  });

  it('loadSeeds({ dir: URL }) accepts a file: URL', () => {
    const dir = folder({ 'a.facts.json': seedFile('a', fact('a.one', 1)) });
    expect(loadSeeds({ dir: pathToFileURL(`${dir}/`) }).map((f) => f.value)).toEqual([1]);
  });

  it('loadSeeds gives the same facts as parseFacts on each file', () => {
    const a = seedFile('a', fact('a.one', 1), fact('a.two', 2));
    const dir = folder({ 'a.facts.json': a });
    expect(loadSeeds({ dir })).toStrictEqual(parseFacts(a, join(dir, 'a.facts.json')));
  });

  it('loadSeeds reports an id used in two files, naming both', () => {
    const dir = folder({
      'a.facts.json': seedFile('a', fact('x.one', 1)),
      'b.facts.json': seedFile('b', fact('b.one', 1), fact('x.one', 2)),
    });
    const error = thrown(() => loadSeeds({ dir })) as MetricsError;
    expect(error).toMatchObject({ code: 'invalid_definition' });
    expect(error.details.problems).toEqual([
      `${join(dir, 'b.facts.json')}: facts[1].id: duplicate id "x.one" (also ${join(dir, 'a.facts.json')} facts[0]); ids must be unique across all seed files`,
    ]);
  });

  it('loadSeeds reports the problems of every file in one error', () => {
    const dir = folder({
      'a.facts.json': seedFile('a', { ...fact('a.one', 1), value: '1' }),
      'b.facts.json': seedFile('b', { ...fact('b.one', 1), kind: 'goal' }),
    });
    const error = thrown(() => loadSeeds({ dir })) as MetricsError;
    expect(error).toMatchObject({ code: 'invalid_definition' });
    expect(error.details.problems).toEqual([
      `${join(dir, 'a.facts.json')}: facts[0].value: expected a number, got "1"`,
      `${join(dir, 'b.facts.json')}: facts[0].kind: expected one of "target", "actual", "estimate", "claim", got "goal" (did you mean "target"?)`,
    ]);
    expect(error.message).toContain('loadSeeds: 2 problems in the seed files of');
  });

  it('loadSeeds throws invalid_data naming a file that is not JSON', () => {
    const dir = folder({ 'a.facts.json': '{ "document": ' });
    const error = thrown(() => loadSeeds({ dir })) as MetricsError;
    expect(error).toMatchObject({ code: 'invalid_data' });
    expect(error.message).toContain(`loadSeeds: ${join(dir, 'a.facts.json')} is not valid JSON`);
  });

  it('loadSeeds throws invalid_argument for a missing folder, a file, or a folder without seed files', () => {
    expect(thrown(() => loadSeeds({ dir: join(root, 'nowhere') }))).toMatchObject({ code: 'invalid_argument' });
    const dir = folder({ 'notes.json': {} });
    expect(thrown(() => loadSeeds({ dir: join(dir, 'notes.json') }))).toMatchObject({ code: 'invalid_argument' });
    const error = thrown(() => loadSeeds({ dir })) as MetricsError;
    expect(error).toMatchObject({ code: 'invalid_argument' });
    expect(error.message).toContain('holds no *.facts.json file');
    expect(thrown(() => loadSeeds({ dir: '' }))).toMatchObject({ code: 'invalid_argument' });
  });
  it('a misspelt option throws invalid_argument naming it and the option meant', () => {
    const e = thrown(() => loadSeeds({ dri: 'seeds' } as never));
    expect(e).toMatchObject({ name: 'MetricsError', code: 'invalid_argument', issues: [{ path: ['options', 'dri'] }] });
    expect((e as Error).message).toMatch(/unknown option "dri".*Did you mean dir\?/);
  });
});

describe('factById', () => {
  const facts: Fact[] = loadSeeds();

  it('factById(facts, "bd14.revenue-2025") is the 3-trillion 2025 target', () => {
    expect(factById(facts, 'bd14.revenue-2025')).toMatchObject({
      value: 3,
      year: 2025,
      comparator: 'exceeds',
      kind: 'target',
    });
  });

  it("a derived fact's derivation is checked with the rest of the fact: formula text, from fact ids (fuzz seed 27)", () => {
    const i = facts.findIndex((f) => f.derivation !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const spoil = (derivation: unknown) => facts.map((f, j) => (j === i ? { ...f, derivation } : f)) as Fact[];
    for (const [derivation, where, what] of [
      [{ ...facts[i]!.derivation, from: Number.NaN }, 'derivation.from', 'must be an array of fact ids (got NaN)'],
      [{ ...facts[i]!.derivation, from: ['a', ''] }, 'derivation.from[1]', 'must be a fact id (got "")'],
      [{ from: [] }, 'derivation.formula', 'must be a string (got undefined)'],
      [null, 'derivation', 'must be { formula, from } (got null)'],
    ] as const) {
      expect(thrown(() => factById(spoil(derivation), facts[i]!.id))).toMatchObject({
        code: 'invalid_argument',
        message: `factById: facts[${i}].${where} ${what}.`,
      });
    }
    expect(factById(facts, facts[i]!.id).derivation?.from.length).toBeGreaterThan(0);
  });

  it('factById with a typo throws not_found suggesting the closest ids', () => {
    const error = thrown(() => factById(facts, 'bd14.revenue-2052')) as MetricsError;
    expect(error).toMatchObject({ code: 'not_found' });
    expect(error.details.suggestions).toEqual(['bd14.revenue-2020', 'bd14.revenue-2025', 'bd13.revenue-2020']);
    expect(error.message).toBe(
      'factById: no fact with id "bd14.revenue-2052" (got 55 facts). Did you mean "bd14.revenue-2020", "bd14.revenue-2025", "bd13.revenue-2020"?',
    );
  });

  it('factById with nothing close, or no facts, throws not_found without suggestions', () => {
    const error = thrown(() => factById(facts, 'completely-unrelated-name')) as MetricsError;
    expect(error).toMatchObject({ code: 'not_found', details: { suggestions: [] } });
    expect(error.message).toContain('Check the id against the seed files');
    expect(thrown(() => factById([], 'x'))).toMatchObject({ code: 'not_found' });
  });
});
