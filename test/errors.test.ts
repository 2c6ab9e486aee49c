import { describe, expect, it } from 'vitest';
import { ErrorCode, MetricsError, isMetricsError } from '../src/errors.js';
import { cagr } from '../src/growth/cagr.js';
import { compound } from '../src/growth/compound.js';
import { requiredCagr } from '../src/growth/requiredCagr.js';
import { cagrPath } from '../src/trajectory/cagrPath.js';
import { checkPath } from '../src/trajectory/internal/checkPath.js';
import {
  assertFinite,
  assertFiniteArray,
  assertKnownFields,
  assertInRange,
  assertInteger,
  assertOneOf,
  assertOptions,
  optionNames,
  pathOf,
  problemIssues,
  show,
} from '../src/internal/assert.js';
import { fanChart } from '../src/charts/fanChart.js';
import { shares } from '../src/decompose/shares.js';
import { forecast } from '../src/forecast/defaultForecast.js';
import { naive } from '../src/forecast/naive.js';
import { parseModel } from '../src/model/parseModel.js';
import { loadSeeds } from '../src/io/loadSeeds.js';
import { assertAnnual, series } from '../src/series/series.js';
import { assertSameUnit, parseUnit } from '../src/series/units.js';
import { parseSeriesCsv } from '../src/io/csv.js';
import { compileExpression } from '../src/expression/compileExpression.js';
import { panelFromRows } from '../src/decompose/panelFromRows.js';
import { unitArg } from '../src/series/units.js';
import { thrown } from './helpers/thrown.js';
import { myIndustryModel } from './helpers/models.js';

describe('MetricsError', () => {
  it('new MetricsError(code, message, details) keeps its fields and is an Error named MetricsError', () => {
    const e = new MetricsError('invalid_argument', 'f: x must be > 0 (got -1). Pass a positive x.', { x: -1 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(MetricsError);
    expect(e.name).toBe('MetricsError');
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toBe('f: x must be > 0 (got -1). Pass a positive x.');
    expect(e.details).toEqual({ x: -1 });
    expect(typeof e.stack).toBe('string');
    expect(String(e)).toBe('MetricsError: f: x must be > 0 (got -1). Pass a positive x.');
  });
  it('new MetricsError(code, message, details, issues) keeps frozen copies of its issues; they default to []', () => {
    const issue = { path: ['rows', 3, 'value'], expected: 'a finite number', received: Number.NaN, message: 'm' };
    const e = new MetricsError('non_finite', 'm', {}, [issue]);
    issue.path.push('x');
    expect(e.issues).toEqual([
      { path: ['rows', 3, 'value'], expected: 'a finite number', received: Number.NaN, message: 'm' },
    ]);
    expect(Object.isFrozen(e.issues)).toBe(true);
    expect(Object.isFrozen(e.issues[0])).toBe(true);
    expect(Object.isFrozen(e.issues[0]?.path)).toBe(true);
    expect(new MetricsError('degenerate', 'm').issues).toEqual([]);
  });
  it('details default to {} and are a frozen copy', () => {
    expect(new MetricsError('degenerate', 'm').details).toEqual({});
    const details = { a: 1 };
    const e = new MetricsError('degenerate', 'm', details);
    details.a = 2;
    expect(e.details).toEqual({ a: 1 });
    expect(Object.isFrozen(e.details)).toBe(true);
  });
  it('new MetricsError with a code that is not an ErrorCode, or no message, throws a MetricsError saying so', () => {
    const bad = [
      () => new MetricsError(42 as never, 'f: m'),
      () => new MetricsError('toString' as never, 'f: m'),
      () => new MetricsError('degenerate', undefined as never),
      () => new MetricsError('degenerate', '  '),
      () => new MetricsError('degenerate', 'f: m', [] as never),
      () => new MetricsError('degenerate', 'f: m', null as never),
    ];
    for (const make of bad) {
      const e = thrown(make) as MetricsError;
      expect(e).toBeInstanceOf(MetricsError);
      expect(e.code).toBe('invalid_argument');
      expect(e.message).toMatch(/^MetricsError: (code|message|details) must be .* \(got [^)]*\)\.$/);
      expect(e.message).not.toMatch(/undefined\)?$|\[object/);
    }
    expect((thrown(bad[0] as () => unknown) as Error).message).toContain('(got 42)');
  });
  it('ErrorCode lists every code once, each key equal to its value', () => {
    expect(Object.keys(ErrorCode)).toEqual([
      'invalid_argument',
      'non_finite',
      'unit_mismatch',
      'missing_years',
      'invalid_definition',
      'not_found',
      'invalid_data',
      'degenerate',
      'too_large',
      'aborted',
    ]);
    for (const [k, v] of Object.entries(ErrorCode)) expect(v).toBe(k);
  });
  it('a thrown library error reads "<fn>: <what is wrong> (got X). <what to do>."', () => {
    const e = thrown(() => cagr(0, 5, 3)) as MetricsError;
    expect(e.message).toMatch(/^cagr: [^()]+ \(got 0\)\. [A-Z].*\.$/);
    expect(e.code).toBe('invalid_argument');
  });
});

describe('isMetricsError', () => {
  const e = new MetricsError('not_found', 'm');
  it('isMetricsError(e) is true for a MetricsError and false for other values', () => {
    expect(isMetricsError(e)).toBe(true);
    expect(isMetricsError(new Error('m'))).toBe(false);
    expect(isMetricsError({ name: 'MetricsError', code: 'not_found', message: 'm' })).toBe(false);
    expect(isMetricsError(undefined)).toBe(false);
    expect(isMetricsError('not_found')).toBe(false);
  });
  it('isMetricsError(e, code) also checks the code', () => {
    expect(isMetricsError(e, 'not_found')).toBe(true);
    expect(isMetricsError(e, 'degenerate')).toBe(false);
  });
  it('isMetricsError narrows the type', () => {
    const x: unknown = e;
    if (isMetricsError(x)) expect(x.code).toBe('not_found');
    else expect.unreachable();
  });
});

describe('the message helpers in src/internal/assert.ts', () => {
  it('assertOptions and assertKnownFields refuse a field not in the list, naming the closest and the path', () => {
    const known = optionNames<{ lower?: number; upper?: number }>({ lower: true, upper: true });
    expect(known).toEqual(['lower', 'upper']);
    expect(Object.isFrozen(known)).toBe(true);
    expect(assertOptions('f', { lower: 1 }, undefined, known)).toBeUndefined();
    expect(thrown(() => assertOptions('f', { lowr: 1 }, undefined, known))).toMatchObject({
      code: 'invalid_argument',
      message:
        'f: unknown option "lowr" (got {"lowr":1}). Did you mean lower? Remove it; the options are lower, upper.',
      issues: [{ path: ['options', 'lowr'], expected: 'one of lower, upper', received: 'lowr' }],
    });
    expect(thrown(() => assertOptions('f', { x: 1 }, undefined, []))).toMatchObject({
      message: 'f: unknown option "x" (got {"x":1}). Remove it; it takes none.',
    });
    expect(thrown(() => assertKnownFields('f', 'sectors[2].bounds', { lower: 1, zzz: 2 }, known))).toMatchObject({
      message:
        'f: sectors[2].bounds has an unknown field "zzz" (got {"lower":1,"zzz":2}). Remove it; its fields are lower, upper.',
      issues: [{ path: ['sectors', 2, 'bounds', 'zzz'] }],
    });
    // Not an object: left to the caller's own checks.
    expect(assertKnownFields('f', 'bounds', undefined, known)).toBeUndefined();
    expect(assertKnownFields('f', 'bounds', 5, known)).toBeUndefined();
  });
  it('show quotes strings, prints numbers, cuts long arrays and long objects', () => {
    expect(show('a')).toBe('"a"');
    expect(show(1.5)).toBe('1.5');
    expect(show(Number.NaN)).toBe('NaN');
    expect(show(undefined)).toBe('undefined');
    expect(show([1, 'b'])).toBe('[1, "b"]');
    expect(show([1, 2, 3, 4, 5, 6, 7, 8])).toBe('[1, 2, 3, 4, 5, 6, … (8 items)]');
    expect(show({ a: 1 })).toBe('{"a":1}');
    expect(show({ s: 'x'.repeat(200) })).toHaveLength(118);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(show(circular)).toBe('an object that cannot be shown (it refers to itself)');
  });
  it('show names what JSON cannot: BigInt, symbols, functions, Maps, Dates, -0, long strings', () => {
    expect(show(10n)).toBe('10n (a BigInt)');
    expect(show(Symbol('s'))).toBe('Symbol(s) (a symbol)');
    expect(show(function named() {})).toBe('the function named');
    expect(show(() => 1)).toBe('a function');
    expect(show(new Map([[1, 2]]))).toBe('a Map of 1');
    expect(show(new Date(0))).toBe('a Date (1970-01-01T00:00:00.000Z)');
    expect(show(-0)).toBe('-0');
    expect(show({ a: Number.NaN, b: 2n })).toBe('{"a":"NaN","b":"2n"}');
    expect(show('x'.repeat(200))).toBe(`"${'x'.repeat(100)}…" (200 characters)`);
    expect(show(new Float64Array(2))).toBe('a Float64Array of 16 bytes');
  });
  it('assertFinite names the first bad argument: invalid_argument for a non-number, non_finite for NaN', () => {
    expect(assertFinite('f', { a: 1, b: 2 })).toBeUndefined();
    const e = thrown(() => assertFinite('f', { a: 1, b: Number.NaN, c: 'x' })) as MetricsError;
    expect(e).toMatchObject({
      code: 'non_finite',
      message: 'f: b must be a finite number (got NaN). Check the input for missing or divided-by-zero values.',
    });
    expect(thrown(() => assertFinite('f', { c: 'x' }))).toMatchObject({
      code: 'invalid_argument',
      message: 'f: c must be a number (got "x").',
    });
  });
  it('assertInteger and assertInRange', () => {
    expect(thrown(() => assertInteger('f', 'n', 1.5))).toMatchObject({
      code: 'invalid_argument',
      message: 'f: n must be a whole number (got 1.5).',
    });
    expect(assertInRange('f', 'p', 0.5, { min: 0, max: 1 })).toBeUndefined();
    expect(
      thrown(() => assertInRange('f', 'p', 1, { min: 0, max: 1, maxExclusive: true }, 'Use a fraction.')),
    ).toMatchObject({ code: 'invalid_argument', message: 'f: p must be >= 0 and < 1 (got 1). Use a fraction.' });
    expect(thrown(() => assertInRange('f', 'p', 0, { min: 0, minExclusive: true }))).toMatchObject({
      message: 'f: p must be > 0 (got 0).',
    });
  });
  it('assertFiniteArray names the first bad index; assertOneOf lists the allowed names', () => {
    expect(assertFiniteArray('f', 'xs', [1, 2])).toBeUndefined();
    expect(thrown(() => assertFiniteArray('f', 'xs', [1, Infinity]))).toMatchObject({
      code: 'non_finite',
      details: { index: 1 },
    });
    expect(thrown(() => assertFiniteArray('f', 'xs', [1, null]))).toMatchObject({
      code: 'invalid_argument',
      details: { index: 1 },
    });
    expect(thrown(() => assertFiniteArray('f', 'xs', 'abc'))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => assertOneOf('f', 'm', 'x', ['a', 'b']))).toMatchObject({
      message: 'f: m must be one of "a", "b" (got "x").',
    });
    expect(thrown(() => assertOneOf('f', 'm', 'toString', { a: 1 }))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('issues: where and what was wrong, for a program', () => {
  it("pathOf('options.levels[1]') is ['options', 'levels', 1]; pathOf('rows[3].value') is ['rows', 3, 'value']", () => {
    expect(pathOf('options.levels[1]')).toEqual(['options', 'levels', 1]);
    expect(pathOf('rows[3].value')).toEqual(['rows', 3, 'value']);
    expect(pathOf('start')).toEqual(['start']);
    expect(pathOf('sections[0].tables[12]')).toEqual(['sections', 0, 'tables', 12]);
  });
  it('problemIssues reads "<origin>: <path>: <message>" lines; a line without a path is about the whole file', () => {
    expect(
      problemIssues(['m.json: scenarios.base.cagr: expected a fraction, got 12', 'm.json: empty file'], 'm.json'),
    ).toEqual([
      { path: ['scenarios', 'base', 'cagr'], message: 'm.json: scenarios.base.cagr: expected a fraction, got 12' },
      { path: [], message: 'm.json: empty file' },
    ]);
    expect(problemIssues(['(spec): missing "mark"'])).toEqual([{ path: [], message: '(spec): missing "mark"' }]);
  });
  it('cagr(0, 5, 3): one issue at ["start"], expected "> 0", received 0, with the message', () => {
    const e = thrown(() => cagr(0, 5, 3)) as MetricsError;
    expect(e.issues).toEqual([{ path: ['start'], expected: '> 0', received: 0, message: e.message }]);
  });
  it('growth and path functions name the argument: compound, requiredCagr, cagrPath', () => {
    const issue = (f: () => unknown) => (thrown(f) as MetricsError).issues[0];
    expect(issue(() => compound(1, -2, 1))).toMatchObject({ path: ['rate'], expected: '> -1', received: -2 });
    expect(issue(() => requiredCagr({ year: 2020, value: 0 }, { year: 2025, value: 3 }))).toMatchObject({
      path: ['latest', 'value'],
      expected: '> 0',
      received: 0,
    });
    expect(issue(() => cagrPath({ fromYear: 2020, toYear: 2019, base: 1, rate: 0.1 }))).toMatchObject({
      path: ['toYear'],
      expected: '> fromYear (2020)',
      received: 2019,
    });
  });
  it('the shared checks fill the issue: assertFinite, assertInteger, assertInRange, assertFiniteArray, assertOneOf', () => {
    const issue = (f: () => unknown) => (thrown(f) as MetricsError).issues[0];
    expect(issue(() => assertFinite('f', { a: 1, b: Number.NaN }))).toMatchObject({
      path: ['b'],
      expected: 'a finite number',
      received: Number.NaN,
    });
    expect(issue(() => assertInteger('f', 'options.paths', 1.5))).toMatchObject({
      path: ['options', 'paths'],
      expected: 'a whole number',
      received: 1.5,
    });
    expect(issue(() => assertInRange('f', 'p', 1, { min: 0, max: 1, maxExclusive: true }))).toMatchObject({
      path: ['p'],
      expected: '>= 0 and < 1',
      received: 1,
    });
    expect(issue(() => assertFiniteArray('f', 'xs', [1, Infinity]))).toMatchObject({
      path: ['xs', 1],
      expected: 'a finite number',
      received: Infinity,
    });
    expect(issue(() => assertOneOf('f', 'options.locale', 'fr', ['en', 'zh']))).toMatchObject({
      path: ['options', 'locale'],
      expected: 'one of "en", "zh"',
      received: 'fr',
    });
  });
  it('the shared checks refuse an empty caller name, each under its own name (assertCaller)', () => {
    const s = series({ id: 'x', unit: 'count', years: [2020, 2021], values: [1, 2] });
    const unit = parseUnit('count');
    for (const [check, call] of [
      ['assertAnnual', () => assertAnnual('', s)],
      ['assertSameUnit', () => assertSameUnit(' ', unit, unit)],
      ['checkPath', () => checkPath(42 as never, cagrPath({ base: 1, rate: 0.1, fromYear: 2020, toYear: 2021 }))],
    ] as const) {
      expect(thrown(call)).toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(
          new RegExp(`^${check}: fn must be the calling function's name, for the message`),
        ),
        issues: [{ path: ['fn'] }],
      });
    }
  });
  it('series(): the index of the bad point, in either input form', () => {
    const a = thrown(() => series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [1, 2, Number.NaN] }));
    expect((a as MetricsError).issues[0]).toMatchObject({ path: ['values', 2], expected: 'a finite number' });
    const b = thrown(() =>
      series({
        id: 'x',
        unit: 'count',
        points: [
          { year: 2020, value: 1 },
          { year: 2020, value: 2 },
        ],
      }),
    );
    expect((b as MetricsError).issues[0]).toMatchObject({
      path: ['points', 1, 'year'],
      expected: 'a year after 2020',
      received: 2020,
    });
  });
  it('a chart names the row and field; a forecast names toYear and the level', () => {
    const band = { year: 2021, lower: 1, upper: 2, level: 0.9 };
    const chart = thrown(() =>
      fanChart({ bands: [band, { ...band, year: 2022, upper: Number.NaN }], median: [] }, { unit: 'count' }),
    ) as MetricsError;
    expect(chart.issues[0]).toMatchObject({ path: ['bands', 1, 'upper'], expected: 'a finite number' });
    const s = series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [1, 2, 3] });
    expect((thrown(() => naive.forecast(naive.fit(s), 2021)) as MetricsError).issues[0]).toMatchObject({
      path: ['toYear'],
      expected: '> 2022',
      received: 2021,
    });
    expect((thrown(() => forecast(s, 2025, { levels: [0.8, 150] })) as MetricsError).issues[0]).toMatchObject({
      path: ['levels', 1],
      received: 150,
    });
  });
  it('a panel names the sector and the year index', () => {
    const p = {
      unit: parseUnit('count'),
      years: [2020, 2021],
      sectors: ['a', 'b'],
      values: [
        [1, 2],
        [3, Number.NaN],
      ],
    };
    expect((thrown(() => shares(p)) as MetricsError).issues[0]).toMatchObject({
      path: ['panel', 'values', 1, 1],
      expected: 'a finite number',
    });
  });
  it('a MetricsError built wrong says which argument: new MetricsError("nope", "m") has the issue at ["code"]', () => {
    const e = thrown(() => new MetricsError('nope' as never, 'm')) as MetricsError;
    expect(e.code).toBe('invalid_argument');
    expect(e.issues).toEqual([
      {
        path: ['code'],
        expected: expect.stringMatching(/^one of invalid_argument/),
        received: 'nope',
        message: e.message,
      },
    ]);
  });
  it('a CSV cell is [row, column]: row 3 of a long file with "x" as its value', () => {
    const e = thrown(() => parseSeriesCsv('id,year,value\na,2020,1\na,2021,x\n', { file: 'f.csv' })) as MetricsError;
    expect(e.code).toBe('invalid_data');
    expect(e.issues[0]).toMatchObject({ path: [3, 'value'], expected: 'a finite number', received: 'x' });
  });
  it('panelFromRows names rows[i].field; compileExpression names the variable it was not given', () => {
    const rows = [
      { id: 'a', year: 2020, value: 1 },
      { id: 'a', year: 2021, value: Number.NaN },
    ];
    expect((thrown(() => panelFromRows(rows, { unit: 'count' })) as MetricsError).issues[0]).toMatchObject({
      path: ['rows', 1, 'value'],
      expected: 'a finite number',
    });
    const f = compileExpression('0.1 * t', { variables: ['t'] });
    expect((thrown(() => f.evaluate({})) as MetricsError).issues[0]).toMatchObject({
      path: ['values', 't'],
      expected: 'a finite number',
      received: undefined,
    });
  });
  it("an error rethrown under a caller's name keeps the inner issue under the caller's path: unitArg", () => {
    const e = thrown(() => unitArg('f', 'options.unit', 'CNY lots')) as MetricsError;
    expect(e.message).toMatch(/^f: options\.unit: /);
    expect(e.issues[0]).toMatchObject({ path: ['options', 'unit'], received: 'lots' });
  });
  it('a model file gets one issue per problem, each with its path in the file', () => {
    const facts = loadSeeds();
    const json = myIndustryModel({
      path: { type: 'cagr', rate: { value: 12, assumption: 'a percent by mistake' } },
      targets: ['bd14.no-such-target'],
    });
    const e = thrown(() => parseModel(json, 'my.model.json', facts)) as MetricsError;
    expect(e.code).toBe('invalid_definition');
    expect(e.issues.length).toBe((e.details['problems'] as string[]).length);
    expect(e.issues.map((i) => i.path)).toContainEqual(['path', 'rate', 'value']);
    for (const i of e.issues) expect(e.message).toContain(i.message);
  });
});
