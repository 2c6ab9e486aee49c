import type { IndustryComparison } from '../decompose/compareIndustries.js';
import type { ReportSection } from '../render/reportHtml.js';
import { MetricsError } from '../errors.js';
import { show } from '../internal/assert.js';
import { parseUnit, unitArg } from '../series/units.js';
import { describeFact, formatRate } from '../targets/describeFact.js';
import { Comparator } from '../targets/fact.js';

/** The most rows a report table takes (see reportHtml). */
const MAX_ROWS = 10_000;

/** Checks a comparison handed back in: the rows the section and the summary read, each field typed and finite. */
function checkComparison(fn: string, c: IndustryComparison): void {
  const fail = (where: string, what: string, got: unknown): never => {
    throw new MetricsError(
      'invalid_argument',
      `${fn}: ${where} ${what} (got ${show(got)}). Pass what compareIndustries returned, as it came.`,
      { field: where },
    );
  };
  if (c === null || typeof c !== 'object') fail('comparison', 'must be an object', c);
  unitArg(fn, 'comparison.unit', c.unit);
  const rows = (name: 'levels' | 'growth'): readonly Record<string, unknown>[] => {
    const a: unknown = c[name];
    if (!Array.isArray(a)) return fail(`comparison.${name}`, 'must be an array', a);
    if (a.length > MAX_ROWS) {
      throw new MetricsError(
        'too_large',
        `${fn}: comparison.${name} has ${a.length} rows, more than a report table shows (at most ${MAX_ROWS}).`,
        { rows: a.length },
      );
    }
    for (let i = 0; i < a.length; i++) {
      const r: unknown = a[i];
      if (r === null || typeof r !== 'object') fail(`comparison.${name}[${i}]`, 'must be an object', r);
      const o = r as Record<string, unknown>;
      if (typeof o['industry'] !== 'string')
        fail(`comparison.${name}[${i}].industry`, 'must be a string', o['industry']);
      if (typeof o['derived'] !== 'boolean')
        fail(`comparison.${name}[${i}].derived`, 'must be true or false', o['derived']);
    }
    return a as readonly Record<string, unknown>[];
  };
  const whole = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
  const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
  rows('levels').forEach((l, i) => {
    const w = `comparison.levels[${i}]`;
    if (!whole(l['year'])) fail(`${w}.year`, 'must be a whole year', l['year']);
    if (!finite(l['value'])) fail(`${w}.value`, 'must be a finite number', l['value']);
    if (typeof l['comparator'] !== 'string' || !Object.hasOwn(Comparator, l['comparator']))
      fail(`${w}.comparator`, 'must be a comparator', l['comparator']);
    if (typeof l['kind'] !== 'string') fail(`${w}.kind`, 'must be a string', l['kind']);
    const ids = l['factIds'];
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) fail(`${w}.factIds`, 'must be fact ids', ids);
  });
  rows('growth').forEach((g, i) => {
    const w = `comparison.growth[${i}]`;
    if (!whole(g['fromYear']) || !whole(g['toYear']))
      fail(`${w}.fromYear`, 'and toYear must be whole years', g['fromYear']);
    if (!finite(g['impliedCagr'])) fail(`${w}.impliedCagr`, 'must be a finite number', g['impliedCagr']);
    if (g['statedCagr'] !== undefined && !finite(g['statedCagr']))
      fail(`${w}.statedCagr`, 'must be a finite number', g['statedCagr']);
    if (g['statedFactId'] !== undefined && typeof g['statedFactId'] !== 'string')
      fail(`${w}.statedFactId`, 'must be a string', g['statedFactId']);
  });
}

function level(c: IndustryComparison, value: number, comparator: Comparator): string {
  return describeFact({ value, comparator, unit: parseUnit(c.unit) });
}

/**
 * The sourced industries side by side (big data, cybersecurity, software and IT services, the
 * information industry): every level in one unit, levels derived from a stated rate marked as such,
 * implied growth next to stated growth, and the facts each number rests on.
 * @example
 * industriesSection(compareIndustries(loadSeeds())).tables?.[0]?.columns; // => ['industry', 'year', 'level', 'kind', 'derived', 'facts']
 */
export function industriesSection(c: IndustryComparison): ReportSection {
  checkComparison('industriesSection', c);
  return {
    heading: 'Sourced industries side by side',
    text: `Every money figure in the documents, in ${c.unit}. Levels marked "derived" are not stated by any document: they follow from a stated level and a stated rate. Growth rates are the CAGRs the levels imply, next to the rate a document states for the same years.`,
    charts: [],
    tables: [
      {
        columns: ['industry', 'year', 'level', 'kind', 'derived', 'facts'],
        rows: c.levels.map((l) => [
          l.industry,
          l.year,
          level(c, l.value, l.comparator),
          l.kind,
          l.derived ? 'yes' : '',
          l.factIds.join(', '),
        ]),
      },
      {
        columns: ['industry', 'years', 'implied CAGR', 'stated CAGR', 'stated by'],
        rows: c.growth.map((g) => [
          g.industry,
          `${g.fromYear}-${g.toYear}`,
          formatRate(g.impliedCagr),
          g.statedCagr !== undefined ? formatRate(g.statedCagr) : '',
          g.statedFactId ?? '',
        ]),
      },
    ],
  };
}

/** The comparison for the terminal: one line per industry and year. */
export function industriesSummary(c: IndustryComparison): string {
  checkComparison('industriesSummary', c);
  const lines = ['Sourced industries side by side'];
  for (const l of c.levels)
    lines.push(
      `  ${l.industry.padEnd(30)} ${l.year}  ${level(c, l.value, l.comparator)}${l.derived ? '  (derived from a stated rate)' : ''}`,
    );
  for (const g of c.growth)
    lines.push(
      `  ${g.industry.padEnd(30)} ${g.fromYear}-${g.toYear}  ${formatRate(g.impliedCagr)} a year${g.statedCagr !== undefined ? ` (stated: ${formatRate(g.statedCagr)})` : ''}`,
    );
  return lines.join('\n') + '\n';
}
