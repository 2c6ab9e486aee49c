import type { TopLevelSpec } from 'vega-lite';
import { contributionChart } from '../charts/contributionChart.js';
import { distributionChart } from '../charts/distributionChart.js';
import { stackedAreaChart } from '../charts/stackedAreaChart.js';
import { waterfallChart } from '../charts/waterfallChart.js';
import { decomposeModel, type ModelDecomposition } from '../decompose/decomposeModel.js';
import { fanChart } from '../charts/fanChart.js';
import type { PlanPeriod, TargetMarker } from '../charts/inputs.js';
import { trajectoryChart } from '../charts/trajectoryChart.js';
import { checkModel, type ModelCheck } from '../model/checkModel.js';
import { simulateModel } from '../model/simulateModel.js';
import { probabilityBasis, probabilityRestsOn } from '../model/probabilityBasis.js';
import type { ModelDefinition } from '../model/types.js';
import type { ReportSection, ReportTable } from '../render/reportHtml.js';
import { projectAll } from '../scenario/projectAll.js';
import type { ScenarioProjection } from '../scenario/types.js';
import type { MonteCarloResult } from '../simulate/monteCarloTypes.js';
import { convertScale, formatQuantity } from '../series/units.js';
import { sourceLine } from '../series/provenance.js';
import { describeFact, formatRate } from '../targets/describeFact.js';
import type { Fact } from '../targets/fact.js';

/** Five-Year Plan periods, shaded on charts where they overlap a model's years. */
export const PLAN_PERIODS: readonly PlanPeriod[] = [
  { label: '12th Five-Year Plan', fromYear: 2011, toYear: 2015 },
  { label: '13th Five-Year Plan', fromYear: 2016, toYear: 2020 },
  { label: '14th Five-Year Plan', fromYear: 2021, toYear: 2025 },
  { label: '15th Five-Year Plan', fromYear: 2026, toYear: 2030 },
];

/** Options of {@link modelReport}. */
export interface ModelReportOptions {
  /** Monte Carlo paths; default 20000. */
  readonly paths?: number;
  /** Seed of the Monte Carlo run; default 2026. */
  readonly seed?: number;
  /** Worker threads for the Monte Carlo run; default 1. */
  readonly workers?: number;
  /** `en` (default) or `zh` number words on charts. */
  readonly locale?: 'en' | 'zh';
  /** Progress of the Monte Carlo run: path-years done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A chart of a model report, with a file-friendly name. */
export interface NamedChart {
  readonly name: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

/** Everything the main job computes for one model. */
export interface ModelReport {
  readonly model: ModelDefinition;
  readonly check: ModelCheck;
  readonly projections: readonly ScenarioProjection[];
  /** Monte Carlo around the plan scenario; absent when the model has no uncertainty. */
  readonly monteCarlo?: MonteCarloResult;
  /** Sector decomposition; absent when the model has no sectors. */
  readonly sectors?: ModelDecomposition;
  readonly charts: readonly NamedChart[];
}

/** A fact as a chart marker, its value in the model's unit. */
export function targetMarker(model: ModelDefinition, f: Fact): TargetMarker {
  return {
    year: f.year,
    value: convertScale(f.value, f.unit, model.unit),
    comparator: f.comparator,
    label: `${f.year}: ${describeFact(f)} (${f.kind})`,
    source: {
      document: sourceLine(f.provenance),
      quote: f.provenance.quote,
    },
  };
}

function periodsFor(model: ModelDefinition): PlanPeriod[] {
  return PLAN_PERIODS.filter((p) => p.toYear > model.fromYear && p.fromYear <= model.toYear);
}

/**
 * The main job for one model: its consistency check, every scenario projected, a seeded Monte Carlo
 * run around the plan, and the charts (trajectories with targets, the fan chart with the attainment
 * probability, the distribution of the final-year level).
 */
export async function modelReport(model: ModelDefinition, options: ModelReportOptions = {}): Promise<ModelReport> {
  const { paths = 20000, seed = 2026, workers = 1, locale = 'en' } = options;
  const check = checkModel(model);
  const projections = projectAll(model);
  const markers = model.targets.map((f) => targetMarker(model, f));
  const periods = periodsFor(model);
  const unit = model.unit;
  // The axis names the industry: the title up to its first comma, " by " or parenthesis.
  const measure = (model.title.split(/,| by | \(/)[0] ?? model.title).trim();
  const charts: NamedChart[] = [];
  charts.push({
    name: 'trajectories',
    title: 'Scenarios and plan targets',
    spec: trajectoryChart(
      {
        rows: projections.flatMap((p) =>
          p.years.map((year, i) => ({
            series: model.metric,
            scenario: p.scenario,
            year,
            value: p.levels[i] as number,
          })),
        ),
        targets: markers,
        periods,
      },
      {
        unit,
        locale,
        title: `${model.title}: scenarios`,
        subtitle: 'Lines: scenarios; markers: plan targets (shape shows the wording)',
        measure,
      },
    ),
  });
  let monteCarlo: MonteCarloResult | undefined;
  if (model.uncertainty) {
    monteCarlo = await simulateModel(model, {
      paths,
      seed,
      workers,
      samplePaths: Math.min(paths, 4000),
      quantiles: [0.05, 0.25, 0.5, 0.75, 0.95],
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
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
      const vol = model.uncertainty.volatility.value;
      // What the probabilities on the charts rest on, in a few words (the section text has the full sentence).
      const caveat = monteCarlo.targets
        .map((t) => {
          const words = probabilityRestsOn(model, 'plan', t.id);
          return words.startsWith('50 % by construction')
            ? `P for ${t.year} is 50 % by construction (base back-cast from the target)`
            : words.includes('this is a lower bound')
              ? `P for ${t.year} is a lower bound (base and rate at the floors of their wording)`
              : '';
        })
        .filter((x) => x !== '')
        .join('; ');
      charts.push({
        name: 'fan',
        title: 'Monte Carlo fan chart with attainment probability',
        spec: fanChart(
          {
            bands,
            median: s.years.map((year, i) => ({ year, value: q(0.5)[i] as number })),
            targets: markers,
            attainment,
            periods,
          },
          {
            unit,
            locale,
            title: `${model.title}: Monte Carlo`,
            subtitle: `${paths.toLocaleString('en')} paths, seed ${seed}; growth volatility ${formatRate(vol)} a year (an assumption)${caveat ? `; ${caveat}` : ''}`,
            measure,
          },
        ),
      });
      const lastYear = s.years[s.years.length - 1] as number;
      const finalTarget = monteCarlo.targets.find((t) => t.year === lastYear);
      const finalMarker = finalTarget
        ? markers.find((m) => m.year === finalTarget.year && m.value === finalTarget.value)
        : undefined;
      charts.push({
        name: 'distribution',
        title: `Distribution of the ${lastYear} level`,
        spec: distributionChart(
          {
            values: s.samplePaths.map((p) => p[p.length - 1] as number),
            year: lastYear,
            ...(finalMarker ? { target: finalMarker } : {}),
            ...(finalTarget ? { probability: finalTarget.probability } : {}),
          },
          {
            unit,
            locale,
            title: `${model.title}: the ${lastYear} level`,
            subtitle: `${s.samplePaths.length.toLocaleString('en')} sample paths; the probability is from all ${paths.toLocaleString('en')}${caveat ? `; ${caveat}` : ''}`,
            measure,
          },
        ),
      });
    }
  }
  let sectors: ModelDecomposition | undefined;
  if (model.sectors.length > 0) {
    sectors = decomposeModel(model);
    charts.push(...sectorCharts(model, sectors, locale, measure));
  }
  return { model, check, projections, ...(monteCarlo ? { monteCarlo } : {}), ...(sectors ? { sectors } : {}), charts };
}

/** Stacked levels, contributions to growth in percentage points, and the base-to-end waterfall by sector. */
function sectorCharts(
  model: ModelDefinition,
  d: ModelDecomposition,
  locale: 'en' | 'zh',
  measure: string,
): NamedChart[] {
  const unit = model.unit;
  const name = (id: string) => d.sectors.find((s) => s.id === id)?.name ?? id;
  const levels = d.panel.sectors.flatMap((id, i) =>
    d.panel.years.map((year, j) => ({ sector: name(id), year, value: d.panel.values[i]?.[j] as number })),
  );
  const contributions = d.rows
    .filter((r) => r.measure === 'contribution')
    .map((r) => ({ sector: name(r.sector), year: r.year, contribution: r.value }));
  const last = d.panel.years.length - 1;
  const assumed = 'sector shares and rates are assumptions';
  return [
    {
      name: 'sector-levels',
      title: 'Sector levels',
      spec: stackedAreaChart(levels, {
        unit,
        locale,
        title: `Sector levels, ${model.fromYear}-${model.toYear}`,
        subtitle: `${model.id}: stacked levels; ${assumed}`,
        measure,
      }),
    },
    {
      name: 'contributions',
      title: 'Contributions to growth by sector',
      spec: contributionChart(
        { rows: contributions },
        {
          unit,
          locale,
          title: `Contributions to growth by sector, ${model.fromYear + 1}-${model.toYear}`,
          subtitle: `${model.id}: percentage points of yearly growth; ${assumed}`,
          measure,
        },
      ),
    },
    {
      name: 'waterfall',
      title: `From ${model.fromYear} to ${model.toYear} by sector`,
      spec: waterfallChart(
        {
          baseYear: model.fromYear,
          baseValue: d.panel.values.reduce((a, row) => a + (row[0] as number), 0),
          targetYear: model.toYear,
          changes: d.panel.sectors.map((id, i) => ({
            sector: name(id),
            change: (d.panel.values[i]?.[last] as number) - (d.panel.values[i]?.[0] as number),
          })),
        },
        {
          unit,
          locale,
          title: `From ${model.fromYear} to ${model.toYear} by sector`,
          subtitle: `${model.id}: change by sector; ${assumed}`,
          measure,
        },
      ),
    },
  ];
}

const fmt = (model: ModelDefinition, v: number) => formatQuantity({ value: v, unit: model.unit });

/** The report section of one model: text, charts and tables. */
export function modelSection(r: ModelReport): ReportSection {
  const m = r.model;
  const tables: ReportTable[] = [
    {
      columns: ['target', 'year', 'kind', 'source', 'quote'],
      rows: m.targets.map((f) => [describeFact(f), f.year, f.kind, sourceLine(f.provenance), f.provenance.quote]),
    },
    {
      columns: ['scenario', `level ${m.toYear}`, 'CAGR', ...m.targets.map((t) => `meets ${t.id}`)],
      rows: r.projections.map((p) => [
        p.scenario,
        fmt(m, p.levels[p.levels.length - 1] as number),
        formatRate(
          Math.pow((p.levels[p.levels.length - 1] as number) / (p.levels[0] as number), 1 / (p.toYear - p.fromYear)) -
            1,
        ),
        ...m.targets.map((t) => {
          const c = p.targets.find((x) => x.fact.id === t.id);
          if (!c) return '';
          // A base back-cast from this target puts the plan exactly on it: neither a hit nor a miss.
          if (probabilityBasis(m, p.scenario, t.id) !== undefined && Math.abs(c.gapRelative) < 1e-9)
            return `on it by construction (base back-cast from ${t.id})`;
          return `${c.meets ? 'yes' : 'no'} (needs ${formatRate(c.requiredCagr)} a year)`;
        }),
      ]),
    },
    {
      columns: ['status', 'check', 'explanation'],
      rows: r.check.consistency.checks.map((c) => [c.status, c.title, c.explanation]),
    },
    {
      columns: ['assumption', 'value', 'why'],
      rows: r.check.assumptions.map((a) => [a.path, a.value, a.assumption]),
    },
  ];
  const attain = r.monteCarlo?.targets
    .map(
      (t) =>
        `P(${t.comparator} ${fmt(m, t.value)} in ${t.year}) = ${formatRate(t.probability)} (${probabilityRestsOn(m, 'plan', t.id)})`,
    )
    .join('; ');
  return {
    heading: m.title,
    text: `${m.description ?? ''}${attain ? ` Monte Carlo (${r.monteCarlo?.settings.paths.toLocaleString('en')} paths, seed ${r.monteCarlo?.settings.seed}): ${attain}.` : ''}`,
    charts: r.charts.map((c) => ({ title: c.title, spec: c.spec, file: `${m.id}-${c.name}` })),
    tables,
  };
}

/** A few lines for the terminal: targets, consistency, scenario end levels and attainment probabilities. */
export function modelSummary(r: ModelReport): string {
  const m = r.model;
  const lines = [`${m.title}  [${m.id}]`];
  for (const f of m.targets) lines.push(`  target   ${describeFact(f)} in ${f.year}  (${sourceLine(f.provenance)})`);
  const c = r.check.consistency;
  lines.push(
    `  checks   ${c.counts.consistent} consistent, ${c.counts.inconsistent} inconsistent, ${c.counts.disagreement} disagreement, ${c.counts.implied} implied`,
  );
  const notes = c.checks
    .filter((x) => x.status !== 'consistent')
    .map((k) => `           ${k.status}: ${k.implied.map((n) => `${n.label} = ${n.text}`).join('; ') || k.title}`);
  lines.push(...new Set(notes));
  for (const p of r.projections) {
    // A base backcast from a target puts the plan path exactly on it: say so rather than "misses".
    const verb = (x: ScenarioProjection['targets'][number]) =>
      x.meets ? 'meets' : Math.abs(x.gapRelative) < 1e-9 ? 'lands exactly on' : 'misses';
    const t = p.targets.map((x) => `${verb(x)} ${x.fact.id}`).join(', ');
    lines.push(
      `  ${p.scenario.padEnd(12)} ${m.toYear}: ${fmt(m, p.levels[p.levels.length - 1] as number)}${t ? `  (${t})` : ''}`,
    );
  }
  for (const t of r.monteCarlo?.targets ?? []) {
    const basis = probabilityRestsOn(m, 'plan', t.id);
    lines.push(
      `  P(${t.comparator} ${fmt(m, t.value)} in ${t.year}) = ${formatRate(t.probability)} ± ${formatRate(t.standardError)}  (Monte Carlo, seed ${r.monteCarlo?.settings.seed})`,
    );
    lines.push(`           ${basis}`);
  }
  return lines.join('\n') + '\n';
}
