import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';
import { parseUnit, type Unit } from '../series/units.js';
import { checkPanel } from './internal/checkPanel.js';
import { TOTAL_SECTOR, type Panel } from './types.js';

/** One long row: a sector (or the total) in a year. Text values (from CSV) are read as numbers. */
export interface LongRow {
  readonly id?: unknown;
  readonly year?: unknown;
  readonly value?: unknown;
}

/** Options of {@link panelFromRows}. */
export interface PanelFromRowsOptions {
  /** Unit of every value, e.g. `CNY billion`. */
  readonly unit: string | Unit;
  /** The id that marks the stated total. Default `total`. */
  readonly totalId?: string;
  /** Named in error messages, e.g. a file name. Default `rows`. */
  readonly source?: string;
  /** Number of the first row in messages (2 for a CSV with a header line). Default 1. */
  readonly firstRow?: number;
}

const PANEL_FROM_ROWS_OPTIONS = optionNames<PanelFromRowsOptions>({
  unit: true,
  totalId: true,
  source: true,
  firstRow: true,
});

function readNumber(text: unknown): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Builds a {@link Panel} from long rows `{ id, year, value }` (one row per sector and year; rows with
 * id `total` give the stated total). Sectors keep the order of their first row. Every error names the
 * row and the field.
 * @throws {MetricsError} invalid_data for an empty id, a year that is not a whole number, a value that
 *   is not a finite number, or the same id and year twice; missing_years when a sector lacks a year
 *   another sector has (naming both)
 * @example
 * panelFromRows([
 *   { id: 'a', year: '2020', value: '1' }, { id: 'a', year: '2021', value: '2' },
 *   { id: 'b', year: '2020', value: '3' }, { id: 'b', year: '2021', value: '3' },
 * ], { unit: 'CNY billion' }).values; // => [[1, 2], [3, 3]]
 */
export function panelFromRows(rows: readonly LongRow[], options: PanelFromRowsOptions): Panel {
  assertOptions('panelFromRows', options, "{ unit: 'CNY billion' }", PANEL_FROM_ROWS_OPTIONS);
  const { totalId = TOTAL_SECTOR, source = 'rows', firstRow = 1 } = options;
  const unit = parseUnit(options.unit);
  if (!Array.isArray(rows) || rows.length === 0) {
    throw argumentError(
      'invalid_data',
      `panelFromRows: ${source} has no rows (got ${show(rows)}). Give rows { id, year, value }.`,
      'rows',
      'rows { id, year, value }',
      rows,
    );
  }
  const cells = new Map<string, Map<number, number>>();
  rows.forEach((r, i) => {
    const where = `${source} row ${i + firstRow}`;
    const id = typeof r?.id === 'string' ? r.id.trim() : '';
    if (id === '')
      throw argumentError(
        'invalid_data',
        `panelFromRows: ${where}: field "id" is empty (got ${show(r?.id)}). Name the sector, or "${totalId}" for the total.`,
        ['rows', i, 'id'],
        'a non-empty id',
        r?.id,
        { row: i + firstRow, field: 'id' },
      );
    const year = readNumber(r.year);
    if (year === undefined || !Number.isInteger(year)) {
      throw argumentError(
        'invalid_data',
        `panelFromRows: ${where}: field "year" must be a whole calendar year (got ${show(r.year)}).`,
        ['rows', i, 'year'],
        'a whole calendar year',
        r.year,
        { row: i + firstRow, field: 'year' },
      );
    }
    const value = readNumber(r.value);
    if (value === undefined) {
      throw argumentError(
        'invalid_data',
        `panelFromRows: ${where}: field "value" must be a finite number (got ${show(r.value)}). Remove the row or fill the value.`,
        ['rows', i, 'value'],
        'a finite number',
        r.value,
        { row: i + firstRow, field: 'value' },
      );
    }
    let byYear = cells.get(id);
    if (!byYear) {
      byYear = new Map();
      cells.set(id, byYear);
    }
    if (byYear.has(year)) {
      throw argumentError(
        'invalid_data',
        `panelFromRows: ${where}: "${id}" in ${year} appears twice. Keep one row per id and year.`,
        ['rows', i],
        'one row per id and year',
        { id, year },
        { row: i + firstRow, id, year },
      );
    }
    byYear.set(year, value);
  });
  const years = [...new Set([...cells.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const sectors = [...cells.keys()].filter((k) => k !== totalId);
  if (sectors.length === 0) {
    throw argumentError(
      'invalid_data',
      `panelFromRows: ${source} has only "${totalId}" rows. Give at least one sector.`,
      'rows',
      'at least one sector',
      totalId,
    );
  }
  const rowFor = (id: string, what: string): number[] => {
    const m = cells.get(id) as Map<number, number>;
    const missing = years.filter((y) => !m.has(y));
    if (missing.length > 0) {
      throw argumentError(
        'missing_years',
        `panelFromRows: ${source}: ${what} "${id}" has no row for ${missing.join(', ')}, which other rows have. Add the rows or drop those years.`,
        'rows',
        `a row of "${id}" for ${missing.join(', ')}`,
        missing,
        { id, missing },
      );
    }
    return years.map((y) => m.get(y) as number);
  };
  const out: Panel = {
    unit,
    years: Object.freeze(years),
    sectors: Object.freeze(sectors),
    values: Object.freeze(sectors.map((s) => Object.freeze(rowFor(s, 'sector')))),
    ...(cells.has(totalId) ? { total: Object.freeze(rowFor(totalId, 'the total')) } : {}),
  };
  checkPanel('panelFromRows', out);
  return Object.freeze(out);
}
