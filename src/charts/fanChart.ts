import type { TopLevelSpec } from 'vega-lite';
import type { ActualPoint, Attainment, BandRow, ChartOptions, PlanPeriod, TargetMarker } from './inputs.js';
import { axisFormat } from './internal/axisFormat.js';
import { axisTitle } from './internal/axisTitle.js';
import { chartTheme } from './theme.js';
import {
  checkActuals,
  checkArray,
  checkOptions,
  checkPeriods,
  checkProbability,
  checkTargets,
  checkUnique,
  checkYearRows,
} from './internal/check.js';
import {
  actualLayer,
  attainmentText,
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
import { argumentError } from '../internal/assert.js';

/** Data of {@link fanChart}. */
export interface FanChartInput {
  /** Central bands, any number of levels (0.9 is 5th-95th percentile, 0.5 is 25th-75th). */
  readonly bands: readonly BandRow[];
  /** The median path. */
  readonly median: readonly { readonly year: number; readonly value: number }[];
  /** Observed values, drawn as circles (filled: a stated level; open: a floor, "more than"). */
  readonly actuals?: readonly ActualPoint[];
  readonly targets?: readonly TargetMarker[];
  /** Probabilities written on the chart: `P(exceeds RMB 3 trillion in 2025) = 62%`. */
  readonly attainment?: readonly Attainment[];
  readonly periods?: readonly PlanPeriod[];
  /**
   * Where the fan opens: the base, or the last observation the simulation starts from. The bands and the
   * median start there at zero width (a known point), so the fan does not open in mid-air. Its year must
   * come before every band and median year.
   */
  readonly start?: { readonly year: number; readonly value: number };
}

const BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5'];

function percentile(p: number): string {
  const v = Number((p * 100).toFixed(1));
  const suffix =
    v % 10 === 1 && v !== 11 ? 'st' : v % 10 === 2 && v !== 12 ? 'nd' : v % 10 === 3 && v !== 13 ? 'rd' : 'th';
  return `${v}${Number.isInteger(v) ? suffix : 'th'}`;
}

/**
 * A Monte Carlo fan: nested central bands (widest and lightest outside), the median as a black line,
 * reported actuals, target markers (shape by comparator) and the probability of meeting each target
 * written in the subtitle (never over the bands). Bands shade from light to dark blue, so they stay ordered in greyscale.
 * @param input bands and median (required), actuals, targets, attainment, periods
 * @param options unit (required), locale, title, subtitle, measure, width, height
 * @throws {MetricsError} invalid_argument for empty bands or median, a level outside (0, 1), a band with
 *   lower > upper, two bands of one level in one year, or a probability outside [0, 1]; non_finite for NaN
 * @example
 * const spec = fanChart({ bands: [{ year: 2025, lower: 2, upper: 4, level: 0.9 }], median: [{ year: 2025, value: 3 }] }, { unit: 'CNY trillion' });
 * spec.title; // => { text: 'Simulated range', subtitle: 'Values in RMB trillion; shaded bands are central intervals of the simulated runs' }
 */
export function fanChart(input: FanChartInput, options: ChartOptions): TopLevelSpec {
  const fn = 'fanChart';
  const { unit, locale, width, height } = checkOptions(fn, options);
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.bands', undefined);
  const { bands, median, actuals, targets, attainment, periods, start } = input;
  checkYearRows(fn, 'bands', bands, ['lower', 'upper', 'level']);
  bands.forEach((b, i) => {
    if (!(b.level > 0 && b.level < 1)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: bands[${i}].level must be a coverage in (0, 1) (got ${b.level}). Use 0.9 for the 5th-95th percentile band.`,
        `bands[${i}].level`,
        'a coverage in (0, 1)',
        b.level,
        { index: i },
      );
    }
    if (b.lower > b.upper) {
      throw argumentError(
        'invalid_argument',
        `${fn}: bands[${i}] has lower > upper (got ${b.lower} > ${b.upper}). Swap them or check the quantiles.`,
        `bands[${i}].lower`,
        `<= upper (${b.upper})`,
        b.lower,
        { index: i },
      );
    }
  });
  checkUnique(
    fn,
    'bands',
    bands.map((b) => `${b.level} in ${b.year}`),
    'level and year',
  );
  checkYearRows(fn, 'median', median, ['value']);
  checkActuals(fn, actuals);
  if (start !== undefined) {
    checkYearRows(fn, 'start', [start], ['value']);
    const first = Math.min(...bands.map((b) => b.year), ...median.map((m) => m.year));
    if (start.year >= first) {
      throw argumentError(
        'invalid_argument',
        `${fn}: start.year must come before the first simulated year ${first} (got ${start.year}). Give the base year or the year of the last observation.`,
        'start.year',
        `a year before the first simulated year ${first}`,
        start.year,
        { start: start.year },
      );
    }
  }
  checkTargets(fn, targets);
  checkPeriods(fn, periods);
  if (attainment !== undefined) {
    checkArray(fn, 'attainment', attainment, true);
    attainment.forEach((a, i) => checkProbability(fn, `attainment[${i}].probability`, a.probability));
    checkTargets(
      fn,
      attainment.map((a) => a.target),
    );
  }

  const w = WORDS[locale];
  const levels = [...new Set(bands.map((b) => b.level))].sort((a, b) => b - a);
  const bandName = (level: number): string => {
    const lo = (1 - level) / 2;
    return locale === 'zh'
      ? `${percentile(lo).replace(/(st|nd|rd|th)$/, '')}–${percentile(1 - lo).replace(/(st|nd|rd|th)$/, '')} 百分位`
      : `${percentile(lo)}–${percentile(1 - lo)} percentile`;
  };
  const names = levels.map(bandName);
  const colours = levels.map(
    (_, i) =>
      BLUES[Math.min(BLUES.length - 1, Math.round(((i + 1) / (levels.length + 1)) * (BLUES.length - 1)))] as string,
  );
  const startBands =
    start === undefined
      ? []
      : levels.map((level) => ({ year: start.year, lower: start.value, upper: start.value, level }));
  const startMedian = start === undefined ? [] : [{ year: start.year, value: start.value }];
  const bandRows = [...startBands, ...bands]
    .sort((a, b) => b.level - a.level || a.year - b.year)
    .map((b) => ({
      year: b.year,
      lower: tidy(b.lower),
      upper: tidy(b.upper),
      band: bandName(b.level),
      order: levels.indexOf(b.level),
      range: `${fmt(b.lower, unit, locale)} – ${fmt(b.upper, unit, locale)}`,
    }));
  const medianRows = [...startMedian, ...median].map((m) => ({
    year: m.year,
    value: tidy(m.value),
    valueText: fmt(m.value, unit, locale),
    line: w.median,
  }));

  const [minYear, maxYear] = yearRange(bands, median, actuals, targets, startMedian);
  const x = yearX(minYear, maxYear, locale);
  const y = {
    field: 'value',
    type: 'quantitative',
    title: axisTitle(options.measure, unit, locale),
    axis: { format: axisFormat(unit) },
  };
  const shapes = markerScale(targets, actuals, locale);

  const bandLayer = {
    name: 'bands',
    data: { values: bandRows },
    mark: { type: 'area', opacity: 1, interpolate: 'linear' },
    encoding: {
      x,
      y: { ...y, field: 'lower' },
      y2: { field: 'upper' },
      color: {
        field: 'band',
        type: 'nominal',
        title: w.interval,
        scale: { domain: names, range: colours },
        legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square' },
      },
      detail: { field: 'order', type: 'ordinal' },
      tooltip: [
        { field: 'band', title: w.interval },
        { field: 'year', title: w.year },
        { field: 'range', title: w.value },
      ],
    },
  } as Layer;
  const medianLayer = {
    name: 'median',
    data: { values: medianRows },
    mark: { type: 'line', color: '#000000', strokeWidth: 2.2 },
    encoding: {
      x,
      y,
      strokeDash: {
        field: 'line',
        type: 'nominal',
        title: w.centre,
        scale: { domain: [w.median], range: [[1, 0]] },
        legend: { orient: 'bottom', symbolType: 'stroke', symbolStrokeColor: '#000000', symbolSize: 400 },
      },
      tooltip: [
        { field: 'year', title: w.year },
        { field: 'valueText', title: w.median },
      ],
    },
  } as Layer;

  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ?? (locale === 'zh' ? '模拟区间' : 'Simulated range'),
        options.subtitle ??
          (locale === 'zh'
            ? `单位：${axisTitle(undefined, unit, locale)}；阴影为模拟结果的中心区间`
            : `Values in ${axisTitle(undefined, unit, locale)}; shaded bands are central intervals of the simulated runs`),
        width,
        attainment !== undefined && attainment.length > 0
          ? attainment.map((a) => attainmentText(a, unit, locale)).join(locale === 'zh' ? '；' : '; ')
          : undefined,
      ),
      width,
      height,
      config: chartTheme(locale),
      layer: [
        ...periodLayers(periods, minYear, maxYear, locale),
        bandLayer,
        medianLayer,
        ...actualLayer(actuals, unit, locale, x, y, shapes),
        ...targetLayer(targets, unit, locale, x, y, shapes),
      ],
    } as TopLevelSpec,
    options.source,
    width,
  );
}
