import type { CliCommand } from './command.js';

// One import and one list entry per command; each command lives in its own file in this folder.

/** Every `industry-metrics` command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
];
