// Every value export of every entry point, fuzzed (docs/robustness.md). `npm test` runs FUZZ_RUNS=60 calls
// per export at weight 1 (fewer for renders and simulations); a longer run:
//   FUZZ_RUNS=2000 npx vitest run test/fuzz
// and FUZZ_REPORT=1 writes the counts into docs/robustness.md. The cases come from the fast-check seed
// (test/setup), so a failure is reproducible; FC_SEED=random explores new ones.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueExports } from './entries.js';
import { baseRuns, checkConstant, type Counts, type Failure, type FuzzSpec, fuzzExport } from './harness.js';
import { type AnySpec, buildSpecs } from './specs.js';

const exported = await valueExports();
const specs = await buildSpecs();
const results = new Map<string, Counts | 'constant'>();
const home = process.cwd();

function seedOf(name: string): number {
  const base = fc.readConfigureGlobal().seed ?? 20261121;
  let h = base | 0;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h >>> 0;
}

function report(failures: readonly Failure[]): string {
  // One line per distinct problem (the first input that showed it), at most 12.
  const seen = new Map<string, Failure>();
  for (const f of failures) {
    const key = `${f.name} ${f.problem.replace(/\d+(\.\d+)?/g, 'N').slice(0, 120)}`;
    if (!seen.has(key)) seen.set(key, f);
  }
  const lines = [...seen.values()].slice(0, 12).map((f) => `- ${f.name}: ${f.problem}\n    input ${f.input}`);
  return `${failures.length} failing call(s), ${seen.size} distinct:\n${lines.join('\n')}`;
}

async function fuzzOne(name: string, value: unknown, spec: AnySpec): Promise<Failure[]> {
  if ('constant' in spec) {
    results.set(name, 'constant');
    return checkConstant(name, value);
  }
  const parts: [string, FuzzSpec][] =
    'methods' in spec ? Object.entries(spec.methods).map(([m, s]) => [`${name}.${m}`, s]) : [[name, spec]];
  const total: Counts = { calls: 0, results: 0, errors: 0, codes: {}, slowest: 0, known: [] };
  const failures: Failure[] = [];
  for (const [label, s] of parts) {
    const runs = Math.min(s.maxRuns ?? Infinity, Math.max(2, Math.round(baseRuns() * (s.weight ?? 1))));
    const r = await fuzzExport(label, value, s, runs, seedOf(label));
    total.calls += r.counts.calls;
    total.results += r.counts.results;
    total.errors += r.counts.errors;
    total.slowest = Math.max(total.slowest, r.counts.slowest);
    for (const k of r.counts.known) if (!total.known.includes(k)) total.known.push(k);
    total.inputErrors = (total.inputErrors ?? 0) + (r.counts.inputErrors ?? 0);
    total.inputWithIssues = (total.inputWithIssues ?? 0) + (r.counts.inputWithIssues ?? 0);
    for (const [c, n] of Object.entries(r.counts.codes)) total.codes[c] = (total.codes[c] ?? 0) + n;
    failures.push(...r.failures);
  }
  results.set(name, total);
  return failures;
}

/** The counts as a Markdown table, one row per export. */
function countsTable(withTimes: boolean): string {
  const rows = [...results.entries()].sort(([a], [b]) => a.localeCompare(b));
  const head = withTimes
    ? '| export | calls | results | typed errors | error codes | slowest (ms) |\n|---|---:|---:|---:|---|---:|'
    : '| export | calls | results | typed errors | error codes |\n|---|---:|---:|---:|---|';
  const body = rows.map(([name, c]) => {
    if (c === 'constant')
      return withTimes ? `| ${name} | constant (frozen) | | | | |` : `| ${name} | constant (frozen) | | | |`;
    const codes = Object.entries(c.codes)
      .sort(([, a], [, b]) => b - a)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    return `| ${name} | ${c.calls} | ${c.results} | ${c.errors} | ${codes} |${withTimes ? ` ${c.slowest.toFixed(0)} |` : ''}`;
  });
  const calls = rows.reduce((a, [, c]) => a + (c === 'constant' ? 0 : c.calls), 0);
  return `${head}\n${body.join('\n')}\n\n${rows.length} exports, ${calls} calls (FUZZ_RUNS=${baseRuns()}).\n`;
}

describe('fuzz: every value export of the package', () => {
  beforeAll(() => {
    // Functions that write (writeReport) or read relative paths do it in a scratch folder, not the repository.
    process.chdir(mkdtempSync(join(tmpdir(), 'im-fuzz-cwd-')));
  });
  afterAll(() => {
    process.chdir(home);
    if (results.size === 0) return;
    console.log(`Fuzz counts per export:\n${countsTable(true)}`);
    const counted = [...results.values()].filter((c): c is Counts => c !== 'constant');
    const inputErrors = counted.reduce((a, c) => a + (c.inputErrors ?? 0), 0);
    const withIssues = counted.reduce((a, c) => a + (c.inputWithIssues ?? 0), 0);
    console.log(`Input errors with issues: ${withIssues} of ${inputErrors}.`);
    const known = [...results.entries()].flatMap(([n, c]) =>
      c === 'constant' ? [] : c.known.map((k) => `- ${n}: ${k}`),
    );
    if (known.length > 0) console.log(`Known defects, reported to their owners (not failed):\n${known.join('\n')}`);
    if (process.env['FUZZ_REPORT'] !== undefined) {
      const doc = join(home, 'docs/robustness.md');
      const text = readFileSync(doc, 'utf8');
      const start = '<!-- fuzz-counts:start -->';
      const end = '<!-- fuzz-counts:end -->';
      const i = text.indexOf(start);
      const j = text.indexOf(end);
      if (i >= 0 && j > i)
        writeFileSync(doc, `${text.slice(0, i + start.length)}\n${countsTable(false)}${text.slice(j)}`);
    }
  });

  it('every value export of every entry point has a fuzz spec, and every spec names an export', () => {
    const names = [...exported.keys()].sort();
    expect(
      names.filter((n) => !(n in specs)),
      'exports without a fuzz spec (add one to test/fuzz/specs.ts)',
    ).toEqual([]);
    expect(
      Object.keys(specs).filter((n) => !exported.has(n)),
      'specs naming no export',
    ).toEqual([]);
  });

  for (const [name, { value }] of exported) {
    const spec = specs[name];
    if (spec === undefined) continue;
    // A test may take its calls' bounds: a spec with a long bound (a browser per call) gets that much time.
    const slow = 'bound' in spec && spec.bound !== undefined ? spec.bound * (spec.maxRuns ?? 10) : 0;
    it(
      `${name}: a finite result or a MetricsError, input untouched, Object.prototype untouched, within the bound`,
      async () => {
        const failures = await fuzzOne(name, value, spec);
        if (failures.length > 0) throw new Error(report(failures));
      },
      120_000 + slow,
    );
  }
});
