import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, TestClient, dataOf, httpClient, login } from '../server/testing/int-support';
import { createDispatch } from '../server/dispatch/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

/** Markup a user might type into any name: must show as these characters, never become elements or run. */
const MARKUP = '<b>x</b><img src=x onerror=window.__pwned=1>';
const PASSWORD = 'escape-password-1';

// Every user-writable name the board shows, each with markup, and where it is on the map (when it is).
const NAMES = {
  team: `队${MARKUP}`,
  incident: `事${MARKUP}`,
  // A tablet's situation report becomes an incident titled with its first 30 characters.
  fieldIncident: '<img src=x onerror=__pwned=1>',
  shelter: `所${MARKUP}`,
  depot: `库${MARKUP}`,
  camera: `摄${MARKUP}`,
  destination: `点${MARKUP}`,
  deskUser: `值${MARKUP}`,
  tabletUser: `平${MARKUP}`,
};
const AT = {
  team: TEAM_INPUT.base,
  incident: { lat: 29.35, lon: 121.78 },
  fieldIncident: { lat: 29.2035, lon: 121.9512 },
  shelter: { lat: 29.5661, lon: 121.7395 },
  depot: { lat: 29.4, lon: 121.74 },
  camera: { lat: 29.63, lon: 121.86 },
  destination: { lat: 29.27, lon: 121.82 },
};

let server: ServerHandle;
let browser: Browser;
let tablet: TestClient;

beforeAll(async () => {
  server = await startServer({ env: { VIDEO: 'off' } });
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: NAMES.team, leader: MARKUP.slice(0, 40) }));
  dataOf(await admin.post('/api/users', { username: 'esc-desk', displayName: NAMES.deskUser, role: 'duty_officer', password: PASSWORD }));
  dataOf(await admin.post('/api/users', { username: 'esc-wall', displayName: NAMES.deskUser, role: 'wall', password: PASSWORD }));
  dataOf(await admin.post('/api/users', { username: 'esc-tablet', displayName: NAMES.tabletUser, role: 'field', teamId: team.id, password: PASSWORD }));
  dataOf(await admin.post('/api/shelters', { name: NAMES.shelter, level: 'township', location: AT.shelter, capacity: 300, address: MARKUP }));
  dataOf(await admin.post('/api/depots', { id: 'ESC-1', name: NAMES.depot, tier: 'county', location: AT.depot, manager: MARKUP.slice(0, 40) }));
  dataOf(await admin.post('/api/cameras', { name: NAMES.camera, kind: 'cctv', department: MARKUP, location: AT.camera, source: { type: 'rtsp', url: 'rtsp://127.0.0.1:9/x' } }));
  const desk = httpClient(server.baseUrl, await login(server.baseUrl, 'esc-desk', PASSWORD));
  dataOf(await desk.post('/api/incidents', { title: NAMES.incident, type: 'flash_flood', severity: 'major', source: 'phone', location: AT.incident, account: MARKUP, caller: MARKUP }));
  await createDispatch(desk, [team.id], { destination: { ...AT.destination, label: NAMES.destination }, instructions: MARKUP });

  // Through the tablet's own socket requests, as the field page sends them.
  tablet = new TestClient(server.baseUrl, await login(server.baseUrl, 'esc-tablet', PASSWORD));
  await tablet.connected();
  const report = await tablet.request('incident:field_report', { actionId: randomUUID(), type: 'other', text: NAMES.fieldIncident, position: AT.fieldIncident });
  if (!report.ok) throw new Error(`field report refused: ${report.error.code}`);
  const sos = await tablet.request('field:sos', { actionId: randomUUID(), position: { ...AT.team, t: Date.now() }, note: MARKUP });
  if (!sos.ok) throw new Error(`SOS refused: ${sos.error.code}`);
  browser = await launchChromium();
});
afterAll(async () => {
  tablet?.close();
  await browser?.close();
  await server?.dispose();
});

type Hooks = {
  __pwned?: unknown;
  __tidewatch?: {
    teamsOnMap?: () => Array<{ name: string; x: number | null; y: number | null }>;
    camerasOnMap?: () => Array<{ label: string; x: number | null; y: number | null }>;
    placesOnMap?: () => { incidents: unknown[]; shelters: number; depots: number } | null;
    mapPointToPage?: (lat: number, lon: number) => { x: number | null; y: number | null };
  };
};

/** Whatever the page made of the markup: injected elements, and whether any handler ran. */
const injected = (page: Page) =>
  page.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"]').length,
    bolds: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'x').length,
    pwned: (window as unknown as Hooks).__pwned ?? null,
  }));

async function open(path: RegExp, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await signIn(page, server.baseUrl, username, PASSWORD, path);
  await expect.poll(() => page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('online');
  return page;
}

/**
 * Moves the pointer onto a map point (and a few pixels above it: a pin's head is above its point) and
 * expects the map to show `name`, as text, in what pops up there.
 */
async function hoverShows(page: Page, name: string, at: () => Promise<{ x: number | null; y: number | null } | null>): Promise<void> {
  await expect.poll(async () => (await at())?.x ?? null, { timeout: 15_000, message: `${name} drawn` }).not.toBeNull();
  const { x, y } = (await at())!;
  const popup = page.getByTestId('team-map').getByText(name, { exact: true });
  for (const dy of [0, -8, 0, -8]) {
    await page.mouse.move(x! + 40, y! + 40);
    await page.mouse.move(x!, y! + dy, { steps: 4 });
    if (await popup.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false)) return;
  }
  expect.fail(`no tooltip showing ${name}`);
}

const pointOf = (page: Page, p: { lat: number; lon: number }) => () =>
  page.evaluate(({ lat, lon }) => (window as unknown as Hooks).__tidewatch?.mapPointToPage?.(lat, lon) ?? null, p);

describe('user-written names with markup', () => {
  it('show literally in map tooltips, lists and banners of the desk, the wall and the tablet, and never inject anything', async () => {
    const desk = await open(/\/desk$/, 'esc-desk');
    await expect.poll(() => desk.evaluate(() => (window as unknown as Hooks).__tidewatch?.placesOnMap?.() ?? null), { timeout: 20_000 }).toEqual({
      incidents: expect.any(Array),
      shelters: 1,
      depots: 1,
    });

    await hoverShows(desk, NAMES.team, () => desk.evaluate((n) => (window as unknown as Hooks).__tidewatch?.teamsOnMap?.().find((t) => t.name === n) ?? null, NAMES.team));
    await hoverShows(desk, NAMES.camera, () => desk.evaluate((n) => (window as unknown as Hooks).__tidewatch?.camerasOnMap?.().find((c) => c.label === n) ?? null, NAMES.camera));
    for (const key of ['incident', 'fieldIncident', 'depot', 'destination'] as const) await hoverShows(desk, NAMES[key], pointOf(desk, AT[key]));
    await hoverShows(desk, `${NAMES.shelter} 0/300`, pointOf(desk, AT.shelter));
    await saveScreenshot(desk, 'escaped-desk-tooltip');

    // The rest of the desk: the header's user, the SOS banner's reporter and note, the lists of every tab.
    expect(await desk.getByText(NAMES.deskUser, { exact: false }).first().isVisible()).toBe(true);
    expect(await desk.getByTestId('sos-banner').textContent()).toContain(NAMES.tabletUser);
    for (const tab of ['teams', 'dispatches', 'incidents', 'shelters', 'supplies', 'cameras']) {
      await desk.getByTestId(`desk-tab-${tab}`).click();
      await desk.waitForTimeout(300);
      expect({ tab, ...(await injected(desk)) }).toEqual({ tab, imgs: 0, bolds: 0, pwned: null });
    }
    await desk.getByTestId('desk-tab-incidents').click();
    for (const title of [NAMES.incident, NAMES.fieldIncident]) await expect.poll(() => desk.getByTestId('incident-list').textContent(), { timeout: 10_000 }).toContain(title);

    const wall = await open(/\/wall$/, 'esc-wall');
    const wallText = () => wall.getByTestId('wall').textContent();
    for (const name of [NAMES.team, NAMES.incident, NAMES.fieldIncident, NAMES.tabletUser]) await expect.poll(wallText, { timeout: 15_000 }).toContain(name);
    await saveScreenshot(wall, 'escaped-wall');

    const field = await open(/\/field$/, 'esc-tablet');
    await expect.poll(() => field.locator('body').textContent(), { timeout: 15_000 }).toContain(NAMES.destination);

    for (const page of [desk, wall, field]) expect(await injected(page)).toEqual({ imgs: 0, bolds: 0, pwned: null });
  }, 180_000);
});
