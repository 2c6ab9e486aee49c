import type { TopLevelSpec } from 'vega-lite';
import { formatPercent } from '../series/units.js';
import { argumentError } from '../internal/assert.js';
import type { ChartOptions, TargetMarker, ValueRow } from './inputs.js';
import { axisFormat } from './internal/axisFormat.js';
import { axisTitle } from './internal/axisTitle.js';
import { chartTheme, DASHES, PALETTE } from './theme.js';
import { checkArray, checkOptions, checkStrings, checkTargets, checkUnique, checkYearRows } from './internal/check.js';
import { fmt, markerScale, targetLayer, tidy, WORDS, yearRange, yearX, type Layer } from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle } from './internal/wrap.js';

/** Data of {@link forecastChart}. */
export interface ForecastChartInput {
  /** The observed series. */
  readonly history: readonly { readonly year: number; readonly value: number }[];
  /**
   * Point forecasts, one line per `series` (the method's name). Rows with `lower`, `upper` and `level`
   * are drawn as prediction intervals; several levels per year (0.8 and 0.95) nest.
   */
  readonly forecasts: readonly ValueRow[];
  readonly targets?: readonly TargetMarker[];
}

/**
 * Forecasts after history: the observed series in black with points, each method's point forecast as a
 * coloured dashed line joined to the last observation, and its prediction intervals as translucent bands
 * in the method's colour (wider levels lighter).
 * @throws {MetricsError} invalid_argument for empty history or forecasts, an interval with lower > upper
 *   or a level outside (0, 1), an interval with only one bound, or two forecasts of one method and year
 * @example
 * const spec = forecastChart({ history: [{ year: 2020, value: 1 }, { year: 2021, value: 1.2 }], forecasts: [{ series: 'drift', year: 2022, value: 1.4 }] }, { unit: 'CNY trillion' });
 * spec.title; // => { text: 'Forecasts', subtitle: 'Values in RMB trillion; bands are prediction intervals' }
 */
export function forecastChart(input: ForecastChartInput, options: ChartOptions): TopLevelSpec {
  const fn = 'forecastChart';
  const { unit, locale, width, height } = checkOptions(fn, options);
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.history', undefined);
  const { history, forecasts, targets } = input;
  checkYearRows(fn, 'history', history, ['value']);
  checkUnique(
    fn,
    'history',
    history.map((h) => String(h.year)),
    'year',
  );
  checkYearRows(fn, 'forecasts', forecasts, ['value'], ['lower', 'upper', 'level']);
  checkStrings(fn, 'forecasts', forecasts, ['series']);
  forecasts.forEach((f, i) => {
    const has = [f.lower, f.upper, f.level].filter((v) => v !== undefined).length;
    if (has !== 0 && has !== 3) {
      throw argumentError(
        'invalid_argument',
        `${fn}: forecasts[${i}] has part of an interval (got lower ${String(f.lower)}, upper ${String(f.upper)}, level ${String(f.level)}). Give all three or none.`,
        `forecasts[${i}]`,
        'lower, upper and level, all three or none',
        { lower: f.lower, upper: f.upper, level: f.level },
        { index: i },
      );
    }
    if (
      has === 3 &&
      ((f.lower as number) > (f.upper as number) || !((f.level as number) > 0 && (f.level as number) < 1))
    ) {
      throw argumentError(
        'invalid_argument',
        `${fn}: forecasts[${i}] needs lower <= upper and a level in (0, 1) (got ${String(f.lower)}, ${String(f.upper)}, level ${String(f.level)}).`,
        `forecasts[${i}]`,
        'lower <= upper and a level in (0, 1)',
        { lower: f.lower, upper: f.upper, level: f.level },
        { index: i },
      );
    }
  });
  checkUnique(
    fn,
    'forecasts',
    forecasts.map((f) => `${f.series} in ${f.year} at level ${f.level ?? '-'}`),
    'method, year and level',
  );
  checkTargets(fn, targets);

  const w = WORDS[locale];
  const methods = [...new Set(forecasts.map((f) => f.series))];
  const sortedHistory = [...history].sort((a, b) => a.year - b.year);
  const last = sortedHistory[sortedHistory.length - 1] as { year: number; value: number };
  const lines = [
    ...sortedHistory.map((h) => ({
      line: w.history,
      year: h.year,
      value: tidy(h.value),
      valueText: fmt(h.value, unit, locale),
    })),
    // Each method's line starts at the last observation so the forecast visibly continues the history.
    ...methods.map((m) => ({
      line: m,
      year: last.year,
      value: tidy(last.value),
      valueText: fmt(last.value, unit, locale),
    })),
    ...[...new Map(forecasts.map((f) => [`${f.series}|${f.year}`, f])).values()].map((f) => ({
      line: f.series,
      year: f.year,
      value: tidy(f.value),
      valueText: fmt(f.value, unit, locale),
    })),
  ];
  const levels = [...new Set(forecasts.flatMap((f) => (f.level === undefined ? [] : [f.level])))].sort((a, b) => b - a);
  const intervals = forecasts
    .filter((f) => f.level !== undefined)
    .map((f) => ({
      method: f.series,
      year: f.year,
      lower: tidy(f.lower as number),
      upper: tidy(f.upper as number),
      level: f.level as number,
      levelText: formatPercent(f.level as number, { decimals: 1 }),
      opacity: 0.12 + (0.16 * levels.indexOf(f.level as number)) / Math.max(1, levels.length - 1),
      range: `${fmt(f.lower as number, unit, locale)} – ${fmt(f.upper as number, unit, locale)}`,
    }))
    .sort((a, b) => b.level - a.level || a.year - b.year);
  const domain = [w.history, ...methods];
  const colour = { domain, range: ['#000000', ...methods.map((_, i) => PALETTE[i % PALETTE.length] as string)] };
  const dash = {
    domain,
    range: [[1, 0], ...methods.map((_, i) => [...(DASHES[(i + 1) % DASHES.length] as number[])])],
  };
  const [minYear, maxYear] = yearRange(history, forecasts, targets);
  const x = yearX(minYear, maxYear, locale);
  const y = {
    field: 'value',
    type: 'quantitative',
    title: axisTitle(options.measure, unit, locale),
    axis: { format: axisFormat(unit) },
  };
  const legend = { orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolSize: 400 };
  const layer: Layer[] = [];
  // One band layer per method, in the method's colour, so the only colour legend is the lines' (with dashes).
  methods.forEach((m, k) => {
    const rowsOf = intervals.filter((r) => r.method === m);
    if (rowsOf.length === 0) return;
    layer.push({
      name: `intervals${k}`,
      data: { values: rowsOf },
      mark: { type: 'area', color: PALETTE[k % PALETTE.length] as string },
      encoding: {
        x,
        y: { ...y, field: 'lower' },
        y2: { field: 'upper' },
        opacity: { field: 'opacity', type: 'quantitative', scale: null },
        detail: { field: 'level', type: 'nominal' },
        tooltip: [
          { field: 'method', title: w.method },
          { field: 'year', title: w.year },
          { field: 'levelText', title: w.interval },
          { field: 'range', title: w.value },
        ],
      },
    } as Layer);
  });
  layer.push({
    name: 'lines',
    data: { values: lines },
    mark: { type: 'line', strokeWidth: 2.2 },
    encoding: {
      x,
      y,
      color: { field: 'line', type: 'nominal', title: w.method, scale: colour, legend },
      strokeDash: { field: 'line', type: 'nominal', title: w.method, scale: dash, legend },
      tooltip: [
        { field: 'line', title: w.method },
        { field: 'year', title: w.year },
        { field: 'valueText', title: w.value },
      ],
    },
  } as Layer);
  layer.push(...targetLayer(targets, unit, locale, x, y, markerScale(targets, undefined, locale)));
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ?? (locale === 'zh' ? '预测' : 'Forecasts'),
        options.subtitle ??
          (locale === 'zh'
            ? `单位：${axisTitle(undefined, unit, locale)}；阴影为预测区间`
            : `Values in ${axisTitle(undefined, unit, locale)}; bands are prediction intervals`),
        width,
      ),
      width,
      height,
      config: chartTheme(locale),
      layer,
    } as TopLevelSpec,
    options.source,
    width,
  );
}
