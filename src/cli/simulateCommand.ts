import { MetricsError } from '../errors.js';
import { parseLevels } from '../forecast/levels.js';
import { modelOptions } from './modelOptions.js';
import { runManifest } from '../io/runManifest.js';
import { asOfHelp, asOfLine, loadModelAsOf } from './asOfOption.js';
import { simulateModel } from '../model/simulateModel.js';
import { probabilityRestsOn } from '../model/probabilityBasis.js';
import { unitToString } from '../series/units.js';
import type { Simulation } from '../simulate/types.js';
import { simulationToTidy } from '../simulate/simulationToTidy.js';
import type { CliArgs, CliCommand } from './command.js';
import {
  emit,
  outputFormat,
  progressBar,
  toCsv,
  toTable,
  wholeNumberOption,
  wrapParagraph,
  type Row,
} from './output.js';

const DEFAULT_PATHS = 10_000;
const DEFAULT_SEED = 2026;
const DEFAULT_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];

function levels(args: CliArgs): number[] {
  const raw = args.values['quantiles'];
  if (raw === undefined) return DEFAULT_QUANTILES;
  return parseLevels('--quantiles', String(raw), 'quantile');
}

/** `q05`, `q50`, `q97.5`: a column name for a quantile level. */
function qName(level: number): string {
  const pct = Number((level * 100).toPrecision(10));
  return `q${pct < 10 ? '0' : ''}${pct}`;
}

/** One row per simulated year: mean, sd and every quantile of the simulated level. */
export function simulationRows(r: Simulation): Row[] {
  const s = r.series[r.series.length - 1]!;
  return s.years.map((year, t) => {
    const row: Record<string, number> = { year, mean: s.mean[t]!, sd: s.sd[t]! };
    for (const q of s.quantiles) row[qName(q.level)] = q.values[t]!;
    return row;
  });
}

/**
 * The JSON document of a run: quantiles per year and each target's attainment `probability`, with
 * `basis` (what the probability rests on, in words) where `bases` gives one for the target.
 */
export function simulationJson(
  model: { id: string; unit: string },
  scenario: string,
  r: Simulation,
  bases: Readonly<Record<string, string>> = {},
): unknown {
  const s = r.series[r.series.length - 1]!;
  return {
    model: model.id,
    scenario,
    unit: model.unit,
    settings: r.settings,
    years: s.years.map((year, t) => ({
      year,
      mean: s.mean[t],
      sd: s.sd[t],
      quantiles: Object.fromEntries(s.quantiles.map((q) => [String(q.level), q.values[t]])),
    })),
    targets: r.targets.map((t) => (bases[t.id] !== undefined ? { ...t, basis: bases[t.id] } : t)),
    ...(s.samplePaths.length > 0 ? { samplePaths: s.samplePaths } : {}),
  };
}

/** `industry-metrics simulate <model>`: Monte Carlo quantiles per year and target attainment probabilities. */
export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: "Monte Carlo simulation of a model's scenario: yearly quantiles and the probability of meeting each target.",
  usage:
    'industry-metrics simulate <model id | file.model.json> [--paths N] [--seed S] [--quantiles 0.05,0.5,0.95] [--workers W] [--scenario NAME] [--as-of YEAR] [--sample-paths N] [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    asOfHelp,
    ['--paths <n>', `Number of simulated paths (default ${DEFAULT_PATHS}).`],
    [
      '--seed <s>',
      `Random seed, a whole number (default ${DEFAULT_SEED}); the same seed gives the same numbers on any machine and any --workers.`,
    ],
    [
      '--quantiles <list>',
      'Comma-separated quantiles as fractions in [0, 1] (default 0.05,0.25,0.5,0.75,0.95); 5,50,95 is read as percent.',
    ],
    ['--workers <w>', 'Worker threads (default 1: this thread). About one per core for large runs.'],
    ['--scenario <name>', 'Scenario of the model to simulate around (default plan).'],
    ['--sample-paths <n>', 'Keep the first n full paths in the JSON output (default 0).'],
    [
      '--format <f>',
      'table (default), csv (long rows: series, year, statistic, quantile, value; targets as statistic "probability"), json or xlsx (the csv rows as a workbook; needs --out).',
    ],
    ['--out <file>', 'Write the output to a file instead of standard output.'],
  ],
  examples: [
    'industry-metrics simulate big-data-14th-fyp',
    'industry-metrics simulate big-data-14th-fyp --paths 100000 --workers 2 --quantiles 0.1,0.5,0.9 --format json --out sim.json',
    'industry-metrics simulate big-data-14th-fyp --as-of 2022',
  ],
  options: {
    'as-of': { type: 'string' },
    paths: { type: 'string' },
    seed: { type: 'string' },
    quantiles: { type: 'string' },
    workers: { type: 'string' },
    scenario: { type: 'string' },
    'sample-paths': { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, ctx) {
    const format = outputFormat(args);
    if (args.positionals.length !== 1) {
      throw new MetricsError(
        'invalid_argument',
        `give exactly one model id or .model.json file (got ${args.positionals.length}). See 'industry-metrics models'.`,
      );
    }
    const paths = wholeNumberOption(args, 'paths', DEFAULT_PATHS, 1);
    const seed = wholeNumberOption(args, 'seed', DEFAULT_SEED, 0);
    const workers = wholeNumberOption(args, 'workers', 1, 1);
    const samplePaths = wholeNumberOption(args, 'sample-paths', 0, 0);
    const quantiles = levels(args);
    const scenarioArg = args.values['scenario'];
    if (scenarioArg !== undefined && typeof scenarioArg !== 'string')
      throw new MetricsError('invalid_argument', '--scenario needs a name.');
    const scenario = scenarioArg ?? 'plan';
    const model = loadModelAsOf(args, args.positionals[0]!, modelOptions(ctx), 'simulate');
    const onProgress = progressBar(ctx, 'simulating');
    const r = await simulateModel(model, {
      paths,
      seed,
      workers,
      quantiles,
      samplePaths,
      scenario,
      ...(onProgress ? { onProgress } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    const unit = unitToString(model.unit);
    const bases: Record<string, string> = Object.fromEntries(
      r.targets.map((t) => [t.id, probabilityRestsOn(model, scenario, t.id)]),
    );
    let text: string;
    if (format === 'json') {
      // The run record: package version, the model's content hash and every value used, settings, time.
      const manifest = runManifest({
        command: 'simulate',
        models: [model],
        seed,
        paths,
        workers,
        scenario,
        ...(model.asOf ? { asOf: model.asOf.year } : {}),
      });
      text =
        JSON.stringify(
          { ...(simulationJson({ id: model.id, unit }, scenario, r, bases) as object), manifest },
          null,
          2,
        ) + '\n';
    } else if (format === 'csv') {
      const rows: Row[] = [
        ...simulationToTidy(r)
          .filter((row) => row.series === r.analysed)
          .map((row) => ({ ...row, series: model.id })),
        ...r.targets.map((t) => ({
          series: t.id,
          year: t.year,
          statistic: 'probability',
          quantile: null,
          value: t.probability,
        })),
      ];
      text = toCsv(rows, ['series', 'year', 'statistic', 'quantile', 'value']);
    } else {
      const since = asOfLine(model);
      const head = `${wrapParagraph(`${model.title} [${model.id}], scenario ${scenario}: ${paths} paths, seed ${seed}, ${r.settings.distribution} deviations. Levels in ${unit}.`)}\n${since === '' ? '' : `${wrapParagraph(since.trimEnd())}\n`}\n`;
      const targets =
        r.targets.length === 0
          ? 'No targets.\n'
          : toTable(
              r.targets.map((t) => ({
                target: t.id,
                year: t.year,
                comparator: t.comparator,
                value: t.value,
                probability: t.probability,
                'std error': t.standardError,
              })),
              [
                'target',
                'year',
                'comparator',
                { key: 'value', header: `value (${unit})`, style: 'number' },
                { key: 'probability', header: 'probability %', style: 'percent', digits: 1 },
                { key: 'std error', header: 'std error %', style: 'percent', digits: 1 },
              ],
            );
      // Say what each probability rests on: a base back-cast from the target makes it 50% by construction.
      const basis = r.targets.map((t) => `${wrapParagraph(`${t.id}: ${bases[t.id]}.`, '', '  ')}\n`).join('');
      const levels = simulationRows(r);
      // Every level column in one style: the same significant digits, the unit in the line above.
      const columns = Object.keys(levels[0] ?? {}).map((k) =>
        k === 'year' ? k : { key: k, header: k, style: 'number' as const },
      );
      text = head + toTable(levels, columns) + '\nProbability of meeting each target\n' + targets + basis;
    }
    await emit(ctx, args, text, `the simulation of ${model.id} (${scenario})`);
  },
};
