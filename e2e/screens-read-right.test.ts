import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Warning } from '../shared/schemas/warning';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium } from './support/browser';
import { WALL_PANELS, chooseLanguage, clippedLine, openScreens, panelsOverflowing, visitAll, wrapsOf, type ScreenSpec } from './support/screenFit';

let server: ServerHandle;
let browser: Browser;
let contexts: BrowserContext[] = [];
let pages: Map<string, Page>;
let specs: ScreenSpec[];

beforeAll(async () => {
  server = await startServer({ env: { SEED: 'demo' } });
  const accounts = fs.readFileSync(path.join(server.dataDir, 'demo-accounts.txt'), 'utf8');
  const passwordOf = (username: string) => new RegExp(`^\\S+\\s+${username}\\s+(\\S+)$`, 'm').exec(accounts)![1]!;
  // The demo county's issued warning, as a commander opens it on a phone.
  const commander = httpClient(server.baseUrl, await login(server.baseUrl, 'commander', passwordOf('commander')));
  const [warning] = dataOf(await commander.get<Warning[]>('/api/warnings'));
  specs = [
    { name: 'wall', username: 'wall', password: passwordOf('wall'), landing: /\/wall$/, paths: ['/wall'], ready: '[data-testid="wall"]' },
    { name: 'desk', username: 'commander', password: passwordOf('commander'), landing: /\/desk/, paths: ['/desk', '/desk/dispatches', '/desk/incidents', '/desk/supplies', `/desk/warnings?warning=${warning!.id}`, '/desk/response', '/desk/gauges'], ready: '[data-testid="desk"]' },
    { name: 'warning-phone', username: 'commander', password: passwordOf('commander'), landing: /\/desk/, paths: [`/desk/warnings/${warning!.id}`], ready: '[data-testid="warning-detail"]', extraViewports: [{ width: 390, height: 844 }] },
    { name: 'tablet', username: 'field-bluesky', password: passwordOf('field-bluesky'), landing: /\/field$/, paths: ['/field'], ready: '[data-testid="field"]', extraViewports: [{ width: 800, height: 1280 }] },
    { name: 'admin', username: 'admin', password: server.adminPassword, landing: /\/desk/, paths: ['/admin'], ready: '[data-testid="admin"]' },
  ];
  browser = await launchChromium();
  ({ contexts, pages } = await openScreens(browser, server.baseUrl, specs));
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

describe('every screen reads right at 1366×768 and 1920×1080, in Chinese and English', () => {
  it('clips no label or status chip, keeps every wall panel’s content in its box, the wall header to one line at 1080p and the desk header unwrapped at 1366', async () => {
    const headers: string[] = [];
    const overflowing: string[] = [];
    const problems = await visitAll(server.baseUrl, specs, pages, async ({ screen, path: at, viewport, language, page }) => {
      if (screen === 'wall') for (const p of await panelsOverflowing(page, WALL_PANELS, '[data-testid="wall"]')) overflowing.push(`wall ${viewport} ${language}: ${p}`);
      if (screen === 'wall' && viewport === '1920x1080') {
        const bar = await wrapsOf(page, '.wall-header');
        if (!bar || bar.wrapped.length || bar.height > 1080 * 0.08) headers.push(`wall header ${language}: ${JSON.stringify(bar)}`);
      }
      if (screen === 'desk' && viewport === '1366x768') {
        const bar = await wrapsOf(page, '.app-header');
        if (!bar || bar.wrapped.length) headers.push(`desk header ${at} ${language}: ${JSON.stringify(bar)}`);
      }
    });
    expect({ headers, overflowing, clipped: problems.map(clippedLine) }).toEqual({ headers: [], overflowing: [], clipped: [] });
  });

  it('offers a language switch on every screen and each screen keeps its own choice across a reload', async () => {
    for (const spec of specs) expect(await pages.get(spec.name)!.getByTestId('language-switch').count(), spec.name).toBeGreaterThan(0);
    // One browser showing both the wall and the desk (a commander's laptop): each keeps its language.
    const page = pages.get('desk')!;
    await page.goto(`${server.baseUrl}/wall`);
    await chooseLanguage(page, 'en');
    await page.goto(`${server.baseUrl}/desk`);
    await page.getByTestId('desk').waitFor();
    await chooseLanguage(page, 'zh-CN');
    await page.reload();
    await page.getByTestId('desk').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.goto(`${server.baseUrl}/wall`);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('language-switch').inputValue()).toBe('en');
  });
});
