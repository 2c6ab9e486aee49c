// Start-up benchmark: how long a whole process takes to import the package or run a CLI command, against bare
// `node -e 0` timed in the same rounds. Builds dist/ first (`npm run build`), so it measures the package as
// shipped: the bundled root entry, the CLI loading one command, the precompiled schema validators.
//
//   npx tsx bench/startup.ts [--runs 15] [--warmup 2] [--out bench/results/startup.md]
//
// Each round runs every case once, in turn, after warm-up rounds (which fill the file cache); a case's figure is
// the median wall time over the rounds, and its ratio the median over the rounds of its time divided by bare
// node's in the same round, so a machine that slows down slows both sides.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine } from './lib/measure.js';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    out: { type: 'string', default: 'bench/results/startup.md' },
  },
});
const runs = Number(opt.runs);
const warmup = Number(opt.warmup);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Case {
  /** As a user types it. */
  readonly label: string;
  readonly args: readonly string[];
  /** What it must stay under (seconds), measured on an idle machine; for the notes only. */
  readonly target?: string;
}

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');

// One chart as the package draws it (a trajectory from the built-in 14th plan), for `render`.
const work = mkdtempSync(join(tmpdir(), 'im-startup-'));
const specMaker = [
  "import { writeFileSync } from 'node:fs';",
  "import { loadModel, project, trajectoryChart } from 'industry-metrics';",
  "const p = project(loadModel('big-data-14th-fyp'));",
  "const rows = p.years.map((year, i) => ({ series: 'revenue', scenario: 'plan', year, value: p.levels[i] }));",
  "writeFileSync(process.argv[1], JSON.stringify(trajectoryChart({ rows }, { unit: 'CNY trillion' })));",
].join('\n');
const spec = join(work, 'chart.vl.json');
const made = spawnSync(process.execPath, ['--input-type=module', '-e', specMaker, spec], { cwd: root });
if (made.status !== 0) throw new Error(`could not write the chart spec: ${String(made.stderr)}`);
mkdirSync(join(work, 'out'));

const cli = join(root, 'dist', 'cli', 'main.js');
const CASES: readonly Case[] = [
  { label: 'node -e 0', args: ['-e', '0'] },
  {
    label: 'node -e "import { cagr } from \'industry-metrics\'" (ES module)',
    args: ['--input-type=module', '-e', "import { cagr } from 'industry-metrics'; cagr(1, 3, 5);"],
    target: 'within 2x of bare node',
  },
  {
    label: 'node -e "require(\'industry-metrics\').cagr" (CommonJS)',
    args: ['-e', "require('industry-metrics').cagr(1, 3, 5);"],
  },
  { label: 'industry-metrics --help', args: [cli, '--help'], target: 'under 0.3 s' },
  { label: 'industry-metrics models', args: [cli, 'models'], target: 'under 0.3 s' },
  {
    label: 'industry-metrics check big-data-14th-fyp',
    args: [cli, 'check', 'big-data-14th-fyp'],
    target: 'under 0.5 s',
  },
  {
    label: 'industry-metrics render chart.vl.json --out chart.svg',
    args: [cli, 'render', spec, '--out', join(work, 'out', 'chart.svg')],
    target: 'under 1 s after bare node',
  },
  {
    label: 'industry-metrics render chart.vl.json --out chart.png',
    args: [cli, 'render', spec, '--out', join(work, 'out', 'chart.png')],
  },
];

function once(c: Case): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${c.label} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return seconds;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const started = machine();
for (let w = 0; w < warmup; w++) for (const c of CASES) once(c);
const times = CASES.map(() => [] as number[]);
const ratios = CASES.map(() => [] as number[]);
for (let r = 0; r < runs; r++) {
  const round = CASES.map(once);
  const bare = round[0] as number;
  round.forEach((t, i) => {
    times[i]?.push(t);
    ratios[i]?.push(t / bare);
  });
}
rmSync(work, { recursive: true, force: true });

const bareMedian = median(times[0] as number[]);
const rows = CASES.map((c, i) => {
  const t = times[i] as number[];
  const wall = median(t);
  return `| ${c.label.replace(/\|/g, '\\|')} | ${wall.toFixed(3)} | ${Math.min(...t).toFixed(3)} | ${Math.max(...t).toFixed(3)} | ${median(ratios[i] as number[]).toFixed(2)} | ${i === 0 ? '' : (wall - bareMedian).toFixed(3)} | ${c.target ?? ''} |`;
});
const text = [
  '## Start-up',
  '',
  `Command: \`npx tsx bench/startup.ts\` (${new Date().toISOString().slice(0, 10)}; ${started}). Each case is a whole`,
  `process (\`node\` with the arguments shown; \`industry-metrics\` is \`node dist/cli/main.js\`), run once per round in`,
  `turn with bare \`node -e 0\`, ${runs} rounds after ${warmup} warm-up rounds. Wall seconds: median, min, max over the`,
  'rounds; the ratio is the median over the rounds of the case over bare node in the same round; "after node" is',
  "the case's median less bare node's. The chart is the 14th plan's trajectory (`trajectoryChart`), validated",
  "against vega-lite's schema as `render` does.",
  '',
  '| case | wall s (median) | min | max | ratio to bare node | after node (s) | target (idle machine) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows,
  '',
  '- The root entry is one bundled file, and mathjs, vega, vega-lite, resvg and ajv load only in the functions',
  '  that use them; the CLI loads only the command it runs; the schema validators are precompiled by the build.',
  '- The machine is shared: the load above is the 1-minute load when the run started. Targets are for an idle',
  '  machine; compare ratios between runs.',
].join('\n');
const out = resolve(root, opt.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${text}\n`);
console.log(text);
