import { MetricsError } from '../errors.js';
import { asOfHelp, asOfLine, loadModelAsOf } from './asOfOption.js';
import type { ModelDefinition } from '../spec/types.js';
import { probabilityBasis } from '../model/probabilityBasis.js';
import { project } from '../scenario/project.js';
import { projectAll } from '../scenario/projectAll.js';
import type { ScenarioProjection } from '../scenario/types.js';
import { unitToString } from '../series/units.js';
import type { CliCommand } from './command.js';
import { emit, outputFormat, toCsv, toTable, type Row } from './output.js';

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

function tableText(model: ModelDefinition, projections: readonly ScenarioProjection[]): string {
  const parts: string[] = [`${model.title}  [${model.id}]  unit: ${unitToString(model.unit)}`, ''];
  const since = asOfLine(model);
  if (since !== '') parts.splice(1, 0, since.trimEnd());
  for (const p of projections) {
    parts.push(`Scenario ${p.scenario}: ${p.description}`);
    parts.push(toTable(projectionRows([p]), ['year', 'level', 'growth']));
  }
  const targets = targetRows(projections, model);
  parts.push("Targets (required CAGR: from the base year's level to the target)");
  parts.push(
    targets.length > 0
      ? toTable(targets, [
          'scenario',
          'target',
          'year',
          'comparator',
          'target value',
          'projected',
          'meets',
          'gap',
          'gap %',
          'required CAGR',
          'projected CAGR',
        ])
      : '(no targets in the projected years)\n',
  );
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
      throw new MetricsError(
        'invalid_argument',
        `give one model id or file (got ${args.positionals.length}). See 'industry-metrics models' for the ids.`,
      );
    }
    const model = loadModelAsOf(args, args.positionals[0] as string, ctx.cwd, 'project');
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
