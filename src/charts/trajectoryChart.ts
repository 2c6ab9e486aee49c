import type { TopLevelSpec } from 'vega-lite';
import type { ActualPoint, ChartOptions, PlanPeriod, TargetMarker, ValueRow } from './inputs.js';
import { axisFormat } from './internal/axisFormat.js';
import { axisTitle } from './internal/axisTitle.js';
import { chartTheme, DASHES, PALETTE } from './theme.js';
import {
  checkActuals,
  checkArray,
  checkOptions,
  checkPeriods,
  checkStrings,
  checkTargets,
  checkUnique,
  checkYearRows,
} from './internal/check.js';
import {
  actualLayer,
  fmt,
  markerScale,
  periodLayers,
  targetLayer,
  tidy,
  WORDS,
  yearRange,
  yearX,
  type Layer,
} from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle } from './internal/wrap.js';

/** Data of {@link trajectoryChart}. */
export interface TrajectoryChartInput {
  /** One line per scenario (`row.scenario`, or `row.series` when there is no scenario). */
  readonly rows: readonly ValueRow[];
  /** Reported values, drawn as filled black circles. */
  /** Observed values, drawn as circles (filled: a stated level; open: a floor, "more than"). */
  readonly actuals?: readonly ActualPoint[];
  readonly targets?: readonly TargetMarker[];
  /** Plan periods shaded behind the lines (clipped to the years shown). */
  readonly periods?: readonly PlanPeriod[];
}

/**
 * Scenario trajectories of one metric: a line per scenario (colour and dash pattern, so it prints in
 * black and white), plan targets as markers whose shape shows the comparator (triangle up: more than / at
 * least; down: at most / below; diamond: about; square: a stated level) with tooltips quoting the
 * source, plan periods shaded and labelled, reported actuals as points.
 * @param input rows (required, non-empty), actuals, targets, periods
 * @param options unit (required), locale, title, subtitle, measure, width, height
 * @returns a vega-lite spec with the data inlined
 * @throws {MetricsError} invalid_argument for empty rows, a non-integer year, a missing label, an unknown
 *   comparator, two values for one scenario and year, or a period that ends before it starts;
 *   non_finite for NaN/Infinity values
 * @example
 * const spec = trajectoryChart({ rows: [{ series: 'revenue', scenario: 'base', year: 2020, value: 1 },
 *   { series: 'revenue', scenario: 'base', year: 2025, value: 3 }] }, { unit: 'CNY trillion' });
 * spec.title; // => { text: 'Trajectories by scenario', subtitle: 'Values in RMB trillion' }
 */
export function trajectoryChart(input: TrajectoryChartInput, options: ChartOptions): TopLevelSpec {
  const fn = 'trajectoryChart';
  const { unit, locale, width, height } = checkOptions(fn, options);
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.rows', undefined);
  const { rows, actuals, targets, periods } = input;
  checkYearRows(fn, 'rows', rows, ['value']);
  checkStrings(fn, 'rows', rows, ['series'], ['scenario']);
  checkUnique(
    fn,
    'rows',
    rows.map((r) => `${r.scenario ?? r.series} in ${r.year}`),
    'scenario and year',
  );
  checkActuals(fn, actuals);
  checkTargets(fn, targets);
  checkPeriods(fn, periods);

  const w = WORDS[locale];
  const data = rows.map((r) => ({
    scenario: r.scenario ?? r.series,
    year: r.year,
    value: tidy(r.value),
    valueText: fmt(r.value, unit, locale),
  }));
  const scenarios = [...new Set(data.map((d) => d.scenario))];
  const [minYear, maxYear] = yearRange(rows, actuals, targets);
  const x = yearX(minYear, maxYear, locale);
  const y = {
    field: 'value',
    type: 'quantitative',
    title: axisTitle(options.measure, unit, locale),
    axis: { format: axisFormat(unit) },
  };
  const shapes = markerScale(targets, actuals, locale);

  const lines: Layer = {
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
        scale: { domain: scenarios, range: scenarios.map((_, i) => PALETTE[i % PALETTE.length] as string) },
        legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolSize: 400 },
      },
      strokeDash: {
        field: 'scenario',
        type: 'nominal',
        title: w.scenario,
        scale: { domain: scenarios, range: scenarios.map((_, i) => [...(DASHES[i % DASHES.length] as number[])]) },
      },
      tooltip: [
        { field: 'scenario', title: w.scenario },
        { field: 'year', title: w.year },
        { field: 'valueText', title: w.value },
      ],
    },
  } as Layer;

  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ?? (locale === 'zh' ? '各情景路径' : 'Trajectories by scenario'),
        options.subtitle ??
          (locale === 'zh'
            ? `单位：${axisTitle(undefined, unit, locale)}`
            : `Values in ${axisTitle(undefined, unit, locale)}`),
        width,
      ),
      width,
      height,
      config: chartTheme(locale),
      layer: [
        ...periodLayers(periods, minYear, maxYear, locale),
        lines,
        ...actualLayer(actuals, unit, locale, x, y, shapes),
        ...targetLayer(targets, unit, locale, x, y, shapes),
      ],
    } as TopLevelSpec,
    options.source,
    width,
  );
}
