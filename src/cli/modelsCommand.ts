import { listModels, loadModel } from '../model/loadModel.js';
import { relative } from 'node:path';
import type { CliCommand } from './command.js';
import { emit, outputFormat, rowsText } from './output.js';

/** `industry-metrics models`: the built-in models and the user's `models/*.model.json`, each with its status. */
export const modelsCommand: CliCommand = {
  name: 'models',
  summary:
    'List the built-in models and your own model files (models/*.model.json in the current folder), each with its status.',
  usage: 'industry-metrics models [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    ['--format <f>', 'table (default), csv, json or xlsx (the csv rows as a workbook; needs --out).'],
    ['--out <file>', 'Write to a file instead of stdout (format from --format, else from the extension).'],
  ],
  exitCodes: '0 every model loads, 1 some file has a problem (listed in its status), 2 bad arguments.',
  examples: ['industry-metrics models', 'industry-metrics models --format json'],
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(args, ctx) {
    const format = outputFormat(args);
    const shown = (f: string): string => relative(ctx.cwd, f) || f;
    let broken = 0;
    const rows = listModels({ cwd: ctx.cwd }).map((m) => {
      // Each file is loaded on its own, so one bad file shows its problem here and spoils nothing else.
      let status = 'ok';
      if (m.problem !== undefined) status = m.problem;
      else {
        try {
          loadModel(m.file, { cwd: ctx.cwd });
        } catch (e) {
          status = e instanceof Error ? e.message : String(e);
        }
      }
      if (status !== 'ok') broken++;
      if (m.overriddenBy !== undefined) status = `replaced by your ${shown(m.overriddenBy)} (user models win)`;
      else if (m.overrides !== undefined && status === 'ok') status = 'ok; replaces the built-in model';
      return {
        id: m.id,
        years: m.fromYear !== undefined && m.toYear !== undefined ? `${m.fromYear}-${m.toYear}` : '',
        title: m.title,
        origin: m.origin === 'built-in' ? 'built-in' : shown(m.file),
        status: status.replace(/\s*\n\s*/g, ' '),
      };
    });
    await emit(ctx, args, rowsText(format, rows), `${rows.length} models`);
    return broken > 0 ? 1 : 0;
  },
};
