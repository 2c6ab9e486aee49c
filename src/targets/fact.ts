import type { Provenance } from '../series/provenance.js';
import type { Unit } from '../series/units.js';

/**
 * How a figure is worded, which decides what "meeting" it means:
 * `exceeds` (> value: "exceed", "over", "more than"), `atLeast` (>=), `about` (within a tolerance:
 * "about", "approximately", "nearly"), `atMost` (<=), `below` (<), `equals` (a plain statement of a level).
 */
export const Comparator = Object.freeze({
  exceeds: 'exceeds',
  atLeast: 'atLeast',
  about: 'about',
  atMost: 'atMost',
  below: 'below',
  equals: 'equals',
} as const);
export type Comparator = keyof typeof Comparator;

/**
 * What kind of statement a figure is: a plan `target`, a reported `actual`, an `estimate`
 * (a projection or "according to estimates"), or a `claim` from a secondary source.
 */
export const FactKind = Object.freeze({
  target: 'target',
  actual: 'actual',
  estimate: 'estimate',
  claim: 'claim',
} as const);
export type FactKind = keyof typeof FactKind;

/**
 * How close "about" is. `relative` is a fraction of the stated value (0.05: within ±5%), `absolute` is
 * in the fact's unit (for a rate, 0.01 is ±1 percentage point). When both are given the wider applies.
 */
export interface Tolerance {
  readonly relative?: number;
  readonly absolute?: number;
  /** Why this tolerance: the wording it interprets. A tolerance is always an assumption. */
  readonly assumption: string;
}

/**
 * A quantitative statement from a document: a metric's value in a year (or, for a rate, over the
 * period `fromYear` -> `year`), with the comparator its wording implies, its kind, and its provenance.
 */
export interface Fact {
  /** Stable id, unique across all seeds (`bd14.revenue-2025`). */
  readonly id: string;
  /** What is measured (`big-data.revenue`, `big-data.revenue.cagr`). */
  readonly metric: string;
  /** The year the value refers to; for a rate over a period, the last year. */
  readonly year: number;
  /** For a rate over a period: the first year (a 2015 -> 2020 CAGR has fromYear 2015, year 2020). */
  readonly fromYear?: number;
  readonly value: number;
  readonly unit: Unit;
  readonly comparator: Comparator;
  readonly tolerance?: Tolerance;
  readonly kind: FactKind;
  readonly provenance: Provenance;
  /** Anything a reader needs to interpret the figure (a translation choice, an ambiguity). */
  readonly note?: string;
  /**
   * Set when no document states the number: it is computed from stated figures (RMB 8.55 trillion for
   * 2010 is 17.1 / 2 from "doubling"). Shown with the figure wherever it appears.
   */
  readonly derivation?: { readonly formula: string; readonly from: readonly string[] };
  /**
   * Set when the document gives no years for the figure ("the last 5 years", undated): why `fromYear` and
   * `year` were chosen. Shown with the period wherever it appears; such a figure is not applied to other years.
   */
  readonly periodAssumed?: string;
}

/** A fact that is a plan target. */
export type Target = Fact & { readonly kind: 'target' };
