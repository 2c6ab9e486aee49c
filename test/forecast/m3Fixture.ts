// The M3 yearly training series from the shared benchmark folder, for tests that compare with R on them.
import { existsSync, readFileSync } from 'node:fs';
import { sharedPath } from '../helpers/sharedData.js';

/** Training values by id (years 1, 2, … as calendar years 2001, 2002, …). */
export function m3Train(): Map<string, { years: number[]; values: number[] }> {
  const file = sharedPath('benchmarks/m3-yearly/train.csv');
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: the M3 yearly benchmark is read from ../shared beside the clone (see test/helpers/sharedData.ts).`,
    );
  const text = readFileSync(file, 'utf8');
  const out = new Map<string, { years: number[]; values: number[] }>();
  for (const line of text.split('\n').slice(1)) {
    if (line === '') continue;
    const [id, t, v] = line.split(',');
    const e = out.get(id!) ?? { years: [], values: [] };
    e.years.push(2000 + Number(t));
    e.values.push(Number(v));
    out.set(id!, e);
  }
  for (const e of out.values()) {
    const order = e.years.map((_, i) => i).sort((a, b) => e.years[a]! - e.years[b]!);
    e.years = order.map((i) => e.years[i]!);
    e.values = order.map((i) => e.values[i]!);
  }
  return out;
}

/** Held-out test values by id, in time order (the shared benchmark folder's test.csv). */
export function m3Test(): Map<string, number[]> {
  const file = sharedPath('benchmarks/m3-yearly/test.csv');
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: the M3 yearly benchmark is read from ../shared beside the clone (see test/helpers/sharedData.ts).`,
    );
  const text = readFileSync(file, 'utf8');
  const rows = new Map<string, [number, number][]>();
  for (const line of text.split('\n').slice(1)) {
    if (line === '') continue;
    const [id, t, v] = line.split(',');
    rows.set(id!, [...(rows.get(id!) ?? []), [Number(t), Number(v)]]);
  }
  return new Map([...rows].map(([id, r]) => [id, r.sort((a, b) => a[0] - b[0]).map((x) => x[1])]));
}
