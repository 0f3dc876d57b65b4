import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Alarm } from '../shared/schemas/alarm';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

const LABELS = ['队伍', '调度', '事件', '安置', '物资', '值班', '台风', '监测', '预警', '响应', '复盘', '视频'];

let server: ServerHandle;
let browser: Browser;
let desk: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'nav-desk', displayName: '林值班', role: 'duty_officer', password: 'desk-password-1' }));
  desk = httpClient(server.baseUrl, await login(server.baseUrl, 'nav-desk', 'desk-password-1'));
  dataOf(await desk.post('/api/incidents', { title: '丹西社区内涝', type: 'waterlogging', severity: 'general', source: 'phone', township: '丹东街道' }));
  // A minimum above what the depot holds raises a stock_low alarm: the 物资 tab shows it.
  dataOf(await admin.post('/api/depots', { id: 'NAV-county', name: '象山县救灾物资储备库', tier: 'county', location: { lat: 29.4523, lon: 121.8652 }, manager: '孙国庆' }));
  dataOf(await admin.post('/api/supply-items', { id: 'quilt', name: '棉被', unit: '床', keyItem: true }));
  dataOf(await admin.put('/api/stock/NAV-county/quilt/threshold', { minLevel: 50 }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const tabs = (page: Page) => page.locator('[role="tablist"][aria-orientation="vertical"] [role="tab"]');
const badge = (page: Page, tab: string) => page.getByTestId(`desk-tab-${tab}`).getByTestId('desk-tab-badge');

/** For each tab: its label, whether the label is on one line, and whether the whole tab is on screen. */
const tabLayout = (page: Page) =>
  tabs(page).evaluateAll((buttons) =>
    buttons.map((b) => {
      const label = b.querySelector('.label') as HTMLElement;
      const box = b.getBoundingClientRect();
      const text = document.createRange();
      text.selectNodeContents(label);
      // Wrapped text has a box per line.
      const lineTops = new Set([...text.getClientRects()].map((r) => Math.round(r.top)));
      return {
        label: label.textContent?.trim(),
        oneLine: lineTops.size === 1,
        onScreen: box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0,
        fontPx: parseFloat(getComputedStyle(label).fontSize),
      };
    }),
  );

describe('desk navigation', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    it(`shows every tab on one line with its count at ${width}x${height}`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      await signIn(page, server.baseUrl, 'nav-desk', 'desk-password-1', /\/desk$/);
      await expect.poll(() => tabs(page).count(), { timeout: 10_000 }).toBe(LABELS.length);
      const layout = await tabLayout(page);
      expect(layout.map((l) => l.label)).toEqual(LABELS);
      for (const tab of layout) {
        expect(tab.oneLine, `${tab.label} on one line`).toBe(true);
        expect(tab.onScreen, `${tab.label} on screen`).toBe(true);
        expect(tab.fontPx, `${tab.label} readable`).toBeGreaterThanOrEqual(15);
      }
      // The open incident is counted; the stock alarm is red until acknowledged.
      await expect.poll(() => badge(page, 'incidents').textContent(), { timeout: 10_000 }).toContain('1');
      expect(await badge(page, 'incidents').getAttribute('data-tone')).toBe('count');
      expect(await page.getByTestId('desk-tab-incidents').getAttribute('title')).toBe('1 起事件未结');
      await expect.poll(() => badge(page, 'supplies').getAttribute('data-tone'), { timeout: 10_000 }).toBe('alarm');
      expect(await badge(page, 'teams').count()).toBe(0);
      await saveScreenshot(page, `desk-nav-${width}x${height}`);
      await page.getByTestId('desk-tab-supplies').click();
      await page.getByTestId('supplies-desk').waitFor();
      await saveScreenshot(page, `desk-nav-supplies-${width}x${height}`);
      await page.close();
    });
  }

  it('keeps the longer English labels on one line at 1366x768', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, server.baseUrl, 'nav-desk', 'desk-password-1', /\/desk$/);
    await page.getByTestId('language-switch').selectOption('en');
    await expect.poll(async () => (await tabLayout(page)).map((l) => l.label), { timeout: 10_000 }).toEqual(['Teams', 'Dispatch', 'Incidents', 'Shelters', 'Supplies', 'Duty', 'Typhoon', 'Gauges', 'Warnings', 'Response', 'Review', 'Video']);
    for (const tab of await tabLayout(page)) expect(tab.oneLine && tab.onScreen, `${tab.label} on one line, on screen`).toBe(true);
    await page.getByTestId('desk-tab-supplies').click();
    await page.getByTestId('supplies-desk').waitFor();
    await saveScreenshot(page, 'desk-nav-1366x768-en');
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.close();
  });

  it('is reached with Tab and moved through with the arrow keys, Home and End', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, server.baseUrl, 'nav-desk', 'desk-password-1', /\/desk$/);
    await page.getByTestId('desk-tab-teams').waitFor();
    const focusedTab = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

    // One Tab stop for the whole rail: the selected tab.
    let presses = 0;
    while (!(await focusedTab()).startsWith('desk-tab-') && presses < 20) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await focusedTab()).toBe('desk-tab-teams');

    await page.keyboard.press('ArrowDown');
    expect(await focusedTab()).toBe('desk-tab-dispatches');
    expect(await page.getByTestId('desk-tab-dispatches').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('dispatch-board').waitFor();

    await page.keyboard.press('End');
    expect(await focusedTab()).toBe('desk-tab-cameras');
    await page.keyboard.press('ArrowDown');
    expect(await focusedTab()).toBe('desk-tab-teams');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedTab()).toBe('desk-tab-review');
    await page.keyboard.press('Home');
    expect(await focusedTab()).toBe('desk-tab-teams');

    // Leaving the rail with Tab goes on into the tab's content, not through the other tabs.
    await page.keyboard.press('Tab');
    expect(await focusedTab()).not.toMatch(/^desk-tab-/);

    // Acknowledging the stock alarm turns the 物资 badge from red to amber.
    const [alarm] = dataOf(await desk.get<Alarm[]>('/api/alarms')).filter((a) => a.kind === 'stock_low');
    dataOf(await desk.post(`/api/alarms/${alarm!.id}/acknowledge`, {}));
    await expect.poll(() => badge(page, 'supplies').getAttribute('data-tone'), { timeout: 10_000 }).toBe('warning');
    await page.close();
  });
});
