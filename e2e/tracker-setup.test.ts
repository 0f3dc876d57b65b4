import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

const STALE_S = 8;
let server: ServerHandle;
let browser: Browser;
let team: Team;

beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_HOSTNAMES: 'tidewatch.xiangshan.test', STALE_AFTER_SECONDS: String(STALE_S) } });
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '西周水域救援队' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('setting up a tracker phone and watching it', () => {
  it('gives the admin a server URL a phone can reach and a QR code Traccar Client scans; a heard phone without a fix shows 位置未更新, not 失联', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'admin', server.adminPassword, /\/desk$/);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByTestId('admin-tab-devices').click();
    await page.getByTestId('device-team').selectOption(team.id);
    await page.getByTestId('device-name').fill('队长手机');
    await page.getByTestId('device-identifier').fill('865432109876543');
    await expect.poll(() => page.getByTestId('identifier-warning').isVisible(), { timeout: 5_000 }).toBe(true);
    await page.getByTestId('device-identifier').fill('');
    await page.getByTestId('device-register').click();

    const panel = page.getByTestId('device-credentials');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    const expectedUrl = `http://tidewatch.xiangshan.test:${server.osmandPort}`;
    await expect.poll(() => panel.getByTestId('osmand-url').textContent(), { timeout: 10_000 }).toBe(expectedUrl);
    const key = (await panel.getByTestId('osmand-id').textContent())?.trim() ?? '';
    expect(key).toMatch(/^[a-z2-9]{24}$/);
    const qr = panel.getByTestId('osmand-qr');
    await qr.waitFor({ state: 'visible', timeout: 10_000 });
    const qrText = new URL((await qr.getAttribute('data-qr-text')) ?? '');
    expect(qrText.origin).toBe(expectedUrl);
    expect(qrText.searchParams.get('id')).toBe(key);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await saveScreenshot(page, 'admin-device-setup-qr');

    // The phone reports once, then only heartbeats without a fix (indoors).
    const osmand = `http://127.0.0.1:${server.osmandPort}`;
    expect((await fetch(`${osmand}/?id=${key}&lat=29.4501&lon=121.8802&timestamp=${Math.floor(Date.now() / 1000)}`, { method: 'POST' })).status).toBe(200);
    await page.goto(`${server.baseUrl}/desk`);
    const row = page.locator(`[data-testid="desk-team"][data-team-id="${team.id}"]`);
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(wall, server.baseUrl, 'admin', server.adminPassword, /\/desk$/);
    await wall.goto(`${server.baseUrl}/wall`);
    const wallRow = wall.locator(`[data-testid="wall-team"][data-team-id="${team.id}"]`);
    await wallRow.waitFor({ state: 'visible', timeout: 15_000 });
    const heartbeats = setInterval(() => void fetch(`${osmand}/?id=${key}&timestamp=${Math.floor(Date.now() / 1000)}&batt=57&charge=true`, { method: 'POST' }), 1_000);
    try {
      await expect.poll(() => row.getByTestId('position-old-mark').isVisible(), { timeout: (STALE_S + 10) * 1000 }).toBe(true);
      expect(await row.getByTestId('stale-mark').count()).toBe(0);
      await expect.poll(() => wallRow.getAttribute('data-position-old'), { timeout: 5_000 }).toBe('true');
      expect(await wallRow.getAttribute('data-stale')).toBe('false');
      expect(await wallRow.getByTestId('position-old-mark').textContent()).toContain('位置未更新');
      await saveScreenshot(page, 'desk-team-position-old');
    } finally {
      clearInterval(heartbeats);
    }
    await wall.close();
    // Silence: now the unit itself is 失联.
    await expect.poll(() => row.getByTestId('stale-mark').isVisible(), { timeout: (STALE_S + 10) * 1000 }).toBe(true);
    await page.close();
  });
});
