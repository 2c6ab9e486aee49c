import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MetricsError } from '../errors.js';
import { reportHtml, type Report } from './reportHtml.js';
import { toPng } from './toPng.js';
import { toSvg } from './toSvg.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** PNG scale (default 2). */
  readonly scale?: number;
  /** Also write each chart as .svg, .png and .vl.json (default true). */
  readonly chartFiles?: boolean;
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
 * Writes `report.html` (see {@link reportHtml}) into `dir` (created when missing) and, for each chart,
 * `NN-title.svg`, `NN-title.png` and `NN-title.vl.json` (or `<file>.svg`… when the chart names its `file`). Charts are validated and rendered before
 * anything is written, so a bad spec leaves no half-written report.
 * @returns the absolute paths written, report.html first
 * @throws {MetricsError} invalid_definition for a bad spec; not_found for missing font files
 * @example
 * const files = await writeReport('out/report', { title: 'Big data', sections: [{ heading: 'Revenue', charts: [] }] });
 * files[0]?.endsWith('report.html'); // => true
 */
export async function writeReport(dir: string, report: Report, options: WriteReportOptions = {}): Promise<string[]> {
  if (typeof dir !== 'string' || dir.trim() === '') {
    throw new MetricsError('invalid_argument', `writeReport: dir must be a folder path (got ${JSON.stringify(dir)}).`);
  }
  const html = reportHtml(report);
  const files: { name: string; content: string | Uint8Array }[] = [{ name: 'report.html', content: html }];
  if (options.chartFiles !== false) {
    let n = 0;
    for (const section of report.sections) {
      for (const chart of section.charts) {
        n += 1;
        const base = chart.file !== undefined ? slug(chart.file, n, false) : slug(chart.title, n);
        const svg = await toSvg(chart.spec);
        files.push({ name: `${base}.vl.json`, content: JSON.stringify(chart.spec, null, 2) + '\n' });
        files.push({ name: `${base}.svg`, content: svg });
        files.push({
          name: `${base}.png`,
          content: await toPng(chart.spec, { scale: options.scale ?? 2, validate: false }),
        });
      }
    }
  }
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  return files.map((f) => {
    const path = join(abs, f.name);
    writeFileSync(path, f.content);
    return path;
  });
}
