import { MetricsError, isMetricsError } from '../errors.js';
import { argumentError, show } from '../internal/assert.js';
import { cagr } from '../growth/cagr.js';
import type { ModelDefinition } from '../spec/types.js';
import { project } from '../scenario/project.js';
import { gapToTarget, targetSpan } from '../scenario/gapToTarget.js';
import type { TargetCheck } from '../scenario/types.js';
import { unitToString } from '../series/units.js';
import type { Fact } from '../targets/fact.js';
import { growthPath } from '../trajectory/growthPath.js';
import { contributions, type Contributions } from '../decompose/contributions.js';
import { incoherence, type IncoherenceReport } from '../decompose/incoherence.js';
import { shares, type Shares } from '../decompose/shares.js';
import { spanContributions, type SpanContributions } from '../decompose/spanContributions.js';
import { totalCagrFromSectors } from '../decompose/totalCagrFromSectors.js';
import { type DecompositionRow, type Panel, TOTAL_SECTOR } from '../decompose/types.js';
import { asModel } from '../spec/asModel.js';

/** What {@link decomposeModel} returns. Levels are in `unit`; rates and shares are fractions. */
export interface ModelDecomposition {
  readonly modelId: string;
  readonly unit: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** Sector ids and names, in the model's order. */
  readonly sectors: readonly { readonly id: string; readonly name: string }[];
  /** Sector levels per year (from each sector's share of the base and its own path); `total` is the headline (plan) path. */
  readonly panel: Panel;
  /** Each sector's CAGR over the model's span. */
  readonly sectorCagr: readonly number[];
  /** Shares of the sum of the sectors per year (they add up to 1). */
  readonly shares: Shares;
  /** Year-by-year contributions to the growth of the sum of the sectors, and shares of growth. */
  readonly contributions: Contributions;
  /** Contributions over the whole span (simple split): to cumulative growth, log growth and CAGR. */
  readonly span: SpanContributions;
  /** CAGR of the sum of the sectors, from base shares and sector CAGRs (see totalCagrFromSectors). */
  readonly totalCagr: number;
  /** CAGR of the headline (plan) path over the same span. */
  readonly headlineCagr: number;
  /** How far the sum of the sectors is from the headline path, per year (`gap` = headline - sectors). */
  readonly incoherence: IncoherenceReport;
  /** The model's targets checked against the sum of the sectors (targets outside the span are in `outside`). */
  readonly targets: readonly TargetCheck[];
  readonly outside: readonly Fact[];
  /**
   * Tidy rows: `level` per sector and year, `total` (sum of sectors) per year, `share`, `contribution`,
   * `shareOfGrowth` and `growth` per year, and the span's `cagrContribution` per sector and `cagr` of the total in toYear.
   */
  readonly rows: readonly DecompositionRow[];
}

/**
 * Decomposes a loaded model's sectors: each sector starts at its share of the model's base and follows
 * its own path; the function reports the sector paths, their shares per year, contributions per year
 * (points of growth of the sum of the sectors, and shares of growth), contributions to the CAGR over the
 * whole span, the CAGR of the sum from the sectors (`totalCagrFromSectors`), and how far the sum is from
 * the model's headline (plan) path and targets. Nothing is rescaled: if the sectors drift away from the
 * headline, the gap shows in `incoherence` and in `targets`.
 * @throws {MetricsError} invalid_argument when the model has no sectors or is not a loaded model; whatever
 *   a sector's path throws, prefixed with the sector
 * @example
 * const d = decomposeModel(loadModel('big-data-sectors-example'));
 * d.totalCagr; // ≈ 0.2540 (the plan's path: 0.25)
 */
export function decomposeModel(model: ModelDefinition): ModelDecomposition {
  const fn = 'decomposeModel';
  asModel(fn, model);
  if (
    typeof model !== 'object' ||
    model === null ||
    !Array.isArray(model.sectors) ||
    typeof model.base?.value !== 'number'
  ) {
    throw argumentError(
      'invalid_argument',
      `${fn}: expected a loaded ModelDefinition (got ${show(model)}). Load it with loadModel.`,
      'model',
      'a loaded ModelDefinition',
      model,
    );
  }
  if (model.sectors.length === 0) {
    throw argumentError(
      'invalid_argument',
      `${fn}: model "${model.id}" has no sectors. Add a "sectors" list (id, name, share, path) to the model file.`,
      'model.sectors',
      'at least one sector',
      model.sectors,
      { model: model.id },
    );
  }
  const { fromYear, toYear } = model;
  const base = model.base.value;
  const headline = project(model);
  const paths = model.sectors.map((s) => {
    try {
      return growthPath(s.path, { fromYear, toYear, base: s.share.value * base });
    } catch (e) {
      if (isMetricsError(e)) {
        throw new MetricsError(
          e.code,
          `${fn}(${model.id}), sector "${s.id}": ${e.message}`,
          { ...e.details, sector: s.id },
          e.issues.map((x) => ({ ...x, path: ['model', 'sectors', model.sectors.indexOf(s), 'path', ...x.path] })),
        );
      }
      throw e;
    }
  });
  const years = paths[0]?.years as readonly number[];
  const values = paths.map((p) => [...p.levels]);
  const panel: Panel = {
    unit: model.unit,
    years,
    sectors: model.sectors.map((s) => s.id),
    values,
    total: [...headline.levels],
  };
  const parts: Panel = { unit: model.unit, years, sectors: panel.sectors, values };
  const sum = years.map((_, t) => values.reduce((a, row) => a + (row[t] as number), 0));
  const n = toYear - fromYear;
  const sectorCagr = values.map((row, i) => {
    try {
      return cagr(row[0] as number, row[row.length - 1] as number, n);
    } catch (e) {
      if (isMetricsError(e))
        throw new MetricsError(
          e.code,
          `${fn}(${model.id}), sector "${model.sectors[i]?.id}": ${e.message}`,
          { sector: model.sectors[i]?.id },
          e.issues.map((x) => ({ ...x, path: ['model', 'sectors', i] })),
        );
      throw e;
    }
  });
  const totalCagr = totalCagrFromSectors(
    model.sectors.map((s, i) => ({ id: s.id, share: s.share.value, rate: sectorCagr[i] as number })),
    n,
  );
  const headlineCagr = cagr(headline.levels[0] as number, headline.levels[headline.levels.length - 1] as number, n);
  const sharesResult = shares(parts);
  const contributionsResult = contributions(parts);
  const span = spanContributions(parts);
  const sumProjection = { unit: model.unit, years, levels: sum };
  const targets: TargetCheck[] = [];
  const outside: Fact[] = [];
  for (const f of model.targets) {
    if (targetSpan(sumProjection, f) === undefined) outside.push(f);
    else targets.push(gapToTarget(sumProjection, f));
  }
  const rows: DecompositionRow[] = [];
  panel.sectors.forEach((sector, i) =>
    years.forEach((year, t) =>
      rows.push({ sector, year, value: (values[i] as number[])[t] as number, measure: 'level' }),
    ),
  );
  years.forEach((year, t) => rows.push({ sector: TOTAL_SECTOR, year, value: sum[t] as number, measure: 'total' }));
  rows.push(...sharesResult.rows.filter((r) => r.measure === 'share'));
  rows.push(...contributionsResult.rows);
  span.rows.filter((r) => r.measure === 'cagrContribution' || r.measure === 'cagr').forEach((r) => rows.push(r));
  return {
    modelId: model.id,
    unit: unitToString(model.unit),
    fromYear,
    toYear,
    sectors: model.sectors.map((s) => ({ id: s.id, name: s.name })),
    panel,
    sectorCagr,
    shares: sharesResult,
    contributions: contributionsResult,
    span,
    totalCagr,
    headlineCagr,
    incoherence: incoherence(panel),
    targets,
    outside,
    rows,
  };
}
