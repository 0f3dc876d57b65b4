import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CameraWithStatus } from '../shared/schemas/camera';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy';

/*
 * A field tablet publishes its (fake) camera through the mediasoup relay; the desk puts that camera on the
 * wall's video grid; the wall decodes it. Stopping and sharing again reaches the wall without a reload.
 */

interface MapCamera {
  id: string;
  state: string;
  lat: number;
  lon: number;
  x: number | null;
  y: number | null;
}

type MapHooks = { __tidewatch?: { camerasOnMap?: () => MapCamera[] } };

const TABLET_AT = { latitude: 29.3021, longitude: 121.9417 };

let server: ServerHandle;
/** The wall reaches the server through this, so a test can cut its socket (WebRTC media goes direct). */
let wallProxy: TcpProxy;
let browser: Browser;
let admin: ReturnType<typeof httpClient>;
let team: Team;
let cameraId: string;
let tablet: Page;
let desk: Page;
let wall: Page;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Announce loopback: Chromium runs on this machine, and tests send traffic only to local addresses.
  server = await startServer({ env: { VIDEO_ANNOUNCED_IP: '127.0.0.1', VIDEO_LISTEN_IP: '127.0.0.1', VIDEO_WORKERS: '1' } });
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '鹤浦水上救援队' }));
  dataOf(await admin.post('/api/users', { username: 'tablet-video', displayName: '鹤浦平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'duty-video', displayName: '王值班', role: 'duty_officer', password: 'duty-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'wall-video', displayName: '一号大屏', role: 'wall', password: 'wall-password-1' }));
  wallProxy = await startTcpProxy(server.port);
  browser = await launchChromium({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await wallProxy?.close();
  await server?.dispose();
});

async function openSignedIn(username: string, password: string, landing: RegExp, options: Parameters<Browser['newContext']>[0], baseUrl = server.baseUrl): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, baseUrl, username, password, landing);
  await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
  return page;
}

const wallTile = () => wall.locator(`[data-testid="video-tile"][data-camera-id="${cameraId}"]`);
const framesOf = async (page: Page, tileSelector: string): Promise<number> => Number((await page.locator(`${tileSelector} video`).getAttribute('data-frames')) ?? 0);
const wallFrames = () => framesOf(wall, `[data-testid="video-tile"][data-camera-id="${cameraId}"]`);
const tabletCamera = async () => dataOf(await admin.get<CameraWithStatus[]>('/api/cameras')).find((c) => c.teamId === team.id);

/** Frames keep being decoded: the counter grows by at least `min` within a few seconds. */
async function expectFramesFlowing(read: () => Promise<number>, min = 15): Promise<void> {
  const start = await read();
  await expect.poll(read, { timeout: 20_000, interval: 500 }).toBeGreaterThanOrEqual(start + min);
}

describe('live video from a field tablet to the wall in Chromium', () => {
  it('a tablet shares its camera on its task, the desk puts it on the wall, and the wall decodes frames', async () => {
    tablet = await openSignedIn('tablet-video', 'tablet-password-1', /\/field$/, {
      viewport: { width: 800, height: 1280 },
      permissions: ['geolocation', 'camera'],
      geolocation: { ...TABLET_AT, accuracy: 10 },
    });
    desk = await openSignedIn('duty-video', 'duty-password-1', /\/desk$/, { viewport: { width: 1600, height: 1000 } });
    wall = await openSignedIn('wall-video', 'wall-password-1', /\/wall$/, { viewport: { width: 1920, height: 1080 } }, wallProxy.url);

    // The share button belongs to a task the team has taken on.
    const destination = { lat: 29.11, lon: 122.05, township: null, label: '鹤浦码头' };
    dataOf(await admin.post('/api/dispatches', { actionId: randomUUID(), teamIds: [team.id], taskType: 'rescue', priority: 'urgent', destination, instructions: '码头人员被困' }));
    await tablet.getByTestId('field-alert-open').click({ timeout: 15_000 });
    expect(await tablet.getByTestId('video-share-start').count()).toBe(0);
    await tablet.getByTestId('next-step').click();
    await expect.poll(() => tablet.getByTestId('current-task').getAttribute('data-state'), { timeout: 10_000 }).toBe('accepted');

    await tablet.getByTestId('video-share-start').click();
    await expect.poll(() => tablet.getByTestId('video-share').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await expect.poll(async () => (await tabletCamera())?.status.state, { timeout: 10_000 }).toBe('online');
    const camera = (await tabletCamera())!;
    cameraId = camera.id;
    expect(camera).toMatchObject({ kind: 'field_tablet', name: '鹤浦水上救援队', status: { codec: 'VP8' } });
    await saveScreenshot(tablet, 'video-tablet-sharing');

    // Desk: a 2×2 grid with the tablet's camera first, applied to the wall.
    const controls = desk.getByTestId('wall-layout-controls');
    await controls.locator('label.chip', { has: desk.getByTestId('video-grid-4') }).click();
    const pick = controls.locator(`[data-testid="video-pick"][data-camera-id="${cameraId}"]`);
    await pick.waitFor({ state: 'visible', timeout: 10_000 });
    await pick.check();
    await controls.getByTestId('apply-layout').click();

    // Wall: four tiles, the tablet's camera decoding, with its picture's numbers shown.
    await expect.poll(() => wall.getByTestId('wall-video-grid').getAttribute('data-grid'), { timeout: 10_000 }).toBe('4');
    expect(await wall.getByTestId('video-tile').count()).toBe(4);
    await expect.poll(() => wallTile().getAttribute('data-condition'), { timeout: 20_000 }).toBe('live');
    await expectFramesFlowing(wallFrames);
    await expect.poll(() => wallTile().getByTestId('video-tile-stats').textContent(), { timeout: 10_000 }).toMatch(/\d+×\d+ · \d+ 帧\/秒 · \d+ kbps/);
    expect(await wallTile().getByTestId('video-tile-state').textContent()).toBe('在线');

    // The wall map draws the camera where its team last reported, coloured as online.
    const wallCameras = (): Promise<MapCamera[]> => wall.evaluate(() => (window as unknown as MapHooks).__tidewatch?.camerasOnMap?.() ?? []);
    await expect.poll(async () => (await wallCameras()).find((c) => c.id === cameraId), { timeout: 15_000 }).toMatchObject({ state: 'online', lat: TABLET_AT.latitude, lon: TABLET_AT.longitude });
    await saveScreenshot(wall, 'video-wall-grid-4');

    // Desk: clicking the camera on the map opens it in the viewer, which decodes too.
    const deskCameras = (): Promise<MapCamera[]> => desk.evaluate(() => (window as unknown as MapHooks).__tidewatch?.camerasOnMap?.() ?? []);
    await expect.poll(async () => (await deskCameras()).find((c) => c.id === cameraId)?.x ?? null, { timeout: 15_000 }).not.toBeNull();
    const onDeskMap = (await deskCameras()).find((c) => c.id === cameraId)!;
    await desk.mouse.click(onDeskMap.x!, onDeskMap.y!);
    const viewer = desk.getByTestId('camera-viewer');
    await expect.poll(() => viewer.getAttribute('data-camera-id'), { timeout: 10_000 }).toBe(cameraId);
    await expectFramesFlowing(() => framesOf(desk, '[data-testid="camera-viewer"] [data-testid="video-tile"]'));
    await saveScreenshot(desk, 'video-desk-viewer');
    await desk.getByTestId('camera-viewer-close').click();
    expect(await viewer.count()).toBe(0);
  });

  it('the wall shows the camera offline when the tablet stops, and frames again when it shares again, without a reload', async () => {
    // Marks this page load: a reload would lose it.
    await wall.evaluate(() => ((window as unknown as { videoTestMark: number }).videoTestMark = 42));
    await tablet.getByTestId('video-share-stop').click();
    await expect.poll(() => tablet.getByTestId('video-share').getAttribute('data-state')).toBe('idle');
    await expect.poll(() => wallTile().getAttribute('data-state'), { timeout: 10_000 }).toBe('offline');
    expect(await wallTile().getAttribute('data-condition')).toBe('offline');
    expect(await wallTile().getByTestId('video-tile-message').textContent()).toContain('离线');
    await saveScreenshot(wall, 'video-wall-tablet-stopped');

    // No frames arrive while it is off.
    const whileOff = await wallFrames();
    await wall.waitForTimeout(1_500);
    expect(await wallFrames()).toBeLessThanOrEqual(whileOff + 1);

    await tablet.getByTestId('video-share-start').click();
    await expect.poll(() => tablet.getByTestId('video-share').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    await expect.poll(() => wallTile().getAttribute('data-condition'), { timeout: 20_000 }).toBe('live');
    await expectFramesFlowing(wallFrames);
    expect(await wall.evaluate(() => (window as unknown as { videoTestMark?: number }).videoTestMark)).toBe(42);
    await saveScreenshot(wall, 'video-wall-tablet-again');
  });

  it('after the wall’s socket drops, the relay frees its share, and the wall joins again and decodes by itself', async () => {
    const relay = async () => dataOf(await admin.get<{ peers: number; transports: number; consumers: number }>('/api/video/stats'));
    const before = await relay();
    expect(before.consumers).toBe(1);

    wallProxy.cut();
    await expect.poll(() => wallTile().getAttribute('data-condition'), { timeout: 15_000 }).toBe('no_connection');
    await expect.poll(async () => (await relay()).consumers, { timeout: 10_000 }).toBe(0);
    expect((await relay()).transports).toBe(before.transports - 1);
    await saveScreenshot(wall, 'video-wall-socket-cut');

    wallProxy.restore();
    await expect.poll(() => wall.getByTestId('connection-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
    await expect.poll(() => wallTile().getAttribute('data-condition'), { timeout: 20_000 }).toBe('live');
    await expectFramesFlowing(wallFrames);
    expect(await relay()).toMatchObject({ peers: before.peers, transports: before.transports, consumers: 1 });
  });

  it('a wall page that is hidden pauses its tile, and resumes it when shown again', async () => {
    const setPageHidden = (hidden: boolean) =>
      wall.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setPageHidden(true);
    await expect.poll(() => wallTile().getAttribute('data-condition'), { timeout: 10_000 }).toBe('paused');
    await wall.waitForTimeout(500);
    const paused = await wallFrames();
    await wall.waitForTimeout(1_500);
    expect(await wallFrames()).toBeLessThanOrEqual(paused + 1);

    await setPageHidden(false);
    await expect.poll(() => wallTile().getAttribute('data-condition'), { timeout: 10_000 }).toBe('live');
    await expectFramesFlowing(wallFrames);
  });
});
