import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CAMERA_STATES, type CameraWithStatus } from '../shared/schemas/camera';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { freePort, startServer, type ServerHandle } from '../server/testing/server-process';
import { clickMapAt } from './support/map';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

let server: ServerHandle;
let browser: Browser;
let admin: ReturnType<typeof httpClient>;
let rtmpPort: number;

beforeAll(async () => {
  // RTMP cameras get ports from this range: one of this test's own, away from other servers running tests.
  rtmpPort = Math.min(await freePort(), 65_000);
  server = await startServer({ env: { VIDEO_ANNOUNCED_IP: '127.0.0.1', VIDEO_LISTEN_IP: '127.0.0.1', VIDEO_WORKERS: '1', VIDEO_RTMP_PORTS: `${rtmpPort}-${rtmpPort + 4}` } });
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const cameras = async () => dataOf(await admin.get<CameraWithStatus[]>('/api/cameras'));

describe('camera registry in the admin page', () => {
  it('registers a drone pushing RTMP (placed by a map click, push URL shown to copy) and a fixed RTSP camera', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'admin', server.adminPassword, /\/desk$/);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByTestId('admin-tab-cameras').click();

    await page.getByTestId('camera-new').click();
    const form = page.getByTestId('camera-form');
    await form.getByTestId('camera-name').fill('无人机 1 号');
    await form.getByTestId('camera-kind').selectOption('drone');
    await form.getByTestId('camera-department').fill('县应急管理局');
    await clickMapAt(page, form, 29.2152, 121.9528);
    await expect.poll(async () => Number(await form.getByTestId('camera-lat').inputValue()), { timeout: 5_000 }).toBeCloseTo(29.2152, 2);
    expect(Number(await form.getByTestId('camera-lon').inputValue())).toBeCloseTo(121.9528, 2);
    await form.locator('label.chip', { has: page.getByTestId('camera-source-rtmp') }).click();
    await form.getByTestId('camera-save').click();

    // The form stays open on the saved drone: its push URL exists only now.
    const pushUrl = form.getByTestId('rtmp-push-url');
    await pushUrl.waitFor({ state: 'visible', timeout: 10_000 });
    const drone = (await cameras()).find((c) => c.name === '无人机 1 号')!;
    expect(drone).toMatchObject({ kind: 'drone', department: '县应急管理局', source: { type: 'rtmp', port: rtmpPort } });
    expect(drone.location!.lat).toBeCloseTo(29.2152, 2);
    if (drone.source.type !== 'rtmp') throw new Error('expected an RTMP source');
    expect(await pushUrl.inputValue()).toBe(`rtmp://127.0.0.1:${rtmpPort}/live/${drone.source.streamKey}`);
    await saveScreenshot(page, 'video-admin-drone-push-url');
    await page.getByRole('button', { name: '取消' }).click();

    await page.getByTestId('camera-new').click();
    await form.getByTestId('camera-name').fill('石浦渔港 1 号');
    await form.getByTestId('camera-lat').fill('29.2050');
    await form.getByTestId('camera-lon').fill('121.9500');
    await form.getByTestId('camera-rtsp-url').fill('rtsp://127.0.0.1:9/sub');
    await form.getByTestId('camera-codec-policy').selectOption('vp8');
    await form.getByTestId('camera-save').click();
    await form.waitFor({ state: 'detached', timeout: 10_000 });

    const fixed = (await cameras()).find((c) => c.name === '石浦渔港 1 号')!;
    expect(fixed).toMatchObject({ kind: 'cctv', location: { lat: 29.205, lon: 121.95 }, source: { type: 'rtsp', url: 'rtsp://127.0.0.1:9/sub', codecPolicy: 'vp8' } });
    const rows = page.getByTestId('camera-row');
    await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(2);
    // Each row shows the camera's live state (what it is depends on the ingest reaching the source).
    const state = await page.locator(`[data-testid="camera-row"][data-camera-id="${fixed.id}"]`).getAttribute('data-state');
    expect(CAMERA_STATES).toContain(state);
    await saveScreenshot(page, 'video-admin-cameras');
    await page.close();
  });
});
