import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in-process with captured output. */
export async function cli(
  argv: readonly string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    stderrIsTTY: false,
  });
  return { code, stdout, stderr };
}

/** A fresh empty temporary folder. */
export function tempDir(prefix = 'im-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
