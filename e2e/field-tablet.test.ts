import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Fix } from '../shared/schemas/position';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

let server: ServerHandle;
let browser: Browser;
let team: Team;
let admin: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startServer();
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '象山蓝天救援队' }));
  dataOf(await admin.post('/api/users', { username: 'tablet-e2e', displayName: '蓝天平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('field tablet in Chromium', () => {
  it('shares the browser’s geolocation while on duty and sets its own team off duty', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, permissions: ['geolocation'], geolocation: { latitude: 29.4386, longitude: 121.8655, accuracy: 12 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'tablet-e2e', 'tablet-password-1', /\/field$/);

    await page.getByTestId('duty-toggle').click();
    const latest = async () => dataOf(await admin.get<Fix[]>('/api/positions/latest')).find((f) => f.teamId === team.id);
    await expect.poll(latest, { timeout: 10_000 }).toMatchObject({ lat: 29.4386, lon: 121.8655, deviceId: expect.stringMatching(/^browser:/) });

    await context.setGeolocation({ latitude: 29.4431, longitude: 121.8712, accuracy: 10 });
    await expect.poll(async () => (await latest())?.lat, { timeout: 15_000 }).toBe(29.4431);

    await page.getByTestId('field-off-duty').click();
    await expect.poll(async () => dataOf(await admin.get<Team[]>('/api/teams')).find((t) => t.id === team.id)?.status, { timeout: 5_000 }).toBe('off_duty');
    await saveScreenshot(page, 'field-tablet-800x1280');
    await context.close();
  });
});
