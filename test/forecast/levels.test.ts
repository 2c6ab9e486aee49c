import { describe, expect, it } from 'vitest';
import { levelLabel } from '../../src/forecast/levels.js';

describe('levelLabel', () => {
  it('levelLabel(0.8) is "80" and levelLabel(0.975) is "97.5": the suffix of lower_80, upper_97.5', () => {
    expect(levelLabel(0.8)).toBe('80');
    expect(levelLabel(0.975)).toBe('97.5');
  });

  it('levelLabel(0.07) is "7", not "7.000000000000001" (0.07 * 100 in floating point)', () => {
    expect(0.07 * 100).not.toBe(7);
    expect(levelLabel(0.07)).toBe('7');
    expect(levelLabel(0.95)).toBe('95');
  });
});
