// Automatic ARIMA: worked examples against R, closed forms, the pieces (KPSS, ndiffs, roots), the
// agreement with R on all M3 yearly series, errors and properties.
//
// R's numbers come from R 4.2.2 with forecast 8.20 and urca 1.3.3. The M3 yearly ones are in
// test/forecast/fixtures/arima-m3-r.csv, made from the repository root with
//   Rscript bench/arima-r.R train=../shared/benchmarks/m3-yearly/train.csv out=test/forecast/fixtures/arima-m3-r.csv
// (auto.arima(ts(x)) then forecast(fit, h = 6, level = 95) for each series; the values below are copied
// from it). The M3 series are Makridakis & Hibon (2000), via the Mcomp R package (see the benchmark README).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arima } from '../../src/forecast/arima.js';
import { drift } from '../../src/forecast/drift.js';
import { fitArimaModel, kalmanForecast } from '../../src/forecast/internal/arimaEngine.js';
import {
  differencesNeeded,
  isAlmostConstant,
  kpssPValue,
  kpssStatistic,
} from '../../src/forecast/internal/autoArimaSearch.js';
import { minRootModulus, polyRoots } from '../../src/forecast/internal/polyRoots.js';
import { forecastMethods } from '../../src/forecast/methods.js';
import { series } from '../../src/series/series.js';
import { rng } from '../../src/random/rng.js';
import { relClose, thrown } from '../helpers/thrown.js';
import { runWithShared } from '../helpers/sharedData.js';

const mk = (values: readonly number[], from = 1990) =>
  series({ id: 's', unit: 'count', years: values.map((_, i) => from + i), values });

function expectClose(got: readonly number[], want: readonly number[], tol: number, what = ''): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    if (!relClose(g, want[i]!, tol))
      expect.fail(`${what}[${i}]: got ${g}, R gives ${want[i]} (relative tolerance ${tol})`);
  });
}

interface Worked {
  readonly id: string;
  readonly values: readonly number[];
  readonly model: string;
  readonly params: Readonly<Record<string, number>>;
  readonly mean: readonly number[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

// From test/forecast/fixtures/arima-m3-r.csv (R's auto.arima and forecast, 95 % bounds).
const WORKED: readonly Worked[] = [
  {
    id: 'Y1',
    values: [
      940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63,
      4387.88, 4936.99,
    ],
    model: 'ARIMA(0,2,0)',
    params: {},
    mean: [5486.1, 6035.21, 6584.32, 7133.43, 7682.54, 8231.65],
    lo: [5298.75572828, 5616.29547324, 5883.34192185, 6107.3031636, 6293.15769551, 6444.49955046],
    hi: [5673.44427172, 6454.12452676, 7285.29807815, 8159.5568364, 9071.92230449, 10018.8004495],
  },
  {
    id: 'Y148',
    values: [
      5076.36, 5327.82, 5097.22, 5166.54, 5261.9, 5376.81, 4953.8, 5265.8, 4622.31, 4518.16, 4258.75, 4176.04, 3866.36,
      3551.47, 3312.32, 3454.33, 3245.4, 3146.95, 3055.64, 2983.62, 2843.97, 2852, 2631.83, 2309.99, 1996.3,
    ],
    model: 'ARIMA(1,1,1) with drift',
    params: { ar1: -0.975834598371, ma1: 0.845861629655, drift: -130.342031435 },
    mean: [1920.63527026, 1736.93723608, 1658.66183815, 1477.51138432, 1396.74996935, 1218.02545696],
    lo: [1527.25335254, 1215.52329433, 1006.24253554, 740.218219872, 562.209397044, 315.141998345],
    hi: [2314.01718798, 2258.35117784, 2311.08114076, 2214.80454877, 2231.29054165, 2120.90891558],
  },
  {
    id: 'Y155',
    values: [
      2086, 2404, 2324, 1346, 1868, 2078, 1634, 1656, 1762, 1772, 1824, 1996, 1822, 2560, 1596, 1950, 1826, 1792, 2378,
      2200, 1698, 2780, 2196, 2004, 1958, 1532, 2580, 7216, 7996, 6334, 4598, 6032, 7150, 9114, 6856, 4050, 3654,
    ],
    model: 'ARIMA(2,1,2) with drift',
    params: {
      ar1: 0.745190084049,
      ar2: -0.924848449142,
      ma1: -0.654658654838,
      ma2: 0.555206943663,
      drift: 99.5884613983,
    },
    mean: [5718.47604603, 7528.88863734, 7086.14304051, 5199.33649618, 4320.25990896, 5527.67122097],
    lo: [3683.6188725, 4518.08464405, 3674.64000875, 1651.07610041, 612.478638438, 1435.3345429],
    hi: [7753.33321956, 10539.6926306, 10497.6460723, 8747.59689194, 8028.04117949, 9620.00789903],
  },
  {
    id: 'Y478',
    values: [
      6881, 6989, 7031, 7055, 7070, 7101, 7132, 7137, 7151, 7160, 7130, 7108, 7079, 7052, 7019, 6987, 6951, 6913, 6874,
    ],
    model: 'ARIMA(2,0,0) with zero mean',
    params: { ar1: 1.9591993913, ar2: -0.960375231606 },
    mean: [6828.46263972, 6776.70050522, 6719.02111573, 6655.72676286, 6587.1143623, 6513.47531766],
    lo: [6778.65822482, 6667.14819983, 6538.60915352, 6395.79615669, 6240.72887229, 6074.99510587],
    hi: [6878.26705463, 6886.25281061, 6899.43307794, 6915.65736904, 6933.4998523, 6951.95552945],
  },
  {
    id: 'Y530',
    values: [
      4183, 4292, 4364, 4406, 4422, 4440, 4464, 4495, 4518, 4532, 4547, 4558, 4549, 4527, 4502, 4481, 4451, 4425, 4398,
      4383,
    ],
    model: 'ARIMA(3,0,1) with non-zero mean',
    params: { ar1: 2.56067672683, ar2: -2.15724067845, ar3: 0.594476795761, ma1: 0.149376749615, mean: 3233.12167112 },
    mean: [4375.4059643, 4370.07130617, 4363.87598202, 4355.00542319, 4342.48426441, 4325.87457847],
    lo: [4351.2646217, 4300.33503651, 4228.99721447, 4138.89728543, 4032.51867922, 3912.57466507],
    hi: [4399.54730691, 4439.80757583, 4498.75474957, 4571.11356094, 4652.44984961, 4739.17449188],
  },
];

describe('arima: worked examples against R forecast 8.20 on M3 yearly series', () => {
  for (const w of WORKED) {
    it(`arima.fit(${w.id}) chooses R's ${w.model} with R's coefficients, forecasts and 95 % bounds`, () => {
      const s = mk(w.values);
      const fit = arima.fit(s);
      expect(fit.method).toBe(w.model);
      expect(Object.keys(fit.params).sort()).toEqual(Object.keys(w.params).sort());
      for (const [k, v] of Object.entries(w.params)) {
        // The optimiser stops at a relative change of 1.5e-8 in the likelihood, so coefficients agree less
        // tightly than forecasts do.
        if (!relClose(fit.params[k]!, v, 1e-5)) expect.fail(`${k}: got ${fit.params[k]}, R gives ${v}`);
      }
      const f = arima.forecast(fit, s.years.at(-1)! + 6, { levels: [0.95] });
      expectClose(f.mean, w.mean, 1e-7, 'mean');
      expectClose(f.intervals[0]!.lower, w.lo, 1e-7, 'lower');
      expectClose(f.intervals[0]!.upper, w.hi, 1e-7, 'upper');
    });
  }
  it("arima.fit(Y148) reports R's log-likelihood -160.099599078, AICc 330.304461314 and sigma^2 40281.9438484", () => {
    const fit = arima.fit(mk(WORKED[1]!.values));
    expect(relClose(fit.loglik!, -160.099599078, 1e-9)).toBe(true);
    expect(relClose(fit.aicc!, 330.304461314, 1e-9)).toBe(true);
    expect(relClose(fit.sigma2, 40281.9438484, 1e-6)).toBe(true);
  });
  it('arima.fit(Y148) lists the candidates of the stepwise search and says how d was chosen', () => {
    const fit = arima.fit(mk(WORKED[1]!.values));
    expect(fit.model.candidates[0]!.model).toBe('ARIMA(2,1,2) with drift');
    expect(fit.model.candidates.map((c) => c.model)).toContain('ARIMA(1,1,1) with drift');
    const best = Math.min(...fit.model.candidates.flatMap((c) => (c.ic === null ? [] : [c.ic])));
    expect(best).toBe(fit.aicc);
    expect(fit.notes?.join(' ')).toMatch(/^d = 1 from KPSS tests; \d+ candidate models fitted, \d+ accepted/);
  });
});

describe('arima: long series (the CSS approximation)', () => {
  // A deterministic 160-point series; R 4.2.2, forecast 8.20:
  //   t <- 1:160; x <- round(50 + 0.3 * t + 5 * sin(0.7 * t) + 3 * cos(1.3 * t) + 2 * sin(0.05 * t * t), 3)
  //   forecast(auto.arima(x), h = 3, level = 95)
  // gives ARIMA(2,1,2) with drift, ar1 1.281872625947, drift 0.298522030051, mean 97.1381449407,
  // 100.284283779, 101.967433084, lower 91.7022877304, 94.2551988522, 95.8746038162, upper 102.574002151,
  // 106.313368706, 108.060262351.
  const x = Array.from({ length: 160 }, (_, i) => {
    const t = i + 1;
    return (
      Math.round((50 + 0.3 * t + 5 * Math.sin(0.7 * t) + 3 * Math.cos(1.3 * t) + 2 * Math.sin(0.05 * t * t)) * 1000) /
      1000
    );
  });
  it('arima.fit on 160 points ranks models by CSS, refits the best exactly, and matches R', () => {
    const s = mk(x, 1800);
    const fit = arima.fit(s);
    expect(fit.method).toBe('ARIMA(2,1,2) with drift');
    expect(fit.notes?.[0]).toMatch(
      /^160 observations: models were ranked by the conditional-sum-of-squares approximation/,
    );
    expect(relClose(fit.params['ar1']!, 1.281872625947, 1e-6)).toBe(true);
    expect(relClose(fit.params['drift']!, 0.298522030051, 1e-6)).toBe(true);
    const f = arima.forecast(fit, 1962, { levels: [0.95] });
    expectClose(f.mean, [97.1381449407, 100.284283779, 101.967433084], 1e-8, 'mean');
    expectClose(f.intervals[0]!.lower, [91.7022877304, 94.2551988522, 95.8746038162], 1e-8, 'lower');
    expectClose(f.intervals[0]!.upper, [102.574002151, 106.313368706, 108.060262351], 1e-8, 'upper');
  });
});

describe('arima: closed forms', () => {
  // M3 Y530; R: Arima(x, order = c(1, 0, 0)) gives ar1 0.95898976642887424, intercept 4332.1564559576136,
  // forecast h = 1..3: 4380.9148943832379, 4378.9152994348397, 4376.9977083423228.
  const y530 = WORKED[4]!.values;
  it('an AR(1) with mean forecasts mu + phi^h (y_n - mu) with variance sigma^2 (1 - phi^2h) / (1 - phi^2)', () => {
    const m = fitArimaModel(y530, { p: 1, d: 0, q: 0, regressor: 'intercept' });
    const [phi, mu] = m.coef as [number, number];
    expect(relClose(phi, 0.95898976642887424, 1e-7)).toBe(true);
    expect(relClose(mu, 4332.1564559576136, 1e-7)).toBe(true);
    const f = kalmanForecast(m, 3);
    const yn = y530.at(-1)!;
    const mean = f.mean.map((v) => v + mu);
    expectClose(
      mean,
      [1, 2, 3].map((h) => mu + phi ** h * (yn - mu)),
      1e-12,
    );
    expectClose(mean, [4380.9148943832379, 4378.9152994348397, 4376.9977083423228], 1e-9);
    expectClose(
      f.variance,
      [1, 2, 3].map((h) => (1 - phi ** (2 * h)) / (1 - phi * phi)),
      1e-10,
    );
  });
  it("ARIMA(0,1,0) with drift is a random walk with drift: the drift method's point forecasts, variance h sigma^2", () => {
    const v = [10, 12, 13, 15, 18, 19, 21, 24, 25, 28];
    const m = fitArimaModel(v, { p: 0, d: 1, q: 0, regressor: 'drift' });
    const b = m.coef[0]!;
    expect(relClose(b, (28 - 10) / 9, 1e-6)).toBe(true);
    const f = kalmanForecast(m, 4);
    expectClose(
      f.mean.map((x, i) => x + b * (v.length + i + 1)),
      drift.forecast(drift.fit(mk(v)), 1990 + v.length + 3).mean,
      1e-7,
    );
    expectClose(f.variance, [1, 2, 3, 4], 1e-9);
    // auto.arima chooses this model for the series, so the method agrees with drift too.
    const fit = arima.fit(mk(v));
    expect(fit.method).toBe('ARIMA(0,1,0) with drift');
    expectClose(arima.forecast(fit, 2004).mean, drift.forecast(drift.fit(mk(v)), 2004).mean, 1e-7);
  });
  it('ARIMA(0,2,0) extrapolates the last change, with variance factors 1, 5, 14 (sums of squares)', () => {
    const y1 = WORKED[0]!.values;
    const m = fitArimaModel(y1, { p: 0, d: 2, q: 0 });
    const f = kalmanForecast(m, 3);
    const step = y1.at(-1)! - y1.at(-2)!;
    expectClose(
      f.mean,
      [1, 2, 3].map((h) => y1.at(-1)! + h * step),
      1e-12,
    );
    expectClose(f.variance, [1, 5, 14], 1e-6);
  });
  it('a constant series is forecast as that constant with zero-width intervals, as R', () => {
    const fit = arima.fit(mk([7, 7, 7, 7, 7, 7]));
    expect(fit.method).toBe('ARIMA(0,0,0) with non-zero mean');
    const f = arima.forecast(fit, 1997, { levels: [0.95] });
    expect(f.mean).toEqual([7, 7]);
    expect(f.intervals[0]!.lower).toEqual([7, 7]);
    expect(f.intervals[0]!.upper).toEqual([7, 7]);
  });
  it('an exactly linear series gets a random walk with the drift fixed at its slope, as R', () => {
    const fit = arima.fit(mk([5, 7, 9, 11, 13, 15, 17, 19]));
    expect(fit.method).toBe('ARIMA(0,1,0) with drift');
    expect(fit.params['drift']).toBe(2);
    expect(fit.notes?.join(' ')).toMatch(/constant/);
    expectClose(arima.forecast(fit, 2000).mean, [21, 23, 25], 1e-12);
  });
});

describe('arima: the pieces against R (BFGS: test/internal/optimize.test.ts)', () => {
  const y1 = WORKED[0]!.values;
  const y155 = WORKED[2]!.values;
  it("kpssStatistic equals urca::ur.kpss(type = 'mu') (1.3675379064784825 for Y1 at lag 0; 1.0920032346083548 for Y155 at lag 1)", () => {
    expect(kpssStatistic(y1, 0)).toBeCloseTo(1.3675379064784825, 12);
    const d1 = y1.slice(1).map((v, i) => v - y1[i]!);
    expect(kpssStatistic(d1, 0)).toBeCloseTo(0.79614156271408765, 12);
    expect(kpssStatistic(y155, 1)).toBeCloseTo(1.0920032346083548, 12);
    expect(kpssStatistic(y155, 3)).toBeCloseTo(0.64982401674915913, 12);
  });
  it('kpssPValue interpolates the table and clamps at 0.1 and 0.01', () => {
    expect(kpssPValue(0.2)).toBe(0.1);
    expect(kpssPValue(0.463)).toBeCloseTo(0.05, 15);
    expect(kpssPValue((0.463 + 0.574) / 2)).toBeCloseTo(0.0375, 15);
    expect(kpssPValue(2)).toBe(0.01);
  });
  it('differencesNeeded equals forecast::ndiffs: 2 for Y1, 1 for Y155, 0 for an alternating series', () => {
    expect(differencesNeeded(y1)).toBe(2);
    expect(differencesNeeded(y155)).toBe(1);
    expect(differencesNeeded([1, 2, 1, 2, 1, 2, 1, 2, 1, 2])).toBe(0);
  });
  it("isAlmostConstant follows R's is.constant (all.equal, relative tolerance 1.5e-8)", () => {
    expect(isAlmostConstant([3, 3, 3])).toBe(true);
    expect(isAlmostConstant([3, 3, 3, 3, 3.0000000001])).toBe(true);
    expect(isAlmostConstant([3, 3, 3, 3, 3.001])).toBe(false);
  });
  it('polyRoots finds the roots of (z - 1)(z - 2)(z^2 + 1)', () => {
    const round = (v: number) => Math.round(v * 1e9) / 1e9 + 0; // + 0 turns -0 into 0
    const roots = polyRoots([2, -3, 3, -3, 1]).map(([re, im]) => [round(re), round(im)]);
    roots.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(roots).toEqual([
      [0, -1],
      [0, 1],
      [1, 0],
      [2, 0],
    ]);
    expect(minRootModulus([1, -0.5])).toBeCloseTo(2, 14);
  });
});

// Every M3 yearly series against R's fixture, when the shared benchmark folder is there (it is not shipped).
const m3Dir = fileURLToPath(new URL('../../../shared/benchmarks/m3-yearly/', import.meta.url));
const haveM3 = runWithShared('arima.test.ts', 'the M3 agreement test', 'benchmarks/m3-yearly/train.csv');

describe('arima agrees with R on the M3 yearly series (shared benchmark folder)', () => {
  it.skipIf(!haveM3)(
    "arima chooses R's orders on at least 95 % of the 645 series, and where they agree its forecasts and 95 % bounds are within 1e-4",
    () => {
      const train = new Map<string, number[]>();
      for (const line of readFileSync(`${m3Dir}train.csv`, 'utf8').trim().split('\n').slice(1)) {
        const [id, , v] = line.split(',');
        train.set(id!, [...(train.get(id!) ?? []), Number(v)]);
      }
      const lines = readFileSync(new URL('./fixtures/arima-m3-r.csv', import.meta.url), 'utf8')
        .trim()
        .split('\n');
      const head = lines[0]!.split(',').map((h) => h.replaceAll('"', ''));
      const col = (name: string) => head.indexOf(name);
      let same = 0;
      let worst = 0;
      const differ: string[] = [];
      for (const line of lines.slice(1)) {
        // The model name is quoted and has commas: split it out first.
        const m = /^([^,]+),(\d+),"([^"]*)",(.*)$/.exec(line)!;
        const id = m[1]!;
        const rModel = m[3]!;
        const rest = ['', '', '', ...m[4]!.split(',')];
        const values = train.get(id)!;
        expect(values).toHaveLength(Number(m[2]));
        const s = mk(values);
        const fit = arima.fit(s);
        if (fit.method !== rModel) {
          differ.push(`${id}: ${fit.method} (R ${rModel})`);
          continue;
        }
        same++;
        const f = arima.forecast(fit, s.years.at(-1)! + 6, { levels: [0.95] });
        for (let h = 0; h < 6; h++) {
          for (const [got, name] of [
            [f.mean[h]!, `mean${h + 1}`],
            [f.intervals[0]!.lower[h]!, `lo${h + 1}`],
            [f.intervals[0]!.upper[h]!, `hi${h + 1}`],
          ] as const) {
            const want = Number(rest[col(name)]);
            worst = Math.max(worst, Math.abs(got - want) / Math.max(Math.abs(want), 1e-9));
          }
        }
      }
      const total = lines.length - 1;
      console.log(
        `arima vs R auto.arima on M3 yearly: same orders on ${same}/${total} series (${((100 * same) / total).toFixed(1)} %); largest relative forecast or bound difference ${worst.toExponential(2)}${differ.length ? `; differ: ${differ.join('; ')}` : ''}`,
      );
      expect(total).toBe(645);
      expect(same / total).toBeGreaterThanOrEqual(0.95);
      expect(worst).toBeLessThanOrEqual(1e-4);
    },
  );
});

describe('arima: errors', () => {
  it('arima.fit refuses 2 observations, a gap and a non-finite value', () => {
    expect(thrown(() => arima.fit(mk([1, 2])))).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() =>
        arima.fit(series({ id: 'g', unit: 'count', years: [2000, 2001, 2003, 2004], values: [1, 2, 3, 4] })),
      ),
    ).toMatchObject({ code: 'missing_years' });
    expect(thrown(() => arima.fit({ ...mk([1, 2, 3, 4]), values: [1, Number.NaN, 3, 4] }))).toMatchObject({
      code: 'non_finite',
    });
  });
  it('arima.fit refuses something that is not a Series', () => {
    expect(thrown(() => arima.fit(null as never))).toMatchObject({ code: 'invalid_argument' });
  });
  it('arima.forecast refuses a fit of another method, a toYear at or before the last year, and a mix of fractions and percent', () => {
    const s = mk([3, 5, 4, 6, 8, 7, 9, 11]);
    const other = drift.fit(s);
    expect(thrown(() => arima.forecast(other as never, 2000))).toMatchObject({ code: 'invalid_argument' });
    const fit = arima.fit(s);
    expect(thrown(() => arima.forecast(fit, 1997))).toMatchObject({ code: 'invalid_argument' });
    expect(arima.forecast(fit, 2000, { levels: [95] }).intervals[0]!.level).toBe(0.95);
    expect(String(thrown(() => arima.forecast(fit, 2000, { levels: [0.8, 95] })))).toMatch(
      /mixes fractions and percent/,
    );
  });
});

describe('arima: a fit handed back', () => {
  it("refuses notes that are not text, as every method's forecast does (fuzz seed 12)", () => {
    const s = mk([3, 5, 4, 6, 8, 7, 9, 11]);
    const fit = arima.fit(s);
    expect(fit.notes?.length).toBeGreaterThan(0);
    expect(thrown(() => arima.forecast({ ...fit, notes: [Number.NaN as never] }, 2000))).toMatchObject({
      code: 'invalid_argument',
      message:
        "arima.forecast: fit.notes[0] must be text (got NaN). Pass a fit made by this method's fit(), unchanged.",
      issues: [{ path: ['fit', 'notes', 0] }],
    });
    expect(thrown(() => arima.forecast({ ...fit, notes: 'a note' as never }, 2000))).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['fit', 'notes'] }],
    });
    // and through the shared check, drift's too
    const d = drift.fit(s);
    expect(thrown(() => drift.forecast({ ...d, notes: ['ok', undefined as never] }, 2000))).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['fit', 'notes', 1] }],
    });
    const { notes: _notes, ...noNotes } = fit;
    expect(arima.forecast(noNotes, 2000).mean).toEqual(arima.forecast(fit, 2000).mean);
  });
  it('refuses a model whose standard errors, criterion or candidates are not what fit() made (fuzz seed 14)', () => {
    const fit = arima.fit(mk([26126.5, 26126.5, 26126.5]));
    expect(fit.model.constant).toBe('constant-series');
    const withModel = (model: object) => ({ ...fit, model: { ...fit.model, ...model } }) as never;
    expect(thrown(() => arima.forecast(withModel({ standardErrors: Number.NaN }), 2011))).toMatchObject({
      code: 'invalid_argument',
      message:
        'arima.forecast: fit.model.standardErrors must hold no numbers (got NaN). Pass the fit arima.fit made, unchanged.',
      issues: [{ path: ['fit', 'model', 'standardErrors'] }],
    });
    // ARIMA(0,1,0) with drift estimates one coefficient: its standard error is read for short-series intervals
    const d = arima.fit(mk([3, 5, 7, 9, 12, 13, 15, 18]));
    expect(d.model.standardErrors).toHaveLength(d.model.p + d.model.q + 1);
    const se = d.model.standardErrors.map(() => Number.NaN);
    expect(thrown(() => arima.forecast({ ...d, model: { ...d.model, standardErrors: se } }, 2000))).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['fit', 'model', 'standardErrors', 0] }],
    });
    expect(thrown(() => arima.forecast(withModel({ criterion: 'bic' }), 2011))).toMatchObject({
      code: 'invalid_argument',
      issues: [{ path: ['fit', 'model', 'criterion'] }],
    });
    expect(
      thrown(() => arima.forecast(withModel({ candidates: [{ model: 'ARIMA(0,0,0)', ic: Number.NaN }] }), 2011)),
    ).toMatchObject({ code: 'invalid_argument', issues: [{ path: ['fit', 'model', 'candidates', 0, 'ic'] }] });
    expect(arima.forecast(withModel({ candidates: [{ model: 'ARIMA(0,0,0)', ic: null }] }), 2011).mean).toHaveLength(
      19,
    );
  });
});

describe('arima: properties', () => {
  const positive = fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { minLength: 3, maxLength: 30 });
  it('arima is registered as forecastMethods.arima', () => {
    expect(forecastMethods['arima']).toBe(arima);
  });
  it('fitted + residuals gives back the data, and the fit names an ARIMA model', () => {
    fc.assert(
      fc.property(positive, (vs) => {
        const fit = arima.fit(mk(vs));
        return (
          /^ARIMA\(\d,[0-2],\d\)( with (drift|non-zero mean|zero mean))?$/.test(fit.method) &&
          vs.every((v, i) => Math.abs(fit.fitted[i]! + fit.residuals[i]! - v) <= 1e-12 * Math.max(...vs))
        );
      }),
      { numRuns: 30 },
    );
  });
  it('simulated paths have the forecast mean and standard deviation (20000 paths, seeded)', () => {
    const s = mk(WORKED[1]!.values);
    const fit = arima.fit(s);
    const f = arima.forecast(fit, 2017, { levels: [0.95] });
    const { paths } = arima.simulate!(fit, 2017, { paths: 20000, rng: rng(42) });
    const h = f.years.length;
    for (let j = 0; j < h; j++) {
      let m = 0;
      let m2 = 0;
      for (let i = 0; i < 20000; i++) {
        const v = paths[i * h + j]!;
        m += v;
        m2 += v * v;
      }
      m /= 20000;
      const sd = Math.sqrt(m2 / 20000 - m * m);
      const se = (f.intervals[0]!.upper[j]! - f.mean[j]!) / 1.959963984540054;
      expect(Math.abs(m - f.mean[j]!)).toBeLessThan((4 * se) / Math.sqrt(20000));
      expect(Math.abs(sd / se - 1)).toBeLessThan(0.03);
    }
  });
});
