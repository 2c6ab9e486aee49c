import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkReportTable, type ReportTable, tableCsv } from '../render/table.js';
import { checkReport, type Report, reportHtml } from './reportHtml.js';
import { svgToPng } from '../render/svgToPng.js';
import { missingFonts } from '../render/fontFiles.js';
import { toSvg } from '../render/toSvg.js';
import { argumentError, assertOptions, optionNames, show } from '../internal/assert.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** PNG scale (default 2). */
  readonly scale?: number;
  /** Also write each chart as .svg, .png and .vl.json, and the numbers behind it as .csv (default true). */
  readonly chartFiles?: boolean;
  /** Write report.xlsx: a sheet per table and per chart's numbers, a contents sheet and the sources (default true). */
  readonly xlsx?: boolean;
  /**
   * Each chart's .png (with `chartFiles`): `true` (default) renders it and throws `not_found` when its font
   * files are missing; `'auto'` leaves out the PNG of a chart whose fonts are missing (fonts-dejavu-core, or
   * fonts-noto-cjk for Chinese text) and writes the rest; `false` writes none.
   */
  readonly png?: boolean | 'auto';
  /** Write report.pdf, printed by headless Chromium (see htmlToPdf; default false). */
  readonly pdf?: boolean;
  /** The sources of the report as a table, written as the workbook's "Sources" sheet. */
  readonly sources?: ReportTable;
}

const WRITE_REPORT_OPTIONS = optionNames<WriteReportOptions>({
  scale: true,
  chartFiles: true,
  xlsx: true,
  png: true,
  pdf: true,
  sources: true,
});

/** The workbook's sheets: contents, every table, every chart's numbers, the sources. */
export function reportSheets(
  report: Report,
  sources?: ReportTable,
): { name: string; title?: string; columns: ReportTable['columns']; rows: ReportTable['rows'] }[] {
  const zh = report.locale === 'zh';
  const sheets: { name: string; title?: string; columns: ReportTable['columns']; rows: ReportTable['rows'] }[] = [];
  const contents: (string | number)[][] = [];
  let figures = 0;
  let tables = 0;
  for (const section of report.sections) {
    for (const chart of section.charts) {
      figures += 1;
      if (chart.data === undefined) continue;
      const name = `${zh ? '图' : 'Figure'} ${figures}`;
      const title = `${name}${zh ? '　' : '. '}${chart.title}`;
      sheets.push({ name, title, columns: chart.data.columns, rows: chart.data.rows });
      contents.push([name, title]);
    }
    for (const table of section.tables ?? []) {
      tables += 1;
      const name = `${zh ? '表' : 'Table'} ${tables}`;
      const title = `${name}${zh ? '　' : '. '}${table.title ?? section.heading}`;
      sheets.push({ name, title, columns: table.columns, rows: table.rows });
      contents.push([name, title]);
    }
  }
  if (sources !== undefined) {
    const name = zh ? '来源' : 'Sources';
    sheets.push({
      name,
      ...(sources.title ? { title: sources.title } : {}),
      columns: sources.columns,
      rows: sources.rows,
    });
    contents.push([name, sources.title ?? name]);
  }
  return [
    {
      name: zh ? '目录' : 'Contents',
      title: report.title + (report.date ? ` (${report.date})` : ''),
      columns: [zh ? '工作表' : 'Sheet', zh ? '内容' : 'What it holds'],
      rows: contents,
    },
    ...sheets,
  ];
}

/** A file name from a chart title: lower case ASCII words joined by '-', numbered to stay unique. */
function slug(title: string, n: number, numbered = true): string {
  const s = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const name = s === '' ? 'chart' : s;
  return numbered ? `${String(n).padStart(2, '0')}-${name}` : name;
}

/**
 * Writes `report.html` (see {@link reportHtml}) into `dir` (created when missing); for each chart
 * `NN-title.svg`, `NN-title.png` (see `png`), `NN-title.vl.json` and, when it carries its numbers, `NN-title.csv`
 * (or `<file>.svg`… when the chart names its `file`); `report.xlsx` (a contents sheet, a sheet per table and per
 * chart's numbers with units in the headers and numbers stored as numbers, and the sources); and, with
 * `pdf`, `report.pdf` printed by headless Chromium. Everything is rendered before anything is written, so a
 * bad spec leaves no half-written report.
 * @returns the absolute paths written, report.html first
 * @throws {MetricsError} invalid_definition for a bad spec; not_found for missing font files (unless `png` is
 *   `'auto'` or false)
 * @example
 * const files = await writeReport('out/report', { title: 'Big data', sections: [{ heading: 'Revenue', charts: [] }] });
 * files[0]?.endsWith('report.html'); // => true
 */
export async function writeReport(dir: string, report: Report, options: WriteReportOptions = {}): Promise<string[]> {
  if (typeof dir !== 'string' || dir.trim() === '') {
    throw argumentError(
      'invalid_argument',
      `writeReport: dir must be a folder path (got ${show(dir)}).`,
      'dir',
      'a folder path',
      dir,
    );
  }
  checkReport(report, 'writeReport');
  assertOptions('writeReport', options, '{ scale, png, pdf }', WRITE_REPORT_OPTIONS);
  if (options.png !== undefined && typeof options.png !== 'boolean' && options.png !== 'auto')
    throw argumentError(
      'invalid_argument',
      `writeReport: options.png must be true, false or 'auto' (got ${show(options.png)}).`,
      'options.png',
      "true, false or 'auto'",
      options.png,
    );
  for (const k of ['chartFiles', 'xlsx', 'pdf'] as const)
    if (options[k] !== undefined && typeof options[k] !== 'boolean')
      throw argumentError(
        'invalid_argument',
        `writeReport: options.${k} must be true or false (got ${show(options[k])}).`,
        `options.${k}`,
        'true or false',
        options[k],
      );
  if (options.sources !== undefined) checkReportTable('writeReport', 'options.sources', options.sources);
  const html = reportHtml(report);
  const files: { name: string; content: string | Uint8Array }[] = [{ name: 'report.html', content: html }];
  if (options.chartFiles !== false) {
    const png = options.png ?? true;
    let n = 0;
    for (const section of report.sections) {
      for (const chart of section.charts) {
        n += 1;
        const base = chart.file !== undefined ? slug(chart.file, n, false) : slug(chart.title, n);
        const svg = await toSvg(chart.spec);
        files.push({ name: `${base}.vl.json`, content: JSON.stringify(chart.spec, null, 2) + '\n' });
        files.push({ name: `${base}.svg`, content: svg });
        if (png === true || (png === 'auto' && missingFonts(svg).length === 0))
          files.push({ name: `${base}.png`, content: svgToPng(svg, options.scale ?? 2) });
        if (chart.data !== undefined) files.push({ name: `${base}.csv`, content: `\uFEFF${tableCsv(chart.data)}` });
      }
    }
  }
  if (options.xlsx !== false) {
    const { toXlsx } = await import('../xlsx/toXlsx.js');
    files.push({ name: 'report.xlsx', content: await toXlsx(reportSheets(report, options.sources)) });
  }
  if (options.pdf === true) {
    const { htmlToPdf } = await import('../render/htmlToPdf.js');
    // Paper gets the static charts: a slider cannot be moved on a page.
    files.push({ name: 'report.pdf', content: await htmlToPdf(reportHtml(report, { interactive: false })) });
  }
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  return files.map((f) => {
    const path = join(abs, f.name);
    writeFileSync(path, f.content);
    return path;
  });
}
