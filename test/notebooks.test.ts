// Executes every notebook in notebooks/ with Debian's Jupyter (nbconvert) on the project's Deno kernel, as a user
// gets them: the notebooks import the package by its name, and run in a folder where the packed tarball is
// installed (not against ../src). Then checks the executed copy: no errors, the charts there in every MIME
// type, and the numbers each notebook claims. Expected numbers are computed here (closed forms), not copied
// from earlier runs.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTempFolder, installTarball, packedTarball } from './helpers/installedPackage.js';
import { exampleSectors } from './helpers/exampleSectors.js';
import { BIG_DATA_2025_EXCEEDANCE, normalCdf } from './helpers/normal.js';

const ROOT = resolve(import.meta.dirname, '..');
const NOTEBOOKS = join(ROOT, 'notebooks');
const JUPYTER = '/usr/bin/jupyter';
const KERNEL = 'industry-metrics-deno';
const files = readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

/** nbconvert and the Jupyter client come from Debian (scripts/setup-system.sh); the kernel from node_modules/deno. */
function jupyterReady(): boolean {
  if (!existsSync(JUPYTER)) return false;
  try {
    execFileSync(JUPYTER, ['nbconvert', '--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const ready = jupyterReady();
const inCi = process.env['CI'] === 'true';
const MISSING = `${JUPYTER} with nbconvert is not installed: run scripts/setup-system.sh as root (it installs jupyter-notebook, jupyter-nbconvert, python3-nbclient, python3-ipykernel and jupyter-client from Debian)`;
if (!ready && !inCi) console.warn(`test/notebooks.test.ts: notebooks not executed. ${MISSING}.`);

interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  name?: string;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string } };
}
interface Executed {
  code: number | null;
  stderr: string;
  notebook?: Notebook;
}

let work = '';
/** A user's project: the tarball installed, the notebooks copied in, Deno told to use the installed packages. */
let app = '';
const executed = new Map<string, Executed>();

function execute(file: string): Promise<Executed> {
  const out = join(work, 'executed', file);
  return new Promise((done) => {
    execFile(
      JUPYTER,
      [
        'nbconvert',
        '--to',
        'notebook',
        '--execute',
        `--ExecutePreprocessor.kernel_name=${KERNEL}`,
        '--ExecutePreprocessor.timeout=300',
        // A cell's last value (a chart, markdown) is its execute_result, which the kernel may publish after its
        // execute_reply; nbclient waits only 4 s for it by default, too little on a loaded machine.
        '--ExecutePreprocessor.iopub_timeout=120',
        '--output',
        out,
        join('notebooks', file),
      ],
      {
        cwd: app,
        env: { ...process.env, JUPYTER_PATH: join(app, '.jupyter'), NO_COLOR: '1' },
        timeout: 600_000,
        maxBuffer: 64 << 20,
      },
      (error, _stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({
          code,
          stderr,
          ...(existsSync(out) ? { notebook: JSON.parse(readFileSync(out, 'utf8')) as Notebook } : {}),
        });
      },
    );
  });
}

beforeAll(async () => {
  if (!ready) return;
  work = cleanTempFolder('notebooks');
  app = join(work, 'app');
  installTarball(app, packedTarball());
  mkdirSync(join(app, 'notebooks'));
  mkdirSync(join(work, 'executed'));
  for (const f of files) copyFileSync(join(NOTEBOOKS, f), join(app, 'notebooks', f));
  // What a user's notebook folder needs: Deno resolves npm packages from the project's node_modules.
  writeFileSync(join(app, 'deno.json'), `${JSON.stringify({ nodeModulesDir: 'manual' }, null, 2)}\n`);
  // The kernelspec runs this checkout's Deno (a devDependency, not a dependency of the package).
  execFileSync(
    process.execPath,
    [join(ROOT, 'scripts', 'notebook-kernel.mjs'), '--quiet', '--jupyter-dir', join(app, '.jupyter')],
    { cwd: ROOT },
  );
  // One after the other: kernels started together race for ports, and on a busy machine lose results more often.
  for (const f of files) executed.set(f, await executeUntilComplete(f));
}, 900_000);

/** Code cells (after the first, the imports) that ended with no output: their result never reached nbconvert. */
function silentCells(r: Executed): number[] {
  return (r.notebook?.cells ?? []).flatMap((c, i) =>
    c.cell_type === 'code' && i > 1 && (c.outputs ?? []).length === 0 ? [i] : [],
  );
}

/** A kernel that died at start-up because another process took its port first (see executeUntilComplete). */
const PORT_TAKEN = /AddrInUse|Address already in use/;

/**
 * Executes a notebook, and again (at most seven more times) when a cell's result was lost or the kernel could
 * not start:
 * - The Deno kernel (2.9) now and then sends a cell's execute_result where nbconvert does not collect it (a
 *   cell different each time; about one run in five on this machine, more when it is loaded, once four runs
 *   in a row). A cell that loses its result eight times in a row fails the claims below, naming what is missing.
 * - jupyter_client picks free ports and closes them before the kernel binds them, so another process can take
 *   one first (a race, not an error in a notebook; it failed a CI run when the notebooks still ran at once).
 */
async function executeUntilComplete(file: string): Promise<Executed> {
  let r = await execute(file);
  for (let tries = 1; tries < 8; tries++) {
    if (r.code !== 0 && PORT_TAKEN.test(r.stderr)) {
      console.warn(`${file}: its kernel could not bind a port another process had taken; starting it again`);
    } else if (r.code === 0 && silentCells(r).length > 0) {
      console.warn(`${file}: cells ${silentCells(r).join(', ')} lost their result; running the notebook again`);
    } else break;
    r = await execute(file);
  }
  return r;
}

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const join1 = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : (t ?? ''));
function outputs(file: string): Output[] {
  const r = executed.get(file);
  if (!r?.notebook) throw new Error(`${file} was not executed (exit ${r?.code}):\n${r?.stderr}`);
  return r.notebook.cells.flatMap((c) => c.outputs ?? []);
}
/** Everything the notebook showed as text: markdown, plain text and streams. */
function text(file: string): string {
  // Markdown outputs carry the same text as text/plain: take one of them.
  return outputs(file)
    .map(
      (o) =>
        join1((o.data?.['text/markdown'] ?? o.data?.['text/plain']) as string | string[] | undefined) + join1(o.text),
    )
    .join('\n');
}
function charts(file: string): Output[] {
  return outputs(file).filter((o) => o.data?.['application/vnd.vegalite.v6+json'] !== undefined);
}
function num(s: string, re: RegExp): number {
  const m = re.exec(s);
  if (!m?.[1]) throw new Error(`no match for ${re} in:\n${s}`);
  return Number(m[1].replace(/,/g, ''));
}
const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pct = (fraction: number) => `${Number((fraction * 100).toFixed(2))}%`;
const CLOSED_FORM_P = BIG_DATA_2025_EXCEEDANCE;

/** What each notebook claims: how many charts and which numbers. Every notebook must have an entry. */
const CLAIMS: Readonly<Record<string, { charts: number; check: (text: string) => void }>> = {
  'plan-targets-and-consistency.ipynb': {
    charts: 1,
    check: (t) => {
      // 1 x 1.25^5 = 3.0517578125; exactly 3 needs 3^(1/5) - 1.
      expect(t).toContain(`RMB 1 trillion x 1.25^5 = RMB ${(1.25 ** 5).toFixed(2)} trillion`);
      expect(t).toContain(`**${pct(3 ** (1 / 5) - 1)} a year**`);
      expect(t).toContain('Verdict: **consistent**');
      expect(t).toContain('"By 2025, the estimated scale of the big data industry will exceed 3 trillion RMB');
      // Scenario end levels: 1.28^5 = 3.436, 1.22^5 = 2.703, 1.25^5 x 0.95 = 2.899.
      expect(t).toMatch(new RegExp(`\\| high \\| RMB ${(1.28 ** 5).toFixed(2)} trillion \\| 28% \\| yes`));
      expect(t).toMatch(new RegExp(`\\| low \\| RMB ${(1.22 ** 5).toFixed(1)} trillion \\| 22% \\| no`));
      expect(t).toMatch(
        new RegExp(
          `\\| shock-2022 \\| RMB ${(1.25 ** 5 * 0.95).toFixed(1)} trillion \\| ${pct((1.25 ** 5 * 0.95) ** 0.2 - 1)} \\| no`,
        ),
      );
    },
  },
  'monte-carlo-scenarios.ipynb': {
    charts: 2,
    check: (t) => {
      const p = num(t, /\*\*P\(exceeds RMB 3 trillion in 2025\) = ([\d.]+)%\*\*/) / 100;
      const paths = num(t, /one standard error; ([\d,]+) paths/);
      expect(Math.abs(p - CLOSED_FORM_P)).toBeLessThan(4 * Math.sqrt((CLOSED_FORM_P * (1 - CLOSED_FORM_P)) / paths));
      expect(t).toContain(
        `Closed form: 1 − Φ(${((Math.log(3) - 5 * Math.log(1.25)) / (0.05 * Math.sqrt(5))).toFixed(4)}) = **${pct(CLOSED_FORM_P)}**`,
      );
      // Same seed, same numbers.
      expect(t).toContain(`Seed 2026 again: ${pct(p)}; identical to the first run in every number: **true**`);
      // Scenario probabilities, each within 4 standard errors of its closed form: the median is
      // (1 + g)^5 (x 0.95 for the 2022 shock) and the sd of ln(level) is 0.05 sqrt 5.
      const closed = (median: number) => 1 - normalCdf((Math.log(3) - Math.log(median)) / (0.05 * Math.sqrt(5)));
      for (const [name, median] of [
        ['high', 1.28 ** 5],
        ['low', 1.22 ** 5],
        ['shock-2022', 1.25 ** 5 * 0.95],
      ] as const) {
        const q = num(t, new RegExp(`\\| ${name} \\| [^|]+ \\| ([\\d.]+)% \\|`)) / 100;
        const c = closed(median);
        expect(Math.abs(q - c), name).toBeLessThan(4 * Math.sqrt((c * (1 - c)) / paths));
      }
    },
  },
  'how-did-the-plans-do.ipynb': {
    charts: 0,
    check: (t) => {
      // As of 2022: the 13th plan met (beside its ex-ante 50 % by construction), the 14th off track with
      // nowcasts at 25 % and 18 % a year from 1.57 in 2022 (closed forms 0.5998 and 0.0406, 20 000 paths), and
      // cybersecurity undetermined.
      expect(t).toMatch(/^\| bd13\.revenue-2020 \| met \| met \| [\d.]+% \| {2}\| {2}\|$/m);
      expect(t).toMatch(/^\| cyber\.revenue-2023 \| undetermined \| {2}\| [\d.]+% \| [\d.]+% \| {2}\|$/m);
      const row = /^\| bd14\.revenue-2025 \| off track \| {2}\| [\d.]+% \| ([\d.]+)% \| ([\d.]+)% \|$/m.exec(t);
      const se = (p: number) => Math.sqrt((p * (1 - p)) / 20_000);
      expect(Math.abs(Number(row?.[1]) / 100 - 0.59979)).toBeLessThan(4 * se(0.6) + 0.0005);
      expect(Math.abs(Number(row?.[2]) / 100 - 0.04062)).toBeLessThan(4 * se(0.04) + 0.0005);
      expect(t).toContain('Ex ante: 50% by construction');
      // The model as of 2022: from 1.57 in 2022, (3 / 1.57)^(1/3) - 1 = 24.09 % a year still required.
      expect(t).toContain('Starts from **RMB 1.57 trillion in 2022** (obs.big-data.miit-2022).');
      expect(t).toContain(`needs **${pct((3 / 1.57) ** (1 / 3) - 1)} a year** from 2022`);
      const p = num(t, /P\(more than RMB 3 trillion in 2025\) = ([\d.]+)%\*\*/) / 100;
      expect(Math.abs(p - 0.59979)).toBeLessThan(4 * se(0.6) + 0.0005);
      // Definitions are not mixed: the NDA's data industry is refused, naming both.
      expect(t).toContain(
        '"obs.data-industry.nda-2024" is on "data industry, NDA", the model\'s targets on "big data industry, MIIT"',
      );
    },
  },
  'forecasting-and-sectors.ipynb': {
    charts: 3,
    check: (t) => {
      expect(t).toContain('of the made-up series');
      // Default forecast: one row per year 2024-2028, intervals nested around the point.
      const rows = [
        ...t.matchAll(
          /^\| (20\d\d) \| RMB ([\d.]+) billion \| RMB ([\d.]+) billion to RMB ([\d.]+) billion \| RMB ([\d.]+) billion to RMB ([\d.]+) billion \|$/gm,
        ),
      ];
      expect(rows.map((r) => Number(r[1]))).toEqual([2024, 2025, 2026, 2027, 2028]);
      for (const r of rows) {
        const [point, lo80, hi80, lo95, hi95] = [2, 3, 4, 5, 6].map((i) => Number(r[i]));
        expect([lo95, lo80, point, hi80, hi95]).toEqual(
          [lo95, lo80, point, hi80, hi95].sort((a, b) => (a as number) - (b as number)),
        );
      }
      // The naive method's backtest by hand: origins 2017-2020 (indexes 6-9), forecasts y[k] for y[k+1..k+3];
      // MASE per origin is MAE / mean |first difference| of that origin's training window, then averaged.
      const y = [120, 141, 163, 190, 214, 243, 270, 305, 332, 351, 392, 420, 447];
      let absSum = 0;
      let apeSum = 0;
      let maseSum = 0;
      let n = 0;
      for (let k = 6; k <= 9; k++) {
        const errors = [1, 2, 3].map((h) => Math.abs((y[k + h] as number) - (y[k] as number)));
        const scale = y.slice(1, k + 1).reduce((a, v, i) => a + Math.abs(v - (y[i] as number)), 0) / k;
        absSum += errors.reduce((a, e) => a + e, 0);
        apeSum += errors.reduce((a, e, h) => a + e / (y[k + h + 1] as number), 0);
        maseSum += errors.reduce((a, e) => a + e, 0) / 3 / scale;
        n += 3;
      }
      expect(t).toMatch(
        new RegExp(
          `^\\| naive \\| RMB ${esc((absSum / n).toPrecision(3))} billion \\| ${esc(((100 * apeSum) / n).toFixed(1))}% \\| ${esc((maseSum / 4).toFixed(2))} \\|`,
          'm',
        ),
      );
      expect(t).toMatch(/Lowest MASE: \*\*\w+\*\* \(4 origins, 12 forecast-actual pairs\)/);
      for (const m of ['naive', 'drift', 'holt', 'damped', 'ets', 'theta', 'logTrend', 'default'])
        expect(t).toMatch(new RegExp(`^\\| ${m} \\| RMB`, 'm'));
      // Sectors (illustrative shares and rates of models/big-data-sectors-example.model.json, base total 1).
      const sectors = exampleSectors().map((s) => [s.name, s.share, s.rate] as const);
      const end = sectors.map(([, sh, g]) => sh * (1 + g) ** 5);
      const total = end.reduce((a, b) => a + b, 0);
      const cagr = total ** (1 / 5) - 1;
      expect(t).toContain(`**${pct(cagr)} a year**`);
      sectors.forEach(([name, sh, g], i) => {
        const a = (end[i] as number) - sh;
        const pp = `+${(((a * cagr) / (total - 1)) * 100).toFixed(2)} pp`;
        expect(t).toContain(`| ${name} | ${pct(sh)} | ${pct(g)} | ${pp} | ${pct(a / (total - 1))} |`);
      });
    },
  },
};

describe.runIf(!ready && inCi)('notebooks/ without Jupyter on CI', () => {
  it('fails: CI must be able to execute the notebooks', () => {
    expect.fail(`${MISSING}.`);
  });
});

describe.runIf(ready)('notebooks/', () => {
  it('every notebook has its claims checked here and names the project kernel', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.filter((f) => !(f in CLAIMS))).toEqual([]);
    for (const f of files) {
      const nb = JSON.parse(readFileSync(join(NOTEBOOKS, f), 'utf8')) as Notebook;
      expect(nb.metadata.kernelspec?.name, f).toBe(KERNEL);
      // Committed without outputs: the executed copies are made here.
      expect(
        nb.cells.flatMap((c) => c.outputs ?? []),
        f,
      ).toEqual([]);
      // Only the public API, imported by the package's name as a user's notebook does.
      const code = nb.cells
        .filter((c) => c.cell_type === 'code')
        .map((c) => join1(c.source))
        .join('\n');
      expect(
        [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]),
        f,
      ).toEqual(['industry-metrics']);
    }
  });

  describe.each(files)('%s', (file) => {
    it('executes with nbconvert and shows no error', () => {
      const r = executed.get(file);
      expect(r?.code, r?.stderr).toBe(0);
      const errors = outputs(file).filter(
        (o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'),
      );
      expect(errors.map((o) => `${o.ename ?? ''}: ${o.evalue ?? join1(o.text)}`)).toEqual([]);
      expect(text(file)).not.toMatch(/NaN|Infinity|undefined|\[object Object\]|Promise \{/);
    });

    it('every code cell that displays something has its output (none lost by the kernel)', () => {
      const nb = executed.get(file)?.notebook;
      const missing = (nb?.cells ?? [])
        .filter(
          (c) => c.cell_type === 'code' && /\b(md|chart)\(/.test(join1(c.source)) && (c.outputs ?? []).length === 0,
        )
        .map((c) => join1(c.source).slice(0, 60));
      expect(missing).toEqual([]);
    });

    it('shows its charts in every MIME type (Vega-Lite v6 and v5, SVG, PNG, text)', () => {
      const found = charts(file);
      expect(found.length).toBe(CLAIMS[file]?.charts);
      for (const o of found) {
        const d = o.data ?? {};
        expect((d['application/vnd.vegalite.v6+json'] as { $schema?: string }).$schema).toMatch(/vega-lite\/v6/);
        expect(d['application/vnd.vegalite.v5+json']).toBeDefined();
        expect(join1(d['image/svg+xml'] as string | string[])).toMatch(/^<svg[\s\S]*<path[\s\S]*<\/svg>\s*$/);
        const png = Buffer.from(join1(d['image/png'] as string | string[]), 'base64');
        expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
        expect(png.length).toBeGreaterThan(20_000);
        expect(join1(d['text/plain'] as string | string[])).toMatch(/^Chart: /);
      }
    });

    it('shows the numbers it claims', () => {
      const claims = CLAIMS[file];
      if (!claims) throw new Error(`add the claims of notebooks/${file} to CLAIMS in test/notebooks.test.ts`);
      claims.check(text(file));
    });
  });
});

describe('notebooks/ sources', () => {
  it('no notebook copies a display helper: charts and markdown() draw themselves as a cell’s last value', () => {
    for (const f of files) {
      const nb = JSON.parse(readFileSync(join(NOTEBOOKS, f), 'utf8')) as Notebook;
      const code = nb.cells
        .filter((c) => c.cell_type === 'code')
        .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
        .join('\n');
      expect(code, f).not.toMatch(/Deno\.jupyter\.display|toMimeBundle|Symbol\.for\('Jupyter\.display'\)/);
      expect(code, f).toMatch(/\bmarkdown\(/);
    }
  });
});
