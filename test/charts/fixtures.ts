// Small, hand-made inputs for every chart builder, shared by the chart, render and browser tests.
// Numbers are illustrative (round growth rates), not results of the library.
import type { TopLevelSpec } from 'vega-lite';
import type { ActualPoint, Attainment, PlanPeriod, TargetMarker, ValueRow } from '../../src/charts/inputs.js';
import { scorecardChart } from '../../src/charts/scorecardChart.js';
import { trajectoryChart } from '../../src/charts/trajectoryChart.js';
import { fanChart } from '../../src/charts/fanChart.js';
import { scenarioComparisonChart } from '../../src/charts/scenarioComparisonChart.js';
import { stackedAreaChart } from '../../src/charts/stackedAreaChart.js';
import { contributionChart } from '../../src/charts/contributionChart.js';
import { waterfallChart } from '../../src/charts/waterfallChart.js';
import { tornadoChart } from '../../src/charts/tornadoChart.js';
import { distributionChart } from '../../src/charts/distributionChart.js';
import { forecastChart } from '../../src/charts/forecastChart.js';
import { accuracyChart } from '../../src/charts/accuracyChart.js';

export const target2020: TargetMarker = {
  year: 2020,
  value: 1,
  comparator: 'exceeds',
  label: '2020 revenue target',
  source: {
    document: 'Big Data Industry Development Plan (2016-2020)',
    quote: 'By 2020, annual revenue of big data related products and services will exceed RMB 1 trillion.',
  },
};
export const target2025: TargetMarker = {
  year: 2025,
  value: 3,
  comparator: 'exceeds',
  label: '2025 revenue target',
  source: {
    document: '14th Five-Year Plan for Big Data Industry Development',
    quote: 'By 2025, the industry will exceed RMB 3 trillion.',
  },
};
export const targetAbout: TargetMarker = {
  year: 2030,
  value: 6,
  comparator: 'about',
  label: 'illustrative 2030 level',
  source: { document: 'Illustrative document', quote: 'about 6 trillion "</script> & <b>' },
};
export const periods: PlanPeriod[] = [
  { label: '13th Five-Year Plan', fromYear: 2016, toYear: 2020 },
  { label: '14th Five-Year Plan', fromYear: 2021, toYear: 2025 },
];

/** Growth paths 0.5 * (1 + r)^(year - 2015). */
export function paths(scenarios: readonly (readonly [string, number])[], from = 2015, to = 2030): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const [scenario, r] of scenarios)
    for (let year = from; year <= to; year++)
      rows.push({ series: 'revenue', scenario, year, value: 0.5 * (1 + r) ** (year - 2015) });
  return rows;
}

export const SOURCE = 'Source: MIIT (2021); own simulation, 20,000 paths, seed 1';

export const actuals: ActualPoint[] = [
  { year: 2015, value: 0.5, comparator: 'exceeds', label: 'illustrative floor' },
  { year: 2017, value: 0.62 },
  { year: 2019, value: 0.8 },
];

/** Lognormal-looking bands around a median growing 18 % a year from 1 in 2020. */
export function fanInput(): Parameters<typeof fanChart>[0] {
  const bands = [];
  const median = [];
  for (let year = 2021; year <= 2030; year++) {
    const m = 1.18 ** (year - 2020);
    const s = 0.06 * (year - 2020);
    median.push({ year, value: m });
    for (const [level, z] of [
      [0.9, 1.645],
      [0.5, 0.674],
    ] as const)
      bands.push({ year, level, lower: m * Math.exp(-z * s), upper: m * Math.exp(z * s) });
  }
  const attainment: Attainment[] = [{ probability: 0.62, target: target2025 }];
  return {
    bands,
    median,
    start: { year: 2020, value: 1 },
    actuals: [
      { year: 2020, value: 1 },
      { year: 2021, value: 1.3 },
    ],
    targets: [target2025],
    attainment,
    periods: [periods[1] as PlanPeriod],
  };
}

/** Deterministic pseudo-sample: quantiles of a triangular-ish spread around 3.2, no randomness needed. */
export function sample(n = 2000): number[] {
  return Array.from({ length: n }, (_, i) => {
    const u = (i + 0.5) / n;
    return 3.2 + 1.2 * (u < 0.5 ? Math.sqrt(2 * u) - 1 : 1 - Math.sqrt(2 * (1 - u)));
  });
}

/** Targets of three plans against their latest observations (the 2020 one a floor, "more than"). */
export const scorecardRows: Parameters<typeof scorecardChart>[0]['rows'] = [
  {
    target: 'More than RMB 1 trillion in 2020 (13th big data plan)',
    targetValue: 1,
    status: 'met',
    observed: { year: 2020, value: 1, floor: true, text: 'more than RMB 1 trillion in 2020' },
  },
  {
    target: 'More than RMB 3 trillion in 2025 (14th big data plan)',
    targetValue: 3,
    status: 'off track',
    observed: { year: 2022, value: 1.57, text: 'RMB 1.57 trillion in 2022' },
    note: 'needs 24.1% a year over 2023–2025; 18% observed in 2022',
  },
  {
    target: 'More than RMB 250 billion in 2023 (cybersecurity three-year plan)',
    targetValue: 250,
    status: 'undetermined',
    observed: { year: 2020, value: 170, floor: true, text: 'more than RMB 170 billion in 2020 (estimate)' },
  },
  { target: 'A target with no observation yet', targetValue: 5, status: 'undetermined' },
];

/** One spec per builder, with the counts the SVG must show. */
export interface Case {
  readonly name: string;
  readonly spec: () => TopLevelSpec;
  /** Expected mark counts: class name of a vega mark group -> number of items in it. */
  readonly marks: Readonly<Record<string, number>>;
  /** Text that must appear in the SVG. */
  readonly texts: readonly string[];
}

const sectors = ['Cloud services', 'Data platforms', 'Security', 'Other'];

export const cases: readonly Case[] = [
  {
    name: 'trajectoryChart',
    spec: () =>
      trajectoryChart(
        {
          rows: paths([
            ['low', 0.1],
            ['base', 0.15],
            ['high', 0.2],
          ]),
          actuals,
          targets: [target2020, target2025, targetAbout],
          periods,
        },
        {
          unit: 'CNY trillion',
          measure: 'Big data industry revenue',
          title: 'Big data industry revenue',
          source: SOURCE,
        },
      ),
    // 3 scenario lines, 3 target symbols with their leaders, 3 actual symbols, 2 shaded periods and their labels,
    // the source line.
    marks: {
      'mark-line scenarios_marks': 3,
      'mark-symbol targets_marks': 3,
      'mark-rule targetLeaders_marks': 3,
      'mark-text source_marks': 1,
      'mark-symbol actuals_marks': 3,
      'mark-rect periods_marks': 2,
      'mark-text periodLabels_marks': 2,
    },
    texts: [
      'Big data industry revenue',
      '13th Five-Year Plan',
      '14th Five-Year Plan',
      'Big data industry revenue (RMB trillion)',
      'Target: more than (&gt;)',
      'Target: about (≈)',
      'Observed',
      'Observed: more than (a floor)',
      'Targets and observations',
      'base',
      SOURCE,
    ],
  },
  {
    name: 'fanChart',
    spec: () => fanChart(fanInput(), { unit: 'CNY trillion', measure: 'Revenue' }),
    marks: {
      'mark-area bands_marks': 2,
      'mark-line median_marks': 1,
      'mark-symbol targets_marks': 1,
      'mark-symbol actuals_marks': 2,
    },
    texts: [
      'P(exceeds RMB 3 trillion in 2025) = 62%',
      '5th–95th percentile',
      '25th–75th percentile',
      'Median',
      'Centre',
      'Targets and observations',
      'Revenue (RMB trillion)',
    ],
  },
  {
    name: 'scenarioComparisonChart.single',
    spec: () =>
      scenarioComparisonChart(
        {
          rows: paths([
            ['low', 0.1],
            ['base', 0.15],
          ]),
          targets: [target2025],
        },
        { unit: 'CNY trillion' },
      ),
    marks: { 'mark-line scenarios_marks': 2, 'mark-symbol targets_marks': 1 },
    texts: ['Scenarios compared', 'Values in RMB trillion'],
  },
  {
    name: 'scenarioComparisonChart.facets',
    spec: () =>
      scenarioComparisonChart(
        {
          rows: paths([
            ['s1', 0.05],
            ['s2', 0.1],
            ['s3', 0.15],
            ['s4', 0.2],
            ['s5', 0.25],
          ]),
          targets: [target2025],
        },
        { unit: 'CNY trillion', width: 720, height: 420 },
      ),
    // 5 panels: 4 grey context lines and 1 own line each; the target in every panel.
    marks: { 'mark-line context_marks': 20, 'mark-line scenarios_marks': 5, 'mark-symbol targets_marks': 5 },
    texts: ['s1', 's5', 'Scenarios compared'],
  },
  {
    name: 'stackedAreaChart.level',
    spec: () =>
      stackedAreaChart(
        {
          rows: sectors.flatMap((sector, i) =>
            [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
              sector,
              year,
              value: (1 + i) * 0.2 * 1.1 ** (year - 2020 + i),
            })),
          ),
        },
        { unit: 'CNY trillion', measure: 'Revenue' },
      ),
    marks: { 'mark-area areas_marks': 4, 'mark-text sectorLabels_marks': 4 },
    texts: ['Levels by sector', 'Cloud services', 'Security', 'Revenue (RMB trillion)'],
  },
  {
    name: 'stackedAreaChart.share',
    spec: () =>
      stackedAreaChart(
        {
          rows: sectors.flatMap((sector, i) =>
            [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({
              sector,
              year,
              value: (1 + i) * 0.2 * 1.1 ** (year - 2020 + i),
            })),
          ),
        },
        { unit: 'CNY trillion', mode: 'share' },
      ),
    marks: { 'mark-area areas_marks': 4, 'mark-text sectorLabels_marks': 4 },
    texts: ['Shares by sector', 'Share of total (%)', '100%'],
  },
  {
    name: 'contributionChart',
    spec: () =>
      contributionChart(
        {
          rows: [2021, 2022, 2023, 2024].flatMap((year) =>
            sectors.map((sector, i) => ({
              sector,
              year,
              contribution: i === 3 ? -0.01 * (year - 2020) : 0.02 + 0.005 * i,
            })),
          ),
        },
        { unit: 'fraction' },
      ),
    marks: { 'mark-rect contributions_marks': 16, 'mark-line total_marks': 1, 'mark-symbol totalPoints_marks': 4 },
    texts: ['Contributions to growth', 'Contribution to growth (percentage points)', 'Total growth'],
  },
  {
    name: 'waterfallChart',
    spec: () =>
      waterfallChart(
        {
          baseYear: 2020,
          baseValue: 1,
          targetYear: 2025,
          targetValue: 3,
          changes: [
            { sector: 'Cloud services', change: 1.1 },
            { sector: 'Data platforms', change: 0.7 },
            { sector: 'Security', change: 0.4 },
            { sector: 'Hardware', change: -0.3 },
          ],
        },
        { unit: 'CNY trillion', source: SOURCE },
      ),
    // base, 4 sectors, the unallocated 0.1, target; labels with the unit, two decimals throughout (wrapped).
    marks: { 'mark-rect steps_marks': 7, 'mark-text stepLabels_marks': 7 },
    texts: [
      'From 2020 to 2025 by sector',
      'RMB 1.00',
      '+RMB 1.10',
      '−RMB 0.30',
      '+RMB 0.10',
      'RMB 3.00',
      'trillion',
      'Other (unallocated)',
      'Data platforms',
      SOURCE,
    ],
  },
  {
    name: 'tornadoChart',
    spec: () =>
      tornadoChart(
        {
          base: 3,
          rows: [
            { parameter: 'Volatility', low: 2.9, high: 3.15 },
            {
              parameter: 'Base-year level',
              low: 2.7,
              high: 3.3,
              lowLabel: 'RMB 0.9 trillion',
              highLabel: 'RMB 1.1 trillion',
            },
            { parameter: 'CAGR 2020-2025', low: 2.4, high: 3.7 },
          ],
        },
        { unit: 'CNY trillion' },
      ),
    marks: { 'mark-rect swings_marks': 6, 'mark-rule base_marks': 1 },
    texts: ['CAGR 2020-2025', 'Base-year level', 'RMB 3.7 trillion', 'RMB 2.4 trillion', 'Parameter high'],
  },
  {
    name: 'distributionChart.histogram',
    spec: () => distributionChart({ values: sample(), year: 2025, target: target2025 }, { unit: 'CNY trillion' }),
    marks: { 'mark-rule target_marks': 1, 'mark-text probability_marks': 0 },
    // sample() is the quantile function of a triangle on [2, 4.4]: value > 3 iff sqrt(2u) - 1 > -1/6, i.e. u > 25/72,
    // so P(value > 3) = 1 - 25/72 = 0.653 -> 65%.
    texts: [
      'P(exceeds RMB 3 trillion in 2025) = 65%',
      'Target: RMB 3 trillion',
      'Share of runs',
      '2,000 simulated runs',
    ],
  },
  {
    name: 'distributionChart.cdf',
    spec: () =>
      distributionChart({ values: sample(), year: 2025, target: target2025 }, { unit: 'CNY trillion', kind: 'cdf' }),
    marks: { 'mark-line cdf_marks': 1, 'mark-rule target_marks': 1, 'mark-text probability_marks': 0 },
    texts: ['P(exceeds RMB 3 trillion in 2025) = 65%', 'Cumulative probability'],
  },
  {
    name: 'forecastChart',
    spec: () =>
      forecastChart(
        {
          history: [2015, 2016, 2017, 2018, 2019, 2020].map((year) => ({ year, value: 0.5 * 1.15 ** (year - 2015) })),
          forecasts: ['drift', 'holt'].flatMap((series, k) =>
            [2021, 2022, 2023, 2024, 2025].flatMap((year) => {
              const h = year - 2020;
              const value = 1.006 * (1 + (0.1 + 0.05 * k) * h);
              return [0.8, 0.95].map((level) => ({
                series,
                year,
                value,
                level,
                lower: value - (level === 0.8 ? 0.08 : 0.13) * h,
                upper: value + (level === 0.8 ? 0.08 : 0.13) * h,
              }));
            }),
          ),
          targets: [target2025],
        },
        { unit: 'CNY trillion', measure: 'Revenue' },
      ),
    marks: {
      'mark-area intervals0_marks': 2,
      'mark-area intervals1_marks': 2,
      'mark-line lines_marks': 3,
      'mark-symbol targets_marks': 1,
    },
    texts: ['Forecasts', 'History', 'drift', 'holt'],
  },
  {
    name: 'accuracyChart',
    spec: () =>
      accuracyChart({
        rows: ['naive', 'drift', 'holt', 'theta'].flatMap((method, i) => [
          { method, metric: 'sMAPE', value: 12 - 2 * i },
          { method, metric: 'MASE', value: 1.4 - 0.2 * i },
          { method, metric: 'OWA', value: 1.1 - 0.1 * i },
        ]),
      }),
    marks: { 'mark-rect scores_marks': 12, 'mark-rule reference_marks': 1 },
    texts: ['Forecast accuracy', 'sMAPE', 'MASE', 'OWA', 'theta'],
  },
  {
    name: 'scorecardChart',
    spec: () =>
      scorecardChart({ rows: scorecardRows }, { source: 'Sources: MIIT via Xinhua (2021), China Banking News (2023)' }),
    // 3 observed points (one row has none); labels on either side; the 100 % line.
    marks: {
      'mark-symbol observations_marks': 3,
      'mark-rule targetLine_marks': 1,
      'mark-text source_marks': 1,
    },
    texts: [
      'How the plans did',
      'Met',
      'Off track',
      'Undetermined',
      'more than RMB 1 trillion in 2020',
      'RMB 1.57 trillion in 2022',
      'no observation on the plan’s definition',
      'Share of the target (dashed line: 100%, the target)',
    ],
  },
];
