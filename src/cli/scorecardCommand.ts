import { MetricsError } from '../errors.js';
import { listModels, loadModel } from '../io/loadModel.js';
import { loadObservations } from '../observations/loadObservations.js';
import { scoreTarget } from '../scorecard/scoreTarget.js';
import type { CliCommand } from './command.js';
import { emit, outputFormat, rowsText } from './output.js';

/** The plan's yearly rate of a model whose path is a CAGR, when it has one. */
function planRateOf(path: unknown): number | undefined {
  if (typeof path !== 'object' || path === null || (path as { type?: unknown }).type !== 'cagr') return undefined;
  const rate = (path as { rate?: { value?: unknown } }).rate?.value;
  return typeof rate === 'number' ? rate : undefined;
}

/** `industry-metrics scorecard [model...] --as-of YEAR`: every target's status from the observations. */
export const scorecardCommand: CliCommand = {
  name: 'scorecard',
  summary:
    'How the plans did: each target met, missed, on or off track, or undetermined, as of a year, from published observations.',
  usage: 'industry-metrics scorecard [model...] --as-of YEAR [--format table|csv|json] [--out FILE]',
  help: [
    ['--as-of <year>', 'Use observations up to this year (required).'],
    ['--format <f>', 'table (default), csv or json.'],
    ['--out <file>', 'Write to a file instead of stdout.'],
  ],
  examples: [
    'industry-metrics scorecard --as-of 2022',
    'industry-metrics scorecard big-data-14th-fyp --as-of 2022 --format json',
  ],
  options: { 'as-of': { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run(args, ctx) {
    const format = outputFormat(args);
    const asOfText = args.values['as-of'];
    const asOf = typeof asOfText === 'string' ? Number(asOfText) : NaN;
    if (!Number.isInteger(asOf)) {
      throw new MetricsError(
        'invalid_argument',
        `scorecard: --as-of must be a whole year (got ${String(asOfText)}). Pass e.g. --as-of 2022.`,
        { asOf: asOfText },
      );
    }
    const ids = args.positionals.length > 0 ? args.positionals : listModels({ cwd: ctx.cwd }).map((m) => m.id);
    const set = loadObservations();
    const rows = ids.flatMap((id) => {
      const model = loadModel(id, { cwd: ctx.cwd });
      const planRate = planRateOf(model.path);
      return model.targets.map((t) => {
        const s = scoreTarget(t, set, { asOf, ...(planRate !== undefined && { planRate }) });
        return {
          model: model.id,
          target: s.target,
          year: t.year,
          status: s.status,
          required: s.requiredRate === null ? '' : `${s.requiredRateIs} ${(s.requiredRate * 100).toFixed(1)}%`,
          plan: s.planRate === null ? '' : `${(s.planRate * 100).toFixed(1)}%`,
          observed: s.observedRate === null ? '' : `${(s.observedRate * 100).toFixed(1)}%`,
          observation: s.observation ?? '',
          reason: s.reason,
        };
      });
    });
    await emit(ctx, args, rowsText(format, rows), `${rows.length} targets as of ${asOf}`);
  },
};
