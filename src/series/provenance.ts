/**
 * Where a number comes from. A sourced number quotes the sentence it was taken from, verbatim;
 * an assumption says so in `assumption` and has no quote.
 */
export interface Provenance {
  /** Title of the document (`Development Plan for the Big Data Industry (2016-2020)`). */
  readonly document: string;
  /** Who issued or published it (`MIIT`, `Global Times`). */
  readonly publisher: string;
  /** ISO date or month of publication (`2017-01`, `2021-07-12`). */
  readonly published?: string;
  /** Where in the document: a section or heading (`III. (III) Development Goals`). */
  readonly section: string;
  /** The sentence the number comes from, copied verbatim. */
  readonly quote: string;
  /** Link to the document, when there is one. */
  readonly url?: string;
  /** Identifier of the document in the project's seed collection (`001`). */
  readonly documentId?: string;
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
