import type { TopLevelSpec } from 'vega-lite';
import { bin } from 'd3-array';
import { assertFiniteArray, argumentError, optionNames, show } from '../internal/assert.js';
import type { ChartOptions, TargetMarker } from './inputs.js';
import { axisFormat } from './internal/axisFormat.js';
import { axisTitle } from './internal/axisTitle.js';
import { chartTheme } from './theme.js';
import { CHART_OPTION_FIELDS, checkArray, checkOptions, checkProbability, checkTargets } from './internal/check.js';
import { attainmentText, fmt, formatProbability, tidy, WORDS } from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle } from './internal/wrap.js';

/** Options of {@link distributionChart}. */
export interface DistributionChartOptions extends ChartOptions {
  /** `histogram` (default) or `cdf` (the empirical cumulative distribution). */
  readonly kind?: 'histogram' | 'cdf';
  /** Histogram bins (about; d3 picks round edges). Default 30. */
  readonly bins?: number;
}

const DISTRIBUTION_OPTIONS = optionNames<DistributionChartOptions>({
  ...CHART_OPTION_FIELDS,
  kind: true,
  bins: true,
});

/** Data of {@link distributionChart}. */
export interface DistributionChartInput {
  /** The simulated values of the final year (or any year), at least 2. */
  readonly values: readonly number[];
  readonly year: number;
  readonly target?: TargetMarker;
  /**
   * The probability of meeting the target, written on the chart. When absent and a target is given, it is
   * the share of `values` that meet it (exceeds: >, atLeast: >=, atMost: <=, below: <, equals/about: within
   * 5% of the target value).
   */
  readonly probability?: number;
}

function meets(v: number, t: TargetMarker): boolean {
  switch (t.comparator) {
    case 'exceeds':
      return v > t.value;
    case 'atLeast':
      return v >= t.value;
    case 'atMost':
      return v <= t.value;
    case 'below':
      return v < t.value;
    case 'about':
    case 'equals':
      return Math.abs(v - t.value) <= 0.05 * Math.abs(t.value);
  }
}

/**
 * The distribution of one year's simulated values, as a histogram (share of runs per bin) or an empirical
 * CDF, with the target as a red rule and the probability of meeting it as the subtitle's second line. The data
 * inlined is the binned counts (or at most 400 CDF points), not the raw values.
 * @throws {MetricsError} invalid_argument for fewer than 2 values, an unknown kind, bins outside
 *   [2, 200], a probability outside [0, 1]; non_finite for NaN or ±Infinity values
 * @example
 * const spec = distributionChart({ values: [1, 2, 3, 4], year: 2025 }, { unit: 'CNY trillion', kind: 'cdf' });
 * spec.title; // => { text: 'Distribution in 2025', subtitle: 'Values in RMB trillion; 4 simulated runs' }
 */
export function distributionChart(input: DistributionChartInput, options: DistributionChartOptions): TopLevelSpec {
  const fn = 'distributionChart';
  const { unit, locale, width, height } = checkOptions(fn, options, DISTRIBUTION_OPTIONS);
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.values', undefined);
  const kind = options.kind ?? 'histogram';
  if (kind !== 'histogram' && kind !== 'cdf') {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.kind must be "histogram" or "cdf" (got ${show(kind)}).`,
      'options.kind',
      '"histogram" or "cdf"',
      kind,
    );
  }
  const nBins = options.bins ?? 30;
  if (!Number.isInteger(nBins) || nBins < 2 || nBins > 200) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.bins must be a whole number in [2, 200] (got ${show(nBins)}).`,
      'options.bins',
      'a whole number in [2, 200]',
      nBins,
    );
  }
  // Values are binned (or drawn as a CDF) in the chart, so more are fine than for row charts.
  checkArray(fn, 'values', input.values, false, 100_000);
  assertFiniteArray(fn, 'values', input.values);
  if (input.values.length < 2) {
    throw argumentError(
      'invalid_argument',
      `${fn}: values needs at least 2 simulated values (got ${input.values.length}).`,
      'input.values',
      'at least 2 simulated values',
      input.values.length,
    );
  }
  // Checked before the title writes it: a value that is not a number (an object without a prototype) would throw.
  if (typeof input.year !== 'number' || !Number.isInteger(input.year)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: year must be a whole calendar year (got ${show(input.year)}).`,
      'input.year',
      'a whole calendar year',
      input.year,
    );
  }
  const target = input.target;
  if (target !== undefined) checkTargets(fn, [target]);
  if (input.probability !== undefined) checkProbability(fn, 'probability', input.probability);

  const w = WORDS[locale];
  const values = [...input.values].sort((a, b) => a - b);
  const n = values.length;
  const lo = values[0] as number;
  const hi = values[n - 1] as number;
  const probability = input.probability ?? (target ? values.filter((v) => meets(v, target)).length / n : undefined);
  const xTitle = axisTitle(options.measure, unit, locale);
  const x = {
    type: 'quantitative',
    title: xTitle,
    axis: { format: axisFormat(unit) },
    scale: { zero: false, nice: true },
  };

  let main: unknown;
  if (kind === 'histogram') {
    // d3 bins on "nice" edges; a degenerate sample (all equal) gets one bin of width 1% of the value.
    const spread = hi - lo;
    const half = spread > 0 ? 0 : Math.max(Math.abs(lo) * 0.01, 1e-9);
    const bins = bin()
      .domain([lo - half, hi + half])
      .thresholds(nBins)(values);
    const rows = bins.map((b) => ({
      x0: tidy(b.x0 as number),
      x1: tidy(b.x1 as number),
      share: tidy(b.length / n),
      range: `${fmt(b.x0 as number, unit, locale)} – ${fmt(b.x1 as number, unit, locale)}`,
      shareText: formatProbability(b.length / n),
    }));
    main = {
      name: 'histogram',
      data: { values: rows },
      mark: { type: 'rect', color: '#6baed6', stroke: '#ffffff', strokeWidth: 0.5 },
      encoding: {
        x: { ...x, field: 'x0' },
        x2: { field: 'x1' },
        y: { field: 'share', type: 'quantitative', title: w.frequency, axis: { format: '.1~%' } },
        y2: { datum: 0 },
        tooltip: [
          { field: 'range', title: w.value },
          { field: 'shareText', title: w.frequency },
        ],
      },
    };
  } else {
    const step = Math.max(1, Math.ceil(n / 400));
    const rows: { value: number; p: number; valueText: string; pText: string }[] = [];
    for (let i = 0; i < n; i += step)
      rows.push({
        value: tidy(values[i] as number),
        p: tidy((i + 1) / n),
        valueText: fmt(values[i] as number, unit, locale),
        pText: formatProbability((i + 1) / n),
      });
    if ((rows[rows.length - 1] as { p: number }).p !== 1)
      rows.push({ value: tidy(hi), p: 1, valueText: fmt(hi, unit, locale), pText: '100%' });
    main = {
      name: 'cdf',
      data: { values: rows },
      mark: { type: 'line', interpolate: 'step-after', color: '#2171b5', strokeWidth: 2 },
      encoding: {
        x: { ...x, field: 'value' },
        y: {
          field: 'p',
          type: 'quantitative',
          title: w.cumulative,
          scale: { domain: [0, 1] },
          axis: { format: '.0%' },
        },
        tooltip: [
          { field: 'valueText', title: w.value },
          { field: 'pText', title: w.cumulative },
        ],
      },
    };
  }
  const layer: unknown[] = [main];
  if (target) {
    layer.push({
      name: 'target',
      data: {
        values: [
          {
            value: tidy(target.value),
            label: target.label,
            valueText: fmt(target.value, unit, locale),
            document: target.source.document,
            quote: target.source.quote,
          },
        ],
      },
      mark: { type: 'rule', color: '#B2182B', strokeWidth: 2, strokeDash: [6, 3] },
      encoding: {
        x: { field: 'value', type: 'quantitative' },
        tooltip: [
          { field: 'label', title: w.target },
          { field: 'valueText', title: w.value },
          { field: 'document', title: w.source },
          { field: 'quote', title: w.quote },
        ],
      },
    });
    layer.push({
      name: 'targetLabel',
      data: { values: [{ value: tidy(target.value), text: `${w.target}: ${fmt(target.value, unit, locale)}` }] },
      // Above the plot, beside the top of the rule: never over a bar or the line.
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'bottom',
        dx: 4,
        y: 0,
        dy: -3,
        color: '#B2182B',
        fontSize: 11,
        angle: 0,
      },
      encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
    });
  }
  // The probability goes in the subtitle, not over the plot: there it can cross neither a bar nor the rule.
  const probabilityText =
    probability === undefined
      ? undefined
      : target
        ? attainmentText({ probability, target }, unit, locale)
        : `${w.probability} = ${formatProbability(probability)}`;
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        ...fitTitle(
          options.title ?? (locale === 'zh' ? `${input.year}年的分布` : `Distribution in ${input.year}`),
          options.subtitle ??
            (locale === 'zh'
              ? `单位：${axisTitle(undefined, unit, locale)}；${n}次模拟`
              : `Values in ${axisTitle(undefined, unit, locale)}; ${n.toLocaleString('en-US')} simulated runs`),
          width,
          probabilityText,
        ),
        ...(target ? { offset: 20 } : {}),
      },
      width,
      height,
      config: chartTheme(locale),
      layer,
    } as TopLevelSpec,
    options.source,
    width,
  );
}
