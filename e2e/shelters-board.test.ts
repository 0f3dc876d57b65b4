import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Shelter } from '../shared/schemas/shelter';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

let server: ServerHandle;
let browser: Browser;
let target: Shelter;

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'shelter-desk', displayName: '林值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'shelter-wall', displayName: '一号大屏', role: 'wall', password: 'wall-password-1' }));
  target = dataOf(
    await admin.post<Shelter>('/api/shelters', { name: '丹城实验小学安置点', level: 'township', township: '丹东街道', location: { lat: 29.4762, lon: 121.8705 }, capacity: 40 }),
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});


describe('shelters on the desk and the wall', () => {
  it('opens a shelter, checks people in, refuses over capacity, and the wall shows the occupancy', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(wall, server.baseUrl, 'shelter-wall', 'wall-password-1', /\/wall$/);
    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(desk, server.baseUrl, 'shelter-desk', 'desk-password-1', /\/desk$/);

    await desk.getByTestId('desk-tab-shelters').click();
    const row = desk.locator(`[data-testid="shelter-row"][data-shelter-id="${target.id}"]`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.click();
    const detail = desk.getByTestId('shelter-detail');
    if (target.status === 'closed') {
      await detail.getByTestId('shelter-open').click();
      await expect.poll(() => detail.getByTestId('shelter-detail-status').textContent(), { timeout: 10_000 }).toContain('开放');
    }

    await detail.getByTestId('shelter-people').fill('12');
    await detail.getByTestId('shelter-note').fill('丹城村转移');
    await detail.getByTestId('shelter-record').click();
    await expect.poll(() => detail.getByTestId('shelter-movement-ok').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => detail.getByTestId('shelter-occupancy').textContent()).toContain(`12/${target.capacity}`);

    // Over capacity: refused, with how many more fit.
    await detail.getByTestId('shelter-people').fill(String(target.capacity));
    await detail.getByTestId('shelter-record').click();
    await expect.poll(() => detail.getByTestId('shelter-movement-error').textContent(), { timeout: 10_000 }).toContain(`最多还能安置 ${target.capacity - 12} 人`);

    // 投亲靠友 reported for the township shows in the township line.
    const township = desk.locator(`[data-testid="shelter-township"][data-township="${target.township}"]`);
    await township.getByTestId('shelter-township-open').click();
    await desk.getByTestId('township-relatives-count').fill('30');
    await desk.getByTestId('township-relatives-submit').click();
    await expect.poll(() => township.getByTestId('shelter-township-totals').textContent(), { timeout: 10_000 }).toContain('投亲靠友 30');

    const wallRow = wall.getByTestId('wall-shelter').filter({ hasText: target.name });
    await expect.poll(() => wallRow.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => wallRow.textContent(), { timeout: 10_000 }).toContain(`12/${target.capacity}`);
    await saveScreenshot(desk, 'shelters-desk');
    await saveScreenshot(wall, 'shelters-wall');
    await desk.close();
    await wall.close();
  });
});
