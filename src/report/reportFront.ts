import type { ModelDefinition } from '../spec/types.js';
import type { ReportTable } from '../render/table.js';
import type { Fact } from '../targets/fact.js';
import { checkModels, checkOutcomes, type PlanOutcome } from './plansSection.js';
import { REPORT_WORDS } from '../model/reportWords.js';
import { checkLocale, type Locale } from '../series/locale.js';

/** The industry a model is about: its title up to the first comma, " by " or parenthesis (in Chinese, up to 产业). */
function industryOf(m: ModelDefinition, locale: Locale): string {
  if (locale === 'zh') {
    const t = m.zh?.title ?? m.id;
    const i = t.indexOf('产业');
    return i >= 0 ? t.slice(0, i + 2) : t;
  }
  return (m.title.split(/,| by | \(/)[0] ?? m.title).trim();
}

/**
 * The report's title from its models: the industries they are about, then what the report does
 * (`Big data industry and cybersecurity industry: plans, outcomes and scenarios`).
 * @example
 * reportTitle([loadModel('big-data-14th-fyp'), loadModel('cybersecurity-2021-2023')]); // => 'Big data industry and cybersecurity industry: plans, outcomes and scenarios'
 */
export function reportTitle(models: readonly ModelDefinition[], locale: Locale = 'en'): string {
  checkModels('reportTitle', models);
  checkLocale('reportTitle', locale);
  const names = [...new Set(models.map((m) => industryOf(m, locale)))];
  if (locale === 'zh') return `${names.join('、')}：${REPORT_WORDS.zh.reportTitle}`;
  const list =
    names.length <= 1
      ? (names[0] ?? 'Industries')
      : `${names.slice(0, -1).join(', ')} and ${(names[names.length - 1] as string).replace(/^./, (c) => c.toLowerCase())}`;
  return `${list}: ${REPORT_WORDS.en.reportTitle.toLowerCase()}`;
}

/**
 * Every source the report rests on, as one table: each plan fact of the models (publisher, document, date,
 * section, address and the verbatim quote) and each published figure the scorecard used (publisher, title,
 * date, address and our statement of it).
 */
export function sourcesTable(
  models: readonly ModelDefinition[],
  outcomes: readonly PlanOutcome[],
  locale: Locale = 'en',
): ReportTable {
  checkModels('sourcesTable', models);
  checkOutcomes('sourcesTable', outcomes);
  checkLocale('sourcesTable', locale);
  const zh = locale === 'zh';
  const facts = new Map<string, Fact>();
  for (const m of models) for (const f of [...m.targets, ...m.related]) facts.set(f.id, f);
  const observations = new Map(
    outcomes.flatMap((o) => [o.observation, o.rateObservation]).flatMap((o) => (o ? [[o.id, o] as const] : [])),
  );
  return {
    title: zh ? '本报告所依据的全部来源' : 'Every source this report rests on',
    columns: zh
      ? ['类别', '发布者', '文件或标题', '发布日期', '位置', '网址', '原文或转述']
      : [
          'Kind',
          'Publisher',
          'Document or title',
          'Published',
          'Where in it',
          'Address',
          'Quote (verbatim) or statement (our words)',
        ],
    rows: [
      ...[...facts.values()].map((f) => [
        zh ? '规划文件' : 'plan document',
        f.provenance.publisher,
        f.provenance.document,
        f.provenance.published ?? '',
        f.provenance.section,
        f.provenance.url ?? '',
        f.provenance.quote,
      ]),
      ...[...observations.values()].map((o) => [
        zh ? '已公布数据' : 'published figure',
        o.source.publisher,
        o.source.title,
        o.source.published,
        '',
        o.source.url,
        o.statement,
      ]),
    ],
  };
}
