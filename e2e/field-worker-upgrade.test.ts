import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Alarm } from '../shared/schemas/alarm';
import type { Dispatch, DispatchDetail } from '../shared/schemas/dispatch';
import type { Team } from '../shared/schemas/team';
import type { User } from '../shared/schemas/user';
import { legacyOutboxItems } from '../client/src/features/field/outbox/legacyFixtures';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot } from './support/browser';
import { startOverlayProxy, type OverlayProxy } from './support/overlayProxy';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy';

// The service worker every installed tablet ran before Workbox (client/public/sw.js up to commit 7bdf864).
const LEGACY_WORKER = readFileSync(path.join(import.meta.dirname, 'fixtures', 'legacy-sw', 'sw.js'), 'utf8');

let server: ServerHandle;
let overlay: OverlayProxy;
let proxy: TcpProxy;
let browser: Browser;
let admin: ReturnType<typeof httpClient>;
let team: Team;
let tablet: User;
let token: string;

beforeAll(async () => {
  server = await startServer();
  overlay = await startOverlayProxy(server.port);
  proxy = await startTcpProxy(overlay.port);
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '高塘岛救援队', township: '高塘岛乡', base: { lat: 29.131, lon: 122.031 } }));
  tablet = dataOf(await admin.post<User>('/api/users', { username: 'tablet-gaotang', displayName: '高塘平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
  token = await login(server.baseUrl, 'tablet-gaotang', 'tablet-password-1');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await overlay?.close();
  await server?.dispose();
});

const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).first().getAttribute(name);
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** What the old client left: its worker installed and in control, its session, its outbox in IndexedDB. */
async function installLegacyTablet(page: Page, items: Array<Record<string, unknown>>): Promise<void> {
  overlay.serve('/sw.js', { body: LEGACY_WORKER, type: 'text/javascript' });
  overlay.serve('/legacy-install', { body: '<!doctype html><meta charset="utf-8"><title>Tidewatch (old)</title>', type: 'text/html' });
  await page.goto(`${proxy.url}/legacy-install`);
  await page.evaluate(
    async ({ token, items }) => {
      localStorage.setItem('tidewatch.session', token);
      await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      // The old client's store: database "tidewatch-outbox" v1, object store "items" keyed by id, indexed by owner.
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tidewatch-outbox', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('items', { keyPath: 'id' }).createIndex('owner', 'owner');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('items', 'readwrite');
        for (const item of items) tx.objectStore('items').put(item);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { token, items },
  );
}

describe('upgrading an installed field tablet from the hand-written service worker', () => {
  it('delivers what the old client queued exactly once, and the Workbox worker takes over the page', async () => {
    const destination = { lat: 29.118, lon: 122.072, township: null, label: '高塘码头' };
    const dispatch = dataOf(await admin.post<Dispatch>('/api/dispatches', { actionId: randomUUID(), teamIds: [team.id], taskType: 'rescue', priority: 'urgent', destination, instructions: '码头人员被困' }));
    const ids = { received: randomUUID(), accepted: randomUUID(), enRoute: randomUUID(), sos: randomUUID(), position: randomUUID() };
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, permissions: ['geolocation'], geolocation: { latitude: 29.131, longitude: 122.031, accuracy: 15 } });
    const page = await context.newPage();

    // Before: the old worker controls the tablet with its own caches; the steps and an SOS wait unsent.
    await installLegacyTablet(page, legacyOutboxItems({ owner: tablet.id, dispatchId: dispatch.id, t: Date.now(), ids }));
    expect(await cacheNames(page)).toEqual(expect.arrayContaining(['tidewatch-shell-v1', 'tidewatch-assets-v1']));

    // Offline through the upgrade: the server now serves the Workbox worker.
    proxy.cut();
    overlay.unserve('/sw.js');
    overlay.unserve('/legacy-install');
    proxy.restore();

    // The tablet opens its page again (through the old worker); the new client and worker take over.
    await page.goto(`${proxy.url}/field`);
    await page.getByTestId('field').waitFor({ timeout: 20_000 });
    await expect.poll(() => attr(page, 'outbox', 'data-count'), { timeout: 30_000 }).toBe('0');
    await expect.poll(() => attr(page, 'current-task', 'data-state'), { timeout: 10_000 }).toBe('en_route');
    await expect
      .poll(async () => {
        const names = await cacheNames(page);
        return names.some((n) => n.startsWith('workbox-precache')) && !names.includes('tidewatch-shell-v1') && !names.includes('tidewatch-assets-v1');
      }, { timeout: 30_000 })
      .toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active === navigator.serviceWorker.controller)).toBe(true);
    await saveScreenshot(page, 'field-worker-upgraded');

    const applied = async () => {
      const recorded = dataOf(await admin.get<DispatchDetail>(`/api/dispatches/${dispatch.id}`));
      const sos = dataOf(await admin.get<Alarm[]>('/api/alarms')).filter((a) => a.kind === 'sos' && a.sourceId === team.id);
      return { steps: recorded.timeline.map((s) => [s.state, s.channel]), sos: sos.length };
    };
    const expected = { steps: [['created', null], ['delivered', 'tablet'], ['accepted', 'tablet'], ['en_route', 'tablet']], sos: 1 };
    expect(await applied()).toEqual(expected);

    // Offline again, the page opens from the new worker's precache (the old caches are gone); nothing is resent.
    proxy.cut();
    await page.reload();
    await page.getByTestId('field').waitFor({ timeout: 20_000 });
    await expect.poll(() => attr(page, 'outbox', 'data-count'), { timeout: 10_000 }).toBe('0');
    proxy.restore();
    await expect.poll(() => attr(page, 'connection-state', 'data-state'), { timeout: 60_000 }).toBe('online');
    expect(await applied()).toEqual(expected);
    await context.close();
  });
});
