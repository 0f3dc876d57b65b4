import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

interface PlacesOnMap {
  incidents: unknown[];
  shelters: number;
  depots: number;
}
/** What the wall map draws of the board layers (null until the map has rendered them). */
const placesOnMap = (page: Page): Promise<{ incidents: number; shelters: number } | null> =>
  page.evaluate(() => {
    const drawn = (window as unknown as { __tidewatch?: { placesOnMap?: () => PlacesOnMap | null } }).__tidewatch?.placesOnMap?.();
    return drawn ? { incidents: drawn.incidents.length, shelters: drawn.shelters } : null;
  });

let server: ServerHandle;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'layers-desk', displayName: '吴值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'layers-wall', displayName: '一号大屏', role: 'wall', password: 'wall-password-1' }));
  dataOf(await admin.post('/api/shelters', { name: '西周镇中心小学安置点', level: 'township', township: '西周镇', location: { lat: 29.5661, lon: 121.7395 }, capacity: 300 }));
  const desk = httpClient(server.baseUrl, await login(server.baseUrl, 'layers-desk', 'desk-password-1'));
  dataOf(await desk.post('/api/incidents', { title: '西周镇山塘漫坝', type: 'flash_flood', severity: 'general', source: 'phone', location: { lat: 29.5702, lon: 121.7451 } }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('wall map layers set from the desk', () => {
  it('removes the shelters from the wall map when the desk switches their layer off, and keeps the setting', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(wall, server.baseUrl, 'layers-wall', 'wall-password-1', /\/wall$/);
    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(desk, server.baseUrl, 'layers-desk', 'desk-password-1', /\/desk$/);

    await expect.poll(() => placesOnMap(wall), { timeout: 20_000 }).toEqual({ incidents: 1, shelters: 1 });

    const shelters = desk.getByTestId('layer-shelters');
    expect(await shelters.isChecked()).toBe(true);
    await shelters.uncheck();
    await desk.getByTestId('apply-layout').click();
    await expect.poll(() => placesOnMap(wall), { timeout: 10_000 }).toEqual({ incidents: 1, shelters: 0 });
    await wall.waitForTimeout(500);
    await saveScreenshot(wall, 'wall-layers-shelters-off');

    // Kept on the server: a wall that starts afresh still leaves them out.
    await wall.reload();
    await expect.poll(() => placesOnMap(wall), { timeout: 20_000 }).toEqual({ incidents: 1, shelters: 0 });

    await desk.getByTestId('layer-shelters').check();
    await desk.getByTestId('layer-incidents').uncheck();
    await desk.getByTestId('apply-layout').click();
    await expect.poll(() => placesOnMap(wall), { timeout: 10_000 }).toEqual({ incidents: 0, shelters: 1 });
    await desk.close();
    await wall.close();
  });
});
