import type { TopLevelSpec } from 'vega-lite';
import { contributionChart } from '../charts/contributionChart.js';
import { distributionChart } from '../charts/distributionChart.js';
import { fanChart } from '../charts/fanChart.js';
import { formatQuantities } from '../charts/formatQuantities.js';
import type { ActualPoint, PlanPeriod, TargetMarker } from '../charts/inputs.js';
import { stackedAreaChart } from '../charts/stackedAreaChart.js';
import { trajectoryChart } from '../charts/trajectoryChart.js';
import { waterfallChart } from '../charts/waterfallChart.js';
import { decomposeModel, type ModelDecomposition } from './decomposeModel.js';
import { checkModel, type ModelCheck } from './checkModel.js';
import { probabilityRestsOn } from './probabilityBasis.js';
import { simulateModel } from './simulateModel.js';
import type { ModelDefinition } from '../spec/types.js';
import type { ObservationSet } from '../observations/types.js';
import type { ReportTable } from '../render/table.js';
import { projectAll } from '../scenario/projectAll.js';
import type { ScenarioProjection } from '../scenario/types.js';
import { convertScale, isScaleConvertible, unitArg } from '../series/units.js';
import type { Simulation } from '../simulate/types.js';
import { sourceLine } from '../series/provenance.js';
import type { Fact } from '../targets/fact.js';
import { fieldError, assertOptions, optionNames } from '../internal/assert.js';
import { notJson } from '../internal/notJson.js';
import { checkProjection } from '../scenario/checkProjection.js';
import { asFact } from '../targets/asFact.js';
import { Comparator } from '../targets/fact.js';
import { asModel, checkObservation } from '../spec/asModel.js';
import { whatIfSpec } from './internal/whatIf.js';
import {
  factText,
  KIND_WORDS,
  modelTitle,
  REPORT_WORDS,
  scenarioName,
  sectorName,
  unitText,
  yearSpan,
} from './reportWords.js';
import { checkLocale, type Locale } from '../series/locale.js';

/**
 * Five-Year Plan periods, for charts of your own. A model's charts shade only the periods the model declares
 * (`periods` in its file): a three-year plan or a company's model is no Five-Year Plan.
 */
export const PLAN_PERIODS: readonly PlanPeriod[] = Object.freeze(
  [
    { label: '12th Five-Year Plan', fromYear: 2011, toYear: 2015 },
    { label: '13th Five-Year Plan', fromYear: 2016, toYear: 2020 },
    { label: '14th Five-Year Plan', fromYear: 2021, toYear: 2025 },
    { label: '15th Five-Year Plan', fromYear: 2026, toYear: 2030 },
  ].map((p) => Object.freeze(p)),
);

/** Options of {@link modelReport}. */
export interface ModelReportOptions {
  /** Monte Carlo paths; default 20000. */
  readonly paths?: number;
  /** Seed of the Monte Carlo run; default 2026. */
  readonly seed?: number;
  /** Worker threads for the Monte Carlo run; default 1. */
  readonly workers?: number;
  /** `en` (default) or `zh`: every word of the charts, tables and summary. */
  readonly locale?: Locale;
  /** Published observations ({@link loadObservations}); those on the plans' definition of the model's metric are drawn. */
  readonly observations?: ObservationSet;
  /** Plot width of the charts in pixels (default 640; the report uses 760 to fill its column). */
  readonly width?: number;
  /** Cancels the Monte Carlo run (its workers stop); the promise rejects with MetricsError `aborted`. */
  readonly signal?: AbortSignal;
  /** Progress of the Monte Carlo run: path-years done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

const MODEL_REPORT_OPTIONS = optionNames<ModelReportOptions>({
  paths: true,
  seed: true,
  workers: true,
  locale: true,
  observations: true,
  width: true,
  signal: true,
  onProgress: true,
});

/** A chart of a model report, with a file-friendly name and the numbers behind it. */
export interface NamedChart {
  readonly name: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
  /** The numbers the chart draws, with names and units (written as CSV and as a workbook sheet). */
  readonly data: ReportTable;
  /** The spec the HTML report uses when it differs (a slider for the growth rate). */
  readonly htmlSpec?: TopLevelSpec;
}

/** Everything the main job computes for one model. */
export interface ModelReport {
  readonly model: ModelDefinition;
  readonly locale: Locale;
  readonly check: ModelCheck;
  readonly projections: readonly ScenarioProjection[];
  /** Monte Carlo around the plan scenario; absent when the model has no uncertainty. */
  readonly monteCarlo?: Simulation;
  /** Sector decomposition; absent when the model has no sectors. */
  readonly sectors?: ModelDecomposition;
  /** Observations drawn on the charts (on the plans' definition of the model's metric, in its years). */
  readonly observations: readonly ActualPoint[];
  readonly charts: readonly NamedChart[];
}

/**
 * A fact as a chart marker, its value in the model's unit.
 * @param locale `en` (default) or `zh` for the label
 * @example
 * const m = loadModel('big-data-14th-fyp');
 * targetMarker(m, m.targets[0]!).label; // => '2025: more than RMB 3 trillion (plan target)'
 */
export function targetMarker(model: ModelDefinition, fact: Fact, locale: Locale = 'en'): TargetMarker {
  asModel('targetMarker', model);
  const f = asFact('targetMarker', fact);
  checkLocale('targetMarker', locale);
  return {
    year: f.year,
    value: convertScale(f.value, f.unit, model.unit),
    comparator: f.comparator,
    label:
      locale === 'zh'
        ? `${f.year}年：${factText(f, locale)}（${KIND_WORDS.zh[f.kind] ?? f.kind}）`
        : `${f.year}: ${factText(f, locale)} (${KIND_WORDS.en[f.kind] ?? f.kind})`,
    source: {
      document: sourceLine(f.provenance),
      quote: f.provenance.quote,
    },
  };
}

/** Publishers and years of a model's targets: `MIIT (2021)`. */
function targetSources(model: ModelDefinition): string {
  const names = model.targets.map(
    (f) => `${f.provenance.publisher}${f.provenance.published ? ` (${f.provenance.published.slice(0, 4)})` : ''}`,
  );
  return [...new Set(names)].join('; ');
}

/**
 * Checks `options.observations` as loadObservations gives it, before anything reads it: definitions with an
 * id, and observations with a year, value, unit, comparator, kind and source (the charts' source line names
 * the publisher), each error at its path under `options.observations`.
 */
function checkObservations(fn: string, set: unknown): void {
  const where = 'options.observations';
  const fail = (w: string, what: string, got: unknown): never => {
    throw fieldError(fn, w, what, got, 'Pass what loadObservations() returns.');
  };
  if (set === null || typeof set !== 'object' || Array.isArray(set))
    fail(where, 'must be an observation set { definitions, observations }', set);
  const o = set as Record<string, unknown>;
  for (const k of ['definitions', 'observations']) {
    const list = o[k];
    if (!Array.isArray(list)) fail(`${where}.${k}`, 'must be an array', list);
    const items = list as readonly unknown[];
    for (let i = 0; i < items.length; i++) {
      const w = `${where}.${k}[${i}]`;
      if (!(i in items)) fail(w, 'is missing (a hole in the array)', undefined);
      const x = items[i];
      if (k === 'observations') checkObservation(fn, w, x, true);
      else if (x === null || typeof x !== 'object' || typeof (x as Record<string, unknown>)['id'] !== 'string')
        fail(w, 'must be a metric definition { id, label, … }', x);
    }
  }
}

/** The observations of a model's metric on the plans' definition, in its years, in its unit. */
function observationsFor(model: ModelDefinition, set: ObservationSet | undefined): ActualPoint[] {
  if (set === undefined) return [];
  const defs = new Set(set.definitions.filter((d) => d.planDefinition && d.metric === model.metric).map((d) => d.id));
  return set.observations
    .filter(
      (o) =>
        defs.has(o.definition) &&
        o.fromYear === undefined &&
        o.year >= model.fromYear &&
        o.year <= model.toYear &&
        isScaleConvertible(o.unit, model.unit),
    )
    .map((o) => ({
      year: o.year,
      value: convertScale(o.value, o.unit, model.unit),
      comparator: o.comparator,
      label: `${o.source.publisher}, ${o.source.published}`,
    }));
}

/** Who published the drawn observations: `China Banking News (2023)`. */
function observationSources(model: ModelDefinition, set: ObservationSet | undefined): string {
  if (set === undefined) return '';
  const drawn = observationsFor(model, set);
  const used = set.observations.filter((o) =>
    drawn.some((d) => d.label === `${o.source.publisher}, ${o.source.published}` && d.year === o.year),
  );
  return [...new Set(used.map((o) => `${o.source.publisher} (${o.source.published.slice(0, 4)})`))].join('; ');
}

/** The plan's yearly rate when its path is a constant CAGR. */
export function planRateOf(model: ModelDefinition): number | undefined {
  return model.path.type === 'cagr' ? model.path.rate.value : undefined;
}

/**
 * The main job for one model: its consistency check, every scenario projected, a seeded Monte Carlo
 * run around the plan, and the charts (trajectories with targets and observations, the fan chart opening at
 * the base with the attainment probability, the distribution of the final-year level, and the sector
 * charts), each with a source line naming the documents, the observations and the run's settings, and the
 * numbers behind it.
 */
export async function modelReport(model: ModelDefinition, options: ModelReportOptions = {}): Promise<ModelReport> {
  asModel('modelReport', model);
  assertOptions('modelReport', options, '{ paths, seed }', MODEL_REPORT_OPTIONS);
  const { paths = 20000, seed = 2026, workers = 1, locale = 'en', width = 640 } = options;
  checkLocale('modelReport', locale, 'options.locale');
  if (options.observations !== undefined) checkObservations('modelReport', options.observations);
  const w = REPORT_WORDS[locale];
  const check = checkModel(model);
  const projections = projectAll(model);
  const markers = model.targets.map((f) => targetMarker(model, f, locale));
  const periods: PlanPeriod[] = (model.periods ?? []).map((p) => ({
    label: locale === 'zh' ? (p.zh ?? p.label) : p.label,
    fromYear: p.fromYear,
    toYear: p.toYear,
  }));
  const unit = model.unit;
  const uText = unitText(unit, locale);
  const title = modelTitle(model, locale);
  const observations = observationsFor(model, options.observations);
  const obsSources = observationSources(model, options.observations);
  const sourceWord = locale === 'zh' ? '来源：' : 'Source: ';
  const sep = locale === 'zh' ? '；' : '; ';
  const source = (...parts: string[]): string => sourceWord + parts.filter((p) => p !== '').join(sep);
  const docs = targetSources(model);
  const obsPart = obsSources === '' ? '' : w.observationsFrom(obsSources);
  // The axis names the industry: the title up to its first comma, " by " or parenthesis.
  const measure = locale === 'zh' ? undefined : (model.title.split(/,| by | \(/)[0] ?? model.title).trim();
  const charts: NamedChart[] = [];
  const levelColumn = w.level;
  const trajectoryRows = projections.flatMap((p) =>
    p.years.map((year, i) => ({
      series: model.metric,
      scenario: scenarioName(model, p.scenario, locale),
      year,
      value: p.levels[i] as number,
    })),
  );
  const trajectoryOptions = {
    unit,
    locale,
    width,
    title: `${title}${locale === 'zh' ? '：' : ': '}${w.scenarios.toLowerCase()}`,
    subtitle:
      locale === 'zh'
        ? '线：各情景；三角等标记：规划目标（形状表示措辞）；圆点：观测值'
        : 'Lines: scenarios; markers: plan targets (shape shows the wording); circles: observations',
    source: source(docs, obsPart, w.ownProjection),
    ...(measure !== undefined ? { measure } : {}),
  };
  const trajectoryInput = { rows: trajectoryRows, targets: markers, periods, actuals: observations };
  const planRate = planRateOf(model);
  charts.push({
    name: 'trajectories',
    title: w.scenarios,
    spec: trajectoryChart(trajectoryInput, trajectoryOptions),
    data: {
      title: w.scenarios,
      columns: [w.scenario, w.year, { name: levelColumn, unit: uText, decimals: 3 }],
      rows: trajectoryRows.map((r) => [r.scenario, r.year, r.value]),
    },
    ...(planRate !== undefined && model.targets.length > 0
      ? { htmlSpec: whatIfSpec(trajectoryChart(trajectoryInput, trajectoryOptions), model, planRate, locale) }
      : {}),
  });
  let monteCarlo: Simulation | undefined;
  if (model.uncertainty) {
    monteCarlo = await simulateModel(model, {
      paths,
      seed,
      workers,
      samplePaths: Math.min(paths, 4000),
      quantiles: [0.05, 0.25, 0.5, 0.75, 0.95],
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const s = monteCarlo.series[0];
    if (s) {
      const q = (level: number) => s.quantiles.find((x) => x.level === level)?.values ?? [];
      const bands = [
        ...s.years.map((year, i) => ({ year, lower: q(0.05)[i] as number, upper: q(0.95)[i] as number, level: 0.9 })),
        ...s.years.map((year, i) => ({ year, lower: q(0.25)[i] as number, upper: q(0.75)[i] as number, level: 0.5 })),
      ];
      const attainment = monteCarlo.targets.map((t) => {
        const marker = markers.find((m) => m.year === t.year && m.value === t.value) ?? (markers[0] as TargetMarker);
        return { probability: t.probability, target: marker };
      });
      const vol = formatQuantities([model.uncertainty.volatility.value], 'fraction', { locale })[0] as string;
      const run = w.ownSimulation(paths, seed);
      const startsAtBase = (s.years[0] as number) > model.fromYear;
      // What the probabilities on the charts rest on, in a few words (the section text has the full sentence).
      const caveat = monteCarlo.targets
        .map((t) => {
          const words = probabilityRestsOn(model, 'plan', t.id);
          return words.startsWith('50% by construction')
            ? locale === 'zh'
              ? `${t.year}年的概率按构造为50%（基年水平由目标反推）`
              : `P for ${t.year} is 50% by construction (base back-cast from the target)`
            : words.includes('this is a lower bound')
              ? locale === 'zh'
                ? `${t.year}年的概率为下限（基年水平与增速取其措辞的下限）`
                : `P for ${t.year} is a lower bound (base and rate at the floors of their wording)`
              : '';
        })
        .filter((x) => x !== '')
        .join(locale === 'zh' ? '；' : '; ');
      const withCaveat = caveat === '' ? '' : `${locale === 'zh' ? '；' : '; '}${caveat}`;
      charts.push({
        name: 'fan',
        title: w.simulated,
        spec: fanChart(
          {
            bands,
            median: s.years.map((year, i) => ({ year, value: q(0.5)[i] as number })),
            targets: markers,
            attainment,
            periods,
            actuals: observations,
            // The fan opens at the base, a known point of the model, not in mid-air.
            ...(startsAtBase ? { start: { year: model.fromYear, value: model.base.value } } : {}),
          },
          {
            unit,
            locale,
            width,
            title: `${title}${locale === 'zh' ? '：蒙特卡洛模拟' : ': Monte Carlo'}`,
            subtitle:
              locale === 'zh'
                ? `阴影为模拟结果的中心区间；${w.volatility(vol)}${withCaveat}`
                : `Shaded bands are central intervals of the simulated runs; ${w.volatility(vol)}${withCaveat}`,
            source: source(docs, obsPart, run),
            ...(measure !== undefined ? { measure } : {}),
          },
        ),
        data: {
          title: w.simulated,
          columns: [
            w.year,
            ...[5, 25].map((p) => ({ name: w.percentile(p), unit: uText, decimals: 3 })),
            { name: w.median, unit: uText, decimals: 3 },
            ...[75, 95].map((p) => ({ name: w.percentile(p), unit: uText, decimals: 3 })),
          ],
          rows: [
            ...(startsAtBase ? [[model.fromYear, ...Array<number>(5).fill(model.base.value)]] : []),
            ...s.years.map((year, i) => [year, ...[0.05, 0.25, 0.5, 0.75, 0.95].map((l) => q(l)[i] as number)]),
          ],
        },
      });
      const lastYear = s.years[s.years.length - 1] as number;
      const finalTarget = monteCarlo.targets.find((t) => t.year === lastYear);
      const finalMarker = finalTarget
        ? markers.find((m) => m.year === finalTarget.year && m.value === finalTarget.value)
        : undefined;
      const finals = s.samplePaths.map((p) => p[p.length - 1] as number);
      charts.push({
        name: 'distribution',
        title: w.distribution(lastYear),
        spec: distributionChart(
          {
            values: finals,
            year: lastYear,
            ...(finalMarker ? { target: finalMarker } : {}),
            ...(finalTarget ? { probability: finalTarget.probability } : {}),
          },
          {
            unit,
            locale,
            width,
            title: `${title}${locale === 'zh' ? '：' : ': '}${w.distribution(lastYear).toLowerCase()}`,
            // The same conditions as the fan's subtitle: P rests on the assumed volatility and the caveat.
            subtitle:
              locale === 'zh'
                ? `${s.samplePaths.length}条样本路径；概率来自全部${paths}条路径；${w.volatility(vol)}${withCaveat}`
                : `${s.samplePaths.length.toLocaleString('en-US')} sample paths; the probability is from all ${paths.toLocaleString('en-US')}; ${w.volatility(vol)}${withCaveat}`,
            source: source(docs, run),
            ...(measure !== undefined ? { measure } : {}),
          },
        ),
        data: {
          title: w.distribution(lastYear),
          columns: [locale === 'zh' ? '样本路径' : 'Sample path', { name: w.sample, unit: uText, decimals: 4 }],
          rows: finals.map((v, i) => [i + 1, v]),
        },
      });
    }
  }
  let sectors: ModelDecomposition | undefined;
  if (model.sectors.length > 0) {
    sectors = decomposeModel(model);
    charts.push(...sectorCharts(model, sectors, locale, width, source(docs, w.illustrative), measure));
  }
  return {
    model,
    locale,
    check,
    projections,
    ...(monteCarlo ? { monteCarlo } : {}),
    ...(sectors ? { sectors } : {}),
    observations,
    charts,
  };
}

/** Stacked levels, contributions to growth in percentage points, and the base-to-end waterfall by sector. */
function sectorCharts(
  model: ModelDefinition,
  d: ModelDecomposition,
  locale: Locale,
  width: number,
  source: string,
  measure: string | undefined,
): NamedChart[] {
  const w = REPORT_WORDS[locale];
  const unit = model.unit;
  const uText = unitText(unit, locale);
  const name = (id: string) => sectorName(model, id, locale);
  const levels = d.panel.sectors.flatMap((id, i) =>
    d.panel.years.map((year, j) => ({ sector: name(id), year, value: d.panel.values[i]?.[j] as number })),
  );
  const contributions = d.rows
    .filter((r) => r.measure === 'contribution')
    .map((r) => ({ sector: name(r.sector), year: r.year, contribution: r.value }));
  const last = d.panel.years.length - 1;
  const changes = d.panel.sectors.map((id, i) => ({
    sector: name(id),
    change: (d.panel.values[i]?.[last] as number) - (d.panel.values[i]?.[0] as number),
  }));
  const baseValue = d.panel.values.reduce((a, row) => a + (row[0] as number), 0);
  const assumed = w.illustrative;
  const common = { unit, locale, width, source, ...(measure !== undefined ? { measure } : {}) };
  const span = yearSpan(model.fromYear, model.toYear, locale);
  return [
    {
      name: 'sector-levels',
      title: w.sectorLevels,
      spec: stackedAreaChart(
        { rows: levels },
        {
          ...common,
          title: locale === 'zh' ? `${w.sectorLevels}（${span}）` : `${w.sectorLevels}, ${span}`,
          subtitle: locale === 'zh' ? `堆积规模；${assumed}` : `Stacked levels; ${assumed}`,
        },
      ),
      data: {
        title: w.sectorLevels,
        columns: [w.sector, w.year, { name: w.level, unit: uText, decimals: 4 }],
        rows: levels.map((r) => [r.sector, r.year, r.value]),
      },
    },
    {
      name: 'contributions',
      title: w.contributions,
      spec: contributionChart(
        { rows: contributions },
        {
          ...common,
          title:
            locale === 'zh'
              ? `${w.contributions}（${yearSpan(model.fromYear + 1, model.toYear, locale)}）`
              : `${w.contributions}, ${yearSpan(model.fromYear + 1, model.toYear, locale)}`,
          subtitle: locale === 'zh' ? `年增长的百分点；${assumed}` : `Percentage points of yearly growth; ${assumed}`,
        },
      ),
      data: {
        title: w.contributions,
        columns: [w.sector, w.year, { name: w.contribution, unit: '%', format: 'percent', decimals: 2 }],
        rows: contributions.map((r) => [r.sector, r.year, r.contribution]),
      },
    },
    {
      name: 'waterfall',
      title: w.waterfall(model.fromYear, model.toYear),
      spec: waterfallChart(
        { baseYear: model.fromYear, baseValue, targetYear: model.toYear, changes },
        {
          ...common,
          title: w.waterfall(model.fromYear, model.toYear),
          subtitle: locale === 'zh' ? `各部门变化；${assumed}` : `Change by sector; ${assumed}`,
        },
      ),
      data: {
        title: w.waterfall(model.fromYear, model.toYear),
        columns: [w.step, { name: w.change, unit: uText, decimals: 4 }],
        rows: [
          [String(model.fromYear), baseValue],
          ...changes.map((c) => [c.sector, c.change]),
          [String(model.toYear), baseValue + changes.reduce((a, c) => a + c.change, 0)],
        ],
      },
    },
  ];
}

/**
 * Checks a report handed back in (modelSection, modelSummary read every part of it): the model, the check's
 * rows and counts, the projections with their target checks, the Monte Carlo settings and probabilities
 * and the charts, each field typed and each number finite, so nothing reads "NaN%" or throws a TypeError.
 */
export function checkModelReport(fn: string, r: ModelReport): void {
  const fail = (where: string, what: string, got: unknown): never => {
    throw fieldError(fn, where, what, got, 'Pass what modelReport returned, as it came.');
  };
  const obj = (where: string, v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(where, 'must be an object', v);
  const arr = (where: string, v: unknown): readonly unknown[] => {
    if (!Array.isArray(v)) return fail(where, 'must be an array', v);
    for (let i = 0; i < v.length; i++)
      if (!(i in v)) fail(`${where}[${i}]`, 'is missing (a hole in the array)', undefined);
    return v;
  };
  const str = (where: string, v: unknown): void => {
    if (typeof v !== 'string') fail(where, 'must be text', v);
  };
  const num = (where: string, v: unknown, ok: (x: number) => boolean = () => true): void => {
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) fail(where, 'must be a finite number in range', v);
  };
  const report = obj('report', r);
  asModel(fn, report['model']);
  checkLocale(fn, report['locale'], 'report.locale');
  arr('report.observations', report['observations']).forEach((a, i) => {
    const o = obj(`report.observations[${i}]`, a);
    num(`report.observations[${i}].year`, o['year'], Number.isInteger);
    num(`report.observations[${i}].value`, o['value']);
    if (typeof o['comparator'] !== 'string' || !Object.hasOwn(Comparator, o['comparator']))
      fail(`report.observations[${i}].comparator`, 'must be a comparator', o['comparator']);
  });
  const check = obj('report.check', report['check']);
  const consistency = obj('report.check.consistency', check['consistency']);
  const counts = obj('report.check.consistency.counts', consistency['counts']);
  for (const k of ['consistent', 'inconsistent', 'disagreement', 'implied'])
    num(`report.check.consistency.counts.${k}`, counts[k]);
  arr('report.check.consistency.checks', consistency['checks']).forEach((c, i) => {
    const o = obj(`report.check.consistency.checks[${i}]`, c);
    for (const k of ['status', 'title', 'explanation']) str(`report.check.consistency.checks[${i}].${k}`, o[k]);
    arr(`report.check.consistency.checks[${i}].implied`, o['implied']).forEach((n, j) => {
      const x = obj(`report.check.consistency.checks[${i}].implied[${j}]`, n);
      const w = `report.check.consistency.checks[${i}].implied[${j}]`;
      str(`${w}.label`, x['label']);
      str(`${w}.text`, x['text']);
      // The Chinese report writes the figure from its numbers and unit, not from its English text.
      num(`${w}.value`, x['value']);
      unitArg(fn, `${w}.unit`, x['unit']);
      if (x['determined'] !== undefined && !['interval', 'lower', 'upper', 'none'].includes(x['determined'] as string))
        fail(`${w}.determined`, 'must be interval, lower, upper or none', x['determined']);
      if (x['bound'] !== undefined) num(`${w}.bound`, x['bound']);
      if (x['range'] !== undefined) {
        const range = arr(`${w}.range`, x['range']);
        if (range.length !== 2) fail(`${w}.range`, 'must be [low, high]', range);
        range.forEach((v, k) => num(`${w}.range[${k}]`, v));
      }
    });
  });
  arr('report.check.assumptions', check['assumptions']).forEach((a, i) => {
    const o = obj(`report.check.assumptions[${i}]`, a);
    str(`report.check.assumptions[${i}].path`, o['path']);
    // An assumption's value is a number, or an expression's text.
    if (typeof o['value'] !== 'string') num(`report.check.assumptions[${i}].value`, o['value']);
    str(`report.check.assumptions[${i}].assumption`, o['assumption']);
  });
  arr('report.projections', report['projections']).forEach((p, i) => {
    checkProjection(fn, p, `report.projections[${i}]`, true);
    const o = p as Record<string, unknown>;
    num(`report.projections[${i}].fromYear`, o['fromYear'], Number.isInteger);
    num(`report.projections[${i}].toYear`, o['toYear'], (y) => Number.isInteger(y) && y > (o['fromYear'] as number));
    arr(`report.projections[${i}].targets`, o['targets']).forEach((t, j) => {
      const w = `report.projections[${i}].targets[${j}]`;
      const x = obj(w, t);
      str(`${w}.fact.id`, obj(`${w}.fact`, x['fact'])['id']);
      if (typeof x['meets'] !== 'boolean') fail(`${w}.meets`, 'must be true or false', x['meets']);
      num(`${w}.gapRelative`, x['gapRelative']);
      num(`${w}.requiredCagr`, x['requiredCagr']);
    });
  });
  if (report['monteCarlo'] !== undefined) {
    const mc = obj('report.monteCarlo', report['monteCarlo']);
    const settings = obj('report.monteCarlo.settings', mc['settings']);
    num('report.monteCarlo.settings.paths', settings['paths'], (x) => Number.isInteger(x) && x >= 1);
    num('report.monteCarlo.settings.seed', settings['seed'], (x) => Number.isInteger(x) && x >= 0);
    arr('report.monteCarlo.targets', mc['targets']).forEach((t, i) => {
      const w = `report.monteCarlo.targets[${i}]`;
      const x = obj(w, t);
      str(`${w}.id`, x['id']);
      if (typeof x['comparator'] !== 'string' || !Object.hasOwn(Comparator, x['comparator']))
        fail(`${w}.comparator`, 'must be a comparator', x['comparator']);
      num(`${w}.value`, x['value']);
      num(`${w}.year`, x['year'], Number.isInteger);
      num(`${w}.probability`, x['probability'], (p) => p >= 0 && p <= 1);
      num(`${w}.standardError`, x['standardError'], (p) => p >= 0 && p <= 1);
    });
  }
  arr('report.charts', report['charts']).forEach((c, i) => {
    const o = obj(`report.charts[${i}]`, c);
    str(`report.charts[${i}].name`, o['name']);
    str(`report.charts[${i}].title`, o['title']);
    // A chart spec is JSON data whose every number is finite (a NaN opacity draws nothing, silently).
    const bad = notJson(obj(`report.charts[${i}].spec`, o['spec']));
    if (bad !== undefined) fail(`report.charts[${i}].spec${bad.path}`, 'must be a finite number', bad.value);
    // The page's version of the chart (as modelReport builds it) is data of the same kind, passed on as it is.
    if (o['htmlSpec'] !== undefined) {
      const badHtml = notJson(obj(`report.charts[${i}].htmlSpec`, o['htmlSpec']));
      if (badHtml !== undefined)
        fail(`report.charts[${i}].htmlSpec${badHtml.path}`, 'must be a finite number', badHtml.value);
    }
    // The numbers behind the chart (written as a table, CSV and a sheet): named columns, one cell per column.
    const dw = `report.charts[${i}].data`;
    const data = obj(dw, o['data']);
    if (data['title'] !== undefined) str(`${dw}.title`, data['title']);
    const columns = arr(`${dw}.columns`, data['columns']);
    columns.forEach((col, k) => {
      if (typeof col === 'string') return;
      const cw = `${dw}.columns[${k}]`;
      const x = obj(cw, col);
      str(`${cw}.name`, x['name']);
      if (x['unit'] !== undefined) str(`${cw}.unit`, x['unit']);
      if (x['format'] !== undefined && !['number', 'percent', 'year'].includes(x['format'] as string))
        fail(`${cw}.format`, 'must be number, percent or year', x['format']);
      if (x['decimals'] !== undefined)
        num(`${cw}.decimals`, x['decimals'], (d) => Number.isInteger(d) && d >= 0 && d <= 20);
    });
    arr(`${dw}.rows`, data['rows']).forEach((row, k) => {
      const cells = arr(`${dw}.rows[${k}]`, row);
      if (cells.length !== columns.length)
        fail(`${dw}.rows[${k}]`, `must have one cell per column (${columns.length})`, cells);
      cells.forEach((v, m) => {
        if (!(v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))))
          fail(`${dw}.rows[${k}][${m}]`, 'must be text, a finite number or null', v);
      });
    });
  });
}
