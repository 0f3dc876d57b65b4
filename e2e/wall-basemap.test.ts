import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';
import { startTileServer, writeColouredTiles } from './support/tileServer';

interface DrawnBasemap {
  id: string | null;
  state: string;
  zoom: number | null;
  tiles: number;
  pixelsPerDegree: number | null;
  bounds: { west: number; east: number; north: number; south: number } | null;
}
type BasemapHook = { __tidewatch?: { basemapOnMap?: () => DrawnBasemap } };
const basemapOnMap = (page: Page) => page.evaluate(() => (window as unknown as BasemapHook).__tidewatch?.basemapOnMap?.() ?? null);

/** The share of the map's pixels (a grid over the screenshot) in the tiles' magenta: read from a screenshot, not from the engine. */
async function magentaShare(page: Page): Promise<number> {
  const png = (await page.getByTestId('team-map').screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let magenta = 0;
    let sampled = 0;
    for (let y = 5; y < img.height; y += 17) {
      for (let x = 5; x < img.width; x += 17) {
        const i = (y * img.width + x) * 4;
        sampled++;
        if (data[i]! > 200 && data[i + 1]! < 60 && data[i + 2]! > 200) magenta++;
      }
    }
    return magenta / sampled;
  }, png);
}

let server: ServerHandle;
let browser: Browser;
let tiles: Awaited<ReturnType<typeof startTileServer>>;

beforeAll(async () => {
  // The tile set: magenta 256×256 PNGs over Xiangshan and its sea at zooms 9–13, served as an internal XYZ service.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-e2e-tiles-'));
  writeColouredTiles(folder, [255, 0, 255], { west: 121.0, east: 122.8, south: 28.6, north: 30.1 }, [9, 10, 11, 12, 13]);
  tiles = await startTileServer(folder);
  // Configured as the README says for an internal GIS service.
  const BASEMAPS = JSON.stringify([{ id: 'test-gis', name: '测试瓦片', type: 'xyz', url: `${tiles.url}/{z}/{x}/{y}.png`, maxZoom: 13, attribution: '测试瓦片集' }]);
  server = await startServer({ env: { BASEMAPS } });
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'basemap-desk', displayName: '郑值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/teams', { ...TEAM_INPUT, name: '石浦水上救援队', township: '石浦镇', base: { lat: 29.215, lon: 121.93 }, baseName: '石浦渔港码头' }));
  dataOf(await admin.post('/api/users', { username: 'basemap-wall', displayName: '二号大屏', role: 'wall', password: 'wall-password-1' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await tiles?.stop();
});

type TeamHook = { __tidewatch?: { teamsOnMap?: () => Array<{ name: string; x: number | null; y: number | null }> } };

describe('the desk map', () => {
  it('keeps its own basemap across a reload, and in pick mode a click on a marker picks the map point under it', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(desk, server.baseUrl, 'basemap-desk', 'desk-password-1', /\/desk$/);
    const map = desk.locator('main.center');
    // The switcher names the basemaps the server offers, after the outline map.
    await expect.poll(() => map.getByTestId('basemap-select').locator('option').allTextContents(), { timeout: 10_000 }).toEqual(['离线轮廓图', '测试瓦片']);
    await map.getByTestId('basemap-select').selectOption('test-gis');
    await expect.poll(() => basemapOnMap(desk), { timeout: 15_000 }).toMatchObject({ id: 'test-gis', state: 'ok' });
    await desk.reload();
    await expect.poll(() => basemapOnMap(desk), { timeout: 20_000 }).toMatchObject({ id: 'test-gis', state: 'ok' });
    expect(await map.getByTestId('basemap-select').inputValue()).toBe('test-gis');

    const marker = async () => {
      await expect.poll(() => desk.evaluate(() => (window as unknown as TeamHook).__tidewatch?.teamsOnMap?.().find((t) => t.x !== null) ?? null), { timeout: 15_000 }).not.toBeNull();
      return (await desk.evaluate(() => (window as unknown as TeamHook).__tidewatch!.teamsOnMap!()[0]!))!;
    };
    // A click on the team's marker selects the team…
    const team = await marker();
    await desk.mouse.click(team.x!, team.y!);
    await expect.poll(() => desk.url()).toContain('team=');
    expect(await desk.getByTestId('map-click').count()).toBe(0);
    // …and in pick mode the same click picks the point there (the team's base, 29.215°N 121.93°E).
    await map.getByTestId('map-pick-mode').click();
    expect(await map.getByTestId('map-pick-mode').getAttribute('aria-pressed')).toBe('true');
    const again = await marker();
    await desk.mouse.click(again.x!, again.y!);
    const picked = await desk.getByTestId('map-click').textContent();
    const [lat, lon] = (picked ?? '').match(/\d+\.\d+/g)!.map(Number);
    expect(Math.abs(lat! - 29.215)).toBeLessThan(0.001);
    expect(Math.abs(lon! - 121.93)).toBeLessThan(0.001);
    await desk.close();
  });
});

describe('a basemap on the wall', () => {
  it('draws the tiles the desk chose for the wall, and falls back to the outline map with a note when the tile server stops', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(wall, server.baseUrl, 'basemap-wall', 'wall-password-1', /\/wall$/);
    await expect.poll(() => basemapOnMap(wall), { timeout: 20_000 }).toMatchObject({ id: null, state: 'off' });
    expect(await magentaShare(wall)).toBe(0);

    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(desk, server.baseUrl, 'basemap-desk', 'desk-password-1', /\/desk$/);
    const controls = desk.getByTestId('wall-layout-controls');
    await controls.getByTestId('basemap-select').selectOption('test-gis');
    await controls.getByTestId('apply-layout').click();

    await expect.poll(() => basemapOnMap(wall), { timeout: 15_000 }).toMatchObject({ id: 'test-gis', state: 'ok' });
    // The tiles are drawn under the outlines: most of the map is their colour.
    await expect.poll(() => magentaShare(wall), { timeout: 10_000 }).toBeGreaterThan(0.5);
    await expect.poll(() => wall.getByTestId('basemap-attribution').textContent()).toBe('测试瓦片集');
    await saveScreenshot(wall, 'wall-basemap-tiles');
    const before = await basemapOnMap(wall);

    // The tile server goes away; the wall zooms out to the sea and needs tiles it has not fetched.
    await tiles.stop();
    await wall.mouse.move(960, 540);
    for (let i = 0; i < 40 && (await basemapOnMap(wall))?.zoom === before?.zoom; i++) {
      await wall.mouse.wheel(0, 300);
      await wall.waitForTimeout(50);
    }
    await expect.poll(() => basemapOnMap(wall), { timeout: 15_000 }).toMatchObject({ state: 'failed', tiles: 0 });
    await expect.poll(() => wall.getByTestId('basemap-failed').isVisible()).toBe(true);
    expect(await wall.getByTestId('basemap-failed').textContent()).toContain('测试瓦片');
    await expect.poll(() => magentaShare(wall), { timeout: 10_000 }).toBe(0);
    // The offline outline map is drawn instead: township areas in the outline colour.
    await saveScreenshot(wall, 'wall-basemap-fallback');
    await wall.close();
    await desk.close();
  });
});

describe('zooming the map', () => {
  /** Turns the mouse wheel over the map until the scale stops changing (the zoom limit). */
  async function wheelToLimit(page: Page, deltaY: number): Promise<DrawnBasemap> {
    await page.mouse.move(960, 500);
    let last = -1;
    for (let i = 0; i < 200; i++) {
      const now = (await basemapOnMap(page))?.pixelsPerDegree ?? -1;
      if (i > 3 && Math.abs(now - last) < 1e-9) break;
      last = now;
      for (let k = 0; k < 5; k++) await page.mouse.wheel(0, deltaY);
      await page.waitForTimeout(150);
    }
    return (await basemapOnMap(page))!;
  }

  it('goes out to the whole East China Sea and in to a street', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signIn(wall, server.baseUrl, 'basemap-wall', 'wall-password-1', /\/wall$/);
    await expect.poll(async () => (await basemapOnMap(wall))?.bounds ?? null, { timeout: 20_000 }).not.toBeNull();
    const county = (await basemapOnMap(wall))!;
    // The default view is the county.
    expect(county.bounds!.west).toBeGreaterThan(121);
    expect(county.bounds!.east).toBeLessThan(122.7);

    const sea = await wheelToLimit(wall, 300);
    // From Shanghai's coast to Okinawa and from Taiwan's north to Korea's south coast.
    expect(sea.bounds!.west).toBeLessThan(121);
    expect(sea.bounds!.east).toBeGreaterThan(128);
    expect(sea.bounds!.north).toBeGreaterThan(33);
    expect(sea.bounds!.south).toBeLessThan(25.5);
    await saveScreenshot(wall, 'map-east-china-sea');

    const street = await wheelToLimit(wall, -300);
    // About a metre per pixel or finer (a degree of longitude is ~97 km here).
    expect(street.pixelsPerDegree!).toBeGreaterThan(97_000);
    await wall.close();
  });
});

