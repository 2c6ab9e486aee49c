import type { TopLevelSpec } from 'vega-lite';
import { argumentError } from '../internal/assert.js';
import type { ChartOptions, SectorChange } from './inputs.js';
import { axisFormat } from './internal/axisFormat.js';
import { axisTitle } from './internal/axisTitle.js';
import { chartTheme } from './theme.js';
import { checkArray, checkNumbers, checkOptions, checkStrings, checkUnique, checkYears } from './internal/check.js';
import { tidy, WORDS } from './internal/layers.js';
import { formatQuantities } from './formatQuantities.js';
import { withSource } from './internal/footer.js';
import { fitTitle, textWidth, wrapText } from './internal/wrap.js';

/** Data of {@link waterfallChart}. */
export interface WaterfallChartInput {
  readonly baseYear: number;
  readonly baseValue: number;
  readonly targetYear: number;
  /** Each sector's change from the base year to the target year, in the chart's unit. */
  readonly changes: readonly SectorChange[];
  /**
   * The level in the target year. When absent it is base + the changes; when given and different, the
   * difference is drawn as a grey "Other" step, so the bridge always closes.
   */
  readonly targetValue?: number;
}

const KIND_COLOUR = { level: '#4d4d4d', increase: '#2166ac', decrease: '#d6604d', other: '#bababa' } as const;

/**
 * A waterfall (bridge) from a base-year level to the target-year level: a bar for the base, one floating
 * bar per sector change (blue up, red down, each labelled with its signed value and unit so the direction reads
 * in black and white), an "Other" step when `targetValue` differs from the sum, and a bar for the target.
 * @throws {MetricsError} invalid_argument for no changes, targetYear <= baseYear, or a repeated sector;
 *   non_finite for NaN
 * @example
 * const spec = waterfallChart({ baseYear: 2020, baseValue: 1, targetYear: 2025, changes: [{ sector: 'cloud', change: 0.5 }] }, { unit: 'CNY trillion' });
 * spec.title; // => { text: 'From 2020 to 2025 by sector', subtitle: 'Values in RMB trillion' }
 */
export function waterfallChart(input: WaterfallChartInput, options: ChartOptions): TopLevelSpec {
  const fn = 'waterfallChart';
  const { unit, locale, width, height } = checkOptions(fn, options);
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.changes', undefined);
  checkYears(fn, 'input', [input], ['baseYear', 'targetYear']);
  checkNumbers(fn, 'input', [input], ['baseValue'], ['targetValue']);
  if (input.targetYear <= input.baseYear) {
    throw argumentError(
      'invalid_argument',
      `${fn}: targetYear must be after baseYear (got ${input.baseYear} to ${input.targetYear}).`,
      'input.targetYear',
      `> baseYear (${input.baseYear})`,
      input.targetYear,
    );
  }
  const { changes } = input;
  checkArray(fn, 'changes', changes);
  checkNumbers(fn, 'changes', changes, ['change']);
  checkStrings(fn, 'changes', changes, ['sector']);
  checkUnique(
    fn,
    'changes',
    changes.map((c) => c.sector),
    'sector',
  );

  const w = WORDS[locale];
  // Step labels carry the unit, with one scale and one number of decimals across the chart (levels plain,
  // changes signed); they wrap onto lines that fit their band.
  const steps: {
    step: string;
    start: number;
    end: number;
    kind: keyof typeof KIND_COLOUR;
    order: number;
  }[] = [];
  steps.push({ step: String(input.baseYear), start: 0, end: input.baseValue, kind: 'level', order: 0 });
  let level = input.baseValue;
  for (const c of changes) {
    steps.push({
      step: c.sector,
      start: level,
      end: level + c.change,
      kind: c.change >= 0 ? 'increase' : 'decrease',
      order: steps.length,
    });
    level += c.change;
  }
  const target = input.targetValue ?? level;
  const residual = target - level;
  if (Math.abs(residual) > 1e-9 * Math.max(1, Math.abs(target))) {
    steps.push({
      step: locale === 'zh' ? '其他' : 'Other',
      start: level,
      end: target,
      kind: 'other',
      order: steps.length,
    });
  }
  steps.push({ step: String(input.targetYear), start: 0, end: target, kind: 'level', order: steps.length });
  const amounts = steps.map((s) => (s.kind === 'level' ? s.end : s.end - s.start));
  const plain = formatQuantities(amounts, unit, { locale });
  const signedText = formatQuantities(amounts, unit, { locale, signed: true });
  const texts = steps.map((s, i) => (s.kind === 'level' ? plain[i] : signedText[i]) as string);
  const band = width / steps.length;
  // vega draws the lines of a multi-line text downwards from its anchor whatever the baseline, so every label
  // gets as many lines as the longest (blank ones on top) and the block is lifted by all but one line: the
  // last line then sits on the bar.
  const labelLines = texts.map((t) => {
    const w = wrapText(t, band - 4, 11);
    return typeof w === 'string' ? [w] : w;
  });
  const maxLines = Math.max(...labelLines.map((l) => l.length));
  const LINE = 13;
  const names =
    locale === 'zh'
      ? { level: '水平', increase: '增加', decrease: '减少', other: '其他' }
      : { level: 'Level', increase: 'Increase', decrease: 'Decrease', other: 'Other (unallocated)' };
  const data = steps.map((s, i) => ({
    ...s,
    label: [...Array<string>(maxLines - (labelLines[i] as string[]).length).fill(''), ...(labelLines[i] as string[])],
    valueText: texts[i] as string,
    start: tidy(s.start),
    end: tidy(s.end),
    top: tidy(Math.max(s.start, s.end)),
    kindText: names[s.kind],
  }));
  const kinds = (Object.keys(KIND_COLOUR) as (keyof typeof KIND_COLOUR)[]).filter((k) =>
    steps.some((s) => s.kind === k),
  );
  // Step names wrap onto lines that fit their band (never cut); only a single word wider than the band
  // makes the labels turn instead.
  const wrapped = steps.map((s) => wrapText(s.step, band - 6, 11));
  const fits = wrapped.every((l) => (typeof l === 'string' ? [l] : l).every((line) => textWidth(line, 11) <= band - 6));
  const lines = Object.fromEntries(
    steps.flatMap((s, i) => (typeof wrapped[i] === 'string' ? [] : [[s.step, wrapped[i]]])),
  );
  const labelExpr =
    fits && Object.keys(lines).length > 0 ? `(${JSON.stringify(lines)})[datum.label] || datum.label` : undefined;
  const axis = fits
    ? { labelAngle: 0, labelLimit: 0, ...(labelExpr ? { labelExpr } : {}) }
    : { labelAngle: -30, labelLimit: 0 };
  const x = { field: 'step', type: 'nominal', title: null, sort: steps.map((s) => s.step), axis };
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ??
          (locale === 'zh'
            ? `${input.baseYear}年至${input.targetYear}年各部门变化`
            : `From ${input.baseYear} to ${input.targetYear} by sector`),
        options.subtitle ??
          (locale === 'zh'
            ? `单位：${axisTitle(undefined, unit, locale)}`
            : `Values in ${axisTitle(undefined, unit, locale)}`),
        width,
      ),
      width,
      height,
      config: chartTheme(locale),
      data: { values: data },
      layer: [
        {
          name: 'steps',
          mark: { type: 'bar', stroke: '#000000', strokeWidth: 0.6, width: { band: 0.7 } },
          encoding: {
            x,
            y: {
              field: 'start',
              type: 'quantitative',
              title: axisTitle(options.measure, unit, locale),
              axis: { format: axisFormat(unit) },
            },
            y2: { field: 'end' },
            color: {
              field: 'kindText',
              type: 'nominal',
              title: null,
              scale: { domain: kinds.map((k) => names[k]), range: kinds.map((k) => KIND_COLOUR[k]) },
              legend: { orient: 'bottom', direction: 'horizontal' },
            },
            tooltip: [
              { field: 'step', title: w.sector },
              { field: 'valueText', title: w.value },
            ],
          },
        },
        {
          name: 'stepLabels',
          mark: {
            type: 'text',
            baseline: 'bottom',
            dy: -3 - LINE * (maxLines - 1),
            lineHeight: LINE,
            fontSize: 11,
            color: '#111',
          },
          encoding: { x, y: { field: 'top', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    } as TopLevelSpec,
    options.source,
    width,
  );
}
