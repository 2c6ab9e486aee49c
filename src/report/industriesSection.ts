import type { IndustryComparison, IndustryLevel } from '../decompose/compareIndustries.js';
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
  const skipped: unknown = c.skipped;
  if (!Array.isArray(skipped)) fail('comparison.skipped', 'must be an array', skipped);
  (skipped as unknown[]).forEach((x, i) => {
    const o = x as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || typeof o['reason'] !== 'string' || typeof o['factId'] !== 'string')
      fail(`comparison.skipped[${i}]`, 'must be { factId, reason }', x);
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

function level(c: IndustryComparison, l: IndustryLevel): string {
  return describeFact({ value: l.value, comparator: l.comparator, unit: parseUnit(c.unit) });
}

/** The derivation mark of a level no document states. */
function derivedMark(l: IndustryLevel): string {
  return l.derived ? `derived: ${l.derivation ?? 'from a stated rate'}` : '';
}

/**
 * A growth rate with the precision its source allows: the range the levels' wordings give, and the
 * central figure rounded to a whole percent when that range is a point or more wide ("doubling" in five
 * years is about 15 % a year, 12.6-17.4 % with the ±10 % read into "doubling", not 14.87 %).
 */
export function growthText(g: IndustryComparison['growth'][number]): string {
  const [lo, hi] = g.impliedCagrRange;
  const open = (x: number) => !Number.isFinite(x) || x <= -1;
  if (open(lo) && open(hi)) return 'not determined by the wording';
  if (open(hi)) return `at least ${formatRate(lo)} a year`;
  if (open(lo)) return `at most ${formatRate(hi)} a year`;
  const wide = hi - lo >= 0.01;
  const centre = wide ? `${Math.round(g.impliedCagr * 100)}%` : formatRate(g.impliedCagr);
  return wide
    ? `about ${centre} a year (${(lo * 100).toFixed(1)}-${(hi * 100).toFixed(1)}% across the tolerances of the levels, which are assumptions)`
    : `${centre} a year`;
}

/**
 * The sourced industries side by side (big data, cybersecurity, software and IT services, the
 * information industry): every level in one unit with the comparator of its wording, levels no document
 * states marked "derived" with their derivation, implied growth with the precision its sources allow
 * next to stated growth, and the facts each number rests on.
 * @example
 * industriesSection(compareIndustries(loadSeeds())).tables?.[0]?.columns; // => ['industry', 'year', 'level', 'kind', 'derived', 'facts']
 */
export function industriesSection(c: IndustryComparison): ReportSection {
  checkComparison('industriesSection', c);
  return {
    heading: 'Sourced industries side by side',
    text: `Every money figure in the documents, in ${c.unit}. Levels marked "derived" are not stated by any document: they follow from stated figures as the derivation says ("doubling" read as a ratio of 2; a stated level carried back or forward at a stated rate, both wordings' ranges carried through, so "more than" stays a lower bound). Growth rates are the CAGRs the levels imply, with the range their wordings allow (the "about" tolerances are assumptions), next to the rate a document states for the same years; a rate compared with a level made from it, and growth between two lower bounds, are left out.`,
    charts: [],
    tables: [
      {
        columns: ['industry', 'year', 'level', 'kind', 'derived', 'facts'],
        rows: c.levels.map((l) => [l.industry, l.year, level(c, l), l.kind, derivedMark(l), l.factIds.join(', ')]),
      },
      {
        columns: ['industry', 'years', 'implied CAGR', 'stated CAGR', 'stated by'],
        rows: c.growth.map((g) => [
          g.industry,
          `${g.fromYear}-${g.toYear}`,
          `${growthText(g)}${g.derived ? ' (from a derived level)' : ''}`,
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
    lines.push(`  ${l.industry.padEnd(30)} ${l.year}  ${level(c, l)}${l.derived ? `  (${derivedMark(l)})` : ''}`);
  for (const g of c.growth)
    lines.push(
      `  ${g.industry.padEnd(30)} ${g.fromYear}-${g.toYear}  ${growthText(g)}${g.derived ? ' (from a derived level)' : ''}${g.statedCagr !== undefined ? ` (stated: ${formatRate(g.statedCagr)})` : ''}`,
    );
  const undetermined = c.skipped.filter((x) => x.reason.includes('not determined by the wording'));
  for (const x of undetermined) lines.push(`  not shown: ${x.reason}`);
  return lines.join('\n') + '\n';
}
