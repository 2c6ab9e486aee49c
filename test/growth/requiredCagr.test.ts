import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cagr } from '../../src/growth/cagr.js';
import { requiredCagr } from '../../src/growth/requiredCagr.js';
import { thrown } from '../helpers/thrown.js';

describe('requiredCagr', () => {
  // 14th plan: from more than RMB 1 trillion (2020) to more than 3 trillion (2025): 3^(1/5) - 1 = 0.245730939...
  it('requiredCagr(2020: 1, 2025: 3) is 3^(1/5) - 1 ≈ 0.2457', () => {
    expect(requiredCagr({ year: 2020, value: 1 }, { year: 2025, value: 3 })).toBe(3 ** (1 / 5) - 1);
    expect(requiredCagr({ year: 2020, value: 1 }, { year: 2025, value: 3 })).toBeCloseTo(0.2457, 4);
  });
  it('requiredCagr(2023: 121, 2025: 100) is 100/121 ^ (1/2) - 1 = -1/11', () => {
    expect(requiredCagr({ year: 2023, value: 121 }, { year: 2025, value: 100 })).toBeCloseTo(-1 / 11, 15);
  });
  it('requiredCagr accepts any object with year and value (a Target, a point)', () => {
    const target = { id: 't', year: 2025, value: 3, note: 'extra fields are ignored' };
    expect(requiredCagr({ year: 2021, value: 1.5 }, target)).toBe(cagr(1.5, 3, 4));
  });

  it('a target year equal to the latest throws invalid_argument with both years in details', () => {
    expect(thrown(() => requiredCagr({ year: 2025, value: 1 }, { year: 2025, value: 3 }))).toMatchObject({
      code: 'invalid_argument',
      details: { latestYear: 2025, targetYear: 2025 },
    });
  });
  it('a target year before the latest throws invalid_argument naming both years', () => {
    const e = thrown(() => requiredCagr({ year: 2025, value: 1 }, { year: 2020, value: 3 })) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toContain('(got 2025 -> 2020)');
  });
  it.each([
    [0, 3],
    [1, 0],
    [-1, 3],
  ])('levels %d and %d throw invalid_argument: both levels must be > 0', (a, b) => {
    expect(thrown(() => requiredCagr({ year: 2020, value: a }, { year: 2025, value: b }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('a missing argument or a NaN value throws, naming the field', () => {
    const e = thrown(() =>
      requiredCagr(undefined as unknown as { year: number; value: number }, { year: 2025, value: 3 }),
    ) as Error;
    expect(e).toMatchObject({ code: 'invalid_argument' });
    expect(e.message).toContain('latest.year must be a number');
    expect(thrown(() => requiredCagr({ year: 2020, value: Number.NaN }, { year: 2025, value: 3 }))).toMatchObject({
      code: 'non_finite',
    });
  });

  it('requiredCagr is cagr over target.year - latest.year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        (y, n, a, b) => requiredCagr({ year: y, value: a }, { year: y + n, value: b }) === cagr(a, b, n),
      ),
    );
  });
});
