import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';
import { assertSameUnit } from '../series/units.js';
import { asSeries, type Series } from '../series/series.js';
import { checkPanel } from './internal/checkPanel.js';
import type { Panel } from './types.js';

/** What {@link panel} takes: one series per sector and, optionally, a stated total. */
export interface PanelInput {
  /** One series per sector; its id names the sector. All in one unit, all with the same years. */
  readonly sectors: readonly Series[];
  /** A separately stated total (a headline figure), in the same unit and years. */
  readonly total?: Series;
}

const PANEL_INPUT = optionNames<PanelInput>({ sectors: true, total: true });

/**
 * Builds a {@link Panel} (sectors x years) from sector series, checking that every sector has every
 * year and that the units agree. No year is dropped or filled silently.
 * @throws {MetricsError} invalid_argument for no sectors, a duplicate or reserved id (`total`,
 *   `(residual)`); unit_mismatch when the units differ (convert with convertScale first);
 *   missing_years naming the sector and the years it lacks
 * @example
 * const a = series({ id: 'a', unit: 'CNY billion', years: [2020, 2021], values: [1, 2] });
 * const b = series({ id: 'b', unit: 'CNY billion', years: [2020, 2021], values: [3, 3] });
 * panel({ sectors: [a, b] }).values; // => [[1, 2], [3, 3]]
 */
export function panel(input: PanelInput): Panel {
  if (typeof input !== 'object' || input === null || !Array.isArray(input.sectors) || input.sectors.length === 0) {
    throw argumentError(
      'invalid_argument',
      `panel: expected { sectors: Series[], total?: Series } with at least one sector (got ${show(input)}).`,
      'input',
      '{ sectors: Series[], total?: Series } with at least one sector',
      input,
    );
  }
  // A misspelt `total` would be ignored and the panel have no stated total.
  assertOptions('panel', input, undefined, PANEL_INPUT);
  // Each series checked as series() checks it (a hand-built object gets a MetricsError naming it).
  // Array.from visits holes (map skips them): a hole is a missing sector, and is named.
  const sectors = Array.from(input.sectors, (s, i) => asSeries('panel', s, `sectors[${i}]`));
  const total = input.total === undefined ? undefined : asSeries('panel', input.total, 'total');
  // Duplicate ids are named before any year is looked at (checkPanel would, after the rows are built).
  const ids = new Set<string>();
  for (const s of sectors) {
    if (ids.has(s.id)) {
      throw argumentError(
        'invalid_argument',
        `panel: sector "${s.id}" appears twice (got it twice). Give each sector once.`,
        ['sectors', sectors.indexOf(s), 'id'],
        'an id not given before',
        s.id,
        {
          sector: s.id,
        },
      );
    }
    ids.add(s.id);
  }
  const first = sectors[0] as Series;
  const all = total !== undefined ? [...sectors, total] : sectors;
  for (const s of all) assertSameUnit(`panel (series "${s.id}")`, first.unit, s.unit);
  const years = [...new Set(all.flatMap((s) => s.years))].sort((x, y) => x - y);
  const rowOf = (s: Series, what: string): number[] => {
    const missing = years.filter((y) => !s.years.includes(y));
    if (missing.length > 0) {
      throw argumentError(
        'missing_years',
        `panel: ${what} "${s.id}" has no value for ${missing.join(', ')}, which other series have. Give every sector every year, or interpolate() first.`,
        what === 'total' ? ['total', 'years'] : ['sectors', sectors.indexOf(s), 'years'],
        `every year of the panel (${years.join(', ')})`,
        s.years,
        { sector: s.id, missing },
      );
    }
    return years.map((y) => s.values[s.years.indexOf(y)] as number);
  };
  const out: Panel = {
    unit: first.unit,
    years: Object.freeze(years),
    sectors: Object.freeze(sectors.map((s) => s.id)),
    values: Object.freeze(sectors.map((s) => Object.freeze(rowOf(s, 'sector')))),
    ...(total !== undefined ? { total: Object.freeze(rowOf(total, 'total')) } : {}),
  };
  checkPanel('panel', out);
  return Object.freeze(out);
}
