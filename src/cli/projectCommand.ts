import { argumentError } from '../internal/assert.js';
import { modelOptions } from './modelOptions.js';
import { asOfHelp, asOfLine, loadModelAsOf } from './asOfOption.js';
import type { ModelDefinition } from '../spec/types.js';
import { probabilityBasis } from '../model/probabilityBasis.js';
import { project } from '../scenario/project.js';
import { projectAll } from '../scenario/projectAll.js';
import type { ScenarioProjection } from '../scenario/types.js';
import { unitToString } from '../series/units.js';
import type { CliCommand } from './command.js';
import { emit, outputFormat, toCsv, toTable, wrapParagraph, type Row } from './output.js';

/** One row per scenario and year: level and growth into that year (empty in the base year). */
export function projectionRows(projections: readonly ScenarioProjection[]): Row[] {
  return projections.flatMap((p) =>
    p.years.map(
      (year, i): Row => ({
        model: p.modelId,
        scenario: p.scenario,
        year,
        level: p.levels[i] as number,
        growth: i === 0 ? undefined : (p.rates[i - 1] as number),
        unit: unitToString(p.unit),
      }),
    ),
  );
}

/**
 * One row per scenario and checked target: projected value, meets, gap and the CAGRs. With the model,
 * a path that lands on its target because the base is back-cast from it reads `by construction`, gap 0
 * (the 1e-14 left by floating point is not a miss).
 */
export function targetRows(projections: readonly ScenarioProjection[], model?: ModelDefinition): Row[] {
  return projections.flatMap((p) =>
    p.targets.map((t): Row => {
      const onIt =
        model !== undefined &&
        probabilityBasis(model, p.scenario, t.fact.id) !== undefined &&
        Math.abs(t.gapRelative) < 1e-9;
      return onIt ? { ...targetRow(p, t), meets: 'by construction', gap: 0, 'gap %': 0 } : targetRow(p, t);
    }),
  );
}

function targetRow(p: ScenarioProjection, t: ScenarioProjection['targets'][number]): Row {
  return {
    model: p.modelId,
    scenario: p.scenario,
    target: t.fact.id,
    year: t.year,
    comparator: t.fact.comparator,
    measure: t.measure,
    'target value': t.target,
    projected: t.value,
    meets: t.meets,
    gap: t.gap,
    'gap %': t.gapRelative * 100,
    'required CAGR': t.requiredCagr,
    'projected CAGR': t.projectedCagr,
  };
}

/** The comparator as the table's `is` column shows it. */
const COMPARATOR_SYMBOL: Readonly<Record<string, string>> = {
  exceeds: '>',
  atLeast: '≥',
  about: '≈',
  atMost: '≤',
  below: '<',
  equals: '=',
};

function tableText(model: ModelDefinition, projections: readonly ScenarioProjection[]): string {
  const unit = unitToString(model.unit);
  const parts: string[] = [wrapParagraph(`${model.title}  [${model.id}]  unit: ${unit}`), ''];
  const since = asOfLine(model);
  if (since !== '') parts.splice(1, 0, wrapParagraph(since.trimEnd()));
  for (const p of projections) {
    parts.push(wrapParagraph(`Scenario ${p.scenario}: ${p.description}`));
    parts.push(
      toTable(projectionRows([p]), [
        'year',
        { key: 'level', header: `level (${unit})`, style: 'number' },
        { key: 'growth', header: 'growth %', style: 'percent' },
      ]),
    );
  }
  const targets = targetRows(projections, model);
  parts.push("Targets (required CAGR: from the base year's level to the target)");
  if (targets.length === 0) parts.push('(no targets in the projected years)\n');
  // One table per measure, so a column holds levels or rates, never both; the absolute gap is in CSV/JSON.
  for (const measure of ['level', 'cagr'] as const) {
    const rows = targets.filter((r) => r['measure'] === measure);
    if (rows.length === 0) continue;
    const valueStyle = measure === 'level' ? ({ style: 'number' } as const) : ({ style: 'percent' } as const);
    parts.push(
      measure === 'level'
        ? `Levels in ${unit}; the gap and the CAGRs in % (a year).`
        : 'Rate targets: the target and the projected CAGR over its years, in % a year.',
    );
    parts.push(
      toTable(
        rows.map((r) => ({ ...r, comparator: COMPARATOR_SYMBOL[String(r['comparator'])] ?? r['comparator'] })),
        [
          'scenario',
          'target',
          'year',
          { key: 'comparator', header: 'is' },
          { key: 'target value', header: 'value', ...valueStyle },
          { key: 'projected', header: 'projected', ...valueStyle },
          'meets',
          { key: 'gap %', header: 'gap %', style: 'number', digits: 3 },
          { key: 'required CAGR', header: 'required CAGR %', style: 'percent' },
          { key: 'projected CAGR', header: 'projected CAGR %', style: 'percent' },
        ],
      ),
    );
  }
  const outside = projections[0]?.outside ?? [];
  if (outside.length > 0)
    parts.push(
      `Not checked (outside ${model.fromYear + 1}-${model.toYear}): ${outside.map((f) => `${f.id} (${f.year})`).join(', ')}\n`,
    );
  return parts.join('\n');
}

/** `industry-metrics project <model>`: deterministic scenario paths and target checks. */
export const projectCommand: CliCommand = {
  name: 'project',
  summary: "Project a model's scenarios year by year and check its targets (meets, gap, required CAGR).",
  usage:
    'industry-metrics project <model id | file.model.json> [--scenario NAME]... [--as-of YEAR] [--targets] [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    asOfHelp,
    ['--scenario <name>', 'Project only this scenario (repeatable). Default: every scenario, plan first.'],
    ['--targets', 'For csv: print the target table instead of the level table.'],
    [
      '--format <f>',
      'table (default): levels and growth per scenario, then the targets; csv: one row per scenario and year; json: the projections; xlsx: the csv rows as a workbook (needs --out).',
    ],
    [
      '--out <file>',
      'Write the output to a file instead of stdout (format from --format, else from the extension, else csv).',
    ],
  ],
  examples: [
    'industry-metrics project big-data-14th-fyp',
    'industry-metrics project big-data-14th-fyp --scenario plan --scenario low --format csv --out scenarios.csv',
    'industry-metrics project models/my-industry.model.json --targets --format csv',
    'industry-metrics project big-data-14th-fyp --as-of 2022',
  ],
  options: {
    'as-of': { type: 'string' },
    scenario: { type: 'string', multiple: true },
    targets: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, ctx) {
    const format = outputFormat(args);
    if (args.positionals.length !== 1) {
      throw argumentError(
        'invalid_argument',
        `give one model id or file (got ${args.positionals.length}). See 'industry-metrics models' for the ids.`,
        ['positionals'],
        'one model id or file',
        args.positionals,
      );
    }
    const model = loadModelAsOf(args, args.positionals[0] as string, modelOptions(ctx), 'project');
    const raw = args.values['scenario'];
    const names = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map(String);
    const projections =
      names.length === 0 ? projectAll(model) : [...new Set(names)].map((scenario) => project(model, { scenario }));
    let text: string;
    if (format === 'json')
      text =
        JSON.stringify(
          {
            model: {
              id: model.id,
              title: model.title,
              origin: model.origin,
              ...(model.asOf ? { asOf: model.asOf } : {}),
            },
            projections,
          },
          null,
          2,
        ) + '\n';
    else if (format === 'csv')
      text =
        args.values['targets'] === true ? toCsv(targetRows(projections, model)) : toCsv(projectionRows(projections));
    else text = tableText(model, projections);
    await emit(ctx, args, text, `${projections.length} scenario(s) of ${model.id}`);
  },
};
