import type { Series } from '../series/series.js';
import { growthSeries } from './yoyGrowth.js';

/**
 * Log growth of an annual series: `ln(v[t] / v[t-1])`, one value per year from the second. Log growth
 * rates add up over years: their sum is `ln(last / first)`.
 * @throws {MetricsError} missing_years, invalid_argument or degenerate as {@link yoyGrowth}
 * @example
 * logGrowth(series({ id: 'x', unit: 'count', years: [2020, 2021], values: [1, Math.E] })).values; // => [1]
 */
export function logGrowth(s: Series): Series {
  return growthSeries('logGrowth', s, 'log', (prev, cur) => Math.log(cur / prev));
}
