// Issue 16: the report's tables and prose name facts, observations, metrics and documents; their ids stay in
// the JSON outputs only. The report is built as the CLI builds it (src/cli/reportCommand.ts) in both locales.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../src/io/loadSeeds.js';
import { loadModel } from '../../src/model/loadModel.js';
import { type ModelReport, modelReport } from '../../src/model/modelReport.js';
import { loadObservations } from '../../src/observations/loadObservations.js';
import { industriesSection, industriesSummary } from '../../src/report/industriesSection.js';
import { factName, idNames, nameIds, nameReport } from '../../src/report/nameIds.js';
import { modelSection, modelSummary } from '../../src/report/modelSection.js';
import { planKeyFigures, planOutcomes, plansSection, plansSummary } from '../../src/report/plansSection.js';
import { reportHtml } from '../../src/report/reportHtml.js';
import { compareIndustries } from '../../src/targets/compareIndustries.js';
import { factById } from '../../src/io/loadSeeds.js';

const MODELS = ['big-data-13th-fyp', 'big-data-14th-fyp', 'big-data-sectors-example', 'cybersecurity-2021-2023'];
const seeds = loadSeeds();
const set = loadObservations();

/** Every id a reader must not see: facts (claims included), observations, metrics, and seed document numbers. */
const IDS = [
  ...new Set([...seeds.map((f) => f.id), ...seeds.map((f) => f.metric), ...set.observations.map((o) => o.id)]),
];

/** The page's visible text: no scripts or styles, tags as separators, entities decoded. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' | ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function idsIn(text: string): string[] {
  const found = IDS.filter((id) => new RegExp(`(?<![\\w.-])${id.replace(/\./g, '\\.')}(?![\\w-]|\\.\\w)`).test(text));
  const docs = text.match(/documents? \d{3}|(?:文件|文档) ?\d{3}/g) ?? [];
  return [...found, ...docs];
}

describe('the report names, never ids (issue 16)', () => {
  const html: Record<'en' | 'zh', string> = { en: '', zh: '' };
  const summary: Record<'en' | 'zh', string> = { en: '', zh: '' };
  beforeAll(async () => {
    for (const locale of ['en', 'zh'] as const) {
      const reports: ModelReport[] = [];
      for (const id of MODELS)
        reports.push(await modelReport(loadModel(id), { paths: 200, seed: 1, locale, observations: set }));
      const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: 200 });
      const names = idNames(seeds, set, locale);
      html[locale] = reportHtml(
        nameReport(
          {
            title: 'T',
            locale,
            keyFigures: planKeyFigures(outcomes, locale),
            sections: [
              plansSection(outcomes, { locale, asOf: 2024, set }),
              industriesSection(compareIndustries(seeds), { locale, facts: seeds }),
              ...reports.map(modelSection),
            ],
          },
          names,
        ),
      );
      summary[locale] = nameIds(
        [
          plansSummary(outcomes, 2024, locale),
          industriesSummary(compareIndustries(seeds), locale),
          ...reports.map(modelSummary),
        ].join('\n'),
        names,
        locale,
      );
    }
  }, 120_000);

  it('the unnamed report did print ids (so the check below can fail)', async () => {
    const r = await modelReport(loadModel('big-data-13th-fyp'), { paths: 200, seed: 1, observations: set });
    expect(idsIn(pageText(reportHtml({ title: 'T', sections: [modelSection(r)] })))).toContain('bd13.revenue-2020');
  });

  it.each(['en', 'zh'] as const)(
    '%s: no fact, observation, metric or document id in any table cell or prose',
    (locale) => {
      expect(idsIn(pageText(html[locale]))).toEqual([]);
      expect(idsIn(summary[locale])).toEqual([]);
    },
  );

  it('en: the names stand where the ids were', () => {
    const text = pageText(html.en);
    // The derived 2015 level of the industries table, with names and the rate's tolerance (issue 12).
    expect(text).toContain(
      "derived: (the 13th plan's 2020 big data revenue target or the 14th plan's 2020 big data revenue estimate) / (1 + the 13th plan's 2015-2020 big data revenue growth target)^5, a lower bound only (for growth up to 31%, the upper end of the rate's tolerance; the stated rate is 30%)",
    );
    expect(text).toContain('The two statements allow a common value (the 13th plan and the 14th plan).');
    expect(text).toContain('the 2020 cybersecurity revenue observation');
    expect(text).toContain("the China Data Governance commentary's 2011-2016 core big data revenue growth claim");
  });

  it('zh: the names are Chinese', () => {
    const text = pageText(html.zh);
    // The one id the Chinese page printed is in a model's assumption (the user's English text).
    expect(text).toContain('中国数据治理评论2011-2016年核心大数据产业收入增速说法');
  });

  it('factName: document, year or period, metric and kind', () => {
    expect(factName(factById(seeds, 'bd14.cagr-2020-2025'))).toBe(
      "the 14th plan's 2020-2025 big data revenue growth target",
    );
    expect(factName(factById(seeds, 'bd14.revenue-2025'), 'zh')).toBe('“十四五”大数据规划2025年大数据产业收入目标');
    // The newspaper's dollar figure beside the plan's yuan target: two facts, two names.
    expect(factName(factById(seeds, 'cyber.revenue-2023'))).toBe(
      "the cybersecurity draft plan's 2023 cybersecurity revenue target",
    );
    expect(factName(factById(seeds, 'cyber.revenue-2023-usd'))).toBe(
      "the cybersecurity draft plan's 2023 cybersecurity revenue target in USD",
    );
    expect(factName(factById(seeds, 'cyber.revenue-2023-usd'), 'zh')).toBe(
      '网络安全产业三年行动计划（征求意见稿）2023年网络安全产业收入目标（美元）',
    );
    expect(nameIds('documents 001 and 003; bd14.revenue-2020x', idNames(seeds))).toBe(
      'the 13th plan and the 14th plan; bd14.revenue-2020x',
    );
  });
});
