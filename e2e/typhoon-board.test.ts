import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

// Lekima (2019), RSMC Tokyo best track; see server/typhoon/fixtures/ATTRIBUTION.md.
const LEKIMA = path.resolve(__dirname, '../server/typhoon/fixtures/jma_bst_1909_lekima.txt');

let server: ServerHandle;
let browser: Browser;
let desk: Page;
let wall: Page;

interface StormOnMap {
  id: string;
  centre: { at: string; lon: number; lat: number } | null;
  circles: Record<'level7' | 'level10' | 'level12', number>;
  segments: number;
}
type TyphoonHooks = { __tidewatch?: { typhoonOnMap?: () => { replayAt: string | null; storms: StormOnMap[] } } };
const typhoonOnMap = (page: Page) => page.evaluate(() => (window as unknown as TyphoonHooks).__tidewatch?.typhoonOnMap?.() ?? null);

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'typhoon-desk', displayName: '台风值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'typhoon-wall', displayName: '一号大屏', role: 'wall', password: 'wall-password-1' }));
  browser = await launchChromium();
  wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await signIn(wall, server.baseUrl, 'typhoon-wall', 'wall-password-1', /\/wall$/);
  desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await signIn(desk, server.baseUrl, 'typhoon-desk', 'desk-password-1', /\/desk$/);
  await desk.getByTestId('desk-tab-typhoon').click();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the typhoon on the desk and the wall', () => {
  it('refuses a bad file, showing the line the server names', async () => {
    await desk.getByTestId('storm-import-text').fill('hello world');
    await desk.getByTestId('storm-import-submit').click();
    await expect.poll(() => desk.getByTestId('storm-import-error').textContent(), { timeout: 10_000 }).toContain('line 1');
    expect(await desk.getByTestId('storm-row').count()).toBe(0);
    await desk.getByTestId('storm-import-text').fill('');
  });

  it('loads Lekima from its file on the desk; the wall shows the storm, its track and the exposure panel', async () => {
    await desk.getByTestId('storm-import-file').setInputFiles(LEKIMA);
    await desk.getByTestId('storm-import-submit').click();
    await expect.poll(() => desk.getByTestId('storm-import-ok').textContent(), { timeout: 10_000 }).toContain('LEKIMA');
    await expect.poll(() => desk.getByTestId('storm-row').count(), { timeout: 10_000 }).toBe(1);

    const panel = wall.getByTestId('wall-storm-panel');
    await expect.poll(() => panel.getByTestId('wall-storm-name').textContent(), { timeout: 10_000 }).toContain('LEKIMA');
    await expect.poll(() => wall.getByTestId('wall-exposure-township').count(), { timeout: 10_000 }).toBeGreaterThan(10);
    expect(await wall.getByTestId('wall-county-countdown').getAttribute('data-state')).toMatch(/passed|not_expected|inside/);
    await expect.poll(async () => (await typhoonOnMap(wall))?.storms[0]?.segments ?? 0, { timeout: 10_000 }).toBeGreaterThan(50);
    // The desk's exposure table has a row per township.
    await expect.poll(() => desk.getByTestId('exposure-row').count(), { timeout: 10_000 }).toBeGreaterThan(10);
  });

  it('replays Lekima: the slider puts the centre and its circles where they were at a past moment', async () => {
    const start = Date.parse('2019-08-02T06:00:00Z');
    const step = (Date.parse('2019-08-09T12:00:00Z') - start) / 600_000;
    await desk.getByTestId('typhoon-replay-slider').fill(String(step));
    await expect.poll(async () => (await typhoonOnMap(desk))?.replayAt, { timeout: 10_000 }).toBe('2019-08-09T12:00:00.000Z');
    const replayed = (await typhoonOnMap(desk))!.storms[0]!;
    // JMA: 27.5°N 122.0°E at 12 UTC on 9 August, 30-kt radius 300 nm all round, 50-kt 100 nm; no 64-kt radius.
    expect(replayed.centre).toMatchObject({ at: '2019-08-09T12:00:00.000Z', lat: 27.5, lon: 122 });
    expect(replayed.circles.level7).toBeGreaterThan(0);
    expect(replayed.circles.level10).toBeGreaterThan(0);
    expect(replayed.circles.level12).toBe(0);
    // The table follows the replay time (Beijing time).
    await expect.poll(() => desk.getByTestId('exposure-as-of').textContent(), { timeout: 10_000 }).toContain('2019/08/09 20:00');
    await saveScreenshot(desk, 'typhoon-desk-replay');

    await desk.getByTestId('typhoon-replay-live').click();
    await expect.poll(async () => (await typhoonOnMap(desk))?.replayAt, { timeout: 10_000 }).toBeNull();
  });

  it('a bulletin typed on the desk puts a live storm with its wind circles on the wall', async () => {
    const beijingHourAgo = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);
    const form = desk.getByTestId('typhoon-bulletin');
    await desk.locator('summary').filter({ hasText: '录入台风公报' }).click();
    await form.getByTestId('bulletin-number').fill('2609');
    await form.getByTestId('bulletin-at').fill(beijingHourAgo);
    await form.getByTestId('bulletin-lat').fill('27.0');
    await form.getByTestId('bulletin-lon').fill('124.0');
    for (const q of ['ne', 'se', 'sw', 'nw']) {
      await form.getByTestId(`bulletin-radius-level7-${q}`).fill('300');
      await form.getByTestId(`bulletin-radius-level10-${q}`).fill('100');
    }
    await form.getByTestId('bulletin-submit').click();
    await expect.poll(() => form.getByTestId('bulletin-ok').count(), { timeout: 10_000 }).toBe(1);

    // The live storm comes before the past one: the wall follows it and draws its circles.
    await expect.poll(() => wall.getByTestId('wall-storm-panel').textContent(), { timeout: 10_000 }).toContain('2609');
    await expect
      .poll(async () => (await typhoonOnMap(wall))?.storms.find((s) => s.circles.level7 > 0 && s.circles.level10 > 0)?.centre, { timeout: 10_000 })
      .toMatchObject({ lat: 27, lon: 124 });
    // Far at sea, the wall frames the storm and the county together, both clear of the storm panel.
    type PointHook = { __tidewatch?: { mapPointToPage?: (lat: number, lon: number) => { x: number | null; y: number | null } } };
    const onPage = (lat: number, lon: number) => wall.evaluate(([la, lo]) => (window as unknown as PointHook).__tidewatch?.mapPointToPage?.(la!, lo!) ?? null, [lat, lon]);
    const map = (await wall.getByTestId('team-map').boundingBox())!;
    const panelRight = await wall.getByTestId('wall-typhoon').evaluate((el) => el.getBoundingClientRect().right);
    const visible = async (lat: number, lon: number) => {
      const p = await onPage(lat, lon);
      return p?.x != null && p.y != null && p.x > panelRight && p.x < map.x + map.width && p.y > map.y && p.y < map.y + map.height;
    };
    await expect.poll(() => visible(27, 124), { timeout: 10_000 }).toBe(true);
    expect(await visible(29.46, 121.91)).toBe(true);
    await saveScreenshot(wall, 'typhoon-wall');
  });
});
