// The fixed words of the report, the summary and the report's tables and charts, in English and Chinese.
// Names the user gives (model titles without a `zh` title, scenario ids, quotes, assumptions) are shown as
// given; everything the library writes comes from here or from a locale-aware formatter.
import { formatPercent, formatQuantity, type Unit } from '../series/units.js';
import { describeFact } from '../targets/describeFact.js';
import type { Comparator, Fact } from '../targets/fact.js';
import type { ModelDefinition } from '../spec/types.js';
import type { Locale } from '../series/locale.js';

/** Report words per locale. */
export const REPORT_WORDS = {
  en: {
    reportTitle: 'Plans, outcomes and scenarios',
    generated: 'Generated',
    contents: 'Contents',
    keyFigures: 'Key figures',
    figure: 'Figure',
    table: 'Table',
    source: 'Source',
    sources: 'Sources',
    data: 'Data (CSV)',
    ownProjection: 'own projection of the model’s scenarios',
    ownSimulation: (paths: number, seed: number) =>
      `own simulation, ${paths.toLocaleString('en-US')} paths, seed ${seed}`,
    volatility: (v: string) => `growth volatility ${v} a year (an assumption)`,
    observationsFrom: (list: string) => `observations: ${list}`,
    illustrative: 'sector shares and rates are assumptions of the model',
    plansDid: 'How the plans did',
    asOf: (year: number) => `as of the latest published figure (${year})`,
    scenarios: 'Scenarios and plan targets',
    simulated: 'Monte Carlo: the range of outcomes',
    distribution: (year: number) => `The ${year} level across the simulated runs`,
    sectorLevels: 'Sector levels',
    contributions: 'Contributions to growth by sector',
    waterfall: (a: number, b: number) => `From ${a} to ${b} by sector`,
    nowcast: (year: number) => `From the latest observation to ${year}`,
    // table columns
    target: 'Target',
    year: 'Year',
    plan: 'Plan',
    kind: 'Kind',
    quote: 'Quote (verbatim)',
    scenario: 'Scenario',
    levelIn: (year: number) => `Level in ${year}`,
    cagr: (a: number, b: number) => `Growth a year, ${a}–${b}`,
    meets: (what: string) => `Meets “${what}”`,
    status: 'Status',
    check: 'Check',
    explanation: 'Explanation',
    implied: 'Implied figures',
    assumption: 'What is assumed',
    value: 'Value',
    why: 'Why',
    probability: 'Probability',
    standardError: 'Standard error',
    restsOn: 'What it rests on',
    outcome: 'Outcome or latest figure',
    needed: 'Growth still needed a year',
    planRate: 'Plan’s rate',
    observedRate: 'Observed rate',
    nowcastPlan: 'P(met) from the latest figure at the plan’s rate',
    nowcastObserved: 'P(met) from the latest figure at the observed rate',
    exAnte: 'P(met) in the plan’s own model (ex ante)',
    publisher: 'Publisher',
    published: 'Published',
    title: 'Title',
    address: 'Address',
    statement: 'What it says (our words)',
    definition: 'Definition',
    industry: 'Industry',
    years: 'Years',
    level: 'Level',
    derived: 'Derived from a stated rate',
    facts: 'Facts',
    impliedCagr: 'Implied growth a year',
    statedCagr: 'Stated growth a year',
    statedBy: 'Stated by',
    yes: 'yes',
    no: 'no',
    byConstruction: 'on it by construction (base back-cast from this target)',
    needs: (rate: string) => `needs ${rate} a year`,
    percentile: (p: number) => `${p}th percentile`,
    median: 'Median',
    sample: 'Simulated level',
    sector: 'Sector',
    contribution: 'Contribution (percentage points)',
    change: 'Change',
    step: 'Step',
  },
  zh: {
    reportTitle: '规划、结果与情景',
    generated: '生成日期',
    contents: '目录',
    keyFigures: '要点',
    figure: '图',
    table: '表',
    source: '来源',
    sources: '来源',
    data: '数据（CSV）',
    ownProjection: '本报告对模型情景的推算',
    ownSimulation: (paths: number, seed: number) => `本报告模拟，${paths}条路径，随机种子${seed}`,
    volatility: (v: string) => `年增长率波动${v}（假设）`,
    observationsFrom: (list: string) => `观测值：${list}`,
    illustrative: '各部门份额与增速为模型假设',
    plansDid: '规划目标完成情况',
    asOf: (year: number) => `截至最新公布数据（${year}年）`,
    scenarios: '情景与规划目标',
    simulated: '蒙特卡洛模拟：结果的范围',
    distribution: (year: number) => `${year}年水平在各次模拟中的分布`,
    sectorLevels: '各部门规模',
    contributions: '各部门对增长的贡献',
    waterfall: (a: number, b: number) => `${a}年至${b}年各部门变化`,
    nowcast: (year: number) => `从最新观测值到${year}年`,
    target: '目标',
    year: '年份',
    plan: '规划',
    kind: '类别',
    quote: '原文（引文）',
    scenario: '情景',
    levelIn: (year: number) => `${year}年水平`,
    cagr: (a: number, b: number) => `${a}—${b}年年均增长率`,
    meets: (what: string) => `是否达到“${what}”`,
    status: '状态',
    check: '核对',
    explanation: '说明',
    implied: '推算值',
    assumption: '假设项',
    value: '取值',
    why: '理由',
    probability: '概率',
    standardError: '标准误',
    restsOn: '依据',
    outcome: '结果或最新数据',
    needed: '仍需的年均增长率',
    planRate: '规划增速',
    observedRate: '观测增速',
    nowcastPlan: '按规划增速从最新数据推算的达标概率',
    nowcastObserved: '按观测增速从最新数据推算的达标概率',
    exAnte: '规划自身模型的达标概率（事前）',
    publisher: '发布者',
    published: '发布日期',
    title: '标题',
    address: '网址',
    statement: '内容（转述）',
    definition: '统计口径',
    industry: '产业',
    years: '年份',
    level: '规模',
    derived: '由所述增速推算',
    facts: '数据',
    impliedCagr: '推算的年均增长率',
    statedCagr: '文件所述年均增长率',
    statedBy: '出处',
    yes: '是',
    no: '否',
    byConstruction: '按构造恰好达到（基年水平由该目标反推）',
    needs: (rate: string) => `需年均增长${rate}`,
    percentile: (p: number) => `第${p}百分位`,
    median: '中位数',
    sample: '模拟水平',
    sector: '部门',
    contribution: '贡献（百分点）',
    change: '变化',
    step: '环节',
  },
} as const;

/** Comparator words for a figure: `more than` / `超过`. */
const COMPARATOR: Readonly<Record<Locale, Readonly<Record<Comparator, string>>>> = {
  en: { exceeds: 'more than', atLeast: 'at least', about: 'about', atMost: 'at most', below: 'less than', equals: '' },
  zh: { exceeds: '超过', atLeast: '不低于', about: '约', atMost: '不超过', below: '低于', equals: '' },
};

/** Status words of a target score. */
export const STATUS_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { met: 'met', missed: 'missed', 'on track': 'on track', 'off track': 'off track', undetermined: 'undetermined' },
  zh: { met: '已实现', missed: '未实现', 'on track': '进度正常', 'off track': '进度落后', undetermined: '无法判断' },
};

/** Consistency statuses. */
export const CHECK_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    consistent: 'consistent',
    inconsistent: 'inconsistent',
    disagreement: 'disagreement',
    implied: 'implied',
  },
  zh: { consistent: '一致', inconsistent: '不一致', disagreement: '说法不一', implied: '推算' },
};

/** A quantity in words: `RMB 3.05 trillion` / `3.05万亿元`; a fraction as a percentage. */
export function quantityText(value: number, unit: Unit, locale: Locale): string {
  if (unit.kind === 'fraction') return formatPercent(value);
  return formatQuantity({ value, unit }, { locale });
}

/**
 * A fact's figure with its comparator in Chinese (`超过3万亿元`, `约25%`); the English wording is
 * describeFact's (src/targets), which the English report uses.
 */
export function describeFactZh(f: Pick<Fact, 'value' | 'comparator' | 'unit'>): string {
  return `${COMPARATOR.zh[f.comparator]}${quantityText(f.value, f.unit, 'zh')}`;
}

/** What kind of fact a marker or table row shows, in words. */
export const KIND_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { target: 'plan target', actual: 'reported', estimate: 'estimate', claim: 'claim' },
  zh: { target: '规划目标', actual: '实际值', estimate: '估计值', claim: '说法' },
};

/** A fact in words, in the locale. */
export function factText(f: Fact, locale: Locale): string {
  return locale === 'zh' ? describeFactZh(f) : describeFact(f);
}

/** The model's title in the locale: its `zh.title`, else (in Chinese) its id, which the user gave. */
export function modelTitle(m: Pick<ModelDefinition, 'id' | 'title' | 'zh'>, locale: Locale): string {
  return locale === 'zh' ? (m.zh?.title ?? m.id) : m.title;
}

/** A scenario's name in the locale: `zh.scenarios[id]` in Chinese, else the id. */
export function scenarioName(m: Pick<ModelDefinition, 'zh'>, id: string, locale: Locale): string {
  return locale === 'zh' ? (m.zh?.scenarios?.[id] ?? id) : id;
}

/** A sector's name in the locale: `zh.sectors[id]` in Chinese, else its name as given. */
export function sectorName(m: Pick<ModelDefinition, 'zh' | 'sectors'>, id: string, locale: Locale): string {
  const s = m.sectors.find((x) => x.id === id);
  return locale === 'zh' ? (m.zh?.sectors?.[id] ?? s?.name ?? id) : (s?.name ?? id);
}

/** A unit for a column header: `RMB trillion` / `万亿元`. */
export function unitText(unit: Unit, locale: Locale): string {
  if (unit.kind === 'fraction') return '%';
  if (unit.kind === 'money') {
    if (locale === 'zh') {
      const scale = { wanyi: '万亿', trillion: '万亿', yi: '亿', billion: '十亿', million: '百万', wan: '万' }[
        unit.scale as string
      ];
      return `${scale ?? ''}${unit.currency === 'CNY' ? '元' : '美元'}`;
    }
    const cur = unit.currency === 'CNY' ? 'RMB' : 'US$';
    return unit.scale === 'one' ? cur : `${cur} ${unit.scale === 'wanyi' ? 'trillion' : unit.scale}`;
  }
  if (unit.kind === 'count') return unit.scale === 'one' ? '' : unit.scale;
  if (unit.kind === 'fx') return `${unit.quote}/${unit.base}`;
  return unit.symbol;
}

/** A year range with an en dash (`2020–2025`; in Chinese `2020—2025年`). */
export function yearSpan(a: number, b: number, locale: Locale): string {
  return locale === 'zh' ? `${a}—${b}年` : `${a}–${b}`;
}
