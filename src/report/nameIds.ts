import type { ObservationSet } from '../observations/types.js';
import type { Fact } from '../targets/fact.js';
import type { Locale } from '../series/locale.js';
import type { Report } from './reportHtml.js';

/** Short names of the seed documents (by their id in the collection); any other document is named by its title. */
const DOCUMENTS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  '000': { en: 'the news report on the 14th plan', zh: '“十四五”规划的新闻报道' },
  '001': { en: 'the 13th plan', zh: '“十三五”大数据规划' },
  '002': { en: 'the China Data Governance commentary', zh: '中国数据治理评论' },
  '003': { en: 'the 14th plan', zh: '“十四五”大数据规划' },
  '004': { en: 'the cybersecurity draft plan', zh: '网络安全产业三年行动计划（征求意见稿）' },
};

const KIND: Readonly<Record<Locale, Readonly<Record<Fact['kind'], string>>>> = {
  en: { target: 'target', actual: 'figure', estimate: 'estimate', claim: 'claim' },
  zh: { target: '目标', actual: '实际值', estimate: '估计值', claim: '说法' },
};

/** Words for the parts of a metric id (`big-data.revenue.cagr`: big data revenue growth). */
const METRIC_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    'big-data': 'big data',
    'big-data-core': 'core big data',
    cybersecurity: 'cybersecurity',
    'information-industry': 'information industry',
    software: 'software and IT services',
    revenue: 'revenue',
    cagr: 'growth',
    fx: 'exchange rate',
    'cny-per-usd': 'CNY per USD',
  },
  zh: {
    'big-data': '大数据产业',
    'big-data-core': '核心大数据产业',
    cybersecurity: '网络安全产业',
    'information-industry': '信息产业',
    software: '软件和信息技术服务业',
    revenue: '收入',
    cagr: '增速',
    fx: '汇率',
    'cny-per-usd': '人民币兑美元',
  },
};

/** A metric id in words: `big-data.revenue` -> `big data revenue` (大数据产业收入). */
function metricName(metric: string, locale: Locale): string {
  const parts = metric.split('.').map((p) => METRIC_WORDS[locale][p] ?? p.replace(/-/g, ' '));
  return parts.join(locale === 'zh' ? '' : ' ');
}

function documentName(f: Fact, locale: Locale): string {
  const id = f.provenance.documentId;
  return (id !== undefined ? DOCUMENTS[id]?.[locale] : undefined) ?? f.provenance.document;
}

/**
 * A fact's short name for prose and tables: the document, the year (or period), what is measured and the
 * kind of statement: `the 13th plan's 2020 big data revenue target`. The figure itself is not repeated
 * (the texts that name a fact give its figure beside it).
 * @example
 * factName(factById(loadSeeds(), 'bd13.revenue-2020'), 'en'); // => "the 13th plan's 2020 big data revenue target"
 */
export function factName(f: Fact, locale: Locale = 'en'): string {
  const period = f.fromYear !== undefined ? `${f.fromYear}-${f.year}` : `${f.year}`;
  const what = metricName(f.metric, locale);
  // A figure restated in another currency (the newspaper's dollars beside the plan's yuan) is told apart by it.
  const currency = f.unit.kind === 'money' && f.unit.currency !== 'CNY' ? f.unit.currency : undefined;
  if (locale === 'zh')
    return `${documentName(f, 'zh')}${period}年${what}${KIND.zh[f.kind]}${currency ? `（${currency === 'USD' ? '美元' : currency}）` : ''}`;
  return `${documentName(f, 'en')}'s ${period} ${what} ${KIND.en[f.kind]}${currency ? ` in ${currency}` : ''}`;
}

/**
 * The names that stand for ids in a report's text: each fact id, observation id, metric id and seed
 * document number (as `document 001`) mapped to its name in the locale. Ids stay in the JSON outputs.
 * @example
 * idNames(loadSeeds(), loadObservations(), 'en').get('big-data.revenue'); // => 'big data revenue'
 */
export function idNames(facts: readonly Fact[], set?: ObservationSet, locale: Locale = 'en'): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of facts) {
    names.set(f.id, factName(f, locale));
    if (!names.has(f.metric)) names.set(f.metric, metricName(f.metric, locale));
  }
  for (const o of set?.observations ?? []) {
    const d = set?.definitions.find((x) => x.id === o.definition);
    const what = d ? metricName(d.metric, locale) : o.definition;
    names.set(o.id, locale === 'zh' ? `${o.year}年${what}观测值` : `the ${o.year} ${what} observation`);
    if (d && !names.has(d.metric)) names.set(d.metric, metricName(d.metric, locale));
  }
  return names;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with every id of `names` replaced by its name, and seed document numbers ("documents 001 and
 * 003") by the documents' names. An id is replaced only as a whole word (`bd14.revenue-2020` not inside
 * `bd14.revenue-2020x`); the longest id wins.
 * @example
 * nameIds('more than RMB 1 trillion (x.a)', new Map([['x.a', 'the plan target']])); // => 'more than RMB 1 trillion (the plan target)'
 */
export function nameIds(text: string, names: ReadonlyMap<string, string>, locale: Locale = 'en'): string {
  if (names.size === 0) return text;
  const ids = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(`(?<![\\w.-])(${ids.join('|')})(?![\\w-]|\\.\\w)`, 'g');
  const doc = (n: string): string => DOCUMENTS[n]?.[locale] ?? `document ${n}`;
  return text
    .replace(re, (id) => names.get(id) ?? id)
    .replace(/\b(?:documents|document) (\d{3})(?: and (\d{3}))?/g, (_m, a: string, b?: string) =>
      b === undefined ? doc(a) : locale === 'zh' ? `${doc(a)}与${doc(b)}` : `${doc(a)} and ${doc(b)}`,
    )
    .replace(/(?:文件|文档) ?(\d{3})(?: ?(?:和|与) ?(\d{3}))?/g, (_m, a: string, b?: string) =>
      b === undefined ? doc(a) : `${doc(a)}与${doc(b)}`,
    );
}

/**
 * The report with ids named in its prose, table cells, key figures and chart and table titles (see
 * {@link nameIds}); charts' specs and numbers are left as they are.
 * @example
 * nameReport({ title: 'T', sections: [{ heading: 'x.a', charts: [] }] }, new Map([['x.a', 'A']])).sections[0]?.heading; // => 'A'
 */
export function nameReport(report: Report, names: ReadonlyMap<string, string>): Report {
  const locale = report.locale ?? 'en';
  const n = (s: string): string => nameIds(s, names, locale);
  return {
    ...report,
    ...(report.keyFigures
      ? {
          keyFigures: report.keyFigures.map((k) => ({
            label: n(k.label),
            value: n(k.value),
            ...(k.note !== undefined ? { note: n(k.note) } : {}),
          })),
        }
      : {}),
    sections: report.sections.map((s) => ({
      ...s,
      heading: n(s.heading),
      ...(s.text !== undefined ? { text: n(s.text) } : {}),
      charts: s.charts.map((c) => ({ ...c, title: n(c.title) })),
      ...(s.tables
        ? {
            tables: s.tables.map((t) => ({
              ...t,
              ...(t.title !== undefined ? { title: n(t.title) } : {}),
              rows: t.rows.map((r) => r.map((v) => (typeof v === 'string' ? n(v) : v))),
            })),
          }
        : {}),
    })),
  };
}
