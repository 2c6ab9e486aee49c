import { describe, expect, it } from 'vitest';
import { MetricsError } from '../../src/errors.js';
import { formatPercent } from '../../src/internal/formatNumber.js';
import { thrown } from '../helpers/thrown.js';

// Found by the fuzz suite (FC_SEED=12, FUZZ_RUNS=300): formatPercent(2.5e-323, null) threw a TypeError
// (reading `decimals` of null). Its options are checked as every function's are.
describe('formatPercent checks its options', () => {
  it.each([
    ['null', null, 'null'],
    ['a number', 2, '2'],
    ['text', 'fixed', '"fixed"'],
  ])('refuses options that are %s', (_name, options, shown) => {
    const e = thrown(() => formatPercent(2.5e-323, options as never));
    expect(e).toBeInstanceOf(MetricsError);
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['options'] }] });
    expect((e as Error).message).toBe(
      `formatPercent: options must be an object like { decimals, fixed, digits } (got ${shown}).`,
    );
  });
  it('refuses a misspelt option, naming the one it is close to', () => {
    const e = thrown(() => formatPercent(0.25, { decimal: 1 } as never));
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['options', 'decimal'] }] });
    expect((e as Error).message).toBe(
      'formatPercent: unknown option "decimal" (got {"decimal":1}). Did you mean decimals? Remove it; the options are decimals, fixed, digits.',
    );
  });
  it('refuses a fixed that is not true or false', () => {
    const e = thrown(() => formatPercent(0.25, { fixed: 'yes' } as never));
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['options', 'fixed'] }] });
    expect((e as Error).message).toBe('formatPercent: options.fixed must be true or false (got "yes").');
  });
  it('takes no options, undefined, an empty object and an object without a prototype', () => {
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(0.25, undefined)).toBe('25%');
    expect(formatPercent(0.25, {})).toBe('25%');
    expect(formatPercent(0.18, Object.assign(Object.create(null), { decimals: 1, fixed: true }))).toBe('18.0%');
  });
});
