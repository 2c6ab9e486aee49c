import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { MetricsError } from '../errors.js';
import { show } from '../internal/assert.js';

/** One chart of a report section. */
export interface ReportChart {
  readonly title: string;
  readonly spec: TopLevelSpec;
  /** Base name of the chart's files (`big-data-14th-fyp-fan`); default: numbered from the title. */
  readonly file?: string;
}

/** A table of a report section: column names and rows of cells. */
export interface ReportTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** A section: a heading, an optional paragraph (plain text; blank lines start paragraphs), charts and tables. */
export interface ReportSection {
  readonly heading: string;
  readonly text?: string;
  readonly charts: readonly ReportChart[];
  readonly tables?: readonly ReportTable[];
}

/** What {@link reportHtml} renders. */
export interface Report {
  readonly title: string;
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

function cellText(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toPrecision(6)));
  return v;
}

/** The most sections, charts, tables, rows or cells in one list of a report. */
const MAX_ITEMS = 10_000;

function checkReport(report: Report): void {
  const fail = (where: string, what: string, got: unknown): never => {
    throw new MetricsError('invalid_argument', `reportHtml: ${where} ${what} (got ${show(got)}).`, { field: where });
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  // Indexed loops, not forEach: forEach skips the holes of a sparse array.
  const list = (where: string, v: unknown, nonEmpty = false): readonly unknown[] => {
    if (!Array.isArray(v) || (nonEmpty && v.length === 0))
      return fail(where, `must be ${nonEmpty ? 'a non-empty' : 'an'} array`, v);
    if (v.length > MAX_ITEMS) {
      throw new MetricsError(
        'too_large',
        `reportHtml: ${where} has ${v.length} entries, more than a page can hold (at most ${MAX_ITEMS}). Split or summarise it.`,
        { entries: v.length },
      );
    }
    for (let i = 0; i < v.length; i++)
      if (!(i in v)) fail(`${where}[${i}]`, 'is missing (a hole in the array)', undefined);
    return v;
  };
  if (!isObject(report) || typeof report['title'] !== 'string' || report['title'].trim() === '') {
    fail('report', 'must be { title, sections } with a non-empty title', report);
  }
  list('report.sections', report.sections, true).forEach((s, i) => {
    const w = `sections[${i}]`;
    if (!isObject(s) || typeof s['heading'] !== 'string') return fail(w, 'must have a heading and a charts array', s);
    if (s['text'] !== undefined && typeof s['text'] !== 'string') fail(`${w}.text`, 'must be text', s['text']);
    list(`${w}.charts`, s['charts']).forEach((c, j) => {
      if (!isObject(c) || typeof c['title'] !== 'string' || !isObject(c['spec']))
        return fail(`${w}.charts[${j}]`, 'must be { title, spec }', c);
      if (c['file'] !== undefined && typeof c['file'] !== 'string')
        fail(`${w}.charts[${j}].file`, 'must be text', c['file']);
      // The spec goes into the page as JSON: it must be JSON data (no BigInt, no cycle).
      try {
        JSON.stringify(c['spec']);
      } catch (e) {
        fail(`${w}.charts[${j}].spec`, `must be JSON data (${e instanceof Error ? e.message : String(e)})`, c['spec']);
      }
    });
    if (s['tables'] === undefined) return;
    list(`${w}.tables`, s['tables']).forEach((t, j) => {
      const tw = `${w}.tables[${j}]`;
      if (!isObject(t)) return fail(tw, 'must be { columns, rows }', t);
      const columns = list(`${tw}.columns`, t['columns']);
      columns.forEach((c, k) => {
        if (typeof c !== 'string') fail(`${tw}.columns[${k}]`, 'must be text', c);
      });
      list(`${tw}.rows`, t['rows']).forEach((r, k) => {
        const row = list(`${tw}.rows[${k}]`, r);
        if (row.length !== columns.length)
          fail(`${tw}.rows[${k}]`, `must have one cell per column (${columns.length})`, row);
        row.forEach((v, m) => {
          if (!(v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))))
            fail(`${tw}.rows[${k}][${m}]`, 'must be text, a finite number or null', v);
        });
      });
    });
  });
}

const STYLE = `body{font-family:"DejaVu Sans","Noto Sans CJK SC",sans-serif;color:#111;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
figure{margin:1.2rem 0}figcaption{font-size:.9rem;color:#444;margin-bottom:.4rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .6rem}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
.chart-error{color:#a00;white-space:pre-wrap}`;

const BOOT = `(function(){
  var charts = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  var failed = [];
  Promise.all(charts.map(function (el) {
    var spec = JSON.parse(document.getElementById(el.getAttribute('data-chart')).textContent);
    return vegaEmbed(el, spec, { renderer: 'svg', actions: false }).catch(function (e) {
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

/**
 * A self-contained HTML report: headings, text, tables and interactive charts. vega, vega-lite and
 * vega-embed are inlined from node_modules (no network needed; ~850 kB), each spec sits in a
 * `<script type="application/json">`, and charts are drawn as SVG by vegaEmbed. When every chart is drawn,
 * `<body>` gets `data-ready="true"`; when one fails it also gets `data-error` with the failed chart ids
 * and the chart's place shows the error.
 * @throws {MetricsError} invalid_argument for a report without a title or sections, a chart without a
 *   spec, or a table row whose length differs from the columns
 * @example
 * const html = reportHtml({ title: 'Big data', sections: [{ heading: 'Revenue', charts: [] }] });
 * html.startsWith('<!doctype html>'); // => true
 */
export function reportHtml(report: Report): string {
  checkReport(report);
  const parts: string[] = [];
  const specs: string[] = [];
  let n = 0;
  for (const section of report.sections) {
    parts.push(`<section>\n<h2>${escapeHtml(section.heading)}</h2>`);
    for (const para of (section.text ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      parts.push(`<p>${escapeHtml(para)}</p>`);
    }
    for (const chart of section.charts) {
      n += 1;
      const id = `chart-${n}`;
      specs.push(`<script type="application/json" id="${id}-spec">${scriptJson(chart.spec)}</script>`);
      parts.push(
        `<figure><figcaption>${escapeHtml(chart.title)}</figcaption><div id="${id}" class="chart" data-chart="${id}-spec"></div></figure>`,
      );
    }
    for (const table of section.tables ?? []) {
      const head = table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
      // Calendar years are labels, not quantities: no thousands separator in a column named year(s).
      const yearColumn = table.columns.map((c) => /^years?$/i.test(c));
      const body = table.rows
        .map(
          (r) =>
            `<tr>${r.map((v, j) => `<td${typeof v === 'number' ? ' class="n"' : ''}>${escapeHtml(yearColumn[j] && typeof v === 'number' ? String(v) : cellText(v))}</td>`).join('')}</tr>`,
        )
        .join('\n');
      parts.push(`<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`);
    }
    parts.push('</section>');
  }
  return `<!doctype html>
<html lang="en">
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
<h1>${escapeHtml(report.title)}</h1>
${parts.join('\n')}
${specs.join('\n')}
<script>${BOOT}</script>
</body>
</html>
`;
}
