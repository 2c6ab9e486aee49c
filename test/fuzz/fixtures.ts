// Valid inputs the fuzz specs start from: the built-in models, seeds and observations, results of the
// library's own functions (projections, a small simulation, forecasts, chart specs), built once.
import fc from 'fast-check';
import * as api from '../../src/index.js';
import type { Fact, ModelDefinition, Report, Series, TopLevelSpecLike } from './types.js';

export interface Fixtures {
  readonly facts: readonly Fact[];
  readonly models: readonly ModelDefinition[];
  readonly observations: ReturnType<typeof api.loadObservations>;
  readonly projections: ReturnType<typeof api.projectAll>;
  readonly monteCarlo: Awaited<ReturnType<typeof api.simulate>>;
  readonly sectorRun: Awaited<ReturnType<typeof api.simulateSectors>>;
  readonly series: readonly Series[];
  readonly specs: readonly TopLevelSpecLike[];
  readonly report: Report;
  readonly comparison: ReturnType<typeof api.compareIndustries>;
  readonly modelReport: Awaited<ReturnType<typeof api.modelReport>>;
  /** Model reports drawn with the observations (the report command's), and the plan outcomes scored from them. */
  readonly reports: readonly Awaited<ReturnType<typeof api.modelReport>>[];
  readonly outcomes: ReturnType<typeof api.planOutcomes>;
}

let cached: Promise<Fixtures> | undefined;

/** The fixtures, built on first use (about a second: a few small simulations and chart specs). */
export function fixtures(): Promise<Fixtures> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Fixtures> {
  const facts = api.loadSeeds();
  const models = api.listModels().map((m) => api.loadModel(m.id));
  const observations = api.loadObservations();
  const bd14 = models.find((m) => m.id === 'big-data-14th-fyp') as ModelDefinition;
  const projections = api.projectAll(bd14);
  const monteCarlo = await api.simulate({
    baseYear: 2020,
    baseValue: 1,
    toYear: 2025,
    growth: [0.25, 0.25, 0.25, 0.25, 0.25],
    volatility: 0.05,
    paths: 200,
    seed: 1,
    targets: [{ id: 't', year: 2025, value: 3, comparator: 'exceeds' }],
    cagrThresholds: [0.2],
    crossing: [2],
    samplePaths: 2,
  });
  const sectorRun = await api.simulateSectors({
    baseYear: 2020,
    toYear: 2022,
    paths: 100,
    seed: 3,
    sectors: [
      { id: 'a', baseValue: 1, growth: [0.1, 0.1], volatility: 0.05 },
      { id: 'b', baseValue: 2, growth: [0.05, 0.05], volatility: 0.02 },
    ],
  });
  const series = [
    api.series({ id: 'x', unit: 'count', years: [2020, 2021, 2022], values: [10, 12, 11] }),
    api.series({
      id: 'big-data',
      unit: 'CNY trillion',
      years: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021],
      values: [0.1, 0.2693, 0.35, 0.47, 0.6, 0.8, 1, 1.3],
    }),
    api.series({ id: 'sparse', unit: 'CNY billion', years: [2015, 2020, 2025], values: [100, 250, 400] }),
    api.series({
      id: 'y',
      unit: 'count',
      years: [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021],
      values: [10, 12, 13, 15, 18, 19, 21, 24, 25, 28],
    }),
  ];
  const modelReport = await api.modelReport(bd14, { paths: 200, seed: 1 });
  const specs = [
    ...modelReport.charts.map((c) => c.spec),
    { mark: 'point', data: { values: [{ a: 1 }] }, encoding: { x: { field: 'a', type: 'quantitative' } } },
  ] as TopLevelSpecLike[];
  const report: Report = {
    title: 'Fuzz report',
    sections: [
      {
        heading: 'Revenue',
        text: 'Some text',
        charts: [{ title: 'A point', spec: specs[specs.length - 1] as never }],
        tables: [
          {
            columns: ['a', 'b'],
            rows: [
              ['x', 1],
              ['y', null],
            ],
          },
        ],
      },
    ],
  };
  const comparison = api.compareIndustries(facts);
  const cyber = models.find((m) => m.id === 'cybersecurity-2021-2023') as ModelDefinition;
  const reports = [
    await api.modelReport(bd14, { paths: 200, seed: 1, observations }),
    await api.modelReport(cyber, { paths: 200, seed: 1, observations, locale: 'zh' }),
  ];
  const outcomes = api.planOutcomes(reports, observations, { paths: 200 });
  return {
    facts,
    models,
    observations,
    projections,
    monteCarlo,
    sectorRun,
    series,
    specs,
    report,
    comparison,
    modelReport,
    reports,
    outcomes,
  };
}

// Arbitraries for valid-looking values.
export const year = fc.integer({ min: 1990, max: 2035 });
export const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
export const rate = fc.double({ min: -0.5, max: 1.5, noNaN: true });
export const fraction = fc.double({ min: 0, max: 1, noNaN: true });
export const level = fc.double({ min: 0.5, max: 0.99, noNaN: true });
export const unitText = fc.constantFrom(
  'CNY trillion',
  'CNY billion',
  'USD billion',
  'count',
  'fraction',
  'RMB 亿',
  'GW',
);
export const levelUnit = fc.constantFrom('CNY trillion', 'CNY billion', 'USD billion', 'count', 'RMB 亿');
export const comparator = fc.constantFrom('exceeds', 'atLeast', 'atMost', 'below', 'about', 'equals');
export const locale = fc.constantFrom('en', 'zh');

/** n consecutive years from a start, and n positive values. */
export function yearsAndValues(min = 1, max = 12): fc.Arbitrary<{ years: number[]; values: number[] }> {
  return fc.tuple(year, fc.integer({ min, max })).chain(([y, n]) =>
    fc.record({
      years: fc.constant(Array.from({ length: n }, (_, i) => y + i)),
      values: fc.array(positive, { minLength: n, maxLength: n }),
    }),
  );
}

/** A series input as series() takes it. */
export const seriesInput = fc
  .tuple(yearsAndValues(), fc.constantFrom('x', 'big-data', '营业收入'), levelUnit)
  .map(([yv, id, unit]) => ({ id, unit, ...yv }));

/** A Series (frozen), usually annual, sometimes sparse. */
export const seriesArb: fc.Arbitrary<Series> = fc.oneof(
  { weight: 4, arbitrary: seriesInput.map((i) => api.series(i)) },
  {
    weight: 1,
    arbitrary: fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 1, maxLength: 6 }).chain((ys) => {
      const years = [...ys].sort((a, b) => a - b);
      return fc
        .array(positive, { minLength: years.length, maxLength: years.length })
        .map((values) => api.series({ id: 's', unit: 'CNY billion', years, values }));
    }),
  },
);

/** A longer annual series for the forecasting methods. */
export const forecastSeries: fc.Arbitrary<Series> = fc
  .tuple(fc.integer({ min: 3, max: 16 }), positive, fc.double({ min: -0.2, max: 0.4, noNaN: true }))
  .chain(([n, start, g]) =>
    fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: n, maxLength: n }).map((noise) => {
      let v = start;
      const values = noise.map((e) => {
        v *= 1 + g + e;
        return Math.max(v, 1e-6);
      });
      return api.series({ id: 'f', unit: 'CNY billion', years: values.map((_, i) => 2000 + i), values });
    }),
  );

/** A target marker for charts. */
export const marker = fc.record({
  year: fc.integer({ min: 2020, max: 2025 }),
  value: positive,
  comparator,
  label: fc.constantFrom('2025: more than RMB 3 trillion (target)', 'target'),
  source: fc.constant({ document: 'MIIT, 14th plan, section 2', quote: 'exceed 3 trillion yuan' }),
});

export const chartOptions = fc.record(
  {
    unit: unitText,
    locale,
    title: fc.constantFrom('Revenue', '营业收入'),
    subtitle: fc.constantFrom(
      'A subtitle',
      'A much longer subtitle that will need wrapping across more than one line of text',
    ),
    measure: fc.constantFrom('Revenue', 'Output'),
    width: fc.integer({ min: 200, max: 900 }),
    height: fc.integer({ min: 150, max: 600 }),
  },
  { requiredKeys: ['unit'] },
);

/** A panel: sectors x years of positive values, with a total at least their sum. */
export const panelArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), year, fc.boolean())
  .chain(([k, n, y, withTotal]) =>
    fc.array(fc.array(positive, { minLength: n, maxLength: n }), { minLength: k, maxLength: k }).map((values) => ({
      unit: api.parseUnit('CNY billion'),
      years: Array.from({ length: n }, (_, i) => y + i),
      sectors: values.map((_, i) => `s${i}`),
      values,
      ...(withTotal
        ? { total: Array.from({ length: n }, (_, t) => values.reduce((a, r) => a + (r[t] as number), 0) * 1.1) }
        : {}),
    })),
  );
