import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Alarm } from '../shared/schemas/alarm';
import type { DispatchDetail } from '../shared/schemas/dispatch';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot } from './support/browser';
import { connectionState, deliverRescue, openFieldTablet, testAttr, holdSos } from './support/fieldTablet';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy';

let server: ServerHandle;
let proxy: TcpProxy;
let browser: Browser;
let team: Team;
let admin: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startServer();
  proxy = await startTcpProxy(server.port);
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '鹤浦海岛救援队', township: '鹤浦镇', base: { lat: 29.126, lon: 122.04 } }));
  dataOf(await admin.post('/api/users', { username: 'tablet-hepu', displayName: '鹤浦平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});


/** Every build asset the page loaded is in one of the service worker's caches (so a reload works offline). */
const assetsCached = (page: Page) =>
  page.evaluate(async () => {
    if (!navigator.serviceWorker.controller) return false;
    const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name)).filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'));
    const hits = await Promise.all(loaded.map((u) => caches.match(u.pathname, { ignoreSearch: true })));
    return loaded.length > 0 && hits.every(Boolean);
  });

describe('field tablet outbox over a cut connection', () => {
  it('queues steps and an SOS in IndexedDB while cut, survives a reload offline, and applies each once after', async () => {
    const { context, page } = await openFieldTablet(browser, proxy.url, 'tablet-hepu', 'tablet-password-1', { lat: 29.131, lon: 122.031 });

    // The desk sends a dispatch; the tablet rings, is opened and confirms receipt.
    const dispatch = await deliverRescue(page, admin, team.id, { lat: 29.118, lon: 122.072, label: '花岙岛码头' }, '码头人员被困');
    await expect.poll(() => assetsCached(page), { timeout: 15_000 }).toBe(true);

    // Cut: the socket drops; every action now waits in the outbox and the page says so.
    proxy.cut();
    await expect.poll(() => connectionState(page), { timeout: 15_000 }).not.toBe('online');
    await page.getByTestId('next-step').click(); // accept
    await expect.poll(() => testAttr(page, 'current-task', 'data-state')).toBe('accepted');
    await page.getByTestId('next-step').click(); // depart
    await expect.poll(() => testAttr(page, 'current-task', 'data-state')).toBe('en_route');
    await holdSos(page);
    await expect.poll(() => testAttr(page, 'outbox', 'data-count'), { timeout: 5_000 }).toBe('3');
    expect(await page.getByTestId('outbox-item').count()).toBe(3);
    expect(await page.getByTestId('task-unsent').count()).toBe(1);
    await saveScreenshot(page, 'field-offline-queued');

    // Reload while still cut: the service worker serves the page, IndexedDB still holds the queue.
    await page.reload();
    await page.getByTestId('field').waitFor({ timeout: 15_000 });
    await expect.poll(() => testAttr(page, 'outbox', 'data-count'), { timeout: 10_000 }).toBe('3');
    await expect.poll(() => testAttr(page, 'current-task', 'data-state'), { timeout: 10_000 }).toBe('en_route');
    expect(await page.getByTestId('field-team-name').textContent()).toBe('鹤浦海岛救援队');
    // Opened without signal, the tablet says it is offline (离线) once its first attempt fails, not 连接中 forever.
    await expect.poll(() => connectionState(page), { timeout: 15_000 }).toBe('offline');
    // The page's own words come from font subsets cached while online (loading them needs no network).
    const fontsLoadOffline = () =>
      page.evaluate(async () => {
        const spec = '700 16px "Noto Sans SC"';
        const text = '已尝试直线距离锁屏';
        const faces = await document.fonts.load(spec, text).catch(() => []);
        return faces.length > 0 && document.fonts.check(spec, text);
      });
    await expect.poll(fontsLoadOffline, { timeout: 10_000 }).toBe(true);
    // While offline the badge counts seconds and reconnect attempts: the big button must not move under a glove.
    const attemptShown = async () => Number((await page.getByTestId('connection-state').textContent())?.match(/第 (\d+) 次重连/)?.[1] ?? 0);
    const before = { attempt: await attemptShown(), box: await page.getByTestId('next-step').boundingBox() };
    await expect.poll(attemptShown, { timeout: 30_000 }).toBeGreaterThan(before.attempt);
    expect(await page.getByTestId('next-step').boundingBox()).toEqual(before.box);
    // The first tap after the reload also takes the "tap to enable alerts" banner away: it must still press the button.
    expect(await page.getByTestId('unlock-alerts').count()).toBe(1);
    await page.getByTestId('next-step').click(); // arrived: 4 km from the quay, so the tablet asks first
    await page.getByTestId('arrival-confirm-yes').click();
    await expect.poll(() => testAttr(page, 'outbox', 'data-count')).toBe('4');
    await saveScreenshot(page, 'field-offline-reloaded');

    // Restore: the queue drains in order; the server applied every action exactly once.
    proxy.restore();
    await expect.poll(() => connectionState(page), { timeout: 60_000 }).toBe('online');
    await expect.poll(() => testAttr(page, 'outbox', 'data-count'), { timeout: 15_000 }).toBe('0');
    await expect.poll(() => testAttr(page, 'current-task', 'data-state'), { timeout: 10_000 }).toBe('on_scene');

    const recorded = dataOf(await admin.get<DispatchDetail>(`/api/dispatches/${dispatch.id}`));
    expect(recorded.timeline.map((s) => [s.state, s.channel, s.actor.name])).toEqual([
      ['created', null, 'admin'],
      ['delivered', 'tablet', '鹤浦平板'],
      ['accepted', 'tablet', '鹤浦平板'],
      ['en_route', 'tablet', '鹤浦平板'],
      ['on_scene', 'tablet', '鹤浦平板'],
    ].map(([state, channel]) => [state, channel, expect.any(String)]));
    expect(recorded.timeline.slice(1).every((s) => s.actor.name === '鹤浦平板')).toBe(true);
    const sosAlarms = dataOf(await admin.get<Alarm[]>('/api/alarms')).filter((a) => a.kind === 'sos' && a.sourceId === team.id);
    expect(sosAlarms).toHaveLength(1);
    expect(sosAlarms[0]?.severity).toBe('critical');
    await saveScreenshot(page, 'field-offline-drained');
    await context.close();
  });
});
