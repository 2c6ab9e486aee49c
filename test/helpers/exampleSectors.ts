// The illustrative sectors of models/big-data-sectors-example.model.json, read from the model file itself, so that
// tests checking what the example, the notebook and decomposeModel print from them follow the file.
import { readFileSync } from 'node:fs';

/** One sector of the example model: its name, base-year share of the total and assumed yearly growth. */
export interface ExampleSector {
  readonly id: string;
  readonly name: string;
  readonly share: number;
  readonly rate: number;
}

interface SectorJson {
  id: string;
  name: string;
  share: { value: number };
  path: { type: string; rate?: { value: number } };
}

/** The sectors of big-data-sectors-example in file order (each has a constant-CAGR path). */
export function exampleSectors(): ExampleSector[] {
  const file = new URL('../../models/big-data-sectors-example.model.json', import.meta.url);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { sectors: SectorJson[] };
  return json.sectors.map((s) => {
    if (s.path.type !== 'cagr' || s.path.rate === undefined)
      throw new Error(`exampleSectors: sector ${s.id} has a ${s.path.type} path; the tests expect a constant CAGR`);
    return { id: s.id, name: s.name, share: s.share.value, rate: s.path.rate.value };
  });
}
