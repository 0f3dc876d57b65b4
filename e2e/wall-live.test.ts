import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DeviceCredentials } from '../shared/schemas/device';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

interface MapTeam {
  id: string;
  name: string;
  lat: number;
  lon: number;
  stale: boolean;
  status: string;
}

const teamsOnMap = (page: Page): Promise<MapTeam[]> =>
  page.evaluate(() => (window as unknown as { __tidewatch?: { teamsOnMap?: () => MapTeam[] } }).__tidewatch?.teamsOnMap?.() ?? []);

let server: ServerHandle;
let browser: Browser;
let team: Team;
let device: DeviceCredentials;

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '中片综合应急救援队' }));
  device = dataOf(await admin.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'osmand', name: 'Traccar 手机' }));
  dataOf(await admin.post('/api/users', { username: 'wall-e2e', displayName: '一号大屏', role: 'wall', password: 'wall-password-1' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const report = (lat: number, lon: number) =>
  fetch(`http://127.0.0.1:${server.osmandPort}/?id=${device.osmandId}&lat=${lat}&lon=${lon}&timestamp=${Date.now()}&speed=20&bearing=90`);

describe('wall board in Chromium', () => {
  it('signs in, shows the team on the county map and moves its marker live as OsmAnd positions arrive', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(page, server.baseUrl, 'wall-e2e', 'wall-password-1', /\/wall$/);

    await expect.poll(async () => (await teamsOnMap(page)).find((t) => t.id === team.id), { timeout: 20_000 }).toMatchObject({ name: '中片综合应急救援队', stale: true });

    expect((await report(29.4501, 121.8802)).status).toBe(200);
    await expect.poll(async () => (await teamsOnMap(page)).find((t) => t.id === team.id), { timeout: 10_000 }).toMatchObject({ lat: 29.4501, lon: 121.8802, stale: false });

    expect((await report(29.4623, 121.9011)).status).toBe(200);
    await expect.poll(async () => (await teamsOnMap(page)).find((t) => t.id === team.id)?.lat, { timeout: 10_000 }).toBe(29.4623);

    // Chinese is drawn with the bundled web font, not boxes: these machines have no CJK system fonts.
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '象山县应急指挥')), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 5_000 }).toBe('online');
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'wall-live-1920x1080');
    await page.close();
  });
});
