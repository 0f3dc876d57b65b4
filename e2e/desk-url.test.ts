import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Dispatch } from '../shared/schemas/dispatch';
import type { Incident } from '../shared/schemas/incident';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

let server: ServerHandle;
let browser: Browser;
let admin: ReturnType<typeof httpClient>;
let team: Team;
let incident: Incident;
let dispatch: Dispatch;

beforeAll(async () => {
  server = await startServer();
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '石浦排涝队' }));
  dataOf(await admin.post('/api/users', { username: 'url-desk', displayName: '邵值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'url-desk-2', displayName: '陈值班', role: 'commander', password: 'desk-password-2' }));
  const desk = httpClient(server.baseUrl, await login(server.baseUrl, 'url-desk', 'desk-password-1'));
  incident = dataOf(
    await desk.post<Incident>('/api/incidents', { title: '石浦渔港堤坝渗水', type: 'waterlogging', severity: 'major', source: 'phone', location: { lat: 29.2042, lon: 121.9478 }, place: '渔港东堤' }),
  );
  dispatch = dataOf(
    await desk.post<Dispatch>('/api/dispatches', {
      actionId: randomUUID(),
      teamIds: [team.id],
      taskType: 'rescue',
      priority: 'urgent',
      destination: { lat: 29.2042, lon: 121.9478, label: '渔港东堤' },
      incidentId: incident.id,
    }),
  );
  dataOf(await admin.post('/api/depots', { id: 'URL-county', name: '象山县救灾物资储备库', tier: 'county', location: { lat: 29.4523, lon: 121.8652 }, manager: '孙国庆' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const deskPath = (page: Page) => {
  const url = new URL(page.url());
  return decodeURIComponent(url.pathname + url.search);
};
const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
const incidentDetail = (page: Page) => page.locator(`[data-testid="incident-detail"][data-incident-id="${incident.id}"]`);
const dispatchDetail = (page: Page) => page.locator(`[data-testid="dispatch-detail"][data-dispatch-id="${dispatch.id}"]`);

/** Opens the incident from the 事件 list, then a new dispatch for it from its detail. */
async function openIncidentAndForm(page: Page): Promise<void> {
  await page.getByTestId('desk-tab-incidents').click();
  await page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"]`).click();
  await incidentDetail(page).waitFor();
  await incidentDetail(page).getByTestId('incident-new-dispatch').click();
  await page.getByTestId('dispatch-form').waitFor();
}

describe('desk state in the URL', () => {
  it('keeps an incident open with its new-dispatch form through a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'url-desk', 'desk-password-1', /\/desk$/);
    await openIncidentAndForm(page);
    expect(deskPath(page)).toBe(`/desk/incidents?incident=${incident.id}&form=new-dispatch&for=${incident.id}`);

    await page.reload();
    const form = page.getByTestId('dispatch-form');
    await expect.poll(() => form.getByTestId('dispatch-incident').inputValue(), { timeout: 15_000 }).toBe(incident.id);
    await expect.poll(() => form.getByTestId('dispatch-coords').textContent(), { timeout: 5_000 }).toContain('29.20420');
    expect(await selectedTab(page)).toBe('incidents');
    expect(await page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"]`).getAttribute('class')).toContain('selected');
    await saveScreenshot(page, 'desk-url-reloaded-form');

    // Closing the form shows the incident again, and that too survives a reload.
    await form.locator('button[aria-label="关闭"]').click();
    await incidentDetail(page).waitFor();
    expect(deskPath(page)).toBe(`/desk/incidents?incident=${incident.id}`);
    await page.reload();
    await incidentDetail(page).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('dispatch-form').count()).toBe(0);
    await page.close();
  });

  it('keeps the 物资 tab on its receipt form for the chosen depot through a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'url-desk', 'desk-password-1', /\/desk$/);
    await page.getByTestId('desk-tab-supplies').click();
    await page.getByTestId('supplies-view-movement').click();
    await page.getByTestId('supplies-depot').selectOption('URL-county');
    await expect.poll(() => deskPath(page)).toBe('/desk/supplies?view=movement&depot=URL-county');

    await page.reload();
    const form = page.getByTestId('stock-movement-form');
    await form.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('supplies-view-movement').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => form.getByTestId('movement-depot').inputValue(), { timeout: 5_000 }).toBe('URL-county');
    expect(await form.getByTestId('movement-kind-receipt').getAttribute('class')).toContain('on');
    await page.close();
  });

  it('walks back and forward through an incident, its dispatch and a new incident form', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'url-desk', 'desk-password-1', /\/desk$/);
    await page.getByTestId('desk-tab-incidents').click();
    await page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"]`).click();
    await incidentDetail(page).waitFor();
    await incidentDetail(page).locator(`[data-testid="incident-dispatch"][data-dispatch-id="${dispatch.id}"] button.open`).click();
    await dispatchDetail(page).waitFor();
    await page.getByTestId('incident-new').click();
    await page.getByTestId('incident-form').waitFor();

    const states: Array<{ tab: string; shown: () => Promise<number> }> = [
      { tab: 'incidents', shown: () => incidentDetail(page).count() },
      { tab: 'dispatches', shown: () => dispatchDetail(page).count() },
      { tab: 'dispatches', shown: () => page.getByTestId('incident-form').count() },
    ];
    const expectState = async (i: number) => {
      await expect.poll(states[i]!.shown, { timeout: 5_000 }).toBe(1);
      expect(await selectedTab(page)).toBe(states[i]!.tab);
    };
    await page.goBack();
    await expectState(1);
    expect(await page.getByTestId('incident-form').count()).toBe(0);
    await page.goBack();
    await expectState(0);
    await page.goForward();
    await expectState(1);
    await page.goForward();
    await expectState(2);
    await page.close();
  });

  it('opens a shared link on the same item in another browser, through the login', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'url-desk', 'desk-password-1', /\/desk$/);
    await page.getByTestId('desk-tab-dispatches').click();
    await page.locator(`[data-dispatch-id="${dispatch.id}"]`).first().click();
    await dispatchDetail(page).waitFor();
    const link = page.url();
    await page.close();

    // Another officer, another browser profile: nothing in storage.
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const other = await context.newPage();
    await other.goto(link);
    await other.getByTestId('login-username').fill('url-desk-2');
    await other.getByTestId('login-password').fill('desk-password-2');
    await other.getByTestId('login-submit').click();
    await other.waitForURL((url) => url.href === link);
    await dispatchDetail(other).waitFor({ timeout: 15_000 });
    expect(await selectedTab(other)).toBe('dispatches');
    await saveScreenshot(other, 'desk-url-shared-link');
    await context.close();
  });

  it('says so when the link names an incident or a depot that does not exist, or a team deleted while it is open', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'url-desk', 'desk-password-1', /\/desk$/);
    await page.goto(`${server.baseUrl}/desk/incidents?incident=INC-NOPE`);
    const missing = page.getByTestId('desk-not-found');
    await missing.waitFor({ timeout: 15_000 });
    expect(await missing.getAttribute('data-kind')).toBe('incident');
    expect(await missing.textContent()).toContain('未找到该事件');
    expect(await missing.textContent()).toContain('INC-NOPE');
    await saveScreenshot(page, 'desk-url-not-found');
    await missing.getByTestId('desk-not-found-close').click();
    await expect.poll(() => deskPath(page)).toBe('/desk/incidents');

    await page.goto(`${server.baseUrl}/desk/supplies?depot=DEPOT-NOPE`);
    await expect.poll(() => missing.getAttribute('data-kind'), { timeout: 15_000 }).toBe('depot');
    expect(await missing.textContent()).toContain('DEPOT-NOPE');

    const doomed = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '临时抽调队' }));
    await page.goto(`${server.baseUrl}/desk?team=${doomed.id}`);
    await page.locator(`[data-testid="team-detail"][data-team-id="${doomed.id}"]`).waitFor({ timeout: 15_000 });
    dataOf(await admin.delete(`/api/teams/${doomed.id}`));
    await expect.poll(() => missing.getAttribute('data-kind'), { timeout: 10_000 }).toBe('team');
    expect(await page.locator('[data-testid="team-detail"]').count()).toBe(0);
    await page.close();
  });
});
