// Builds docs/reference.md, the generated reference, from two sources so that it cannot drift from the code:
//   1. the command line, from the CLI's own command definitions (src/cli/*Command.ts): usage, options, exit codes
//      and examples, each example block preceded by the lines that make the files it reads (SETUP below), so
//      that it runs as printed in a fresh project (test/docs/snippets.test.ts runs it);
//   2. an index of every public export of src/index.ts: signature, first sentence of its JSDoc, its @example
//      (with the import line it needs; test/docs/jsdocExamples.test.ts and test/docs/snippets.test.ts run it),
//      and a link to its source.
// `npx tsx scripts/build-reference.ts` rewrites docs/reference.md; `--check` exits 1 when it is out of date
// (test/docs/reference.test.ts fails then too).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { loadCommands } from '../src/cli/registry.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const commands = await loadCommands();

/** Where the generated reference goes. */
export const REFERENCE = 'docs/reference.md';

/**
 * Lines that make the files a command's examples read, printed before them in the reference: the examples
 * stay short in `--help`, and the reference's blocks run as printed in a fresh project.
 */
const MODEL_COPY = [
  '# a model file of your own (here a copy of a built-in one; docs/model-file.md shows how to write one)',
  'mkdir -p models && cp node_modules/industry-metrics/models/big-data-14th-fyp.model.json models/my-industry.model.json',
];
const SERIES_CSV = [
  '# yearly series in a CSV file: wide (year,<series>,...) as here, or long (id,year,value)',
  "cat > markets.csv <<'EOF'",
  'year,cloud,storage',
  ...[
    [2009, 52, 31],
    [2010, 60, 34],
    [2011, 71, 36],
    [2012, 83, 40],
    [2013, 95, 43],
    [2014, 112, 45],
    [2015, 128, 50],
    [2016, 150, 52],
    [2017, 171, 57],
    [2018, 198, 60],
    [2019, 226, 63],
    [2020, 262, 69],
    [2021, 300, 72],
    [2022, 341, 78],
  ].map((r) => r.join(',')),
  'EOF',
];
const SETUP: Readonly<Record<string, readonly string[]>> = {
  check: MODEL_COPY,
  project: MODEL_COPY,
  forecast: SERIES_CSV,
  backtest: SERIES_CSV,
  decompose: [
    '# sector levels in a CSV file: id,year,value',
    "printf 'id,year,value\\nsoftware,2020,60\\nsoftware,2025,120\\nhardware,2020,40\\nhardware,2025,55\\n' > sectors.csv",
  ],
  render: [
    '# Vega-Lite specs to render: the report writes one per chart',
    'npx industry-metrics report big-data-14th-fyp --out report --paths 2000',
  ],
};

function cliReference(): string {
  const out = [
    '## Command line',
    '',
    'Every command prints a readable table by default, `--format csv` or `--format json` on request, and',
    'exits 0 on success, 2 on a user error (one line on stderr, no stack trace) and 1 on an internal error.',
    '',
  ];
  for (const c of commands) {
    out.push(`### \`industry-metrics ${c.name}\``, '', c.summary, '', '```text', c.usage, '```', '');
    if (c.exitCodes) out.push(`Exit codes: ${c.exitCodes}`, '');
    if (c.help.length > 0) {
      out.push('| option | meaning |', '|---|---|');
      for (const [flag, text] of c.help) out.push(`| \`${flag}\` | ${text.replace(/\|/g, '\\|')} |`);
      out.push('');
    }
    const examples = c.examples.map((e) => e.replace(/^industry-metrics /, 'npx industry-metrics '));
    out.push('Examples:', '', '```sh', ...(SETUP[c.name] ?? []), ...examples, '```', '');
  }
  return out.join('\n');
}

interface ExportEntry {
  name: string;
  kind: string;
  signature: string;
  summary: string;
  example: string;
  file: string;
  group: string;
}

/** The first sentence of a doc comment: up to a `.`, `!` or `?` outside backticks and before a space. */
function firstSentence(text: string): string {
  const flat = text
    .replace(/\{@link\s+([^}\s|]+)[^}]*\}/g, '`$1`')
    .replace(/\s+/g, ' ')
    .trim();
  let code = false;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (c === '`') code = !code;
    else if (!code && (c === '.' || c === '!' || c === '?') && (i === flat.length - 1 || flat[i + 1] === ' '))
      return flat.slice(0, i + 1);
  }
  return flat;
}

function exportIndex(): string {
  const indexFile = join(root, 'src/index.ts');
  const program = ts.createProgram([indexFile], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(indexFile);
  if (!source) throw new Error('src/index.ts not found');
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error('src/index.ts has no exports');
  const printer = ts.createPrinter({ removeComments: true });
  const entries: ExportEntry[] = [];
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decl = symbol.declarations?.[0];
    if (!decl) continue;
    const file = relative(root, decl.getSourceFile().fileName);
    const group = file.split('/')[1]?.replace(/\.ts$/, '') ?? 'errors';
    let kind = 'type';
    let signature = exp.name;
    if (ts.isFunctionDeclaration(decl)) {
      kind = 'function';
      const params = decl.parameters.map((p) => p.getText()).join(', ');
      signature = `${decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ? 'async ' : ''}${exp.name}(${params})${decl.type ? `: ${decl.type.getText()}` : ''}`;
    } else if (ts.isClassDeclaration(decl)) {
      kind = 'class';
      const ctor = decl.members.find(ts.isConstructorDeclaration);
      signature = `new ${exp.name}(${ctor ? ctor.parameters.map((p) => p.getText()).join(', ') : ''})`;
    } else if (ts.isVariableDeclaration(decl)) {
      kind = 'const';
      signature = decl.type ? `${exp.name}: ${decl.type.getText()}` : exp.name;
    } else if (ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl)) {
      kind = 'type';
      signature = exp.name;
    } else {
      signature = printer.printNode(ts.EmitHint.Unspecified, decl, decl.getSourceFile()).split('\n')[0] ?? exp.name;
    }
    const summary = firstSentence(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
    const exampleTag = symbol.getJsDocTags(checker).find((t) => t.name === 'example');
    const example = exampleTag ? ts.displayPartsToString(exampleTag.text).trim() : '';
    entries.push({ name: exp.name, kind, signature: signature.replace(/\s+/g, ' '), summary, example, file, group });
  }
  const groups = [...new Set(entries.map((e) => e.group))];
  const names = entries.filter((e) => e.kind !== 'type').map((e) => e.name);
  const out = [
    '## Index of exports',
    '',
    `Every public export of \`industry-metrics\` (${entries.length} in all), by folder of \`src/\`: its signature, the first`,
    'sentence of its documentation, its example (every example is executed by the test suite), and its source.',
    '',
  ];
  for (const g of groups) {
    out.push(`### ${g}`, '');
    const inGroup = entries.filter((e) => e.group === g);
    for (const e of inGroup.filter((x) => x.kind !== 'type')) {
      out.push(`- **\`${e.signature}\`** ([${e.file}](${e.file}))${e.summary ? `: ${e.summary}` : ''}`);
      if (e.example) out.push('  ```ts', ...withImports(e.example, names).map((l) => (l ? `  ${l}` : l)), '  ```');
    }
    const types = inGroup.filter((x) => x.kind === 'type');
    if (types.length > 0) out.push(`- Types: ${types.map((t) => `[\`${t.name}\`](${t.file})`).join(', ')}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * An example with the import of the exports it uses, so that it runs as printed: an `import { … } from
 * 'industry-metrics'` line of its own is merged into it, other import lines are kept.
 */
function withImports(example: string, exportNames: readonly string[]): string[] {
  const lines = example.split('\n');
  const own = /^import\s+\{([^}]*)\}\s+from\s+'industry-metrics';?$/;
  const body = lines.filter((l) => !own.test(l.trim()));
  const named = lines.flatMap((l) => {
    const m = own.exec(l.trim());
    return m ? (m[1] as string).split(',').map((n) => n.trim()) : [];
  });
  const code = body.join('\n').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|\/\/.*$/gm, '');
  const used = exportNames.filter((n) => new RegExp(`(?<![\\w$.])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(code));
  const all = [...new Set([...named.filter(Boolean), ...used])].sort((a, b) => a.localeCompare(b));
  const others = body.filter((l) => /^import\s/.test(l.trim()));
  const rest = body.filter((l) => !/^import\s/.test(l.trim()));
  return [...(all.length > 0 ? [`import { ${all.join(', ')} } from 'industry-metrics';`] : []), ...others, '', ...rest];
}

/** docs/reference.md as it should be. */
export function buildReference(): string {
  return [
    '<!-- generated by scripts/build-reference.ts from the CLI and src/index.ts; edit those, then run npx tsx scripts/build-reference.ts -->',
    '',
    '# Reference',
    '',
    "Generated from the code: the [command line](#command-line) from the commands' own definitions, and the",
    '[index of exports](#index-of-exports) from `src/index.ts` and its JSDoc. The narrative docs are listed in the',
    '[README](../README.md#documentation).',
    '',
    cliReference(),
    exportIndex(),
  ]
    .join('\n')
    .replace(/\]\((src|models|seeds)\//g, '](../$1/')
    .trimEnd()
    .concat('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = join(root, REFERENCE);
  const current = readFileSync(path, { encoding: 'utf8', flag: 'a+' });
  const next = buildReference();
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error(`${REFERENCE} is out of date: run \`npx tsx scripts/build-reference.ts\`.`);
      process.exit(1);
    }
    console.log(`${REFERENCE} is up to date.`);
  } else {
    writeFileSync(path, next);
    console.log(`Wrote ${REFERENCE} (${next.split('\n').length} lines).`);
  }
}
