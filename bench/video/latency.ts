import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../e2e/support/browser';
import { TEAM_INPUT, dataOf, httpClient, login } from '../../server/testing/int-support';
import { startServer } from '../../server/testing/server-process';
import { bundlePages, callPage, openBenchPage } from './bench-pages';
import { onCleanup } from './cleanup';
import type { MeterReport } from './pages/frame-meter';

export interface LatencyResult {
  relay: MeterReport;
  loopback: MeterReport;
}

const FIRST_FRAME_TIMEOUT_MS = 30_000;
const SETUP_TIMEOUT_MS = 30_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Warms the stream up (bandwidth estimate, encoder), then measures every frame for `measureMs`. */
async function measure(viewer: Page, warmUpMs: number, measureMs: number): Promise<MeterReport> {
  await pause(warmUpMs);
  await callPage(viewer, 5_000, 'startMeasuring');
  await pause(measureMs);
  return callPage(viewer, 5_000, 'stopMeasuring');
}

/** A field tablet and a wall screen on a fresh server, signed in through the API. */
async function relayAccounts(baseUrl: string, adminPassword: string): Promise<{ field: string; wall: string }> {
  const admin = httpClient(baseUrl, await login(baseUrl, 'admin', adminPassword));
  const team = dataOf(await admin.post<{ id: string }>('/api/teams', { ...TEAM_INPUT, name: '压测视频队' }));
  const password = `bench-${randomBytes(6).toString('hex')}`;
  dataOf(await admin.post('/api/users', { username: 'bench-video-field', displayName: '压测单兵', role: 'field', teamId: team.id, password }));
  dataOf(await admin.post('/api/users', { username: 'bench-video-wall', displayName: '压测大屏', role: 'wall', password }));
  return { field: await login(baseUrl, 'bench-video-field', password), wall: await login(baseUrl, 'bench-video-wall', password) };
}

async function relayPath(browser: Browser, bundle: string, warmUpMs: number, measureMs: number): Promise<MeterReport> {
  const server = await startServer({ env: { VIDEO_ANNOUNCED_IP: '127.0.0.1', VIDEO_LISTEN_IP: '127.0.0.1', LOG_LEVEL: 'warn' } });
  const stopServer = onCleanup('the Tidewatch server', () => server.dispose());
  try {
    const tokens = await relayAccounts(server.baseUrl, server.adminPassword);
    const publisher = await openBenchPage(browser, server.baseUrl, bundle, 'publisher');
    const { cameraId } = await callPage(publisher, SETUP_TIMEOUT_MS, 'publish', tokens.field);
    const viewer = await openBenchPage(browser, server.baseUrl, bundle, 'viewer');
    await callPage(viewer, FIRST_FRAME_TIMEOUT_MS + SETUP_TIMEOUT_MS, 'view', tokens.wall, cameraId, FIRST_FRAME_TIMEOUT_MS);
    const report = await measure(viewer, warmUpMs, measureMs);
    await Promise.all([publisher.context().close(), viewer.context().close()]);
    return report;
  } catch (error) {
    console.error(`--- server output (tail) ---\n${server.logs().slice(-4_000)}`);
    throw error;
  } finally {
    await stopServer();
  }
}

async function loopbackPath(browser: Browser, bundle: string, warmUpMs: number, measureMs: number): Promise<MeterReport> {
  // Any origin would do; the page is answered by the browser and makes no requests.
  const page = await openBenchPage(browser, 'http://127.0.0.1:9', bundle, 'loopback');
  try {
    await callPage(page, FIRST_FRAME_TIMEOUT_MS + SETUP_TIMEOUT_MS, 'loopback', FIRST_FRAME_TIMEOUT_MS);
    return await measure(page, warmUpMs, measureMs);
  } finally {
    await page.context().close();
  }
}

/**
 * Glass-to-glass latency in headless Chromium: the clock canvas through the built server's relay
 * (publisher page → mediasoup → viewer page), then through two peer connections in one page.
 */
export async function measureLatency(warmUpMs: number, measureMs: number): Promise<LatencyResult> {
  const bundle = await bundlePages();
  // The bench page is answered by the browser itself, so Chromium files it under no address space and
  // would refuse its socket to the server on 127.0.0.1 as a local-network request.
  const browser = await launchChromium({ handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, args: ['--disable-features=LocalNetworkAccessChecks'] });
  const closeBrowser = onCleanup('Chromium', () => browser.close());
  try {
    console.log('  relay: publisher page → Tidewatch (mediasoup) → wall page …');
    const relay = await relayPath(browser, bundle, warmUpMs, measureMs);
    console.log('  baseline: the same canvas through two RTCPeerConnections in one page …');
    const loopback = await loopbackPath(browser, bundle, warmUpMs, measureMs);
    return { relay, loopback };
  } finally {
    await closeBrowser();
  }
}
