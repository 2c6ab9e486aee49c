import { describe, expect, it } from 'vitest';
import { thrown } from '../helpers/thrown.js';
import { trajectoryChart } from '../../src/charts/trajectoryChart.js';
import { fanChart } from '../../src/charts/fanChart.js';
import { scenarioComparisonChart } from '../../src/charts/scenarioComparisonChart.js';
import { stackedAreaChart } from '../../src/charts/stackedAreaChart.js';
import { contributionChart } from '../../src/charts/contributionChart.js';
import { waterfallChart } from '../../src/charts/waterfallChart.js';
import { tornadoChart } from '../../src/charts/tornadoChart.js';
import { distributionChart } from '../../src/charts/distributionChart.js';
import { forecastChart } from '../../src/charts/forecastChart.js';
import { accuracyChart } from '../../src/charts/accuracyChart.js';
import { scorecardChart } from '../../src/charts/scorecardChart.js';
import { MetricsError } from '../../src/errors.js';
import { fanInput, paths, scorecardRows, target2025 } from './fixtures.js';

const unit = { unit: 'CNY trillion' } as const;
const rows = paths([['base', 0.1]], 2020, 2022);

// Each bad input must give a MetricsError with the right code and a message naming the builder and the
// field, never a TypeError from vega.
const bad: readonly [string, () => unknown, string, RegExp][] = [
  [
    'trajectoryChart with no rows',
    () => trajectoryChart({ rows: [] }, unit),
    'invalid_argument',
    /trajectoryChart: rows is empty/,
  ],
  [
    'trajectoryChart with a NaN value',
    () => trajectoryChart({ rows: [{ series: 's', year: 2020, value: NaN }] }, unit),
    'non_finite',
    /rows\[0\]\.value must be a finite number/,
  ],
  [
    'trajectoryChart with a fractional year',
    () => trajectoryChart({ rows: [{ series: 's', year: 2020.5, value: 1 }] }, unit),
    'invalid_argument',
    /whole calendar year/,
  ],
  [
    'trajectoryChart with a repeated scenario-year',
    () => trajectoryChart({ rows: [...rows, ...rows] }, unit),
    'invalid_argument',
    /two rows for scenario and year base in 2020/,
  ],
  [
    'trajectoryChart with an unknown comparator',
    () => trajectoryChart({ rows, targets: [{ ...target2025, comparator: 'greater' as never }] }, unit),
    'invalid_argument',
    /targets\[0\]\.comparator must be one of/,
  ],
  [
    "trajectoryChart with an actual's comparator 'toString' (an inherited name, not a comparator)",
    () => trajectoryChart({ rows, actuals: [{ year: 2021, value: 1, comparator: 'toString' as never }] }, unit),
    'invalid_argument',
    /actuals\[0\]\.comparator must be one of/,
  ],
  [
    'trajectoryChart with a target without a quote',
    () => trajectoryChart({ rows, targets: [{ ...target2025, source: { document: 'd', quote: '' } }] }, unit),
    'invalid_argument',
    /source\[0\]\.quote must be a non-empty string/,
  ],
  [
    'trajectoryChart with a reversed period',
    () => trajectoryChart({ rows, periods: [{ label: 'p', fromYear: 2025, toYear: 2021 }] }, unit),
    'invalid_argument',
    /ends before it starts/,
  ],
  [
    'trajectoryChart without a unit',
    () => trajectoryChart({ rows }, {} as never),
    'invalid_argument',
    /options\.unit is required/,
  ],
  [
    'trajectoryChart with width 10',
    () => trajectoryChart({ rows }, { ...unit, width: 10 }),
    'invalid_argument',
    /options\.width/,
  ],
  [
    'trajectoryChart with locale fr',
    () => trajectoryChart({ rows }, { ...unit, locale: 'fr' as never }),
    'invalid_argument',
    /options\.locale/,
  ],
  [
    'trajectoryChart with null input',
    () => trajectoryChart(null as never, unit),
    'invalid_argument',
    /input\.rows must be an array/,
  ],
  [
    'fanChart with level 90',
    () => fanChart({ ...fanInput(), bands: [{ year: 2025, lower: 1, upper: 2, level: 90 }] }, unit),
    'invalid_argument',
    /level must be a coverage in \(0, 1\)/,
  ],
  [
    'fanChart with lower > upper',
    () => fanChart({ ...fanInput(), bands: [{ year: 2025, lower: 3, upper: 2, level: 0.9 }] }, unit),
    'invalid_argument',
    /lower > upper/,
  ],
  [
    'fanChart with probability 62',
    () => fanChart({ ...fanInput(), attainment: [{ probability: 62, target: target2025 }] }, unit),
    'invalid_argument',
    /a probability in \[0, 1\].*0\.62, not 62/,
  ],
  [
    'fanChart with an empty median',
    () => fanChart({ ...fanInput(), median: [] }, unit),
    'invalid_argument',
    /median is empty/,
  ],
  [
    'scenarioComparisonChart with facetAbove 0',
    () => scenarioComparisonChart({ rows }, { ...unit, facetAbove: 0 }),
    'invalid_argument',
    /facetAbove must be a whole number >= 1/,
  ],
  [
    'stackedAreaChart with a negative level',
    () => stackedAreaChart({ rows: [{ sector: 'a', year: 2020, value: -1 }] }, unit),
    'invalid_argument',
    /negative/,
  ],
  [
    'stackedAreaChart with a missing year',
    () =>
      stackedAreaChart(
        {
          rows: [
            { sector: 'a', year: 2020, value: 1 },
            { sector: 'b', year: 2021, value: 1 },
          ],
        },
        unit,
      ),
    'invalid_argument',
    /sector "a" has no value for 2021/,
  ],
  [
    'stackedAreaChart shares of a zero total',
    () => stackedAreaChart({ rows: [{ sector: 'a', year: 2020, value: 0 }] }, { ...unit, mode: 'share' }),
    'invalid_argument',
    /total of 2020 is 0/,
  ],
  [
    'stackedAreaChart with mode percent',
    () => stackedAreaChart({ rows: [{ sector: 'a', year: 2020, value: 1 }] }, { ...unit, mode: 'percent' as never }),
    'invalid_argument',
    /mode must be/,
  ],
  [
    'stackedAreaChart with a BigInt mode',
    () => stackedAreaChart({ rows: [{ sector: 'a', year: 2020, value: 1 }] }, { ...unit, mode: 10n as never }),
    'invalid_argument',
    /^stackedAreaChart: options\.mode must be "level" or "share" \(got 10n \(a BigInt\)\)\.$/,
  ],
  [
    'contributionChart with Infinity',
    () => contributionChart({ rows: [{ sector: 'a', year: 2021, contribution: Infinity }] }, unit),
    'non_finite',
    /contribution must be a finite number/,
  ],
  [
    'contributionChart with a total for another year',
    () =>
      contributionChart(
        { rows: [{ sector: 'a', year: 2021, contribution: 0.1 }], totals: [{ year: 2022, growth: 0.1 }] },
        unit,
      ),
    'invalid_argument',
    /totals has 2022/,
  ],
  [
    'waterfallChart backwards in time',
    () =>
      waterfallChart({ baseYear: 2025, baseValue: 1, targetYear: 2020, changes: [{ sector: 'a', change: 1 }] }, unit),
    'invalid_argument',
    /targetYear must be after baseYear/,
  ],
  [
    'waterfallChart with a repeated sector',
    () =>
      waterfallChart(
        {
          baseYear: 2020,
          baseValue: 1,
          targetYear: 2025,
          changes: [
            { sector: 'a', change: 1 },
            { sector: 'a', change: 1 },
          ],
        },
        unit,
      ),
    'invalid_argument',
    /two rows for sector a/,
  ],
  ['tornadoChart with no rows', () => tornadoChart({ base: 1, rows: [] }, unit), 'invalid_argument', /rows is empty/],
  [
    'tornadoChart with a NaN base',
    () => tornadoChart({ base: NaN, rows: [{ parameter: 'p', low: 1, high: 2 }] }, unit),
    'non_finite',
    /input\[0\]\.base/,
  ],
  [
    'distributionChart with one value',
    () => distributionChart({ values: [1], year: 2025 }, unit),
    'invalid_argument',
    /at least 2/,
  ],
  [
    'distributionChart with a NaN value',
    () => distributionChart({ values: [1, NaN], year: 2025 }, unit),
    'non_finite',
    /values\[1\]/,
  ],
  [
    'distributionChart with kind pdf',
    () => distributionChart({ values: [1, 2], year: 2025 }, { ...unit, kind: 'pdf' as never }),
    'invalid_argument',
    /kind must be/,
  ],
  [
    'distributionChart with a BigInt kind (JSON.stringify threw a TypeError; fuzz seed 21)',
    () => distributionChart({ values: [1, 2], year: 2025 }, { ...unit, kind: 10n as never }),
    'invalid_argument',
    /^distributionChart: options\.kind must be "histogram" or "cdf" \(got 10n \(a BigInt\)\)\.$/,
  ],
  [
    'distributionChart with 1 bin',
    () => distributionChart({ values: [1, 2], year: 2025 }, { ...unit, bins: 1 }),
    'invalid_argument',
    /bins must be/,
  ],
  [
    'forecastChart with half an interval',
    () =>
      forecastChart(
        { history: [{ year: 2020, value: 1 }], forecasts: [{ series: 'm', year: 2021, value: 1, lower: 0.5 }] },
        unit,
      ),
    'invalid_argument',
    /part of an interval/,
  ],
  [
    'forecastChart with no forecasts',
    () => forecastChart({ history: [{ year: 2020, value: 1 }], forecasts: [] }, unit),
    'invalid_argument',
    /forecasts is empty/,
  ],
  [
    'accuracyChart with a negative score',
    () => accuracyChart({ rows: [{ method: 'm', metric: 'OWA', value: -1 }] }),
    'invalid_argument',
    /negative/,
  ],
  [
    'accuracyChart with a NaN MASE',
    () => accuracyChart({ rows: [{ method: 'm', metric: 'MASE', value: NaN }] }),
    'non_finite',
    /rows\[0\]\.value/,
  ],
];

describe('chart builders reject bad input', () => {
  it.each(bad)('%s throws %s', (_name, call, code, message) => {
    const e = thrown(call);
    expect(e).toBeInstanceOf(MetricsError);
    expect(e).toMatchObject({ code });
    expect((e as Error).message).toMatch(message);
  });
  it('builders never mutate their input', () => {
    const input = fanInput();
    const copy = structuredClone(input);
    fanChart(input, unit);
    expect(input).toEqual(copy);
  });
});

// A misspelt option would be ignored and the chart answer another question: each builder refuses it, naming
// the closest option, and takes the same value under its right name.
type Build = (options: Record<string, unknown>) => unknown;
const one = { sector: 'a', year: 2020 };
const misspelt: readonly [string, string, string, unknown, Build][] = [
  ['trajectoryChart', 'titel', 'title', 'x', (o) => trajectoryChart({ rows }, { ...unit, ...o })],
  ['fanChart', 'sorce', 'source', 'Source: x', (o) => fanChart(fanInput(), { ...unit, ...o })],
  ['scenarioComparisonChart', 'column', 'columns', 2, (o) => scenarioComparisonChart({ rows }, { ...unit, ...o })],
  [
    'stackedAreaChart',
    'mod',
    'mode',
    'share',
    (o) => stackedAreaChart({ rows: [{ ...one, value: 1 }] }, { ...unit, ...o }),
  ],
  [
    'contributionChart',
    'heigth',
    'height',
    300,
    (o) => contributionChart({ rows: [{ ...one, contribution: 0.1 }] }, { ...unit, ...o }),
  ],
  [
    'waterfallChart',
    'widht',
    'width',
    300,
    (o) =>
      waterfallChart(
        { baseYear: 2020, baseValue: 1, targetYear: 2025, changes: [{ sector: 'a', change: 1 }] },
        { ...unit, ...o },
      ),
  ],
  [
    'tornadoChart',
    'measur',
    'measure',
    'Revenue',
    (o) => tornadoChart({ base: 1, rows: [{ parameter: 'p', low: 1, high: 2 }] }, { ...unit, ...o }),
  ],
  ['distributionChart', 'bin', 'bins', 10, (o) => distributionChart({ values: [1, 2], year: 2025 }, { ...unit, ...o })],
  [
    'forecastChart',
    'local',
    'locale',
    'zh',
    (o) =>
      forecastChart(
        { history: [{ year: 2020, value: 1 }], forecasts: [{ series: 'm', year: 2021, value: 1 }] },
        { ...unit, ...o },
      ),
  ],
  [
    'accuracyChart',
    'panelWidht',
    'panelWidth',
    200,
    (o) => accuracyChart({ rows: [{ method: 'm', metric: 'OWA', value: 0.9 }] }, o),
  ],
  ['scorecardChart', 'subtitel', 'subtitle', 'x', (o) => scorecardChart({ rows: scorecardRows }, o)],
];

describe('chart builders refuse an unknown option', () => {
  it.each(misspelt)('%s({ %s }) throws, naming %s', (name, wrong, right, value, build) => {
    const e = thrown(() => build({ [wrong]: value }));
    expect(e).toBeInstanceOf(MetricsError);
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['options', wrong] }] });
    expect((e as Error).message).toMatch(new RegExp(`^${name}: unknown option "${wrong}".*Did you mean ${right}\\?`));
    expect(() => build({ [right]: value })).not.toThrow();
  });
  it('a misspelt unit is named as such, not as a missing unit', () => {
    expect(() => fanChart(fanInput(), { unti: 'CNY trillion' } as never)).toThrow(
      /fanChart: unknown option "unti".*Did you mean unit\?/,
    );
  });
  it('scorecardChart refuses the unit and measure other charts take (its axis is a share of each target)', () => {
    expect(() => scorecardChart({ rows: scorecardRows }, { measure: 'Revenue' } as never)).toThrow(
      /scorecardChart: unknown option "measure".*the options are locale, title, subtitle, width, height, source\./,
    );
  });
});

// Found by the fuzz suite (FC_SEED=11, FUZZ_RUNS=300): a value its message wrote with String() or a template
// threw a TypeError when it was an object without a prototype.
describe('chart builders write a bad value of any kind in their message', () => {
  it('distributionChart refuses a year that is an object without a prototype', () => {
    const e = thrown(() => distributionChart({ values: [1, 2], year: Object.create(null) as never }, unit));
    expect(e).toBeInstanceOf(MetricsError);
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['input', 'year'] }] });
    expect((e as Error).message).toBe('distributionChart: year must be a whole calendar year (got {}).');
  });
  it('distributionChart refuses a year given as text', () => {
    const e = thrown(() => distributionChart({ values: [1, 2], year: '2025' as never }, unit));
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['input', 'year'] }] });
    expect((e as Error).message).toBe('distributionChart: year must be a whole calendar year (got "2025").');
  });
  it.each([
    [
      'distributionChart',
      'bins',
      () => distributionChart({ values: [1, 2], year: 2025 }, { ...unit, bins: Object.create(null) }),
    ],
    [
      'scenarioComparisonChart',
      'columns',
      () => scenarioComparisonChart({ rows }, { ...unit, columns: Object.create(null) }),
    ],
    [
      'accuracyChart',
      'panelWidth',
      () => accuracyChart({ rows: [{ method: 'm', metric: 'MASE', value: 1 }] }, { panelWidth: Object.create(null) }),
    ],
  ])('%s refuses options.%s that is an object without a prototype', (name, option, call) => {
    const e = thrown(call);
    expect(e).toBeInstanceOf(MetricsError);
    expect(e).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['options', option] }] });
    expect((e as Error).message).toMatch(new RegExp(`^${name}: options\\.${option} must be .*\\(got \\{\\}\\)\\.$`));
  });
});
