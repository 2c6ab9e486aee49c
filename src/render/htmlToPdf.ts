// PDF from headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): the HTML report as the
// browser prints it, with the report's print styles. playwright-core is loaded only here, on first use.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetricsError } from '../errors.js';

/** Where Debian's chromium package puts the browser (scripts/setup-system.sh installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags that work for headless Chromium here (no sandbox as root, no network services). */
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

/** Options of {@link htmlToPdf}. */
export interface HtmlToPdfOptions {
  /** The browser to print with; default the `CHROMIUM` environment variable, else /usr/bin/chromium. */
  readonly executablePath?: string;
  /** How long to wait for the charts to be drawn, ms (default 60000). */
  readonly timeout?: number;
}

/**
 * Prints an HTML page (a report from reportHtml) to PDF in headless Chromium: A4 unless the page's CSS says
 * otherwise, backgrounds printed, after every chart is drawn (`<body data-ready>`). The page is opened from a
 * temporary file, so it needs no server and no network.
 * @param html the page
 * @param options executablePath, timeout
 * @returns the PDF's bytes
 * @throws {MetricsError} not_found naming scripts/setup-system.sh when the browser is not installed;
 *   invalid_definition when a chart of the page fails to draw
 */
export async function htmlToPdf(html: string, options: HtmlToPdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.executablePath ?? process.env['CHROMIUM'] ?? CHROMIUM;
  if (!existsSync(executablePath)) {
    throw new MetricsError(
      'not_found',
      `htmlToPdf: no browser at ${executablePath} (got no file there). Install Debian's chromium (run scripts/setup-system.sh as root) or set CHROMIUM to a Chromium binary; the HTML report needs no browser.`,
      { executablePath },
    );
  }
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'industry-metrics-pdf-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath,
    headless: true,
    args: ARGS,
  });
  try {
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: options.timeout ?? 60_000 });
    const failed = await page.getAttribute('body', 'data-error');
    if (failed !== null) {
      throw new MetricsError(
        'invalid_definition',
        `htmlToPdf: charts ${failed} could not be drawn (got data-error="${failed}"). Render the report's charts with toSvg to see why.`,
        { failed },
      );
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
