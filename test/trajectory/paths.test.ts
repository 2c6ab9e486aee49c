import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorsPath } from '../../src/trajectory/anchorsPath.js';
import { cagrPath } from '../../src/trajectory/cagrPath.js';
import { expressionPath } from '../../src/trajectory/expressionPath.js';
import { linearPath } from '../../src/trajectory/linearPath.js';
import { logisticPath } from '../../src/trajectory/logisticPath.js';
import { pathToTarget } from '../../src/trajectory/pathToTarget.js';
import { phasesPath } from '../../src/trajectory/phasesPath.js';
import { ratesPath } from '../../src/trajectory/ratesPath.js';
import { relClose, thrown } from '../helpers/thrown.js';

const span = { fromYear: 2020, toYear: 2025, base: 1 };

describe('cagrPath', () => {
  it('cagrPath({ base: 1, rate: 0.25, 2020 -> 2025 }) ends at 1.25^5 = 3.0517578125 (exact in binary)', () => {
    const p = cagrPath({ ...span, rate: 0.25 });
    expect(p.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(p.levels).toEqual([1, 1.25, 1.5625, 1.953125, 2.44140625, 3.0517578125]);
    expect(p.rates).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
  });
  it('a one-year span has two levels and one rate; a rate of 0 keeps the level', () => {
    expect(cagrPath({ fromYear: 2020, toYear: 2021, base: 5, rate: 0.1 }).levels).toEqual([5, 5.5]);
    expect(cagrPath({ ...span, base: 7, rate: 0 }).levels).toEqual([7, 7, 7, 7, 7, 7]);
  });
  it('results are frozen', () => {
    const p = cagrPath({ ...span, rate: 0.1 });
    expect(
      Object.isFrozen(p) && Object.isFrozen(p.levels) && Object.isFrozen(p.rates) && Object.isFrozen(p.years),
    ).toBe(true);
  });
  it('bad spans and rates throw with codes', () => {
    expect(thrown(() => cagrPath({ ...span, rate: -1 }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^cagrPath: rate must be > -1/),
    });
    expect(thrown(() => cagrPath({ ...span, rate: Number.NaN }))).toMatchObject({ code: 'non_finite' });
    expect(thrown(() => cagrPath({ ...span, toYear: 2020, rate: 0.1 }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('2020 -> 2020'),
    });
    expect(thrown(() => cagrPath({ ...span, fromYear: 2020.5, rate: 0.1 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => cagrPath({ ...span, base: 0, rate: 0.1 }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('base must be > 0'),
    });
    expect(thrown(() => cagrPath({ ...span, base: -1, rate: 0.1 }))).toMatchObject({ code: 'invalid_argument' });
    expect(thrown(() => cagrPath({ fromYear: 0, toYear: 5000, base: 1, rate: 0.1 }))).toMatchObject({
      code: 'too_large',
      message: 'cagrPath: a path of 5000 years is more than 1000 years (got 0 -> 5000). Check the years.',
    });
    // years whose difference overflows are said in words, not "Infinity years" (fuzz seed 35)
    expect(thrown(() => cagrPath({ fromYear: -1e308, toYear: 1e308, base: 1, rate: 0.1 }))).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/^cagrPath: a path of more years than a number holds is more than 1000 years/),
    });
    expect(thrown(() => cagrPath({ fromYear: 2000, toYear: 2900, base: 1, rate: 3 }))).toMatchObject({
      code: 'degenerate',
    });
    expect(thrown(() => cagrPath({ ...span, rate: 25 }))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('(got 25). Did you mean 0.25?'),
    });
    expect(thrown(() => cagrPath(null as never))).toMatchObject({ code: 'invalid_argument' });
  });
  it('property: the path hits base * (1 + rate)^n in its last year and every rate is the given one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (base, rate, n) => {
          const p = cagrPath({ base, rate, fromYear: 2000, toYear: 2000 + n });
          return (
            p.levels.length === n + 1 &&
            relClose(p.levels[n] as number, base * (1 + rate) ** n, 1e-12) &&
            p.rates.every((r) => r === rate)
          );
        },
      ),
    );
  });
});

describe('phasesPath', () => {
  const plan = [
    { fromYear: 2015, toYear: 2020, rate: 0.3 },
    { fromYear: 2020, toYear: 2025, rate: 0.25 },
  ];
  it('30 % a year over 2016-2020, then 25 % over 2021-2025, from 0.2693 in 2015: 0.2693 x 1.3^5 x 1.25^5', () => {
    const p = phasesPath({ base: 0.2693, fromYear: 2015, toYear: 2025, phases: plan });
    // 1.3^5 = 3.71293, 1.25^5 = 3.0517578125, so 0.2693 * 3.71293 * 3.0517578125 = 3.05142837219238...
    expect(p.levels[5]).toBeCloseTo(0.2693 * 3.71293, 12);
    expect(p.levels[10]).toBeCloseTo(3.05142837219238, 12);
    expect(p.rates).toEqual([0.3, 0.3, 0.3, 0.3, 0.3, 0.25, 0.25, 0.25, 0.25, 0.25]);
  });
  it('phases may reach beyond the span: a 2018 -> 2022 path uses 30 % for 2019-2020 and 25 % for 2021-2022', () => {
    const p = phasesPath({ base: 1, fromYear: 2018, toYear: 2022, phases: plan });
    expect(p.rates).toEqual([0.3, 0.3, 0.25, 0.25]);
    expect(p.levels[4]).toBeCloseTo(1.3 ** 2 * 1.25 ** 2, 14);
  });
  it('gaps, overlaps, reversed phases, empty lists and uncovered years throw invalid_argument', () => {
    const e = (phases: unknown) =>
      thrown(() => phasesPath({ base: 1, fromYear: 2015, toYear: 2025, phases: phases as never }));
    expect(e([])).toMatchObject({ code: 'invalid_argument' });
    expect(e('x')).toMatchObject({ code: 'invalid_argument' });
    expect(
      e([
        { fromYear: 2015, toYear: 2019, rate: 0.3 },
        { fromYear: 2020, toYear: 2025, rate: 0.25 },
      ]),
    ).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('uncovered') });
    expect(
      e([
        { fromYear: 2015, toYear: 2021, rate: 0.3 },
        { fromYear: 2020, toYear: 2025, rate: 0.25 },
      ]),
    ).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('overlaps') });
    expect(e([{ fromYear: 2020, toYear: 2015, rate: 0.3 }])).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('end after'),
    });
    expect(e([{ fromYear: 2015, toYear: 2020, rate: 0.3 }])).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('2015 -> 2020'),
    });
    expect(e([{ fromYear: 2016, toYear: 2025, rate: 0.3 }])).toMatchObject({ code: 'invalid_argument' });
    expect(e([{ fromYear: 2015, toYear: 2025, rate: -2 }])).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('ratesPath', () => {
  it("grows by each year's rate: 100 -> 150 (+50 %) -> 75 (-50 %), in any order of the list", () => {
    const p = ratesPath({
      base: 100,
      fromYear: 2020,
      toYear: 2022,
      rates: [
        { year: 2022, rate: -0.5 },
        { year: 2021, rate: 0.5 },
      ],
    });
    expect(p.levels).toEqual([100, 150, 75]);
    expect(p.rates).toEqual([0.5, -0.5]);
  });
  it('ignores rates outside the span', () => {
    expect(
      ratesPath({
        base: 1,
        fromYear: 2020,
        toYear: 2021,
        rates: [
          { year: 2021, rate: 1 },
          { year: 2030, rate: 5 },
        ],
      }).levels,
    ).toEqual([1, 2]);
  });
  it('a missing year throws missing_years naming it; duplicates and bad rates throw invalid_argument', () => {
    const e = thrown(() =>
      ratesPath({
        base: 1,
        fromYear: 2020,
        toYear: 2023,
        rates: [
          { year: 2021, rate: 0.1 },
          { year: 2023, rate: 0.1 },
        ],
      }),
    );
    expect(e).toMatchObject({ code: 'missing_years', details: { missing: [2022] } });
    expect(
      thrown(() =>
        ratesPath({
          base: 1,
          fromYear: 2020,
          toYear: 2021,
          rates: [
            { year: 2021, rate: 0.1 },
            { year: 2021, rate: 0.2 },
          ],
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('twice') });
    expect(
      thrown(() => ratesPath({ base: 1, fromYear: 2020, toYear: 2021, rates: [{ year: 2021, rate: -1.5 }] })),
    ).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('2021') });
    expect(thrown(() => ratesPath({ base: 1, fromYear: 2020, toYear: 2021, rates: null as never }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
});

describe('linearPath', () => {
  it('linearPath({ base: 100, slope: 10 }) gives 100, 110, 120 and falling growth 10/100, 10/110', () => {
    const p = linearPath({ base: 100, slope: 10, fromYear: 2020, toYear: 2022 });
    expect(p.levels).toEqual([100, 110, 120]);
    expect(p.rates[0]).toBeCloseTo(0.1, 14);
    expect(p.rates[1]).toBeCloseTo(1 / 11, 14);
  });
  it('a level that reaches 0 throws degenerate naming the year', () => {
    expect(thrown(() => linearPath({ base: 10, slope: -5, fromYear: 2020, toYear: 2023 }))).toMatchObject({
      code: 'degenerate',
      details: { year: 2022 },
    });
    expect(
      thrown(() => linearPath({ base: 10, slope: Number.POSITIVE_INFINITY, fromYear: 2020, toYear: 2023 })),
    ).toMatchObject({ code: 'non_finite' });
  });
});

describe('logisticPath', () => {
  it('matches the closed form K / (1 + ((K - L0) / L0) e^(-r t)) with K = 10, L0 = 1, r = 0.5', () => {
    const p = logisticPath({ base: 1, rate: 0.5, cap: 10, fromYear: 2020, toYear: 2030 });
    for (let t = 0; t <= 10; t++) expect(p.levels[t]).toBeCloseTo(10 / (1 + 9 * Math.exp(-0.5 * t)), 12);
    // r = ln 3, K = 2, L0 = 1: 2 / (1 + 1/3) = 1.5 after one year.
    expect(logisticPath({ base: 1, rate: Math.log(3), cap: 2, fromYear: 2020, toYear: 2021 }).levels[1]).toBeCloseTo(
      1.5,
      14,
    );
  });
  it('never exceeds the cap, rises monotonically, and slows down once past half the cap', () => {
    const p = logisticPath({ base: 1, rate: 0.8, cap: 10, fromYear: 2020, toYear: 2040 });
    expect(p.levels.every((l) => l < 10)).toBe(true);
    expect(p.rates.every((r, i) => i === 0 || r < (p.rates[i - 1] as number))).toBe(true);
  });
  it('a base above the cap falls towards it; a base at the cap stays there', () => {
    const p = logisticPath({ base: 20, rate: 0.5, cap: 10, fromYear: 2020, toYear: 2030 });
    expect(p.levels.every((l, i) => i === 0 || (l < (p.levels[i - 1] as number) && l > 10))).toBe(true);
    expect(logisticPath({ base: 10, rate: 0.5, cap: 10, fromYear: 2020, toYear: 2022 }).levels).toEqual([10, 10, 10]);
  });
  it('rate <= 0 and cap <= 0 throw invalid_argument', () => {
    expect(thrown(() => logisticPath({ base: 1, rate: 0, cap: 10, fromYear: 2020, toYear: 2022 }))).toMatchObject({
      code: 'invalid_argument',
    });
    expect(thrown(() => logisticPath({ base: 1, rate: 0.5, cap: -1, fromYear: 2020, toYear: 2022 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
});

describe('anchorsPath', () => {
  it('reproduces the anchors exactly and grows at the CAGR between them: 1 (2020) -> 4 (2022) -> 32 (2025)', () => {
    const p = anchorsPath({
      base: 1,
      fromYear: 2020,
      toYear: 2025,
      anchors: [
        { year: 2022, value: 4 },
        { year: 2025, value: 32 },
      ],
    });
    // CAGR 2020-2022 = 4^(1/2) - 1 = 1; 2022-2025 = 8^(1/3) - 1 = 1.
    expect(p.levels[0]).toBe(1);
    expect(p.levels[2]).toBe(4);
    expect(p.levels[5]).toBe(32);
    expect(p.levels[1]).toBeCloseTo(2, 14);
    expect(p.levels[3]).toBeCloseTo(8, 12);
    expect(p.rates.every((r) => Math.abs(r - 1) < 1e-12)).toBe(true);
  });
  it('an anchor after toYear shapes the last segment: 1 in 2020 and 16 in 2024, cut at 2022, gives 1, 2, 4', () => {
    const p = anchorsPath({ base: 1, fromYear: 2020, toYear: 2022, anchors: [{ year: 2024, value: 16 }] });
    expect(p.levels.map((l) => Number(l.toFixed(12)))).toEqual([1, 2, 4]);
  });
  it('bad anchors throw invalid_argument', () => {
    const e = (anchors: unknown, toYear = 2025) =>
      thrown(() => anchorsPath({ base: 1, fromYear: 2020, toYear, anchors: anchors as never }));
    expect(e([])).toMatchObject({ code: 'invalid_argument' });
    expect(
      e([
        { year: 2020, value: 1 },
        { year: 2025, value: 2 },
      ]),
    ).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('base year') });
    expect(
      e([
        { year: 2025, value: 2 },
        { year: 2023, value: 3 },
      ]),
    ).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('previous anchor') });
    expect(
      e([
        { year: 2023, value: 0 },
        { year: 2025, value: 3 },
      ]),
    ).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('> 0') });
    expect(e([{ year: 2023, value: 3 }])).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('last anchor is in 2023'),
    });
    expect(e([{ year: 2025, value: Number.NaN }])).toMatchObject({ code: 'non_finite' });
  });
  it('property: anchors inside the span are hit exactly and the base is kept', () => {
    const anchors = fc
      .uniqueArray(fc.integer({ min: 2001, max: 2030 }), { minLength: 1, maxLength: 8 })
      .chain((years) =>
        fc.tuple(
          fc.constant([...years].sort((a, b) => a - b)),
          fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), {
            minLength: years.length,
            maxLength: years.length,
          }),
        ),
      );
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), anchors, (base, [years, values]) => {
        const toYear = years[years.length - 1] as number;
        const p = anchorsPath({
          base,
          fromYear: 2000,
          toYear,
          anchors: years.map((year, i) => ({ year, value: values[i] as number })),
        });
        return p.levels[0] === base && years.every((y, i) => p.levels[y - 2000] === values[i]);
      }),
    );
  });
});

describe('expressionPath', () => {
  it("growth '0.25 - 0.01 * (t - 2021)' gives 25 %, 24 %, 23 % for 2021-2023", () => {
    const p = expressionPath({ base: 1, fromYear: 2020, toYear: 2023, expression: '0.25 - 0.01 * (t - 2021)' });
    expect(p.rates[0]).toBe(0.25);
    expect(p.rates[1]).toBeCloseTo(0.24, 15);
    expect(p.rates[2]).toBeCloseTo(0.23, 15);
    expect(p.levels[3]).toBeCloseTo(1.25 * 1.24 * 1.23, 14);
  });
  it('t0 is the first projected year (fromYear + 1)', () => {
    expect(
      expressionPath({ base: 100, fromYear: 2020, toYear: 2022, expression: '0.5 - 0.25 * (t - t0)' }).levels,
    ).toEqual([100, 150, 187.5]);
  });
  it('a constant expression equals cagrPath', () => {
    const a = expressionPath({ ...span, expression: '0.25' });
    expect(a.levels[5]).toBeCloseTo(3.0517578125, 14);
  });
  it('a rate <= -1 or a non-finite value names the year; a forbidden expression throws invalid_argument', () => {
    expect(thrown(() => expressionPath({ ...span, expression: '-1 * (t >= 2023)' }))).toMatchObject({
      code: 'invalid_argument',
      details: { year: 2023 },
    });
    expect(thrown(() => expressionPath({ ...span, expression: '1 / (2023 - t)' }))).toMatchObject({
      code: 'non_finite',
      message: expect.stringContaining('t = 2023'),
    });
    expect(thrown(() => expressionPath({ ...span, expression: 'x = 1' }))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('pathToTarget', () => {
  it('from 1 in 2020 to 3.0517578125 in 2025 needs 25 % a year, and ends on the target exactly', () => {
    const p = pathToTarget({ base: 1, target: 3.0517578125, fromYear: 2020, toYear: 2025 });
    expect(p.rate).toBeCloseTo(0.25, 14);
    expect(p.levels[5]).toBe(3.0517578125);
  });
  it('a falling target gives a negative rate; target <= 0 throws', () => {
    expect(pathToTarget({ base: 4, target: 1, fromYear: 2020, toYear: 2022 }).rate).toBeCloseTo(-0.5, 14);
    expect(thrown(() => pathToTarget({ base: 4, target: 0, fromYear: 2020, toYear: 2022 }))).toMatchObject({
      code: 'invalid_argument',
    });
  });
  it('property: hits the target exactly and its rate is the cagr', () => {
    // target / base stays within [0.01, 100]: near a ratio of 0, 1 + rate cancels (a documented limit of
    // rates close to -1, e.g. 44717 -> 0.001 in one year), and the round trip drifts beyond 1e-9.
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (base, ratio, n) => {
          const target = base * ratio;
          const p = pathToTarget({ base, target, fromYear: 2000, toYear: 2000 + n });
          return p.levels[n] === target && relClose(base * (1 + p.rate) ** n, target, 1e-9);
        },
      ),
    );
  });
});

describe('path options', () => {
  // A misspelt option is refused, not ignored (a path would be built without it, or fail on what it lacks).
  it.each([
    ['cagrPath', () => cagrPath({ ...span, rate: 0.1, bse: 2 } as never), 'bse', 'base'],
    ['phasesPath', () => phasesPath({ ...span, phase: [] } as never), 'phase', 'phases'],
    ['ratesPath', () => ratesPath({ ...span, rate: 0.1 } as never), 'rate', 'rates'],
    ['linearPath', () => linearPath({ ...span, slop: 1 } as never), 'slop', 'slope'],
    ['logisticPath', () => logisticPath({ ...span, rate: 0.5, caps: 10 } as never), 'caps', 'cap'],
    ['anchorsPath', () => anchorsPath({ ...span, anchor: [] } as never), 'anchor', 'anchors'],
    ['expressionPath', () => expressionPath({ ...span, expresion: '0.1' } as never), 'expresion', 'expression'],
    ['pathToTarget', () => pathToTarget({ ...span, targt: 3 } as never), 'targt', 'target'],
  ])('%s refuses a misspelt option, naming the one meant', (fn, call, bad, near) => {
    expect(thrown(call)).toMatchObject({
      name: 'MetricsError',
      code: 'invalid_argument',
      message: expect.stringMatching(new RegExp(`^${fn}: unknown option "${bad}".*Did you mean ${near}\\?`)),
      issues: [{ path: ['options', bad] }],
    });
  });
});
