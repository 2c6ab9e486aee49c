// `npm run bench`: runs every benchmark in its own process, one after the other (so they do not
// compete for the two cores), then writes BENCHMARKS.md from their results in bench/results/.
// `npm run bench -- simulate` runs the benchmarks whose file name contains `simulate`;
// `npm run bench -- --collect` runs none and only rebuilds BENCHMARKS.md from bench/results/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCHES: readonly { file: string; result: string; title: string }[] = [
  { file: 'bench/startup.ts', result: 'bench/results/startup.md', title: 'Start-up' },
  { file: 'bench/growth.ts', result: 'bench/results/growth.md', title: 'Growth functions' },
  { file: 'bench/rArithmetic.ts', result: 'bench/results/r-arithmetic.md', title: "R's arithmetic" },
  { file: 'bench/simulate.ts', result: 'bench/results/simulate.md', title: 'Monte Carlo engine' },
  { file: 'bench/forecast.ts', result: 'bench/results/forecast.md', title: 'Forecasting on M3 yearly' },
  { file: 'bench/arima.ts', result: 'bench/results/arima.md', title: 'Automatic ARIMA against R' },
];

const args = process.argv.slice(2);
const collectOnly = args.includes('--collect');
const only = args.filter((a) => !a.startsWith('--'));
for (const b of BENCHES) {
  if (collectOnly || (only.length > 0 && !only.some((o) => b.file.includes(o)))) continue;
  console.log(`\n=== ${b.title}: npx tsx ${b.file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', b.file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${b.file} failed (exit ${r.status ?? r.signal}); BENCHMARKS.md keeps its last figures for it.`);
  }
}

const parts = [
  '# Benchmarks',
  '',
  "Measured on this project's 2-core machine (Node 20). Speed is reported as ratios against a reference",
  'measured in the same run, so figures from different days compare. Each section names the command that',
  'made it; `npm run bench` runs them all and rewrites this file from `bench/results/`.',
];
for (const b of BENCHES) {
  const file = join(root, b.result);
  parts.push(
    '',
    existsSync(file)
      ? readFileSync(file, 'utf8').trim()
      : `## ${b.title}\n\nNot measured yet: run \`npx tsx ${b.file}\`.`,
  );
}
writeFileSync(join(root, 'BENCHMARKS.md'), parts.join('\n') + '\n');
console.log('\nWrote BENCHMARKS.md');
