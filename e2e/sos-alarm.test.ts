import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, TestClient, dataOf, httpClient, login } from '../server/testing/int-support';
import { createDispatch } from '../server/dispatch/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

const PASSWORD = 'sos-password-1';
const SOS_AT = { lat: 29.2035, lon: 121.9512 };
const DESK_TABS = ['teams', 'dispatches', 'incidents', 'shelters', 'supplies', 'duty', 'cameras'];

let server: ServerHandle;
let browser: Browser;
let sosTeam: Team;
let tablet: TestClient;

beforeAll(async () => {
  server = await startServer({ env: { DISPATCH_DELIVERY_TIMEOUT_SECONDS: '1', DISPATCH_ACCEPT_TIMEOUT_SECONDS: '2', VIDEO: 'off' } });
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  sosTeam = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '石浦水上救援队', township: '石浦镇', base: { lat: 29.215, lon: 121.93 }, baseName: '石浦渔港码头' }));
  const others: Team[] = [];
  for (let i = 0; i < 12; i++) others.push(dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: `丹西第${i}队` })));
  dataOf(await admin.post('/api/users', { username: 'sos-tablet', displayName: '石浦平板', role: 'field', teamId: sosTeam.id, password: PASSWORD }));
  dataOf(await admin.post('/api/users', { username: 'sos-duty', displayName: '李值班', role: 'duty_officer', password: PASSWORD }));
  dataOf(await admin.post('/api/users', { username: 'sos-wall', displayName: '一号大屏', role: 'wall', password: PASSWORD }));
  // Many alarms: nobody's tablet confirms these dispatches, so each team raises undelivered, then unaccepted
  // (critical for flash dispatches, warnings for urgent ones).
  const desk = httpClient(server.baseUrl, await login(server.baseUrl, 'sos-duty', PASSWORD));
  await createDispatch(desk, others.slice(0, 6).map((t) => t.id), { priority: 'flash' });
  await createDispatch(desk, others.slice(6).map((t) => t.id), { priority: 'urgent' });

  tablet = new TestClient(server.baseUrl, await login(server.baseUrl, 'sos-tablet', PASSWORD));
  await tablet.connected();
  browser = await launchChromium();
});
afterAll(async () => {
  tablet?.close();
  await browser?.close();
  await server?.dispose();
});

async function open(path: RegExp, username: string, viewport: { width: number; height: number }, clockAheadMs = 0): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (clockAheadMs) await page.clock.install({ time: Date.now() + clockAheadMs });
  await signIn(page, server.baseUrl, username, PASSWORD, path);
  await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
  return page;
}

/** Where the banner is and whether anything of the page lies over it (probed at its left, middle and right). */
const bannerPlacement = (page: Page) =>
  page.getByTestId('sos-banner').evaluate((banner) => {
    const r = banner.getBoundingClientRect();
    const y = r.top + Math.min(r.height / 2, 12);
    const uncovered = [r.left + 4, r.left + r.width / 2, r.right - 4].every((x) => {
      const hit = document.elementFromPoint(x, y);
      return !!hit && banner.contains(hit);
    });
    return { top: Math.round(r.top), inView: r.top >= 0 && r.bottom <= innerHeight, fullWidth: Math.round(r.width) === document.documentElement.clientWidth, uncovered };
  });

/** The alarm panel's box and whether its list scrolls inside it; and the bottoms of the panels that must stay on screen. */
const panelLayout = (page: Page, others: string[]) =>
  page.evaluate((testIds) => {
    const panel = document.querySelector('[data-testid="alarm-panel"]')!;
    const list = panel.querySelector('[data-testid="alarm-list"]')!;
    const bottom = (id: string) => Math.round(document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().bottom ?? Infinity);
    return {
      viewport: innerHeight,
      panelBottom: Math.round(panel.getBoundingClientRect().bottom),
      listScrolls: list.scrollHeight > list.clientHeight + 40 && ['auto', 'scroll'].includes(getComputedStyle(list).overflowY),
      others: Object.fromEntries(testIds.map((id) => [id, bottom(id) <= innerHeight])),
    };
  }, others);

/** Each alarm's rank in the list as shown: 0 SOS, 1 critical, 2 warning, 3 info. */
const shownRanks = (page: Page) =>
  page.getByTestId('alarm-item').evaluateAll((items) =>
    items.map((li) => (li.getAttribute('data-kind') === 'sos' ? 0 : ['critical', 'warning', 'info'].findIndex((s) => li.classList.contains(s)) + 1)),
  );

interface DrawnTeam {
  id: string;
  z: number;
  flashing: boolean;
}
const teamsOnMap = (page: Page): Promise<DrawnTeam[]> =>
  page.evaluate(() => (window as unknown as { __tidewatch?: { teamsOnMap?: () => DrawnTeam[] } }).__tidewatch?.teamsOnMap?.() ?? []);
const bell = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tidewatch?: { alarmBell?: () => { stage: string | null; rings: Array<{ stage: string }> } } }).__tidewatch?.alarmBell?.() ?? null);

/** The SOS marker as the map lists it for screen readers: engine-independent. */
const sosMarker = (page: Page) => page.getByRole('list', { name: '地图上闪烁的 SOS 队伍' }).locator(`[data-team-id="${sosTeam.id}"]`);

async function expectMarkerOnTop(page: Page, flashing: boolean): Promise<void> {
  await expect.poll(() => sosMarker(page).getAttribute('data-flashing'), { timeout: 15_000 }).toBe(String(flashing));
  expect(await sosMarker(page).textContent()).toContain('石浦水上救援队');
  const drawn = await teamsOnMap(page);
  const mine = drawn.find((t) => t.id === sosTeam.id)!;
  expect(mine.flashing).toBe(flashing);
  expect(Math.max(...drawn.filter((t) => t.id !== sosTeam.id).map((t) => t.z))).toBeLessThan(mine.z);
}

describe('an SOS a room cannot miss', () => {
  it('desk 1366×768 (and 1920×1080) and wall 1920×1080: banner above everything on every tab, marker on top, alarms sorted and contained; acknowledged stays calmer until resolved', async () => {
    const desk = await open(/\/desk$/, 'sos-duty', { width: 1366, height: 768 });
    // A wall whose clock is 61 s ahead: for it any SOS has waited over a minute (the unit tests step the minute).
    const wall = await open(/\/wall$/, 'sos-wall', { width: 1920, height: 1080 }, 61_000);
    await expect.poll(() => desk.getByTestId('alarm-item').count(), { timeout: 20_000 }).toBe(24);

    const answer = await tablet.request('field:sos', { actionId: randomUUID(), position: { ...SOS_AT, t: Date.now() }, note: '船只进水' });
    expect(answer.ok).toBe(true);
    // Just raised: the desk rings at the normal stage; the wall, a minute ahead, at the second, louder stage.
    await expect.poll(async () => (await bell(desk))?.stage, { timeout: 10_000 }).toBe('normal');
    expect((await bell(desk))?.rings.some((r) => r.stage === 'normal')).toBe(true);
    await expect.poll(async () => (await bell(wall))?.stage, { timeout: 10_000 }).toBe('loud');
    await expect.poll(() => wall.getByTestId('sos-banner').getAttribute('data-stage'), { timeout: 5_000 }).toBe('loud');
    expect(await wall.getByTestId('sos-ack').textContent()).toContain('已超过 1 分钟无人确认');
    expect((await bell(wall))?.rings.some((r) => r.stage === 'loud')).toBe(true);

    for (const page of [desk, wall]) {
      const entry = page.getByTestId('sos-banner-entry');
      await expect.poll(() => entry.getAttribute('data-state'), { timeout: 10_000 }).toBe('raised');
      const text = (await entry.textContent()) ?? '';
      for (const part of ['石浦水上救援队', '石浦镇 29.20350, 121.95120', '石浦平板', '船只进水']) expect(text).toContain(part);
      expect(await page.getByTestId('sos-when').textContent()).toMatch(/\d{2}:\d{2}:\d{2} 发出/);
      await expectMarkerOnTop(page, true);
      // SOS first, then critical, then warnings.
      const ranks = await shownRanks(page);
      expect(ranks[0]).toBe(0);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(ranks)).toEqual(new Set([0, 1, 2]));
    }

    for (const tab of DESK_TABS) {
      await desk.getByTestId(`desk-tab-${tab}`).click();
      expect({ tab, ...(await bannerPlacement(desk)) }).toEqual({ tab, top: 0, inView: true, fullWidth: true, uncovered: true });
    }
    await desk.getByTestId('desk-tab-teams').click();
    expect(await panelLayout(desk, ['wall-layout-controls'])).toMatchObject({ viewport: 768, listScrolls: true, others: { 'wall-layout-controls': true } });
    expect((await panelLayout(desk, [])).panelBottom).toBeLessThanOrEqual(768);
    await saveScreenshot(desk, 'sos-desk-1366');
    // The same desk on a 1920×1080 screen.
    await desk.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => bannerPlacement(desk), { timeout: 5_000 }).toEqual({ top: 0, inView: true, fullWidth: true, uncovered: true });
    expect(await panelLayout(desk, ['wall-layout-controls'])).toMatchObject({ viewport: 1080, listScrolls: true, others: { 'wall-layout-controls': true } });
    expect((await panelLayout(desk, [])).panelBottom).toBeLessThanOrEqual(1080);
    await saveScreenshot(desk, 'sos-desk-1920');
    await desk.setViewportSize({ width: 1366, height: 768 });
    expect(await bannerPlacement(wall)).toEqual({ top: 0, inView: true, fullWidth: true, uncovered: true });
    const wallPanels = await panelLayout(wall, ['wall-teams-panel', 'wall-feed-panel']);
    expect(wallPanels).toMatchObject({ viewport: 1080, listScrolls: true, others: { 'wall-teams-panel': true, 'wall-feed-panel': true } });
    expect(wallPanels.panelBottom).toBeLessThanOrEqual(1080);
    await saveScreenshot(wall, 'sos-wall-1920-loud');

    // Acknowledged: still there, calmer, naming who took it; the bell stops and the marker stops flashing.
    await desk.getByTestId('sos-acknowledge').click();
    for (const page of [desk, wall]) {
      await expect.poll(() => page.getByTestId('sos-banner-entry').getAttribute('data-state'), { timeout: 10_000 }).toBe('acknowledged');
      expect(await page.getByTestId('sos-ack').textContent()).toMatch(/李值班 已于 \d{2}:\d{2} 确认/);
      expect(await page.getByTestId('sos-banner').getAttribute('data-stage')).toBe('acknowledged');
      // Only the dispatch alarms still ring (normal stage): nothing is loud once the SOS is acknowledged.
      await expect.poll(async () => (await bell(page))?.stage ?? null, { timeout: 5_000 }).toBe('normal');
      await expectMarkerOnTop(page, false);
    }
    expect(await bannerPlacement(wall)).toEqual({ top: 0, inView: true, fullWidth: true, uncovered: true });
    await saveScreenshot(wall, 'sos-wall-acknowledged');

    // Resolved: the banner and the SOS marker go everywhere.
    await desk.getByTestId('sos-resolve').click();
    for (const page of [desk, wall]) {
      await expect.poll(() => page.getByTestId('sos-banner').count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => sosMarker(page).count(), { timeout: 10_000 }).toBe(0);
    }
  }, 180_000);
});
