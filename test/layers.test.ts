// The layer rule of ARCHITECTURE.md on the real src/, and the check itself on a small tree with one violation of
// each kind planted, so that a check that found nothing would fail here.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, formatReport, readLayers } from '../scripts/check-layers.js';

describe('src/ flows one way (ARCHITECTURE.md)', () => {
  const report = checkLayers();

  it('every import of src/ goes down the layers of ARCHITECTURE.md: no problem, no folder or file cycle', () => {
    expect(report.problems, formatReport(report)).toEqual([]);
    expect(report.unitCycles).toEqual([]);
    expect(report.fileCycles).toEqual([]);
  });

  it('reads every file and import, type-only ones included (more than 200 files, 1000 imports)', () => {
    expect(report.files).toBeGreaterThan(200);
    expect(report.edges.length).toBeGreaterThan(1000);
    expect(report.edges.filter((e) => e.typeOnly).length).toBeGreaterThan(100);
    // A known type-only import: trajectory's growthPath takes the model's path types from spec/.
    expect(report.edges).toContainEqual({ from: 'trajectory/growthPath.ts', to: 'spec/types.ts', typeOnly: true });
  });

  it("ARCHITECTURE.md's table describes exactly the folders of its layers block, each at its layer", () => {
    const md = readFileSync(fileURLToPath(new URL('../ARCHITECTURE.md', import.meta.url)), 'utf8');
    const described = [...md.matchAll(/^\| (\d+) \| `([\w.]+?)\/?` \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    const listed = readLayers(md).flatMap((l) => l.units.map((u) => `${l.rank} ${u}`));
    expect(described.sort()).toEqual(listed.sort());
  });

  it('errors.ts is the bottom layer and index.ts the top one', () => {
    expect(report.layers[0]?.units).toEqual(['errors.ts']);
    expect(report.layers.at(-1)?.units).toContain('index.ts');
  });
});

/** Writes files (path -> text) under a fresh folder and returns it. */
function tree(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const LAYERS = '# Architecture\n\n```layers\n3  index.ts\n2  top, side\n1  low\n0  errors.ts\n```\n';

describe('checkLayers on a planted tree', () => {
  it('a tree that keeps the rule passes', () => {
    const dir = tree({
      'ARCHITECTURE.md': LAYERS,
      'src/errors.ts': 'export class E {}\n',
      'src/low/a.ts': "import { E } from '../errors.js';\nexport const a = E;\n",
      'src/low/internal/x.ts': 'export const x = 1;\n',
      'src/low/b.ts': "import { x } from './internal/x.js';\nexport const b = x;\n",
      'src/top/t.ts': "import { a } from '../low/a.js';\nexport const t = a;\n",
      'src/side/s.ts': "export type { B } from '../low/a.js';\n",
      'src/index.ts':
        "export { t } from './top/t.js';\nexport * from './side/s.js';\nexport { b } from './low/b.js';\n",
    });
    const r = checkLayers(dir);
    expect(r.problems).toEqual([]);
    expect(r.files).toBe(7);
    expect(r.edges.length).toBe(7);
    expect(r.unitEdges).toEqual([
      ['index.ts', 'low'],
      ['index.ts', 'side'],
      ['index.ts', 'top'],
      ['low', 'errors.ts'],
      ['side', 'low'],
      ['top', 'low'],
    ]);
  });

  it('names every kind of violation: up, sideways, into another internal/, private files outside internal/, dead files, cycles (type-only too), unlisted and missing folders', () => {
    const dir = tree({
      'ARCHITECTURE.md': LAYERS.replace('1  low', '1  low, gone'),
      'src/errors.ts': 'export class E {}\n',
      // up: low imports top (a type, in an import type position)
      'src/low/a.ts': "export type T = typeof import('../top/t.js');\nexport const a = 1;\n",
      // a type-only file cycle inside low
      'src/low/c.ts': "import type { D } from './d.js';\nexport type C = D[];\n",
      'src/low/d.ts': "import type { C } from './c.js';\nexport type D = C | number;\n",
      'src/low/internal/x.ts': 'export const x = 1;\n',
      // sideways (same layer) and into low's internal/
      'src/top/t.ts':
        "import { s } from '../side/s.js';\nimport { x } from '../low/internal/x.js';\nexport const t = s + x;\n",
      'src/side/s.ts':
        "import { o } from './own.js';\nexport const s = o;\nexport async function f() { return import('../top/t.js'); }\n",
      // not exported, imported only inside its folder, outside internal/
      'src/side/own.ts': 'export const o = 2;\n',
      // imported by nothing, not exported
      'src/low/lonely.ts': 'export const l = 3;\n',
      // a folder with no layer
      'src/extra/e.ts': "import { a } from '../low/a.js';\nexport const e = a;\n",
      'src/index.ts':
        "export { t } from './top/t.js';\nexport type { C } from './low/c.js';\nexport type { D } from './low/d.js';\nexport { e } from './extra/e.js';\n",
    });
    const { problems, unitCycles, fileCycles } = checkLayers(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        'ARCHITECTURE.md: lists gone, which is not in src/',
        'src/extra: has no layer in ARCHITECTURE.md (add it to the layers block)',
        'src/low/a.ts: imports types from src/top/t.ts, in a higher layer (2 above 1)',
        'src/top/t.ts: imports src/side/s.ts, in the same layer (2)',
        'src/top/t.ts: imports src/low/internal/x.ts, internal to src/low/',
        'src/side/s.ts: imports src/top/t.ts, in the same layer (2)',
        'src/low/lonely.ts: neither exported nor imported by any file (remove it, or export it from src/index.ts)',
        'src/side/own.ts: neither exported nor imported outside src/side/ (move it to src/side/internal/)',
        // low/a.ts up to top, top into low's internal/, top and side both ways: one folder cycle of three
        'folder cycle: low ⇄ side ⇄ top',
        'file cycle: src/low/c.ts ⇄ src/low/d.ts',
        'file cycle: src/side/s.ts ⇄ src/top/t.ts',
      ]),
    );
    expect(problems).toHaveLength(11);
    expect(unitCycles).toEqual([['low', 'side', 'top']]);
    expect(fileCycles).toEqual([
      ['low/c.ts', 'low/d.ts'],
      ['side/s.ts', 'top/t.ts'],
    ]);
  });
});

describe('readLayers', () => {
  it('reads the block top first and returns the layers bottom first', () => {
    expect(readLayers(LAYERS)).toEqual([
      { rank: 0, units: ['errors.ts'] },
      { rank: 1, units: ['low'] },
      { rank: 2, units: ['top', 'side'] },
      { rank: 3, units: ['index.ts'] },
    ]);
  });

  it('refuses a document without the block, or ranks that do not count down to 0', () => {
    expect(() => readLayers('# nothing')).toThrow('no ```layers block');
    expect(() => readLayers('```layers\n2  a\n0  b\n```\n')).toThrow('ranks must count down to 0');
    expect(() => readLayers('```layers\n1  a b\n0  c\n```\n')).toThrow('cannot read "1  a b"');
  });
});
