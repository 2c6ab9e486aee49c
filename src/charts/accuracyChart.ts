import type { TopLevelSpec } from 'vega-lite';
import type { AccuracyRow } from './inputs.js';
import { chartTheme } from './theme.js';
import { checkArray, checkNumbers, checkStrings, checkTextOptions, checkUnique } from './internal/check.js';
import { tidy, WORDS } from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle, textWidth, wrapText } from './internal/wrap.js';
import { checkLocale, type Locale } from '../series/locale.js';
import { argumentError, show, assertOptions, optionNames } from '../internal/assert.js';

/** What {@link accuracyChart} draws: one score per method and metric. */
export interface AccuracyChartInput {
  readonly rows: readonly AccuracyRow[];
}

/** Options of {@link accuracyChart}. */
export interface AccuracyChartOptions {
  readonly locale?: Locale;
  readonly title?: string;
  readonly subtitle?: string;
  /** Reference lines per metric. Default `{ OWA: 1 }` (1 is the benchmark's accuracy). */
  readonly references?: Readonly<Record<string, number>>;
  /**
   * Width of each metric's panel in pixels. Default: what fits the chart in 640 px with the method names
   * (measured, wrapped past 200 px), at least 120.
   */
  readonly panelWidth?: number;
  /** The source line under the chart (see ChartOptions.source). */
  readonly source?: string;
}

const ACCURACY_OPTIONS = optionNames<AccuracyChartOptions>({
  locale: true,
  title: true,
  subtitle: true,
  references: true,
  panelWidth: true,
  source: true,
});

/**
 * Accuracy of forecasting methods: one panel per metric (sMAPE, MASE, OWA, in the order first seen), a
 * horizontal bar per method (methods sorted by the first metric, best on top), the value written at the
 * bar end, and a dashed reference rule (OWA = 1: as accurate as the benchmark). Lower is better.
 * @throws {MetricsError} invalid_argument for empty rows, a negative score, or two scores for one method
 *   and metric; non_finite for NaN (a degenerate MASE must be dropped before charting, not drawn)
 * @example
 * const spec = accuracyChart({ rows: [{ method: 'drift', metric: 'OWA', value: 0.9 }] });
 * spec.title; // => { text: 'Forecast accuracy', subtitle: 'Lower is better; dashed line: the benchmark (OWA = 1)' }
 */
export function accuracyChart(input: AccuracyChartInput, options: AccuracyChartOptions = {}): TopLevelSpec {
  const fn = 'accuracyChart';
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.rows', undefined);
  const { rows } = input;
  checkArray(fn, 'rows', rows);
  checkNumbers(fn, 'rows', rows, ['value']);
  checkStrings(fn, 'rows', rows, ['method', 'metric']);
  checkUnique(
    fn,
    'rows',
    rows.map((r) => `${r.method} / ${r.metric}`),
    'method and metric',
  );
  rows.forEach((r, i) => {
    if (r.value < 0)
      throw argumentError(
        'invalid_argument',
        `${fn}: rows[${i}].value is negative (got ${r.value}). Accuracy scores are >= 0.`,
        `rows[${i}].value`,
        '>= 0',
        r.value,
        { index: i },
      );
  });
  assertOptions(fn, options, undefined, ACCURACY_OPTIONS);
  const locale = options.locale ?? 'en';
  checkLocale(fn, locale, 'options.locale');
  checkTextOptions(fn, options, ['title', 'subtitle']);
  const references = options.references ?? { OWA: 1 };
  const methodsSeen = [...new Set(rows.map((r) => r.method))];
  const metricsSeen = [...new Set(rows.map((r) => r.metric))];
  // The method names' column: as wide as the widest name (11 px axis labels), names past 200 px wrapped.
  const labelWidth = Math.min(200, Math.ceil(Math.max(40, ...methodsSeen.map((m) => textWidth(m, 11)))) + 8);
  const panelWidth =
    options.panelWidth ??
    Math.max(120, Math.floor((640 - labelWidth - 20 * (metricsSeen.length - 1)) / metricsSeen.length));
  if (!Number.isInteger(panelWidth) || panelWidth < 80 || panelWidth > 2000) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.panelWidth must be a whole number of pixels in [80, 2000] (got ${show(panelWidth)}).`,
      'options.panelWidth',
      'a whole number of pixels in [80, 2000]',
      panelWidth,
    );
  }
  for (const [k, v] of Object.entries(references)) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw argumentError(
        'non_finite',
        `${fn}: options.references.${k} must be a finite number (got ${show(v)}).`,
        `options.references.${k}`,
        'a finite number',
        v,
      );
  }
  const w = WORDS[locale];
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const first = metrics[0] as string;
  const methods = [...new Set(rows.map((r) => r.method))];
  const score = (m: string): number => rows.find((r) => r.method === m && r.metric === first)?.value ?? Infinity;
  const order = [...methods].sort((a, b) => score(a) - score(b) || a.localeCompare(b));
  // Each panel's scale ends where the last value label ends (no nice rounding, so pixels are known). A label
  // that would run over the benchmark line is written just past the line instead.
  const valueText = (v: number): string => String(Number(v.toPrecision(3)));
  const gap = 3;
  const placed = new Map<AccuracyRow, number>();
  const tops = new Map<string, number>();
  for (const m of metrics) {
    const ref = references[m];
    const bars = rows.filter((r) => r.metric === m);
    let top = Math.max(ref ?? 0, ...bars.map((r) => r.value)) * 1.02 || 1;
    for (let k = 0; k < 8; k++) {
      const px = (v: number) => (v / top) * panelWidth;
      let need = top;
      for (const r of bars) {
        const lw = textWidth(valueText(r.value), 10);
        const crosses = ref !== undefined && r.value < ref && px(r.value) + gap + lw > px(ref) - 2;
        const at = crosses ? (ref as number) : r.value;
        placed.set(r, at);
        // at/top*p + gap + lw <= p  =>  top >= at*p / (p - gap - lw)
        need = Math.max(need, (at * panelWidth) / Math.max(1, panelWidth - gap - lw - 2));
      }
      if (need <= top) break;
      top = need;
    }
    tops.set(m, top);
  }
  const data = [
    ...rows.map((r) => ({
      kind: 'bar',
      method: r.method,
      metric: r.metric,
      value: tidy(r.value),
      labelAt: tidy(placed.get(r) ?? r.value),
      valueText: valueText(r.value),
    })),
    ...metrics
      .filter((m) => references[m] !== undefined)
      .map((m) => ({ kind: 'reference', metric: m, value: tidy(references[m] as number) })),
    // An invisible point at each panel's end, so the scale leaves room for the labels.
    ...metrics.map((m) => ({ kind: 'extent', metric: m, value: tidy(tops.get(m) as number) })),
  ];
  const refText = Object.entries(references)
    .filter(([m]) => metrics.includes(m))
    .map(([m, v]) => `${m} = ${v}`)
    .join(', ');
  const lines = Object.fromEntries(
    methods.flatMap((m) => {
      const wrapped = wrapText(m, labelWidth - 8, 11);
      return typeof wrapped === 'string' ? [] : [[m, wrapped]];
    }),
  );
  const most = Math.max(1, ...Object.values(lines).map((l) => l.length));
  const y = {
    field: 'method',
    type: 'nominal',
    title: null,
    sort: order,
    axis: {
      labelLimit: 0,
      ...(Object.keys(lines).length > 0 ? { labelExpr: `(${JSON.stringify(lines)})[datum.label] || datum.label` } : {}),
    },
  };
  const x = {
    field: 'value',
    type: 'quantitative',
    title: null,
    axis: { format: ',.3~r', tickCount: 4 },
    scale: { zero: true, nice: false },
  };
  // The panels' width: the title and the source line wrap within it (they start where the panels do).
  const total = panelWidth * metrics.length + 20 * (metrics.length - 1);
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ?? (locale === 'zh' ? '预测精度' : 'Forecast accuracy'),
        options.subtitle ??
          (locale === 'zh'
            ? `越低越好${refText ? `；虚线为基准（${refText}）` : ''}`
            : `Lower is better${refText ? `; dashed line: the benchmark (${refText})` : ''}`),
        total,
      ),
      config: chartTheme(locale),
      data: { values: data },
      facet: {
        column: {
          field: 'metric',
          type: 'nominal',
          title: null,
          sort: metrics,
          header: { labelFontSize: 12, labelFontWeight: 'bold' },
        },
      },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: panelWidth,
        height: { step: Math.max(24, 13 * most + 8) },
        layer: [
          {
            name: 'scores',
            transform: [{ filter: "datum.kind === 'bar'" }],
            mark: { type: 'bar', color: '#4292c6', height: { band: 0.7 } },
            encoding: {
              y,
              x,
              tooltip: [
                { field: 'method', title: w.method },
                { field: 'metric', title: ' ' },
                { field: 'valueText', title: w.value },
              ],
            },
          },
          {
            name: 'scoreLabels',
            transform: [{ filter: "datum.kind === 'bar'" }],
            mark: { type: 'text', align: 'left', dx: gap, fontSize: 10, color: '#111' },
            encoding: { y, x: { ...x, field: 'labelAt' }, text: { field: 'valueText' } },
          },
          {
            name: 'extent',
            transform: [{ filter: "datum.kind === 'extent'" }],
            mark: { type: 'point', opacity: 0 },
            encoding: { x },
          },
          {
            name: 'reference',
            transform: [{ filter: "datum.kind === 'reference'" }],
            mark: { type: 'rule', color: '#B2182B', strokeWidth: 1.5, strokeDash: [5, 3] },
            encoding: { x },
          },
        ],
      },
    } as TopLevelSpec,
    options.source,
    total,
  );
}
