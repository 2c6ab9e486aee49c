import type { TopLevelSpec } from 'vega-lite';
import { formatPercent } from '../series/units.js';
import { show, argumentError, assertOptions, optionNames } from '../internal/assert.js';
import type { ChartOptions } from './inputs.js';
import { chartTheme } from './theme.js';
import { checkArray, checkNumbers, checkOptions, checkStrings, checkUnique, checkYears } from './internal/check.js';
import { withSource } from './internal/footer.js';
import { tidy } from './internal/layers.js';
import { fitTitle, textWidth, wrapText } from './internal/wrap.js';

/** A target's status as a scorecard shows it (the statuses of `scoreTarget`). */
export const ScorecardStatus = Object.freeze({
  met: 'met',
  missed: 'missed',
  'on track': 'on track',
  'off track': 'off track',
  undetermined: 'undetermined',
} as const);
export type ScorecardStatus = keyof typeof ScorecardStatus;

/** One target of a {@link scorecardChart}: what was aimed at and the latest figure on the same definition. */
export interface ScorecardChartRow {
  /** The target in words (`More than RMB 3 trillion in 2025, 14th big data plan`). */
  readonly target: string;
  /** The target level, in the unit of `observed.value`. */
  readonly targetValue: number;
  readonly status: ScorecardStatus;
  /** The outcome, or the latest observation the status rests on; absent when there is none. */
  readonly observed?: {
    readonly year: number;
    readonly value: number;
    /** True when the figure is a floor ("more than"): drawn as an open circle. */
    readonly floor?: boolean;
    /** The figure in words, written beside the point (`RMB 1.57 trillion in 2022`). */
    readonly text: string;
  };
  /** What decides the status, for the tooltip (`needs 24.1% a year over 2023–2025; 18% observed`). */
  readonly note?: string;
}

/** What {@link scorecardChart} draws: one row per target. */
export interface ScorecardChartInput {
  readonly rows: readonly ScorecardChartRow[];
}

/** Options of {@link scorecardChart}: as for every chart, without a unit (the axis is a share of each target). */
export type ScorecardChartOptions = Omit<ChartOptions, 'unit' | 'measure'>;

const SCORECARD_OPTIONS = optionNames<ScorecardChartOptions>({
  locale: true,
  title: true,
  subtitle: true,
  width: true,
  height: true,
  source: true,
});

/** Status colours (Okabe-Ito), with the words in each locale. */
const STATUS: Readonly<Record<ScorecardStatus, { colour: string; en: string; zh: string }>> = {
  met: { colour: '#009E73', en: 'Met', zh: '已实现' },
  'on track': { colour: '#56B4E9', en: 'On track', zh: '进度正常' },
  'off track': { colour: '#E69F00', en: 'Off track', zh: '进度落后' },
  missed: { colour: '#D55E00', en: 'Missed', zh: '未实现' },
  undetermined: { colour: '#999999', en: 'Undetermined', zh: '无法判断' },
};

/**
 * How the plans did, target by target: each target is a row, its latest observation on the plan's own
 * definition a circle placed at its share of the target (100% is the dashed line; open circles are floors,
 * "more than"), coloured by status (met, on track, off track, missed, undetermined) and labelled with the
 * figure and its year. Targets in different units sit on one axis because each is scaled to its own target.
 * @param input `rows`: one per target (required, non-empty)
 * @param options locale, title, subtitle, width, height (default 56 px a row), source
 * @throws {MetricsError} invalid_argument for no rows, a repeated target, an unknown status or a target
 *   value <= 0; non_finite for NaN
 * @example
 * const spec = scorecardChart({ rows: [{ target: 'More than RMB 3 trillion in 2025', targetValue: 3, status: 'off track',
 *   observed: { year: 2022, value: 1.57, text: 'RMB 1.57 trillion in 2022' } }] });
 * spec.title; // => { text: 'How the plans did', subtitle: 'Latest observation on each target’s own definition, as a share of the target' }
 */
export function scorecardChart(input: ScorecardChartInput, options: ScorecardChartOptions = {}): TopLevelSpec {
  const fn = 'scorecardChart';
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.rows', undefined);
  const { rows } = input;
  assertOptions(fn, options, '{ title }', SCORECARD_OPTIONS);
  const { locale, width } = checkOptions(fn, { ...options, unit: 'fraction' });
  checkArray(fn, 'rows', rows);
  checkStrings(fn, 'rows', rows, ['target', 'status'], ['note']);
  checkNumbers(fn, 'rows', rows, ['targetValue']);
  checkUnique(
    fn,
    'rows',
    rows.map((r) => r.target),
    'target',
  );
  rows.forEach((r, i) => {
    if (typeof r.status !== 'string' || !Object.hasOwn(ScorecardStatus, r.status)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: rows[${i}].status must be one of ${Object.keys(ScorecardStatus).join(', ')} (got ${show(r.status)}).`,
        `rows[${i}].status`,
        `one of ${Object.keys(ScorecardStatus).join(', ')}`,
        r.status,
        { index: i },
      );
    }
    if (r.targetValue <= 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: rows[${i}].targetValue must be > 0 (got ${r.targetValue}). A scorecard scales each figure to its target.`,
        `rows[${i}].targetValue`,
        '> 0',
        r.targetValue,
        { index: i },
      );
    }
    if (r.observed !== undefined) {
      checkYears(fn, `rows[${i}].observed`, [r.observed]);
      checkNumbers(fn, `rows[${i}].observed`, [r.observed], ['value']);
      checkStrings(fn, `rows[${i}].observed`, [r.observed], ['text']);
    }
  });
  const height = options.height ?? Math.max(120, 56 * rows.length);
  const labelWidth = Math.min(260, Math.max(120, Math.round(width * 0.36)));
  const plotWidth = width - labelWidth - 10;
  const statusName = (s: ScorecardStatus): string => STATUS[s][locale];
  const ratios = rows.map((r) => (r.observed ? r.observed.value / r.targetValue : 0));
  ratios.forEach((x, i) => {
    if (!Number.isFinite(x * 1.1)) {
      throw argumentError(
        'invalid_argument',
        `${fn}: rows[${i}].observed.value / targetValue overflows (got ${rows[i]?.observed?.value} / ${rows[i]?.targetValue}). Give both in one unit, the target well above 0.`,
        `rows[${i}].observed.value`,
        'a value whose ratio to targetValue is finite',
        rows[i]?.observed?.value,
        { index: i },
      );
    }
  });
  const top = Math.max(1.25, ...ratios.map((x) => x * 1.1));
  const none = locale === 'zh' ? '尚无同口径观测值' : 'no observation on the plan’s definition';
  // Each label goes on the side of its point with more room (wrapped to fit it), so it never crosses the
  // axis or the edge. vega draws text lines downwards from the anchor: a label of n lines is lifted by half
  // of n - 1 lines (one text layer per side and line count).
  const LINE = 13;
  const placed = rows.map((r, i) => {
    const at = (ratios[i] as number) / top;
    const text = r.observed ? r.observed.text : none;
    const roomRight = r.observed === undefined ? plotWidth - 12 : (1 - at) * plotWidth - 14;
    const roomLeft = at * plotWidth - 14;
    const right = textWidth(text, 11) <= roomRight || roomRight >= roomLeft;
    const wrapped = wrapText(text, Math.max(60, right ? roomRight : roomLeft), 11);
    return { right, lines: typeof wrapped === 'string' ? [wrapped] : wrapped };
  });
  const data = rows.map((r, i) => {
    const ratio = ratios[i] as number;
    const p = placed[i] as { right: boolean; lines: string[] };
    return {
      target: r.target,
      status: statusName(r.status),
      ratio: tidy(ratio),
      share: formatPercent(ratio, { decimals: 0 }),
      floor: r.observed?.floor === true,
      label: p.lines,
      lines: p.lines.length,
      observedText: r.observed ? r.observed.text : none,
      align: p.right ? 'left' : 'right',
      note: r.note ?? '',
      hasPoint: r.observed !== undefined,
    };
  });
  const statuses = (Object.keys(STATUS) as ScorecardStatus[]).filter((s) => rows.some((r) => r.status === s));
  const lines = Object.fromEntries(
    rows.flatMap((r) => {
      const wrapped = wrapText(r.target, labelWidth - 8, 11);
      return typeof wrapped === 'string' ? [] : [[r.target, wrapped]];
    }),
  );
  const y = {
    field: 'target',
    type: 'nominal',
    title: null,
    sort: rows.map((r) => r.target),
    axis: {
      labelLimit: 0,
      labelPadding: 8,
      domain: false,
      ticks: false,
      ...(Object.keys(lines).length > 0 ? { labelExpr: `(${JSON.stringify(lines)})[datum.label] || datum.label` } : {}),
    },
  };
  const x = {
    field: 'ratio',
    type: 'quantitative',
    title:
      locale === 'zh'
        ? '占目标的比例（虚线：100%，即达到目标）'
        : 'Share of the target (dashed line: 100%, the target)',
    scale: { domain: [0, tidy(top)], nice: false },
    axis: { format: '.0%', grid: true, tickCount: 6 },
  };
  const colour = {
    field: 'status',
    type: 'nominal',
    title: locale === 'zh' ? '状态' : 'Status',
    scale: { domain: statuses.map(statusName), range: statuses.map((s) => STATUS[s].colour) },
    legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'circle', symbolStrokeColor: '#000000' },
  };
  const tooltip = [
    { field: 'target', title: locale === 'zh' ? '目标' : 'Target' },
    { field: 'status', title: locale === 'zh' ? '状态' : 'Status' },
    { field: 'observedText', title: locale === 'zh' ? '观测值' : 'Observed' },
    { field: 'share', title: locale === 'zh' ? '占目标' : 'Share of target' },
    { field: 'note', title: locale === 'zh' ? '依据' : 'Why' },
  ];
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ?? (locale === 'zh' ? '规划目标完成情况' : 'How the plans did'),
        options.subtitle ??
          (locale === 'zh'
            ? '各目标同口径的最新观测值占目标的比例'
            : 'Latest observation on each target’s own definition, as a share of the target'),
        width,
      ),
      width: plotWidth,
      height,
      config: chartTheme(locale),
      data: { values: data },
      layer: [
        {
          name: 'targetLine',
          data: { values: [{ ratio: 1 }] },
          mark: { type: 'rule', color: '#B2182B', strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { x: { field: 'ratio', type: 'quantitative' } },
        },
        {
          name: 'observations',
          transform: [{ filter: 'datum.hasPoint' }],
          mark: { type: 'point', size: 130, strokeWidth: 2, opacity: 1 },
          encoding: {
            x,
            y,
            color: colour,
            fill: {
              condition: { test: 'datum.floor', value: '#ffffff' },
              field: 'status',
              type: 'nominal',
              title: colour.title,
              scale: { domain: statuses.map(statusName), range: statuses.map((s) => STATUS[s].colour) },
            },
            tooltip,
          },
        },
        ...[...new Set(data.map((d) => `${d.align} ${d.lines}`))].map((key) => {
          const [align, n] = key.split(' ') as ['left' | 'right', string];
          return {
            name: `observationLabels${align === 'left' ? 'Right' : 'Left'}${n}`,
            transform: [{ filter: `datum.align === '${align}' && datum.lines === ${n}` }],
            mark: {
              type: 'text',
              baseline: 'middle',
              fontSize: 11,
              lineHeight: LINE,
              color: '#222',
              align,
              dx: align === 'left' ? 10 : -10,
              dy: (-LINE * (Number(n) - 1)) / 2,
            },
            encoding: { x, y, text: { field: 'label' }, tooltip },
          };
        }),
      ],
    } as TopLevelSpec,
    options.source,
    plotWidth,
  );
}
