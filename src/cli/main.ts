#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MetricsError } from '../errors.js';
import type { CliCommand, CliContext } from './command.js';
import { commands } from './registry.js';

function commandList(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
}

/** Full help text of one command: usage, options, examples. */
export function commandHelp(c: CliCommand): string {
  const width = Math.max(12, ...c.help.map(([flag]) => flag.length));
  const opts = [...c.help, ['--help', 'Show this help.'] as const]
    .map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)
    .join('\n');
  return `${c.summary}\n\nUsage: ${c.usage}\n\nOptions:\n${opts}${c.exitCodes ? `\n\nExit codes: ${c.exitCodes}` : ''}\n\nExamples:\n${c.examples.map((e) => `  ${e}`).join('\n')}\n`;
}

/** Top-level help: every command with its summary. */
export function mainHelp(): string {
  return `industry-metrics: plan targets, scenarios, Monte Carlo, forecasts and charts for industry metrics.\n\nUsage: industry-metrics <command> [options]\n\nCommands:\n${commandList()}\n\nRun 'industry-metrics <command> --help' for a command's options and examples.\n`;
}

/**
 * Runs the command line with `argv` (without node and the script) and returns the exit code:
 * 0 success, 2 a user error (bad arguments or input, one line on stderr), 1 an internal error.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    const { packageVersion } = await import('../io/runManifest.js');
    ctx.stdout(`industry-metrics ${packageVersion()}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    ctx.stderr(`industry-metrics: unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.\n`);
    return 2;
  }
  try {
    // Only this command's module (and what it imports) is loaded.
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      ctx.stdout(commandHelp(command));
      return 0;
    }
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      ctx.stderr(`industry-metrics ${name}: ${msg}\nUsage: ${command.usage}\n`);
      return 2;
    }
    const code = await command.run({ positionals: parsed.positionals, values: parsed.values }, ctx);
    return code ?? 0;
  } catch (e) {
    // Every MetricsError says what was wrong with the input and what to do: a user error.
    if (e instanceof MetricsError) {
      ctx.stderr(`industry-metrics ${name}: ${e.message}\n`);
      return 2;
    }
    ctx.stderr(
      `industry-metrics ${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return 1;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const code = await runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}
