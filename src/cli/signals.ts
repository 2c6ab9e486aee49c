import { removePending } from './output.js';

/** Exit codes of a process ended by a signal, as shells report them: 128 + the signal's number. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Makes the command line interruptible: on SIGINT or SIGTERM the returned signal aborts (a simulation
 * stops its workers and rejects), temporary output is removed, and `exitCode()` gives 130 or 143. If the
 * command has not ended 2 s after the first signal, or a second signal arrives, the process exits at once
 * with that code, after removing temporary output again. Output under its final name is never half-written
 * (see writeOut), so stopping at any point leaves either the old file or the new one.
 */
export function interruptible(): { signal: AbortSignal; exitCode(): number | undefined; dispose(): void } {
  const controller = new AbortController();
  let code: number | undefined;
  const onSignal = (name: keyof typeof SIGNAL_EXIT): void => {
    if (code !== undefined) {
      removePending();
      process.exit(code);
    }
    code = SIGNAL_EXIT[name];
    process.stderr.write(`\nindustry-metrics: ${name} received, stopping.\n`);
    controller.abort();
    removePending();
    setTimeout(() => {
      removePending();
      process.exit(code);
    }, 2000).unref();
  };
  const onInt = (): void => onSignal('SIGINT');
  const onTerm = (): void => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    exitCode: () => code,
    dispose: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
