import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { User } from '../shared/schemas/user';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

interface PlacesOnMap {
  incidents: Array<{ label: string; severity: string }>;
}
const incidentsOnMap = (page: Page): Promise<Array<[string, string]>> =>
  page.evaluate(() =>
    ((window as unknown as { __tidewatch?: { placesOnMap?: () => PlacesOnMap | null } }).__tidewatch?.placesOnMap?.()?.incidents ?? []).map((i) => [i.label, i.severity] as [string, string]),
  );

let server: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  const officer = dataOf(await admin.post<User>('/api/users', { username: 'desk-e2e', displayName: '陈值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'wall-e2e', displayName: '一号大屏', role: 'wall', password: 'wall-password-1' }));
  const now = Date.now();
  dataOf(await admin.post('/api/duty/shifts', { startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 8 * 3_600_000).toISOString(), leaderUserId: officer.id }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});


describe('incident board in Chromium', () => {
  it('files a 较大 incident on the desk and shows it on the wall with its report countdown', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(wall, server.baseUrl, 'wall-e2e', 'wall-password-1', /\/wall$/);
    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(desk, server.baseUrl, 'desk-e2e', 'desk-password-1', /\/desk$/);

    // Who is on watch shows in both headers.
    await expect.poll(() => desk.getByTestId('on-watch-leader').textContent(), { timeout: 10_000 }).toContain('陈值班');
    await expect.poll(() => wall.getByTestId('on-watch-leader').textContent(), { timeout: 10_000 }).toContain('陈值班');

    await desk.getByTestId('incident-new').click();
    await desk.getByTestId('incident-type').selectOption('waterlogging');
    await desk.getByTestId('incident-severity-major').check();
    await expect.poll(() => desk.getByTestId('incident-township').locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(5);
    await desk.getByTestId('incident-township').selectOption('丹东街道');
    await desk.getByTestId('incident-title').fill('丹东街道丹西社区内涝');
    await desk.getByTestId('incident-trapped').fill('3');
    await desk.getByTestId('incident-account').fill('积水齐腰，三人被困二楼');
    const started = Date.now();
    await desk.getByTestId('incident-submit').click();
    await expect.poll(() => desk.getByTestId('incident-status').textContent(), { timeout: 10_000 }).toContain('已接报');
    expect(Date.now() - started).toBeLessThan(60_000);
    await expect.poll(() => desk.getByTestId('report-phone').textContent(), { timeout: 5_000 }).toMatch(/电话报告 剩 (29|30):\d\d/);

    const row = wall.getByTestId('wall-incident').filter({ hasText: '丹东街道丹西社区内涝' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => row.getByTestId('wall-countdown').textContent(), { timeout: 5_000 }).toMatch(/电话报告 剩 (29|30):\d\d/);
    expect(await row.getByTestId('wall-countdown').getAttribute('data-overdue')).toBe('false');
    await expect.poll(() => wall.getByTestId('wall-severity-major').textContent()).toContain('1');
    // The countdown ticks.
    const first = await row.getByTestId('wall-countdown').textContent();
    await expect.poll(() => row.getByTestId('wall-countdown').textContent(), { timeout: 5_000 }).not.toBe(first);
    // Drawn on the map with its severity.
    await expect
      .poll(() => incidentsOnMap(wall), { timeout: 10_000 })
      .toContainEqual(['丹东街道丹西社区内涝', 'major']);

    // Marking the phone report done leaves the written one counting.
    await desk.getByTestId('report-by').fill('陈值班');
    await desk.getByTestId('report-recipient').fill('市应急管理局');
    await desk.getByTestId('report-done-phone').click();
    await expect.poll(() => desk.getByTestId('report-phone').textContent(), { timeout: 10_000 }).toContain('市应急管理局');
    await expect.poll(() => row.getByTestId('wall-countdown').textContent(), { timeout: 10_000 }).toMatch(/书面报告 剩/);

    await desk.getByTestId('incident-step-verified').click();
    await expect.poll(() => desk.getByTestId('incident-status').textContent(), { timeout: 10_000 }).toContain('已核实');

    await wall.waitForTimeout(800);
    await saveScreenshot(wall, 'incident-board-wall-1920x1080');
    await saveScreenshot(desk, 'incident-board-desk');
    await wall.setViewportSize({ width: 3840, height: 2160 });
    await wall.waitForTimeout(1200);
    await saveScreenshot(wall, 'incident-board-wall-3840x2160');
    await desk.close();
    await wall.close();
  });
});
