import { formatQuantities } from '../charts/formatQuantities.js';
import type { IndustryComparison } from '../decompose/compareIndustries.js';
import type { ReportColumn, ReportSection } from '../render/reportHtml.js';
import { parseUnit } from '../series/units.js';
import type { Fact } from '../targets/fact.js';
import { type Locale, REPORT_WORDS, unitText, yearSpan } from './words.js';

/** Names of the industries the seed documents give money figures for, by metric. */
const INDUSTRY_NAMES: Readonly<Record<string, { en: string; zh: string }>> = {
  'big-data.revenue': { en: 'Big data industry', zh: '大数据产业' },
  'cybersecurity.revenue': { en: 'Cybersecurity industry', zh: '网络安全产业' },
  'software.revenue': { en: 'Software and IT services', zh: '软件和信息技术服务业' },
  'information-industry.revenue': { en: 'Information industry', zh: '信息产业' },
};

/** An industry's name in the locale; an unknown metric is shown as the metric the user's facts name. */
function industryName(metric: string, locale: Locale): string {
  return INDUSTRY_NAMES[metric]?.[locale] ?? metric;
}

const WORDING: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    exceeds: 'more than',
    atLeast: 'at least',
    about: 'about',
    atMost: 'at most',
    below: 'less than',
    equals: 'stated',
  },
  zh: { exceeds: '超过', atLeast: '不低于', about: '约', atMost: '不超过', below: '低于', equals: '确数' },
};
const KIND: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { target: 'plan target', actual: 'reported', estimate: 'estimate', claim: 'claim' },
  zh: { target: '规划目标', actual: '实际值', estimate: '估计值', claim: '说法' },
};

/** Options of {@link industriesSection}. */
export interface IndustriesSectionOptions {
  /** `en` (default) or `zh`. */
  readonly locale?: Locale;
  /** The facts the comparison was made from, to name each level's sources (publisher and year) instead of ids. */
  readonly facts?: readonly Fact[];
}

/**
 * The sourced industries side by side (big data, cybersecurity, software and IT services, the
 * information industry): every level in one unit (named in the column header, one precision per column),
 * the wording of each figure (more than, about), levels derived from a stated rate marked as such, implied
 * growth next to stated growth, and who published each number.
 * @example
 * industriesSection(compareIndustries(loadSeeds())).tables?.[0]?.columns.length; // => 7
 */
export function industriesSection(c: IndustryComparison, options: IndustriesSectionOptions = {}): ReportSection {
  const locale = options.locale ?? 'en';
  const w = REPORT_WORDS[locale];
  const zh = locale === 'zh';
  const unit = parseUnit(c.unit);
  const uText = unitText(unit, locale);
  const byId = new Map((options.facts ?? []).map((f) => [f.id, f] as const));
  const sources = (ids: readonly string[]): string =>
    [
      ...new Set(
        ids.map((id) => {
          const f = byId.get(id);
          return f
            ? `${f.provenance.publisher}${f.provenance.published ? ` (${f.provenance.published.slice(0, 4)})` : ''}`
            : id;
        }),
      ),
    ].join(zh ? '；' : '; ');
  const values = c.levels.map((l) => l.value);
  // Three significant figures for the smallest level; every level then gets as many decimals.
  const smallest = Math.min(...values.filter((v) => v !== 0).map(Math.abs));
  const decimals = Number.isFinite(smallest) ? Math.min(3, Math.max(0, 2 - Math.floor(Math.log10(smallest)))) : 0;
  const levelColumn: ReportColumn = { name: w.level, unit: uText, decimals };
  return {
    heading: zh ? '有出处的各产业对照' : 'Sourced industries side by side',
    text: zh
      ? `文件中的每个金额数据，统一为${uText}。标为“由所述增速推算”的规模并非文件所述，而是由所述规模和增速推算。增长率为规模之间隐含的年均增长率，与文件对同一时期所述增速并列。`
      : `Every money figure in the documents, in ${uText}. Levels marked as derived are not stated by any document: they follow from a stated level and a stated rate. Growth rates are the yearly rates the levels imply, next to the rate a document states for the same years.`,
    charts: [],
    tables: [
      {
        title: zh ? '各产业的规模' : 'Industry levels',
        columns: [w.industry, w.year, levelColumn, zh ? '措辞' : 'Wording', w.kind, w.derived, w.sources],
        rows: c.levels.map((l) => [
          industryName(l.industry, locale),
          l.year,
          l.value,
          WORDING[locale][l.comparator] ?? l.comparator,
          KIND[locale][l.kind] ?? l.kind,
          l.derived ? w.yes : '',
          sources(l.factIds),
        ]),
      },
      {
        title: zh ? '隐含增长率与所述增长率' : 'Implied and stated growth',
        columns: [
          w.industry,
          w.years,
          { name: w.impliedCagr, unit: '%', format: 'percent', decimals: 1 },
          { name: w.statedCagr, unit: '%', format: 'percent', decimals: 1 },
          w.statedBy,
        ],
        rows: c.growth.map((g) => [
          industryName(g.industry, locale),
          yearSpan(g.fromYear, g.toYear, locale),
          g.impliedCagr,
          g.statedCagr ?? null,
          g.statedFactId !== undefined ? sources([g.statedFactId]) : '',
        ]),
      },
    ],
  };
}

/** The comparison for the terminal: one line per industry and year. */
export function industriesSummary(c: IndustryComparison, locale: Locale = 'en'): string {
  const zh = locale === 'zh';
  const unit = parseUnit(c.unit);
  // One scale and precision per industry: its levels read alike, and a small industry keeps its digits.
  const levels = c.levels.map((l) => {
    const same = c.levels.filter((x) => x.industry === l.industry);
    return formatQuantities(
      same.map((x) => x.value),
      unit,
      { locale },
    )[same.indexOf(l)] as string;
  });
  const lines = [zh ? '有出处的各产业对照' : 'Sourced industries side by side'];
  c.levels.forEach((l, i) => {
    const name = industryName(l.industry, locale);
    const wording = l.comparator === 'equals' ? '' : `${WORDING[locale][l.comparator]}${zh ? '' : ' '}`;
    lines.push(
      zh
        ? `  ${name}  ${l.year}年  ${wording}${levels[i]}${l.derived ? '（由所述增速推算）' : ''}`
        : `  ${name.padEnd(30)} ${l.year}  ${wording}${levels[i]}${l.derived ? '  (derived from a stated rate)' : ''}`,
    );
  });
  for (const g of c.growth) {
    const rates = formatQuantities([g.impliedCagr, g.statedCagr ?? g.impliedCagr], 'fraction', { locale, digits: 3 });
    lines.push(
      zh
        ? `  ${industryName(g.industry, locale)}  ${yearSpan(g.fromYear, g.toYear, locale)}  年均${rates[0]}${g.statedCagr !== undefined ? `（文件所述：${rates[1]}）` : ''}`
        : `  ${industryName(g.industry, locale).padEnd(30)} ${yearSpan(g.fromYear, g.toYear, locale)}  ${rates[0]} a year${g.statedCagr !== undefined ? ` (stated: ${rates[1]})` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
