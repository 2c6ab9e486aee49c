// Runs one forecasting method over a benchmark set and measures accuracy and time (bench helper).
import { smape } from '../../src/forecast/accuracy/smape.js';
import { mase } from '../../src/forecast/accuracy/mase.js';
import { coverage } from '../../src/forecast/accuracy/coverage.js';
import { msis } from '../../src/forecast/accuracy/msis.js';
import type { Forecast, ForecastMethod } from '../../src/forecast/types.js';
import type { M3Series } from './m3.js';

/** Dataset means of one method's accuracy, and its speed. */
export interface Evaluation {
  readonly smape: number;
  readonly mase: number;
  /** Share of all held-out values inside the 80 % / 95 % intervals. */
  readonly cover80: number;
  readonly cover95: number;
  /** Mean MSIS of the 95 % interval. */
  readonly msis: number;
  /** Mean relative error (forecast - actual) / actual over all held-out points: > 0 forecasts too high. */
  readonly mre: number;
  readonly msPerSeries: number;
  /** Series where the method threw and the fallback was used. */
  readonly fallbacks: number;
}

export interface EvaluateOptions {
  readonly horizon: number;
  readonly reps: number;
  readonly fallback: ForecastMethod;
}

/** Fits and forecasts every series `reps` times (fastest loop timed), then scores the forecasts. */
export function evaluate(data: readonly M3Series[], method: ForecastMethod, options: EvaluateOptions): Evaluation {
  const run = (d: M3Series): { f: Forecast; fellBack: boolean } => {
    const toYear = (d.train.years[d.train.years.length - 1] as number) + Math.min(options.horizon, d.test.length);
    try {
      return { f: method.forecast(method.fit(d.train), toYear, { levels: [0.8, 0.95] }), fellBack: false };
    } catch {
      return {
        f: options.fallback.forecast(options.fallback.fit(d.train), toYear, { levels: [0.8, 0.95] }),
        fellBack: true,
      };
    }
  };
  if (data[0]) run(data[0]); // warm-up
  let best = Infinity;
  let results: { f: Forecast; fellBack: boolean }[] = [];
  for (let r = 0; r < Math.max(1, options.reps); r++) {
    const t0 = performance.now();
    results = data.map(run);
    best = Math.min(best, performance.now() - t0);
  }
  let s = 0,
    m = 0,
    c80 = 0,
    c95 = 0,
    ms = 0,
    pts = 0,
    rel = 0;
  results.forEach(({ f }, i) => {
    const d = data[i] as M3Series;
    const history = d.train.values;
    const i80 = f.intervals.find((x) => x.level === 0.8);
    const i95 = f.intervals.find((x) => x.level === 0.95);
    if (!i80 || !i95) throw new Error(`${method.name}: no 80 % / 95 % interval for ${d.id}`);
    s += smape(d.test, f.mean);
    m += mase(d.test, f.mean, { history });
    c80 += coverage(d.test, i80.lower, i80.upper) * d.test.length;
    c95 += coverage(d.test, i95.lower, i95.upper) * d.test.length;
    ms += msis(d.test, i95.lower, i95.upper, { history, level: 0.95 });
    d.test.forEach((y, j) => {
      rel += ((f.mean[j] as number) - y) / y;
    });
    pts += d.test.length;
  });
  const n = data.length;
  return {
    smape: s / n,
    mase: m / n,
    cover80: c80 / pts,
    cover95: c95 / pts,
    msis: ms / n,
    mre: rel / pts,
    msPerSeries: best / n,
    fallbacks: results.filter((r) => r.fellBack).length,
  };
}
