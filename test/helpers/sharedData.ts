// Data the tests read from the development workspace's shared folder, beside the clone as ../shared: the plan
// documents (seeds/) and the M3 yearly benchmark with R forecast's results (benchmarks/m3-yearly). Neither is
// shipped. Without it the tests that need it skip, saying how to get it; on CI (CI=true) they fail instead,
// so a missing folder cannot pass as a green run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file or folder under ../shared. */
export function sharedPath(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/${relative}`, import.meta.url));
}

const HOW_TO_GET: Record<string, string> = {
  seeds:
    'The plan documents are the source texts of seeds/*.facts.json (each seed names its file in document.file); put them in ../shared/seeds beside the clone.',
  benchmarks:
    "The M3 yearly data (Makridakis & Hibon 2000) comes from the Mcomp R package's data/M3.rda and R forecast's results from ../shared/benchmarks/r-reference.R; ../shared/benchmarks/m3-yearly/README.md says how both were built. Put that folder beside the clone.",
};

/**
 * Whether tests needing `relative` under ../shared can run: true when it is there or on CI (where its absence
 * must fail). When it is missing elsewhere, prints which tests skip and how to get the data.
 */
export function runWithShared(testFile: string, what: string, relative: string): boolean {
  if (existsSync(sharedPath(relative))) return true;
  if (process.env.CI === 'true') return true;
  const how = HOW_TO_GET[relative.split('/')[0]!] ?? '';
  console.warn(`${testFile}: skipping ${what}: ../shared/${relative} is missing. ${how}`);
  return false;
}
