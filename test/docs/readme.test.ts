import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildReadme, DOCS } from '../../scripts/build-readme.js';
import { loadModel } from '../../src/io/loadModel.js';
import { project } from '../../src/scenario/project.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README.md', () => {
  it('opens with the two commands a new user runs', () => {
    const head = readme.slice(0, 1500);
    expect(head).toContain('npm ci && npm start');
    expect(head).toContain('npm ci && npm test');
  });

  it('every narrative doc exists', () => {
    for (const d of DOCS) expect(existsSync(join(root, d)), d).toBe(true);
  });

  it('its reference part is up to date with docs/, the CLI and src/index.ts (run `npx tsx scripts/build-readme.ts`)', () => {
    expect(buildReadme(readme) === readme).toBe(true);
  }, 60_000);

  it('.ci/run does what the README says: the setup script, then npm ci, then npm test', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(ci.slice(-3)).toEqual(['bash scripts/setup-system.sh', 'npm ci', 'npm test']);
    expect(readme).toContain('scripts/setup-system.sh');
  });

  it('relative links point at files that exist', () => {
    const links = [
      ...readme.matchAll(/\]\(((?:src|docs|models|seeds|examples|notebooks|bench|scripts|test)\/[^)#\s]+)\)/g),
    ].map((m) => m[1] as string);
    expect(links.length).toBeGreaterThan(100);
    const missing = [...new Set(links)].filter((l) => !existsSync(join(root, l)));
    expect(missing).toEqual([]);
  });
});

describe('README examples', () => {
  it('the model file in "Model files" loads, with its own facts, and projects', () => {
    const section = readme.slice(readme.indexOf('## Model files'));
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(json).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'im-readme-'));
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'models', 'my-industry.model.json'), json as string);
    const model = loadModel('my-industry', { cwd: dir });
    expect(model.base.value).toBe(80);
    // 80 x 1.12^5 = 140.99: the README's plan path just exceeds its 140 billion target.
    const plan = project(model);
    expect(plan.levels.at(-1)).toBeCloseTo(80 * 1.12 ** 5, 10);
    expect(plan.targets[0]?.meets).toBe(true);
  });
});
