import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Dispatch, DispatchDetail } from '../shared/schemas/dispatch';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { holdSos } from './support/fieldTablet';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

interface MapLine {
  dispatchId: string;
  teamId: string;
  state: string;
}

let server: ServerHandle;
let browser: Browser;
let team: Team;
let admin: ReturnType<typeof httpClient>;
let incidentId: string;

beforeAll(async () => {
  server = await startServer();
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '石浦水上救援队', township: '石浦镇', base: { lat: 29.215, lon: 121.93 }, baseName: '石浦渔港码头' }));
  dataOf(await admin.post('/api/users', { username: 'tablet-shipu', displayName: '石浦平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'duty-e2e', displayName: '李值班', role: 'duty_officer', password: 'duty-password-1' }));
  const duty = httpClient(server.baseUrl, await login(server.baseUrl, 'duty-e2e', 'duty-password-1'));
  incidentId = dataOf(await duty.post<{ id: string }>('/api/incidents', { title: '石浦锚地渔船走锚', type: 'vessel_distress', severity: 'major', source: 'phone', location: { lat: 29.2035, lon: 121.9512 }, account: '锚地多艘渔船走锚，船上有人员。' })).id;
  dataOf(await admin.post('/api/users', { username: 'wall-e2e', displayName: '一号大屏', role: 'wall', password: 'wall-password-1' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openSignedIn(context: BrowserContext, username: string, password: string, landing: RegExp): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, server.baseUrl, username, password, landing);
  await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
  return page;
}

const states = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
const mapLines = (page: Page): Promise<MapLine[]> =>
  page.evaluate(() => (window as unknown as { __tidewatch?: { dispatchLinesOnMap?: () => MapLine[] } }).__tidewatch?.dispatchLinesOnMap?.() ?? []);

describe('dispatch from the desk to a tablet in Chromium', () => {
  it('desk dispatches → tablet rings → accept → en route; desk and wall show every step', async () => {
    const deskContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const tabletContext = await browser.newContext({
      viewport: { width: 800, height: 1280 },
      permissions: ['geolocation'],
      geolocation: { latitude: 29.2301, longitude: 121.9402, accuracy: 10 },
    });
    const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const desk = await openSignedIn(deskContext, 'duty-e2e', 'duty-password-1', /\/desk$/);
    const tablet = await openSignedIn(tabletContext, 'tablet-shipu', 'tablet-password-1', /\/field$/);
    const wall = await openSignedIn(wallContext, 'wall-e2e', 'wall-password-1', /\/wall$/);
    await tablet.getByTestId('no-task').waitFor({ state: 'visible' });

    // Desk: a dispatch in a few clicks: township, nearest team (labelled straight-line), task, priority.
    await desk.getByTestId('dispatch-new').click();
    const form = desk.getByTestId('dispatch-form');
    await expect.poll(() => form.getByTestId('dispatch-township').locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(10);
    await form.getByTestId('dispatch-township').selectOption('石浦镇');
    await form.getByTestId('dispatch-coords').waitFor({ state: 'visible' });
    await form.getByTestId('dispatch-label').fill('石浦渔港避风锚地');
    const suggestion = form.locator(`[data-testid="dispatch-suggestion"][data-team-id="${team.id}"]`);
    await suggestion.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => form.getByTestId('dispatch-suggestions').textContent(), { timeout: 5_000 }).toContain('直线距离');
    await suggestion.locator('input').check();
    await form.getByTestId('dispatch-task-type').selectOption('evacuation');
    await form.getByTestId('dispatch-priority-flash').click();
    await form.getByTestId('dispatch-instructions').fill('协助转移锚地渔船上的人员');
    await form.getByTestId('dispatch-incident').selectOption(incidentId);
    await saveScreenshot(desk, 'dispatch-desk-form');
    await form.getByTestId('dispatch-submit').click();

    const detail = desk.getByTestId('dispatch-detail');
    await detail.waitFor({ state: 'visible', timeout: 10_000 });
    const dispatchId = (await detail.getAttribute('data-dispatch-id'))!;

    // Tablet: full-screen alert until opened; the tablet confirms receipt by itself.
    const alert = tablet.getByTestId('field-alert');
    await alert.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => alert.textContent(), { timeout: 5_000 }).toContain('石浦渔港避风锚地');
    await saveScreenshot(tablet, 'dispatch-tablet-alert');
    await tablet.getByTestId('field-alert-open').click();
    await alert.waitFor({ state: 'hidden' });
    const task = tablet.getByTestId('current-task');
    await expect.poll(() => task.getAttribute('data-state'), { timeout: 10_000 }).toBe('delivered');

    await expect.poll(() => tablet.getByTestId('next-step').getAttribute('data-step'), { timeout: 5_000 }).toBe('accepted');
    await tablet.getByTestId('next-step').click();
    await expect.poll(() => task.getAttribute('data-state'), { timeout: 10_000 }).toBe('accepted');
    await expect.poll(() => tablet.getByTestId('next-step').getAttribute('data-step'), { timeout: 5_000 }).toBe('en_route');
    // Accepting put the tablet on duty: its position is shared and the way to the destination shown.
    await expect.poll(() => tablet.getByTestId('task-sharing').getAttribute('class'), { timeout: 10_000 }).toBe('ok');
    await expect.poll(() => tablet.getByTestId('task-distance').textContent(), { timeout: 10_000 }).toContain('公里');
    await tablet.getByTestId('next-step').click();
    await expect.poll(() => task.getAttribute('data-state'), { timeout: 10_000 }).toBe('en_route');
    await expect.poll(() => tablet.getByTestId('outbox').getAttribute('data-count'), { timeout: 10_000 }).toBe('0');
    await saveScreenshot(tablet, 'dispatch-tablet-en-route');

    // Desk: the timeline shows each step, with actor and channel.
    await expect.poll(() => states(desk, '[data-testid="timeline-step"]'), { timeout: 10_000 }).toEqual(['created', 'delivered', 'accepted', 'en_route']);
    await expect.poll(() => detail.locator('[data-testid="timeline-step"][data-state="accepted"]').textContent(), { timeout: 5_000 }).toContain('石浦平板');
    await desk.getByTestId('desk-tab-dispatches').click();
    await expect.poll(() => desk.locator(`[data-testid="dispatch-row"][data-dispatch-id="${dispatchId}"]`).getAttribute('data-state'), { timeout: 5_000 }).toBe('en_route');
    await saveScreenshot(desk, 'dispatch-desk-timeline');

    // Wall: the feed lists the steps and the map draws the team's line to the destination in its state.
    await expect.poll(() => states(wall, `[data-testid="feed-item"][data-dispatch-id="${dispatchId}"]`), { timeout: 10_000 }).toEqual(['en_route', 'accepted', 'delivered', 'created']);
    await expect.poll(async () => (await mapLines(wall)).find((l) => l.dispatchId === dispatchId)?.state, { timeout: 10_000 }).toBe('en_route');
    await saveScreenshot(wall, 'dispatch-wall-1920x1080');

    // The server's record agrees: each step once, the tablet's by tablet.
    const recorded = dataOf(await admin.get<DispatchDetail>(`/api/dispatches/${dispatchId}`));
    expect(recorded.timeline.map((s) => [s.state, s.channel])).toEqual([
      ['created', null],
      ['delivered', 'tablet'],
      ['accepted', 'tablet'],
      ['en_route', 'tablet'],
    ]);
    const teamNow = dataOf(await admin.get<Team[]>('/api/teams')).find((t) => t.id === team.id);
    expect(teamNow?.status).toBe('en_route');

    // Record on behalf (by radio) from the desk: on scene.
    await desk.locator(`[data-testid="dispatch-row"][data-dispatch-id="${dispatchId}"]`).click();
    await desk.getByTestId('dispatch-action-onbehalf').click();
    await desk.getByTestId('onbehalf-step').selectOption('on_scene');
    await desk.getByTestId('onbehalf-channel').selectOption('radio');
    await desk.getByTestId('onbehalf-submit').click();
    await expect.poll(() => task.getAttribute('data-state'), { timeout: 10_000 }).toBe('on_scene');
    await expect.poll(() => detail.locator('[data-testid="timeline-step"][data-state="on_scene"]').getAttribute('data-channel'), { timeout: 5_000 }).toBe('radio');
    const list = dataOf(await admin.get<Dispatch[]>('/api/dispatches?active=true'));
    expect(list.map((d) => d.id)).toContain(dispatchId);

    // SOS: held for 3 s on the tablet, a critical ringing alarm with its message on the desk and the wall at once.
    await holdSos(tablet);
    for (const page of [desk, wall]) {
      await expect.poll(() => page.getByTestId('alarm-list').textContent(), { timeout: 10_000 }).toContain('SOS 求救：石浦水上救援队');
    }
    await expect.poll(() => tablet.getByTestId('sos-state').getAttribute('data-sent'), { timeout: 10_000 }).toBe('true');
    await saveScreenshot(wall, 'dispatch-wall-sos');
    await desk.getByTestId('alarm-resolve-sos').click();
    await expect.poll(() => wall.getByTestId('alarm-list').textContent(), { timeout: 10_000 }).not.toContain('SOS');

    await Promise.all([deskContext.close(), tabletContext.close(), wallContext.close()]);
  });
});
