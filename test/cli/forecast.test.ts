import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';
import { forecastCommand } from '../../src/cli/forecastCommand.js';
import { forecastMethods } from '../../src/forecast/methods.js';

const dir = tempDir('im-forecast-cli-');
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
// a: 10, 12, 13 (naive: last 13, sigma^2 = (2^2 + 1^2) / 2 = 2.5); b: 5, 6, 8, 7 (last 7, sigma^2 = (1 + 4 + 1) / 3 = 2)
const long = write(
  'long.csv',
  'id,year,value\na,2020,10\na,2021,12\na,2022,13\nb,2019,5\nb,2020,6\nb,2021,8\nb,2022,7\n',
);
const wide = write('wide.csv', 'year,a,b\n2019,,5\n2020,10,6\n2021,12,8\n2022,13,7\n');

describe('industry-metrics forecast', () => {
  it('--levels 0.8,0.95 means 80 % and 95 % (same output as 80,95), not 0.8 % (issue 14)', async () => {
    const a = await cli(['forecast', long, '--method', 'naive', '--levels', '0.8,0.95', '--format', 'csv'], dir);
    const b = await cli(['forecast', long, '--method', 'naive', '--levels', '80,95', '--format', 'csv'], dir);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n')[0]).toBe('id,year,mean,lower_80,upper_80,lower_95,upper_95');
  });
  it('--lambda 0 fits on logs and the JSON and the footer name the model fitted per series', async () => {
    const j = await cli(
      ['forecast', long, '--method', 'drift', '--lambda', '0', '--horizon', '1', '--format', 'json'],
      dir,
    );
    expect(j.code).toBe(0);
    const json = JSON.parse(j.stdout);
    expect(json.method).toBe('log(drift)');
    expect(json.models).toEqual({ a: 'log(drift)', b: 'log(drift)' });
    // log drift on a: 13 (13 / 10)^(1/2)
    expect(json.rows[0].mean).toBeCloseTo(13 * Math.sqrt(1.3), 9);
    const t = await cli(['forecast', long, '--horizon', '1'], dir);
    expect(t.stdout).toMatch(
      /\nfitted for a: default\(theta, ARIMA\([^\n]*?, drift, log\(theta\), log\(drift\)\)-cal\n/,
    );
    // a grew (13 / 10)^(1/2) - 1 = 14.0 % a year (from 2021: 8.3 %), b (7 / 5)^(1/3) - 1 = 11.9 % (from 2020:
    // (7 / 6)^(1/2) - 1 = 8.0 %): the table says what the forecast keeps (lines joined where they wrap)
    const flat = t.stdout.replace(/\n {2}/g, ' ');
    expect(flat).toMatch(
      /\nnote for a: the history grew 14\.0% a year \(2020-2022, compound; 8\.3% a year over 2021-2022\); this forecast implies/,
    );
    expect(flat).toMatch(
      /\nnote for b: the history grew 11\.9% a year \(2019-2022, compound; 8\.0% a year over 2020-2022\); this forecast implies/,
    );
    // The default's intervals are calibrated already: --calibrated does not calibrate them twice.
    const c = await cli(['forecast', long, '--horizon', '1', '--calibrated', '--format', 'csv'], dir);
    expect(c.stdout).toBe((await cli(['forecast', long, '--horizon', '1', '--format', 'csv'], dir)).stdout);
    const bad = await cli(['forecast', long, '--lambda', 'x'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lambda must be auto or a number/);
  });
  it('a gap is an error that suggests --fill; --fill log fills it at constant growth and says so', async () => {
    const gap = write('gap.csv', 'id,year,value\ng,2016,100\ng,2017,110\ng,2019,144\ng,2020,160\n');
    const e = await cli(['forecast', gap, '--method', 'naive'], dir);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/2018.*Or pass --fill linear\|log\./);
    const r = await cli(
      ['forecast', gap, '--method', 'drift', '--fill', 'log', '--horizon', '1', '--format', 'json'],
      dir,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.notes.g[0]).toBe('filled 1 missing year(s) (2018) by log interpolation');
    expect(json.rows[0].mean).toBeCloseTo(160 + 60 / 4, 9);
    const bad = await cli(['forecast', gap, '--fill', 'spline'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fill must be linear or log \(got "spline"\)\./);
  });
  it('--method naive --horizon 2 --format csv: one row per series and year, bounds with Student-t quantiles on 3-4 points', async () => {
    const r = await cli(['forecast', long, '--method', 'naive', '--horizon', '2', '--format', 'csv'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('id,year,mean,lower_80,upper_80,lower_95,upper_95');
    const rows = csvParse(r.stdout);
    expect(rows.map((x) => [x['id'], x['year'], Number(x['mean'])])).toEqual([
      ['a', '2023', 13],
      ['a', '2024', 13],
      ['b', '2023', 7],
      ['b', '2024', 7],
    ]);
    // R's naive(c(10, 12, 13), h = 2)$upper[2, "95%"] is 13 + qnorm(0.975) sqrt(2.5 * 2); under 10 points the
    // quantile is Student-t with n - 1 degrees of freedom: qt(0.975, 2) = 4.3026527297494619 (R), and for b
    // (4 points) qt(0.9, 3) = 1.6377443536962091.
    expect(Number(rows[1]?.['upper_95'])).toBeCloseTo(13 + 4.3026527297494619 * Math.sqrt(5), 9);
    expect(Number(rows[2]?.['lower_80'])).toBeCloseTo(7 - 1.6377443536962091 * Math.sqrt(2), 9);
  });
  it('reads a wide file the same way', async () => {
    const a = await cli(['forecast', long, '--method', 'naive', '--format', 'csv'], dir);
    const b = await cli(['forecast', wide, '--method', 'naive', '--format', 'csv'], dir);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
  it('without --method uses the default and says so in JSON and in the table footer', async () => {
    const j = await cli(['forecast', long, '--format', 'json', '--horizon', '1'], dir);
    expect(j.code).toBe(0);
    const json = JSON.parse(j.stdout);
    expect(json.method).toBe('default');
    expect(json.models.a).toMatch(/^default\(theta, /);
    expect(json.description).toMatch(/\w/);
    expect(json.rows).toHaveLength(2);
    expect(Object.keys(json.models)).toEqual(['a', 'b']);
    const t = await cli(['forecast', long, '--horizon', '1'], dir);
    expect(t.stdout).toMatch(/^id\s+year\s+mean\s+lower_80/);
    expect(t.stdout).toMatch(/\nmethod: default \(the default\): /);
  });
  it('--to-year forecasts every series to the same year; --levels 50,90 names the columns', async () => {
    const r = await cli(
      ['forecast', long, '--method', 'drift', '--to-year', '2025', '--levels', '50,90', '--format', 'csv'],
      dir,
    );
    expect(r.code).toBe(0);
    const rows = csvParse(r.stdout);
    expect(rows.columns).toEqual(['id', 'year', 'mean', 'lower_50', 'upper_50', 'lower_90', 'upper_90']);
    expect(rows).toHaveLength(6);
    // drift of a: slope (13 - 10) / 2 = 1.5 a year → 2025 is 13 + 3·1.5
    expect(Number(rows[2]?.['mean'])).toBeCloseTo(17.5, 10);
  });
  it('--calibrated wraps the method and names it', async () => {
    const r = await cli(['forecast', long, '--method', 'naive', '--calibrated', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).method).toBe('naive-cal');
  });
  it('--out writes the file (csv by extension) and says where', async () => {
    const r = await cli(['forecast', long, '--method', 'naive', '--out', 'out/f.csv'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote 10 rows \(2 series, method naive\) to .*out\/f\.csv/);
    expect(readFileSync(join(dir, 'out/f.csv'), 'utf8').split('\n')[0]).toBe(
      'id,year,mean,lower_80,upper_80,lower_95,upper_95',
    );
  });
  it('forecasts the good series and names the bad one on stderr with exit 2', async () => {
    const mixed = write('mixed.csv', 'id,year,value\na,2020,10\na,2021,12\na,2022,13\nshort,2022,1\n');
    const r = await cli(['forecast', mixed, '--method', 'naive', '--format', 'csv'], dir);
    expect(r.code).toBe(2);
    expect(csvParse(r.stdout).map((x) => x['id'])).toEqual(['a', 'a', 'a', 'a', 'a']);
    expect(r.stderr).toMatch(/^industry-metrics forecast: series "short": /);
  });
});

describe('industry-metrics forecast --help', () => {
  it('--method lists default and every name of the registry, arima included (derived, not typed by hand)', () => {
    const help = forecastCommand.help.find(([flag]) => flag.startsWith('--method'))?.[1] ?? '';
    const listed = /One of ([^.]+)\./.exec(help)?.[1]?.split(', ');
    expect(listed).toEqual(['default', ...Object.keys(forecastMethods)]);
    expect(listed).toContain('arima');
  });
});

describe('industry-metrics forecast: bad input exits 2 with one line', () => {
  const bad = write('bad.csv', 'id,year,value\na,2020,10\na,2021,ten\n');
  it.each([
    [['forecast', 'missing.csv'], /cannot read .*missing\.csv/],
    [['forecast', bad], /bad\.csv: row 3, field "value": expected a finite number \(got "ten"\)/],
    [['forecast', long, '--method', 'prophet'], /unknown method "prophet".*naive/],
    [['forecast', long, '--horizon', '0'], /--horizon must be a whole number >= 1 \(got "0"\)/],
    [['forecast', long, '--horizon', '2', '--to-year', '2030'], /not both/],
    [['forecast', long, '--levels', '80,100'], /--levels: the level list has 100, which is neither/],
    [['forecast', long, '--levels', '0.8,95'], /--levels: the level list mixes fractions and percent/],
    [['forecast', long, '--format', 'xml'], /--format must be one of/],
    [['forecast'], /give exactly one data file, CSV or JSON \(got 0\)/],
    [['forecast', long, '--bogus'], /Unknown option/],
  ])('%j', async (argv, message) => {
    const r = await cli(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });
  it("--intervals r gives R's normal bounds on 7 points; the default small-sample ones use qt(0.975, 6)", async () => {
    // naive on 10, 12, 11, 14, 13, 15, 16: last 16, sigma^2 = (4 + 1 + 9 + 1 + 4 + 1) / 6 = 20 / 6;
    // R: naive(x, h = 2, level = 95) gives 16 -+ qnorm(0.975) sqrt(h 20 / 6): 12.42161 to 19.57839 in year 1.
    const c = write(
      'seven.csv',
      'id,year,value\n' + [10, 12, 11, 14, 13, 15, 16].map((v, i) => `c,${2016 + i},${v}`).join('\n'),
    );
    const argv = ['forecast', c, '--method', 'naive', '--horizon', '2', '--levels', '95', '--format', 'csv'];
    const r = csvParse((await cli([...argv, '--intervals', 'r'], dir)).stdout);
    const t = csvParse((await cli(argv, dir)).stdout);
    const same = csvParse((await cli([...argv, '--intervals', 'small-sample'], dir)).stdout);
    const sd = Math.sqrt(20 / 6);
    const z = 1.959963984540054; // qnorm(0.975)
    const t6 = 2.4469118511449688; // qt(0.975, 6)
    [1, 2].forEach((h, i) => {
      expect(Number(r[i]?.['lower_95'])).toBeCloseTo(16 - z * sd * Math.sqrt(h), 9);
      expect(Number(r[i]?.['upper_95'])).toBeCloseTo(16 + z * sd * Math.sqrt(h), 9);
      expect(Number(t[i]?.['upper_95'])).toBeCloseTo(16 + t6 * sd * Math.sqrt(h), 9);
    });
    expect(Number(r[0]?.['upper_95'])).toBeCloseTo(19.57838828743432, 9);
    expect(same).toEqual(t);
    const j = JSON.parse((await cli([...argv.slice(0, -2), '--format', 'json', '--intervals', 'r'], dir)).stdout);
    expect(j.intervals).toBe('r');
    const bad = await cli([...argv, '--intervals', 'normal'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--intervals must be small-sample or r \(got "normal"\)/);
  });
  it('a file where no series can be forecast exits 2', async () => {
    const tiny = write('tiny.csv', 'id,year,value\na,2020,1\n');
    const r = await cli(['forecast', tiny, '--method', 'naive'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no series could be forecast \(the only one failed: forecastMany: series "a" has 1 observation\(s\), and naive needs at least 3/,
    );
  });
});

describe('industry-metrics backtest', () => {
  // 10 years of two series
  const bt = write(
    'bt.csv',
    [
      'id,year,value',
      ...[3, 5, 4, 6, 8, 7, 9, 12, 11, 13].map((v, i) => `up,${2010 + i},${v}`),
      ...[20, 18, 21, 19, 22, 20, 23, 21, 24, 22].map((v, i) => `zig,${2010 + i},${v}`),
    ].join('\n'),
  );
  it('--levels 0.95 reports the 95 % coverage, as --levels 95 does (issue 14: it used to report 0)', async () => {
    const a = await cli(
      ['backtest', bt, '--horizon', '2', '--method', 'drift', '--levels', '0.95', '--format', 'csv'],
      dir,
    );
    const b = await cli(
      ['backtest', bt, '--horizon', '2', '--method', 'drift', '--levels', '95', '--format', 'csv'],
      dir,
    );
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(Number(csvParse(a.stdout)[0]?.['cover_95'])).toBeGreaterThan(0.5);
  });
  it('--horizon 1 --method naive,drift prints one row per method; naive has OWA 1', async () => {
    const r = await cli(['backtest', bt, '--horizon', '1', '--method', 'naive,drift', '--format', 'csv'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = csvParse(r.stdout);
    expect(rows.map((x) => x['method'])).toEqual(['naive', 'drift']);
    expect(Number(rows[0]?.['owa'])).toBe(1);
    // naive, initial 5 (half of 10), origins after 5..9 values, one step each: 5 origins per series
    expect(rows[0]?.['origins']).toBe('10');
    // series up: naive errors at 2015..2019: 7-8, 9-7, 12-9, 11-12, 13-11 → |e| = 1, 2, 3, 1, 2
    // series zig: 20-22, 23-20, 21-23, 24-21, 22-24 → |e| = 2, 3, 2, 3, 2
    // sMAPE per series = mean of 200|e|/(y + f); check the mean over both series
    const up = [
      [7, 8],
      [9, 7],
      [12, 9],
      [11, 12],
      [13, 11],
    ];
    const zig = [
      [20, 22],
      [23, 20],
      [21, 23],
      [24, 21],
      [22, 24],
    ];
    const sm = (p: number[][]) => p.reduce((a, [y, f]) => a + (200 * Math.abs(y! - f!)) / (y! + f!), 0) / p.length;
    expect(Number(rows[0]?.['smape'])).toBeCloseTo((sm(up) + sm(zig)) / 2, 9);
    expect(rows.columns).toEqual([
      'method',
      'series',
      'origins',
      'smape',
      'mase',
      'owa',
      'cover_80',
      'msis_80',
      'cover_95',
      'msis_95',
      'failed',
    ]);
  });
  it('adds naive when it is not asked for, and prints a table with a footer', async () => {
    const r = await cli(['backtest', bt, '--horizon', '2', '--method', 'drift', '--initial', '4'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^method\s+series\s+origins/);
    expect(r.stdout).toMatch(/\nnaive\s/);
    expect(r.stdout).toMatch(/2 series, horizon 2, step 1/);
  });
  it('--intervals r: MSIS with qnorm(0.975), the default with qt(0.975, 8), at one origin of 9 points per series', async () => {
    // naive at origin 2018 (9 points), forecasting 2019. up: last 11, sigma^2 = 28 / 8, in-sample MAE 14 / 8;
    // zig: last 24, sigma^2 = 52 / 8, MAE 20 / 8. Both outcomes (13 and 22) lie inside, so MSIS = width / MAE.
    const argv = [
      'backtest',
      bt,
      '--method',
      'naive',
      '--initial',
      '9',
      '--horizon',
      '1',
      '--levels',
      '95',
      '--format',
      'csv',
    ];
    const msis = (q: number) => ((2 * q * Math.sqrt(3.5)) / 1.75 + (2 * q * Math.sqrt(6.5)) / 2.5) / 2;
    const r = csvParse((await cli([...argv, '--intervals', 'r'], dir)).stdout);
    const t = csvParse((await cli(argv, dir)).stdout);
    expect(Number(r[0]?.['msis_95'])).toBeCloseTo(msis(1.959963984540054), 9); // 4.0941
    expect(Number(t[0]?.['msis_95'])).toBeCloseTo(msis(2.306004135033371), 9); // 4.8169, qt(0.975, 8)
    expect(r[0]?.['cover_95']).toBe('1');
    const bad = await cli([...argv, '--intervals', ''], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--intervals must be small-sample or r/);
  });
  it("--format json gives the table and every series' summary", async () => {
    const r = await cli(['backtest', bt, '--horizon', '1', '--method', 'naive', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout);
    expect(json.table[0].method).toBe('naive');
    expect(Object.keys(json.series.naive)).toEqual(['up', 'zig']);
  });
  it.each([
    [['backtest', bt], /--horizon is required/],
    [['backtest', bt, '--horizon', '0'], /--horizon must be a whole number >= 1/],
    [['backtest', bt, '--horizon', '1', '--method', 'naive,oracle'], /unknown method "oracle"/],
    [['backtest', bt, '--horizon', '20'], /no series could be backtested/],
  ])('%j exits 2', async (argv, message) => {
    const r = await cli(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
