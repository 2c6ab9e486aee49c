// Point forecasts and 95 % bounds compared with R's forecast package 8.20 (R 4.2.2).
// Source of the numbers below: ../shared/benchmarks/m3-yearly/reference/r-forecast-forecasts.csv (beside the clone)
// (made by the benchmark's r-reference.R: naive(x), rwf(x, drift = TRUE), ses(x), holt(x),
// holt(x, damped = TRUE), thetaf(x), forecast(ets(x)), h = 6, level = 95), on M3 yearly series Y1, Y3
// and Y266 (Makridakis & Hibon 2000, via the Mcomp R package). R's values are printed to 10
// significant digits, so 1e-8 relative is as close as the comparison can be.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { series } from '../../src/series/series.js';
import { forecastMethods } from '../../src/forecast/methods.js';
import { relClose } from '../helpers/thrown.js';
import { runWithShared } from '../helpers/sharedData.js';

interface Case {
  readonly id: string;
  readonly values: readonly number[];
  readonly model: string;
  readonly r: Readonly<Record<string, readonly number[]>>;
}

const CASES: readonly Case[] = [
  {
    id: 'Y1',
    values: [
      940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63,
      4387.88, 4936.99,
    ],
    model: 'ets(M,A,N)',
    r: {
      naive: [4936.99, 4936.99, 4936.99, 4936.99, 4936.99, 4936.99],
      drift: [5244.4, 5551.81, 5859.22, 6166.63, 6474.04, 6781.45],
      ses: [4936.935076, 4936.935076, 4936.935076, 4936.935076, 4936.935076, 4936.935076],
      holt: [5486.122078, 6035.250635, 6584.379192, 7133.507749, 7682.636306, 8231.764863],
      damped: [5475.715914, 6003.666499, 6521.058023, 7028.101669, 7525.004395, 8011.96902],
      theta: [5085.069837, 5233.189782, 5381.309727, 5529.429672, 5677.549617, 5825.669562],
      ets: [5486.428978, 6035.864978, 6585.300977, 7134.736977, 7684.172976, 8233.608976],
      comb: [5299.591023, 5658.617404, 6014.124097, 6366.181498, 6714.858592, 7060.222986],
      etsLo: [4984.162147, 4893.098298, 4629.134995, 4199.745165, 3606.857741, 2848.873473],
      etsHi: [5988.695809, 7178.631657, 8541.46696, 10069.72879, 11761.48821, 13618.34448],
      thetaLo: [4398.948616, 4262.916367, 4192.992147, 4157.29016, 4143.458678, 4145.16274],
      thetaHi: [5771.191057, 6203.463197, 6569.627306, 6901.569184, 7211.640556, 7506.176384],
    },
  },
  {
    id: 'Y3',
    values: [
      1461.57, 1692.5, 2193.82, 2459.68, 3246.8, 4748.86, 5559.46, 5292.42, 5029.4, 4753.6, 4344.6, 2897.4, 3256.4,
      3525.2,
    ],
    model: 'ets(A,N,N)',
    r: {
      naive: [3525.2, 3525.2, 3525.2, 3525.2, 3525.2, 3525.2],
      drift: [3683.940769, 3842.681538, 4001.422308, 4160.163077, 4318.903846, 4477.644615],
      ses: [3525.17311, 3525.17311, 3525.17311, 3525.17311, 3525.17311, 3525.17311],
      holt: [3539.271447, 3553.394442, 3567.517437, 3581.640432, 3595.763427, 3609.886422],
      damped: [3606.281261, 3671.175967, 3723.091736, 3764.624354, 3797.850451, 3824.43133],
      theta: [3603.934098, 3682.687208, 3761.440318, 3840.193428, 3918.946538, 3997.699648],
      ets: [3525.173083, 3525.173083, 3525.173083, 3525.173083, 3525.173083, 3525.173083],
      comb: [3556.908606, 3583.24784, 3605.260761, 3623.812632, 3639.595663, 3653.163621],
      etsLo: [2072.933727, 1471.499305, 1009.988631, 620.912477, 278.1272706, -31.77551762],
      etsHi: [4977.412439, 5578.846861, 6040.357534, 6429.433688, 6772.218895, 7082.121683],
      thetaLo: [2151.69483, 1629.013449, 1246.255846, 935.9327744, 671.9006556, 440.7509584],
      thetaHi: [5056.173366, 5736.360967, 6276.624789, 6744.454081, 7165.99242, 7554.648337],
    },
  },
  {
    id: 'Y266',
    values: [
      3221.5, 3380.5, 3547, 3736, 3782, 3890, 4080, 4192, 4347, 4478.5, 4532, 4625.5, 4786, 4830, 4882.5, 5000, 5196,
    ],
    model: 'ets(M,Ad,N)',
    r: {
      naive: [5196, 5196, 5196, 5196, 5196, 5196],
      drift: [5319.40625, 5442.8125, 5566.21875, 5689.625, 5813.03125, 5936.4375],
      ses: [5195.980398, 5195.980398, 5195.980398, 5195.980398, 5195.980398, 5195.980398],
      holt: [5309.415679, 5432.086203, 5554.756726, 5677.427249, 5800.097773, 5922.768296],
      damped: [5239.04183, 5331.286786, 5421.34255, 5509.261076, 5595.093087, 5678.888099],
      theta: [5254.844741, 5313.703197, 5372.561653, 5431.420109, 5490.278564, 5549.13702],
      ets: [5218.12701, 5303.524573, 5386.229688, 5466.327245, 5543.899455, 5619.025938],
      etsLo: [5108.755012, 5192.355936, 5273.320724, 5351.732484, 5427.671701, 5501.216328],
      etsHi: [5327.499009, 5414.693209, 5499.138651, 5580.922005, 5660.127208, 5736.835549],
      thetaLo: [4983.836167, 4930.458358, 4903.192326, 4889.443611, 4884.33345, 4885.359617],
      thetaHi: [5525.853315, 5696.948035, 5841.930979, 5973.396606, 6096.223679, 6212.914424],
    },
  },
];

const toSeries = (id: string, values: readonly number[]) =>
  series({ id, unit: 'count', years: values.map((_, i) => 1990 + i), values });

function expectClose(got: readonly number[], want: readonly number[], tol: number): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    if (!relClose(g, want[i]!, tol)) expect.fail(`h=${i + 1}: got ${g}, R gives ${want[i]} (tolerance ${tol})`);
  });
}

describe('forecasts equal R forecast 8.20 on M3 yearly series (inline copy)', () => {
  for (const c of CASES) {
    const s = toSeries(c.id, c.values);
    const toYear = 1990 + c.values.length + 5;
    for (const name of ['naive', 'drift'] as const) {
      it(`${name} on ${c.id} equals R to 1e-9`, () => {
        expectClose(forecastMethods[name]!.forecast(forecastMethods[name]!.fit(s), toYear).mean, c.r[name]!, 1e-9);
      });
    }
    for (const name of ['ses', 'holt', 'damped', 'theta', 'ets', 'comb'] as const) {
      if (c.r[name] === undefined) continue;
      it(`${name} on ${c.id} equals R to 1e-8`, () => {
        expectClose(forecastMethods[name]!.forecast(forecastMethods[name]!.fit(s), toYear).mean, c.r[name]!, 1e-8);
      });
    }
    it(`ets on ${c.id} selects ${c.model} and its 95 % bounds equal R's`, () => {
      const m = forecastMethods['ets']!;
      const f = m.forecast(m.fit(s), toYear, { levels: [0.95] });
      expect(f.method).toBe(c.model);
      expectClose(f.intervals[0]!.lower, c.r['etsLo']!, 1e-7);
      expectClose(f.intervals[0]!.upper, c.r['etsHi']!, 1e-7);
    });
    it(`theta on ${c.id} has R's 95 % bounds`, () => {
      const m = forecastMethods['theta']!;
      const f = m.forecast(m.fit(s), toYear, { levels: [0.95] });
      expectClose(f.intervals[0]!.lower, c.r['thetaLo']!, 1e-7);
      expectClose(f.intervals[0]!.upper, c.r['thetaHi']!, 1e-7);
    });
  }
});

// The full reference file, when the shared benchmark folder is there (it is not shipped).
const dir = fileURLToPath(new URL('../../../shared/benchmarks/m3-yearly/', import.meta.url));
const haveShared = runWithShared(
  'rReference.test.ts',
  'R agreement on five more M3 series',
  'benchmarks/m3-yearly/reference/r-forecast-forecasts.csv',
);

describe('forecasts equal R on more M3 yearly series (shared benchmark folder)', () => {
  it.skipIf(!haveShared)(
    'naive, drift, ses, holt, damped, theta, ets and comb on Y10, Y156, Y187, Y400, Y645 equal R to 1e-8',
    () => {
      const read = (f: string) =>
        readFileSync(`${dir}${f}`, 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(','));
      const ids = ['Y10', 'Y156', 'Y187', 'Y400', 'Y645'];
      const train = new Map<string, number[]>();
      for (const [id, , v] of read('train.csv'))
        if (ids.includes(id!)) train.set(id!, [...(train.get(id!) ?? []), Number(v)]);
      const lines = readFileSync(`${dir}reference/r-forecast-forecasts.csv`, 'utf8').trim().split('\n');
      const head = lines[0]!.split(',');
      const cols = {
        naive: 'naive',
        drift: 'rwf_drift',
        ses: 'ses',
        holt: 'holt',
        damped: 'damped',
        theta: 'theta',
        ets: 'ets',
        comb: 'comb',
      } as const;
      let compared = 0;
      for (const id of ids) {
        const rows = lines
          .slice(1)
          .map((l) => l.split(','))
          .filter((c) => c[0] === id);
        expect(rows).toHaveLength(6);
        const s = toSeries(id, train.get(id)!);
        for (const [name, col] of Object.entries(cols)) {
          const want = rows.map((c) => Number(c[head.indexOf(col)]));
          const m = forecastMethods[name]!;
          expectClose(
            m.forecast(m.fit(s), s.years.at(-1)! + 6).mean,
            want,
            name === 'naive' || name === 'drift' ? 1e-9 : 1e-8,
          );
          compared++;
        }
      }
      expect(compared).toBe(40);
    },
  );
});
