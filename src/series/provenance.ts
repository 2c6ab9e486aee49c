import { argumentError, show } from '../internal/assert.js';
/**
 * Where a number comes from. A sourced number quotes the sentence it was taken from, verbatim;
 * an assumption says so in `assumption` and has no quote.
 */
export interface Provenance {
  /** Title of the document (`Development Plan for the Big Data Industry (2016-2020)`). */
  readonly document: string;
  /**
   * Who issued or published it (`MIIT`, `Global Times`); for a figure a translator adds
   * (`statedBy: 'translator'`), the translator.
   */
  readonly publisher: string;
  /** Why the publisher is inferred, when the text does not name it (it is then an inference, not a statement). */
  readonly publisherInferred?: string;
  /** ISO date or month of publication (`2017-01`, `2021-07-12`). */
  readonly published?: string;
  /** Where in the document: a section or heading as the document gives it (`(III) Development Goals`). */
  readonly section: string;
  /** The sentence the number comes from, copied verbatim. */
  readonly quote: string;
  /** Link to the document, when there is one. */
  readonly url?: string;
  /** Identifier of the document in the project's seed collection (`001`). */
  readonly documentId?: string;
  /** Whose translation the text (and so the quote) is, when the document is a translation. */
  readonly translation?: Translation;
  /** `translator` when the figure is the translator's (a translator's note), not the document author's. */
  readonly statedBy?: 'document' | 'translator';
}

/** Who translated a document, and when. */
export interface Translation {
  /** `CSET (Center for Security and Emerging Technology)`, or a sentence saying the translator is not named. */
  readonly by: string;
  readonly date?: string;
  readonly url?: string;
}

/**
 * A number that is not sourced: a volatility, a sector share, a scenario rate. Every assumption
 * explains itself, so it is never mistaken for a fact.
 */
export interface Assumption {
  readonly value: number;
  /** Why this value: what it stands for and how it was chosen. */
  readonly assumption: string;
}

/**
 * A fact's source in one line for tables and the terminal: publisher (marked when inferred), document,
 * date, section, and whose translation the quoted text is.
 * @example
 * sourceLine({ document: 'Plan', publisher: 'MIIT', published: '2021-11-30', section: '3. Overall requirements',
 *   quote: '…', translation: { by: 'CSET', date: '2022-02-04' } });
 * // => 'MIIT, Plan (2021-11-30), 3. Overall requirements; English translation by CSET (2022-02-04)'
 */
export function sourceLine(p: Provenance): string {
  checkProvenance('sourceLine', p);
  const publisher =
    p.statedBy === 'translator'
      ? `${p.publisher} (translator's note, not the document's author)`
      : p.publisherInferred !== undefined
        ? `${p.publisher} (publisher inferred, not stated)`
        : p.publisher;
  const head = `${publisher}, ${p.document}${p.published ? ` (${p.published})` : ''}, ${p.section}`;
  const t = p.translation;
  if (t === undefined || p.statedBy === 'translator') return head;
  return `${head}; English translation by ${t.by}${t.date ? ` (${t.date})` : ''}`;
}

/** Checks a provenance's fields: the four texts, the optional ones text when given, a translation's `by`. */
function checkProvenance(fn: string, p: unknown): asserts p is Provenance {
  const fail = (where: string, got: unknown): never => {
    throw argumentError('invalid_argument', `${fn}: ${where} must be text (got ${show(got)}).`, where, 'text', got, {
      field: where,
    });
  };
  if (p === null || typeof p !== 'object') {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a provenance { document, publisher, section, quote } (got ${show(p)}).`,
      'provenance',
      'a provenance { document, publisher, section, quote }',
      p,
    );
  }
  const o = p as Record<string, unknown>;
  for (const k of ['document', 'publisher', 'section', 'quote'])
    if (typeof o[k] !== 'string') fail(`provenance.${k}`, o[k]);
  for (const k of ['published', 'publisherInferred', 'url', 'documentId'])
    if (o[k] !== undefined && typeof o[k] !== 'string') fail(`provenance.${k}`, o[k]);
  const t = o['translation'];
  if (t !== undefined) {
    if (t === null || typeof t !== 'object') fail('provenance.translation', t);
    const tr = t as Record<string, unknown>;
    if (typeof tr['by'] !== 'string') fail('provenance.translation.by', tr['by']);
    if (tr['date'] !== undefined && typeof tr['date'] !== 'string') fail('provenance.translation.date', tr['date']);
  }
}
