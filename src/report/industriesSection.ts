import type { IndustryComparison } from '../decompose/compareIndustries.js';
import type { ReportSection } from '../render/reportHtml.js';
import { parseUnit } from '../series/units.js';
import { describeFact, formatRate } from '../targets/describeFact.js';
import type { Comparator } from '../targets/fact.js';

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
