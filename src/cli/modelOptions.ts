import type { LoadModelOptions } from '../model/loadModel.js';
import type { CliContext } from './command.js';

/**
 * loadModel's options for a command: the user's folder, and a notice on stderr when one of the user's
 * model files replaces a built-in model with the same id (user models win, loudly).
 */
export function modelOptions(ctx: CliContext): LoadModelOptions {
  return { cwd: ctx.cwd, onNotice: (message) => ctx.stderr(`industry-metrics: note: ${message}\n`) };
}
