import type { Unit } from '../series/units.js';
import type { Comparator, Tolerance } from '../targets/fact.js';

/**
 * Who measures what: a metric as one body defines it ("big data industry, MIIT"). Figures of two
 * definitions are never one series unless the user gives a {@link DefinitionBridge}.
 */
export interface MetricDefinition {
  /** `big-data-industry.miit` */
  readonly id: string;
  /** Short label for tables: `big data industry, MIIT`. */
  readonly label: string;
  /** The metric the plans' facts use for this quantity (`big-data.revenue`). */
  readonly metric: string;
  /** The body that produces the numbers (MIIT, NDA, CICS-CERT...). */
  readonly body: string;
  /** True when the plans' targets on `metric` are set on this definition (itself an assumption, said in `note`). */
  readonly planDefinition: boolean;
  readonly note: string;
}

/** The public page an observation is cited from (cited, never copied: there is no quote field). */
export interface ObservationSource {
  readonly publisher: string;
  /** ISO year, month or date of publication. */
  readonly published: string;
  readonly title: string;
  readonly url: string;
  /** `address` when the title is read from the page's address rather than its heading. */
  readonly titleFrom?: 'address';
}

/** A published figure after the plans: a level in `year`, or a rate over `fromYear` -> `year` (unit fraction). */
export interface Observation {
  readonly id: string;
  /** The id of its {@link MetricDefinition}. */
  readonly definition: string;
  readonly year: number;
  readonly fromYear?: number;
  readonly value: number;
  readonly unit: Unit;
  readonly comparator: Comparator;
  /** For `about`: how close, read from the wording ("约2000亿元"); always an assumption, said in `assumption`. */
  readonly tolerance?: Tolerance;
  readonly kind: 'actual' | 'estimate';
  /** The figure in our own words. */
  readonly statement: string;
  /** How the page was read where it leaves something open (labelled as an assumption). */
  readonly assumption?: string;
  readonly source: ObservationSource;
}

/** Observations and their definitions, as one file or the built-in collection holds them. */
export interface ObservationSet {
  readonly definitions: readonly MetricDefinition[];
  readonly observations: readonly Observation[];
}

/**
 * What the user states to put two definitions on one footing: `ratio` (value on `to` = ratio × value on
 * `from`), or an `overlapYear` in which both have a level observation (the ratio is then taken from it).
 */
export interface DefinitionBridge {
  readonly from: string;
  readonly to: string;
  readonly ratio?: number;
  readonly overlapYear?: number;
  /** Why the bridge holds: a user's assumption, shown with every result that uses it. */
  readonly assumption: string;
}
