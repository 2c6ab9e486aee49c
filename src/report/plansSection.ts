import { fanChart } from '../charts/fanChart.js';
import { formatQuantities } from '../charts/formatQuantities.js';
import { scorecardChart, type ScorecardChartRow } from '../charts/scorecardChart.js';
import type { ModelDefinition } from '../spec/types.js';
import { MetricsError } from '../errors.js';
import { argumentError, assertOptions, fieldError, optionNames } from '../internal/assert.js';
import { asModel, checkObservation, checkObservationSet } from '../spec/asModel.js';
import type { Observation, ObservationSet } from '../observations/types.js';
import type { ReportTable } from '../render/table.js';
import type { KeyFigure, ReportChart, ReportSection } from './reportHtml.js';
import { nowcast } from '../scorecard/nowcast.js';
import { scoreTarget, type TargetScore } from '../scorecard/scoreTarget.js';
import { convertScale, isScaleConvertible } from '../series/units.js';
import { describeFact } from '../targets/describeFact.js';
import { asFact } from '../targets/asFact.js';
import type { Fact } from '../targets/fact.js';
import { checkModelReport, type ModelReport, planRateOf, targetMarker } from '../model/modelReport.js';
import { describeFactZh, REPORT_WORDS, STATUS_WORDS, unitText } from '../model/reportWords.js';
import { scorecardRow } from '../scorecard/planScorecard.js';
import { checkLocale, type Locale } from '../series/locale.js';

/** One plan target, how it did, and what the observations say about it. */
export interface PlanOutcome {
  readonly target: Fact;
  /** The model the target is scored with (the first that has it). */
  readonly model: ModelDefinition;
  /** The plan the target belongs to, in the locale (`14th Five-Year Plan`, or the model's title). */
  readonly plan: string;
  readonly score: TargetScore;
  /**
   * The observation that decides the target, or the latest level the status rests on; for a target year
   * passed with no published outcome, the latest level before it, which the nowcasts start from.
   */
  readonly observation?: Observation;
  /** The observation the observed rate comes from, when there is one. */
  readonly rateObservation?: Observation;
  /** P(target met) from the latest level at the plan's rate and at the observed rate (absent when decided). */
  readonly nowcastPlan?: number;
  readonly nowcastObserved?: number;
  /** True when the latest level is a floor ("more than"), so the nowcasts are lower bounds. */
  readonly nowcastIsFloor: boolean;
  /** True when the target year has passed with no published outcome: the figures are those from before it. */
  readonly pastTargetYear?: boolean;
  /** P(target met) in the plan's own model (the Monte Carlo run of the report), when there is one. */
  readonly exAnte?: number;
}

/** Options of {@link planOutcomes}. */
export interface PlanOutcomesOptions {
  /** Observations up to this year count; default the latest year of any observation. */
  readonly asOf?: number;
  /** Nowcast paths (default 20000) and seed (default 1). */
  readonly paths?: number;
  readonly seed?: number;
}

const PLAN_OUTCOMES_OPTIONS = optionNames<PlanOutcomesOptions>({ asOf: true, paths: true, seed: true });

// The signature keeps its options inline (docs/reference.md prints it); the list is checked against it.
const PLANS_SECTION_OPTIONS = optionNames<Parameters<typeof plansSection>[1]>({
  locale: true,
  asOf: true,
  width: true,
  set: true,
});

/** The most targets a report scores: each open one gets a chart, and a page of more is unreadable. */
const MAX_OUTCOMES = 1000;
/** The longest nowcast fan, in years (from the latest figure to the target year). */
const MAX_NOWCAST_YEARS = 100;

function fail(fn: string, where: string, what: string, got: unknown): never {
  throw fieldError(fn, where, what, got);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 100_000;

/** An array without holes of at most `max` entries. */
function list(fn: string, where: string, v: unknown, max: number): readonly unknown[] {
  if (!Array.isArray(v)) fail(fn, where, 'must be an array', v);
  if (v.length > max)
    throw new MetricsError(
      'too_large',
      `${fn}: ${where} has ${v.length} entries, more than a report shows (got ${v.length}; at most ${max}).`,
      { entries: v.length },
    );
  for (let i = 0; i < v.length; i++)
    if (!(i in v)) fail(fn, `${where}[${i}]`, 'is missing (a hole in the array)', undefined);
  return v;
}

const STATUSES = ['met', 'missed', 'on track', 'off track', 'undetermined'];

/**
 * Checks outcomes handed back in (what {@link planOutcomes} returned): every field the section, the key
 * figures, the summary and the sources table read, so a hand-built outcome gets a MetricsError naming the
 * field, never a TypeError or "NaN%" in a sentence.
 */
export function checkOutcomes(fn: string, outcomes: unknown): readonly PlanOutcome[] {
  list(fn, 'outcomes', outcomes, MAX_OUTCOMES).forEach((o, i) => {
    const w = `outcomes[${i}]`;
    if (!isObject(o)) fail(fn, w, 'must be an outcome from planOutcomes', o);
    const target = asFact(fn, o['target'], `${w}.target`);
    asModel(fn, o['model']);
    if (typeof o['plan'] !== 'string') fail(fn, `${w}.plan`, 'must be text', o['plan']);
    const score = o['score'];
    if (!isObject(score)) fail(fn, `${w}.score`, 'must be a score from scoreTarget', score);
    if (typeof score['status'] !== 'string' || !STATUSES.includes(score['status']))
      fail(fn, `${w}.score.status`, `must be one of ${STATUSES.join(', ')}`, score['status']);
    for (const k of ['requiredRate', 'planRate', 'observedRate'])
      if (score[k] !== null && score[k] !== undefined && !(typeof score[k] === 'number' && Number.isFinite(score[k])))
        fail(fn, `${w}.score.${k}`, 'must be a finite number or null', score[k]);
    const is = score['requiredRateIs'];
    if (is !== null && is !== undefined && !['exactly', 'at most', 'about'].includes(is as string))
      fail(fn, `${w}.score.requiredRateIs`, 'must be exactly, at most, about or null', is);
    for (const k of ['observation', 'rateObservation'])
      if (o[k] !== undefined) checkObservation(fn, `${w}.${k}`, o[k], true);
    for (const k of ['nowcastPlan', 'nowcastObserved', 'exAnte']) {
      const p = o[k];
      if (p !== undefined && !(typeof p === 'number' && p >= 0 && p <= 1))
        fail(fn, `${w}.${k}`, 'must be a probability in [0, 1]', p);
    }
    if (typeof o['nowcastIsFloor'] !== 'boolean')
      fail(fn, `${w}.nowcastIsFloor`, 'must be true or false', o['nowcastIsFloor']);
    const obs = o['observation'] as Observation | undefined;
    if (o['nowcastPlan'] !== undefined && obs !== undefined) {
      const span = target.year - obs.year;
      if (span < 1 || span > MAX_NOWCAST_YEARS)
        fail(
          fn,
          `${w}.observation.year`,
          `must be 1 to ${MAX_NOWCAST_YEARS} years before the target's ${target.year} for a nowcast`,
          obs.year,
        );
    }
  });
  return outcomes as readonly PlanOutcome[];
}

/** Checks a list of models (reportTitle, sourcesTable). */
export function checkModels(fn: string, models: unknown): readonly ModelDefinition[] {
  return list(fn, 'models', models, MAX_OUTCOMES).map((m) => asModel(fn, m));
}

/** The latest observation year in a set. */
export function latestYear(set: ObservationSet): number {
  checkObservationSet('latestYear', set);
  if (set.observations.length === 0)
    throw argumentError(
      'invalid_argument',
      'latestYear: the set has no observations (got an empty list). Load them with loadObservations().',
      'set.observations',
      'at least one observation',
      set.observations,
    );
  let latest = -Infinity;
  for (const o of set.observations) latest = Math.max(latest, o.year);
  return latest;
}

/**
 * Every target of the given model reports, once each (the first model that has it scores it), scored as
 * {@link planScorecard} scores it (one row of it, so the report and the command line's scorecard agree):
 * its status from {@link scoreTarget} as of a year, the observation that decides it or that it rests on,
 * the nowcast P(met) at the plan's rate and at the observed rate ({@link nowcast}, with the model's assumed
 * volatility; only for "more than" and "at least" targets still open), and as the ex-ante probability the
 * plan's own Monte Carlo run of the report (not a new one).
 * @param reports model reports (their models, Monte Carlo results and locale)
 * @param set observations and definitions ({@link loadObservations})
 * @param options asOf, paths, seed
 */
export function planOutcomes(
  reports: readonly ModelReport[],
  set: ObservationSet,
  options: PlanOutcomesOptions = {},
): PlanOutcome[] {
  const fn = 'planOutcomes';
  list(fn, 'reports', reports, MAX_OUTCOMES).forEach((r) => checkModelReport(fn, r as ModelReport));
  checkObservationSet(fn, set);
  if (options === null || typeof options !== 'object')
    fail(fn, 'options', 'must be an object like { asOf, paths, seed }', options);
  assertOptions(fn, options, '{ asOf, paths, seed }', PLAN_OUTCOMES_OPTIONS);
  if (options.asOf !== undefined && !isYear(options.asOf))
    fail(fn, 'options.asOf', 'must be a whole year', options.asOf);
  if (options.asOf === undefined && set.observations.length === 0)
    fail(
      fn,
      'options.asOf',
      'is needed when the set has no observations (nothing to take the latest year from)',
      undefined,
    );
  const asOf = options.asOf ?? latestYear(set);
  const settings = { asOf, paths: options.paths ?? 20000, seed: options.seed ?? 1 };
  const locale = reports[0]?.locale ?? 'en';
  const seen = new Set<string>();
  const out: PlanOutcome[] = [];
  for (const r of reports) {
    const m = r.model;
    for (const t of m.targets) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      // Scored as the command line's scorecard scores it, with the report's Monte Carlo run as the ex-ante.
      const row = scorecardRow(
        m,
        t,
        set,
        settings,
        r.monteCarlo?.targets.find((x) => x.id === t.id),
      );
      const score = row.score;
      // A target year passed with no published outcome rests on the figures from before it (planScorecard's rule).
      const pastTargetYear = score.status !== 'met' && score.status !== 'missed' && settings.asOf >= t.year;
      // The figure the status rests on; for a target year passed without an outcome, the one the nowcasts start from.
      const observation = set.observations.find((o) => o.id === (score.observation ?? row.nowcastFrom));
      const rateObservation = set.observations.find((o) => o.id === score.observedRateFrom);
      const plan =
        m.periods?.[0] !== undefined
          ? locale === 'zh'
            ? (m.periods[0].zh ?? m.periods[0].label)
            : m.periods[0].label
          : locale === 'zh'
            ? (m.zh?.title ?? m.id)
            : m.title;
      out.push({
        target: t,
        model: m,
        plan,
        score,
        ...(observation !== undefined ? { observation } : {}),
        ...(rateObservation !== undefined ? { rateObservation } : {}),
        ...(row.nowcastPlan !== null ? { nowcastPlan: row.nowcastPlan.probability } : {}),
        ...(row.nowcastObserved !== null ? { nowcastObserved: row.nowcastObserved.probability } : {}),
        nowcastIsFloor: observation?.comparator === 'exceeds' || observation?.comparator === 'atLeast',
        pastTargetYear,
        ...(row.exAnte !== null ? { exAnte: row.exAnte.probability } : {}),
      });
    }
  }
  return out;
}

const pct = (p: number | undefined, locale: Locale): string =>
  p === undefined ? '' : (formatQuantities([p], 'fraction', { locale, digits: 3 })[0] as string);

function factText(f: Pick<Fact, 'value' | 'comparator' | 'unit'>, locale: Locale): string {
  return locale === 'zh' ? describeFactZh(f) : describeFact(f);
}

/** An observation in words: `RMB 1.57 trillion in 2022`, `more than RMB 170 billion in 2020 (estimate)`. */
function observationText(o: Observation, locale: Locale): string {
  const what = factText({ value: o.value, comparator: o.comparator, unit: o.unit }, locale);
  return locale === 'zh'
    ? `${o.year}年${what}${o.kind === 'estimate' ? '（估计）' : ''}`
    : `${what} in ${o.year}${o.kind === 'estimate' ? ' (estimate)' : ''}`;
}

/** The target in words with its year and plan. */
function targetText(o: PlanOutcome, locale: Locale): string {
  const what = factText(o.target, locale);
  return locale === 'zh'
    ? `${o.target.year}年${what}（${o.plan}）`
    : `${capital(what)} in ${o.target.year} (${o.plan})`;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Why the target has its status, in words (from the score's numbers; no ids). */
function reasonText(o: PlanOutcome, locale: Locale): string {
  const zh = locale === 'zh';
  const s = o.score;
  const obs = o.observation ? observationText(o.observation, locale) : '';
  const by = o.observation ? `${o.observation.source.publisher}, ${o.observation.source.published}` : '';
  const rateFrom = o.rateObservation;
  const span = rateFrom ? `${rateFrom.fromYear ?? ''}${zh ? '—' : '–'}${rateFrom.year}` : '';
  switch (s.status) {
    case 'met':
    case 'missed':
      return zh ? `${obs}（${by}）决定了结果` : `Decided by ${obs} (${by}), on the plan’s own definition`;
    case 'on track':
    case 'off track': {
      const at = s.requiredRateIs === 'at most' ? (zh ? '至多' : 'at most ') : '';
      const need = pct(s.requiredRate ?? undefined, locale);
      const seen = pct(s.observedRate ?? undefined, locale);
      return zh
        ? `从${obs}起，到${o.target.year}年每年${at}需增长${need}；${span}年观测增速为${seen}`
        : `From ${obs}, ${at}${need} a year is needed to ${o.target.year}; ${seen} a year was observed over ${span}`;
    }
    default:
      return o.observation
        ? o.pastTargetYear
          ? zh
            ? `该目标的统计口径下尚无${o.target.year}年的数据；此前最新数据为${obs}（${by}），不足以判断`
            : `No ${o.target.year} figure on the plan’s own definition yet; the latest before it, ${obs} (${by}), does not settle it`
          : zh
            ? `最新数据为${obs}，不足以判断`
            : `The latest figure, ${obs}, does not settle it`
        : zh
          ? '该目标的统计口径下尚无可用的观测值；其他口径的数据不能直接比较'
          : 'No figure on the plan’s own definition yet; figures on other definitions cannot be compared without a bridge';
  }
}

/** Scorecard rows of the chart. */
function scorecardRows(outcomes: readonly PlanOutcome[], locale: Locale): ScorecardChartRow[] {
  return outcomes.map((o) => {
    const obs = o.observation;
    const inTarget =
      obs && isScaleConvertible(obs.unit, o.target.unit) ? convertScale(obs.value, obs.unit, o.target.unit) : undefined;
    return {
      target: targetText(o, locale),
      targetValue: o.target.value,
      status: o.score.status,
      ...(obs !== undefined && inTarget !== undefined
        ? {
            observed: {
              year: obs.year,
              value: inTarget,
              floor: obs.comparator === 'exceeds' || obs.comparator === 'atLeast',
              text: observationText(obs, locale),
            },
          }
        : {}),
      note: reasonText(o, locale),
    };
  });
}

// Standard normal quantiles of the nowcast fan's bands (5th, 25th, 75th, 95th percentiles).
const Z: Readonly<Record<number, number>> = { 0.05: -1.6448536269514722, 0.25: -0.6744897501960817 };

/**
 * The nowcast fan of an open target: from the latest observation to the target year at the plan's rate, with
 * the model's volatility; the bands are the lognormal closed form of {@link nowcast}'s model (log growth
 * ln(1 + rate) + N(0, volatility²) a year, independent years), so the fan opens at the observation.
 */
function nowcastChart(o: PlanOutcome, locale: Locale, width: number): ReportChart | undefined {
  const obs = o.observation;
  const rate = planRateOf(o.model);
  const vol = o.model.uncertainty?.volatility.value;
  if (obs === undefined || o.nowcastPlan === undefined || rate === undefined || vol === undefined) return undefined;
  const w = REPORT_WORDS[locale];
  const model = o.model;
  const unit = model.unit;
  const v0 = convertScale(obs.value, obs.unit, unit);
  const years = Array.from({ length: o.target.year - obs.year }, (_, i) => obs.year + i + 1);
  const at = (k: number, z: number): number => v0 * (1 + rate) ** k * Math.exp(z * vol * Math.sqrt(k));
  const bands = years.flatMap((year) => {
    const k = year - obs.year;
    return [
      { year, level: 0.9, lower: at(k, Z[0.05] as number), upper: at(k, -(Z[0.05] as number)) },
      { year, level: 0.5, lower: at(k, Z[0.25] as number), upper: at(k, -(Z[0.25] as number)) },
    ];
  });
  const median = years.map((year) => ({ year, value: at(year - obs.year, 0) }));
  const marker = targetMarker(model, o.target, locale);
  const rateText = pct(rate, locale);
  const volText = pct(vol, locale);
  const floor = o.nowcastIsFloor;
  const title =
    locale === 'zh'
      ? `${o.plan}：从${obs.year}年观测值推算${o.target.year}年`
      : `${o.plan}: from the ${obs.year} figure to ${o.target.year}`;
  const sourceLine =
    locale === 'zh'
      ? `来源：${o.target.provenance.publisher}；观测值：${obs.source.publisher}（${obs.source.published}）；本报告按对数正态闭式计算`
      : `Source: ${o.target.provenance.publisher}; observation: ${obs.source.publisher} (${obs.source.published}); own calculation, lognormal closed form`;
  const spec = fanChart(
    {
      bands,
      median,
      start: { year: obs.year, value: v0 },
      actuals: [
        {
          year: obs.year,
          value: v0,
          comparator: obs.comparator,
          label: `${obs.source.publisher}, ${obs.source.published}`,
        },
      ],
      targets: [marker],
      attainment: [{ probability: o.nowcastPlan, target: marker }],
    },
    {
      unit,
      locale,
      width,
      title,
      subtitle:
        locale === 'zh'
          ? `按规划增速${rateText}、年波动${volText}（假设）推算；${floor ? '观测值为下限，概率为下限' : '阴影为中心区间'}`
          : `At the plan's ${rateText} a year with ${volText} volatility (an assumption)${floor ? '; the figure is a floor, so the probability is a lower bound' : '; shaded bands are central intervals'}`,
      source: sourceLine,
    },
  );
  const uText = unitText(unit, locale);
  return {
    title: w.nowcast(o.target.year),
    spec,
    file: `nowcast-${o.target.id}`,
    data: {
      title: w.nowcast(o.target.year),
      columns: [
        w.year,
        { name: w.percentile(5), unit: uText, decimals: 3 },
        { name: w.percentile(25), unit: uText, decimals: 3 },
        { name: w.median, unit: uText, decimals: 3 },
        { name: w.percentile(75), unit: uText, decimals: 3 },
        { name: w.percentile(95), unit: uText, decimals: 3 },
      ],
      rows: [
        [obs.year, v0, v0, v0, v0, v0],
        ...years.map((year) => {
          const k = year - obs.year;
          return [
            year,
            at(k, Z[0.05] as number),
            at(k, Z[0.25] as number),
            at(k, 0),
            at(k, -(Z[0.25] as number)),
            at(k, -(Z[0.05] as number)),
          ];
        }),
      ],
    },
  };
}

/**
 * The report's opening section, "How the plans did": each target with its outcome or the latest figure on the
 * plan's own definition (a scorecard chart and table), the nowcast from that figure at the plan's and the
 * observed rate next to the plan's own ex-ante probability, a fan from the latest figure for each open
 * target, and the sources of every figure used.
 * @param outcomes from {@link planOutcomes}
 * @param options locale, asOf (for the wording), width of the charts, set (to name the definitions)
 */
export function plansSection(
  outcomes: readonly PlanOutcome[],
  options: { readonly locale?: Locale; readonly asOf: number; readonly width?: number; readonly set?: ObservationSet },
): ReportSection {
  const fn = 'plansSection';
  checkOutcomes(fn, outcomes);
  if (!isObject(options)) fail(fn, 'options', 'must be { asOf, locale?, width?, set? }', options);
  assertOptions(fn, options, '{ asOf }', PLANS_SECTION_OPTIONS);
  if (!isYear(options.asOf)) fail(fn, 'options.asOf', 'must be a whole year', options.asOf);
  if (options.set !== undefined) checkObservationSet(fn, options.set);
  const locale = options.locale ?? 'en';
  checkLocale(fn, locale, 'options.locale');
  const width = options.width ?? 640;
  const w = REPORT_WORDS[locale];
  const zh = locale === 'zh';
  // Every observation a status, a rate or a nowcast rests on, once each.
  const sources = [
    ...new Map(
      outcomes
        .flatMap((o) => [o.observation, o.rateObservation])
        .filter((x): x is Observation => x !== undefined)
        .map((x) => [x.id, x] as const),
    ).values(),
  ];
  const rows = scorecardRows(outcomes, locale);
  const publishers = [...new Set(sources.map((o) => `${o.source.publisher} (${o.source.published.slice(0, 4)})`))].join(
    zh ? '；' : '; ',
  );
  const charts: ReportChart[] = [
    {
      title: w.plansDid,
      spec: scorecardChart(
        { rows },
        {
          locale,
          width,
          subtitle: zh
            ? `各目标同口径的最新观测值占目标的比例，${w.asOf(options.asOf)}`
            : `Latest figure on each target’s own definition as a share of the target, ${w.asOf(options.asOf)}`,
          source: zh ? `来源：${publishers}` : `Sources: ${publishers}`,
        },
      ),
      file: 'plans-scorecard',
      data: {
        title: w.plansDid,
        columns: [
          w.target,
          w.status,
          w.outcome,
          { name: zh ? '占目标比例' : 'Share of the target', unit: '%', format: 'percent', decimals: 0 },
        ],
        rows: rows.map((r) => [
          r.target,
          STATUS_WORDS[locale][r.status] ?? r.status,
          r.observed?.text ?? '',
          r.observed ? r.observed.value / r.targetValue : null,
        ]),
      },
    },
    ...outcomes.map((o) => nowcastChart(o, locale, width)).filter((c): c is ReportChart => c !== undefined),
  ];
  const table: ReportTable = {
    title: zh ? `各规划目标的状态（${w.asOf(options.asOf)}）` : `Each target’s status, ${w.asOf(options.asOf)}`,
    columns: [
      w.target,
      w.status,
      w.outcome,
      { name: w.needed, unit: '%', format: 'percent', decimals: 1 },
      { name: w.planRate, unit: '%', format: 'percent', decimals: 1 },
      { name: w.observedRate, unit: '%', format: 'percent', decimals: 1 },
      { name: w.nowcastPlan, unit: '%', format: 'percent', decimals: 1 },
      { name: w.nowcastObserved, unit: '%', format: 'percent', decimals: 1 },
      { name: w.exAnte, unit: '%', format: 'percent', decimals: 1 },
      w.explanation,
    ],
    rows: outcomes.map((o) => [
      targetText(o, locale),
      STATUS_WORDS[locale][o.score.status] ?? o.score.status,
      o.observation ? observationText(o.observation, locale) : '',
      o.score.requiredRate,
      o.score.planRate,
      o.score.observedRate,
      o.nowcastPlan ?? null,
      o.nowcastObserved ?? null,
      o.exAnte ?? null,
      reasonText(o, locale),
    ]),
  };
  const sourceTable: ReportTable = {
    title: zh ? '所用观测值的出处' : 'Where the figures come from',
    columns: [w.definition, w.year, w.publisher, w.published, w.title, w.address, ...(zh ? [] : [w.statement])],
    rows: sources.map((o) => [
      options.set?.definitions.find((d) => d.id === o.definition)?.label ?? o.definition,
      o.year,
      o.source.publisher,
      o.source.published,
      o.source.title,
      o.source.url,
      ...(zh ? [] : [o.statement]),
    ]),
  };
  const text = zh
    ? `每个规划目标与其同一统计口径下已公布的数据对照（${w.asOf(options.asOf)}）。已决定的目标给出结果；尚未决定的，给出从最新数据到目标年份所需的年均增长率，以及按规划增速和按观测增速推算的达标概率（年增长率波动为模型假设），并与规划自身模型的事前概率并列。不同口径的数据从不混用。`
    : `Each plan target against the figures published since, on the target’s own definition only (${w.asOf(options.asOf)}). A target an outcome has decided shows it; an open one shows the growth still needed from the latest figure, and the probability of meeting it from that figure at the plan’s rate and at the observed rate (the volatility is the model’s assumption), beside the probability the plan’s own model gave before any figure was known. Figures on other definitions are never mixed in.`;
  return {
    heading: w.plansDid,
    text,
    charts,
    tables: [table, sourceTable],
  };
}

/** The key figures of the report's summary: one per target, its status and the number that says most. */
export function planKeyFigures(outcomes: readonly PlanOutcome[], locale: Locale = 'en'): KeyFigure[] {
  checkOutcomes('planKeyFigures', outcomes);
  checkLocale('planKeyFigures', locale);
  const zh = locale === 'zh';
  return outcomes.map((o) => {
    const status = STATUS_WORDS[locale][o.score.status] ?? o.score.status;
    const obs = o.observation ? observationText(o.observation, locale) : undefined;
    const bound = o.nowcastIsFloor ? (zh ? '至少' : 'at least ') : '';
    const vol = pct(o.model.uncertainty?.volatility.value, locale);
    const note =
      o.nowcastPlan !== undefined
        ? zh
          ? `从${obs}推算：按规划增速达标概率${bound}${pct(o.nowcastPlan, locale)}${o.nowcastObserved !== undefined ? `，按观测增速${bound}${pct(o.nowcastObserved, locale)}` : ''}（年波动${vol}，为假设）`
          : `From ${obs}: P(met) ${bound}${pct(o.nowcastPlan, locale)} at the plan’s rate${o.nowcastObserved !== undefined ? `, ${bound}${pct(o.nowcastObserved, locale)} at the observed rate` : ''} (${vol} volatility a year, an assumption)`
        : obs !== undefined
          ? zh
            ? `依据：${obs}（${o.observation?.source.publisher}）`
            : `On ${obs} (${o.observation?.source.publisher})`
          : zh
            ? '尚无同口径数据'
            : 'No figure on the plan’s definition yet';
    return { label: targetText(o, locale), value: capital(status), note };
  });
}

/** "How the plans did" for the terminal: one line per target, then the nowcasts. */
export function plansSummary(outcomes: readonly PlanOutcome[], asOf: number, locale: Locale = 'en'): string {
  checkOutcomes('plansSummary', outcomes);
  if (!isYear(asOf)) fail('plansSummary', 'asOf', 'must be a whole year', asOf);
  checkLocale('plansSummary', locale);
  const zh = locale === 'zh';
  const lines = [
    zh ? `规划目标完成情况（截至${asOf}年的公布数据）` : `How the plans did (figures published up to ${asOf})`,
  ];
  for (const o of outcomes) {
    const status = STATUS_WORDS[locale][o.score.status] ?? o.score.status;
    lines.push(`  ${targetText(o, locale)}${zh ? '：' : ': '}${status}`);
    lines.push(`           ${reasonText(o, locale)}`);
    if (o.nowcastPlan !== undefined) {
      const bound = o.nowcastIsFloor ? (zh ? '至少' : 'at least ') : '';
      const vol = pct(o.model.uncertainty?.volatility.value, locale);
      lines.push(
        zh
          ? `           从最新数据推算的达标概率（年波动${vol}，为假设）：按规划增速${bound}${pct(o.nowcastPlan, locale)}${o.nowcastObserved !== undefined ? `，按观测增速${bound}${pct(o.nowcastObserved, locale)}` : ''}${o.exAnte !== undefined ? `；规划自身模型（事前）${pct(o.exAnte, locale)}` : ''}`
          : `           P(met) from the latest figure, with ${vol} volatility a year (an assumption): ${bound}${pct(o.nowcastPlan, locale)} at the plan's rate${o.nowcastObserved !== undefined ? `, ${bound}${pct(o.nowcastObserved, locale)} at the observed rate` : ''}${o.exAnte !== undefined ? `; the plan's own model (ex ante): ${pct(o.exAnte, locale)}` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
