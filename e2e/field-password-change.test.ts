import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Alarm } from '../shared/schemas/alarm';
import type { DispatchDetail } from '../shared/schemas/dispatch';
import type { Team } from '../shared/schemas/team';
import type { User } from '../shared/schemas/user';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot } from './support/browser';
import { connectionState, deliverRescue, openFieldTablet, testAttr, holdSos } from './support/fieldTablet';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy';

let server: ServerHandle;
let proxy: TcpProxy;
let browser: Browser;
let team: Team;
let tablet: User;
let admin: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startServer();
  proxy = await startTcpProxy(server.port);
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '高塘岛救援队', township: '高塘岛乡', base: { lat: 29.02, lon: 121.92 } }));
  tablet = dataOf(await admin.post<User>('/api/users', { username: 'tablet-gaotang', displayName: '高塘平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});


describe('a field tablet cut off by a password change', () => {
  it('keeps its unsent steps and SOS in the outbox and sends them once the team signs in again', async () => {
    const { context, page } = await openFieldTablet(browser, proxy.url, 'tablet-gaotang', 'tablet-password-1', { lat: 29.021, lon: 121.921 });

    const dispatch = await deliverRescue(page, admin, team.id, { lat: 29.05, lon: 121.95, label: '高塘岛渔港' }, '渔船搁浅');

    // Out of signal: the team accepts, departs and raises an SOS; all of it waits on the tablet.
    proxy.cut();
    await expect.poll(() => connectionState(page), { timeout: 15_000 }).not.toBe('online');
    await page.getByTestId('next-step').click();
    await expect.poll(() => testAttr(page, 'current-task', 'data-state')).toBe('accepted');
    await page.getByTestId('next-step').click();
    await expect.poll(() => testAttr(page, 'current-task', 'data-state')).toBe('en_route');
    await holdSos(page);
    await expect.poll(() => testAttr(page, 'outbox', 'data-count'), { timeout: 5_000 }).toBe('3');

    // Meanwhile the admin resets the team's password (a lost tablet, say): every session of it ends.
    dataOf(await admin.patch(`/api/users/${tablet.id}`, { password: 'new-team-password-2' }));

    // Signal returns: the old session is refused, the tablet asks the team to sign in again; nothing was sent.
    proxy.restore();
    await page.waitForURL(/\/login/, { timeout: 60_000 });
    await saveScreenshot(page, 'field-password-changed-login');
    const before = dataOf(await admin.get<DispatchDetail>(`/api/dispatches/${dispatch.id}`));
    expect(before.timeline.map((s) => s.state)).toEqual(['created', 'delivered']);

    // The team signs in with the new password: the outbox (IndexedDB) still holds the three and sends them.
    await page.getByTestId('login-username').fill('tablet-gaotang');
    await page.getByTestId('login-password').fill('new-team-password-2');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/field$/);
    await expect.poll(() => connectionState(page), { timeout: 30_000 }).toBe('online');
    await expect.poll(() => testAttr(page, 'outbox', 'data-count'), { timeout: 20_000 }).toBe('0');
    await expect.poll(() => testAttr(page, 'current-task', 'data-state'), { timeout: 10_000 }).toBe('en_route');
    await saveScreenshot(page, 'field-password-changed-drained');

    const after = dataOf(await admin.get<DispatchDetail>(`/api/dispatches/${dispatch.id}`));
    expect(after.timeline.map((s) => s.state)).toEqual(['created', 'delivered', 'accepted', 'en_route']);
    const sosAlarms = dataOf(await admin.get<Alarm[]>('/api/alarms')).filter((a) => a.kind === 'sos' && a.sourceId === team.id);
    expect(sosAlarms).toHaveLength(1);
    await context.close();
  });
});
