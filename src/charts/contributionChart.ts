import type { TopLevelSpec } from 'vega-lite';
import { argumentError } from '../internal/assert.js';
import type { ChartOptions, ContributionRow } from './inputs.js';
import { chartTheme, PALETTE } from './theme.js';
import { checkArray, checkOptions, checkStrings, checkUnique, checkYearRows } from './internal/check.js';
import { tidy, WORDS } from './internal/layers.js';
import { withSource } from './internal/footer.js';
import { fitTitle, legendFit } from './internal/wrap.js';

/** Data of {@link contributionChart}. */
export interface ContributionChartInput {
  /** Each sector's contribution to total growth per year, as fractions (0.012 is 1.2 percentage points). */
  readonly rows: readonly ContributionRow[];
  /**
   * Total growth per year as fractions. When absent it is the sum of the contributions (which is what
   * contributions to growth add up to); when given, it is drawn as given, so a residual shows.
   */
  readonly totals?: readonly { readonly year: number; readonly growth: number }[];
}

const pp = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(2)} pp`;

/**
 * Contributions to growth: diverging stacked bars per year in percentage points (positive contributions
 * stack up from zero, negative ones down) with total growth as a black line with points. Values are
 * converted from fractions to percentage points in the chart data.
 * @param input rows (required), totals
 * @param options unit is ignored for the axis (always percentage points) but required for consistency;
 *   locale, title, subtitle, width, height
 * @throws {MetricsError} invalid_argument for empty rows, two rows for one sector and year, or a total for a
 *   year without contributions; non_finite for NaN
 * @example
 * const spec = contributionChart({ rows: [{ sector: 'cloud', year: 2021, contribution: 0.05 }] }, { unit: 'fraction' });
 * spec.title; // => { text: 'Contributions to growth', subtitle: 'Percentage points of total growth; the line is total growth' }
 */
export function contributionChart(input: ContributionChartInput, options: ChartOptions): TopLevelSpec {
  const fn = 'contributionChart';
  const { locale, width, height } = checkOptions(fn, options);
  if (typeof input !== 'object' || input === null) checkArray(fn, 'input.rows', undefined);
  const { rows, totals } = input;
  checkYearRows(fn, 'rows', rows, ['contribution']);
  checkStrings(fn, 'rows', rows, ['sector']);
  checkUnique(
    fn,
    'rows',
    rows.map((r) => `${r.sector} in ${r.year}`),
    'sector and year',
  );
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  let totalRows: { year: number; growth: number }[];
  if (totals !== undefined) {
    checkYearRows(fn, 'totals', totals, ['growth']);
    checkUnique(
      fn,
      'totals',
      totals.map((t) => String(t.year)),
      'year',
    );
    for (const t of totals) {
      if (!years.includes(t.year)) {
        throw argumentError(
          'invalid_argument',
          `${fn}: totals has ${t.year}, a year with no contributions (got years ${years.join(', ')}). Give both for the same years.`,
          ['totals', totals.indexOf(t), 'year'],
          `a year with contributions (${years.join(', ')})`,
          t.year,
          { year: t.year },
        );
      }
    }
    totalRows = totals.map((t) => ({ year: t.year, growth: t.growth }));
  } else {
    totalRows = years.map((year) => ({
      year,
      growth: rows.filter((r) => r.year === year).reduce((a, r) => a + r.contribution, 0),
    }));
  }
  const w = WORDS[locale];
  const sectors = [...new Set(rows.map((r) => r.sector))];
  const data = rows.map((r) => ({
    sector: r.sector,
    year: String(r.year),
    order: sectors.indexOf(r.sector),
    pp: tidy(r.contribution * 100),
    ppText: pp(r.contribution),
  }));
  const lineData = totalRows.map((t) => ({
    year: String(t.year),
    pp: tidy(t.growth * 100),
    ppText: pp(t.growth),
    line: w.total,
  }));
  const x = { field: 'year', type: 'ordinal', title: w.year, sort: years.map(String), axis: { labelAngle: 0 } };
  const y = {
    field: 'pp',
    type: 'quantitative',
    title: w.contribution,
    axis: { labelExpr: "datum.value > 0 ? '+' + format(datum.value, ',.1~f') : format(datum.value, ',.1~f')" },
  };
  return withSource(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: fitTitle(
        options.title ?? (locale === 'zh' ? '对增长的贡献' : 'Contributions to growth'),
        options.subtitle ??
          (locale === 'zh'
            ? '占总增长的百分点；折线为总增长'
            : 'Percentage points of total growth; the line is total growth'),
        width,
      ),
      width,
      height,
      config: chartTheme(locale),
      layer: [
        {
          name: 'contributions',
          data: { values: data },
          mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.8 },
          encoding: {
            x,
            y: { ...y, stack: 'zero' },
            color: {
              field: 'sector',
              type: 'nominal',
              title: w.sector,
              sort: sectors,
              scale: { domain: sectors, range: sectors.map((_, i) => PALETTE[i % PALETTE.length] as string) },
              legend: { orient: 'bottom', direction: 'horizontal', ...legendFit(sectors, width) },
            },
            order: { field: 'order', type: 'quantitative' },
            tooltip: [
              { field: 'sector', title: w.sector },
              { field: 'year', title: w.year },
              { field: 'ppText', title: w.contribution },
            ],
          },
        },
        {
          name: 'zero',
          data: { values: [{ zero: 0 }] },
          mark: { type: 'rule', color: '#333333', strokeWidth: 1 },
          encoding: { y: { field: 'zero', type: 'quantitative' } },
        },
        {
          name: 'total',
          data: { values: lineData },
          mark: { type: 'line', color: '#000000', strokeWidth: 2 },
          encoding: {
            x,
            y,
            strokeDash: {
              field: 'line',
              type: 'nominal',
              title: ' ',
              scale: { domain: [w.total], range: [[1, 0]] },
              legend: null,
            },
            tooltip: [
              { field: 'year', title: w.year },
              { field: 'ppText', title: w.total },
            ],
          },
        },
        {
          name: 'totalPoints',
          data: { values: lineData },
          mark: { type: 'point', filled: true, color: '#000000', size: 40, opacity: 1 },
          encoding: {
            x,
            y,
            tooltip: [
              { field: 'year', title: w.year },
              { field: 'ppText', title: w.total },
            ],
          },
        },
      ],
    } as TopLevelSpec,
    options.source,
    width,
  );
}
