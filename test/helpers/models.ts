// The model file the model-file tests start from: the 14th plan's own figures (base and rate from the seeds,
// five points of volatility as a labelled assumption). `extra` replaces or adds top-level fields.
import { expect } from 'vitest';
import type { MetricsError } from '../../src/errors.js';
import { parseModel } from '../../src/model/parseModel.js';
import type { ObservationSet } from '../../src/observations/types.js';
import type { Fact } from '../../src/targets/fact.js';
import { thrown } from './thrown.js';

const MY_INDUSTRY = {
  id: 'my-industry',
  title: 'My industry',
  metric: 'big-data.revenue',
  unit: 'CNY trillion',
  fromYear: 2020,
  toYear: 2025,
  base: { fact: 'bd14.revenue-2020' },
  path: { type: 'cagr', rate: { fact: 'bd14.cagr-2020-2025' } },
  uncertainty: { volatility: { value: 0.05, assumption: 'five points' } },
  targets: ['bd14.revenue-2025'],
};

/** A fresh copy (tests may edit it), with `extra`'s fields. */
export function myIndustryModel(extra: Record<string, unknown> = {}): typeof MY_INDUSTRY & Record<string, unknown> {
  return { ...structuredClone(MY_INDUSTRY), ...extra };
}

/** The problems parseModel lists for a model file it refuses (it must refuse it: invalid_definition). */
export function modelProblems(json: unknown, facts: readonly Fact[], set?: ObservationSet): string[] {
  const e = thrown(() => parseModel(json, 'my.model.json', facts, set)) as MetricsError;
  expect(e).toMatchObject({ code: 'invalid_definition' });
  return e.details['problems'] as string[];
}
