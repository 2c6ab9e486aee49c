import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { rejected, thrown } from '../helpers/thrown.js';
import { validateSpec } from '../../src/render/validateSpec.js';
import { toSvg } from '../../src/render/toSvg.js';
import { toPng } from '../../src/render/toPng.js';
import { MAX_PNG_PIXELS, svgToPng } from '../../src/render/svgToPng.js';
import { fontFiles, FONT_FILES, missingFonts } from '../../src/render/fontFiles.js';
import { reportHtml } from '../../src/report/reportHtml.js';
import { writeReport } from '../../src/report/writeReport.js';
import { htmlToPdf } from '../../src/render/htmlToPdf.js';
import { toMimeBundle } from '../../src/render/toMimeBundle.js';
import { trajectoryChart } from '../../src/charts/trajectoryChart.js';
import { fanChart } from '../../src/charts/fanChart.js';
import { cases, fanInput, paths, target2025 } from './fixtures.js';
import { darkShare, decodePng } from './png.js';

const latinFonts = FONT_FILES.latin.every((f) => existsSync(f));
const cjkFonts = FONT_FILES.cjk.every((f) => existsSync(f));
const inCi = process.env['CI'] === 'true';
if (!latinFonts && !inCi)
  console.warn('PNG tests skipped: fonts-dejavu-core is not installed (run scripts/setup-system.sh as root).');
if (!cjkFonts && !inCi)
  console.warn('Chinese PNG test skipped: fonts-noto-cjk is not installed (run scripts/setup-system.sh as root).');

const spec = () =>
  fanChart(fanInput(), { unit: 'CNY trillion', measure: 'Revenue', title: 'Big data industry revenue' });

describe('validateSpec', () => {
  it('validateSpec(a builder spec) returns it unchanged', () => {
    const s = spec();
    expect(validateSpec(s)).toBe(s);
  });
  it('validateSpec reports a wrong mark type with its path and the allowed values', () => {
    const e = thrown(() => validateSpec({ data: { values: [] }, layer: [{ mark: { type: 'lines' } }] })) as Error & {
      code: string;
      details: { problems: string[] };
    };
    expect(e).toMatchObject({ code: 'invalid_definition' });
    expect(e.message).toMatch(/layer\.0\.mark\.type: must be one of .*"line"/);
  });
  it('validateSpec reports an unknown property once per path, not one line per anyOf branch', () => {
    const e = thrown(() =>
      validateSpec({
        mark: 'point',
        data: { values: [] },
        encoding: { x: { field: 'a', type: 'quantitative', colour: 'red' } },
      }),
    ) as { details: { problems: string[] } };
    expect(e.details.problems).toEqual(['encoding.x: unknown property "colour"']);
  });
  it('validateSpec(array) and validateSpec(null) throw invalid_definition', () => {
    expect(thrown(() => validateSpec([]))).toMatchObject({ code: 'invalid_definition' });
    expect(thrown(() => validateSpec(null))).toMatchObject({ code: 'invalid_definition' });
  });
});

describe('toSvg', () => {
  it('toSvg(spec) is an SVG in DejaVu Sans with the title', async () => {
    const svg = await toSvg(spec());
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).toContain('Big data industry revenue');
  });
  it('toSvg rejects a schema-invalid spec with invalid_definition, not a TypeError', async () => {
    expect(await rejected(() => toSvg({ mark: 'nope' } as never))).toMatchObject({ code: 'invalid_definition' });
  });
  it('toSvg(spec, { validate: false }) turns a vega failure into invalid_definition', async () => {
    const e = await rejected(() =>
      toSvg(
        {
          data: { values: [{ a: 1 }] },
          transform: [{ calculate: 'datum.a +* (', as: 'b' }],
          mark: 'point',
          encoding: { x: { field: 'b', type: 'quantitative' } },
        },
        { validate: false },
      ),
    );
    expect(e).toMatchObject({ code: 'invalid_definition' });
  });
  const lineOf = (values: object[], extra: object = {}) =>
    ({
      mark: 'line',
      data: { values },
      encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } },
      ...extra,
    }) as never;
  it('an axis without data is described as "with no values", not "from NaN to NaN"', async () => {
    const svg = await toSvg({
      mark: 'point',
      data: { values: [] },
      encoding: { x: { field: 'a', type: 'quantitative' } },
    });
    expect(svg).toContain(`aria-label="X-axis titled 'a' for a linear scale with no values"`);
    expect(svg).not.toMatch(/NaN/);
  });
  it('toSvg refuses a layout vega overflowed into Infinity (a line 1e308 wide), naming the cause', async () => {
    const e = await rejected(() =>
      toSvg(
        lineOf(
          [
            { year: 2020, v: 1 },
            { year: 2021, v: 2 },
          ],
          { config: { line: { strokeWidth: 1e308 } } },
        ),
      ),
    );
    expect(e).toMatchObject({ code: 'invalid_definition', issues: [{ path: ['spec'] }] });
    expect((e as Error).message).toMatch(
      /^toSvg: vega wrote an infinite number into the chart \(got it right after ".*width=""\)\. Data values or sizes near the largest double/,
    );
  });
  it('toSvg refuses tick labels that read NaN (values of ±1e308 span more than a double)', async () => {
    const e = await rejected(() =>
      toSvg(
        lineOf([
          { year: 2020, v: 1e308 },
          { year: 2021, v: -1e308 },
        ]),
      ),
    );
    expect((e as Error).message).toMatch(
      /^toSvg: vega wrote a value that is not a number into the chart .* A field some encoding or tooltip needs is missing/,
    );
    expect((e as Error).message).not.toMatch(/\bNaN\b/);
  });
  it('toSvg refuses a tooltip that shows a missing field as NaN or undefined, and one that shows an object', async () => {
    const withTip = (values: object[], field: string) =>
      ({
        mark: 'point',
        data: { values },
        encoding: {
          x: { field: 'year', type: 'quantitative' },
          y: { field: 'v', type: 'quantitative' },
          tooltip: [{ field, type: field === 'note' ? 'nominal' : 'quantitative' }],
        },
      }) as never;
    const missing = await rejected(() =>
      toSvg(
        withTip(
          [
            { year: 2020, v: 1, low: 0.5 },
            { year: 2021, v: 2 },
          ],
          'low',
        ),
      ),
    );
    expect((missing as Error).message).toMatch(
      /^toSvg: vega wrote a value that is not a number into the chart \(got it right after "….*low: "\)\. A field some encoding or tooltip needs is missing or not a number in a data row/,
    );
    const absent = await rejected(() => toSvg(withTip([{ year: 2020, v: 1 }], 'note')));
    expect((absent as Error).message).toMatch(
      /^toSvg: vega wrote a missing value as text into the chart \(got it right after "….*note: "\)\. A field the chart shows .* is missing in a data row/,
    );
    const object = await rejected(() => toSvg(withTip([{ year: 2020, v: 1, note: { a: 1 } }], 'note')));
    expect(object).toMatchObject({ code: 'invalid_definition' });
    expect((object as Error).message).toMatch(
      /^toSvg: vega wrote an object as text into the chart .* holds an object or an array in a data row/,
    );
  });
  it('a view named "" is refused before vega-lite compiles it, which never returned inside a concat (fuzz seed 40)', async () => {
    const layer = {
      name: '',
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    };
    for (const validate of [true, false]) {
      expect(await rejected(() => toSvg({ vconcat: [{ layer: [layer] }] } as never, { validate }))).toMatchObject({
        code: 'invalid_definition',
        // with validate, validateSpec refuses it, under its own name
        message: `${validate ? 'validateSpec' : 'toSvg'}: vconcat[0].layer[0].name is empty (got ""). vega-lite cannot compile a view named "" inside a concat (it never returns); give it a name or leave name out.`,
        issues: [{ path: ['spec', 'vconcat', 0, 'layer', 0, 'name'] }],
      });
    }
    expect(thrown(() => validateSpec({ vconcat: [{ layer: [layer] }] }))).toMatchObject({ code: 'invalid_definition' });
    // a data row's empty name field is data, not a view's name
    const rows = {
      data: { values: [{ name: '', a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    };
    expect((await toSvg(rows as never)).startsWith('<svg')).toBe(true);
    const datasets = {
      datasets: { d: [{ name: '', a: 1 }] },
      data: { name: 'd' },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    };
    expect((await toSvg(datasets as never)).startsWith('<svg')).toBe(true);
  });
  it("a title that says NaN or Infinity is the spec's own text, not a failed layout", async () => {
    const svg = await toSvg(
      lineOf(
        [
          { year: 2020, v: 1 },
          { year: 2021, v: 2 },
        ],
        { title: 'NaN and Infinity in [object Object]' },
      ),
    );
    expect(svg).toContain('NaN and Infinity in [object Object]');
  });
});

describe('fontFiles', () => {
  it('fontFiles names the Debian package and the setup script when DejaVu is missing', () => {
    const e = thrown(() => fontFiles('<svg/>', { latin: ['/nonexistent/DejaVuSans.ttf'], cjk: [] })) as Error;
    expect(e).toMatchObject({ code: 'not_found' });
    expect(e.message).toMatch(/fonts-dejavu-core.*scripts\/setup-system\.sh/);
  });
  it('fontFiles asks for fonts-noto-cjk only when the SVG has Chinese text', () => {
    const files = { latin: [], cjk: ['/nonexistent/NotoSansCJK-Regular.ttc'] };
    expect(fontFiles('<svg><text>Revenue</text></svg>', files)).toEqual([]);
    expect((thrown(() => fontFiles('<svg><text>营业收入</text></svg>', files)) as Error).message).toMatch(
      /fonts-noto-cjk/,
    );
  });
  it('missingFonts lists by package what an SVG needs and lacks; without an SVG, what any chart may need', () => {
    const files = { latin: ['/nonexistent/DejaVuSans.ttf'], cjk: ['/nonexistent/NotoSansCJK-Regular.ttc'] };
    const latin = { package: 'fonts-dejavu-core', missing: ['/nonexistent/DejaVuSans.ttf'] };
    const cjk = { package: 'fonts-noto-cjk', missing: ['/nonexistent/NotoSansCJK-Regular.ttc'] };
    expect(missingFonts('<svg><text>Revenue</text></svg>', files)).toEqual([latin]);
    expect(missingFonts('<svg><text>营业收入</text></svg>', files)).toEqual([latin, cjk]);
    expect(missingFonts(undefined, files)).toEqual([latin, cjk]);
    expect(missingFonts(undefined, { latin: [], cjk: files.cjk })).toEqual([cjk]);
  });
});

describe.runIf(latinFonts || inCi)('toPng', () => {
  it('fonts-dejavu-core is installed (else run scripts/setup-system.sh)', () => {
    expect(latinFonts).toBe(true);
  });
  it('toPng(spec, { scale: 2 }) is twice the SVG size, opaque and not blank', async () => {
    const svg = await toSvg(spec());
    const w = Number(/width="(\d+)"/.exec(svg)?.[1]);
    const h = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const png = decodePng(await toPng(spec(), { scale: 2 }));
    expect([png.width, png.height]).toEqual([w * 2, h * 2]);
    expect(darkShare(png, 0, 0, png.width, png.height, 250)).toBeGreaterThan(0.05);
  });
  it('the title is drawn: dark pixels in the title area, none there when resvg has no fonts', async () => {
    const svg = await toSvg(spec());
    const withFonts = decodePng(svgToPng(svg, 1));
    // The same SVG through resvg without any font: resvg drops all text, so the title area stays white.
    const noFonts = decodePng(
      new Resvg(svg, { background: 'white', font: { loadSystemFonts: false, fontFiles: [] } }).render().asPng(),
    );
    // Title: top-left, 12 px padding, 15 px bold text -> rows 10-32, columns 10-260.
    expect(darkShare(withFonts, 10, 10, 260, 32)).toBeGreaterThan(0.05);
    expect(darkShare(noFonts, 10, 10, 260, 32)).toBe(0);
  });
  it.each(cases.map((c) => [c.name, c.spec] as const))(
    '%s renders to a PNG with text in its title area',
    async (_name, make) => {
      const png = decodePng(await toPng(make(), { scale: 1, validate: false }));
      expect(darkShare(png, 10, 10, 200, 32)).toBeGreaterThan(0.03);
    },
  );
  it('svgToPng refuses more than MAX_PNG_PIXELS before resvg allocates them (a 1e7-wide SVG ended the process)', () => {
    const square = (side: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect width="10" height="10"/></svg>`;
    const e = thrown(() => svgToPng(square(1e7), 2));
    expect(e).toMatchObject({ code: 'too_large', details: { width: 1e7, height: 1e7, scale: 2 } });
    expect((e as Error).message).toBe(
      'svgToPng: the PNG would be 20000000 x 20000000 pixels (got more than 40000000 pixels). Give the chart a smaller width and height, or a smaller scale.',
    );
    // 3163 x 3163 at scale 2 is 40,018,276 pixels: refused; a report-sized chart (800 x 500 at 2) is drawn.
    expect(MAX_PNG_PIXELS).toBe(40_000_000);
    expect(thrown(() => svgToPng(square(3163), 2))).toMatchObject({ code: 'too_large' });
    const small = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="10" height="10"/></svg>`;
    expect(decodePng(svgToPng(small, 2)).width).toBe(1600);
  });
  it('toPng rejects scale 0 with invalid_argument', async () => {
    expect(await rejected(() => toPng(spec(), { scale: 0 }))).toMatchObject({ code: 'invalid_argument' });
  });
});

describe.runIf(cjkFonts || inCi)('toPng with Chinese labels', () => {
  it('fonts-noto-cjk is installed (else run scripts/setup-system.sh)', () => {
    expect(cjkFonts).toBe(true);
  });
  it('a zh chart renders its Chinese title (dark pixels in the title area)', async () => {
    const zh = trajectoryChart(
      {
        rows: paths([
          ['基准', 0.15],
          ['高', 0.2],
        ]),
        targets: [target2025],
      },
      { unit: 'CNY trillion', locale: 'zh', title: '大数据产业收入', measure: '收入' },
    );
    const svg = await toSvg(zh);
    expect(svg).toContain('font-family="Noto Sans CJK SC"');
    expect(svg).toContain('收入（万亿元）');
    const png = decodePng(svgToPng(svg, 1));
    expect(darkShare(png, 10, 10, 130, 32)).toBeGreaterThan(0.05);
  });
});

describe('reportHtml', () => {
  const html = reportHtml({
    title: 'Big data <industry>',
    sections: [
      {
        heading: 'Revenue',
        text: 'First paragraph.\n\nSecond </script> paragraph.',
        charts: [{ title: 'Fan', spec: fanChart(fanInput(), { unit: 'CNY trillion' }) }],
        tables: [
          {
            columns: ['year', 'value'],
            rows: [
              [2025, 3.05],
              [2030, null],
            ],
          },
        ],
      },
    ],
  });
  it('inlines vega, vega-lite and vega-embed: no external script or stylesheet', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toContain('vegaEmbed');
    expect(html.length).toBeGreaterThan(800_000);
  });
  it('escapes text and never lets a spec or quote close its script element', () => {
    expect(html).toContain('<title>Big data &#60;industry&#62;</title>');
    expect(html).toContain('Second &#60;/script&#62; paragraph.');
    const specs = [...html.matchAll(/<script type="application\/json" id="chart-1-spec">([\s\S]*?)<\/script>/g)];
    expect(specs).toHaveLength(1);
    // The fixture quote contains "</script>"; it survives the round trip.
    expect(JSON.parse(specs[0]?.[1] ?? '')).toEqual(
      JSON.parse(JSON.stringify(fanChart(fanInput(), { unit: 'CNY trillion' }))),
    );
    expect(html.match(/<\/script/gi)?.length).toBe(html.match(/<script/gi)?.length);
  });
  it('draws with renderer svg, the export menu only, and sets data-ready (and data-error on failure)', () => {
    expect(html).toContain('{ export: true, source: false, compiled: false, editor: false }');
    expect(html).toContain("renderer: 'svg', actions: actions");
    expect(html).toContain("setAttribute('data-ready', 'true')");
    expect(html).toContain("setAttribute('data-error'");
  });
  it('writes tables with numbers right-aligned', () => {
    expect(html).toContain('<td class="n">3.05</td>');
  });
  it('reportHtml without sections throws invalid_argument', () => {
    expect(thrown(() => reportHtml({ title: 't', sections: [] }))).toMatchObject({ code: 'invalid_argument' });
    expect(
      thrown(() =>
        reportHtml({
          title: 't',
          sections: [{ heading: 'h', charts: [], tables: [{ columns: ['a'], rows: [[1, 2]] }] }],
        }),
      ),
    ).toMatchObject({ code: 'invalid_argument' });
  });
});

describe.runIf(latinFonts || inCi)('writeReport and toMimeBundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'im-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('writeReport writes report.html, report.xlsx, .svg, .png and .vl.json per chart and .csv of its numbers', async () => {
    const files = await writeReport(dir, {
      title: 'R',
      sections: [
        {
          heading: 'S',
          charts: [
            {
              title: 'Revenue fan',
              spec: spec(),
              data: { columns: ['Year', { name: 'Median', unit: 'RMB trillion', decimals: 2 }], rows: [[2025, 3.05]] },
            },
            {
              title: 'Trajectories',
              spec: trajectoryChart({ rows: paths([['base', 0.1]]) }, { unit: 'CNY trillion' }),
            },
          ],
        },
      ],
    });
    expect(files[0]).toBe(join(dir, 'report.html'));
    expect(readdirSync(dir).sort()).toEqual([
      '01-revenue-fan.csv',
      '01-revenue-fan.png',
      '01-revenue-fan.svg',
      '01-revenue-fan.vl.json',
      '02-trajectories.png',
      '02-trajectories.svg',
      '02-trajectories.vl.json',
      'report.html',
      'report.xlsx',
    ]);
    expect(readFileSync(join(dir, '01-revenue-fan.csv'), 'utf8')).toBe('\uFEFFYear,Median (RMB trillion)\n2025,3.05\n');
    expect(JSON.parse(readFileSync(join(dir, '01-revenue-fan.vl.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(spec())),
    );
  });
  it('writeReport with a bad spec writes nothing', async () => {
    const empty = join(dir, 'bad');
    expect(
      await rejected(() =>
        writeReport(empty, {
          title: 'R',
          sections: [{ heading: 'S', charts: [{ title: 'x', spec: { mark: 'nope' } as never }] }],
        }),
      ),
    ).toMatchObject({ code: 'invalid_definition' });
    expect(existsSync(empty)).toBe(false);
  });
  it('writeReport refuses a folder that is not text, BigInt included (its message used JSON.stringify)', async () => {
    for (const [bad, shown] of [
      [10n, '10n (a BigInt)'],
      ['', '""'],
      [null, 'null'],
    ] as const) {
      expect(await rejected(() => writeReport(bad as never, { title: 'R', sections: [] }))).toMatchObject({
        code: 'invalid_argument',
        message: `writeReport: dir must be a folder path (got ${shown}).`,
        issues: [{ path: ['dir'] }],
      });
    }
  });
  it('toMimeBundle gives vega-lite v6/v5, SVG, base64 PNG and text', async () => {
    const b = await toMimeBundle(spec());
    expect(Object.keys(b).sort()).toEqual([
      'application/vnd.vegalite.v5+json',
      'application/vnd.vegalite.v6+json',
      'image/png',
      'image/svg+xml',
      'text/plain',
    ]);
    expect(Buffer.from(b['image/png'], 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(b['image/svg+xml'].startsWith('<svg')).toBe(true);
    expect(b['text/plain']).toBe('Chart: Big data industry revenue');
  });
});

describe('reportHtml interactive', () => {
  const base = trajectoryChart({ rows: paths([['base', 0.1]]) }, { unit: 'CNY trillion' });
  const page = (interactive: boolean) =>
    reportHtml(
      {
        title: 't',
        sections: [
          { heading: 'h', charts: [{ title: 'c', spec: base, htmlSpec: { ...base, description: 'with a slider' } }] },
        ],
      },
      { interactive },
    );
  it('reportHtml draws htmlSpec by default and the static spec with { interactive: false }', () => {
    expect(page(true)).toContain('with a slider');
    expect(page(false)).not.toContain('with a slider');
  });
});

// A misspelt option would be ignored (a PNG at the default scale, a report without its PDF): each refuses it,
// naming the closest option, before any work is done.
describe('render and report functions refuse an unknown option', () => {
  const report = { title: 't', sections: [{ heading: 'h', charts: [] }] };
  it('toSvg and toPng', async () => {
    await expect(toSvg(spec(), { valdate: false } as never)).rejects.toThrow(
      /^toSvg: unknown option "valdate".*Did you mean validate\?/,
    );
    await expect(toPng(spec(), { scal: 2 } as never)).rejects.toThrow(
      /^toPng: unknown option "scal".*Did you mean scale\?.*the options are scale, validate\./,
    );
  });
  it('reportHtml', () => {
    expect(thrown(() => reportHtml(report, { interactiv: false } as never))).toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/^reportHtml: unknown option "interactiv".*Did you mean interactive\?/),
      issues: [{ path: ['options', 'interactiv'] }],
    });
  });
  it('writeReport, writing nothing', async () => {
    const dir = join(tmpdir(), `im-unknown-option-${process.pid}`);
    await expect(writeReport(dir, report, { pfd: true } as never)).rejects.toThrow(
      /^writeReport: unknown option "pfd".*Did you mean pdf\?/,
    );
    expect(existsSync(dir)).toBe(false);
  });
  it('htmlToPdf, before starting the browser', async () => {
    await expect(htmlToPdf('<body data-ready="true">', { timout: 1000 } as never)).rejects.toThrow(
      /^htmlToPdf: unknown option "timout".*Did you mean timeout\?/,
    );
  });
});
