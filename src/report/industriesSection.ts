import type { IndustryComparison, IndustryLevel } from '../targets/compareIndustries.js';
import { MetricsError } from '../errors.js';
import { argumentError, assertOptions, fieldError, optionNames, show } from '../internal/assert.js';
import type { ReportColumn } from '../render/table.js';
import type { ReportSection } from './reportHtml.js';
import { formatPercent, parseUnit, unitArg } from '../series/units.js';
import { describeFact } from '../targets/describeFact.js';
import { asFact } from '../targets/asFact.js';
import { Comparator, type Fact } from '../targets/fact.js';
import { describeFactZh, REPORT_WORDS, unitText, yearSpan } from '../model/reportWords.js';
import { checkLocale, type Locale } from '../series/locale.js';

/** The most rows a report table takes (see reportHtml). */
const MAX_ROWS = 10_000;

/** Checks a comparison handed back in: the rows the section and the summary read, each field typed and finite. */
function checkComparison(fn: string, c: IndustryComparison): void {
  const fail = (where: string, what: string, got: unknown): never => {
    throw fieldError(fn, where, what, got, 'Pass what compareIndustries returned, as it came.');
  };
  if (c === null || typeof c !== 'object') fail('comparison', 'must be an object', c);
  unitArg(fn, 'comparison.unit', c.unit);
  const rows = (name: 'levels' | 'growth'): readonly Record<string, unknown>[] => {
    const a: unknown = c[name];
    if (!Array.isArray(a)) return fail(`comparison.${name}`, 'must be an array', a);
    if (a.length > MAX_ROWS) {
      throw new MetricsError(
        'too_large',
        `${fn}: comparison.${name} has ${a.length} rows, more than a report table shows (at most ${MAX_ROWS}).`,
        { rows: a.length },
      );
    }
    for (let i = 0; i < a.length; i++) {
      const r: unknown = a[i];
      if (r === null || typeof r !== 'object') fail(`comparison.${name}[${i}]`, 'must be an object', r);
      const o = r as Record<string, unknown>;
      if (typeof o['industry'] !== 'string')
        fail(`comparison.${name}[${i}].industry`, 'must be a string', o['industry']);
      if (typeof o['derived'] !== 'boolean')
        fail(`comparison.${name}[${i}].derived`, 'must be true or false', o['derived']);
    }
    return a as readonly Record<string, unknown>[];
  };
  const whole = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
  const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
  rows('levels').forEach((l, i) => {
    const w = `comparison.levels[${i}]`;
    if (!whole(l['year'])) fail(`${w}.year`, 'must be a whole year', l['year']);
    if (!finite(l['value'])) fail(`${w}.value`, 'must be a finite number', l['value']);
    const range: unknown = l['range'];
    if (
      range !== undefined &&
      (!Array.isArray(range) || range.length !== 2 || !range.every((x) => typeof x === 'number' && !Number.isNaN(x)))
    )
      fail(`${w}.range`, 'must be the two levels the wording allows', range);
    if (typeof l['comparator'] !== 'string' || !Object.hasOwn(Comparator, l['comparator']))
      fail(`${w}.comparator`, 'must be a comparator', l['comparator']);
    if (typeof l['kind'] !== 'string') fail(`${w}.kind`, 'must be a string', l['kind']);
    const ids = l['factIds'];
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) fail(`${w}.factIds`, 'must be fact ids', ids);
    // A derived level's derivation is printed beside it.
    if (l['derivation'] !== undefined && typeof l['derivation'] !== 'string')
      fail(`${w}.derivation`, 'must be a string', l['derivation']);
  });
  const skipped: unknown = c.skipped;
  if (!Array.isArray(skipped)) fail('comparison.skipped', 'must be an array', skipped);
  (skipped as unknown[]).forEach((x, i) => {
    const o = x as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || typeof o['reason'] !== 'string' || typeof o['factId'] !== 'string')
      fail(`comparison.skipped[${i}]`, 'must be { factId, reason }', x);
  });
  rows('growth').forEach((g, i) => {
    const w = `comparison.growth[${i}]`;
    if (!whole(g['fromYear']) || !whole(g['toYear']))
      fail(`${w}.fromYear`, 'and toYear must be whole years', g['fromYear']);
    if (!finite(g['impliedCagr'])) fail(`${w}.impliedCagr`, 'must be a finite number', g['impliedCagr']);
    // The range a one-sided wording allows may be open (±Infinity) but is two numbers.
    const range: unknown = g['impliedCagrRange'];
    if (!Array.isArray(range) || range.length !== 2 || !range.every((x) => typeof x === 'number' && !Number.isNaN(x)))
      fail(`${w}.impliedCagrRange`, 'must be the two rates the wordings allow', range);
    if (g['statedCagr'] !== undefined && !finite(g['statedCagr']))
      fail(`${w}.statedCagr`, 'must be a finite number', g['statedCagr']);
    if (g['statedFactId'] !== undefined && typeof g['statedFactId'] !== 'string')
      fail(`${w}.statedFactId`, 'must be a string', g['statedFactId']);
  });
}

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

/** The derivation mark of a level no document states. */
function derivedMark(l: IndustryLevel, locale: Locale): string {
  if (!l.derived) return '';
  return locale === 'zh' ? '由所述数据推算' : `derived: ${l.derivation ?? 'from a stated rate'}`;
}

/**
 * A growth rate with the precision its source allows: the range the levels' wordings give, and the
 * central figure rounded to a whole percent when that range is a point or more wide ("doubling" in five
 * years is about 15% a year, 12.6–17.4% with the ±10% read into "doubling", not 14.87%).
 * @param g a growth row of compareIndustries
 * @param locale `en` (default) or `zh`
 */
export function growthText(g: IndustryComparison['growth'][number], locale: Locale = 'en'): string {
  const zh = locale === 'zh';
  const [lo, hi] = g.impliedCagrRange;
  const open = (x: number) => !Number.isFinite(x) || x <= -1;
  if (open(lo) && open(hi)) return zh ? '措辞无法确定' : 'not determined by the wording';
  if (open(hi)) return zh ? `年均至少${formatPercent(lo)}` : `at least ${formatPercent(lo)} a year`;
  if (open(lo)) return zh ? `年均至多${formatPercent(hi)}` : `at most ${formatPercent(hi)} a year`;
  const wide = hi - lo >= 0.01;
  const centre = formatPercent(g.impliedCagr, wide ? { decimals: 0 } : {});
  const tenth = { decimals: 1, fixed: true };
  // A range writes % once, after its upper end: 12.6–17.4%.
  const range = `${formatPercent(lo, tenth).replace(/%$/, '')}–${formatPercent(hi, tenth)}`;
  if (zh) return wide ? `年均约${centre}（按各规模措辞的容差为${range}，容差为假设）` : `年均${centre}`;
  return wide
    ? `about ${centre} a year (${range} across the tolerances of the levels, which are assumptions)`
    : `${centre} a year`;
}

/** Options of {@link industriesSection}. */
export interface IndustriesSectionOptions {
  /** `en` (default) or `zh`. */
  readonly locale?: Locale;
  /** The facts the comparison was made from, to name each level's sources (publisher and year) instead of ids. */
  readonly facts?: readonly Fact[];
}

const INDUSTRIES_SECTION_OPTIONS = optionNames<IndustriesSectionOptions>({ locale: true, facts: true });

/**
 * The sourced industries side by side (big data, cybersecurity, software and IT services, the
 * information industry): every level in one unit (named in the column header, one precision per column),
 * the wording of each figure (more than, about), levels derived from a stated rate marked as such, implied
 * growth next to stated growth, and who published each number.
 * @example
 * industriesSection(compareIndustries(loadSeeds())).tables?.[0]?.columns.length; // => 7
 */
export function industriesSection(c: IndustryComparison, options: IndustriesSectionOptions = {}): ReportSection {
  checkComparison('industriesSection', c);
  assertOptions('industriesSection', options, '{ locale, facts }', INDUSTRIES_SECTION_OPTIONS);
  const locale = options.locale ?? 'en';
  checkLocale('industriesSection', locale, 'options.locale');
  if (options.facts !== undefined && !Array.isArray(options.facts))
    throw argumentError(
      'invalid_argument',
      `industriesSection: options.facts must be the array of facts the comparison came from (got ${show(options.facts)}).`,
      'options.facts',
      'the array of facts the comparison came from',
      options.facts,
    );
  const w = REPORT_WORDS[locale];
  const zh = locale === 'zh';
  const unit = parseUnit(c.unit);
  const uText = unitText(unit, locale);
  // Array.from visits holes (map skips them): a hole is a missing fact, and is named.
  const facts = Array.from(options.facts ?? [], (f, i) => asFact('industriesSection', f, `options.facts[${i}]`));
  const byId = new Map(facts.map((f) => [f.id, f] as const));
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
      ? `文件中的每个金额数据，统一为${uText}。标为“由所述数据推算”的规模并非文件所述，而是由所述数据推算（“翻一番”按2倍计；所述规模按所述增速前推或回推，两者措辞的范围一并带入，“超过”仍为下限）。增长率为规模之间隐含的年均增长率及其措辞允许的范围（“约”的容差为假设），与文件对同一时期所述增速并列；由某增速推算的规模不与该增速比较，两个下限之间的增长不列出。`
      : `Every money figure in the documents, in ${uText}. Levels marked as derived are not stated by any document: they follow from stated figures as the derivation says ("doubling" read as a ratio of 2; a stated level carried back or forward at a stated rate, both wordings' ranges carried through, so "more than" stays a lower bound). Growth rates are the yearly rates the levels imply, with the range their wordings allow (the "about" tolerances are assumptions), next to the rate a document states for the same years; a rate compared with a level made from it, and growth between two lower bounds, are left out.`,
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
          derivedMark(l, locale),
          sources(l.factIds),
        ]),
      },
      {
        title: zh ? '隐含增长率与所述增长率' : 'Implied and stated growth',
        columns: [
          w.industry,
          w.years,
          w.impliedCagr,
          { name: w.statedCagr, unit: '%', format: 'percent', decimals: 1 },
          w.statedBy,
        ],
        rows: c.growth.map((g) => [
          industryName(g.industry, locale),
          yearSpan(g.fromYear, g.toYear, locale),
          `${growthText(g, locale)}${g.derived ? (zh ? '（由推算的规模）' : ' (from a derived level)') : ''}`,
          g.statedCagr ?? null,
          g.statedFactId !== undefined ? sources([g.statedFactId]) : '',
        ]),
      },
    ],
  };
}

/** The comparison for the terminal: one line per industry and year. */
export function industriesSummary(c: IndustryComparison, locale: Locale = 'en'): string {
  checkComparison('industriesSummary', c);
  checkLocale('industriesSummary', locale);
  const zh = locale === 'zh';
  const unit = parseUnit(c.unit);
  // Each level with the wording of its figure, as describeFact writes it (three significant figures).
  const levels = c.levels.map((l) =>
    zh
      ? describeFactZh({ value: l.value, comparator: l.comparator, unit })
      : describeFact({ value: l.value, comparator: l.comparator, unit }),
  );
  const lines = [zh ? '有出处的各产业对照' : 'Sourced industries side by side'];
  c.levels.forEach((l, i) => {
    const name = industryName(l.industry, locale);
    lines.push(
      zh
        ? `  ${name}  ${l.year}年  ${levels[i]}${l.derived ? `（${derivedMark(l, locale)}）` : ''}`
        : `  ${name.padEnd(30)} ${l.year}  ${levels[i]}${l.derived ? `  (${derivedMark(l, locale)})` : ''}`,
    );
  });
  for (const g of c.growth) {
    const stated = g.statedCagr !== undefined ? formatPercent(g.statedCagr) : undefined;
    const derived = g.derived ? (zh ? '（由推算的规模）' : ' (from a derived level)') : '';
    lines.push(
      zh
        ? `  ${industryName(g.industry, locale)}  ${yearSpan(g.fromYear, g.toYear, locale)}  ${growthText(g, locale)}${derived}${stated !== undefined ? `（文件所述：${stated}）` : ''}`
        : `  ${industryName(g.industry, locale).padEnd(30)} ${yearSpan(g.fromYear, g.toYear, locale)}  ${growthText(g, locale)}${derived}${stated !== undefined ? ` (stated: ${stated})` : ''}`,
    );
  }
  for (const x of c.skipped.filter((s) => s.reason.includes('not determined by the wording')))
    lines.push(zh ? `  未列出：${x.factId}（措辞无法确定）` : `  not shown: ${x.reason}`);
  return `${lines.join('\n')}\n`;
}
