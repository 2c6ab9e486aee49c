import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { reportHtml } from '../../src/report/reportHtml.js';
import { cases } from '../charts/fixtures.js';

// Opens a report with every chart builder's output in Debian's headless Chromium and checks that each
// chart is drawn as an SVG with marks, with no console error, page error or failed request.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '__output__');
const hasChromium = existsSync(CHROMIUM);
const inCi = process.env['CI'] === 'true';
if (!hasChromium && !inCi)
  console.warn(`browser test skipped: ${CHROMIUM} not found (run scripts/setup-system.sh as root).`);

describe.runIf(hasChromium || inCi)('report.html in headless Chromium', () => {
  it('chromium is installed (else run scripts/setup-system.sh)', () => {
    expect(hasChromium, `${CHROMIUM} is missing: run scripts/setup-system.sh as root`).toBe(true);
  });

  it('draws every chart with no console error, page error or failed request', async () => {
    const html = reportHtml({
      title: 'Big data industry: report test',
      sections: [
        {
          heading: 'Trajectories and ranges',
          text: 'Scenario paths and the Monte Carlo fan.',
          charts: cases.slice(0, 4).map((c) => ({ title: c.name, spec: c.spec() })),
        },
        {
          heading: 'Sectors, sensitivities, forecasts',
          charts: cases.slice(4).map((c) => ({ title: c.name, spec: c.spec() })),
          tables: [{ columns: ['year', 'value'], rows: [[2025, 3.05]] }],
        },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'im-browser-'));
    const profile = join(dir, 'profile');
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const problems: string[] = [];
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1200, height: 900 },
    });
    try {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      const error = await page.getAttribute('body', 'data-error');
      const charts = await page.$$eval('.chart', (els) =>
        els.map((el) => ({
          id: el.id,
          svg: el.querySelector('svg') !== null,
          marks: el.querySelectorAll('svg .role-mark path, svg .role-mark text, svg .role-mark line').length,
        })),
      );
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
      expect(error).toBeNull();
      expect(charts).toHaveLength(cases.length);
      for (const c of charts) {
        expect(c.svg, `${c.id} has no svg`).toBe(true);
        expect(c.marks, `${c.id} has no marks`).toBeGreaterThan(0);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a chart that fails to draw sets data-error and logs it', async () => {
    const html = reportHtml({
      title: 'Broken',
      sections: [
        {
          heading: 'S',
          charts: [
            {
              title: 'bad',
              spec: {
                data: { values: [{ a: 1 }] },
                transform: [{ calculate: 'datum.a +* (', as: 'b' }],
                mark: 'point',
                encoding: { x: { field: 'b', type: 'quantitative' } },
              },
            },
          ],
        },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'im-browser-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      expect(await page.getAttribute('body', 'data-error')).toBe('chart-1');
      expect(await page.textContent('#chart-1')).toMatch(/could not be drawn/);
      expect(errors.some((e) => e.startsWith('chart chart-1:'))).toBe(true);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
