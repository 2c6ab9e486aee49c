// Small forecast methods for the evaluation tests, written here so that the tests do not depend on the
// library's own methods: naive (last value, random-walk intervals) and mean (sample mean).
import type { Series } from '../../src/series/series.js';
import type { Forecast, ForecastFit, ForecastMethod, ForecastOptions } from '../../src/forecast/types.js';

// z quantiles of the standard normal (R: qnorm(0.9), qnorm(0.975))
const Z: Record<string, number> = {
  '0.8': 1.2815515655446004,
  '0.95': 1.959963984540054,
  '0.5': 0.6744897501960817,
  '0.9': 1.6448536269514722,
};

function fitOf(name: string, s: Series, fitted: number[]): ForecastFit {
  const residuals = s.values.map((v, i) => v - (fitted[i] as number));
  const usable = residuals.slice(1);
  const sigma2 = usable.length > 0 ? usable.reduce((a, e) => a + e * e, 0) / usable.length : 0;
  return {
    method: name,
    seriesId: s.id,
    unit: s.unit,
    years: [...s.years],
    values: [...s.values],
    params: {},
    state: {},
    fitted,
    residuals,
    sigma2,
  };
}

function makeForecast(
  fit: ForecastFit,
  toYear: number,
  point: number,
  sd: (h: number) => number,
  options?: ForecastOptions,
): Forecast {
  const last = fit.years[fit.years.length - 1] as number;
  const years: number[] = [];
  for (let y = last + 1; y <= toYear; y++) years.push(y);
  const mean = years.map(() => point);
  const levels = [...(options?.levels ?? [0.8, 0.95])].sort((a, b) => a - b);
  const intervals = levels.map((level) => {
    const z = Z[String(level)] ?? 2;
    return { level, lower: mean.map((m, i) => m - z * sd(i + 1)), upper: mean.map((m, i) => m + z * sd(i + 1)) };
  });
  return { method: fit.method, seriesId: fit.seriesId, unit: fit.unit, years, mean, intervals, fit };
}

/** Last value carried forward; sd at h steps = sigma·sqrt(h). */
export const localNaive: ForecastMethod = {
  name: 'localNaive',
  description: 'last value (test double)',
  minLength: 2,
  fit(s) {
    return fitOf(
      'localNaive',
      s,
      s.values.map((v, i) => (i === 0 ? v : (s.values[i - 1] as number))),
    );
  },
  forecast(fit, toYear, options) {
    const sigma = Math.sqrt(fit.sigma2);
    return makeForecast(fit, toYear, fit.values[fit.values.length - 1] as number, (h) => sigma * Math.sqrt(h), options);
  },
};

/** Sample mean; sd = sample sd (no growth with h). */
export const localMean: ForecastMethod = {
  name: 'localMean',
  description: 'sample mean (test double)',
  minLength: 1,
  fit(s) {
    const m = s.values.reduce((a, b) => a + b, 0) / s.values.length;
    return fitOf(
      'localMean',
      s,
      s.values.map(() => m),
    );
  },
  forecast(fit, toYear, options) {
    const m = fit.fitted[0] as number;
    const sd = Math.sqrt(fit.values.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, fit.values.length - 1));
    return makeForecast(fit, toYear, m, () => sd, options);
  },
};
