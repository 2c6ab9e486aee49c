import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions, TargetMarker, ValueRow } from './inputs.js';
import { axisFormat } from './internal/axisFormat.js';
import { axisTitle } from './internal/axisTitle.js';
import { chartTheme, COMPARATOR_SHAPE, COMPARATOR_TEXT, DASHES, PALETTE } from './theme.js';
import {
  CHART_OPTION_FIELDS,
  checkArray,
  checkOptions,
  checkStrings,
  checkTargets,
  checkUnique,
  checkYearRows,
} from './internal/check.js';
import { fmt, tidy, WORDS, yearRange } from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle } from './internal/wrap.js';
import { argumentError, optionNames, show } from '../internal/assert.js';

/** What {@link scenarioComparisonChart} draws: a line per scenario, and the targets. */
export interface ScenarioComparisonChartInput {
  /** One line per `scenario` (or per `series` when there is no scenario). */
  readonly rows: readonly ValueRow[];
  readonly targets?: readonly TargetMarker[];
}

/** Options of {@link scenarioComparisonChart}. */
export interface ScenarioComparisonChartOptions extends ChartOptions {
  /** Above this many scenarios, draw small multiples (one panel each). Default 4. */
  readonly facetAbove?: number;
  /** Panels per row of small multiples. Default 3. */
  readonly columns?: number;
}

const SCENARIO_COMPARISON_OPTIONS = optionNames<ScenarioComparisonChartOptions>({
  ...CHART_OPTION_FIELDS,
  facetAbove: true,
  columns: true,
});

/**
 * Compares scenarios of one metric. Up to `facetAbove` (4) scenarios share one panel (colour and dash per
 * scenario); more get small multiples, one panel per scenario with the other scenarios drawn in light grey
 * behind it for context. Targets are drawn in every panel.
 * @param input rows (one line per `scenario`, or per `series` when there is no scenario) and targets
 * @param options unit (required), facetAbove, columns, locale, title, subtitle, measure, width, height
 *   (of the whole panel, or of each small multiple: width / columns)
 * @throws {MetricsError} invalid_argument for empty rows, two values for one scenario and year, an unknown
 *   comparator, or facetAbove / columns that are not positive integers
 * @example
 * const spec = scenarioComparisonChart({ rows: [{ series: 'r', scenario: 'base', year: 2020, value: 1 }, { series: 'r', scenario: 'base', year: 2025, value: 2 }] }, { unit: 'CNY trillion' });
 * 'facet' in spec; // => false
 */
export function scenarioComparisonChart(
  input: ScenarioComparisonChartInput,
  options: ScenarioComparisonChartOptions,
): TopLevelSpec {
  const fn = 'scenarioComparisonChart';
  const { unit, locale, width, height } = checkOptions(fn, options, SCENARIO_COMPARISON_OPTIONS);
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.rows', undefined);
  const { rows, targets } = input;
  checkYearRows(fn, 'rows', rows, ['value']);
  checkStrings(fn, 'rows', rows, ['series'], ['scenario']);
  checkUnique(
    fn,
    'rows',
    rows.map((r) => `${r.scenario ?? r.series} in ${r.year}`),
    'scenario and year',
  );
  checkTargets(fn, targets);
  const facetAbove = options.facetAbove ?? 4;
  const columns = options.columns ?? 3;
  for (const [name, v] of [
    ['facetAbove', facetAbove],
    ['columns', columns],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw argumentError(
        'invalid_argument',
        `${fn}: options.${name} must be a whole number >= 1 (got ${show(v)}).`,
        `options.${name}`,
        'a whole number >= 1',
        v,
      );
    }
  }

  const w = WORDS[locale];
  const data = rows.map((r) => ({
    scenario: r.scenario ?? r.series,
    year: r.year,
    value: tidy(r.value),
    valueText: fmt(r.value, unit, locale),
  }));
  const scenarios = [...new Set(data.map((d) => d.scenario))];
  const [minYear, maxYear] = yearRange(rows, targets);
  const x = {
    field: 'year',
    type: 'quantitative',
    title: w.year,
    scale: { domain: [minYear, maxYear], nice: false, zero: false },
    axis: { format: 'd', tickMinStep: 1, grid: false, labelOverlap: true },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: axisTitle(options.measure, unit, locale),
    axis: { format: axisFormat(unit) },
  };
  const colour = { domain: scenarios, range: scenarios.map((_, i) => PALETTE[i % PALETTE.length] as string) };
  const dash = { domain: scenarios, range: scenarios.map((_, i) => [...(DASHES[i % DASHES.length] as number[])]) };
  const targetRows = (targets ?? []).map((t) => ({
    year: t.year,
    value: tidy(t.value),
    label: t.label,
    marker: COMPARATOR_TEXT[locale][t.comparator],
    shape: COMPARATOR_SHAPE[t.comparator],
    valueText: fmt(t.value, unit, locale),
    document: t.source.document,
    quote: t.source.quote,
  }));
  const title = fitTitle(
    options.title ?? (locale === 'zh' ? '情景比较' : 'Scenarios compared'),
    options.subtitle ??
      (locale === 'zh'
        ? `单位：${axisTitle(undefined, unit, locale)}`
        : `Values in ${axisTitle(undefined, unit, locale)}`),
    width,
  );
  const tooltip = [
    { field: 'scenario', title: w.scenario },
    { field: 'year', title: w.year },
    { field: 'valueText', title: w.value },
  ];
  const targetTooltip = [
    { field: 'label', title: w.target },
    { field: 'valueText', title: w.value },
    { field: 'marker', title: ' ' },
    { field: 'document', title: w.source },
    { field: 'quote', title: w.quote },
  ];
  const targetMark = {
    type: 'point',
    filled: true,
    size: 130,
    color: '#B2182B',
    stroke: '#000000',
    strokeWidth: 1,
    opacity: 1,
  };

  if (scenarios.length <= facetAbove) {
    const layer: unknown[] = [
      {
        name: 'scenarios',
        data: { values: data },
        mark: { type: 'line', strokeWidth: 2.2 },
        encoding: {
          x,
          y,
          color: {
            field: 'scenario',
            type: 'nominal',
            title: w.scenario,
            scale: colour,
            legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolSize: 400 },
          },
          strokeDash: { field: 'scenario', type: 'nominal', title: w.scenario, scale: dash },
          tooltip,
        },
      },
    ];
    if (targetRows.length > 0) {
      layer.push({
        name: 'targets',
        data: { values: targetRows },
        mark: targetMark,
        encoding: { x, y, shape: { field: 'shape', type: 'nominal', scale: null }, tooltip: targetTooltip },
      });
    }
    return withSource(
      {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        title,
        width,
        height,
        config: chartTheme(locale),
        layer,
      } as TopLevelSpec,
      options.source,
      width,
    );
  }

  // Small multiples: every panel gets every scenario (grey context) plus its own, highlighted; targets repeat.
  const panelRows = scenarios.flatMap((panel) => [
    ...data.map((d) => ({ ...d, panel, layer: d.scenario === panel ? 'own' : 'other' })),
    ...targetRows.map((t) => ({ ...t, panel, layer: 'target' })),
  ]);
  const cols = Math.min(columns, scenarios.length);
  const panelWidth = Math.max(120, Math.floor((width - 40 * (cols - 1)) / cols));
  const panelHeight = Math.max(100, Math.floor(height / 2));
  const layer: unknown[] = [
    {
      name: 'context',
      transform: [{ filter: "datum.layer === 'other'" }],
      mark: { type: 'line', color: '#c8c8c8', strokeWidth: 1.2 },
      encoding: { x, y, detail: { field: 'scenario', type: 'nominal' }, tooltip },
    },
    {
      name: 'scenarios',
      transform: [{ filter: "datum.layer === 'own'" }],
      mark: { type: 'line', strokeWidth: 2.4 },
      encoding: { x, y, color: { field: 'scenario', type: 'nominal', scale: colour, legend: null }, tooltip },
    },
  ];
  if (targetRows.length > 0) {
    layer.push({
      name: 'targets',
      transform: [{ filter: "datum.layer === 'target'" }],
      mark: targetMark,
      encoding: { x, y, shape: { field: 'shape', type: 'nominal', scale: null }, tooltip: targetTooltip },
    });
  }
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      config: chartTheme(locale),
      data: { values: panelRows },
      facet: { field: 'panel', type: 'nominal', title: null, sort: scenarios },
      columns: cols,
      spec: { width: panelWidth, height: panelHeight, layer },
    } as TopLevelSpec,
    options.source,
    width,
  );
}
