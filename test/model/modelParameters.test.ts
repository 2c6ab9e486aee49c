import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { modelParameters } from '../../src/model/modelParameters.js';
import { isResolvedValue } from '../../src/spec/isResolvedValue.js';

describe('modelParameters', () => {
  it("counts a base taken from an observation: cybersecurity's 2020 base (RMB 170 billion, MIIT) is a parameter", () => {
    const params = modelParameters(loadModel('cybersecurity-2021-2023'));
    expect(params.map((p) => `${p.id}:${p.source}:${p.value}`)).toEqual([
      'base:observation:170',
      'cyber.cagr-2020-2023:fact:0.15',
      'scenarios.high.path.rate:assumption:0.2',
      'scenarios.low.path.rate:assumption:0.1',
      'uncertainty.volatility:assumption:0.04',
    ]);
    expect(params[0]!.label).toBe('obs.cybersecurity.miit-2020');
  });
});

describe('isResolvedValue', () => {
  it('accepts a number with a source of any of the four kinds, and nothing else', () => {
    for (const kind of ['fact', 'assumption', 'derived', 'observation'])
      expect(isResolvedValue({ value: 1, source: { kind } })).toBe(true);
    expect(isResolvedValue({ value: 1, source: { kind: 'guess' } })).toBe(false);
    expect(isResolvedValue({ value: '1', source: { kind: 'fact' } })).toBe(false);
    expect(isResolvedValue({ value: 1, source: null })).toBe(false);
    expect(isResolvedValue(1)).toBe(false);
  });
});
