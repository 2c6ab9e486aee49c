import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions, SensitivityRow } from './inputs.js';
import { axisFormat } from './internal/axisFormat.js';
import { axisTitle } from './internal/axisTitle.js';
import { chartTheme } from './theme.js';
import { checkArray, checkNumbers, checkOptions, checkStrings, checkUnique } from './internal/check.js';
import { fmt, tidy, WORDS } from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle } from './internal/wrap.js';

/** Data of {@link tornadoChart}. */
export interface TornadoChartInput {
  /** The outcome with every parameter at its base setting. */
  readonly base: number;
  readonly rows: readonly SensitivityRow[];
}

/**
 * Sensitivities as a tornado: for each parameter, a bar from the base outcome to the outcome with the
 * parameter low (light, outlined) and one to the outcome with it high (dark), sorted with the widest
 * swing on top, a rule at the base outcome and the outcomes written at the bar ends.
 * @throws {MetricsError} invalid_argument for empty rows or a repeated parameter; non_finite for NaN
 * @example
 * const spec = tornadoChart({ base: 3, rows: [{ parameter: 'CAGR', low: 2.5, high: 3.6 }] }, { unit: 'CNY trillion' });
 * spec.title; // => { text: 'Sensitivity of the outcome', subtitle: 'Base outcome RMB 3 trillion; bars show the outcome at each parameter’s low and high setting' }
 */
export function tornadoChart(input: TornadoChartInput, options: ChartOptions): TopLevelSpec {
  const fn = 'tornadoChart';
  const { unit, locale, width, height } = checkOptions(fn, options);
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.rows', undefined);
  checkNumbers(fn, 'input', [input], ['base']);
  const { base, rows } = input;
  checkArray(fn, 'rows', rows);
  checkNumbers(fn, 'rows', rows, ['low', 'high']);
  checkStrings(fn, 'rows', rows, ['parameter'], ['lowLabel', 'highLabel']);
  checkUnique(
    fn,
    'rows',
    rows.map((r) => r.parameter),
    'parameter',
  );
  const w = WORDS[locale];
  const sorted = [...rows].sort(
    (a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.parameter.localeCompare(b.parameter),
  );
  const lowName = locale === 'zh' ? '参数取低值' : 'Parameter low';
  const highName = locale === 'zh' ? '参数取高值' : 'Parameter high';
  const data = sorted.flatMap((r) => [
    {
      parameter: r.parameter,
      setting: lowName,
      base: tidy(base),
      outcome: tidy(r.low),
      outcomeText: fmt(r.low, unit, locale),
      settingText: r.lowLabel ?? lowName,
      align: r.low < base ? 'right' : 'left',
    },
    {
      parameter: r.parameter,
      setting: highName,
      base: tidy(base),
      outcome: tidy(r.high),
      outcomeText: fmt(r.high, unit, locale),
      settingText: r.highLabel ?? highName,
      align: r.high < base ? 'right' : 'left',
    },
  ]);
  const y = {
    field: 'parameter',
    type: 'nominal',
    title: null,
    sort: sorted.map((r) => r.parameter),
    axis: { labelLimit: 200 },
  };
  // Room on both sides for the outcome labels: a third of the widest swing, at least 5% of the base.
  const outcomes = [base, ...sorted.flatMap((r) => [r.low, r.high])];
  const lo = Math.min(...outcomes);
  const hi = Math.max(...outcomes);
  const pad = Math.max((hi - lo) / 3, Math.abs(base) * 0.05, 1e-9);
  const x = {
    field: 'base',
    type: 'quantitative',
    title: axisTitle(options.measure, unit, locale),
    scale: { zero: false, domain: [tidy(lo - pad), tidy(hi + pad)] },
    axis: { format: axisFormat(unit) },
  };
  const h = Math.min(height, Math.max(90, 52 * sorted.length));
  const label = (align: 'left' | 'right') => ({
    name: align === 'left' ? 'labelsRight' : 'labelsLeft',
    transform: [{ filter: `datum.align === '${align}'` }],
    mark: { type: 'text', align, dx: align === 'left' ? 4 : -4, fontSize: 10, color: '#111' },
    encoding: {
      y,
      x: { field: 'outcome', type: 'quantitative' },
      yOffset: { field: 'setting', type: 'nominal', sort: [lowName, highName] },
      text: { field: 'outcomeText' },
    },
  });
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ?? (locale === 'zh' ? '结果的敏感性' : 'Sensitivity of the outcome'),
        options.subtitle ??
          (locale === 'zh'
            ? `基准结果${fmt(base, unit, locale)}；条形为各参数取低值和高值时的结果`
            : `Base outcome ${fmt(base, unit, locale)}; bars show the outcome at each parameter’s low and high setting`),
        width,
      ),
      width,
      height: h,
      config: chartTheme(locale),
      data: { values: data },
      layer: [
        {
          name: 'swings',
          mark: { type: 'bar', stroke: '#000000', strokeWidth: 0.8, height: { band: 0.8 } },
          encoding: {
            y,
            x,
            x2: { field: 'outcome' },
            yOffset: { field: 'setting', type: 'nominal', sort: [lowName, highName] },
            color: {
              field: 'setting',
              type: 'nominal',
              title: null,
              scale: { domain: [lowName, highName], range: ['#d1e5f0', '#2166ac'] },
              legend: { orient: 'bottom', direction: 'horizontal' },
            },
            tooltip: [
              { field: 'parameter', title: w.parameter },
              { field: 'settingText', title: ' ' },
              { field: 'outcomeText', title: w.outcome },
            ],
          },
        },
        label('left'),
        label('right'),
        {
          name: 'base',
          data: { values: [{ base: tidy(base) }] },
          mark: { type: 'rule', color: '#000000', strokeWidth: 1.5, strokeDash: [4, 3] },
          encoding: { x: { field: 'base', type: 'quantitative' } },
        },
      ],
    } as TopLevelSpec,
    options.source,
    width,
  );
}
