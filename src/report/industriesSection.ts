import type { IndustryComparison, IndustryLevel } from '../decompose/compareIndustries.js';
import type { ReportSection } from '../render/reportHtml.js';
import { parseUnit } from '../series/units.js';
import { describeFact, formatRate } from '../targets/describeFact.js';

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
