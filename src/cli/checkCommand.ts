import { sourceLine } from '../series/provenance.js';
import { loadModel } from '../model/loadModel.js';
import { modelOptions } from './modelOptions.js';
import { checkModel, type ModelCheck } from '../model/checkModel.js';
import { describeFact } from '../targets/describeFact.js';
import { argumentError } from '../internal/assert.js';
import type { CliCommand } from './command.js';
import { emit, outputFormat, rowsText, toTable, wrapParagraph, type Row } from './output.js';
import type { OutputFormat } from './command.js';

/** One row per implied number of each check (a check with none gets one row). */
export function consistencyRows(check: ModelCheck): Row[] {
  return check.consistency.checks.flatMap((c): Row[] => {
    const base = { model: check.model.id, status: c.status, check: c.kind, title: c.title };
    return c.implied.length === 0
      ? [{ ...base, implied: '', value: undefined, text: '', formula: '' }]
      : c.implied.map((n) => ({ ...base, implied: n.label, value: n.value, text: n.text, formula: n.formula }));
  });
}

/** The readable report of a model check: targets, sources with quotes, consistency, assumptions. */
export function checkReportText(check: ModelCheck): string {
  const m = check.model;
  const lines: string[] = [];
  // Prose wraps at the table width (100 characters), with a hanging indent under its label.
  lines.push(wrapParagraph(`${m.title}  [${m.id}, ${m.origin}]`), '');
  lines.push('Targets');
  lines.push(
    toTable(
      check.targets.map((f) => ({
        id: f.id,
        year: f.year,
        target: describeFact(f),
        kind: f.kind,
        source: `${f.provenance.publisher}${f.provenance.publisherInferred ? ' (inferred)' : ''}, ${f.provenance.published ?? ''}${f.provenance.translation ? `; translation: ${f.provenance.translation.by.split(' (')[0]}` : ''}`,
      })),
    ),
  );
  lines.push('Sources (verbatim)');
  for (const f of check.facts) {
    lines.push(
      wrapParagraph(
        `[${f.id}] ${describeFact(f)} in ${f.fromYear !== undefined ? `${f.fromYear}-` : ''}${f.year}${f.periodAssumed ? ' (years assumed: the document gives none)' : ''} (${f.kind})`,
        '  ',
        '    ',
      ),
    );
    lines.push(wrapParagraph(sourceLine(f.provenance), '    '));
    lines.push(wrapParagraph(`"${f.provenance.quote}"`, '    '));
  }
  const c = check.consistency.counts;
  lines.push(
    '',
    wrapParagraph(
      `Consistency: ${c.consistent} consistent, ${c.inconsistent} inconsistent, ${c.disagreement} disagreement between sources, ${c.implied} implied`,
    ),
  );
  for (const k of check.consistency.checks) {
    lines.push(wrapParagraph(k.title, `  ${k.status.toUpperCase().padEnd(12)} `));
    lines.push(wrapParagraph(k.explanation, ' '.repeat(15)));
  }
  if (check.derivations.length > 0) {
    lines.push('', 'Derived from facts');
    for (const d of check.derivations)
      lines.push(wrapParagraph(`${d.path} = ${Number(d.value.toPrecision(6))}  (${d.formula})`, '  ', '    '));
  }
  lines.push('', 'Assumptions (not from any document)');
  if (check.assumptions.length === 0) lines.push('  none');
  for (const a of check.assumptions) lines.push(wrapParagraph(`${a.path} = ${a.value}: ${a.assumption}`, '  ', '    '));
  return lines.join('\n') + '\n';
}

function checkText(format: OutputFormat, checks: readonly ModelCheck[]): string {
  if (format === 'json') return JSON.stringify(checks.length === 1 ? checks[0] : checks, null, 2) + '\n';
  if (format === 'csv') return rowsText('csv', checks.flatMap(consistencyRows));
  return checks.map(checkReportText).join('\n');
}

/** `industry-metrics check <model…>`: targets, sources and the consistency report. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: "Check a model's targets against each other and their sources: implied numbers, consistency, assumptions.",
  usage: 'industry-metrics check <model id | file.model.json>... [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    [
      '--format <f>',
      'table (default): the readable report; csv: one row per implied number; json: everything, with provenance; xlsx: the csv rows as a workbook (needs --out).',
    ],
    ['--out <file>', 'Write to a file instead of stdout (format from --format, else from the extension).'],
  ],
  exitCodes:
    "0 when every model is consistent, 1 when a model's figures contradict each other (an inconsistent check), 2 for bad input.",
  examples: [
    'industry-metrics check big-data-14th-fyp',
    'industry-metrics check models/my-industry.model.json --format json',
  ],
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(args, ctx) {
    const format = outputFormat(args);
    if (args.positionals.length === 0) {
      throw argumentError(
        'invalid_argument',
        "give at least one model id or file (see 'industry-metrics models').",
        ['positionals'],
        'at least one model id or file',
        [],
      );
    }
    const checks = args.positionals.map((p) => checkModel(loadModel(p, modelOptions(ctx))));
    await emit(ctx, args, checkText(format, checks), `the check of ${checks.map((c) => c.model.id).join(', ')}`);
    // Scripts tell the outcome from the exit code: 0 consistent, 1 a model's own figures contradict each
    // other (disagreements between sources are reported, not failed), 2 bad input (thrown above).
    return checks.every((c) => c.consistency.consistent) ? 0 : 1;
  },
};
