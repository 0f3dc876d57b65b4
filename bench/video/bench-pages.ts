import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { VideoBenchPage } from './pages/main';

const ENTRY = fileURLToPath(new URL('./pages/main.ts', import.meta.url));
const PAGE_PATH = '/__bench/video';
const BLANK = '<!doctype html><html><head><meta charset="utf-8"><title>bench:video</title></head><body style="margin:0"></body></html>';

/** The page scripts (bench/video/pages) bundled into one IIFE that sets `window.videoBench`. */
export async function bundlePages(): Promise<string> {
  const result = await build({ entryPoints: [ENTRY], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle for bench/video/pages');
  return file.text;
}

/**
 * A blank page at `origin` (answered by the browser itself, so the server's CSP and client app stay out
 * of it) with the bundle injected: socket.io-client then connects to the server like the real client.
 */
export async function openBenchPage(browser: Browser, origin: string, bundle: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.route(`${origin}${PAGE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: BLANK }));
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  [${name}] page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && console.error(`  [${name}] ${message.text()}`));
  await page.goto(`${origin}${PAGE_PATH}`);
  await page.addScriptTag({ content: bundle });
  if (!(await callPage(page, 5_000, 'patternSelfTest'))) throw new Error(`[${name}] the clock pattern does not survive a canvas round trip`);
  return page;
}

type Method = keyof VideoBenchPage;

/** Calls `window.videoBench[method](...args)` in the page, giving up after `timeoutMs`. */
export async function callPage<K extends Method>(page: Page, timeoutMs: number, method: K, ...args: Parameters<VideoBenchPage[K]>): Promise<Awaited<ReturnType<VideoBenchPage[K]>>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${method} did not finish within ${timeoutMs} ms`)), timeoutMs)));
  try {
    return (await Promise.race([page.evaluate(`window.videoBench.${method}(...${JSON.stringify(args)})`), timeout])) as Awaited<ReturnType<VideoBenchPage[K]>>;
  } finally {
    clearTimeout(timer);
  }
}
