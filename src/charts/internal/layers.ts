// Layers shared by several builders: plan periods, target markers, reported actuals, attainment text.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity, type Unit, formatPercent } from '../../series/units.js';
import type { Comparator } from '../../targets/fact.js';
import type { ActualPoint, Attainment, PlanPeriod, TargetMarker } from '../inputs.js';
import { COMPARATOR_SHAPE, COMPARATOR_TEXT } from '../theme.js';
import type { Locale } from '../../series/locale.js';

/** One layer of a layered spec. */
export type Layer = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];
/** A field encoding as vega-lite takes it. */
export type Enc = Record<string, unknown>;

/** Fixed words of charts, per locale. */
export const WORDS = {
  en: {
    year: 'Year',
    scenario: 'Scenario',
    marker: 'Targets and observations',
    targets: 'Plan targets',
    observations: 'Observations',
    actual: 'Observed',
    actualBound: 'Observed: more than (a floor)',
    median: 'Median',
    interval: 'Interval',
    source: 'Source',
    quote: 'Quote',
    value: 'Value',
    target: 'Target',
    series: 'Series',
    sector: 'Sector',
    share: 'Share',
    total: 'Total growth',
    method: 'Method',
    history: 'History',
    period: 'Plan period',
    contribution: 'Contribution to growth (percentage points)',
    probability: 'Probability',
    parameter: 'Parameter',
    cumulative: 'Cumulative probability',
    frequency: 'Share of runs',
    outcome: 'Outcome',
    base: 'Base',
    centre: 'Centre',
    start: 'Start',
  },
  zh: {
    year: '年份',
    scenario: '情景',
    marker: '目标与观测值',
    targets: '规划目标',
    observations: '观测值',
    actual: '观测值',
    actualBound: '观测值：超过（下限）',
    median: '中位数',
    interval: '区间',
    source: '来源',
    quote: '原文',
    value: '数值',
    target: '目标',
    series: '系列',
    sector: '部门',
    share: '占比',
    total: '总增长',
    method: '方法',
    history: '历史',
    period: '规划期',
    contribution: '对增长的贡献（百分点）',
    probability: '概率',
    parameter: '参数',
    cumulative: '累积概率',
    frequency: '模拟占比',
    outcome: '结果',
    base: '基准',
    centre: '中心',
    start: '起点',
  },
} as const;

const COMPARATOR_WORD: Readonly<Record<Locale, Readonly<Record<Comparator, string>>>> = {
  en: { exceeds: 'exceeds', atLeast: 'at least', about: 'about', atMost: 'at most', below: 'below', equals: 'equals' },
  zh: { exceeds: '超过', atLeast: '不低于', about: '约为', atMost: '不超过', below: '低于', equals: '达到' },
};

/** A quantity for people (`RMB 3.05 trillion`, `3.05万亿元`). */
export function fmt(value: number, unit: Unit, locale: Locale): string {
  return formatQuantity({ value, unit }, { locale });
}

/** A probability as a percentage that never rounds a non-certain event to 0% or 100%. */
export function formatProbability(p: number): string {
  const pct = p * 100;
  if (p > 0 && pct < 0.1) return '<0.1%';
  if (p < 1 && pct > 99.9) return '>99.9%';
  if ((p > 0 && pct < 0.5) || (p < 1 && pct >= 99.5)) return formatPercent(p, { decimals: 1, fixed: true });
  return formatPercent(p, { decimals: 0 });
}

/** `P(exceeds RMB 3 trillion in 2025) = 62%`, or `P（2025年超过3万亿元）= 62%`. */
export function attainmentText(a: Attainment, unit: Unit, locale: Locale): string {
  const t = a.target;
  const word = COMPARATOR_WORD[locale][t.comparator];
  const q = fmt(t.value, unit, locale);
  return locale === 'zh'
    ? `P（${t.year}年${word}${q}）= ${formatProbability(a.probability)}`
    : `P(${word} ${q} in ${t.year}) = ${formatProbability(a.probability)}`;
}

/** The year axis: quantitative, whole years, half a year of room on each side. */
export function yearX(minYear: number, maxYear: number, locale: Locale, field = 'year'): Enc {
  return {
    field,
    type: 'quantitative',
    title: WORDS[locale].year,
    scale: { domain: [minYear - 0.5, maxYear + 0.5], nice: false, zero: false },
    axis: { format: 'd', tickMinStep: 1, grid: false, labelOverlap: true },
  };
}

/** Shaded plan periods (clipped to the chart's years) with their labels at the top. */
export function periodLayers(
  periods: readonly PlanPeriod[] | undefined,
  minYear: number,
  maxYear: number,
  locale: Locale,
): Layer[] {
  if (!periods || periods.length === 0) return [];
  const rows = periods
    .filter((p) => p.toYear >= minYear && p.fromYear <= maxYear)
    .map((p, i) => {
      const x = Math.max(p.fromYear, minYear) - 0.5;
      const x2 = Math.min(p.toYear, maxYear) + 0.5;
      return {
        period: p.label,
        span: `${p.fromYear}–${p.toYear}`,
        x,
        x2,
        mid: (x + x2) / 2,
        shade: i % 2 === 0 ? 0.13 : 0.07,
      };
    });
  if (rows.length === 0) return [];
  const x = yearX(minYear, maxYear, locale, 'x');
  return [
    {
      name: 'periods',
      data: { values: rows },
      mark: { type: 'rect', color: '#808080' },
      encoding: {
        x,
        x2: { field: 'x2' },
        opacity: { field: 'shade', type: 'quantitative', scale: null, legend: null },
        tooltip: [
          { field: 'period', title: WORDS[locale].period },
          { field: 'span', title: WORDS[locale].year },
        ],
      },
    } as Layer,
    {
      name: 'periodLabels',
      data: { values: rows },
      mark: { type: 'text', baseline: 'top', align: 'center', dy: 4, fontSize: 10, color: '#333', fontStyle: 'italic' },
      encoding: { x: { ...x, field: 'mid' }, y: { value: 0 }, text: { field: 'period' } },
    } as Layer,
  ];
}

/** Fill of target markers (dark red, black outline) and of reported actuals (black). */
export const TARGET_COLOR = '#B2182B';
export const ACTUAL_COLOR = '#000000';
/** Shape and fill scales shared by the actual and target layers. */
export interface MarkerScale {
  domain: string[];
  range: string[];
  fill: string[];
  /** The legend's title, naming what is drawn. */
  title: string;
}

/** True when an observation only bounds the value from below ("more than X"): drawn as an open circle. */
export const isFloor = (a: ActualPoint): boolean => a.comparator === 'exceeds' || a.comparator === 'atLeast';

/**
 * Shape scale shared by actuals and targets: one legend that explains every marker, titled for what is
 * drawn ("Plan targets", "Observations", or "Targets and observations" when both are).
 */
export function markerScale(
  targets: readonly TargetMarker[] | undefined,
  actuals: readonly ActualPoint[] | undefined,
  locale: Locale,
): MarkerScale {
  const w = WORDS[locale];
  const domain: string[] = [];
  const range: string[] = [];
  const fill: string[] = [];
  if (actuals?.some((a) => !isFloor(a))) {
    domain.push(w.actual);
    range.push('circle');
    fill.push(ACTUAL_COLOR);
  }
  if (actuals?.some(isFloor)) {
    domain.push(w.actualBound);
    range.push('circle');
    fill.push('#ffffff');
  }
  const order: readonly Comparator[] = ['exceeds', 'atLeast', 'about', 'equals', 'atMost', 'below'];
  for (const c of order) {
    if (targets?.some((t) => t.comparator === c)) {
      domain.push(COMPARATOR_TEXT[locale][c]);
      range.push(COMPARATOR_SHAPE[c]);
      fill.push(TARGET_COLOR);
    }
  }
  const hasTargets = (targets?.length ?? 0) > 0;
  const hasActuals = (actuals?.length ?? 0) > 0;
  const title = hasTargets && hasActuals ? w.marker : hasActuals ? w.observations : w.targets;
  return { domain, range, fill, title };
}

function markerEncoding(scale: MarkerScale): Enc {
  const title = scale.title;
  return {
    shape: {
      field: 'marker',
      type: 'nominal',
      title,
      scale: { domain: scale.domain, range: scale.range },
      legend: { orient: 'bottom', direction: 'horizontal', symbolStrokeWidth: 1.2 },
    },
    fill: { field: 'marker', type: 'nominal', title, scale: { domain: scale.domain, range: scale.fill } },
    // A black outline on every marker, in the plot and in the legend (an open circle needs one to be seen).
    stroke: {
      field: 'marker',
      type: 'nominal',
      title,
      scale: { domain: scale.domain, range: scale.domain.map(() => '#000000') },
    },
  };
}

/** How far right of its year a target marker sits, in px, so the end of a line and the marker both read. */
export const TARGET_OFFSET = 13;

/**
 * Target markers: shape by comparator, a tooltip that quotes the source. Each marker sits
 * {@link TARGET_OFFSET} px right of its year, joined to the year by a short dark-red leader at the target
 * value, so a line ending on the target stays visible and the marker does too.
 */
export function targetLayer(
  targets: readonly TargetMarker[] | undefined,
  unit: Unit,
  locale: Locale,
  x: Enc,
  y: Enc,
  shapeScale: MarkerScale,
): Layer[] {
  if (!targets || targets.length === 0) return [];
  const w = WORDS[locale];
  const rows = targets.map((t) => ({
    year: t.year,
    value: tidy(t.value),
    label: t.label,
    marker: COMPARATOR_TEXT[locale][t.comparator],
    valueText: fmt(t.value, unit, locale),
    document: t.source.document,
    quote: t.source.quote,
  }));
  return [
    {
      name: 'targetLeaders',
      data: { values: rows },
      mark: { type: 'rule', color: TARGET_COLOR, strokeWidth: 1.5, x2Offset: TARGET_OFFSET },
      encoding: { x, x2: { field: 'year' }, y },
    } as Layer,
    {
      name: 'targets',
      data: { values: rows },
      mark: {
        type: 'point',
        filled: true,
        size: 150,
        stroke: '#000000',
        strokeWidth: 1,
        opacity: 1,
        xOffset: TARGET_OFFSET,
      },
      encoding: {
        x,
        y,
        ...markerEncoding(shapeScale),
        tooltip: [
          { field: 'label', title: w.target },
          { field: 'valueText', title: w.value },
          { field: 'marker', title: ' ' },
          { field: 'document', title: w.source },
          { field: 'quote', title: w.quote },
        ],
      },
    } as Layer,
  ];
}

/**
 * Observations as circles: filled black for a stated level, open (white with a black ring) for a floor
 * ("more than X"), each with its tooltip.
 */
export function actualLayer(
  actuals: readonly ActualPoint[] | undefined,
  unit: Unit,
  locale: Locale,
  x: Enc,
  y: Enc,
  shapeScale: MarkerScale,
): Layer[] {
  if (!actuals || actuals.length === 0) return [];
  const w = WORDS[locale];
  const rows = actuals.map((a) => ({
    year: a.year,
    value: tidy(a.value),
    valueText: `${isFloor(a) ? (locale === 'zh' ? '超过' : 'more than ') : ''}${fmt(a.value, unit, locale)}`,
    marker: isFloor(a) ? w.actualBound : w.actual,
    label: a.label ?? '',
  }));
  return [
    {
      name: 'actuals',
      data: { values: rows },
      mark: { type: 'point', filled: true, size: 60, opacity: 1, stroke: '#000000', strokeWidth: 1.5 },
      encoding: {
        x,
        y,
        ...markerEncoding(shapeScale),
        tooltip: [
          { field: 'year', title: w.year },
          { field: 'valueText', title: w.actual },
          { field: 'label', title: w.source },
        ],
      },
    } as Layer,
  ];
}

/** The smallest and largest year over several lists of rows. */
export function yearRange(...lists: (readonly { year: number }[] | undefined)[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const list of lists)
    for (const r of list ?? []) {
      if (r.year < min) min = r.year;
      if (r.year > max) max = r.year;
    }
  return [min, max];
}

/** Rounds chart data to 10 significant digits so floating noise does not reach the spec. */
export function tidy(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(10));
}
