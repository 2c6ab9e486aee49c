// PDF from headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): the HTML report as the
// browser prints it, with the report's print styles. playwright-core is loaded only here, on first use.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetricsError } from '../errors.js';
import { argumentError, show, assertOptions, optionNames } from '../internal/assert.js';

/** Where Debian's chromium package puts the browser (scripts/setup-system.sh installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** The longest page printed: a report with every chart inlined is a few MB (vega's bundles are 1 MB). */
const MAX_HTML = 100_000_000;

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

const HTML_TO_PDF_OPTIONS = optionNames<HtmlToPdfOptions>({ executablePath: true, timeout: true });

/**
 * Prints an HTML page (a report from reportHtml) to PDF in headless Chromium: A4 unless the page's CSS says
 * otherwise, backgrounds printed, after every chart is drawn (`<body data-ready>`). The page is opened from a
 * temporary file, so it needs no server and no network.
 * @param html the page
 * @param options executablePath, timeout
 * @returns the PDF's bytes
 * @throws {MetricsError} invalid_argument for html that is not text or never marks data-ready, or bad
 *   options; not_found naming scripts/setup-system.sh when the browser is not installed; invalid_definition
 *   when a chart of the page fails to draw or the page is not ready within the timeout
 */
export async function htmlToPdf(html: string, options: HtmlToPdfOptions = {}): Promise<Uint8Array> {
  if (typeof html !== 'string' || html.length > MAX_HTML) {
    throw argumentError(
      typeof html === 'string' ? 'too_large' : 'invalid_argument',
      `htmlToPdf: html must be a page as text of at most ${MAX_HTML} characters (got ${typeof html === 'string' ? `${html.length} characters` : show(html)}). Pass what reportHtml returned.`,
      'html',
      `a page as text of at most ${MAX_HTML} characters`,
      typeof html === 'string' ? html.length : html,
    );
  }
  // The page says when it is drawn (reportHtml's script sets <body data-ready="true">); one that never can
  // would keep the browser waiting for the whole timeout.
  if (!html.includes('data-ready')) {
    throw argumentError(
      'invalid_argument',
      `htmlToPdf: html must mark <body data-ready="true"> when drawn, as reportHtml's pages do (got a page without "data-ready"). Print a page made by reportHtml, or add the attribute.`,
      'html',
      'a page that marks <body data-ready="true"> when drawn',
      html,
    );
  }
  assertOptions('htmlToPdf', options, '{ executablePath, timeout }', HTML_TO_PDF_OPTIONS);
  if (
    options.executablePath !== undefined &&
    (typeof options.executablePath !== 'string' || options.executablePath === '')
  )
    throw argumentError(
      'invalid_argument',
      `htmlToPdf: options.executablePath must be a file path (got ${show(options.executablePath)}).`,
      'options.executablePath',
      'a file path',
      options.executablePath,
    );
  const timeout = options.timeout ?? 60_000;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 600_000)
    throw argumentError(
      'invalid_argument',
      `htmlToPdf: options.timeout must be whole milliseconds in [1, 600000] (got ${show(timeout)}).`,
      'options.timeout',
      'whole milliseconds in [1, 600000]',
      timeout,
    );
  const executablePath = options.executablePath ?? process.env['CHROMIUM'] ?? CHROMIUM;
  if (!existsSync(executablePath)) {
    throw argumentError(
      'not_found',
      `htmlToPdf: no browser at ${executablePath} (got no file there). Install Debian's chromium (run scripts/setup-system.sh as root) or set CHROMIUM to a Chromium binary; the HTML report needs no browser.`,
      'options.executablePath',
      'the path of a Chromium binary',
      executablePath,
      { executablePath },
    );
  }
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'industry-metrics-pdf-'));
  const file = join(dir, 'report.html');
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
  try {
    writeFileSync(file, html);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath,
      headless: true,
      args: ARGS,
    });
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout });
    const failed = await page.getAttribute('body', 'data-error');
    if (failed !== null) {
      throw argumentError(
        'invalid_definition',
        `htmlToPdf: charts ${failed} could not be drawn (got data-error="${failed}"). Render the report's charts with toSvg to see why.`,
        'html',
        'a page whose charts draw',
        failed,
        { failed },
      );
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (e) {
    if (e instanceof MetricsError) throw e;
    // The browser's own failures (it would not start, the page never said it was ready) in one line.
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 200);
    const timedOut = e instanceof Error && e.name === 'TimeoutError';
    throw argumentError(
      timedOut ? 'invalid_definition' : 'not_found',
      timedOut
        ? `htmlToPdf: the page did not mark <body data-ready="true"> within ${timeout} ms (got ${first}). Pass a page made by reportHtml, or a longer timeout.`
        : `htmlToPdf: the browser at ${executablePath} could not print the page (got ${first}). Check it is Chromium (run scripts/setup-system.sh as root).`,
      timedOut ? 'html' : 'options.executablePath',
      timedOut
        ? `a page that marks <body data-ready="true"> within ${timeout} ms`
        : 'a Chromium binary that prints the page',
      timedOut ? first : executablePath,
      { executablePath },
    );
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
