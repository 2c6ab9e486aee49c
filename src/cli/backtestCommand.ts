import { MetricsError } from '../errors.js';
import { argumentError } from '../internal/assert.js';
import { series } from '../series/series.js';
import { backtest, type BacktestSummary } from '../forecast/backtest.js';
import type { ForecastManyError } from '../forecast/batch.js';
import type { CliCommand } from './command.js';
import { allFailed, emit, outputFormat, rowsText, type Row, wrapParagraph } from './output.js';
import {
  intervalsOption,
  levelsOption,
  methodByName,
  readInput,
  reportSeriesErrors,
  wholeOption,
} from './forecastCommand.js';

const mean = (xs: readonly number[]): number | undefined =>
  xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length;

/** `industry-metrics backtest <file.csv> --horizon H`: rolling-origin accuracy per method. */
export const backtestCommand: CliCommand = {
  name: 'backtest',
  summary:
    'Rolling-origin accuracy of forecasting methods on every series in a CSV file: sMAPE, MASE, OWA, coverage, MSIS.',
  usage:
    'industry-metrics backtest <file.csv|file.json> --horizon H [--method a,b,c] [--initial N] [--step S] [--levels 80,95] [--intervals small-sample|r] [--calibrated] [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    ['--horizon <h>', 'Years forecast at each origin (required, >= 1).'],
    [
      '--method <list>',
      'Comma-separated method names (default: naive,default). OWA is relative to naive, which is always run.',
    ],
    [
      '--initial <n>',
      "Observations in the first training window (default: half of each series, at least the method's minimum).",
    ],
    ['--step <s>', 'Years between origins (default 1).'],
    ['--levels <list>', 'Interval levels as fractions (default 0.8,0.95); percent such as 80,95 is read as percent.'],
    [
      '--intervals <kind>',
      "small-sample (default: under 10 observations Student-t quantiles, see the notes) or r (R's normal intervals, forecast's smallSample: false).",
    ],
    ['--calibrated', 'Evaluate the calibrated version of each method (see calibrate()).'],
    ['--format <f>', "table (default), csv, json (adds every series' summary) or xlsx."],
    ['--sheet <name>', 'For an .xlsx input: the sheet to read (default the first).'],
    ['--out <file>', 'Write to a file instead of stdout (format from --format, else from the extension).'],
  ],
  examples: [
    'industry-metrics backtest markets.csv --horizon 3',
    'industry-metrics backtest markets.csv --horizon 5 --method naive,theta,ets --initial 8 --format csv',
  ],
  options: {
    horizon: { type: 'string' },
    method: { type: 'string' },
    initial: { type: 'string' },
    step: { type: 'string' },
    levels: { type: 'string' },
    intervals: { type: 'string' },
    calibrated: { type: 'boolean' },
    sheet: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, ctx) {
    const format = outputFormat(args);
    const horizon = wholeOption(args, 'horizon');
    if (horizon === undefined)
      throw argumentError(
        'invalid_argument',
        '--horizon is required (got none). Give the years to forecast at each origin, e.g. --horizon 3.',
        ['--horizon'],
        'the years to forecast at each origin',
        undefined,
      );
    const initial = wholeOption(args, 'initial');
    const step = wholeOption(args, 'step') ?? 1;
    const levels = levelsOption(args);
    const smallSample = intervalsOption(args);
    const calibrated = args.values['calibrated'] === true;
    const names = (typeof args.values['method'] === 'string' ? args.values['method'] : 'naive,default')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    if (!names.includes('naive')) names.unshift('naive');
    const methods = names.map((n) => ({ name: n, method: methodByName('backtest', n, calibrated && n !== 'naive') }));
    const { rows } = await readInput('backtest', args, ctx);
    const ids = [...new Set(rows.map((r) => r.id))];
    const errors: ForecastManyError[] = [];
    const perMethod = new Map<string, Map<string, BacktestSummary>>();
    for (const { name, method } of methods) {
      const summaries = new Map<string, BacktestSummary>();
      for (const id of ids) {
        const own = rows.filter((r) => r.id === id).sort((a, b) => a.year - b.year);
        try {
          const s = series({ id, unit: 'unit', years: own.map((r) => r.year), values: own.map((r) => r.value) });
          summaries.set(
            id,
            backtest(s, method, {
              horizon,
              step,
              levels,
              ...(smallSample === false ? { smallSample } : {}),
              ...(initial !== undefined ? { initial } : {}),
            }).summary,
          );
        } catch (e) {
          if (!(e instanceof MetricsError)) throw e;
          errors.push({ id, code: e.code, message: `${name}: ${e.message}` });
        }
      }
      perMethod.set(name, summaries);
    }
    const naiveSummaries = perMethod.get('naive') ?? new Map<string, BacktestSummary>();
    const table: Row[] = [];
    for (const { name, method } of methods) {
      const summaries = perMethod.get(name) as Map<string, BacktestSummary>;
      const list = [...summaries.values()];
      const smape = mean(list.map((s) => s.smape));
      const mases = list.flatMap((s) => (s.mase !== undefined ? [s.mase] : []));
      const mase = mean(mases);
      // OWA on the series both this method and naive completed, with a defined MASE
      const both = [...summaries.entries()].filter(
        ([id, s]) => s.mase !== undefined && naiveSummaries.get(id)?.mase !== undefined,
      );
      const m = (f: (s: BacktestSummary) => number, src: Map<string, BacktestSummary>) =>
        mean(both.map(([id]) => f(src.get(id) as BacktestSummary)));
      const ns = m((s) => s.smape, naiveSummaries);
      const nm = m((s) => s.mase as number, naiveSummaries);
      const owaValue =
        both.length > 0 && ns && nm
          ? ((m((s) => s.smape, summaries) as number) / ns + (m((s) => s.mase as number, summaries) as number) / nm) / 2
          : undefined;
      const row: Record<string, string | number | undefined> = {
        method: method.name,
        series: list.length,
        origins: list.reduce((a, s) => a + s.origins, 0),
        smape,
        mase,
        owa: owaValue,
      };
      for (const level of levels) {
        const label = String(Number((level * 100).toPrecision(10)));
        const pts = list.reduce((a, s) => a + s.points, 0);
        const covered = list.reduce(
          (a, s) => a + (s.intervals.find((i) => i.level === level)?.coverage ?? 0) * s.points,
          0,
        );
        row[`cover_${label}`] = pts > 0 ? covered / pts : undefined;
        row[`msis_${label}`] = mean(
          list.flatMap((s) => {
            const v = s.intervals.find((i) => i.level === level)?.msis;
            return v !== undefined ? [v] : [];
          }),
        );
      }
      row['failed'] = ids.length - list.length;
      table.push(row);
    }
    if (table.every((r) => r['series'] === 0)) {
      throw argumentError(
        'invalid_data',
        allFailed('backtested', errors),
        ['positionals', 0],
        'at least one series that can be backtested',
        errors.length,
      );
    }
    const json = {
      horizon,
      step,
      levels,
      intervals: smallSample === false ? 'r' : 'small-sample',
      calibrated,
      table,
      series: Object.fromEntries([...perMethod].map(([k, v]) => [k, Object.fromEntries(v)])),
      errors,
    };
    await emit(ctx, args, rowsText(format, table, json), `the accuracy of ${table.length} methods`);
    if (format === 'table')
      ctx.stdout(
        `\n${wrapParagraph(`${ids.length} series, horizon ${horizon}, step ${step}; sMAPE and MASE are means over series of the mean over origins; OWA relative to naive.`)}\n`,
      );
    return reportSeriesErrors(ctx, 'backtest', errors);
  },
};
