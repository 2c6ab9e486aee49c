// Hand-built models for the scenario and sensitivity tests (no file loading).
import type { ModelDefinition, PathSpec, ResolvedValue, ScenarioSpec } from '../../src/spec/types.js';
import { parseUnit } from '../../src/series/units.js';
import type { Comparator, Fact } from '../../src/targets/fact.js';

/** A ResolvedValue that is an assumption. */
export function rv(value: number, text = 'test assumption'): ResolvedValue {
  return { value, source: { kind: 'assumption', text } };
}

/** A target fact. */
export function fact(
  id: string,
  year: number,
  value: number,
  options: { unit?: string; comparator?: Comparator; fromYear?: number; tolerance?: Fact['tolerance'] } = {},
): Fact {
  return {
    id,
    metric: 'test.revenue',
    year,
    value,
    unit: parseUnit(options.unit ?? 'CNY trillion'),
    comparator: options.comparator ?? 'atLeast',
    kind: 'target',
    ...(options.fromYear !== undefined ? { fromYear: options.fromYear } : {}),
    ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
    provenance: { document: 'Test plan', publisher: 'Test', section: '1', quote: 'a test sentence' },
  };
}

/** A ResolvedValue that refers to a fact. */
export function fv(f: Fact): ResolvedValue {
  return { value: f.value, source: { kind: 'fact', fact: f } };
}

/**
 * The 14th-plan shape: 1 trillion in 2020, 25 % a year to 2025, target at least 3 trillion in 2025,
 * scenarios plan, high (28 %), low (22 %) and a 5 % shock in 2022.
 */
export function model(overrides: Partial<ModelDefinition> = {}): ModelDefinition {
  const path: PathSpec<ResolvedValue> = {
    type: 'cagr',
    rate: fv(fact('t.cagr', 2025, 0.25, { unit: 'fraction', fromYear: 2020, comparator: 'about' })),
  };
  const scenarios: Record<string, ScenarioSpec<ResolvedValue>> = {
    plan: { description: 'The plan', path, shocks: [], bounds: {} },
    high: { description: 'Three points above', path: { type: 'cagr', rate: rv(0.28) } },
    low: { description: 'Three points below', path: { type: 'cagr', rate: rv(0.22) } },
    shock: { description: 'A 5 % drop in 2022', shocks: [{ year: 2022, size: rv(-0.05) }] },
  };
  return {
    id: 'test-model',
    title: 'Test model',
    metric: 'test.revenue',
    unit: parseUnit('CNY trillion'),
    fromYear: 2020,
    toYear: 2025,
    base: fv(fact('t.base', 2020, 1, { comparator: 'exceeds' })),
    path,
    shocks: [],
    bounds: {},
    scenarios,
    targets: [fact('t.2025', 2025, 3, { comparator: 'atLeast' })],
    related: [],
    sectors: [],
    origin: 'test',
    ...overrides,
  };
}
