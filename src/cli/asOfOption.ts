import { argumentError } from '../internal/assert.js';
import { loadModel, type LoadModelOptions } from '../model/loadModel.js';
import { modelAsOf } from '../model/modelAsOf.js';
import type { ModelDefinition } from '../spec/types.js';
import { loadObservations } from '../observations/loadObservations.js';
import { describeFact } from '../targets/describeFact.js';
import type { CliArgs } from './command.js';

/** The `--as-of YEAR` option of project, simulate and scorecard. */
export const asOfHelp: readonly [string, string] = [
  '--as-of <year>',
  "Start from the latest published observation up to this year, on the plans' own definition (the model's observations and the built-in ones), instead of the model's base.",
];

/** The year of `--as-of`, or undefined; a MetricsError for anything but a whole year. */
export function asOfYear(args: CliArgs, fn: string): number | undefined {
  const raw = args.values['as-of'];
  if (raw === undefined) return undefined;
  const year = typeof raw === 'string' && /^\s*\d{4}\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(year)) {
    throw argumentError(
      'invalid_argument',
      `${fn}: --as-of must be a whole year (got ${JSON.stringify(raw)}). Pass e.g. --as-of 2022.`,
      ['--as-of'],
      'a whole year',
      raw,
      { asOf: raw },
    );
  }
  return year;
}

/** Loads a model (options as loadModel's: the folder, the notice of a user's model), restated as of `--as-of` when given (see modelAsOf). */
export function loadModelAsOf(args: CliArgs, idOrPath: string, options: LoadModelOptions, fn: string): ModelDefinition {
  const model = loadModel(idOrPath, options);
  const year = asOfYear(args, fn);
  return year === undefined ? model : modelAsOf(model, year, { observations: loadObservations() });
}

/** One line saying where a restated model starts, or '' for a model used as written. */
export function asOfLine(model: ModelDefinition): string {
  if (model.asOf === undefined || model.base.source.kind !== 'observation') return '';
  const o = model.base.source.observation;
  return `As of ${model.asOf.year}: starts from ${describeFact(o)} in ${o.year} (${o.id}; ${o.source.publisher}, ${o.source.published}, "${o.source.title}"${o.kind === 'estimate' ? '; an estimate' : ''}) on "${model.base.source.definition.label}", not from the model's ${model.asOf.originalFromYear} base.\n`;
}
