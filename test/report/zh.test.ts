// With --locale zh every word the library writes is Chinese: the report's page, its tables, the summary and
// every chart's SVG. What may stay in Latin letters is what the user gave: model files (ids, titles without a
// zh title, assumptions), the seed documents (publishers, document titles, sections, verbatim quotes) and the
// observations (publishers, page titles, addresses, statements). The test finds every run of Latin words in
// the text and requires it to be part of one of those strings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareIndustries } from '../../src/targets/compareIndustries.js';
import { loadModel } from '../../src/model/loadModel.js';
import { loadSeeds } from '../../src/io/loadSeeds.js';
import { loadObservations } from '../../src/observations/loadObservations.js';
import { reportHtml } from '../../src/report/reportHtml.js';
import { toSvg } from '../../src/render/toSvg.js';
import { industriesSection, industriesSummary } from '../../src/report/industriesSection.js';
import { type ModelReport, modelReport } from '../../src/model/modelReport.js';
import { modelSection, modelSummary } from '../../src/report/modelSection.js';
import { planKeyFigures, planOutcomes, plansSection, plansSummary } from '../../src/report/plansSection.js';
import { reportTitle } from '../../src/report/reportFront.js';

const root = join(import.meta.dirname, '..', '..');

/** Every string value in the model files and seed files: what the user gave. */
function userStrings(): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    if (key !== '' && typeof v !== 'string') out.push(key);
  };
  for (const folder of ['models', 'seeds'])
    for (const f of readdirSync(join(root, folder)).filter((n) => n.endsWith('.json') && !n.includes('schema')))
      walk(JSON.parse(readFileSync(join(root, folder, f), 'utf8')));
  return out;
}

/** Symbols that are not English words: the probability's P. */
const SYMBOLS = new Set(['P', 'CSV']);

/** Runs of Latin text (between Chinese characters and list separators) that no user string contains. */
function foreignRuns(text: string, given: readonly string[]): string[] {
  const runs = text
    .split(/[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\n;,]+/u)
    .map((r) => r.replace(/^[\s\d.%()[\]+\-–—−=|/:·•#'"“”]+|[\s\d.%()[\]+\-–—−=|/:·•#'"“”]+$/gu, ''))
    .filter((r) => /[A-Za-z]{2,}|^[A-Za-z]$/.test(r));
  return [...new Set(runs)].filter((r) => !SYMBOLS.has(r) && !given.some((g) => g.includes(r)));
}

/** The visible text of an HTML page (scripts and styles dropped, entities decoded). */
function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The text of an SVG's text elements. */
function svgText(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)]
    .map((m) => (m[1] as string).replace(/<[^>]+>/g, '\n'))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('--locale zh', () => {
  const given = userStrings();
  let reports: ModelReport[] = [];
  const set = loadObservations();
  beforeAll(async () => {
    reports = [];
    for (const id of ['big-data-13th-fyp', 'big-data-14th-fyp', 'big-data-sectors-example', 'cybersecurity-2021-2023'])
      reports.push(await modelReport(loadModel(id), { paths: 400, seed: 1, locale: 'zh', observations: set }));
  }, 60_000);

  it('the report page has no English word the user did not give', () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: 400 });
    const seeds = loadSeeds();
    const html = reportHtml({
      title: reportTitle(
        reports.map((r) => r.model),
        'zh',
      ),
      date: '2026-01-02',
      locale: 'zh',
      keyFigures: planKeyFigures(outcomes, 'zh'),
      sections: [
        plansSection(outcomes, { locale: 'zh', asOf: 2024, set }),
        industriesSection(compareIndustries(seeds), { locale: 'zh', facts: seeds }),
        ...reports.map(modelSection),
      ],
    });
    const text = pageText(html);
    expect(text).toContain('规划目标完成情况');
    expect(text).toContain('图 1　规划目标完成情况');
    expect(foreignRuns(text, given)).toEqual([]);
  });

  it('the summary has no English word the user did not give', () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: 400 });
    const summary = [
      plansSummary(outcomes, 2024, 'zh'),
      industriesSummary(compareIndustries(loadSeeds()), 'zh'),
      ...reports.map(modelSummary),
    ].join('\n');
    expect(summary).toContain('进度落后');
    expect(foreignRuns(summary, given)).toEqual([]);
  });

  it('every chart’s SVG has no English word the user did not give', async () => {
    const outcomes = planOutcomes(reports, set, { asOf: 2024, paths: 400 });
    const specs = [
      ...reports.flatMap((r) => r.charts.map((c) => c.spec)),
      ...plansSection(outcomes, { locale: 'zh', asOf: 2024, set }).charts.map((c) => c.spec),
    ];
    expect(specs.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const spec of specs) {
      const text = svgText(await toSvg(spec, { validate: false }));
      problems.push(...foreignRuns(text, given));
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('the test itself finds English the library wrote', () => {
    expect(foreignRuns('2025年超过3万亿元；Scenarios and plan targets', given)).toEqual(['Scenarios and plan targets']);
  });
});
