import { resolve } from 'node:path';
import { argumentError } from '../internal/assert.js';
import { parseSeriesCsv } from '../io/csv.js';
import { readSeriesFile } from '../io/readSeriesFile.js';
import { forecastMany, type ForecastMany } from '../forecast/batch.js';
import { calibrate } from '../forecast/calibrate.js';
import { withBoxCox } from '../forecast/withBoxCox.js';
import { forecastMethods } from '../forecast/methods.js';
import { COMPOUNDING_NOTE, defaultMethod, FillMethod } from '../forecast/defaultForecast.js';
import type { ForecastMethod } from '../forecast/types.js';
import { levelLabel, parseLevels } from '../forecast/levels.js';
import type { CliArgs, CliCommand, CliContext } from './command.js';
import { allFailed, choiceOption, emit, outputFormat, toCsv, toTable, type Row, wrapParagraph } from './output.js';

const DEFAULT_HORIZON = 5;

/** Every method name the CLI accepts: `default` plus the registry. */
export function methodNames(): string[] {
  return ['default', ...Object.keys(forecastMethods)];
}

/** A method by its CLI name (`default` or a registry name), calibrated on request. */
export function methodByName(_cmd: string, name: string, calibrated: boolean): ForecastMethod {
  const base =
    name === 'default' ? defaultMethod : Object.hasOwn(forecastMethods, name) ? forecastMethods[name] : undefined;
  if (base === undefined) {
    throw argumentError(
      'invalid_argument',
      `--method: unknown method "${name}" (got ${JSON.stringify(name)}). Use one of ${methodNames().join(', ')}.`,
      ['--method'],
      `one of ${methodNames().join(', ')}`,
      name,
      { method: name },
    );
  }
  // The default's intervals are calibrated already.
  return calibrated && base !== defaultMethod ? calibrate(base) : base;
}

/**
 * The data file named by the one positional argument: CSV (long or wide), JSON, or an Excel workbook (.xlsx:
 * the first sheet or `--sheet NAME`, read like CSV), as long series rows.
 */
export async function readInput(cmd: string, args: CliArgs, ctx: CliContext) {
  if (args.positionals.length !== 1) {
    throw argumentError(
      'invalid_argument',
      `give exactly one data file, CSV or JSON (got ${args.positionals.length}). Usage: industry-metrics ${cmd} <file.csv|file.json> …`,
      ['positionals'],
      'exactly one data file, CSV or JSON',
      args.positionals,
    );
  }
  const file = args.positionals[0] as string;
  const sheet = typeof args.values['sheet'] === 'string' ? args.values['sheet'] : undefined;
  if (file.toLowerCase().endsWith('.xlsx')) {
    const { xlsxAsCsv } = await import('../xlsx/readXlsx.js');
    const { text, file: label } = await xlsxAsCsv(resolve(ctx.cwd, file), sheet === undefined ? {} : { sheet });
    return { file, rows: parseSeriesCsv(text, { file: label }) };
  }
  if (sheet !== undefined)
    throw argumentError(
      'invalid_argument',
      `--sheet applies to .xlsx workbooks only (got ${file}).`,
      ['--sheet'],
      'an .xlsx workbook to read the sheet from',
      file,
    );
  return { file, rows: readSeriesFile(resolve(ctx.cwd, file)) };
}

/** A whole number >= 1 from an option, or undefined when absent. */
export function wholeOption(args: CliArgs, name: string, min = 1): number | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  const v = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(v) || v < min) {
    throw argumentError(
      'invalid_argument',
      `--${name} must be a whole number >= ${min} (got ${JSON.stringify(raw)}).`,
      [`--${name}`],
      `a whole number >= ${min}`,
      raw,
      { [name]: raw },
    );
  }
  return v;
}

/** `--lambda auto|0|<number>`, or undefined when absent. */
export function lambdaOption(args: CliArgs): number | 'auto' | undefined {
  const raw = args.values['lambda'];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  if (text === 'auto') return 'auto';
  const v = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(v) || v < -2 || v > 3) {
    throw argumentError(
      'invalid_argument',
      `--lambda must be auto or a number between -2 and 3, 0 for logs (got ${JSON.stringify(raw)}).`,
      ['--lambda'],
      'auto or a number between -2 and 3',
      raw,
      { lambda: raw },
    );
  }
  return v;
}

/** `--intervals small-sample|r` as ForecastOptions.smallSample: false for `r`, undefined (the default) otherwise. */
export function intervalsOption(args: CliArgs): false | undefined {
  const hint = "Use r for R's normal intervals under 10 observations.";
  return choiceOption(args, 'intervals', ['small-sample', 'r'], 'small-sample', hint) === 'r' ? false : undefined;
}

/** `--levels` as sorted fractions, by the one convention: `0.8,0.95` or `80,95` give [0.8, 0.95]. */
export function levelsOption(args: CliArgs): number[] {
  const raw = args.values['levels'];
  if (raw === undefined) return [0.8, 0.95];
  return parseLevels('--levels', String(raw));
}

function columnsFor(levels: readonly number[]): string[] {
  return ['id', 'year', 'mean', ...levels.flatMap((l) => [`lower_${levelLabel(l)}`, `upper_${levelLabel(l)}`])];
}

/** Prints per-series failures on stderr; returns 2 when there were any. */
export function reportSeriesErrors(ctx: CliContext, cmd: string, errors: ForecastMany['errors']): number {
  for (const e of errors) {
    const hint = e.code === 'missing_years' && cmd === 'forecast' ? ' Or pass --fill linear|log.' : '';
    ctx.stderr(`industry-metrics ${cmd}: series "${e.id}": ${e.message}${hint}\n`);
  }
  return errors.length > 0 ? 2 : 0;
}

/** `industry-metrics forecast <file.csv>`: forecasts every series in a CSV file. */
export const forecastCommand: CliCommand = {
  name: 'forecast',
  summary: 'Forecast every series in a CSV file (long id,year,value or wide): point forecasts and interval bounds.',
  usage:
    'industry-metrics forecast <file.csv|file.json> [--method NAME] [--horizon H | --to-year Y] [--levels 0.8,0.95] [--intervals small-sample|r] [--lambda auto|0|L] [--biasadj] [--fill linear|log] [--calibrated] [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    [
      '--method <name>',
      `One of ${methodNames().join(', ')}. Default: default (the trimmed mean of theta, ARIMA and drift, plus theta and drift on logs).`,
    ],
    [
      '--lambda <l>',
      "Fit on the Box-Cox scale: 0 for logs, a number, or auto (Guerrero's method); forecasts are back-transformed.",
    ],
    ['--biasadj', 'With --lambda: bias-adjust the back-transformed point forecast to the mean (default: the median).'],
    [
      '--fill <how>',
      'Fill missing years first: linear, or log (constant growth between neighbours). Without it a gap is an error.',
    ],
    ['--horizon <h>', `Years after each series' last year (default ${DEFAULT_HORIZON}).`],
    ['--to-year <y>', 'Forecast every series up to this year instead.'],
    [
      '--levels <list>',
      'Interval levels as fractions, comma-separated (default 0.8,0.95); percent such as 80,95 is read as percent.',
    ],
    [
      '--intervals <kind>',
      "small-sample (default: under 10 observations Student-t quantiles, see the notes) or r (R's normal intervals, forecast's smallSample: false).",
    ],
    ['--calibrated', "Intervals from the method's own rolling-origin errors on each history (see calibrate())."],
    ['--format <f>', 'table (default), csv, json (adds the method and the model chosen per series) or xlsx.'],
    ['--sheet <name>', 'For an .xlsx input: the sheet to read (default the first).'],
    [
      '--out <file>',
      'Write the output to a file instead of stdout (format from --format, else from the extension, else csv).',
    ],
  ],
  examples: [
    'industry-metrics forecast markets.csv --horizon 5',
    'industry-metrics forecast markets.csv --method theta --to-year 2030 --levels 80,95 --calibrated --format csv --out forecasts.csv',
  ],
  options: {
    method: { type: 'string' },
    horizon: { type: 'string' },
    'to-year': { type: 'string' },
    levels: { type: 'string' },
    intervals: { type: 'string' },
    calibrated: { type: 'boolean' },
    lambda: { type: 'string' },
    biasadj: { type: 'boolean' },
    fill: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    sheet: { type: 'string' },
  },
  async run(args, ctx) {
    const format = outputFormat(args);
    const horizon = wholeOption(args, 'horizon');
    const toYear = wholeOption(args, 'to-year', -1e6);
    if (horizon !== undefined && toYear !== undefined) {
      throw argumentError(
        'invalid_argument',
        `give --horizon or --to-year, not both (got --horizon ${horizon} and --to-year ${toYear}).`,
        ['--to-year'],
        'no --to-year with --horizon',
        toYear,
      );
    }
    const levels = levelsOption(args);
    const smallSample = intervalsOption(args);
    const calibrated = args.values['calibrated'] === true;
    const name = typeof args.values['method'] === 'string' ? args.values['method'] : 'default';
    const lambda = lambdaOption(args);
    const base = methodByName('forecast', name, false);
    const transformed =
      lambda === undefined ? base : withBoxCox(base, { lambda, biasadj: args.values['biasadj'] === true });
    if (lambda === undefined && args.values['biasadj'] === true) {
      throw argumentError(
        'invalid_argument',
        '--biasadj needs --lambda (got --biasadj alone). Add e.g. --lambda 0.',
        ['--biasadj'],
        'no --biasadj without --lambda',
        true,
      );
    }
    const method = calibrated && transformed !== defaultMethod ? calibrate(transformed) : transformed;
    const fill = choiceOption(args, 'fill', Object.keys(FillMethod) as FillMethod[], undefined);
    const { file, rows } = await readInput('forecast', args, ctx);
    const result = forecastMany(rows, method, {
      ...(toYear !== undefined ? { toYear } : { horizon: horizon ?? DEFAULT_HORIZON }),
      levels,
      ...(smallSample === false ? { smallSample } : {}),
      ...(fill !== undefined ? { fill } : {}),
    });
    if (result.forecasts.length === 0) {
      const first = result.errors[0];
      throw argumentError(
        'invalid_data',
        `${file}: ${allFailed('forecast', result.errors)}${first?.code === 'missing_years' ? ' Or pass --fill linear|log.' : ''}`,
        ['positionals', 0],
        'at least one series that can be forecast',
        result.errors.length,
      );
    }
    const columns = columnsFor(levels);
    const outRows = result.rows as unknown as Row[];
    const models = Object.fromEntries(result.forecasts.map((f) => [f.seriesId, f.method]));
    const notes = Object.fromEntries(
      result.forecasts.filter((f) => (f.fit.notes ?? []).length > 0).map((f) => [f.seriesId, f.fit.notes]),
    );
    const json = {
      method: method.name,
      description: method.description,
      calibrated,
      levels,
      intervals: smallSample === false ? 'r' : 'small-sample',
      file,
      models,
      notes,
      rows: result.rows,
      errors: result.errors,
    };
    let text: string;
    if (format === 'json') text = JSON.stringify(json, null, 2) + '\n';
    else if (format === 'csv') text = toCsv(outRows, columns);
    else
      text =
        toTable(outRows, columns) +
        `\n${wrapParagraph(`method: ${method.name}${name === 'default' ? ' (the default)' : ''}: ${method.description}`, '', '  ')}\n` +
        Object.entries(models)
          .map(([id, m]) => `${wrapParagraph(`fitted for ${id}: ${m}`, '', '  ')}\n`)
          .join('') +
        // The one note a table reader must not miss: how much of a fast history's growth the default carries on.
        result.forecasts
          .flatMap((f) =>
            (f.fit.notes ?? [])
              .filter((n) => n.startsWith(COMPOUNDING_NOTE))
              .map(
                (n) => `${wrapParagraph(`note for ${f.seriesId}: ${n.slice(COMPOUNDING_NOTE.length)}`, '', '  ')}\n`,
              ),
          )
          .join('');
    await emit(
      ctx,
      args,
      text,
      `${result.rows.length} rows (${result.forecasts.length} series, method ${method.name})`,
    );
    return reportSeriesErrors(ctx, 'forecast', result.errors);
  },
};
