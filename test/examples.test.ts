// Runs every file in examples/ the way a user would (tsx, from the repository root) and checks that it
// exits 0 and prints the numbers it claims. Expected numbers are computed here from closed forms, not
// copied from the examples' output.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSectors } from './helpers/exampleSectors.js';
import { BIG_DATA_2025_EXCEEDANCE, normalCdf } from './helpers/normal.js';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const files = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.ts'))
  .sort();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx examples/<file> ...args` with cwd = the repository root (what `npx tsx` runs, without npx's start-up). */
function run(file: string, args: readonly string[] = []): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [TSX, join('examples', file), ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const CLOSED_FORM_P = BIG_DATA_2025_EXCEEDANCE;

/** A percentage as the examples print it: two decimals, trailing zeros dropped (24.57%, 25%). */
const pct = (fraction: number) => `${Number((fraction * 100).toFixed(2))}%`;
/** A string as a literal inside a RegExp. */
const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** First match of `re` as a number (group 1), or fail. */
function num(text: string, re: RegExp): number {
  const m = re.exec(text);
  if (!m?.[1]) throw new Error(`no match for ${re} in:\n${text}`);
  return Number(m[1].replace(/,/g, ''));
}

const outDir = mkdtempSync(join(tmpdir(), 'industry-metrics-examples-'));
/** Extra arguments per example (a folder for files it writes). */
const ARGS: Readonly<Record<string, readonly string[]>> = {
  'render-a-chart-for-my-report.ts': [join(outDir, 'report')],
  'my-own-model.ts': [join(outDir, 'own-model')],
};
const runs = new Map<string, Run>();

beforeAll(async () => {
  // All at once: each is mostly process start-up.
  const results = await Promise.all(files.map((f) => run(f, ARGS[f] ?? [])));
  files.forEach((f, i) => runs.set(f, results[i] as Run));
}, 300_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function output(file: string): string {
  const r = runs.get(file);
  if (!r) throw new Error(`${file} did not run`);
  return r.stdout;
}

/** What each example claims; every file in examples/ must have an entry. */
const CLAIMS: Readonly<Record<string, (out: string) => void>> = {
  'how-did-the-plans-do.ts': (out) => {
    // (3 / 1.57)^(1/3) - 1 = 24.09 %: the growth still required over 2023-2025 from the 2022 observation.
    expect(((3 / 1.57) ** (1 / 3) - 1) * 100).toBeCloseTo(24.09, 2);
    expect(out).toContain(
      'bd14.revenue-2025 (more than RMB 3 trillion in 2025): off track. from RMB 1.57 trillion in 2022',
    );
    expect(out).toContain('exactly 24.1% a year is needed over 2023-2025');
    expect(out).toContain('bd13.revenue-2020 (more than RMB 1 trillion in 2020): met.');
    expect(out).toMatch(/ex-ante [\d.]+%: 50% by construction/);
    expect(out).toContain('cyber.revenue-2023 (more than RMB 250 billion in 2023): undetermined.');
    // Nowcasts from 1.57 in 2022, 5 points: closed forms 0.5998 (25 %) and 0.0406 (18 %); 20 000 paths.
    const plan = num(out, /nowcast at the plan's rate: ([\d.]+)%/) / 100;
    const observed = num(out, /nowcast at the observed rate: ([\d.]+)%/) / 100;
    expect(Math.abs(plan - 0.59979)).toBeLessThan(4 * Math.sqrt((0.6 * 0.4) / 20000) + 0.0005);
    expect(Math.abs(observed - 0.04062)).toBeLessThan(4 * Math.sqrt((0.04 * 0.96) / 20000) + 0.0005);
    // The model as of 2022 starts from the observation and needs 24.09 % a year.
    expect(out).toContain('as of 2022: from RMB 1.57 trillion in 2022 (obs.big-data.miit-2022)');
    expect(out).toContain('bd14.revenue-2025 needs 24.09% a year from 2022');
    expect(out).toMatch(/rests on the 2022 observation RMB 1\.57 trillion/);
  },
  'what-if-the-base-is-uncertain.ts': (out) => {
    // Base 1: 1 - Phi((ln 3 - 5 ln 1.25) / (0.05 sqrt 5)) = 56.08 %; base uniform on [1, 1.1]: 71.53 % (Simpson).
    expect(out).toContain('closed form 56.08%');
    expect(out).toContain('closed form 71.53%');
    expect(out.match(/\(agreement\)/g)).toHaveLength(2);
    expect(out).toContain('uncertainty.base.upper: at most 10 % above the floor: an assumption of this example');
    expect(out).toContain("lower end from the base's wording, upper end an assumption");
  },
  'is-the-14th-plan-consistent.ts': (out) => {
    // 1 x 1.25^5 = 3.0517578125; exactly 3 needs 3^(1/5) - 1 = 0.245730939...
    expect(out).toContain(`RMB 1 trillion x 1.25^5 = RMB ${(1.25 ** 5).toFixed(2)} trillion`);
    expect((1.25 ** 5).toFixed(2)).toBe('3.05');
    expect(out).toContain(`needs ${pct(3 ** (1 / 5) - 1)} a year`);
    expect(pct(3 ** (1 / 5) - 1)).toBe('24.57%');
    expect(out).toMatch(/Verdict: CONSISTENT \(\d+ consistent, 0 inconsistent/);
    expect(out).toContain('"By 2025, the estimated scale of the big data industry will exceed 3 trillion RMB');
    expect(out).toContain('uncertainty.volatility = 0.05');
    expect(out).toContain('scenarios.low.path.rate = 0.22');
  },

  'probability-big-data-exceeds-3-trillion.ts': (out) => {
    // ln(L_2025) ~ N(5 ln 1.25, 0.05^2 * 5) for base 1 and iid normal log growth: P(L > 3) in closed form.
    const closed = CLOSED_FORM_P;
    expect(closed).toBeGreaterThan(0.5);
    expect(closed).toBeLessThan(0.65);
    const paths = num(out, /Monte Carlo \(([\d,]+) paths/);
    const mc = num(out, /seed \d+\): ([\d.]+)%/) / 100;
    const se = Math.sqrt((closed * (1 - closed)) / paths);
    expect(mc).toBeGreaterThan(0.5);
    expect(mc).toBeLessThan(0.65);
    expect(Math.abs(mc - closed)).toBeLessThan(4 * se);
    expect(num(out, /Closed form.*= ([\d.]+)%\s*$/m) / 100).toBeCloseTo(closed, 4);
    // The median of the 2025 level is exp(5 ln 1.25) = 3.05 trillion; the 5 % and 95 % quantiles are
    // 1.25^5 exp(-/+ 1.6449 * 0.05 sqrt 5) = 2.54 and 3.67 trillion.
    expect(out).toMatch(/50%\s+RMB 3\.05 trillion/);
    const q = (z: number) => (1.25 ** 5 * Math.exp(z * 0.05 * Math.sqrt(5))).toFixed(2);
    expect(num(out, /\s5%\s+RMB ([\d.]+) trillion/)).toBeCloseTo(Number(q(-1.6448536)), 1);
    expect(num(out, /95%\s+RMB ([\d.]+) trillion/)).toBeCloseTo(Number(q(1.6448536)), 1);
  },

  'growth-still-required.ts': (out) => {
    expect(out).toContain('HYPOTHETICAL');
    expect(out).toContain('Plan path in 2022: RMB 1.5625 trillion');
    // From the hypothetical 1.4 in 2022 to 3 in 2025: (3 / 1.4)^(1/3) - 1 = 28.92 %.
    expect(out).toContain(`from the reported RMB 1.4 trillion: ${pct((3 / 1.4) ** (1 / 3) - 1)} a year`);
    // From the plan path's 1.5625: (3 / 1.5625)^(1/3) - 1 = 24.29 %.
    expect(out).toContain(`${pct((3 / 1.5625) ** (1 / 3) - 1)} a year`);
    // Back to 25 % from 1.4: 1.4 x 1.25^3 = 2.734375, 8.85 % short of 3.
    expect(out).toContain(`2025: RMB ${(1.4 * 1.25 ** 3).toFixed(2)} trillion, misses the target`);
    expect(out).toContain(`(${pct((1.4 * 1.25 ** 3) / 3 - 1)})`);
  },

  'forecast-my-own-series.ts': (out) => {
    expect(out).toContain('made up');
    // Nested intervals around each point: lower95 <= lower80 <= point <= upper80 <= upper95.
    const rows = [
      ...out.matchAll(
        /^ {2}(20\d\d) {2}RMB ([\d.]+) billion\s+RMB ([\d.]+) billion to RMB ([\d.]+) billion\s+RMB ([\d.]+) billion to RMB ([\d.]+) billion$/gm,
      ),
    ];
    expect(rows.map((r) => Number(r[1]))).toEqual([2024, 2025, 2026, 2027, 2028]);
    for (const r of rows) {
      const [point, lo80, hi80, lo95, hi95] = [2, 3, 4, 5, 6].map((i) => Number(r[i]));
      expect(lo95).toBeLessThanOrEqual(lo80 as number);
      expect(lo80).toBeLessThanOrEqual(point as number);
      expect(point).toBeLessThanOrEqual(hi80 as number);
      expect(hi80).toBeLessThanOrEqual(hi95 as number);
    }
    // Random walk with drift (Hyndman & Athanasopoulos, FPP3 5.2): y_T + h (y_T - y_1) / (T - 1) = 447 + 5 x 327 / 12 = 583.25.
    expect(out).toMatch(/^ {2}drift\s+drift\s+RMB 583 billion/m);
    // (447 / 120)^(1/12) - 1 = 11.6 % a year, (447 / 270)^(1/6) - 1 = 8.8 % from 2017: the default's compounding
    // note follows its table
    expect(out.replace(/\n {2}/g, ' ')).toMatch(
      /^Note: the history grew 11\.6% a year \(2011-2023, compound; 8\.8% a year over 2017-2023\); this forecast implies \d+\.\d% a year to 2028\./m,
    );
    // One row per method in the backtest table, each with a MASE.
    for (const m of ['drift', 'holt', 'damped', 'ets', 'theta', 'dotm', 'logTrend', 'default']) {
      expect(out).toMatch(
        new RegExp(`^ {2}${m}\\s+RMB [\\d.]+ (billion|million)\\s+[\\d.]+%\\s+\\d+\\.\\d\\d\\s`, 'm'),
      );
    }
    expect(out).toMatch(/Lowest MASE: \w+ \(4 origins, 12 forecast-actual pairs\)/);
  },

  'which-sectors-drive-growth.ts': (out) => {
    // The example model's illustrative base shares and sector CAGRs (models/big-data-sectors-example.model.json),
    // base total 1: sector i is s_i (1 + g_i)^n in year n; contributions over the span split the total's
    // growth in proportion to each sector's change a_i, so a CAGR contribution is a_i / T0 x cagr / growth.
    const sectors = exampleSectors().map((s) => [s.name, s.share, s.rate] as const);
    const end = sectors.map(([, s, g]) => s * (1 + g) ** 5);
    const total = end.reduce((a, b) => a + b, 0);
    const cagr = total ** (1 / 5) - 1;
    const growth = total - 1;
    expect(out).toContain(
      `-> RMB ${total.toPrecision(3).replace(/0+$/, '').replace(/\.$/, '')} trillion in 2025, ${pct(cagr)} a year`,
    );
    const pp = (v: number) => esc(`${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)} pp`);
    const rx = (f: number) => esc(pct(f));
    sectors.forEach(([name, s, g], i) => {
      const a = (end[i] as number) - s;
      const row = new RegExp(
        `^ {2}${name}\\s+${rx(s)}\\s+${rx((end[i] as number) / total)}\\s+${rx(g)}\\s+${pp((a * cagr) / growth)}\\s+${rx(a / growth)}$`,
        'm',
      );
      expect(out).toMatch(row);
      // First year: contribution = s_i g_i (the base total is 1).
      expect(out).toMatch(new RegExp(`^ {2}${name}\\s+${pp(s * g)}`, 'm'));
    });
    expect(out).toMatch(new RegExp(`^ {2}total\\s+100%\\s+100%\\s+${rx(cagr)}\\s+${pp(cagr)}\\s+100%$`, 'm'));
    // Sum of the sectors against the plan path 1.25^5, in RMB billion.
    expect(out).toContain(`the sectors are RMB ${((total - 1.25 ** 5) * 1000).toFixed(1)} billion above it`);
    expect(out).toContain('Assumptions (none of these numbers is from a document)');
    expect(out).toMatch(/The largest driver is Industry applications/);
  },

  'what-matters-most.ts': (out) => {
    // One at a time around 1 x 1.25^5: rate 22 % / 28 % gives 1.22^5 / 1.28^5; base 0.9 / 1.1 gives 0.9 / 1.1 x 1.25^5.
    const t = (v: number) => `RMB ${Number(v.toPrecision(3))} trillion`;
    const b = (v: number) => `RMB ${Number((v * 1000).toPrecision(3))} billion`;
    expect(out).toMatch(
      new RegExp(
        `^ {2}bd14\\.cagr-2020-2025\\s+22% -> 28%\\s+${esc(`${t(1.22 ** 5)} / ${t(1.28 ** 5)}`)}\\s+${esc(b(1.28 ** 5 - 1.22 ** 5))}$`,
        'm',
      ),
    );
    expect(out).toMatch(
      new RegExp(
        `^ {2}bd14\\.revenue-2020\\s+RMB 900 billion -> RMB 1\\.1 trillion\\s+${esc(`${t(0.9 * 1.25 ** 5)} / ${t(1.1 * 1.25 ** 5)}`)}\\s+${esc(b(0.2 * 1.25 ** 5))}$`,
        'm',
      ),
    );
    expect(out).toMatch(
      /^ {2}uncertainty\.volatility\s+4\.5% -> 5\.5%\s+RMB 3\.05 trillion \/ RMB 3\.05 trillion\s+RMB 0$/m,
    );
    // Growth needed for 3 from 0.9 and from 1.1: (3 / 0.9)^(1/5) - 1 and (3 / 1.1)^(1/5) - 1.
    expect(out).toContain(
      `bd14.revenue-2020: ${pct((3 / 0.9) ** 0.2 - 1)} with RMB 900 billion, ${pct((3 / 1.1) ** 0.2 - 1)} with RMB 1.1 trillion`,
    );
    expect(out).toContain('Matters most: bd14.cagr-2020-2025');
  },

  'my-own-model.ts': (out) => {
    const file = join(outDir, 'own-model', 'models', 'example-province-software.model.json');
    expect(out).toContain(`Wrote ${file}`);
    expect(JSON.parse(readFileSync(file, 'utf8')).id).toBe('example-province-software');
    expect(out).toContain('hypothetical');
    // 300 x 1.11^5 = 505.5; exactly 500 needs (500 / 300)^(1/5) - 1; slow: 300 x 1.09^5 = 461.6.
    expect(out).toContain(`RMB 300 billion x 1.11^5 = RMB ${(300 * 1.11 ** 5).toFixed(0)} billion`);
    expect(out).toContain('consistency: CONSISTENT');
    expect(out).toContain(
      `plan: RMB ${(300 * 1.11 ** 5).toFixed(0)} billion in 2025, meets the target (needs ${pct((5 / 3) ** 0.2 - 1)} a year)`,
    );
    expect(out).toContain(`slow: RMB ${(300 * 1.09 ** 5).toFixed(0)} billion in 2025, misses the target`);
    // ln(level 2025) ~ N(ln(300 x 1.11^5), 0.03^2 x 5): P(> 500) in closed form, against the printed estimate.
    const closed = 1 - normalCdf((Math.log(500) - Math.log(300 * 1.11 ** 5)) / (0.03 * Math.sqrt(5)));
    const p = num(out, /P\(exceeds RMB 500 billion in 2025\) = ([\d.]+)%/) / 100;
    expect(Math.abs(p - closed)).toBeLessThan(4 * Math.sqrt((closed * (1 - closed)) / 50_000));
  },

  'render-a-chart-for-my-report.ts': (out) => {
    const dir = join(outDir, 'report');
    const p = num(out, /in 2025\) = ([\d.]+)% \(20,000 paths/) / 100;
    expect(Math.abs(p - CLOSED_FORM_P)).toBeLessThan(4 * Math.sqrt((CLOSED_FORM_P * (1 - CLOSED_FORM_P)) / 20_000));
    expect(out).toContain(`plan path ends at RMB ${(1.25 ** 5).toFixed(2)} trillion`);
    for (const name of ['trajectories', 'fan']) {
      const svgFile = join(dir, `${name}.svg`);
      const pngFile = join(dir, `${name}.png`);
      expect(out).toContain(svgFile);
      expect(out).toContain(pngFile);
      const svg = readFileSync(svgFile, 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('Big data industry');
      const png = readFileSync(pngFile);
      // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.readUInt32BE(16)).toBeGreaterThan(800);
      expect(png.readUInt32BE(20)).toBeGreaterThan(500);
      // A blank or text-less image compresses to a few kB; two charts with labels do not.
      expect(statSync(pngFile).size).toBeGreaterThan(20_000);
      expect(JSON.parse(readFileSync(join(dir, `${name}.vl.json`), 'utf8')).$schema).toMatch(/vega-lite\/v6/);
    }
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(html).toContain('Scenarios and the plan target');
    expect(html).toContain('Monte Carlo fan chart');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
  },
};

describe('examples/', () => {
  it('every example has its claims checked here', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => !(f in CLAIMS))).toEqual([]);
  });

  describe.each(files)('%s', (file) => {
    it('exits 0 with no error output and no NaN, Infinity or undefined in what it prints', () => {
      const r = runs.get(file);
      expect(r, `${file} did not run`).toBeDefined();
      expect(r?.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
      expect(r?.code).toBe(0);
      expect(r?.stdout).not.toMatch(/NaN|Infinity|undefined|\[object Object\]/);
    });

    it('prints the numbers it claims', () => {
      const check = CLAIMS[file];
      if (!check) throw new Error(`add the claims of examples/${file} to CLAIMS in test/examples.test.ts`);
      check(output(file));
    });
  });
});
