// The front door: README.md stays a short page that opens with the two commands and links every doc, and the
// generated reference (docs/reference.md) is up to date with the CLI and src/index.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReference, REFERENCE } from '../../scripts/build-reference.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));

/** Relative links of a markdown file (no scheme, no pure anchors), resolved against its folder. */
function links(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)]
    .map((m) => m[1] as string)
    .filter((l) => !/^[a-z]+:/.test(l))
    .map((l) => join(dirname(file), l));
}

describe('README.md', () => {
  it('opens with the two commands a new user runs', () => {
    const head = readme.slice(0, 1500);
    expect(head).toContain('npm ci && npm start');
    expect(head).toContain('npm ci && npm test');
  });

  it('is a front door of a few hundred lines, not the reference', () => {
    const lines = readme.split('\n').length;
    expect(lines).toBeLessThan(400);
    expect(readme).not.toContain('## Index of exports');
  });

  it('says that the package is an ES module and what works from CommonJS', () => {
    expect(readme).toContain('## ES modules, CommonJS, Deno, and start-up');
    expect(readme).toContain("require('industry-metrics')");
  });

  it('links every page of docs/', () => {
    const linked = new Set(links('README.md'));
    expect(docs.filter((d) => !linked.has(join('docs', d)))).toEqual([]);
  });

  it('.ci/run does what the README says: the setup script, then npm ci, then npm test', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(ci.slice(-3)).toEqual(['bash scripts/setup-system.sh', 'npm ci', 'npm test']);
    expect(readme).toContain('scripts/setup-system.sh');
  });
});

describe('docs/', () => {
  it(`${REFERENCE} is up to date with the CLI and src/index.ts (run \`npx tsx scripts/build-reference.ts\`)`, () => {
    expect(buildReference() === readFileSync(join(root, REFERENCE), 'utf8')).toBe(true);
  }, 60_000);

  it('the reference covers every command and every export with an example', () => {
    const reference = readFileSync(join(root, REFERENCE), 'utf8');
    for (const c of ['models', 'check', 'project', 'simulate', 'report', 'forecast', 'backtest', 'decompose', 'render'])
      expect(reference).toContain(`### \`industry-metrics ${c}\``);
    expect(reference).toMatch(/Every public export of `industry-metrics` \(\d+ in all\)/);
  });

  it('relative links in README.md and docs/ point at files that exist', () => {
    const all = ['README.md', ...docs.map((d) => `docs/${d}`)].flatMap(links);
    expect(all.length).toBeGreaterThan(100);
    expect([...new Set(all)].filter((l) => !existsSync(join(root, l)))).toEqual([]);
  });
});
