import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { argumentError } from '../internal/assert.js';
import { contributions } from '../decompose/contributions.js';
import { decomposeModel, type ModelDecomposition } from '../model/decomposeModel.js';
import { shares } from '../decompose/shares.js';
import { spanContributions } from '../decompose/spanContributions.js';
import { RESIDUAL_SECTOR, TOTAL_SECTOR, type DecompositionRow, type Panel } from '../decompose/types.js';
import { loadModel } from '../model/loadModel.js';
import { parsePanelCsv } from '../io/csv.js';
import { formatPercent, unitToString } from '../series/units.js';
import { modelOptions } from './modelOptions.js';
import type { CliCommand, CliContext } from './command.js';
import { type Column, emit, outputFormat, toCsv, toTable, wrapParagraph, type Row } from './output.js';

const MEASURES = [
  'level',
  'total',
  'share',
  'contribution',
  'shareOfGrowth',
  'growth',
  'residual',
  'residualShare',
] as const;

/** Tidy rows of a CSV panel: levels, shares (and residual), contributions and shares of growth. */
export function panelRows(p: Panel): DecompositionRow[] {
  const out: DecompositionRow[] = [];
  p.sectors.forEach((sector, i) =>
    p.years.forEach((year, t) =>
      out.push({ sector, year, value: (p.values[i] as number[])[t] as number, measure: 'level' }),
    ),
  );
  const s = shares(p);
  out.push(...s.rows.filter((r) => p.total !== undefined || r.sector !== RESIDUAL_SECTOR));
  if (p.years.length >= 2) out.push(...contributions(p).rows);
  return out;
}

/** One table row per sector (and total, residual) and year, one column per measure. */
export function wideRows(rows: readonly DecompositionRow[]): Row[] {
  const byKey = new Map<string, Record<string, string | number>>();
  for (const r of rows) {
    const key = `${r.sector}\u0000${r.year}`;
    let row = byKey.get(key);
    if (!row) {
      row = { sector: r.sector, year: r.year };
      byKey.set(key, row);
    }
    row[r.measure] = r.value;
  }
  return [...byKey.values()];
}

function summary(d: ModelDecomposition): string {
  const pct = (x: number) => formatPercent(x, { decimals: 2, fixed: true });
  const level = (x: number) => Number(x.toPrecision(4));
  const lines = [
    '',
    wrapParagraph(
      `${d.modelId}: the sectors' sum grows ${pct(d.totalCagr)} a year ${d.fromYear}-${d.toYear}; the headline path ${pct(d.headlineCagr)}.`,
    ),
    wrapParagraph(
      `contributions to that CAGR (points): ${d.sectors.map((s, i) => `${s.id} ${((d.span.cagrContribution[i] as number) * 100).toFixed(2)} (own CAGR ${pct(d.sectorCagr[i] as number)})`).join(', ')}`,
      '  ',
      '    ',
    ),
    ...d.incoherence.rows.map((r) =>
      wrapParagraph(
        `${r.year}: headline ${level(r.total)}, sum of sectors ${level(r.sumOfSectors)} ${d.unit}, gap ${level(r.gap)} (${pct(r.relativeGap)} of the headline)`,
        '  ',
        '    ',
      ),
    ),
    ...d.targets.map((t) =>
      wrapParagraph(
        `target ${t.fact.id} (${t.fact.comparator} ${t.target} ${d.unit} in ${t.year}): the sectors give ${level(t.value)}, ${t.meets ? 'met' : 'NOT met'}`,
        '  ',
        '    ',
      ),
    ),
  ];
  return lines.join('\n') + '\n';
}

/** The table's columns: levels in the unit, shares, growth and shares of growth in %, contributions in points. */
function measureColumns(unit: string, present: readonly string[]): Column[] {
  const spec: Readonly<Record<string, Column>> = {
    level: { key: 'level', header: `level (${unit})`, style: 'number' },
    total: { key: 'total', header: `total (${unit})`, style: 'number' },
    share: { key: 'share', header: 'share %', style: 'percent' },
    contribution: { key: 'contribution', header: 'contribution (points)', style: 'percent' },
    shareOfGrowth: { key: 'shareOfGrowth', header: 'share of growth %', style: 'percent' },
    growth: { key: 'growth', header: 'growth %', style: 'percent' },
    residual: { key: 'residual', header: `residual (${unit})`, style: 'number' },
    residualShare: { key: 'residualShare', header: 'residual share %', style: 'percent' },
  };
  return present.map((m) => spec[m] ?? m);
}

/** `industry-metrics decompose <model | file.csv>`: shares, contributions and shares of growth. */
export const decomposeCommand: CliCommand = {
  name: 'decompose',
  summary:
    'Sector shares, contributions to growth (percentage points) and shares of growth, for a model with sectors or a CSV of sector levels.',
  usage:
    'industry-metrics decompose <model id | file.model.json | file.csv> [--unit U] [--format table|csv|json|xlsx] [--out FILE]',
  help: [
    [
      '--format <f>',
      'table (default): one row per sector and year with a column per measure, plus a summary; csv: tidy rows sector,year,measure,value; json: everything; xlsx: the csv rows as a workbook (needs --out).',
    ],
    [
      '--out <file>',
      'Write to a file instead of stdout (format from --format, else from the extension: .json, .txt table, else csv).',
    ],
    ['--unit <u>', 'CSV input only: the unit of the values (e.g. "CNY billion") when the file has no unit column.'],
    ['--sheet <name>', 'For an .xlsx input (read like CSV): the sheet to read (default the first).'],
  ],
  examples: [
    'industry-metrics decompose big-data-sectors-example',
    'industry-metrics decompose sectors.csv --unit "CNY billion" --format csv --out contributions.csv',
  ],
  options: { format: { type: 'string' }, out: { type: 'string' }, unit: { type: 'string' }, sheet: { type: 'string' } },
  async run(args, ctx: CliContext) {
    if (args.positionals.length !== 1) {
      throw argumentError(
        'invalid_argument',
        `give exactly one model id, model file or CSV file (got ${args.positionals.length}). See 'industry-metrics models' for model ids.`,
        ['positionals'],
        'exactly one model id, model file or CSV file',
        args.positionals,
      );
    }
    const input = args.positionals[0] as string;
    const format = outputFormat(args);
    const unitOption = typeof args.values['unit'] === 'string' ? args.values['unit'] : undefined;
    let rows: DecompositionRow[];
    let json: unknown;
    let extra = '';
    const sheet = typeof args.values['sheet'] === 'string' ? args.values['sheet'] : undefined;
    if (input.toLowerCase().endsWith('.csv') || input.toLowerCase().endsWith('.xlsx')) {
      const path = resolve(ctx.cwd, input);
      let text: string;
      let label = input;
      if (input.toLowerCase().endsWith('.xlsx')) {
        const { xlsxAsCsv } = await import('../xlsx/readXlsx.js');
        ({ text, file: label } = await xlsxAsCsv(path, sheet === undefined ? {} : { sheet }));
      } else {
        try {
          text = readFileSync(path, 'utf8');
        } catch (e) {
          throw argumentError(
            'not_found',
            `cannot read ${input}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`,
            ['positionals', 0],
            'a file that can be read',
            input,
            { file: input },
          );
        }
      }
      const p = parsePanelCsv(text, { file: label, ...(unitOption !== undefined ? { unit: unitOption } : {}) });
      rows = panelRows(p);
      json = {
        unit: unitToString(p.unit),
        panel: p,
        shares: shares(p),
        ...(p.years.length >= 2 ? { contributions: contributions(p), span: spanContributions(p) } : {}),
        rows,
      };
      if (p.years.length >= 2) {
        const s = spanContributions(p);
        extra = `\n${wrapParagraph(`${s.fromYear}-${s.toYear}: total CAGR ${formatPercent(s.cagr, { decimals: 2, fixed: true })}; contributions to it: ${s.sectors.map((name, i) => `${name} ${((s.cagrContribution[i] as number) * 100).toFixed(2)}`).join(', ')} (points).`)}\n`;
      }
    } else {
      if (unitOption !== undefined)
        throw argumentError(
          'invalid_argument',
          '--unit applies to CSV input only; a model states its own unit.',
          ['--unit'],
          'no --unit with a model',
          unitOption,
        );
      const d = decomposeModel(loadModel(input, modelOptions(ctx)));
      rows = [...d.rows];
      json = d;
      extra = summary(d);
    }
    let text: string;
    if (format === 'json') text = JSON.stringify(json, null, 2) + '\n';
    else if (format === 'csv') text = toCsv(rows as unknown as Row[], ['sector', 'year', 'measure', 'value']);
    else {
      const wide = wideRows(
        rows.filter((r) => (MEASURES as readonly string[]).includes(r.measure) || r.sector === TOTAL_SECTOR),
      );
      const present = MEASURES.filter((m) => wide.some((r) => r[m] !== undefined));
      text = toTable(wide, ['sector', 'year', ...measureColumns(unitOf(json), present)]) + extra;
    }
    await emit(ctx, args, text, `${rows.length} rows`);
  },
};

/** The unit of the decomposition, for the table's headers. */
function unitOf(json: unknown): string {
  const u = (json as { unit?: unknown } | undefined)?.unit;
  return typeof u === 'string' ? u : '';
}
