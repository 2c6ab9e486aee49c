import { MetricsError } from '../errors.js';
import { listModels, loadModel } from '../model/loadModel.js';
import { modelOptions } from './modelOptions.js';
import { loadObservations } from '../observations/loadObservations.js';
import { planScorecard, type RestedProbability } from '../scorecard/planScorecard.js';
import type { CliCommand } from './command.js';
import {
  type Column,
  type ColumnSpec,
  emit,
  outputFormat,
  rowsText,
  toTable,
  wholeNumberOption,
  wrapParagraph,
} from './output.js';
import { formatPercent } from '../series/units.js';

/** Rates and probabilities to a tenth of a percent, zeros kept so that the column lines up. */
const TENTH = { decimals: 1, fixed: true } as const;

const p = (x: RestedProbability | null): string =>
  x === null
    ? ''
    : `${formatPercent(x.probability, TENTH)}${x.restsOn.startsWith('50% by construction') ? ' (by construction)' : ''}`;

/**
 * `industry-metrics scorecard [model...] --as-of YEAR`: every target's status from the observations, the
 * outcome where one is known beside the ex-ante probability the plan's model gave, and nowcasts.
 */
export const scorecardCommand: CliCommand = {
  name: 'scorecard',
  summary:
    "How the plans did: each target met, missed, on or off track, or undetermined as of a year, from published observations, beside the probability the plan's own model gave and nowcasts from the latest observation.",
  usage:
    'industry-metrics scorecard [model...] --as-of YEAR [--paths N] [--seed S] [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    ['--as-of <year>', 'Use observations up to this year (required).'],
    ['--paths <n>', 'Monte Carlo paths for the ex-ante probabilities and the nowcasts (default 20000).'],
    ['--seed <s>', 'Seed of every run (default 2026).'],
    [
      '--format <f>',
      'table (default), csv, json (csv and json carry what each probability rests on) or xlsx (the csv rows as a workbook; needs --out).',
    ],
    ['--out <file>', 'Write to a file instead of stdout.'],
  ],
  examples: [
    'industry-metrics scorecard --as-of 2022',
    'industry-metrics scorecard big-data-14th-fyp --as-of 2022 --format json',
  ],
  options: {
    'as-of': { type: 'string' },
    paths: { type: 'string' },
    seed: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, ctx) {
    const format = outputFormat(args);
    const asOfText = args.values['as-of'];
    const asOf = typeof asOfText === 'string' ? Number(asOfText) : Number.NaN;
    if (!Number.isInteger(asOf)) {
      throw new MetricsError(
        'invalid_argument',
        `scorecard: --as-of must be a whole year (got ${String(asOfText)}). Pass e.g. --as-of 2022.`,
        { asOf: asOfText },
      );
    }
    const paths = wholeNumberOption(args, 'paths', 20000, 100);
    const seed = wholeNumberOption(args, 'seed', 2026, 0);
    let ids = args.positionals;
    if (ids.length === 0) {
      // Every model once (a user's file replacing a built-in is loaded in its place); a file that cannot be
      // read is named and skipped, so it spoils nothing else.
      const entries = listModels({ cwd: ctx.cwd });
      for (const e of entries.filter((m) => m.problem !== undefined))
        ctx.stderr(`industry-metrics: note: skipped ${e.file}: ${e.problem}\n`);
      ids = [...new Set(entries.filter((m) => m.problem === undefined).map((m) => m.id))];
    }
    const set = loadObservations();
    const models = ids.map((id) => loadModel(id, modelOptions(ctx)));
    const scored = await planScorecard(models, set, { asOf, paths, seed });
    const rows = scored.map((r) => ({
      model: r.model,
      target: r.target,
      year: r.year,
      status: r.score.status,
      outcome: r.outcome ?? '',
      'ex-ante P': p(r.exAnte),
      'nowcast P, plan rate': p(r.nowcastPlan),
      'nowcast P, observed rate': p(r.nowcastObserved),
      required:
        r.score.requiredRate === null
          ? ''
          : r.score.requiredRateRange
            ? `${formatPercent(r.score.requiredRateRange[0], TENTH)}-${formatPercent(r.score.requiredRateRange[1], TENTH)}`
            : `${r.score.requiredRateIs} ${formatPercent(r.score.requiredRate, TENTH)}`,
      plan: r.score.planRate === null ? '' : formatPercent(r.score.planRate, TENTH),
      observed: r.score.observedRate === null ? '' : formatPercent(r.score.observedRate, TENTH),
      observation: r.score.observation ?? '',
      reason: r.score.reason,
      'ex-ante rests on': r.exAnte?.restsOn ?? (r.exAnte === null ? 'the model has no uncertainty section' : ''),
      'nowcast (plan rate) rests on': r.nowcastPlan?.restsOn ?? '',
      'nowcast (observed rate) rests on': r.nowcastObserved?.restsOn ?? '',
      'nowcast note': r.nowcastNote ?? '',
    }));
    let text: string;
    if (format === 'json' || format === 'csv') text = rowsText(format, rows);
    else {
      // The terminal table: every probability and rate a number in % with one decimal (JSON and CSV keep the
      // texts above); what a probability rests on, and "by construction", are in the notes below the table.
      const tableRows = scored.map((r, i) => ({
        note: i + 1,
        model: r.model,
        target: r.target,
        year: r.year,
        status: r.score.status,
        exAnte: r.exAnte?.probability,
        nowcastPlan: r.nowcastPlan?.probability,
        nowcastObserved: r.nowcastObserved?.probability,
        required: r.score.requiredRate ?? undefined,
        plan: r.score.planRate ?? undefined,
        observed: r.score.observedRate ?? undefined,
      }));
      const pct = (key: string, header: string): ColumnSpec => ({ key, header, style: 'percent', digits: 1 });
      const head: Column[] = [
        { key: 'note', header: '#', style: 'year' },
        'target',
        'year',
        'status',
        pct('exAnte', 'ex-ante P %'),
        pct('nowcastPlan', 'P plan %'),
        pct('nowcastObserved', 'P obs. %'),
        pct('required', 'needed %'),
        pct('plan', 'plan %'),
        pct('observed', 'obs. %'),
      ];
      const legend = wrapParagraph(
        "ex-ante P: the plan's own model; P plan, P obs.: nowcasts from the latest figure at the plan's and the observed growth rate; needed: growth a year still needed from the latest figure; plan, obs.: growth a year. The numbered notes below name each target's model, say whether the growth needed is exact, at most or a range, and what each probability rests on.",
      );
      const notes = scored.flatMap((r, i) => [
        `${i + 1}. ${r.model} ${r.target} (${r.wording} in ${r.year}): ${r.score.status}. ${r.score.reason}.`,
        ...(r.exAnte ? [`  ex-ante ${p(r.exAnte)}: ${r.exAnte.restsOn}.`] : []),
        ...(r.nowcastPlan ? [`  nowcast at the plan's rate ${p(r.nowcastPlan)}: ${r.nowcastPlan.restsOn}.`] : []),
        ...(r.nowcastObserved
          ? [`  nowcast at the observed rate ${p(r.nowcastObserved)}: ${r.nowcastObserved.restsOn}.`]
          : []),
        ...(r.nowcastNote ? [`  ${r.nowcastNote}.`] : []),
      ]);
      // Notes wrap at the table's width: the first line of each at the margin, its continuation indented.
      const wrapped = notes.map((n) =>
        n.startsWith('  ') ? wrapParagraph(n.slice(2), '  ', '    ') : wrapParagraph(n, '', '  '),
      );
      text = `${wrapParagraph(`How the plans did, as of ${asOf} (observations on the plans' own definitions only; ${paths} paths, seed ${seed})`)}\n\n${toTable(tableRows, head)}${legend}\n\n${wrapped.join('\n')}\n`;
    }
    await emit(ctx, args, text, `${rows.length} targets as of ${asOf}`);
  },
};
