import type { ParseArgsConfig } from 'node:util';

/**
 * Output formats every command that prints data accepts through `--format`. `xlsx` writes an Excel workbook
 * (to `--out`) made from the command's CSV output.
 */
export const OutputFormat = { table: 'table', csv: 'csv', json: 'json', xlsx: 'xlsx' } as const;
export type OutputFormat = keyof typeof OutputFormat;

/** What a command can use of the outside world; tests pass their own. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly stderrIsTTY: boolean;
  readonly signal?: AbortSignal;
}

/** Parsed arguments handed to a command: node:util parseArgs output. */
export interface CliArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

/**
 * One `industry-metrics <name>` command. Options use node:util parseArgs's config; every command also
 * gets `--help`. User mistakes throw MetricsError (exit 2, one line on stderr); anything else exits 1.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** `industry-metrics check <model|file.json> [--format table|csv|json]` */
  readonly usage: string;
  /** Option descriptions for --help, in display order: [flag text, description]. */
  readonly help: readonly (readonly [string, string])[];
  /** What the exit codes mean, when a command has more than 0 (done) and 2 (bad input). */
  readonly exitCodes?: string;
  /** At least one runnable example. */
  readonly examples: readonly string[];
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Resolves to the exit code, or to nothing for 0. */
  // biome-ignore lint/suspicious/noConfusingVoidType: commands that always succeed return nothing
  run(args: CliArgs, ctx: CliContext): Promise<number | void>;
}
