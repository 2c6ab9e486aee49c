// A model's report content (modelReport's ModelReport) as the report shows it: a page section with its text,
// charts and tables, and a few lines for the terminal, in the report's locale.
import { formatQuantities } from '../charts/formatQuantities.js';
import type { ModelCheck } from '../model/checkModel.js';
import { checkModelReport, type ModelReport } from '../model/modelReport.js';
import { probabilityBasis, probabilityRestsOn } from '../model/probabilityBasis.js';
import {
  CHECK_WORDS,
  describeFactZh,
  factText,
  KIND_WORDS,
  modelTitle,
  quantityText,
  REPORT_WORDS,
  scenarioName,
  sectorName,
  unitText,
} from '../model/reportWords.js';
import type { ReportTable } from '../render/table.js';
import type { ScenarioProjection } from '../scenario/types.js';
import { sourceLine } from '../series/provenance.js';
import { parseUnit } from '../series/units.js';
import type { ModelDefinition } from '../spec/types.js';
import { describeFact } from '../targets/describeFact.js';
import type { Fact } from '../targets/fact.js';
import type { ReportSection } from './reportHtml.js';
import type { Locale } from '../series/locale.js';

/** A probability as a percentage to `digits` significant figures (3: `49.5%`, `55.6%`), as "How the plans did" writes them. */
const probabilityText = (p: number, locale: Locale, digits = 3): string =>
  formatQuantities([p], 'fraction', { locale, digits })[0] as string;

/** Where a fact comes from, for Chinese pages: the publisher, document and section as the seed gives them. */
function sourceZh(f: Fact): string {
  const p = f.provenance;
  return [p.publisher, p.document, p.published, p.section].filter((x) => x !== undefined && x !== '').join('，');
}

/** An implied figure of a consistency check in Chinese, with what the wording determines about it. */
function impliedZh(n: ModelCheck['consistency']['checks'][number]['implied'][number]): string {
  if (n.determined === 'none') return '措辞无法确定';
  if (n.determined === 'lower' && n.bound !== undefined) return `超过${quantityText(n.bound, n.unit, 'zh')}`;
  if (n.determined === 'upper' && n.bound !== undefined) return `不超过${quantityText(n.bound, n.unit, 'zh')}`;
  if (n.range !== undefined)
    return `${quantityText(n.range[0], n.unit, 'zh')}至${quantityText(n.range[1], n.unit, 'zh')}`;
  return quantityText(n.value, n.unit, 'zh');
}

/** What a model's probability of meeting a target rests on, in the locale. */
function basisText(m: ModelDefinition, targetId: string, locale: Locale): string {
  // The English sentence is probabilityRestsOn's; the Chinese one says the same in its three cases.
  const words = probabilityRestsOn(m, 'plan', targetId);
  if (locale === 'en') return words;
  if (probabilityBasis(m, 'plan', targetId) !== undefined)
    return '按构造为50%：基年水平由该目标按规划增速反推，规划路径恰好落在目标上，模拟的中位数即为目标；这不是关于产业的证据';
  const lower = words.includes('this is a lower bound') ? '；基年水平与增速取其“超过”措辞的下限，故此概率为下限' : '';
  const base = m.base.source.kind === 'observation' ? `${m.fromYear}年的观测值` : '模型的基年水平';
  return `依据${base}、规划路径和假设的波动率（见假设表），而非此后的观测结果${lower}`;
}

/** A model-file path (`scenarios.high.path.rate`) as words: `Scenario high: growth rate`. */
function assumptionName(m: ModelDefinition, path: string, locale: Locale): string {
  const zh = locale === 'zh';
  const parts = path.split('.');
  const leaf = (p: string): string => {
    const name = p.replace(/\[\d+\]$/, '');
    const en: Record<string, string> = {
      rate: 'growth rate',
      expression: 'growth rate as an expression of the year t',
      size: 'shock size',
      volatility: 'growth volatility',
      share: 'share of the base year',
      cap: 'cap',
      floor: 'floor',
      slope: 'yearly increase',
      persistence: 'persistence of deviations',
      meanUncertainty: 'uncertainty of mean growth',
      probability: 'probability',
      base: 'Base level',
      value: 'level',
    };
    const cn: Record<string, string> = {
      rate: '增长率',
      expression: '增长率（年份t的表达式）',
      size: '冲击幅度',
      volatility: '增长率波动',
      share: '基年份额',
      cap: '上限',
      floor: '下限',
      slope: '年增量',
      persistence: '偏离的持续性',
      meanUncertainty: '平均增速的不确定性',
      probability: '概率',
      base: '基年水平',
      value: '水平',
    };
    return (zh ? cn[name] : en[name]) ?? name;
  };
  const last = parts[parts.length - 1] as string;
  if (parts[0] === 'scenarios' && parts[1] !== undefined)
    return zh
      ? `情景“${scenarioName(m, parts[1], locale)}”：${leaf(last)}`
      : `Scenario ${scenarioName(m, parts[1], locale)}: ${leaf(last)}`;
  const sector = /^sectors\[(\d+)\]$/.exec(parts[0] ?? '');
  if (sector) {
    const s = m.sectors[Number(sector[1])];
    const n = s ? sectorName(m, s.id, locale) : (parts[0] as string);
    return zh ? `部门“${n}”：${leaf(last)}` : `Sector ${n}: ${leaf(last)}`;
  }
  if (parts[0] === 'uncertainty') return zh ? `不确定性：${leaf(last)}` : `Uncertainty: ${leaf(last)}`;
  if (parts[0] === 'path') return zh ? `规划路径：${leaf(last)}` : `Plan path: ${leaf(last)}`;
  return leaf(last);
}

/** An assumption's value as people read it: rates and shares as percentages, levels with their unit. */
function assumptionValue(m: ModelDefinition, path: string, value: number | string, locale: Locale): string {
  if (typeof value === 'string') return value;
  const fraction = /rate|size|volatility|share|persistence|meanUncertainty|probability/.test(path);
  return fraction
    ? (formatQuantities([value], parseUnit('fraction'), { locale })[0] as string)
    : quantityText(value, m.unit, locale);
}

/** The report section of one model: text, charts (with the numbers behind them) and tables, in its locale. */
export function modelSection(r: ModelReport): ReportSection {
  checkModelReport('modelSection', r);
  const m = r.model;
  const locale = r.locale;
  const w = REPORT_WORDS[locale];
  const uText = unitText(m.unit, locale);
  const ends = r.projections.map((p) => p.levels[p.levels.length - 1] as number);
  const rates = r.projections.map(
    (p, i) => Math.pow((ends[i] as number) / (p.levels[0] as number), 1 / (p.toYear - p.fromYear)) - 1,
  );
  const rateText = formatQuantities(rates, 'fraction', { locale, digits: 3 });
  const tables: ReportTable[] = [
    {
      title: locale === 'zh' ? '规划目标及其出处' : 'Plan targets and where they come from',
      columns: [w.target, w.year, w.kind, w.source, w.quote],
      rows: m.targets.map((f) => [
        factText(f, locale),
        f.year,
        KIND_WORDS[locale][f.kind] ?? f.kind,
        locale === 'zh' ? sourceZh(f) : sourceLine(f.provenance),
        f.provenance.quote,
      ]),
    },
    {
      title: locale === 'zh' ? `各情景${m.toYear}年的水平与目标` : `Scenarios in ${m.toYear} against the targets`,
      columns: [
        w.scenario,
        { name: w.levelIn(m.toYear), unit: uText, decimals: decimalsFor(ends) },
        { name: w.cagr(m.fromYear, m.toYear), unit: '%', format: 'percent', decimals: percentDecimals(rateText) },
        ...m.targets.map((t) =>
          w.meets(`${factText(t, locale)}${locale === 'zh' ? `（${t.year}年）` : ` in ${t.year}`}`),
        ),
      ],
      rows: r.projections.map((p, i) => [
        scenarioName(m, p.scenario, locale),
        ends[i] as number,
        rates[i] as number,
        ...m.targets.map((t) => {
          const c = p.targets.find((x) => x.fact.id === t.id);
          if (!c) return '';
          // A base back-cast from this target puts the plan exactly on it: neither a hit nor a miss.
          if (probabilityBasis(m, p.scenario, t.id) !== undefined && Math.abs(c.gapRelative) < 1e-9)
            return w.byConstruction;
          const needs = formatQuantities([c.requiredCagr], 'fraction', { locale, digits: 3 })[0] as string;
          return `${c.meets ? w.yes : w.no}${locale === 'zh' ? `（${w.needs(needs)}）` : ` (${w.needs(needs)})`}`;
        }),
      ]),
    },
    {
      title: locale === 'zh' ? '数据之间的一致性' : 'Do the figures agree?',
      columns: locale === 'zh' ? [w.status, w.facts, w.implied] : [w.status, w.check, w.explanation],
      rows: r.check.consistency.checks.map((c) =>
        locale === 'zh'
          ? [
              CHECK_WORDS.zh[c.status] ?? c.status,
              c.facts
                .map((id) => [...m.targets, ...m.related].find((f) => f.id === id))
                .filter((f): f is Fact => f !== undefined)
                .map((f) => `${f.fromYear !== undefined ? `${f.fromYear}—` : ''}${f.year}年${describeFactZh(f)}`)
                .join('；'),
              c.implied.map(impliedZh).join('；'),
            ]
          : [CHECK_WORDS.en[c.status] ?? c.status, c.title, c.explanation],
      ),
    },
    {
      title: locale === 'zh' ? '模型的假设' : 'What the model assumes',
      columns: [w.assumption, w.value, w.why],
      rows: r.check.assumptions.map((a) => [
        assumptionName(m, a.path, locale),
        assumptionValue(m, a.path, a.value, locale),
        // The base's reading of its wording is written by the library: say it in Chinese too.
        locale === 'zh' && a.path === 'base'
          ? `模型的选择：${m.fromYear}年水平按其措辞取值（下限或中值），文件并未给出确数`
          : a.assumption,
      ]),
    },
  ];
  const mc = r.monteCarlo;
  if (mc !== undefined && mc.targets.length > 0) {
    tables.push({
      title: locale === 'zh' ? '达到目标的概率（蒙特卡洛）' : 'Probability of meeting each target (Monte Carlo)',
      columns: [
        w.target,
        { name: w.probability, unit: '%', format: 'percent', decimals: 1 },
        { name: w.standardError, unit: '%', format: 'percent', decimals: 2 },
        w.restsOn,
      ],
      rows: mc.targets.map((t) => {
        const f = m.targets.find((x) => x.id === t.id) ?? m.targets.find((x) => x.year === t.year);
        return [
          f
            ? `${factText(f, locale)}${locale === 'zh' ? `（${t.year}年）` : ` in ${t.year}`}`
            : `${quantityText(t.value, m.unit, locale)} ${t.year}`,
          t.probability,
          t.standardError,
          basisText(m, f?.id ?? '', locale),
        ];
      }),
    });
  }
  const attain = mc?.targets
    .map((t) => {
      const f = m.targets.find((x) => x.id === t.id) ?? m.targets.find((x) => x.year === t.year);
      const what = f ? factText(f, locale) : quantityText(t.value, m.unit, locale);
      const p = probabilityText(t.probability, locale);
      return locale === 'zh'
        ? `P（${t.year}年${what}）= ${p}（${basisText(m, f?.id ?? '', locale)}）`
        : `P(${what} in ${t.year}) = ${p} (${basisText(m, f?.id ?? '', locale)})`;
    })
    .join(locale === 'zh' ? '；' : '; ');
  const description = locale === 'zh' ? '' : (m.description ?? '');
  const mcText =
    attain && mc
      ? locale === 'zh'
        ? `蒙特卡洛模拟（${mc.settings.paths}条路径，随机种子${mc.settings.seed}）：${attain}。`
        : `Monte Carlo (${mc.settings.paths.toLocaleString('en-US')} paths, seed ${mc.settings.seed}): ${attain}.`
      : '';
  return {
    heading: modelTitle(m, locale),
    text: [description, mcText].filter((t) => t !== '').join(locale === 'zh' ? '' : ' '),
    charts: r.charts.map((c) => ({
      title: c.title,
      spec: c.spec,
      file: `${m.id}-${c.name}`,
      data: c.data,
      ...(c.htmlSpec ? { htmlSpec: c.htmlSpec } : {}),
    })),
    tables,
  };
}

/** Decimals that give `digits` significant figures to the largest value. */
function decimalsFor(values: readonly number[], digits = 3): number {
  const max = Math.max(0, ...values.map(Math.abs));
  return max === 0 ? 0 : Math.max(0, digits - 1 - Math.floor(Math.log10(max)));
}

/** Decimals of percentages as formatQuantities wrote them (`24.6%` is 1). */
function percentDecimals(texts: readonly string[]): number {
  return Math.max(0, ...texts.map((t) => /\.(\d+)%/.exec(t)?.[1]?.length ?? 0));
}

/** A few lines for the terminal: targets, consistency, scenario end levels and attainment probabilities. */
export function modelSummary(r: ModelReport): string {
  checkModelReport('modelSummary', r);
  const m = r.model;
  const locale = r.locale;
  const zh = locale === 'zh';
  const lines = [`${modelTitle(m, locale)}  [${m.id}]`];
  for (const f of m.targets)
    lines.push(
      zh
        ? `  目标     ${f.year}年${describeFactZh(f)}（${sourceZh(f)}）`
        : `  target   ${describeFact(f)} in ${f.year}  (${sourceLine(f.provenance)})`,
    );
  const c = r.check.consistency;
  lines.push(
    zh
      ? `  核对     ${c.counts.consistent}项一致，${c.counts.inconsistent}项不一致，${c.counts.disagreement}项说法不一，${c.counts.implied}项推算`
      : `  checks   ${c.counts.consistent} consistent, ${c.counts.inconsistent} inconsistent, ${c.counts.disagreement} disagreement, ${c.counts.implied} implied`,
  );
  const notes = c.checks
    .filter((x) => x.status !== 'consistent')
    .map((k) =>
      zh
        ? `           ${CHECK_WORDS.zh[k.status] ?? k.status}：${k.implied.map(impliedZh).join('；')}`
        : `           ${k.status}: ${k.implied.map((n) => `${n.label} = ${n.text}`).join('; ') || k.title}`,
    );
  lines.push(...new Set(notes));
  const ends = r.projections.map((p) => p.levels[p.levels.length - 1] as number);
  const endText = formatQuantities(ends, m.unit, { locale });
  r.projections.forEach((p, i) => {
    // A base backcast from a target puts the plan path exactly on it: say so rather than "misses".
    const verb = (x: ScenarioProjection['targets'][number]) =>
      x.meets
        ? zh
          ? '达到'
          : 'meets'
        : Math.abs(x.gapRelative) < 1e-9
          ? zh
            ? '恰好落在'
            : 'lands exactly on'
          : zh
            ? '未达到'
            : 'misses';
    const t = p.targets
      .map((x) => (zh ? `${verb(x)}${x.fact.year}年目标` : `${verb(x)} ${x.fact.id}`))
      .join(zh ? '，' : ', ');
    lines.push(
      zh
        ? `  ${scenarioName(m, p.scenario, locale).padEnd(10, '　')} ${m.toYear}年：${endText[i]}${t ? `（${t}）` : ''}`
        : `  ${p.scenario.padEnd(12)} ${m.toYear}: ${endText[i]}${t ? `  (${t})` : ''}`,
    );
  });
  for (const t of r.monteCarlo?.targets ?? []) {
    const f = m.targets.find((x) => x.id === t.id) ?? m.targets.find((x) => x.year === t.year);
    const what = f ? factText(f, locale) : quantityText(t.value, m.unit, locale);
    lines.push(
      zh
        ? `  P（${t.year}年${what}）= ${probabilityText(t.probability, locale)} ± ${probabilityText(t.standardError, locale, 2)}（蒙特卡洛，随机种子${r.monteCarlo?.settings.seed}）`
        : `  P(${t.comparator} ${quantityText(t.value, m.unit, locale)} in ${t.year}) = ${probabilityText(t.probability, locale)} ± ${probabilityText(t.standardError, locale, 2)}  (Monte Carlo, seed ${r.monteCarlo?.settings.seed})`,
    );
    lines.push(`           ${basisText(m, f?.id ?? '', locale)}`);
  }
  return `${lines.join('\n')}\n`;
}
