import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { argumentError, assertOptions, fieldError, optionNames, show } from '../internal/assert.js';
import { checkLocale, type Locale } from '../series/locale.js';
import {
  cellText,
  checkList,
  checkReportTable,
  columnHeader,
  isObject,
  type ReportColumn,
  type ReportTable,
  tableCsv,
} from '../render/table.js';

/** One chart of a report section. */
export interface ReportChart {
  readonly title: string;
  readonly spec: TopLevelSpec;
  /** Base name of the chart's files (`big-data-14th-fyp-fan`); default: numbered from the title. */
  readonly file?: string;
  /** The numbers the chart draws: linked as CSV under the chart, written as `<file>.csv` and a workbook sheet. */
  readonly data?: ReportTable;
  /** The spec the HTML page draws instead of `spec` (one with interactive controls); files use `spec`. */
  readonly htmlSpec?: TopLevelSpec;
}

/** A section: a heading, an optional paragraph (plain text; blank lines start paragraphs), charts and tables. */
export interface ReportSection {
  readonly heading: string;
  readonly text?: string;
  readonly charts: readonly ReportChart[];
  readonly tables?: readonly ReportTable[];
}

/** A figure of the executive summary: `More than RMB 1 trillion in 2020: met`. */
export interface KeyFigure {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

/** What {@link reportHtml} renders. */
export interface Report {
  readonly title: string;
  /** A line under the title (what the report covers). */
  readonly subtitle?: string;
  /** The date the report was made, ISO (`2026-05-04`). */
  readonly date?: string;
  /** `en` (default) or `zh`: the page language and its fixed words (contents, figure, table). */
  readonly locale?: Locale;
  /** The key figures shown first, before the contents. */
  readonly keyFigures?: readonly KeyFigure[];
  readonly sections: readonly ReportSection[];
}

const libraries = new Map<string, string>();

/** The minified browser build of vega, vega-lite or vega-embed, read once from node_modules. */
function library(pkg: 'vega' | 'vega-lite' | 'vega-embed', file: string): string {
  const cached = libraries.get(pkg);
  if (cached !== undefined) return cached;
  // Each package's main entry sits in build/, next to its minified browser bundle.
  const entry = createRequire(import.meta.url).resolve(pkg);
  const text = readFileSync(join(dirname(entry), file), 'utf8');
  libraries.set(pkg, text);
  return text;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON that is safe inside a <script> element: no `</script`, no `<!--`, no U+2028/2029 surprises. */
const scriptJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
/** Inline JavaScript with any `</script` broken up (the minified bundles contain the text). */
const scriptJs = (s: string): string => s.replace(/<\/(script)/gi, '<\\/$1');

/** Checks a spec that goes into a page or a file as JSON: an object that JSON can hold (no BigInt, no cycle). */
function checkSpec(fn: string, where: string, spec: unknown): void {
  if (!isObject(spec))
    throw argumentError(
      'invalid_argument',
      `${fn}: ${where} must be a vega-lite spec (got ${show(spec)}).`,
      where,
      'a vega-lite spec',
      spec,
      {
        field: where,
      },
    );
  try {
    JSON.stringify(spec);
  } catch (e) {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${where} must be JSON data (got ${e instanceof Error ? e.message : String(e)}). Pass a spec of plain data.`,
      where,
      'JSON data',
      e instanceof Error ? e.message : String(e),
      { field: where },
    );
  }
}

/** Checks a report handed in, every field it reads (see {@link Report}). Not exported from the package. */
export function checkReport(report: Report, fn = 'reportHtml'): void {
  const fail = (where: string, what: string, got: unknown): never => {
    throw fieldError(fn, where, what, got);
  };
  if (!isObject(report) || typeof report['title'] !== 'string' || report['title'].trim() === '') {
    fail('report', 'must be { title, sections } with a non-empty title', report);
  }
  const r = report as unknown as Record<string, unknown>;
  for (const k of ['subtitle', 'date'])
    if (r[k] !== undefined && typeof r[k] !== 'string') fail(`report.${k}`, 'must be text', r[k]);
  if (r['locale'] !== undefined) checkLocale(fn, r['locale'], 'report.locale');
  if (r['keyFigures'] !== undefined)
    checkList(fn, 'report.keyFigures', r['keyFigures']).forEach((k, i) => {
      if (!isObject(k) || typeof k['label'] !== 'string' || typeof k['value'] !== 'string')
        fail(`report.keyFigures[${i}]`, 'must be { label, value, note? } of text', k);
      if (
        (k as Record<string, unknown>)['note'] !== undefined &&
        typeof (k as Record<string, unknown>)['note'] !== 'string'
      )
        fail(`report.keyFigures[${i}].note`, 'must be text', (k as Record<string, unknown>)['note']);
    });
  checkList(fn, 'report.sections', r['sections'], true).forEach((s, i) => {
    const w = `sections[${i}]`;
    if (!isObject(s) || typeof s['heading'] !== 'string') return fail(w, 'must have a heading and a charts array', s);
    if (s['text'] !== undefined && typeof s['text'] !== 'string') fail(`${w}.text`, 'must be text', s['text']);
    checkList(fn, `${w}.charts`, s['charts']).forEach((c, j) => {
      const cw = `${w}.charts[${j}]`;
      if (!isObject(c) || typeof c['title'] !== 'string') return fail(cw, 'must be { title, spec }', c);
      checkSpec(fn, `${cw}.spec`, c['spec']);
      if (c['htmlSpec'] !== undefined) checkSpec(fn, `${cw}.htmlSpec`, c['htmlSpec']);
      if (c['file'] !== undefined && typeof c['file'] !== 'string') fail(`${cw}.file`, 'must be text', c['file']);
      if (c['data'] !== undefined) checkReportTable(fn, `${cw}.data`, c['data']);
    });
    if (s['tables'] === undefined) return;
    checkList(fn, `${w}.tables`, s['tables']).forEach((t, j) => checkReportTable(fn, `${w}.tables[${j}]`, t));
  });
}

const STYLE = `body{font-family:"DejaVu Sans","Noto Sans CJK SC",sans-serif;color:#111;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}.subtitle{font-size:1.05rem;color:#333;margin:.2rem 0}.date{color:#555;font-size:.9rem;margin:.2rem 0 1.2rem}
h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
.key-figures ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.6rem}
.key-figures li{border:1px solid #ccc;border-left:4px solid #0072B2;padding:.5rem .7rem;background:#fafafa}
.key-figures .label{font-size:.85rem;color:#444}.key-figures .value{font-size:1.1rem;font-weight:bold;display:block}.key-figures .note{font-size:.8rem;color:#555;display:block}
nav.toc ol{padding-left:1.4rem}nav.toc a{color:#0b4f8a;text-decoration:none}
figure{margin:1.4rem 0}figcaption{font-size:.95rem;font-weight:bold;color:#222;margin-bottom:.4rem}
.chart{max-width:100%;overflow-x:auto}.chart svg{max-width:100%;height:auto}
.figure-data{font-size:.8rem;margin:.2rem 0}.figure-data a{color:#0b4f8a}
table{border-collapse:collapse;margin:1rem 0;font-size:.88rem;max-width:100%}caption{text-align:left;font-weight:bold;font-size:.95rem;padding-bottom:.35rem;caption-side:top}
th,td{border:1px solid #ccc;padding:.25rem .6rem;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}th{background:#f3f3f3;text-align:left}
.chart-error{color:#a00;white-space:pre-wrap}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt}h2{break-after:avoid;page-break-after:avoid}
figure{break-inside:avoid;page-break-inside:avoid}figcaption,caption{break-after:avoid;page-break-after:avoid}
thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
.vega-embed details,.vega-actions,.figure-data{display:none}.vega-bindings{display:none}
nav.toc{break-after:page;page-break-after:always}.key-figures li{break-inside:avoid}}`;

/** Words of the page chrome per locale. */
const CHROME = {
  en: {
    contents: 'Contents',
    figure: 'Figure',
    table: 'Table',
    keyFigures: 'Key figures',
    data: 'Data (CSV)',
    date: 'Generated',
  },
  zh: { contents: '目录', figure: '图', table: '表', keyFigures: '要点', data: '数据（CSV）', date: '生成日期' },
} as const;

const BOOT = `(function(){
  var charts = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  var failed = [];
  window.reportViews = {};
  Promise.all(charts.map(function (el) {
    var spec = JSON.parse(document.getElementById(el.getAttribute('data-chart')).textContent);
    var actions = { export: true, source: false, compiled: false, editor: false };
    return vegaEmbed(el, spec, { renderer: 'svg', actions: actions }).then(function (result) {
      window.reportViews[el.id] = result.view;
    }).catch(function (e) {
      failed.push(el.id);
      el.innerHTML = '<p class="chart-error"></p>';
      el.firstChild.textContent = 'This chart could not be drawn: ' + (e && e.message ? e.message : e);
      console.error('chart ' + el.id + ': ' + (e && e.message ? e.message : e));
    });
  })).then(function () {
    if (failed.length) document.body.setAttribute('data-error', failed.join(' '));
    document.body.setAttribute('data-ready', 'true');
  });
})();`;

/** Options of {@link reportHtml}. */
export interface ReportHtmlOptions {
  /**
   * Draw the charts' interactive specs (`htmlSpec`: the growth-rate slider) where they have one (default
   * true); false draws the static specs, as for print.
   */
  readonly interactive?: boolean;
}

const REPORT_HTML_OPTIONS = optionNames<ReportHtmlOptions>({ interactive: true });

/** A table as HTML, numbered, with its caption kept with it and its header repeated on every printed page. */
function tableHtml(table: ReportTable, caption: string): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(columnHeader(c))}</th>`).join('');
  const body = table.rows
    .map(
      (r) =>
        `<tr>${r.map((v, j) => `<td${typeof v === 'number' ? ' class="n"' : ''}>${escapeHtml(cellText(v, table.columns[j] as string | ReportColumn))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * A self-contained HTML report laid out as a document: the title, a subtitle and the date, the key figures,
 * a table of contents, numbered sections, numbered figures ("Figure 3. …") each with a link to the numbers
 * behind it as CSV, numbered tables ("Table 2. …") with units in their headers, and print styles (A4; a
 * caption never parted from its chart or table; table headers repeated on each page; no export menu or
 * links on paper). vega, vega-lite and vega-embed are inlined from node_modules (no network needed;
 * ~850 kB), each spec sits in a `<script type="application/json">`, and charts are drawn as SVG by vegaEmbed
 * with its export menu (SVG, PNG). When every chart is drawn, `<body>` gets `data-ready="true"` (and
 * `window.reportViews` holds each chart's vega view); when one fails it also gets `data-error` with the
 * failed chart ids and the chart's place shows the error.
 * @param options `interactive` (default true): false draws the static specs, as printed
 * @throws {MetricsError} invalid_argument for a report without a title or sections, a chart without a
 *   spec, or a table row whose length differs from the columns
 * @example
 * const html = reportHtml({ title: 'Big data', sections: [{ heading: 'Revenue', charts: [] }] });
 * html.startsWith('<!doctype html>'); // => true
 */
export function reportHtml(report: Report, options: ReportHtmlOptions = {}): string {
  checkReport(report);
  assertOptions('reportHtml', options, '{ interactive: false }', REPORT_HTML_OPTIONS);
  const interactive = options.interactive !== false;
  const locale = report.locale ?? 'en';
  const words = CHROME[locale];
  const sep = locale === 'zh' ? '　' : '. ';
  const parts: string[] = [];
  const specs: string[] = [];
  const toc: string[] = [];
  let figures = 0;
  let tables = 0;
  report.sections.forEach((section, i) => {
    const anchor = `section-${i + 1}`;
    toc.push(`<li><a href="#${anchor}">${escapeHtml(section.heading)}</a></li>`);
    parts.push(`<section id="${anchor}">\n<h2>${i + 1}${sep}${escapeHtml(section.heading)}</h2>`);
    for (const para of (section.text ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      parts.push(`<p>${escapeHtml(para)}</p>`);
    }
    for (const chart of section.charts) {
      figures += 1;
      const id = `chart-${figures}`;
      const spec = interactive ? (chart.htmlSpec ?? chart.spec) : chart.spec;
      specs.push(`<script type="application/json" id="${id}-spec">${scriptJson(spec)}</script>`);
      const caption = `${words.figure} ${figures}${sep}${chart.title}`;
      const data =
        chart.data === undefined
          ? ''
          : `<p class="figure-data"><a download="${escapeHtml(chart.file ?? `figure-${figures}`)}.csv" href="data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${tableCsv(chart.data)}`)}">${words.data}</a></p>`;
      parts.push(
        `<figure id="figure-${figures}"><figcaption>${escapeHtml(caption)}</figcaption><div id="${id}" class="chart" data-chart="${id}-spec"></div>${data}</figure>`,
      );
    }
    for (const table of section.tables ?? []) {
      tables += 1;
      parts.push(tableHtml(table, `${words.table} ${tables}${sep}${table.title ?? section.heading}`));
    }
    parts.push('</section>');
  });
  const keyFigures =
    report.keyFigures !== undefined && report.keyFigures.length > 0
      ? `<section class="key-figures"><h2>${words.keyFigures}</h2><ul>${report.keyFigures
          .map(
            (k) =>
              `<li><span class="label">${escapeHtml(k.label)}</span><span class="value">${escapeHtml(k.value)}</span>${k.note ? `<span class="note">${escapeHtml(k.note)}</span>` : ''}</li>`,
          )
          .join('')}</ul></section>`
      : '';
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
<script>${scriptJs(library('vega', 'vega.min.js'))}</script>
<script>${scriptJs(library('vega-lite', 'vega-lite.min.js'))}</script>
<script>${scriptJs(library('vega-embed', 'vega-embed.min.js'))}</script>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
${report.subtitle ? `<p class="subtitle">${escapeHtml(report.subtitle)}</p>` : ''}
${report.date ? `<p class="date">${words.date}: ${escapeHtml(report.date)}</p>` : ''}
</header>
${keyFigures}
<nav class="toc"><h2>${words.contents}</h2><ol>${toc.join('')}</ol></nav>
${parts.join('\n')}
${specs.join('\n')}
<script>${BOOT}</script>
</body>
</html>
`;
}
