import type { TopLevelSpec } from 'vega-lite';
import { MetricsError } from '../errors.js';
import type { AccuracyRow } from './inputs.js';
import { chartTheme } from './theme.js';
import { checkArray, checkNumbers, checkStrings, checkUnique } from './internal/check.js';
import { tidy, WORDS } from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle } from './internal/wrap.js';
import type { Locale } from '../series/locale.js';
import { argumentError } from '../internal/assert.js';

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
  /** Width of each metric's panel in pixels. Default 220. */
  readonly panelWidth?: number;
  /** The source line under the chart (see ChartOptions.source). */
  readonly source?: string;
}

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
      throw new MetricsError(
        'invalid_argument',
        `${fn}: rows[${i}].value is negative (got ${r.value}). Accuracy scores are >= 0.`,
        { index: i },
      );
  });
  const locale = options.locale ?? 'en';
  const references = options.references ?? { OWA: 1 };
  const panelWidth = options.panelWidth ?? 220;
  if (!Number.isInteger(panelWidth) || panelWidth < 80 || panelWidth > 2000) {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.panelWidth must be a whole number of pixels in [80, 2000] (got ${panelWidth}).`,
      'options.panelWidth',
      'a whole number of pixels in [80, 2000]',
      panelWidth,
    );
  }
  for (const [k, v] of Object.entries(references)) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new MetricsError(
        'non_finite',
        `${fn}: options.references.${k} must be a finite number (got ${String(v)}).`,
      );
  }
  const w = WORDS[locale];
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const first = metrics[0] as string;
  const methods = [...new Set(rows.map((r) => r.method))];
  const score = (m: string): number => rows.find((r) => r.method === m && r.metric === first)?.value ?? Infinity;
  const order = [...methods].sort((a, b) => score(a) - score(b) || a.localeCompare(b));
  const data = [
    ...rows.map((r) => ({
      kind: 'bar',
      method: r.method,
      metric: r.metric,
      value: tidy(r.value),
      valueText: String(Number(r.value.toPrecision(3))),
    })),
    ...metrics
      .filter((m) => references[m] !== undefined)
      .map((m) => ({ kind: 'reference', metric: m, value: tidy(references[m] as number) })),
  ];
  const refText = Object.entries(references)
    .filter(([m]) => metrics.includes(m))
    .map(([m, v]) => `${m} = ${v}`)
    .join(', ');
  const y = { field: 'method', type: 'nominal', title: null, sort: order, axis: { labelLimit: 160 } };
  const x = { field: 'value', type: 'quantitative', title: null, axis: { format: ',.3~r' }, scale: { zero: true } };
  const total = panelWidth * metrics.length + 20 * (metrics.length - 1) + 160;
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
        height: { step: 24 },
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
            mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#111' },
            encoding: { y, x, text: { field: 'valueText' } },
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
