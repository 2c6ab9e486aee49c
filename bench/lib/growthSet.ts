// The synthetic growth benchmark of issue 14 (bench helper): constant-rate compounding series with
// log-normal noise, forecast from rolling origins. Nothing here is shipped.
import { series, type Series } from '../../src/series/series.js';
import { rng } from '../../src/random/rng.js';

/** One forecasting task: the history up to an origin and the values that followed. */
export interface GrowthTask {
  readonly id: string;
  readonly rate: number;
  readonly train: Series;
  readonly test: readonly number[];
}

/** Options of {@link growthTasks}. */
export interface GrowthSetOptions {
  /** Yearly growth rates. Default 5, 15, 25 and 35 %. */
  readonly rates?: readonly number[];
  /** Series per rate. Default 30. */
  readonly perRate?: number;
  /** Years per series. Default 12. */
  readonly years?: number;
  /** Standard deviation of the noise on the log scale. Default 0.05. */
  readonly sd?: number;
  /** Forecast horizon. Default 3. */
  readonly horizon?: number;
  /** Fewest observations at an origin. Default 6. */
  readonly minTrain?: number;
  readonly seed?: number;
}

/**
 * y_t = 100 (1 + rate)^t exp(e_t), e_t ~ N(0, sd^2) independent; rolling origins from minTrain to
 * years - horizon, each forecasting `horizon` years. Defaults: the set (rates 5-35 %, 30 series of 12
 * years each, sd 0.05, horizon 3), giving 4 x 30 x 4 = 480 tasks.
 */
export function growthTasks(options: GrowthSetOptions = {}): GrowthTask[] {
  const rates = options.rates ?? [0.05, 0.15, 0.25, 0.35];
  const perRate = options.perRate ?? 30;
  const n = options.years ?? 12;
  const sd = options.sd ?? 0.05;
  const h = options.horizon ?? 3;
  const minTrain = options.minTrain ?? 6;
  const r = rng(options.seed ?? 2026);
  const tasks: GrowthTask[] = [];
  for (const rate of rates) {
    for (let k = 0; k < perRate; k++) {
      const values = Array.from({ length: n }, (_, t) => 100 * (1 + rate) ** t * Math.exp(sd * r.normal()));
      const years = values.map((_, t) => 2010 + t);
      for (let o = minTrain; o + h <= n; o++) {
        tasks.push({
          id: `g${Math.round(rate * 100)}-${k}-${o}`,
          rate,
          train: series({
            id: `g${Math.round(rate * 100)}-${k}`,
            unit: 'other',
            years: years.slice(0, o),
            values: values.slice(0, o),
          }),
          test: values.slice(o, o + h),
        });
      }
    }
  }
  return tasks;
}
