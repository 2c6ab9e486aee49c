// What the chart builders take: plain, tidy rows. Any result (a projection, Monte Carlo bands, a
// forecast, a decomposition) maps onto these in a few lines; see docs/charts.md for the mappings.
import type { Comparator } from '../targets/fact.js';
import type { Unit } from '../series/units.js';
import type { Locale } from '../series/locale.js';

/**
 * One value of a series in a year. `series` names the line (a metric, a method), `scenario` the
 * scenario when there are several. `lower`/`upper` bound an interval of coverage `level` (0.9: the
 * central 90%). `series.toTidy()` rows are ValueRows.
 */
export interface ValueRow {
  readonly series: string;
  readonly scenario?: string;
  readonly year: number;
  readonly value: number;
  readonly lower?: number;
  readonly upper?: number;
  readonly level?: number;
}

/**
 * An observed value drawn on a chart (an observation, a reported actual): a stated level (a filled circle),
 * or a floor when `comparator` is `exceeds` or `atLeast` ("more than X": an open circle).
 */
export interface ActualPoint {
  readonly year: number;
  readonly value: number;
  /** How the figure is worded; default a stated level. */
  readonly comparator?: Comparator;
  /** Tooltip text: what the figure is and who published it (`MIIT via China Banking News, 2023`). */
  readonly label?: string;
}

/** A central band of a distribution in a year: `level` 0.9 is the 5th to 95th percentile. */
export interface BandRow {
  readonly year: number;
  readonly lower: number;
  readonly upper: number;
  /** Coverage as a fraction in (0, 1): 0.5 for the 25-75 band, 0.9 for 5-95. */
  readonly level: number;
}

/** Where a target comes from: the document and the sentence it quotes, verbatim. */
export interface MarkerSource {
  readonly document: string;
  readonly quote: string;
}

/**
 * A plan target drawn on a chart. The marker's shape shows the comparator: a triangle up for
 * `exceeds`/`atLeast`, down for `atMost`/`below`, a diamond for `about`, a circle for `equals`.
 */
export interface TargetMarker {
  readonly year: number;
  readonly value: number;
  readonly comparator: Comparator;
  /** Short name shown in tooltips (`2025 revenue target`). */
  readonly label: string;
  readonly source: MarkerSource;
}

/**
 * A plan period shaded behind the data: `{ label: '13th Five-Year Plan', fromYear: 2016, toYear: 2020 }`.
 * Shade only the periods of the plans a chart is about (a model declares its own in `periods`).
 */
export interface PlanPeriod {
  readonly label: string;
  readonly fromYear: number;
  readonly toYear: number;
}

/** The probability that a target is met, written on a chart: `P(exceeds RMB 3 trillion in 2025) = 62%`. */
export interface Attainment {
  /** A fraction in [0, 1]. */
  readonly probability: number;
  readonly target: TargetMarker;
}

/** A sector's level in a year (for stacked areas and shares). */
export interface SectorRow {
  readonly sector: string;
  readonly year: number;
  readonly value: number;
}

/** A sector's contribution to total growth in a year, as a fraction (0.012 is 1.2 percentage points). */
export interface ContributionRow {
  readonly sector: string;
  readonly year: number;
  readonly contribution: number;
}

/** One sector's change between the base and the target year of a waterfall, in the chart's unit. */
export interface SectorChange {
  readonly sector: string;
  readonly change: number;
}

/**
 * The outcome of one parameter's sensitivity run: the result when the parameter is set `low` and when it
 * is set `high` (in the chart's unit). `lowLabel`/`highLabel` say what the settings were (`CAGR 8%`).
 */
export interface SensitivityRow {
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  readonly lowLabel?: string;
  readonly highLabel?: string;
}

/** A method's score on one accuracy metric (`sMAPE`, `MASE`, `OWA`). Lower is better. */
export interface AccuracyRow {
  readonly method: string;
  readonly metric: string;
  readonly value: number;
}

/** Options every builder takes. */
export interface ChartOptions {
  /** Unit of the values: `'CNY trillion'` or a Unit. It names the axis and formats labels. */
  readonly unit: string | Unit;
  /** `en` (default) or `zh`: number words (`RMB 3.05 trillion` vs `3.05万亿元`) and the font. */
  readonly locale?: Locale;
  readonly title?: string;
  readonly subtitle?: string;
  /** What is measured, for the value axis (`Big data industry revenue`). The unit is added to it. */
  readonly measure?: string;
  /** Plot width in pixels. Default 640. */
  readonly width?: number;
  /** Plot height in pixels. Default 360. */
  readonly height?: number;
  /**
   * The source line printed under the chart (wrapped within the width): where the numbers come from and
   * the run's settings, `Source: MIIT (2021); own simulation, 20,000 paths, seed 1`. With it, the spec is
   * a vertical concatenation of the chart and the line; without it, the chart alone.
   */
  readonly source?: string;
}
