// How each value export of the package is fuzzed: its valid-looking arguments (the harness breaks most of
// them) and, where it is not a plain call, how it is called. Keyed by export name; test/fuzz/exports.test.ts
// fails when an export of any entry point has no spec here, or a spec names no export.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as api from '../../src/index.js';
import {
  chartOptions,
  comparator,
  fixtures,
  forecastSeries,
  level,
  levelUnit,
  locale,
  marker,
  panelArb,
  positive,
  rate,
  seriesArb,
  seriesInput,
  unitText,
  year,
  yearsAndValues,
} from './fixtures.js';
import type { FuzzSpec, Spec } from './harness.js';
import type { Series } from './types.js';

/** An export that is an object of methods (a forecast method): each method fuzzed on its own. */
export interface MethodsSpec {
  readonly methods: Readonly<Record<string, FuzzSpec>>;
}
export type AnySpec = Spec | MethodsSpec;

const C: Spec = { constant: true };
const tuple = <T extends unknown[]>(
  ...arbs: { [K in keyof T]: fc.Arbitrary<T[K]> }
): fc.Arbitrary<readonly unknown[]> => fc.tuple(...arbs) as fc.Arbitrary<readonly unknown[]>;
const one = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<readonly unknown[]> => arb.map((x) => [x]);
/** vega's own error text, quoted in toSvg's message after "could not render the spec (got …)". */
const VEGA_QUOTE = /\(got [^)]*\)/;
const RENDER_WHY =
  'renders with vega and resvg: ~100 ms a call, so a tenth of the budget; bound 5 s, as one render of a large chart took 2.1 s on a machine loaded 11 on 2 cores (the first, cold render is the warm-up)';

/** Calls `m[name](...args)` on a method object, as a user would. */
const callMethod =
  (name: string) =>
  (m: unknown, args: readonly unknown[]): unknown =>
    (m as Record<string, (...a: unknown[]) => unknown>)[name]?.(...args);

/** Relative paths stay inside the fuzz's temporary working folder: no `..` climbs out of it. */
function contained(v: unknown): unknown {
  return typeof v === 'string' ? v.replace(/\.\./g, 'dotdot') : v;
}

/** Method specs renamed `<prefix>.<method>`, calling the method object `m` (not the export itself). */
function prefixed(prefix: string, methods: Readonly<Record<string, FuzzSpec>>): Record<string, FuzzSpec> {
  return Object.fromEntries(Object.entries(methods).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** Specs of a forecast method object: fit, forecast on a fit, simulate on a fit. */
function forecastMethodSpec(m: api.ForecastMethod, weight = 1, fixed = false): MethodsSpec {
  // `fixed`: call the methods of `m` itself (a method made by a factory export such as withBoxCox).
  const method = (name: string) => (v: unknown, args: readonly unknown[]) => callMethod(name)(fixed ? m : v, args);
  const fitted = forecastSeries.map((s): [Series, api.ForecastFit | undefined] => {
    try {
      return [s, m.fit(s)];
    } catch {
      return [s, undefined];
    }
  });
  const fitArb = fitted.filter(([, f]) => f !== undefined).map(([s, f]) => [s, f as api.ForecastFit] as const);
  const last = (s: Series): number => s.years[s.years.length - 1] as number;
  const methods: Record<string, FuzzSpec> = {
    fit: { args: one(forecastSeries), call: method('fit'), weight },
    forecast: {
      args: fitArb.chain(([s, f]) =>
        tuple(
          fc.constant(f),
          fc.integer({ min: last(s) + 1, max: last(s) + 10 }),
          fc.record({ levels: fc.array(level, { minLength: 1, maxLength: 3 }) }, { requiredKeys: [] }),
        ),
      ),
      call: method('forecast'),
      weight,
    },
  };
  if (m.simulate) {
    methods['simulate'] = {
      args: fitArb.chain(([s, f]) =>
        tuple(
          fc.constant(f),
          fc.integer({ min: last(s) + 1, max: last(s) + 6 }),
          fc.record({ paths: fc.integer({ min: 1, max: 200 }), seed: fc.nat(1000) }),
        ),
      ),
      // The options take an Rng, not a seed: made from the (fuzzed) seed, so the call stays seeded.
      call: (mm, [fit, toYear, o]) => {
        const opts = o as { paths?: unknown; seed?: unknown } | null;
        const seed =
          typeof opts?.seed === 'number' && Number.isSafeInteger(opts.seed) && opts.seed >= 0 ? opts.seed : 1;
        const options = opts !== null && typeof opts === 'object' ? { ...opts, rng: api.rng(seed) } : opts;
        return method('simulate')(mm, [fit, toYear, options]);
      },
      weight,
    };
  }
  return { methods };
}

export async function buildSpecs(): Promise<Record<string, AnySpec>> {
  const fx = await fixtures();
  const model = fc.constantFrom(...fx.models);
  const bd14 = fx.models.find((m) => m.id === 'big-data-14th-fyp') as api.ModelDefinition;
  const fact = fc.constantFrom(...fx.facts);
  const target = fc.constantFrom(...fx.facts.filter((f) => f.kind === 'target'));
  const projection = fc.constantFrom(...fx.projections);
  const chartSpec = fc.constantFrom(...fx.specs);
  const unit = unitText.map((u) => api.parseUnit(u));
  const terms = fc.record(
    {
      value: positive,
      comparator,
      tolerance: fc.record(
        { relative: fc.double({ min: 0, max: 0.2, noNaN: true }), assumption: fc.constant('about means ±5 %') },
        { requiredKeys: ['assumption'] },
      ),
    },
    { requiredKeys: ['value', 'comparator'] },
  );
  const actualPredicted = fc
    .integer({ min: 1, max: 8 })
    .chain((n) =>
      tuple(fc.array(positive, { minLength: n, maxLength: n }), fc.array(positive, { minLength: n, maxLength: n })),
    );
  const interval = fc
    .integer({ min: 1, max: 8 })
    .chain((n) =>
      fc.tuple(
        fc.array(positive, { minLength: n, maxLength: n }),
        fc.array(fc.tuple(positive, positive), { minLength: n, maxLength: n }),
      ),
    )
    .map(([a, lu]) => [a, lu.map(([x, y]) => Math.min(x, y)), lu.map(([x, y]) => Math.max(x, y))] as const);
  const history = fc.array(positive, { minLength: 3, maxLength: 10 });
  const obsSet = fc.constant(fx.observations);
  const observation = fc.constantFrom(...fx.observations.observations);
  const definitionId = fc.constantFrom(...fx.observations.definitions.map((d) => d.id));
  const simOptions = fc.record(
    {
      baseYear: fc.constant(2020),
      baseValue: positive,
      toYear: fc.constant(2023),
      growth: fc.array(fc.double({ min: -0.3, max: 0.6, noNaN: true }), { minLength: 3, maxLength: 3 }),
      volatility: fc.double({ min: 0, max: 0.3, noNaN: true }),
      persistence: fc.double({ min: -0.5, max: 0.9, noNaN: true }),
      meanUncertainty: fc.double({ min: 0, max: 0.1, noNaN: true }),
      rareShock: fc.record({ probability: fraction01(), size: fc.double({ min: -0.5, max: 0.5, noNaN: true }) }),
      shocks: fc.constant([{ year: 2022, size: -0.05 }]),
      bounds: fc.constant({ cap: 1e7, floor: 0 }),
      distribution: fc.constantFrom('normal', 'studentT'),
      paths: fc.integer({ min: 1, max: 300 }),
      seed: fc.nat(10_000),
      quantiles: fc.array(fraction01(), { minLength: 0, maxLength: 4 }),
      targets: fc.constant([{ id: 't', year: 2023, value: 1, comparator: 'atLeast' as const }]),
      cagrThresholds: fc.constant([0.1]),
      crossing: fc.constant([1e9]),
      samplePaths: fc.integer({ min: 0, max: 2 }),
    },
    { requiredKeys: ['baseYear', 'baseValue', 'toYear', 'growth', 'volatility', 'paths', 'seed'] },
  );
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  const tmp = mkdtempSync(join(tmpdir(), 'im-fuzz-files-'));
  const csvFile = join(tmp, 'series.csv');
  writeFileSync(csvFile, 'id,year,value\nmarket,2020,1.5\nmarket,2021,1.8\n');
  const jsonFile = join(tmp, 'series.json');
  writeFileSync(jsonFile, JSON.stringify([{ id: 'a', year: 2020, value: 2 }]));
  const badJson = join(tmp, 'bad.json');
  writeFileSync(badJson, '{ "id": ');
  const valueRows = fc.array(
    fc.record({
      series: fc.constantFrom('revenue', '营业收入'),
      scenario: fc.constantFrom('plan', 'low'),
      year: fc.integer({ min: 2020, max: 2026 }),
      value: positive,
    }),
    { minLength: 1, maxLength: 8 },
  );
  const resolved = (v: fc.Arbitrary<number>) =>
    v.map((value) => ({ value, source: { kind: 'assumption', text: 'fuzz' } }));
  const span = fc
    .record({ fromYear: fc.integer({ min: 2000, max: 2030 }), base: positive })
    .chain((s) => fc.integer({ min: 1, max: 12 }).map((n) => ({ ...s, toYear: s.fromYear + n })));
  const path = span.chain((s) =>
    fc.double({ min: -0.3, max: 0.6, noNaN: true }).map((r) => api.cagrPath({ ...s, rate: r })),
  );

  const last = (s: Series): number => s.years[s.years.length - 1] as number;
  const logDrift = api.withBoxCox(api.drift, { lambda: 0 });
  const calLogTrend = api.calibrate(api.logTrend);
  const thetaDrift = api.combination([api.theta, api.drift]);
  /** A method with a series and its fit (series the method cannot fit are left out). */
  const fittedArb = (methods: readonly api.ForecastMethod[]) =>
    fc
      .tuple(fc.constantFrom(...methods), forecastSeries)
      .map(([m, s]) => {
        try {
          return [m, s, m.fit(s)] as const;
        } catch {
          return undefined;
        }
      })
      .filter((x): x is readonly [api.ForecastMethod, Series, api.ForecastFit] => x !== undefined);
  const xlsxFile = join(tmp, 'sheet.xlsx');
  writeFileSync(
    xlsxFile,
    await api.toXlsx([
      {
        name: 'Scenarios',
        columns: ['id', 'year', 'value'],
        rows: [
          ['a', 2020, 1.5],
          ['a', 2021, 1.8],
        ],
      },
    ]),
  );

  const specs: Record<string, AnySpec> = {
    // errors
    MetricsError: {
      args: tuple(
        fc.constantFrom(...Object.keys(api.ErrorCode)),
        fc.constantFrom('f: x must be > 0 (got -1). Pass a positive x.', 'g: bad'),
        fc.constant({ x: -1 }),
      ),
      call: (C2, args) => new (C2 as new (...a: unknown[]) => unknown)(...args),
      nonFinite: /^details\./,
      why: "details are the caller's, kept as given: a message says 'got NaN' and its details hold that NaN",
    },
    ErrorCode: C,
    isMetricsError: {
      args: tuple(
        fc.constantFrom(new api.MetricsError('not_found', 'f: gone'), new Error('x'), null, { code: 'not_found' }),
        fc.constantFrom('not_found', 'degenerate'),
      ),
    },

    // series
    series: {
      args: one(
        fc.oneof(
          seriesInput,
          yearsAndValues().map(({ years, values }) => ({
            id: 'p',
            unit: 'count',
            points: years.map((y, i) => ({ year: y, value: values[i] })),
          })),
        ),
      ),
    },
    valueAt: { args: seriesArb.chain((s) => tuple(fc.constant(s), fc.oneof(fc.constantFrom(...s.years), year))) },
    toTidy: { args: one(seriesArb) },
    Scale: C,
    Currency: C,
    parseUnit: { args: one(fc.oneof(unitText, unit)) },
    unitToString: { args: one(unit) },
    sameUnit: { args: tuple(unit, unit) },
    isScaleConvertible: { args: tuple(unit, unit) },
    convertScale: { args: tuple(positive, levelUnit, levelUnit) },
    convertCurrency: {
      args: tuple(
        positive.map((value) => ({ value, unit: api.parseUnit('CNY billion') })),
        fc.constantFrom('USD billion', 'USD million'),
        fc.record({
          base: fc.constant('USD'),
          quote: fc.constant('CNY'),
          rate: fc.double({ min: 5, max: 8, noNaN: true }),
          date: fc.constant('2021-07'),
          source: fc.constant('implied'),
        }),
      ),
    },
    formatQuantity: {
      args: tuple(
        fc.tuple(fc.double({ min: -1e12, max: 1e12, noNaN: true }), unit).map(([value, u]) => ({ value, unit: u })),
        fc.record({ locale, digits: fc.integer({ min: 1, max: 8 }), autoScale: fc.boolean() }, { requiredKeys: [] }),
      ),
    },
    interpolate: { args: tuple(seriesArb, fc.constantFrom('linear', 'geometric')) },
    InterpolationMethod: C,

    // growth
    cagr: { args: tuple(positive, positive, fc.integer({ min: 1, max: 40 })) },
    compound: { args: tuple(positive, rate, fc.integer({ min: 0, max: 40 })) },
    backcast: { args: tuple(positive, rate, fc.integer({ min: 0, max: 40 })) },
    requiredCagr: {
      args: tuple(
        fc.record({ year: fc.constant(2020), value: positive }),
        fc.record({ year: fc.integer({ min: 2021, max: 2035 }), value: positive }),
      ),
    },
    doublingTime: { args: one(fc.double({ min: 1e-3, max: 3, noNaN: true })) },
    yoyGrowth: { args: one(seriesArb) },
    logGrowth: { args: one(seriesArb) },
    averageGrowth: {
      args: seriesArb.chain((s) =>
        tuple(
          fc.constant(s),
          fc.record(
            { fromYear: fc.constantFrom(...s.years), toYear: fc.constantFrom(...s.years) },
            { requiredKeys: [] },
          ),
        ),
      ),
    },

    // targets
    Comparator: C,
    FactKind: C,
    meets: { args: tuple(positive, terms) },
    margin: { args: tuple(positive, terms) },
    statedPrecision: { args: one(fc.oneof(positive, fc.constantFrom(17.1, 3, 0.25, 1e-9))) },
    defaultAboutTolerance: C,
    checkConsistency: { args: one(fc.subarray([...fx.facts], { maxLength: 30 })) },
    factInterval: {
      args: one(terms),
      nonFinite: /^\[[01]\]$/,
      why: 'an open side of the interval is documented as -Infinity or Infinity (more than 3 is [3, Infinity])',
    },
    CheckStatus: C,
    describeFact: {
      args: one(
        fc.oneof(
          fact,
          terms.chain((t) => unit.map((u) => ({ ...t, unit: u }))),
        ),
      ),
    },
    formatPercent: {
      args: tuple(
        fc.double({ min: -1, max: 3, noNaN: true }),
        fc.record(
          { decimals: fc.integer({ min: 0, max: 4 }), fixed: fc.boolean(), digits: fc.integer({ min: 1, max: 6 }) },
          { requiredKeys: [] },
        ),
      ),
    },
    Locale: C,

    // model
    ShockDistribution: C,
    checkModel: { args: one(model) },
    simulateModel: {
      args: tuple(
        model.filter((m) => m.uncertainty !== undefined),
        fc.record(
          {
            paths: fc.integer({ min: 1, max: 300 }),
            seed: fc.nat(1000),
            scenario: fc.constantFrom('plan', 'low', 'high'),
            quantiles: fc.constant([0.1, 0.5, 0.9]),
          },
          { requiredKeys: ['paths', 'seed'] },
        ),
      ),
      weight: 0.3,
      why: 'a Monte Carlo run per call',
    },
    probabilityBasis: {
      args: model.chain((m) =>
        tuple(
          fc.constant(m),
          fc.constantFrom(...Object.keys(m.scenarios)),
          fc.constantFrom('none', ...m.targets.map((t) => t.id)),
        ),
      ),
    },
    modelReport: {
      args: tuple(
        model,
        fc.record(
          {
            paths: fc.integer({ min: 1, max: 300 }),
            seed: fc.nat(1000),
            locale,
            width: fc.integer({ min: 300, max: 900 }),
            observations: obsSet,
          },
          { requiredKeys: ['paths'] },
        ),
      ),
      weight: 0.15,
      bound: 5000,
      why: 'projects, simulates and builds eight chart specs per call: ~0.5 s; 5 s allows for a loaded machine',
    },
    modelSection: { args: one(fc.constantFrom(fx.modelReport, ...fx.reports)) },
    modelSummary: { args: one(fc.constantFrom(fx.modelReport, ...fx.reports)) },
    targetMarker: {
      args: model.chain((m) =>
        tuple(fc.constant(m), m.targets.length > 0 ? fc.constantFrom(...m.targets) : target, locale),
      ),
    },
    PLAN_PERIODS: C,
    industriesSection: {
      args: tuple(
        fc.constant(fx.comparison),
        fc.record({ locale, facts: fc.constant(fx.facts) }, { requiredKeys: [] }),
      ),
    },
    industriesSummary: { args: tuple(fc.constant(fx.comparison), locale) },

    // trajectory
    growthPath: {
      args: tuple(
        fc.oneof(
          rate.map((r) => ({ type: 'cagr', rate: r })),
          resolved(rate).map((r) => ({ type: 'cagr', rate: r })),
          positive.map((s) => ({ type: 'linear', slope: s })),
          fc.constant({ type: 'expression', expression: '0.2 - 0.01 * (t - t0)', assumption: 'fuzz' }),
        ),
        fc.record({ fromYear: fc.constant(2020), toYear: fc.integer({ min: 2021, max: 2030 }), base: positive }),
      ),
    },
    cagrPath: { args: one(fc.tuple(span, rate).map(([s, r]) => ({ ...s, rate: r }))) },
    phasesPath: {
      args: one(
        fc.tuple(span, rate, rate).map(([s, a, b]) => {
          const mid = s.fromYear + Math.ceil((s.toYear - s.fromYear) / 2);
          const phases =
            mid === s.toYear
              ? [{ fromYear: s.fromYear, toYear: s.toYear, rate: a }]
              : [
                  { fromYear: s.fromYear, toYear: mid, rate: a },
                  { fromYear: mid, toYear: s.toYear, rate: b },
                ];
          return { ...s, phases };
        }),
      ),
    },
    ratesPath: {
      args: one(
        span.chain((s) =>
          fc
            .array(rate, { minLength: s.toYear - s.fromYear, maxLength: s.toYear - s.fromYear })
            .map((rs) => ({ ...s, rates: rs.map((r, i) => ({ year: s.fromYear + 1 + i, rate: r })) })),
        ),
      ),
    },
    linearPath: {
      args: one(fc.tuple(span, fc.double({ min: -10, max: 100, noNaN: true })).map(([s, slope]) => ({ ...s, slope }))),
    },
    logisticPath: {
      args: one(
        fc
          .tuple(span, fc.double({ min: 0.01, max: 2, noNaN: true }), positive)
          .map(([s, r, cap]) => ({ ...s, rate: r, cap })),
      ),
    },
    anchorsPath: {
      args: one(span.chain((s) => positive.map((v) => ({ ...s, anchors: [{ year: s.toYear, value: v }] })))),
    },
    expressionPath: {
      args: one(
        fc
          .tuple(
            span,
            fc.constantFrom(
              '0.25 - 0.01 * (t - 2021)',
              '0.5 - 0.25 * (t - t0)',
              'max(0.05, 0.3 - 0.02 * (t - t0))',
              't > 2025 ? 0.1 : 0.2',
            ),
          )
          .map(([s, expression]) => ({ ...s, expression })),
      ),
    },
    pathToTarget: { args: one(fc.tuple(span, positive).map(([s, t]) => ({ ...s, target: t }))) },
    applyShocks: {
      args: path.chain((p) =>
        tuple(
          fc.constant(p),
          fc.array(
            fc.record({
              year: fc.integer({ min: (p.years[1] ?? 2100) as number, max: p.years[p.years.length - 1] as number }),
              size: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
            }),
            { maxLength: 3 },
          ),
        ),
      ),
    },
    applyBounds: {
      args: tuple(
        path,
        fc.record({ cap: positive, floor: fc.double({ min: 0, max: 1e-2, noNaN: true }) }, { requiredKeys: [] }),
      ),
    },
    compileExpression: {
      args: tuple(
        fc.constantFrom(
          '0.25 - 0.01 * (t - 2021)',
          'log(t) / 100',
          'sqrt(abs(t - 2020)) / 10',
          'min(t, 3) ^ 2',
          'pow(1.1, t - 2020) - 1',
        ),
        fc.record({ variables: fc.constantFrom(['t'], ['t', 't0']) }, { requiredKeys: [] }),
        fc.record({ t: year, t0: year }),
      ),
      // Compiled once, evaluated on the scope: both halves of the API.
      call: (f, [text, options, scope]) =>
        (f as typeof api.compileExpression)(text as string, options as never).evaluate(scope as never),
    },

    // scenario
    project: {
      args: model.chain((m) =>
        tuple(
          fc.constant(m),
          fc.record({ scenario: fc.constantFrom(...Object.keys(m.scenarios)) }, { requiredKeys: [] }),
        ),
      ),
    },
    projectAll: { args: one(model) },
    compareScenarios: {
      args: tuple(
        fc.subarray([...fx.projections], { minLength: 1 }),
        fc.record({ growth: fc.boolean() }, { requiredKeys: [] }),
      ),
    },
    gapToTarget: {
      args: tuple(
        projection,
        fc.constantFrom(...bd14.targets),
        fc.record({ fromYear: fc.integer({ min: 2020, max: 2024 }) }, { requiredKeys: [] }),
      ),
      nonFinite: /^fact\.(?!(value|year|fromYear)$)[^.[]+/,
      why: "the result's fact is the fact given, as given: a field of a hand-built fact that no function reads (an extra key) comes back with it; the fields the library reads are checked",
    },
    tornado: {
      args: model.chain((m) =>
        tuple(
          fc.constant(m),
          fc.record(
            {
              scenario: fc.constantFrom(...Object.keys(m.scenarios)),
              output: fc.constantFrom(...Object.keys(api.TornadoOutput)),
              swing: fc.record({ relative: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
    },
    TornadoOutput: C,
    modelParameters: { args: one(model) },
    binnedMeanChange: {
      args: one(
        fc.integer({ min: 2, max: 40 }).chain((n) =>
          fc.record({
            inputs: fc.record({
              x: fc.array(positive, { minLength: n, maxLength: n }),
              y: fc.array(rate, { minLength: n, maxLength: n }),
            }),
            output: fc.array(positive, { minLength: n, maxLength: n }),
            bins: fc.integer({ min: 1, max: 10 }),
          }),
        ),
      ),
    },

    // simulate
    rng: {
      args: tuple(fc.nat(2 ** 31), fc.nat(100), fc.integer({ min: 0, max: 64 })),
      // The generator and its draws: uniform, normal, and a fill into a buffer of the fuzzed length.
      call: (f, [seed, stream, n]) => {
        const r = (f as typeof api.rng)(seed as number, stream as number);
        const len = typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n < 1e7 ? n : 4;
        return [r.seed, r.stream, r.uniform(), r.normal(), ...r.fillNormal(new Float64Array(len))];
      },
    },
    simulate: { args: one(simOptions), weight: 0.5 },
    simulateSectors: {
      args: one(
        fc.record({
          baseYear: fc.constant(2020),
          toYear: fc.constant(2022),
          paths: fc.integer({ min: 1, max: 200 }),
          seed: fc.nat(1000),
          sectors: fc.constant([
            { id: 'a', baseValue: 1, growth: [0.1, 0.1], volatility: 0.05 },
            { id: 'b', baseValue: 2, growth: [0.05, 0.05], volatility: 0.02 },
          ]),
          correlation: fc.double({ min: -0.9, max: 0.9, noNaN: true }).map((r) => [
            [1, r],
            [r, 1],
          ]),
        }),
      ),
      weight: 0.5,
    },
    simulationToTidy: { args: one(fc.constantFrom(fx.monteCarlo, fx.sectorRun)) },
    quantiles: {
      args: tuple(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.array(fraction01(), { minLength: 1, maxLength: 5 }),
      ),
    },

    // forecast
    naive: forecastMethodSpec(api.naive),
    drift: forecastMethodSpec(api.drift),
    mean: forecastMethodSpec(api.mean),
    ses: forecastMethodSpec(api.ses, 0.5),
    holt: forecastMethodSpec(api.holt, 0.5),
    damped: forecastMethodSpec(api.damped, 0.5),
    ets: forecastMethodSpec(api.ets, 0.3),
    theta: forecastMethodSpec(api.theta, 0.5),
    logTrend: forecastMethodSpec(api.logTrend),
    comb: forecastMethodSpec(api.comb, 0.3),
    arima: forecastMethodSpec(api.arima, 0.3),
    dotm: forecastMethodSpec(api.dotm, 0.5),
    defaultMethod: forecastMethodSpec(api.defaultMethod, 0.2),
    forecastMethods: C,
    etsModel: {
      args: tuple(
        fc.record({ error: fc.constantFrom('A', 'M'), trend: fc.constantFrom('N', 'A', 'Ad') }),
        forecastSeries,
      ),
      call: (f, [options, s]) => {
        const m = (f as typeof api.etsModel)(options as never);
        const fit = m.fit(s as Series);
        return m.forecast(fit, (fit.years[fit.years.length - 1] as number) + 2);
      },
      weight: 0.5,
    },
    combination: {
      methods: {
        make: {
          args: tuple(
            fc.constantFrom(
              [api.theta, api.drift],
              [api.naive, api.mean],
              [api.damped],
              [api.naive, api.drift, api.mean],
            ),
            fc.record(
              { name: fc.constantFrom('my-comb', 'c'), average: fc.constantFrom('mean', 'trimmed', 'median') },
              { requiredKeys: [] },
            ),
            forecastSeries,
          ),
          call: (f, [methods, options, s]) => {
            const m = (f as typeof api.combination)(methods as never, options as never);
            const fit = m.fit(s as Series);
            return m.forecast(fit, (fit.years[fit.years.length - 1] as number) + 2);
          },
          weight: 0.3,
        },
        ...prefixed('theta+drift', forecastMethodSpec(thetaDrift, 0.3, true).methods),
      },
    },
    calibrate: {
      methods: {
        make: {
          args: tuple(
            fc.constantFrom(api.naive, api.drift, api.logTrend),
            fc.record(
              {
                errors: fc.constantFrom('log', 'absolute', 'auto'),
                maxHorizon: fc.integer({ min: 1, max: 5 }),
                minErrors: fc.integer({ min: 1, max: 10 }),
              },
              { requiredKeys: [] },
            ),
            forecastSeries,
          ),
          call: (f, [m, options, s]) => {
            const cal = (f as typeof api.calibrate)(m as never, options as never);
            const fit = cal.fit(s as Series);
            return cal.forecast(fit, (fit.years[fit.years.length - 1] as number) + 3);
          },
          weight: 0.3,
        },
        ...prefixed('calibrate(logTrend)', forecastMethodSpec(calLogTrend, 0.5, true).methods),
      },
    },
    CalibrationErrors: C,
    CombinationAverage: C,
    forecast: {
      args: forecastSeries.chain((s) =>
        tuple(
          fc.constant(s),
          fc.integer({
            min: (s.years[s.years.length - 1] as number) + 1,
            max: (s.years[s.years.length - 1] as number) + 8,
          }),
          fc.record(
            {
              method: fc.constantFrom('naive', 'drift', 'theta', api.logTrend),
              levels: fc.array(level, { minLength: 1, maxLength: 2 }),
              lambda: fc.oneof(fc.constant('auto'), fc.double({ min: -1, max: 2, noNaN: true })),
              biasadj: fc.boolean(),
              fill: fc.constantFrom('linear', 'log'),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
      weight: 0.3,
    },
    me: { args: actualPredicted },
    mae: { args: actualPredicted },
    rmse: { args: actualPredicted },
    mape: { args: actualPredicted },
    smape: { args: actualPredicted },
    mase: { args: actualPredicted.chain((ap) => history.map((h) => [...ap, { history: h }])) },
    owa: {
      args: tuple(fc.record({ smape: positive, mase: positive }), fc.record({ smape: positive, mase: positive })),
    },
    coverage: { args: interval },
    winkler: { args: interval.chain((i) => level.map((l) => [...i, { level: l }])) },
    msis: { args: fc.tuple(interval, history, level).map(([i, h, l]) => [...i, { history: h, level: l }]) },
    accuracy: { args: fc.tuple(actualPredicted, history).map(([[a, p], h]) => [a, p, { history: h }]) },
    backtest: {
      args: tuple(
        forecastSeries,
        fc.constantFrom(api.naive, api.drift, api.mean),
        fc.record(
          {
            horizon: fc.integer({ min: 1, max: 3 }),
            initial: fc.integer({ min: 2, max: 5 }),
            step: fc.integer({ min: 1, max: 2 }),
            levels: fc.constant([0.8]),
          },
          { requiredKeys: ['horizon'] },
        ),
      ),
      weight: 0.5,
    },
    forecastMany: {
      args: tuple(
        fc
          .array(forecastSeries, { minLength: 1, maxLength: 3 })
          .map((ss) => ss.flatMap((s, k) => s.years.map((y, i) => ({ id: `s${k}`, year: y, value: s.values[i] })))),
        fc.constantFrom(api.naive, api.drift, api.theta),
        fc.record(
          {
            horizon: fc.integer({ min: 1, max: 4 }),
            levels: fc.constant([0.8, 0.95]),
            fill: fc.constantFrom('linear', 'log'),
          },
          { requiredKeys: ['horizon'] },
        ),
      ),
      weight: 0.5,
      bound: 5000,
      why: 'a table of a million rows is grouped, sorted and checked in about a second on an idle machine: 5 s allows for a loaded one',
    },

    // decompose
    DecompositionMeasure: C,
    RESIDUAL_SECTOR: C,
    TOTAL_SECTOR: C,
    panel: {
      args: one(
        yearsAndValues(1, 6).chain(({ years, values }) =>
          fc
            .array(fc.array(positive, { minLength: years.length, maxLength: years.length }), {
              minLength: 1,
              maxLength: 3,
            })
            .map((rows) => ({
              sectors: [values, ...rows].map((v, i) =>
                api.series({ id: `s${i}`, unit: 'CNY billion', years, values: v }),
              ),
            })),
        ),
      ),
    },
    panelFromRows: {
      args: tuple(
        yearsAndValues(1, 5).map(({ years, values }) => [
          ...years.map((y, i) => ({ id: 'a', year: String(y), value: String(values[i]) })),
          ...years.map((y, i) => ({ id: 'b', year: y, value: values[i] })),
        ]),
        fc.record({ unit: levelUnit, totalId: fc.constantFrom('total', 'b') }, { requiredKeys: ['unit'] }),
      ),
    },
    shares: { args: one(panelArb) },
    contributions: { args: one(panelArb) },
    spanContributions: {
      args: tuple(panelArb, fc.record({ method: fc.constantFrom('simple', 'chained') }, { requiredKeys: [] })),
    },
    SpanMethod: C,
    totalCagrFromSectors: {
      args: tuple(
        fc.array(fc.tuple(fraction01(), rate), { minLength: 1, maxLength: 4 }).map((xs) => {
          const sum = xs.reduce((a, [s]) => a + s, 0) || 1;
          return xs.map(([s, r], i) => ({ id: `s${i}`, share: s / sum, rate: r }));
        }),
        fc.integer({ min: 1, max: 20 }),
      ),
    },
    requiredSectorCagr: {
      args: one(
        fc.tuple(fraction01(), rate, rate, fc.integer({ min: 1, max: 10 })).map(([s, r, t, years]) => ({
          sectors: [
            { id: 'a', share: s, rate: r },
            { id: 'b', share: 1 - s },
          ],
          sector: 'b',
          targetCagr: t,
          years,
        })),
      ),
    },
    shiftShare: {
      args: one(
        fc
          .tuple(fc.array(positive, { minLength: 2, maxLength: 2 }), fc.array(positive, { minLength: 2, maxLength: 2 }))
          .map(([b, e]) => ({
            regions: ['r'],
            sectors: ['a', 'b'],
            fromYear: 2020,
            toYear: 2021,
            base: [b],
            end: [e],
            reference: { base: [100, 100], end: [120, 100] },
          })),
      ),
    },
    ShiftShareEffect: C,
    dynamicShiftShare: {
      args: one(
        fc.array(positive, { minLength: 4, maxLength: 4 }).map(([a, b, c, d]) => ({
          regions: ['r'],
          sectors: ['a', 'b'],
          years: [2020, 2021],
          values: [
            [
              [a, b],
              [c, d],
            ],
          ],
          reference: [
            [100, 120],
            [100, 100],
          ],
        })),
      ),
    },
    reconcile: {
      args: tuple(
        panelArb.filter((p) => 'total' in p),
        fc.record({ method: fc.constantFrom(...Object.keys(api.ReconcileMethod)) }),
      ),
    },
    ReconcileMethod: C,
    historicalProportions: {
      args: tuple(
        panelArb,
        fc.record({ method: fc.constantFrom('averageShares', 'shareOfAverages') }, { requiredKeys: [] }),
      ),
    },
    ProportionsMethod: C,
    incoherence: {
      args: tuple(
        panelArb,
        fc.record({ tolerance: fc.double({ min: 0, max: 0.2, noNaN: true }) }, { requiredKeys: [] }),
      ),
    },
    contributionQuantiles: {
      args: one(
        fc.integer({ min: 1, max: 20 }).chain((n) =>
          fc
            .tuple(
              fc.array(positive, { minLength: n, maxLength: n }),
              fc.array(positive, { minLength: n, maxLength: n }),
              fc.array(positive, { minLength: n, maxLength: n }),
              fc.array(positive, { minLength: n, maxLength: n }),
            )
            .map(([a0, b0, a1, b1]) => ({
              sectors: ['a', 'b'],
              fromYear: 2020,
              toYear: 2025,
              base: [a0, b0],
              end: [a1, b1],
              probabilities: [0.1, 0.5, 0.9],
            })),
        ),
      ),
    },
    decomposeModel: { args: one(fc.constantFrom(...fx.models.filter((m) => m.sectors.length > 0), bd14)) },
    compareIndustries: {
      args: tuple(
        fc.subarray([...fx.facts], { maxLength: 40 }),
        fc.record(
          { unit: fc.constantFrom('CNY trillion', 'CNY billion'), deriveFromRates: fc.boolean() },
          { requiredKeys: [] },
        ),
      ),
      nonFinite: /^levels\[\d+\]\.range\[[01]\]$|^growth\[\d+\]\.impliedCagrRange\[[01]\]$/,
      why: 'a level whose wording is one-sided has an open end of its range, documented as ±Infinity',
    },

    // charts
    PALETTE: C,
    DASHES: C,
    trajectoryChart: {
      args: tuple(
        fc.record(
          {
            rows: valueRows,
            targets: fc.array(marker, { maxLength: 2 }),
            actuals: fc.array(fc.record({ year: year, value: positive }), { maxLength: 3 }),
            periods: fc.constant(api.PLAN_PERIODS),
          },
          { requiredKeys: ['rows'] },
        ),
        chartOptions,
      ),
    },
    fanChart: {
      args: tuple(
        fc.record({
          bands: fc.array(
            fc
              .tuple(fc.integer({ min: 2021, max: 2025 }), positive, positive, level)
              .map(([y, a, b, l]) => ({ year: y, lower: Math.min(a, b), upper: Math.max(a, b), level: l })),
            { minLength: 1, maxLength: 6 },
          ),
          median: fc.array(fc.record({ year: fc.integer({ min: 2021, max: 2025 }), value: positive }), {
            minLength: 1,
            maxLength: 5,
          }),
          targets: fc.array(marker, { maxLength: 1 }),
        }),
        chartOptions,
      ),
    },
    scenarioComparisonChart: {
      args: tuple(
        fc.record({ rows: valueRows, targets: fc.array(marker, { maxLength: 1 }) }, { requiredKeys: ['rows'] }),
        chartOptions.map((o) => ({ ...o, facetAbove: 3 })),
      ),
    },
    stackedAreaChart: {
      args: tuple(
        fc.array(
          fc.record({
            sector: fc.constantFrom('a', 'b', 'c'),
            year: fc.integer({ min: 2020, max: 2024 }),
            value: positive,
          }),
          { minLength: 1, maxLength: 10 },
        ),
        chartOptions.chain((o) => fc.constantFrom('level', 'share').map((mode) => ({ ...o, mode }))),
      ),
    },
    contributionChart: {
      args: tuple(
        fc.record({
          rows: fc.array(
            fc.record({
              sector: fc.constantFrom('cloud', 'data'),
              year: fc.integer({ min: 2021, max: 2024 }),
              contribution: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
            }),
            { minLength: 1, maxLength: 8 },
          ),
        }),
        chartOptions,
      ),
    },
    waterfallChart: {
      args: tuple(
        fc.record({
          baseYear: fc.constant(2020),
          baseValue: positive,
          targetYear: fc.constant(2025),
          changes: fc.array(
            fc.record({
              sector: fc.constantFrom('cloud', 'data', 'ai'),
              change: fc.double({ min: -1, max: 5, noNaN: true }),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        chartOptions,
      ),
    },
    tornadoChart: {
      args: tuple(
        fc.record({
          base: positive,
          rows: fc.array(
            fc
              .tuple(fc.constantFrom('CAGR', 'base', 'volatility'), positive, positive)
              .map(([p, a, b]) => ({ parameter: p, low: Math.min(a, b), high: Math.max(a, b) })),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        chartOptions,
      ),
    },
    distributionChart: {
      args: tuple(
        fc.record(
          {
            values: fc.array(positive, { minLength: 1, maxLength: 100 }),
            year: fc.constant(2025),
            target: marker,
            probability: fraction01(),
          },
          { requiredKeys: ['values', 'year'] },
        ),
        chartOptions.chain((o) =>
          fc
            .record(
              { kind: fc.constantFrom('histogram', 'cdf'), bins: fc.integer({ min: 1, max: 50 }) },
              { requiredKeys: [] },
            )
            .map((k) => ({ ...o, ...k })),
        ),
      ),
    },
    forecastChart: {
      args: tuple(
        fc.record(
          {
            history: fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2021 }), value: positive }), {
              minLength: 1,
              maxLength: 6,
            }),
            forecasts: valueRows.map((rs) => rs.map((r) => ({ ...r, year: r.year + 2 }))),
            targets: fc.array(marker, { maxLength: 1 }),
          },
          { requiredKeys: ['history', 'forecasts'] },
        ),
        chartOptions,
      ),
    },
    accuracyChart: {
      args: tuple(
        fc.array(
          fc.record({
            method: fc.constantFrom('drift', 'naive', 'theta'),
            metric: fc.constantFrom('OWA', 'MASE', 'sMAPE'),
            value: positive,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.record(
          { locale, title: fc.constant('Accuracy'), references: fc.constant({ OWA: 1 }) },
          { requiredKeys: [] },
        ),
      ),
    },
    validateSpec: { args: one(chartSpec) },
    toSvg: {
      args: tuple(chartSpec, fc.record({ validate: fc.boolean() }, { requiredKeys: [] })),
      weight: 0.1,
      quotes: VEGA_QUOTE,
      bound: 5000,
      why: `${RENDER_WHY}; a spec vega cannot draw is refused with vega's own words quoted`,
    },
    toPng: {
      args: tuple(chartSpec, fc.record({ scale: fc.double({ min: 0.5, max: 3, noNaN: true }) }, { requiredKeys: [] })),
      weight: 0.1,
      quotes: VEGA_QUOTE,
      bound: 5000,
      why: `${RENDER_WHY}; a spec vega cannot draw is refused with vega's own words quoted`,
    },
    svgToPng: {
      args: tuple(
        fc.constantFrom(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
          '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="1" y="10">营业收入 3.05</text></svg>',
        ),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
      ),
      weight: 0.3,
    },
    reportHtml: {
      args: one(fc.constant(fx.report)),
      weight: 0.5,
      checkText: false,
      why: 'the page inlines vega, whose minified code has "undefined" and "isNaN" in it',
    },
    writeReport: {
      args: tuple(
        fc.constantFrom('fuzz-report', 'nested/fuzz-report'),
        fc.constant(fx.report),
        fc.record(
          { scale: fc.constantFrom(1, 2), chartFiles: fc.boolean(), png: fc.constantFrom(true, false, 'auto') },
          { requiredKeys: [] },
        ),
      ),
      call: (f, [dir, ...rest]) => (f as (...a: unknown[]) => unknown)(contained(dir), ...rest),
      weight: 0.1,
      bound: 5000,
      why: `${RENDER_WHY}; relative folders land in the fuzz's temporary working folder, never above it`,
    },
    toMimeBundle: {
      args: one(chartSpec),
      weight: 0.1,
      quotes: VEGA_QUOTE,
      bound: 5000,
      why: `${RENDER_WHY}; a spec vega cannot draw is refused with vega's own words quoted`,
    },

    // io
    parseModel: {
      args: tuple(
        fc.constantFrom(
          ...['big-data-14th-fyp', 'cybersecurity-2021-2023', 'big-data-sectors-example'].map((id) =>
            JSON.parse(JSON.stringify(rawModel(id))),
          ),
        ),
        fc.constantFrom('my.model.json', 'models/x.model.json'),
        fc.constant(fx.facts),
      ),
    },
    loadModel: {
      args: tuple(
        fc.constantFrom(...fx.models.map((m) => m.id), 'models/big-data-14th-fyp.model.json', badJson, jsonFile),
        fc.record({ cwd: fc.constant(repo) }, { requiredKeys: [] }),
      ),
      call: (f, [id, ...rest]) => (f as (...a: unknown[]) => unknown)(contained(id), ...rest),
    },
    listModels: { args: one(fc.record({ cwd: fc.constantFrom(repo, tmp) }, { requiredKeys: [] })) },
    parseFacts: {
      args: tuple(
        fc.record({
          document: fc.constant({ id: '004', file: '004.txt', title: 'Cybersecurity plan', publisher: 'Global Times' }),
          facts: fc.tuple(positive, comparator).map(([v, c]) => [
            {
              id: 'cyber.revenue-2023',
              metric: 'cybersecurity.revenue',
              year: 2023,
              value: v,
              unit: 'CNY billion',
              comparator: c,
              kind: 'target',
              section: 'paragraph 2',
              quote: 'the scale of the cybersecurity industry is expected to exceed 250 billion yuan',
            },
          ]),
        }),
        fc.constant('example.facts.json'),
      ),
    },
    loadSeeds: {
      args: one(fc.record({ dir: fc.constantFrom(tmp) }, { requiredKeys: [] })),
      call: (f, [o]) => (f as (a: unknown) => unknown)(o),
    },
    factById: {
      args: tuple(
        fc.constant(fx.facts),
        fc.constantFrom(...fx.facts.slice(0, 20).map((f) => f.id), 'bd14.revenue-2021'),
      ),
    },
    parseObservations: {
      args: tuple(
        positive.map((v) => ({
          definitions: [
            {
              id: 'x.miit',
              label: 'x, MIIT',
              metric: 'x.revenue',
              body: 'MIIT',
              planDefinition: true,
              note: 'the plan measure',
            },
          ],
          observations: [
            {
              id: 'obs.x-2022',
              definition: 'x.miit',
              year: 2022,
              value: v,
              unit: 'CNY trillion',
              comparator: 'equals',
              kind: 'actual',
              statement: 'x was 1.57 trillion in 2022.',
              source: { publisher: 'A paper', published: '2023-02-22', title: 'X grows', url: 'https://example.org/x' },
            },
          ],
        })),
        fc.constant('example.observations.json'),
      ),
    },
    loadObservations: {
      args: one(fc.constantFrom(undefined, tmp)),
      call: (f, [d]) => (f as (a: unknown) => unknown)(contained(d)),
    },
    bridgeValue: { args: tuple(observation, definitionId, obsSet) },
    scoreTarget: {
      args: tuple(
        target,
        obsSet,
        fc.record(
          { asOf: fc.integer({ min: 2018, max: 2026 }), planRate: fc.double({ min: 0, max: 0.5, noNaN: true }) },
          { requiredKeys: ['asOf'] },
        ),
      ),
    },
    nowcast: {
      args: one(
        fc.record(
          {
            from: fc.record({
              year: fc.constant(2022),
              value: positive,
              observation: fc.constant('obs.big-data.miit-2022'),
            }),
            target: fc.record({ year: fc.integer({ min: 2023, max: 2030 }), value: positive }),
            rate: fc.double({ min: -0.3, max: 0.6, noNaN: true }),
            rateSource: fc.constant('observed 2022 growth'),
            volatility: fc.double({ min: 0, max: 0.3, noNaN: true }),
            paths: fc.integer({ min: 1, max: 500 }),
            seed: fc.nat(100),
          },
          { requiredKeys: ['from', 'target', 'rate', 'rateSource', 'volatility'] },
        ),
      ),
    },
    parseSeriesCsv: {
      args: tuple(
        fc.constantFrom(
          'id,year,value\nx,2020,1.5\n',
          'year,a,b\n2020,1,2\n2021,NA,3\n',
          'series,t,value\n"a,b",2020,1\n',
        ),
        fc.record(
          { file: fc.constant('x.csv'), layout: fc.constantFrom('long', 'wide', 'auto') },
          { requiredKeys: [] },
        ),
      ),
    },
    parsePanelCsv: {
      args: tuple(
        fc.constantFrom(
          'id,year,value,unit\na,2020,1,CNY billion\na,2021,2,CNY billion\nb,2020,3,CNY billion\nb,2021,3,CNY billion\n',
          'id,year,value\na,2020,1\nb,2020,2\ntotal,2020,3.5\n',
          'id,year,value\na,2020,1\na,2021,x\n',
        ),
        fc.record({ file: fc.constant('panel.csv'), unit: levelUnit }, { requiredKeys: [] }),
      ),
    },
    readSeriesCsv: {
      args: tuple(
        fc.constantFrom(csvFile, jsonFile),
        fc.record({ layout: fc.constantFrom('long', 'auto') }, { requiredKeys: [] }),
      ),
      call: (f, [p, o]) => (f as (...a: unknown[]) => unknown)(contained(p), o),
    },
    CsvLayout: C,

    // since main's merge: as-of models, scorecards, manifests, wording
    modelAsOf: {
      args: tuple(
        fc.constantFrom(bd14, ...fx.models),
        fc.integer({ min: 2018, max: 2026 }),
        fc.record({ observations: obsSet }, { requiredKeys: [] }),
      ),
    },
    planScorecard: {
      args: tuple(
        fc.subarray([...fx.models], { minLength: 1, maxLength: 2 }),
        obsSet,
        fc.record(
          { asOf: fc.integer({ min: 2019, max: 2025 }), paths: fc.integer({ min: 100, max: 500 }), seed: fc.nat(100) },
          { requiredKeys: ['asOf'] },
        ),
      ),
      weight: 0.2,
      why: 'simulates each model once per call',
    },
    probabilityRestsOn: {
      args: model.chain((m) =>
        tuple(
          fc.constant(m),
          fc.constantFrom(...Object.keys(m.scenarios)),
          fc.constantFrom('none', ...m.targets.map((t) => t.id)),
        ),
      ),
    },
    parseQuantity: {
      args: one(
        fc.constantFrom(
          '3.05万亿元',
          'RMB 3 trillion',
          '250 billion yuan',
          '$38.6 billion',
          '25%',
          '1.57 CNY trillion',
        ),
      ),
    },
    parseWording: {
      args: one(
        fc.constantFrom('超过2500亿元', '近300', 'more than 3 trillion', 'about 25%', 'at least 10', '3万亿元以上'),
      ),
    },

    // since main's merges of forecast (Box-Cox, levels, quantiles, scores) and report (document, xlsx, PDF)
    CHROMIUM: C,
    FillMethod: C,
    COMPOUNDING_NOTE: C,
    ScorecardStatus: C,
    boxCox: {
      args: tuple(fc.array(positive, { maxLength: 12 }), fc.double({ min: -1, max: 2, noNaN: true })),
    },
    invBoxCox: {
      args: fc
        .tuple(
          fc.array(fc.double({ min: -3, max: 8, noNaN: true }), { maxLength: 8 }),
          fc.double({ min: -1, max: 2, noNaN: true }),
        )
        .chain(([values, lambda]) =>
          fc.oneof(
            fc.constant([values, lambda]),
            fc
              .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: values.length, maxLength: values.length })
              .map((fvar) => [values, lambda, fvar]),
          ),
        ),
    },
    boxCoxLambda: {
      args: tuple(
        fc.array(positive, { maxLength: 16 }),
        fc.record(
          { lower: fc.double({ min: -1, max: 0, noNaN: true }), upper: fc.double({ min: 0.5, max: 2, noNaN: true }) },
          { requiredKeys: [] },
        ),
      ),
    },
    calibrationOrigins: {
      args: tuple(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
      ),
    },
    crps: {
      args: fc.integer({ min: 1, max: 6 }).chain((n) =>
        tuple(
          fc.array(positive, { minLength: n, maxLength: n }),
          fc.oneof(
            fc.record({
              mean: fc.array(positive, { minLength: n, maxLength: n }),
              sd: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
            }),
            fc.integer({ min: 1, max: 5 }).chain((k) =>
              fc.record({
                probs: fc.constant(api.crpsProbs(k)),
                values: fc.array(fc.array(positive, { minLength: n, maxLength: n }), { minLength: k, maxLength: k }),
              }),
            ),
          ),
        ),
      ),
    },
    crpsProbs: { args: fc.oneof(fc.constant([]), one(fc.integer({ min: 1, max: 2000 }))) },
    pinball: { args: actualPredicted.chain((ap) => fraction01().map((p) => [...ap, p])) },
    forecastQuantiles: {
      args: fittedArb([api.naive, api.drift, api.theta, logDrift, calLogTrend]).chain(([m, s, f]) =>
        tuple(
          fc.constant(m),
          fc.constant(f),
          fc.integer({ min: last(s) + 1, max: last(s) + 6 }),
          fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: 1, maxLength: 5 }),
        ),
      ),
      weight: 0.5,
    },
    samplePaths: {
      args: fittedArb([api.naive, api.drift, logDrift, calLogTrend, api.comb]).chain(([m, s, f]) =>
        tuple(
          fc.constant(m),
          fc.constant(f),
          fc.integer({ min: last(s) + 1, max: last(s) + 6 }),
          fc.record({ paths: fc.integer({ min: 1, max: 200 }), seed: fc.nat(1000) }),
        ),
      ),
      weight: 0.5,
    },
    withBoxCox: {
      methods: {
        make: {
          args: tuple(
            fc.constantFrom(api.naive, api.drift, api.theta, api.logTrend, api.damped),
            fc.record(
              {
                lambda: fc.oneof(fc.constant('auto'), fc.double({ min: -1, max: 2, noNaN: true })),
                biasadj: fc.boolean(),
              },
              { requiredKeys: [] },
            ),
            forecastSeries,
          ),
          call: (f, [m, options, s]) => {
            const bc = (f as typeof api.withBoxCox)(m as never, options as never);
            const fit = bc.fit(s as Series);
            return bc.forecast(fit, (fit.years[fit.years.length - 1] as number) + 3, { levels: [0.8, 0.95] });
          },
          weight: 0.3,
        },
        ...prefixed('log(drift)', forecastMethodSpec(logDrift, 0.5, true).methods),
      },
    },
    formatQuantities: {
      args: tuple(
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 6 }),
        fc.oneof(unitText, unit),
        fc.record({ locale, digits: fc.integer({ min: 1, max: 6 }), signed: fc.boolean() }, { requiredKeys: [] }),
      ),
    },
    htmlToPdf: {
      args: tuple(
        fc.constantFrom('<html><body data-ready="true"><p>Hello 你好</p></body></html>'),
        fc.record({ timeout: fc.constant(20_000) }, { requiredKeys: [] }),
      ),
      weight: 0.03,
      maxRuns: process.env['FUZZ_RUNS'] === undefined ? 2 : 6,
      warmUp: false,
      bound: 20_000,
      hugeArrays: false,
      why: 'launches headless Chromium per call (~1.5 s, more on a loaded machine): two calls and no warm-up in npm test (test/render prints real reports), six in a longer run, a 20 s bound; it takes no arrays',
    },
    toDisplayable: { args: one(chartSpec) },
    markdown: { args: one(fc.constantFrom('**P = 60%**', '# 标题', '')) },
    planOutcomes: {
      args: tuple(
        fc.subarray([...fx.reports], { minLength: 1 }),
        obsSet,
        fc.record(
          { asOf: fc.integer({ min: 2019, max: 2026 }), paths: fc.integer({ min: 100, max: 500 }), seed: fc.nat(100) },
          { requiredKeys: [] },
        ),
      ),
      weight: 0.3,
      why: 'two nowcasts (a Monte Carlo run each) per open target',
    },
    plansSection: {
      args: tuple(
        fc.subarray([...fx.outcomes], { minLength: 1 }),
        fc.record(
          {
            locale,
            asOf: fc.integer({ min: 2019, max: 2026 }),
            width: fc.integer({ min: 300, max: 900 }),
            set: obsSet,
          },
          { requiredKeys: ['asOf'] },
        ),
      ),
    },
    planKeyFigures: { args: tuple(fc.subarray([...fx.outcomes]), locale) },
    plansSummary: { args: tuple(fc.subarray([...fx.outcomes]), fc.integer({ min: 2019, max: 2026 }), locale) },
    reportTitle: { args: tuple(fc.subarray([...fx.models], { minLength: 1 }), locale) },
    scorecardChart: {
      args: tuple(
        fc.uniqueArray(
          fc.record(
            {
              target: fc.constantFrom(
                'More than RMB 3 trillion in 2025',
                'RMB 250 billion in 2023',
                '网络安全产业规模超过2500亿元',
              ),
              targetValue: positive,
              status: fc.constantFrom(...Object.keys(api.ScorecardStatus)),
              observed: fc.record(
                {
                  year,
                  value: positive,
                  floor: fc.boolean(),
                  text: fc.constantFrom('RMB 1.57 trillion in 2022', '2022年1.57万亿元'),
                },
                { requiredKeys: ['year', 'value', 'text'] },
              ),
              note: fc.constant('needs 24.1 % a year'),
            },
            { requiredKeys: ['target', 'targetValue', 'status'] },
          ),
          { minLength: 1, maxLength: 3, selector: (r) => r.target },
        ),
        fc.record(
          {
            locale,
            width: fc.integer({ min: 300, max: 900 }),
            title: fc.constant('How the plans did'),
            source: fc.constant('Sources: MIIT'),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    toXlsx: {
      args: one(
        fc.array(
          fc.record(
            {
              name: fc.constantFrom('Scenarios', 'a/b:c*?', '情景', 'A very long sheet name that Excel would refuse'),
              title: fc.constant('What the table is'),
              columns: fc.constant(['Scenario', { name: 'CAGR', unit: '%', format: 'percent', decimals: 1 }]),
              rows: fc.array(
                fc.tuple(fc.constantFrom('plan', 'low', '=cmd'), fc.double({ min: -1, max: 2, noNaN: true })),
                { maxLength: 5 },
              ),
            },
            { requiredKeys: ['name', 'columns', 'rows'] },
          ),
          { minLength: 1, maxLength: 3 },
        ),
      ),
      weight: 0.3,
      why: 'exceljs builds a zip per call (~20 ms)',
    },
    readXlsx: {
      args: tuple(
        fc.constantFrom(xlsxFile, csvFile, join(tmp, 'missing.xlsx')),
        fc.record({ sheet: fc.constantFrom('Scenarios', 'Nope') }, { requiredKeys: [] }),
      ),
      call: (f, [p, o]) => (f as (...a: unknown[]) => unknown)(contained(p), o),
      weight: 0.3,
    },
  };
  return specs;
}

/** A built-in model file as parsed JSON (the input parseModel takes). */
function rawModel(id: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../models/${id}.model.json`, import.meta.url), 'utf8'));
}

function fraction01(): fc.Arbitrary<number> {
  return fc.double({ min: 0, max: 1, noNaN: true });
}
