// Short series as R's forecast package 8.20 fits them (issue 14): at n <= parameters + 4 (6 points or fewer for
// ses and automatic ets, 8 for holt, 9 for damped) R's ets() switches to a classical Holt-Winters fit
// (l0 = y1, b0 = y2 - y1, alpha and beta minimising the SSE by L-BFGS-B from 0.2 and 0.02, no damping).
// Reference: test/forecast/fixtures/r-short.csv, made by scripts/r/short-series-reference.R on every 40th
// M3 yearly series cut to its last 5-9 points (point forecast and 95 % bounds at h = 1 and 6).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { ses } from '../../src/forecast/ses.js';
import { holt } from '../../src/forecast/holt.js';
import { damped } from '../../src/forecast/damped.js';
import { ets } from '../../src/forecast/ets.js';
import type { ForecastMethod } from '../../src/forecast/types.js';
import { m3Train } from './m3Fixture.js';

const rows = readFileSync(new URL('./fixtures/r-short.csv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#'))
  .slice(1)
  .map((l) => l.split(','));
const METHODS: Record<string, ForecastMethod> = { ses, holt, damped, ets };

describe('short series against R', () => {
  const train = m3Train();
  const cases = new Map<string, { worst: number; n: number; method: string }>();
  for (const [id, n, method, h, mean, lo, hi] of rows) {
    const key = `${id}/${n}/${method}`;
    const k = Number(n);
    const t = train.get(id!)!;
    const s = series({ id: id!, unit: 'other', years: t.years.slice(-k), values: t.values.slice(-k) });
    const m = METHODS[method!]!;
    // smallSample: false gives R's intervals exactly (by default, under 10 points, state-space fits use t quantiles)
    const f = m.forecast(m.fit(s), s.years.at(-1)! + 6, { levels: [0.95], smallSample: false });
    const i = Number(h) - 1;
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-9, Math.abs(b));
    const e = Math.max(
      rel(f.mean[i]!, Number(mean)),
      rel(f.intervals[0]!.lower[i]!, Number(lo)),
      rel(f.intervals[0]!.upper[i]!, Number(hi)),
    );
    const c = cases.get(key) ?? { worst: 0, n: k, method: method! };
    c.worst = Math.max(c.worst, e);
    cases.set(key, c);
  }
  it('where R estimates the state space model (ses and ets at 7-9 points, holt at 9) ours equals R to 1e-8', () => {
    const exact = [...cases.values()].filter((c) =>
      c.method === 'holt' ? c.n >= 9 : c.method === 'damped' ? false : c.n >= 7,
    );
    expect(exact.length).toBeGreaterThan(50);
    expect(Math.max(...exact.map((c) => c.worst))).toBeLessThan(1e-8);
  });
  it("where R fits classical Holt-Winters, at least 90 % of the cases equal R's to 1e-3 (R's L-BFGS-B stops about there; the others found another local minimum of the SSE)", () => {
    const classical = [...cases.values()].filter((c) =>
      c.method === 'holt' ? c.n <= 8 : c.method === 'damped' ? c.n <= 9 : c.n <= 6,
    );
    expect(classical.length).toBeGreaterThan(80);
    const agree = classical.filter((c) => c.worst < 1e-3).length;
    expect(agree / classical.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('short series say what was fitted', () => {
  const six = series({
    id: 'r',
    unit: 'count',
    years: [2016, 2017, 2018, 2019, 2020, 2021],
    values: [80, 88, 97, 104, 110, 121],
  });
  it("holt on 6 points fits Holt's linear trend (classical), not a flat SES, and says how", () => {
    const fit = holt.fit(six);
    expect(fit.method).toBe('holt');
    expect(fit.params['beta']).toBeDefined();
    expect(fit.notes?.join(' ')).toMatch(/fitted Holt's linear trend as a classical Holt-Winters fit/);
    const f = holt.forecast(fit, 2023);
    expect(f.mean[1]! - f.mean[0]!).toBeGreaterThan(5);
  });
  it('damped on 9 points fits undamped classical Holt, as R, and is named holt', () => {
    const nine = series({
      id: 'n',
      unit: 'count',
      years: [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021],
      values: [61, 66, 72, 80, 88, 97, 104, 110, 121],
    });
    const fit = damped.fit(nine);
    expect(fit.method).toBe('holt');
    expect(fit.params['phi']).toBeUndefined();
    expect(fit.notes?.join(' ')).toMatch(/without damping/);
  });
  it('automatic ETS on 6 points keeps classical Holt or SES by residual variance and names it ets(A,A,N) or ets(A,N,N)', () => {
    const fit = ets.fit(six);
    expect(fit.method).toMatch(/^ets\(A,[AN],N\)$/);
    expect(fit.notes?.join(' ')).toMatch(/fitted Holt and SES as a classical Holt-Winters fit/);
  });
});
