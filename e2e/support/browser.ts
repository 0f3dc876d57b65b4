/**
 * Headless Chromium for the end-to-end tests: Debian's /usr/bin/chromium (or $CHROMIUM_PATH) driven by
 * playwright-core (no browser downloads on this machine).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type LaunchOptions, type Page, chromium } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'artifacts', 'screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  '--ignore-certificate-errors',
];

export function launchChromium(options: Omit<LaunchOptions, 'executablePath'> = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * Saves a JPEG of the page (by default the full page, `fullPage: false` for what the viewport shows) to
 * artifacts/screenshots/<name>.jpg and returns its path. JPEG, not PNG: the suite takes about a hundred of these,
 * and encoding a large PNG in software costs several times as long, for pictures only a person reads.
 */
export async function saveScreenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  const safe = name.replace(/[^\w.-]+/g, '_');
  const file = path.join(SCREENSHOT_DIR, `${safe}.jpg`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage, type: 'jpeg', quality: 80 });
  return file;
}

/** Signs in through the login page at `baseUrl` and waits for the role's landing page. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, landing: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(landing);
}
