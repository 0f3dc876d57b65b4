import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Camera, CameraWithStatus } from '../shared/schemas/camera';
import { DEFAULT_WALL_LAYOUT } from '../shared/schemas/wall';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { FakeRtspCamera } from '../server/testing/fake-rtsp-camera';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

/*
 * Fixed cameras as a county has them: an IP camera serving RTSP is pulled by ffmpeg into the relay and
 * decoded by the wall in Chromium. A Constrained Baseline stream is passed through as H.264; a High
 * profile one (most CCTV main streams, which Chromium cannot decode) arrives transcoded to VP8.
 * A camera that loses power and comes back reappears on the wall by itself.
 */

let server: ServerHandle;
let browser: Browser;
let wall: Page;
let admin: ReturnType<typeof httpClient>;
const fakes: FakeRtspCamera[] = [];
const cameras: Record<'baseline' | 'high', Camera> = {} as never;

const tile = (id: string) => wall.locator(`[data-testid="video-tile"][data-camera-id="${id}"]`);
const frames = async (id: string) => Number((await tile(id).locator('video').getAttribute('data-frames')) ?? 0);
const statusOf = async (id: string) => dataOf(await admin.get<CameraWithStatus[]>('/api/cameras')).find((c) => c.id === id)?.status;

async function expectFramesFlowing(id: string, min = 15): Promise<void> {
  const start = await frames(id);
  await expect.poll(() => frames(id), { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(start + min);
}

beforeAll(async () => {
  server = await startServer({ env: { VIDEO_ANNOUNCED_IP: '127.0.0.1', VIDEO_LISTEN_IP: '127.0.0.1' } });
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'wall-rtsp', displayName: '二号大屏', role: 'wall', password: 'wall-password-2' }));
  for (const profile of ['baseline', 'high'] as const) {
    const fake = await FakeRtspCamera.start({ profile, size: '640x360', fps: 25, credentials: { user: 'admin', password: 'hk-12345' } });
    fakes.push(fake);
    cameras[profile] = dataOf(
      await admin.post<Camera>('/api/cameras', { name: `丹城${profile === 'baseline' ? '东' : '西'}路口`, kind: 'cctv', department: '交警', location: { lat: 29.47, lon: 121.87 }, source: { type: 'rtsp', url: fake.url } }),
    );
  }
  // The desk's choice, as stored: two tiles of a 2×2 grid.
  dataOf(await admin.put('/api/wall-layout', { ...DEFAULT_WALL_LAYOUT, video: { grid: 4, cameraIds: [cameras.baseline.id, cameras.high.id], cameraLayer: true } }));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  wall = await context.newPage();
  await signIn(wall, server.baseUrl, 'wall-rtsp', 'wall-password-2', /\/wall$/);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const fake of fakes) await fake.stop().catch(() => {});
  await server?.dispose();
});

describe('RTSP cameras on the wall in Chromium', () => {
  it('decodes a Baseline camera passed through as H.264 and a High-profile one transcoded to VP8', async () => {
    await expect.poll(async () => (await statusOf(cameras.baseline.id))?.state, { timeout: 30_000 }).toBe('online');
    await expect.poll(async () => (await statusOf(cameras.high.id))?.state, { timeout: 30_000 }).toBe('online');
    expect((await statusOf(cameras.baseline.id))?.codec).toBe('H264');
    expect((await statusOf(cameras.high.id))?.codec).toBe('VP8');
    for (const camera of Object.values(cameras)) {
      await expect.poll(() => tile(camera.id).getAttribute('data-condition'), { timeout: 30_000 }).toBe('live');
      await expectFramesFlowing(camera.id);
    }
    await expect.poll(() => tile(cameras.baseline.id).getByTestId('video-tile-stats').textContent(), { timeout: 10_000 }).toMatch(/640×360 · \d+ 帧\/秒 · \d+ kbps · H264/);
    await saveScreenshot(wall, 'video-wall-rtsp-cameras');
  });

  it('shows a camera that loses power as failed, and decodes it again when it comes back, without a reload', async () => {
    const fake = fakes[0]!;
    const id = cameras.baseline.id;
    await fake.stop();
    await expect.poll(async () => (await statusOf(id))?.state, { timeout: 30_000 }).toMatch(/failed|connecting/);
    await expect.poll(() => tile(id).getAttribute('data-condition'), { timeout: 15_000 }).not.toBe('live');
    await saveScreenshot(wall, 'video-wall-rtsp-camera-lost');
    const whileOff = await frames(id);
    await fake.start();
    await expect.poll(async () => (await statusOf(id))?.state, { timeout: 60_000 }).toBe('online');
    await expect.poll(() => frames(id), { timeout: 30_000, interval: 500 }).toBeGreaterThan(whileOff + 15);
    expect(await tile(id).getAttribute('data-condition')).toBe('live');
    // The other camera never stopped.
    await expectFramesFlowing(cameras.high.id);
  });
});
