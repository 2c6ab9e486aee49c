// Reads the M3 yearly benchmark data (shared folder, outside the package) for bench/forecast.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { series, type Series } from '../../src/series/series.js';

/** One M3 series: training data as a Series (calendar years from meta.csv) and the held-out values. */
export interface M3Series {
  readonly id: string;
  readonly train: Series;
  readonly test: readonly number[];
}

/** R's summary row for one method. */
export interface RSummary {
  readonly method: string;
  readonly smape: number;
  readonly mase: number;
  readonly owa: number;
  readonly cover95?: number;
  readonly msis?: number;
  readonly msPerSeries: number;
}

/** Default location of the shared benchmark data, relative to this repository. */
export const M3_DIR = new URL('../../../shared/benchmarks/m3-yearly/', import.meta.url).pathname;

function readCsv(dir: string, name: string): Record<string, string>[] {
  const path = join(dir, name);
  if (!existsSync(path)) throw new Error(`M3 data not found: ${path}`);
  return csvParse(readFileSync(path, 'utf8')) as unknown as Record<string, string>[];
}

/** Loads all series in natural order (Y1, Y2, …). */
export function loadM3(dir: string = M3_DIR): M3Series[] {
  const start = new Map(readCsv(dir, 'meta.csv').map((r) => [r['id'] as string, Number(r['start_year'])]));
  const group = (rows: Record<string, string>[]) => {
    const m = new Map<string, { t: number[]; v: number[] }>();
    for (const r of rows) {
      const id = r['id'] as string;
      const e = m.get(id) ?? { t: [], v: [] };
      e.t.push(Number(r['t']));
      e.v.push(Number(r['value']));
      m.set(id, e);
    }
    return m;
  };
  const train = group(readCsv(dir, 'train.csv'));
  const test = group(readCsv(dir, 'test.csv'));
  const ids = [...train.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return ids.map((id) => {
    const tr = train.get(id) as { t: number[]; v: number[] };
    const y0 = (start.get(id) ?? 1) - 1;
    return {
      id,
      train: series({ id, unit: 'other', years: tr.t.map((t) => y0 + t), values: tr.v }),
      test: test.get(id)?.v ?? [],
    };
  });
}

/** R's reference summary (reference/r-forecast-summary.csv). */
export function loadRSummary(dir: string = M3_DIR): RSummary[] {
  return readCsv(dir, 'reference/r-forecast-summary.csv').map((r) => ({
    method: r['method'] as string,
    smape: Number(r['smape']),
    mase: Number(r['mase']),
    owa: Number(r['owa']),
    ...(r['cover95'] !== 'NA' ? { cover95: Number(r['cover95']) } : {}),
    ...(r['msis'] !== 'NA' ? { msis: Number(r['msis']) } : {}),
    msPerSeries: Number(r['ms_per_series']),
  }));
}
