// Every test file gets its own temporary folder as TMPDIR, removed with everything in it once the file's tests
// are done: the folders tests make (tempDir, mkdtempSync(tmpdir())) and those of the processes they start
// (the CLI, Chromium, Jupyter) no longer pile up in the system's temporary folder, several hundred a run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const outer = process.env['TMPDIR'];
// inside the run's folder (tempRoot.ts), which goes at the end of the run even where no hook of this file ran
const folder = mkdtempSync(join(process.env['IM_TEST_TMP_ROOT'] ?? tmpdir(), 'im-vitest-'));
process.env['TMPDIR'] = folder;

afterAll(() => {
  if (outer === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = outer;
  rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
});
