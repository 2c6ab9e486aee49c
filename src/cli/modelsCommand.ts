import { listModels } from '../model/loadModel.js';
import type { CliCommand } from './command.js';
import { emit, outputFormat, rowsText } from './output.js';

/** `industry-metrics models`: the built-in models and the user's `models/*.model.json`. */
export const modelsCommand: CliCommand = {
  name: 'models',
  summary: 'List the built-in models and your own model files (models/*.model.json in the current folder).',
  usage: 'industry-metrics models [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    ['--format <f>', 'table (default), csv, json or xlsx (the csv rows as a workbook; needs --out).'],
    ['--out <file>', 'Write to a file instead of stdout (format from --format, else from the extension).'],
  ],
  examples: ['industry-metrics models', 'industry-metrics models --format json'],
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(args, ctx) {
    const format = outputFormat(args);
    const rows = listModels({ cwd: ctx.cwd }).map((m) => ({
      id: m.id,
      years: `${m.fromYear}-${m.toYear}`,
      title: m.title,
      origin: m.origin,
    }));
    await emit(ctx, args, rowsText(format, rows), `${rows.length} models`);
  },
};
