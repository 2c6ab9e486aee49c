import type { CliCommand } from './command.js';
import { modelsCommand } from './modelsCommand.js';
import { checkCommand } from './checkCommand.js';
import { reportCommand } from './reportCommand.js';
import { forecastCommand } from './forecastCommand.js';
import { backtestCommand } from './backtestCommand.js';
import { simulateCommand } from './simulateCommand.js';
import { projectCommand } from './projectCommand.js';
import { renderCommand } from './renderCommand.js';
import { decomposeCommand } from './decomposeCommand.js';
import { scorecardCommand } from './scorecardCommand.js';

// One import and one list entry per command; each command lives in its own file in this folder.

/** Every `industry-metrics` command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  modelsCommand,
  checkCommand,
  projectCommand,
  simulateCommand,
  reportCommand,
  forecastCommand,
  backtestCommand,
  decomposeCommand,
  renderCommand,
  scorecardCommand,
];
