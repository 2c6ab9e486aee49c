// The report printed to PDF by headless Chromium (htmlToPdf) and read back page by page with pdftotext
// (Debian's poppler-utils): no figure caption is parted from its chart, a table split across pages repeats
// its header, and every page has text. Then the growth-rate slider of the HTML report, moved in Chromium,
// redraws the path and the gap to the target.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { loadObservations } from '../../src/observations/loadObservations.js';
import { CHROMIUM, htmlToPdf } from '../../src/render/htmlToPdf.js';
import { type Report, reportHtml } from '../../src/report/reportHtml.js';
import { modelReport } from '../../src/model/modelReport.js';
import { modelSection } from '../../src/report/modelSection.js';
import { planOutcomes, plansSection } from '../../src/report/plansSection.js';

const PDFTOTEXT = '/usr/bin/pdftotext';
const ready = existsSync(CHROMIUM) && existsSync(PDFTOTEXT);
const inCi = process.env['CI'] === 'true';
if (!ready && !inCi)
  console.warn(`print test skipped: ${CHROMIUM} or ${PDFTOTEXT} missing (run scripts/setup-system.sh as root).`);

/** The first line of a spec's title. */
function titleOf(spec: TopLevelSpec): string {
  const t = (spec as { title?: { text?: string | string[] } | string }).title;
  const text = typeof t === 'string' ? t : t?.text;
  return (Array.isArray(text) ? text[0] : text) ?? '';
}

/** The text of each page of a PDF, by pdftotext. */
function pages(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'im-pdf-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    return Array.from({ length: n }, (_, i) =>
      execFileSync(PDFTOTEXT, ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const squash = (s: string): string => s.replace(/\s+/g, ' ');

describe.runIf(ready || inCi)('the report printed to PDF', () => {
  it('chromium and pdftotext are installed (else run scripts/setup-system.sh)', () => {
    expect(existsSync(CHROMIUM) && existsSync(PDFTOTEXT)).toBe(true);
  });

  it('keeps every caption with its chart and repeats a long table’s header on each page', async () => {
    const set = loadObservations();
    const r = await modelReport(loadModel('big-data-14th-fyp'), { paths: 400, seed: 1, observations: set, width: 760 });
    const outcomes = planOutcomes([r], set, { asOf: 2024, paths: 400 });
    const long = {
      title: 'A long table',
      columns: ['Row marker', { name: 'Level', unit: 'RMB trillion', decimals: 2 }],
      rows: Array.from({ length: 90 }, (_, i) => [`row-${i + 1}`, 1 + i / 100]),
    };
    // Paragraphs of growing length before each copy of the charts move the captions down the pages, so some
    // would land at the foot of a page if a caption could part from its chart.
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Filler paragraph ${i + 1}.`).join('\n\n');
    const report: Report = {
      title: 'Print test',
      date: '2026-01-02',
      sections: [
        plansSection(outcomes, { asOf: 2024, width: 760, set }),
        { ...modelSection(r), tables: [...(modelSection(r).tables ?? []), long] },
        ...[3, 7, 11, 15].map((n, k) => ({
          heading: `Again ${k + 1}`,
          text: filler(n),
          charts: modelSection(r).charts.map((c) => ({ ...c, title: `${c.title} (copy ${k + 1})` })),
        })),
      ],
    };
    const text = pages(await htmlToPdf(reportHtml(report, { interactive: false }))).map(squash);
    expect(text.length).toBeGreaterThan(3);
    for (const [p, t] of text.entries()) expect(t.trim().length, `page ${p + 1} is empty`).toBeGreaterThan(20);
    // Each "Figure N." caption is followed, on its own page, by its chart's title.
    const charts = report.sections.flatMap((s) => s.charts);
    charts.forEach((c, i) => {
      const caption = `Figure ${i + 1}. ${c.title}`;
      const where = text.findIndex((t) => t.includes(caption));
      expect(where, caption).toBeGreaterThanOrEqual(0);
      const after = (text[where] as string).slice((text[where] as string).indexOf(caption) + caption.length);
      expect(after, `${caption} is parted from its chart`).toContain(squash(titleOf(c.spec)));
    });
    // The long table spans pages; every page with one of its rows starts the table with its header.
    const withRows = text.filter((t) => /row-\d+/.test(t));
    expect(withRows.length).toBeGreaterThan(1);
    for (const t of withRows) expect(t).toContain('Row marker Level (RMB trillion)');
    // No row is lost at a page break.
    const rows = new Set(withRows.flatMap((t) => [...t.matchAll(/row-(\d+)/g)].map((m) => m[1])));
    expect(rows.size).toBe(90);
  }, 120_000);
});

describe.runIf(ready || inCi)('the growth-rate slider in Chromium', () => {
  it('moving the slider to 30 % redraws the path and the gap: RMB 1 trillion × 1.3^5 = 3.71 trillion, 23.8 % above 3', async () => {
    const r = await modelReport(loadModel('big-data-14th-fyp'), { paths: 200, seed: 1 });
    const chart = r.charts.find((c) => c.name === 'trajectories');
    expect(chart?.htmlSpec).toBeDefined();
    const html = reportHtml({
      title: 'Slider',
      sections: [
        {
          heading: 'S',
          charts: [
            { title: 'T', spec: chart?.spec as TopLevelSpec, ...(chart?.htmlSpec ? { htmlSpec: chart.htmlSpec } : {}) },
          ],
        },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'im-slider-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      const readout = () => page.textContent('#chart-1 .whatIfReadout_marks text');
      const path = () => page.getAttribute('#chart-1 .whatIf_marks path', 'd');
      // At the plan's 25 %: 1.25^5 = 3.0518, 1.7 % above the target.
      expect(await readout()).toBe(
        'At 25.0% a year from 2020: RMB 3.05 trillion in 2025, 1.7% above the target (more than RMB 3 trillion)',
      );
      const before = await path();
      // In the page (a string: the test's types have no DOM): set the range input and fire its input event.
      await page.evaluate(`(() => {
        const input = document.querySelector('#chart-1 input[type="range"]');
        input.value = '0.3';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      })()`);
      await page.waitForFunction(
        "document.querySelector('#chart-1 .whatIfReadout_marks text')?.textContent?.startsWith('At 30.0%')",
      );
      expect(await readout()).toBe(
        'At 30.0% a year from 2020: RMB 3.71 trillion in 2025, 23.8% above the target (more than RMB 3 trillion)',
      );
      expect(await path()).not.toBe(before);
      // The redrawn path's last point is 1.3^5 on the chart's own y scale.
      const end = await page.evaluate(`(() => {
        const find = (node) => {
          if (node.name === 'whatIf_marks') return node;
          for (const item of node.items ?? []) for (const child of item.items ?? []) {
            const hit = find(child);
            if (hit) return hit;
          }
          return undefined;
        };
        const mark = find(window.reportViews['chart-1'].scenegraph().root);
        return mark.items.at(-1).datum.value;
      })()`);
      expect(end).toBeCloseTo(1.3 ** 5, 9);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
