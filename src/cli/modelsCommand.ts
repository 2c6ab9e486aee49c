import { listModels } from '../io/loadModel.js';
import type { CliCommand } from './command.js';
import { formatOption, printRows } from './output.js';

/** `industry-metrics models`: the built-in models and the user's `models/*.model.json`. */
export const modelsCommand: CliCommand = {
  name: 'models',
  summary: 'List the built-in models and your own model files (models/*.model.json in the current folder).',
  usage: 'industry-metrics models [--format table|csv|json]',
  help: [['--format <f>', 'table (default), csv or json.']],
  examples: ['industry-metrics models', 'industry-metrics models --format json'],
  options: { format: { type: 'string' } },
  async run(args, ctx) {
    const format = formatOption(args);
    const rows = listModels({ cwd: ctx.cwd }).map((m) => ({ id: m.id, years: `${m.fromYear}-${m.toYear}`, title: m.title, origin: m.origin }));
    printRows(ctx, format, rows);
  },
};
