import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { REPO_ROOT, startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';
import { startOverlayProxy, type OverlayProxy } from './support/overlayProxy';

// A server upgrade, as a screen sees it: the server restarts and then serves another build. The proxy
// stands in for that build by giving the bundle and /api/config another build id, made an hour later.
// A rolling upgrade (two real builds behind HAProxy at once): e2e/rolling-upgrade.test.ts.
let server: ServerHandle;
let proxy: OverlayProxy;
let browser: Browser;
const buildInfo = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist', 'client', 'build.json'), 'utf8')) as { buildId: string; builtAt: string };
const served = buildInfo.buildId;
const next = `${served}-next`;
const nextBuiltAt = new Date(Date.parse(buildInfo.builtAt) + 3_600_000).toISOString();

beforeAll(async () => {
  server = await startServer();
  proxy = await startOverlayProxy(server.port);
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '石浦救援队' }));
  for (const [username, role, teamId] of [['skew-wall', 'wall', null], ['skew-desk', 'duty_officer', null], ['skew-tablet', 'field', team.id]] as const) {
    dataOf(await admin.post('/api/users', { username, displayName: username, role, teamId, password: 'skew-password-1' }));
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});

const notice = (page: Page) => page.getByTestId('update-notice').getAttribute('data-state', { timeout: 1_000 }).catch(() => 'none');
const build = (page: Page) => page.evaluate(() => document.documentElement.dataset.build);
/** Set on the page now; gone once it has reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { beforeUpgrade: boolean }).beforeUpgrade = true));
const reloaded = (page: Page) => page.evaluate(() => !(window as unknown as { beforeUpgrade?: boolean }).beforeUpgrade);

/** From now on the proxy serves the next build: its bundle and its /api/config. */
function serveNext(): void {
  const match = /^\/(assets\/.*\.js|api\/config)$/;
  proxy.rewrite(match, served, next);
  proxy.rewrite(match, buildInfo.builtAt, nextBuiltAt);
}

async function upgradeServer(): Promise<void> {
  serveNext();
  await server.restart();
}

async function open(username: string, landing: RegExp): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['geolocation'], geolocation: { latitude: 29.2, longitude: 121.95 } });
  const page = await context.newPage();
  await signIn(page, proxy.url, username, 'skew-password-1', landing);
  await expect.poll(() => page.getByTestId('connection-state').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
  expect(await build(page)).toBe(served);
  await mark(page);
  return page;
}

describe('a screen left open through a server upgrade', () => {
  afterAll(() => proxy.unrewrite());

  it('a wall kiosk reloads itself into the new build, saying so before and after', async () => {
    proxy.unrewrite();
    const page = await open('skew-wall', /\/wall$/);
    await upgradeServer();
    await expect.poll(() => notice(page), { timeout: 30_000 }).toBe('reloading');
    await saveScreenshot(page, 'version-wall-reloading');
    await expect.poll(() => reloaded(page), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => build(page), { timeout: 15_000 }).toBe(next);
    await expect.poll(() => notice(page), { timeout: 10_000 }).toBe('updated');
    await saveScreenshot(page, 'version-wall-updated');
    await page.context().close();
  });

  it('a field tablet waits while a form is open, then reloads by itself', async () => {
    proxy.unrewrite();
    await server.restart();
    const page = await open('skew-tablet', /\/field$/);
    await page.getByTestId('situation-open').click();
    await page.getByTestId('situation-text').fill('桥面过水');
    await upgradeServer();
    await expect.poll(() => notice(page), { timeout: 30_000 }).toBe('wait');
    await page.waitForTimeout(5_000);
    expect(await reloaded(page)).toBe(false);
    expect(await page.getByTestId('situation-text').inputValue()).toBe('桥面过水');
    await saveScreenshot(page, 'version-field-waiting');
    await page.getByTestId('situation-cancel').click();
    // Closed: it reloads once the screen has not been touched for a few seconds.
    await expect.poll(() => reloaded(page), { timeout: 40_000 }).toBe(true);
    await expect.poll(() => build(page), { timeout: 15_000 }).toBe(next);
    await expect.poll(() => notice(page), { timeout: 10_000 }).toBe('updated');
    await page.context().close();
  });

  it('a desk in use offers a reload button, and reloads when it is pressed', async () => {
    proxy.unrewrite();
    await server.restart();
    const page = await open('skew-desk', /\/desk/);
    await upgradeServer();
    await expect.poll(() => notice(page), { timeout: 30_000 }).toBe('offer');
    await page.waitForTimeout(3_000);
    expect(await reloaded(page)).toBe(false);
    await saveScreenshot(page, 'version-desk-offer');
    await page.getByTestId('update-reload').click();
    await expect.poll(() => reloaded(page), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => build(page), { timeout: 15_000 }).toBe(next);
    await expect.poll(() => notice(page), { timeout: 10_000 }).toBe('updated');
    await page.context().close();
  });
});
