import { argumentError, assertOptions, optionNames } from '../internal/assert.js';
import { checkProjection } from './checkProjection.js';
import type { TidyRow } from '../series/series.js';
import { unitToString } from '../series/units.js';
import type { ScenarioProjection } from './types.js';

/** Options of {@link compareScenarios}. */
export interface CompareScenariosOptions {
  /** Also add growth rows (series `<model id>.growth`, unit `fraction`, from the second year). Default false. */
  readonly growth?: boolean;
}

const COMPARE_SCENARIOS_OPTIONS = optionNames<CompareScenariosOptions>({ growth: true });

/**
 * Projections as one tidy (long) table for charts and CSV: a row `{ series, scenario, year, value, unit }`
 * per scenario and year, `series` being the model id (levels) or `<model id>.growth` (rates).
 * @throws {MetricsError} invalid_argument when two projections share a model id and scenario name
 * @example
 * compareScenarios(projectAll(loadModel('big-data-14th-fyp')))[0]; // => { series: 'big-data-14th-fyp', scenario: 'plan', year: 2020, value: 1, unit: 'CNY trillion' }
 */
export function compareScenarios(
  projections: readonly ScenarioProjection[],
  options: CompareScenariosOptions = {},
): TidyRow[] {
  if (!Array.isArray(projections)) {
    throw argumentError(
      'invalid_argument',
      `compareScenarios: expected an array of projections (got ${typeof projections}). Pass projectAll(model) or a list of project() results.`,
      'projections',
      'an array of projections',
      projections,
    );
  }
  assertOptions('compareScenarios', options, '{ growth: true }', COMPARE_SCENARIOS_OPTIONS);
  const seen = new Set<string>();
  const rows: TidyRow[] = [];
  // Checked one by one as they are read, so a repeated projection is named at its second appearance.
  for (let i = 0; i < projections.length; i++) {
    checkProjection('compareScenarios', projections[i], `projections[${i}]`, true);
    const p = projections[i] as ScenarioProjection;
    const key = `${p.modelId}\u0000${p.scenario}`;
    if (seen.has(key)) {
      throw argumentError(
        'invalid_argument',
        `compareScenarios: scenario "${p.scenario}" of model "${p.modelId}" appears twice. Pass each projection once.`,
        `projections[${i}].scenario`,
        'a scenario not given before for this model',
        p.scenario,
        { model: p.modelId, scenario: p.scenario },
      );
    }
    seen.add(key);
    const unit = unitToString(p.unit);
    p.years.forEach((year, i) =>
      rows.push({ series: p.modelId, scenario: p.scenario, year, value: p.levels[i] as number, unit }),
    );
    if (options.growth === true) {
      p.rates.forEach((r, i) =>
        rows.push({
          series: `${p.modelId}.growth`,
          scenario: p.scenario,
          year: p.years[i + 1] as number,
          value: r,
          unit: 'fraction',
        }),
      );
    }
  }
  return rows;
}
