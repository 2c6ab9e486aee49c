import { argumentError, optionNames } from '../internal/assert.js';
import { compileExpression } from '../expression/compileExpression.js';
import { checkSpan, compoundPath } from './internal/pathCommon.js';
import type { LevelPath, PathSpan } from './types.js';
import { assertPlausible } from '../internal/plausible.js';

/** Options of {@link expressionPath}. */
export interface ExpressionPathOptions extends PathSpan {
  /**
   * The growth rate of year `t` (from t - 1 to t) as an expression of `t` and `t0` (the first
   * projected year, fromYear + 1), e.g. `0.25 - 0.01 * (t - 2021)`. See compileExpression for what is allowed.
   */
  readonly expression: string;
}

const EXPRESSION_PATH_OPTIONS = optionNames<ExpressionPathOptions>({
  fromYear: true,
  toYear: true,
  base: true,
  expression: true,
});

/**
 * A path whose growth in each year is a user expression of the year, compiled once (restricted mathjs).
 * @throws {MetricsError} invalid_argument when the expression does not compile or gives a rate <= -1 or > 3
 *   (a percent, not a fraction)
 *   (naming the year); non_finite when it gives NaN or ±Infinity in a year (naming the year)
 * @example
 * expressionPath({ base: 100, fromYear: 2020, toYear: 2022, expression: '0.5 - 0.25 * (t - t0)' }).levels; // => [100, 150, 187.5]
 */
export function expressionPath(options: ExpressionPathOptions): LevelPath {
  const fn = 'expressionPath';
  checkSpan(fn, options, EXPRESSION_PATH_OPTIONS);
  const { fromYear, expression } = options;
  const compiled = compileExpression(expression, { variables: ['t', 't0'] });
  const t0 = fromYear + 1;
  return compoundPath(fn, options, (t) => {
    const rate = compiled.evaluate({ t, t0 });
    if (rate <= -1) {
      throw argumentError(
        'invalid_argument',
        `${fn}: ${JSON.stringify(expression)} gives a growth rate of ${rate} for ${t}, and rates must be > -1. Rates are fractions: -0.05 is a 5% fall.`,
        'options.expression',
        `a growth rate > -1 for ${t}`,
        rate,
        { year: t, rate },
      );
    }
    assertPlausible(fn, `the rate ${JSON.stringify(expression)} gives for ${t}`, rate, 'rate');
    return rate;
  });
}
