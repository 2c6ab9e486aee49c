// The expression sandbox against escape and abuse (issue 15, point 4): every attempt is a MetricsError
// that says what is not allowed, within a time and a memory bound, through the API and through a model
// file run by the CLI. The bounds are generous (2 s, 64 MB) so a loaded machine does not fail them; the
// calls take milliseconds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/expression/compileExpression.js';
import { expressionPath } from '../../src/trajectory/expressionPath.js';
import { cli, tempDir } from '../helpers/cli.js';

const BOUND_MS = 2000;
const BOUND_BYTES = 64 * 2 ** 20;

/** Runs `f`, returning what it threw, how long it took and how much the heap grew. */
function attempt(f: () => unknown): { error: unknown; ms: number; bytes: number } {
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  return { error, ms: performance.now() - t0, bytes: process.memoryUsage().heapUsed - before };
}

const ABUSE: [string, string, RegExp][] = [
  ['import', 'import({pi: 3}, {override: true})', /the function "import" is not allowed/],
  ['createUnit', 'createUnit("h")', /the function "createUnit" is not allowed/],
  ['evaluate', 'evaluate("1 + 1")', /the function "evaluate" is not allowed/],
  ['parse', 'parse("t")', /the function "parse" is not allowed/],
  ['a function definition', 'f(x) = x^2', /a function definition is not allowed/],
  ['an assignment', 't = 2', /assignment \(=\) is not allowed/],
  ['a constructor chain', 't.constructor.constructor("return process")()', /cannot parse|property access/],
  ['constructor by index', 't["constructor"]', /property access or indexing is not allowed/],
  ['constructor as a name', 'constructor', /the unknown symbol "constructor" is not allowed/],
  ['constructor called', 'constructor(1)', /the function "constructor" is not allowed/],
  ['__proto__ as a name', '__proto__', /the unknown symbol "__proto__" is not allowed/],
  ['toString called', 'toString()', /the function "toString" is not allowed/],
  ['range(1, 1e9)', 'range(1, 1e9)', /the function "range" is not allowed/],
  ['a range literal', '1:1e9', /a range \(a:b\) is not allowed/],
  ['zeros(1e5, 1e5)', 'zeros(1e5, 1e5)', /the function "zeros" is not allowed/],
  ['factorial(1e6)', 'factorial(1e6)', /the function "factorial" is not allowed/],
  ['a factorial operator', '1000000!', /the operator "!" is not allowed/],
  [
    '10,000 nested parentheses',
    `${'('.repeat(10_000)}t${')'.repeat(10_000)}`,
    /20001 characters long \(at most 2000\)/,
  ],
  ['999 nested parentheses', `${'('.repeat(999)}t${')'.repeat(999)}`, /nests 999 levels deep/],
  ['1990 unary minus signs', `${'-'.repeat(1990)}t`, /nests 1990 levels deep/],
  ['a tower of 900 powers', `${'2^'.repeat(900)}2`, /nests 900 levels deep/],
  ['a 1 MB expression', `${'1+'.repeat(500_000)}1`, /1000001 characters long \(at most 2000\)/],
];

describe('the expression sandbox refuses escape and abuse, clearly and within bounds', () => {
  for (const [what, text, message] of ABUSE) {
    it(`compileExpression with ${what} throws invalid_argument within ${BOUND_MS} ms and ${BOUND_BYTES / 2 ** 20} MB`, () => {
      const r = attempt(() => compileExpression(text).evaluate({ t: 2021 }));
      expect(r.error).toMatchObject({ name: 'MetricsError', code: 'invalid_argument' });
      expect((r.error as Error).message).toMatch(/^compileExpression: /);
      expect((r.error as Error).message).toMatch(message);
      expect(r.ms).toBeLessThan(BOUND_MS);
      expect(r.bytes).toBeLessThan(BOUND_BYTES);
    });
  }
  it('a variable named constructor or __proto__ is refused as reserved', () => {
    for (const name of ['constructor', '__proto__', 'hasOwnProperty']) {
      expect(() => compileExpression('1', { variables: [name] })).toThrow(/is reserved/);
    }
  });
  it('nothing leaks: Object.prototype and the mathjs instance are unchanged after every attempt', () => {
    const keys = Reflect.ownKeys(Object.prototype).length;
    for (const [, text] of ABUSE) attempt(() => compileExpression(text).evaluate({ t: 2021 }));
    expect(Reflect.ownKeys(Object.prototype)).toHaveLength(keys);
    expect(compileExpression('pi').evaluate({ t: 0 })).toBe(Math.PI);
  });
  it('expressionPath (the API that takes an expression) refuses the same, naming expressionPath or compileExpression', () => {
    for (const [, text, message] of ABUSE) {
      const r = attempt(() => expressionPath({ base: 1, fromYear: 2020, toYear: 2022, expression: text }));
      expect(r.error).toMatchObject({ name: 'MetricsError', code: 'invalid_argument' });
      expect((r.error as Error).message).toMatch(message);
      expect(r.ms).toBeLessThan(BOUND_MS);
    }
  });
});

describe('the same attempts through a model file, run by the CLI', () => {
  const dir = tempDir('im-sandbox-');
  mkdirSync(join(dir, 'models'));
  const model = (expression: string) => ({
    id: 'sandbox',
    title: 'Sandbox',
    metric: 'big-data.revenue',
    unit: 'CNY trillion',
    fromYear: 2020,
    toYear: 2022,
    base: { value: 1, assumption: 'a test base' },
    path: { type: 'expression', expression, assumption: 'a test expression' },
    targets: [],
  });
  // A few of the abuses; the rest take the same road (project -> growthPath -> expressionPath).
  const picked = ABUSE.filter(([what]) =>
    [
      'import',
      'a function definition',
      'constructor as a name',
      'zeros(1e5, 1e5)',
      '999 nested parentheses',
      'a 1 MB expression',
    ].includes(what),
  );
  for (const [what, text, message] of picked) {
    it(`industry-metrics project on a model with ${what} exits 2 with the sandbox's message, within ${BOUND_MS} ms`, async () => {
      const file = join(dir, 'models', 'sandbox.model.json');
      writeFileSync(file, JSON.stringify(model(text)));
      const t0 = performance.now();
      const r = await cli(['project', file], dir);
      expect(performance.now() - t0).toBeLessThan(BOUND_MS);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    });
  }
});
