// The layer rule of ARCHITECTURE.md, checked on every import of src/ (test/layers.test.ts runs it):
//
//   1. every folder of src/ (and each file at its root) has a layer in ARCHITECTURE.md's `layers` block, and every
//      name the block lists exists;
//   2. a file imports only from its own folder and from folders of lower layers (never up, never sideways into
//      another folder of the same layer);
//   3. a file in `<folder>/internal/` is imported only from inside `<folder>/` (src/internal/ is shared by all), and a
//      file that src/index.ts does not export and only its own folder imports is in `<folder>/internal/` (cli/, a
//      program, is exempt);
//   4. no folder cycle and no file cycle, type-only imports included.
//
// Imports are read with the TypeScript parser: `import` and `export … from` declarations (type-only included),
// `import x = require()`, `import('…')` calls and `import('…')` types. Only relative specifiers point into src/.
// `npx tsx scripts/check-layers.ts` prints the layers, the number of edges and every problem, and exits 1 on any.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The document that declares the layers, and so the one place the check reads them from. */
export const ARCHITECTURE = 'ARCHITECTURE.md';

/** One layer: its number (0 at the bottom) and the folders of src/ (or files at its root) it holds. */
export interface Layer {
  readonly rank: number;
  readonly units: readonly string[];
}

/** Folders that are programs, not library code: none of their files is exported, and they need no internal/. */
export const APPLICATIONS: readonly string[] = ['cli'];

/** One import of one file of src/ by another, both relative to src/. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

/** What the check found. */
export interface LayerReport {
  readonly layers: readonly Layer[];
  readonly files: number;
  readonly edges: readonly Edge[];
  /** Imports between different units (folders or root files), deduplicated. */
  readonly unitEdges: readonly (readonly [string, string])[];
  readonly unitCycles: readonly (readonly string[])[];
  readonly fileCycles: readonly (readonly string[])[];
  readonly problems: readonly string[];
}

/**
 * The layers listed in ARCHITECTURE.md's fenced block marked `layers`: one line per layer, top first, reading
 * `<rank>  <unit>, <unit>…` where a unit is a folder of src/ (`series`) or a file at its root (`errors.ts`).
 */
export function readLayers(markdown: string): Layer[] {
  const block = /^```layers\n([\s\S]*?)^```/m.exec(markdown);
  if (!block) throw new Error(`${ARCHITECTURE}: no \`\`\`layers block`);
  const layers: Layer[] = [];
  for (const line of (block[1] as string).split('\n')) {
    if (!line.trim()) continue;
    const m = /^\s*(\d+)\s+([\w.]+(?:,\s*[\w.]+)*)\s*$/.exec(line);
    if (!m) throw new Error(`${ARCHITECTURE}: layers block: cannot read "${line}" (expected "<rank>  <unit>, <unit>")`);
    layers.push({ rank: Number(m[1]), units: (m[2] as string).split(',').map((u) => u.trim()) });
  }
  const ranks = layers.map((l) => l.rank);
  const expected = ranks.map((_, i) => ranks.length - 1 - i);
  if (ranks.join() !== expected.join()) {
    throw new Error(`${ARCHITECTURE}: layers block: ranks must count down to 0, top first (got ${ranks.join(', ')})`);
  }
  return layers.reverse();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    })
    .sort();
}

/** Every relative import of one file, with whether it is type-only. */
function importsOf(file: string, text: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const add = (node: ts.Node | undefined, typeOnly: boolean) => {
    if (node && ts.isStringLiteralLike(node) && node.text.startsWith('.'))
      found.push({ specifier: node.text, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!named &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, allTypes);
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const allTypes =
        node.isTypeOnly ||
        (!!clause &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier, allTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The unit a file of src/ belongs to: its top folder, or the file itself at the root. */
export function unitOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? file : file.slice(0, slash);
}

/** Strongly connected components with more than one node (or a node importing itself): the cycles. */
function cycles(nodes: readonly string[], next: (n: string) => readonly string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next(v).includes(v)) found.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) connect(n);
  return found.sort((a, b) => a.join('\0').localeCompare(b.join('\0')));
}

/** Reads every import of `<dir>/src` and checks it against the layers of `<dir>/ARCHITECTURE.md`. */
export function checkLayers(dir: string = root): LayerReport {
  const src = join(dir, 'src');
  const layers = readLayers(readFileSync(join(dir, ARCHITECTURE), 'utf8'));
  const rank = new Map<string, number>();
  const problems: string[] = [];
  for (const layer of layers) {
    for (const unit of layer.units) {
      if (rank.has(unit)) problems.push(`${ARCHITECTURE}: ${unit} is listed in two layers`);
      rank.set(unit, layer.rank);
    }
  }

  const files = sourceFiles(src).map((f) => relative(src, f));
  const edges: Edge[] = [];
  for (const file of files) {
    for (const { specifier, typeOnly } of importsOf(file, readFileSync(join(src, file), 'utf8'))) {
      const target = relative(src, resolve(src, dirname(file), specifier.replace(/\.js$/, '.ts')));
      if (!target.endsWith('.ts') || !existsSync(join(src, target))) {
        // Data and generated files (JSON, *.generated.cjs) are not modules of the layers.
        if (/\.(?:js|ts)$/.test(specifier))
          problems.push(`src/${file}: imports ${specifier}, which is not a file of src/`);
        continue;
      }
      if (target.startsWith('..')) {
        problems.push(`src/${file}: imports ${specifier}, outside src/`);
        continue;
      }
      edges.push({ from: file, to: target, typeOnly });
    }
  }

  const units = [...new Set(files.map(unitOf))].sort();
  for (const unit of units) {
    if (!rank.has(unit)) problems.push(`src/${unit}: has no layer in ${ARCHITECTURE} (add it to the layers block)`);
  }
  for (const unit of rank.keys()) {
    if (!units.includes(unit)) problems.push(`${ARCHITECTURE}: lists ${unit}, which is not in src/`);
  }

  const unitEdges = new Map<string, [string, string]>();
  for (const { from, to, typeOnly } of edges) {
    const a = unitOf(from);
    const b = unitOf(to);
    const kind = typeOnly ? 'imports types from' : 'imports';
    if (a !== b) {
      unitEdges.set(`${a}\0${b}`, [a, b]);
      const ra = rank.get(a);
      const rb = rank.get(b);
      if (ra !== undefined && rb !== undefined && rb >= ra) {
        const why = rb === ra ? `the same layer (${ra})` : `a higher layer (${rb} above ${ra})`;
        problems.push(`src/${from}: ${kind} src/${to}, in ${why}`);
      }
    }
    const internal = /^(.*)\/internal\//.exec(to);
    if (internal && internal[1] !== undefined && !from.startsWith(`${internal[1]}/`)) {
      problems.push(`src/${from}: ${kind} src/${to}, internal to src/${internal[1]}/`);
    }
  }

  // A file the package does not export and only its own folder imports belongs in that folder's internal/.
  const exported = new Set(edges.filter((e) => e.from === 'index.ts').map((e) => e.to));
  const importers = new Map<string, Set<string>>();
  for (const { from, to } of edges) importers.set(to, (importers.get(to) ?? new Set()).add(unitOf(from)));
  for (const file of files) {
    const unit = unitOf(file);
    const users = importers.get(file);
    if (file === unit || APPLICATIONS.includes(unit) || file.includes('/internal/') || unit === 'internal') continue;
    if (!exported.has(file) && users === undefined) {
      problems.push(
        `src/${file}: neither exported nor imported by any file (remove it, or export it from src/index.ts)`,
      );
    } else if (!exported.has(file) && users !== undefined && [...users].every((u) => u === unit)) {
      problems.push(
        `src/${file}: neither exported nor imported outside src/${unit}/ (move it to src/${unit}/internal/)`,
      );
    }
  }

  const outOf = (key: (e: Edge) => string, value: (e: Edge) => string) => {
    const map = new Map<string, string[]>();
    for (const e of edges) {
      const list = map.get(key(e)) ?? [];
      if (!list.includes(value(e))) list.push(value(e));
      map.set(key(e), list);
    }
    return (n: string) => map.get(n) ?? [];
  };
  const unitCycles = cycles(
    units,
    outOf(
      (e) => unitOf(e.from),
      (e) => unitOf(e.to),
    ),
  ).filter((c) => c.length > 1);
  const fileCycles = cycles(
    files,
    outOf(
      (e) => e.from,
      (e) => e.to,
    ),
  );
  for (const c of unitCycles) problems.push(`folder cycle: ${c.join(' ⇄ ')}`);
  for (const c of fileCycles) problems.push(`file cycle: ${c.map((f) => `src/${f}`).join(' ⇄ ')}`);

  return {
    layers,
    files: files.length,
    edges,
    unitEdges: [...unitEdges.values()].sort((x, y) => x.join().localeCompare(y.join())),
    unitCycles,
    fileCycles,
    problems,
  };
}

/** The report as printed by `npx tsx scripts/check-layers.ts`. */
export function formatReport(report: LayerReport): string {
  const lines = ['Layers of src/, top first (a file imports only from its own folder and lower layers):'];
  for (const layer of [...report.layers].reverse())
    lines.push(`  ${String(layer.rank).padStart(2)}  ${layer.units.join(', ')}`);
  const typeOnly = report.edges.filter((e) => e.typeOnly).length;
  lines.push(
    `${report.files} files, ${report.edges.length} file imports (${typeOnly} type-only), ` +
      `${report.unitEdges.length} imports between folders; ` +
      `${report.unitCycles.length} folder cycles, ${report.fileCycles.length} file cycles, ` +
      `${report.problems.length} problems.`,
  );
  for (const p of report.problems) lines.push(`  ${p}`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = checkLayers();
  console.log(formatReport(report));
  if (process.argv.includes('--edges')) {
    for (const [a, b] of report.unitEdges) console.log(`  ${a} -> ${b}`);
  }
  process.exitCode = report.problems.length > 0 ? 1 : 0;
}
