import type { TopLevelSpec } from 'vega-lite';
import { argumentError, optionNames, show } from '../internal/assert.js';
import type { ChartOptions, SectorRow } from './inputs.js';
import { axisFormat } from './internal/axisFormat.js';
import { axisTitle } from './internal/axisTitle.js';
import { chartTheme, PALETTE } from './theme.js';
import {
  CHART_OPTION_FIELDS,
  checkArray,
  checkOptions,
  checkStrings,
  checkUnique,
  checkYearRows,
} from './internal/check.js';
import { fmt, formatProbability, tidy, WORDS, yearRange } from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle, legendFit, wrapText } from './internal/wrap.js';

/** What {@link stackedAreaChart} draws: one value per sector and year. */
export interface StackedAreaChartInput {
  readonly rows: readonly SectorRow[];
}

/** Options of {@link stackedAreaChart}. */
export interface StackedAreaChartOptions extends ChartOptions {
  /** `level` (default) stacks the values; `share` stacks each sector's share of the yearly total (0-100%). */
  readonly mode?: 'level' | 'share';
}

const STACKED_AREA_OPTIONS = optionNames<StackedAreaChartOptions>({ ...CHART_OPTION_FIELDS, mode: true });

/**
 * Sectors stacked over time, as levels or as shares of the total. Sectors stack in the order they first
 * appear in `rows` (first at the bottom) and are labelled directly at the right end of their band, so
 * the chart reads without colour; white edges separate the bands.
 * @param input `rows`: one value per sector and year; every sector must have every year, values >= 0
 * @param options unit (required), mode, locale, title, subtitle, measure, width, height
 * @throws {MetricsError} invalid_argument for empty rows, a negative value, two values for one sector
 *   and year, a sector missing a year, or (shares) a year whose total is 0
 * @example
 * const spec = stackedAreaChart({ rows: [{ sector: 'a', year: 2020, value: 1 }, { sector: 'b', year: 2020, value: 3 }] }, { unit: 'CNY trillion', mode: 'share' });
 * spec.title; // => { text: 'Shares by sector', subtitle: 'Share of the yearly total' }
 */
export function stackedAreaChart(input: StackedAreaChartInput, options: StackedAreaChartOptions): TopLevelSpec {
  const fn = 'stackedAreaChart';
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.rows', undefined);
  const { rows } = input;
  const { unit, locale, width, height } = checkOptions(fn, options, STACKED_AREA_OPTIONS);
  const mode = options.mode ?? 'level';
  if (mode !== 'level' && mode !== 'share') {
    throw argumentError(
      'invalid_argument',
      `${fn}: options.mode must be "level" or "share" (got ${show(mode)}).`,
      'options.mode',
      '"level" or "share"',
      mode,
    );
  }
  checkYearRows(fn, 'rows', rows, ['value']);
  checkStrings(fn, 'rows', rows, ['sector']);
  checkUnique(
    fn,
    'rows',
    rows.map((r) => `${r.sector} in ${r.year}`),
    'sector and year',
  );
  rows.forEach((r, i) => {
    if (r.value < 0) {
      throw argumentError(
        'invalid_argument',
        `${fn}: rows[${i}].value is negative (got ${r.value}). Stacked areas need levels >= 0; use contributionChart for changes.`,
        `rows[${i}].value`,
        '>= 0',
        r.value,
        { index: i },
      );
    }
  });
  const sectors = [...new Set(rows.map((r) => r.sector))];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const byKey = new Map(rows.map((r) => [`${r.sector}|${r.year}`, r.value]));
  for (const s of sectors)
    for (const yr of years) {
      if (!byKey.has(`${s}|${yr}`)) {
        throw argumentError(
          'invalid_argument',
          `${fn}: sector ${JSON.stringify(s)} has no value for ${yr} (got none). Give every sector every year (0 when it is absent).`,
          'rows',
          `a row for sector ${JSON.stringify(s)} in ${yr}`,
          undefined,
          { sector: s, year: yr },
        );
      }
    }
  const totals = new Map(
    years.map((yr) => [yr, sectors.reduce((acc, s) => acc + (byKey.get(`${s}|${yr}`) as number), 0)]),
  );
  if (mode === 'share') {
    for (const [yr, t] of totals) {
      if (t <= 0)
        throw argumentError(
          'invalid_argument',
          `${fn}: the total of ${yr} is 0 (got 0), so shares are undefined. Drop that year.`,
          'rows',
          `a total > 0 in ${yr}`,
          t,
          { year: yr },
        );
    }
  }
  const w = WORDS[locale];
  const data = rows.map((r) => {
    const share = r.value / (totals.get(r.year) as number) || 0;
    return {
      sector: r.sector,
      year: r.year,
      order: sectors.indexOf(r.sector),
      value: tidy(mode === 'share' ? share : r.value),
      valueText: fmt(r.value, unit, locale),
      shareText: formatProbability(share),
    };
  });
  // Direct labels: the middle of each band in the last year.
  const last = years[years.length - 1] as number;
  let cumulative = 0;
  const labels = sectors
    .map((s) => {
      const v = byKey.get(`${s}|${last}`) as number;
      const size = mode === 'share' ? v / (totals.get(last) as number) : v;
      const mid = cumulative + size / 2;
      cumulative += size;
      return { sector: s, lines: wrapText(s, 150, 11), year: last, mid: tidy(mid), size };
    })
    .filter((l) => l.size > 0);
  const [minYear, maxYear] = yearRange(rows);
  const x = {
    field: 'year',
    type: 'quantitative',
    title: w.year,
    scale: { domain: [minYear, maxYear], nice: false, zero: false },
    axis: { format: 'd', tickMinStep: 1, grid: false, labelOverlap: true },
  };
  const yTitle =
    mode === 'share'
      ? locale === 'zh'
        ? '占总量比重（%）'
        : 'Share of total (%)'
      : axisTitle(options.measure, unit, locale);
  const yFormat = mode === 'share' ? '.0%' : axisFormat(unit);
  const colour = { domain: sectors, range: sectors.map((_, i) => PALETTE[i % PALETTE.length] as string) };
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ??
          (mode === 'share'
            ? locale === 'zh'
              ? '各部门占比'
              : 'Shares by sector'
            : locale === 'zh'
              ? '各部门规模'
              : 'Levels by sector'),
        options.subtitle ??
          (mode === 'share'
            ? locale === 'zh'
              ? '占年度总量的比重'
              : 'Share of the yearly total'
            : locale === 'zh'
              ? `单位：${axisTitle(undefined, unit, locale)}`
              : `Values in ${axisTitle(undefined, unit, locale)}`),
        width,
      ),
      width,
      height,
      config: chartTheme(locale),
      layer: [
        {
          name: 'areas',
          data: { values: data },
          mark: { type: 'area', stroke: '#ffffff', strokeWidth: 1, opacity: 0.9 },
          encoding: {
            x,
            y: {
              field: 'value',
              type: 'quantitative',
              stack: 'zero',
              title: yTitle,
              axis: { format: yFormat },
              ...(mode === 'share' ? { scale: { domain: [0, 1] } } : {}),
            },
            color: {
              field: 'sector',
              type: 'nominal',
              title: w.sector,
              scale: colour,
              sort: sectors,
              legend: { orient: 'bottom', direction: 'horizontal', ...legendFit(sectors, width) },
            },
            order: { field: 'order', type: 'quantitative' },
            tooltip: [
              { field: 'sector', title: w.sector },
              { field: 'year', title: w.year },
              { field: 'valueText', title: w.value },
              { field: 'shareText', title: w.share },
            ],
          },
        },
        {
          name: 'sectorLabels',
          data: { values: labels },
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: '#111' },
          encoding: { x, y: { field: 'mid', type: 'quantitative' }, text: { field: 'lines' } },
        },
      ],
    } as TopLevelSpec,
    options.source,
    width,
  );
}
