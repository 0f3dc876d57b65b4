import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DomainError } from '../../errors';

/** Where Debian's Chromium is; `npm start`'s setup installs it (`apt-get install chromium`). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** The page's own origin: nothing is fetched from the network, fonts are answered from node_modules. */
const ORIGIN = 'https://tidewatch.print';

export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}

/**
 * Prints an HTML page to an A4 PDF with headless Chromium (playwright-core). Without Chromium it answers
 * PDF_UNAVAILABLE, so the desk can say why and offer the browser's own print instead.
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  /** One Chromium at a time: a burst of downloads waits its turn instead of starting a browser each. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly chromiumPath: string = DEFAULT_CHROMIUM) {}

  print(html: string): Promise<Uint8Array> {
    const run = this.queue.then(() => this.printNow(html));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async printNow(html: string): Promise<Uint8Array> {
    if (!existsSync(this.chromiumPath)) throw new DomainError('PDF_UNAVAILABLE', `Chromium is not installed at ${this.chromiumPath}; print the report page from the browser instead.`);
    const { chromium } = await import('playwright-core');
    const fontDir = fontsourceDir();
    const browser = await chromium.launch({ executablePath: this.chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.route(`${ORIGIN}/**`, async (route) => {
        const url = new URL(route.request().url());
        if (url.pathname === '/report') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
        const file = path.basename(url.pathname);
        if (url.pathname.startsWith('/files/') && /^[\w.-]+\.woff2?$/.test(file)) return route.fulfill({ contentType: 'font/woff2', body: await readFile(path.join(fontDir, 'files', file)) });
        return route.abort();
      });
      await page.route((url) => !url.href.startsWith(ORIGIN), (route) => route.abort());
      await page.goto(`${ORIGIN}/report`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  }
}

/** The @font-face rules of Noto Sans SC (regular and bold), pointing at the printer's origin. */
export async function fontCss(): Promise<string> {
  const dir = fontsourceDir();
  const css = await Promise.all(['400.css', '700.css'].map((f) => readFile(path.join(dir, f), 'utf8')));
  return css.join('\n').replaceAll('url(./files/', `url(${ORIGIN}/files/`);
}

function fontsourceDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));
}
