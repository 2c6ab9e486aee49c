// One temporary folder for the whole run, removed when it ends: every test file's own TMPDIR (tempFolders.ts) is
// made inside it. A file whose tests are all skipped (no browser, no fonts) runs no hooks, so its own folder
// would otherwise stay behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'im-vitest-run-'));
  // the forked workers start after this and inherit it
  process.env['IM_TEST_TMP_ROOT'] = root;
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
