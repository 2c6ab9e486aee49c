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

/**
 * A self-contained model file with its own facts (a company's plan: USD 50 million in 2020, a 2024 target of
 * "at least" `target`). The rate is an assumption (10 % a year) or, with `rateFact`, a fact of the plan ("grow
 * 10% a year"); with `target: 100` the plan's own figures contradict each other (50 x 1.1^4 = 73.2).
 */
export function widgetModel(
  options: { id?: string; target?: number; rateFact?: boolean } = {},
): Record<string, unknown> {
  const { id = 'widgets', target = 70, rateFact = false } = options;
  const fact = (f: Record<string, unknown>) => ({ unit: 'USD million', comparator: 'equals', section: '1', ...f });
  return {
    id,
    title: 'Widgets',
    metric: 'widgets.revenue',
    unit: 'USD million',
    fromYear: 2020,
    toYear: 2024,
    base: { fact: 'w.2020' },
    path: { type: 'cagr', rate: rateFact ? { fact: 'w.cagr' } : { value: 0.1, assumption: 'our own plan rate' } },
    targets: ['w.2024'],
    facts: {
      document: {
        id: 'w',
        file: 'none',
        title: 'Widget plan',
        publisher: 'Widget Co',
        published: '2021-01',
        language: 'en',
        note: 'internal plan',
      },
      facts: [
        fact({
          id: 'w.2020',
          metric: 'widgets.revenue',
          year: 2020,
          value: 50,
          kind: 'actual',
          quote: 'Revenue was $50 million in 2020.',
        }),
        ...(rateFact
          ? [
              fact({
                id: 'w.cagr',
                metric: 'widgets.revenue.cagr',
                fromYear: 2020,
                year: 2024,
                value: 0.1,
                unit: 'fraction',
                kind: 'target',
                section: '2',
                quote: 'Revenue will grow 10% a year.',
              }),
            ]
          : []),
        fact({
          id: 'w.2024',
          metric: 'widgets.revenue',
          year: 2024,
          value: target,
          comparator: 'atLeast',
          kind: 'target',
          section: '2',
          quote: `Revenue of at least $${target} million by 2024.`,
        }),
      ],
    },
  };
}
