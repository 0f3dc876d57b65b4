import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DispatchDetail } from '../shared/schemas/dispatch';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';
import { connectionState, deliverRescue, openFieldTablet, testAttr } from './support/fieldTablet';

let server: ServerHandle;
let browser: Browser;
let team: Team;
let desk: ReturnType<typeof httpClient>;
let tablet: { context: BrowserContext; page: Page };

// The tablet sits 0.05° of latitude (about 5.5 km) south of where it is sent.
const HERE = { lat: 29.4386, lon: 121.8655 };
const DESTINATION = { lat: 29.4886, lon: 121.8655, label: '大徐镇 杉木洋水库' };
const stateOf = (page: Page) => testAttr(page, 'current-task', 'data-state');

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '大徐镇应急分队' }));
  dataOf(await admin.post('/api/users', { username: 'reads-tablet', displayName: '大徐平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'reads-desk', displayName: '值班员甲', role: 'duty_officer', password: 'desk-password-1' }));
  desk = httpClient(server.baseUrl, await login(server.baseUrl, 'reads-desk', 'desk-password-1'));
  browser = await launchChromium();
});
afterAll(async () => {
  await tablet?.context.close();
  await browser?.close();
  await server?.dispose();
});

describe('the field tablet reads right', () => {
  it('says "tap to turn on alerts" after a reload, until the screen is touched', async () => {
    tablet = await openFieldTablet(browser, server.baseUrl, 'reads-tablet', 'tablet-password-1', HERE);
    const { page } = tablet;
    await page.reload();
    await expect.poll(() => connectionState(page), { timeout: 15_000 }).toBe('online');
    await expect.poll(() => page.getByTestId('unlock-alerts').textContent()).toContain('轻触屏幕以启用提醒');
    await page.getByTestId('field-team-name').click();
    await expect.poll(() => page.getByTestId('unlock-alerts').count()).toBe(0);
  });

  it('drops the queued-report note once the report is sent', async () => {
    const { page, context } = tablet;
    await context.setOffline(true);
    await page.getByTestId('situation-open').click();
    await page.getByTestId('situation-text').fill('水库坝脚渗水，已设警戒');
    await page.getByTestId('situation-send').click();
    await expect.poll(() => page.getByTestId('situation-queued').count()).toBe(1);
    await context.setOffline(false);
    await expect.poll(() => testAttr(page, 'outbox', 'data-count'), { timeout: 20_000 }).toBe('0');
    expect(await page.getByTestId('situation-queued').count()).toBe(0);
    expect(await page.getByTestId('outbox-count').textContent()).toContain('全部已发送');
  });

  it('shows no "no task" line under a task, asks before an arrival 5.5 km out, and records the outcome the desk then reads', async () => {
    const { page } = tablet;
    const dispatch = await deliverRescue(page, desk, team.id, DESTINATION, '水库下游群众转移');
    expect(await page.getByTestId('no-task').count()).toBe(0);

    for (const to of ['accepted', 'en_route']) {
      await page.getByTestId('next-step').click();
      await expect.poll(() => stateOf(page)).toBe(to);
    }
    expect(await page.getByTestId('no-task').count()).toBe(0);

    await page.getByTestId('next-step').click();
    expect(await testAttr(page, 'arrival-confirm', 'data-kind')).toBe('far');
    expect(await page.getByTestId('arrival-confirm').textContent()).toMatch(/5\.5 公里/);
    await saveScreenshot(page, 'field-arrival-confirm-800x1280');
    await page.getByTestId('arrival-back').click();
    expect(await stateOf(page)).toBe('en_route');
    await page.getByTestId('next-step').click();
    await page.getByTestId('arrival-confirm-yes').click();
    await expect.poll(() => stateOf(page)).toBe('on_scene');

    await page.getByTestId('next-step').click();
    await page.getByTestId('outcome-rescued').fill('2');
    await page.getByTestId('outcome-evacuated').fill('9');
    await page.getByTestId('outcome-note').fill('下游 9 户已转移，2 人被困已救出');
    await saveScreenshot(page, 'field-completion-800x1280');
    await page.getByTestId('outcome-confirm').click();
    await expect.poll(() => page.getByTestId('no-task').count()).toBe(1);
    const detail = async () => dataOf(await desk.get<DispatchDetail>(`/api/dispatches/${dispatch.id}`)).dispatch.assignments[0];
    await expect.poll(detail, { timeout: 10_000 }).toMatchObject({ state: 'completed', outcome: { rescued: 2, evacuated: 9, note: '下游 9 户已转移，2 人被困已救出' } });

    const deskContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const deskPage = await deskContext.newPage();
    await signIn(deskPage, server.baseUrl, 'reads-desk', 'desk-password-1', /\/desk/);
    await deskPage.goto(`${server.baseUrl}/desk/dispatches?dispatch=${dispatch.id}`);
    await expect.poll(() => deskPage.getByTestId('dispatch-outcome').first().textContent().catch(() => ''), { timeout: 10_000 }).toMatch(/救出 2 人.*转移 9 人/);
    await deskContext.close();
  });

  it('records an arrival at once when the tablet is within 500 m with a good fix', async () => {
    const { page, context } = tablet;
    await context.setGeolocation({ latitude: DESTINATION.lat - 0.002, longitude: DESTINATION.lon, accuracy: 15 });
    await deliverRescue(page, desk, team.id, DESTINATION, '复查坝脚');
    for (const to of ['accepted', 'en_route']) {
      await page.getByTestId('next-step').click();
      await expect.poll(() => stateOf(page)).toBe(to);
    }
    // Sharing its position (on a task), the tablet knows it is ~220 m out: arrival is recorded at once.
    await expect.poll(() => page.getByTestId('task-distance').textContent(), { timeout: 15_000 }).toMatch(/2[0-9]0 米/);
    await page.getByTestId('next-step').click();
    await expect.poll(() => stateOf(page)).toBe('on_scene');
    expect(await page.getByTestId('arrival-confirm').count()).toBe(0);
  });
});
