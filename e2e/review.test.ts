import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../server/db/database';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { T0, writeScriptedResponse } from '../server/review/testing/scripted-response';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

// One server for the file: a scripted typhoon response written into its store (events and fixes), then the desk.
let server: ServerHandle;
let browser: Browser;
let desk: Page;
let token: string;
const pageErrors: string[] = [];

type ReplayHooks = { __tidewatch?: { replayOnMap?: () => { at: number; frames: number; units: Array<{ id: string; name: string; gap: boolean; alarm: boolean }>; dispatches: number; incidents: string[] } } };
const replayOnMap = (page: Page) => page.evaluate(() => (window as unknown as ReplayHooks).__tidewatch?.replayOnMap?.() ?? null);
const MIN = 60_000;

beforeAll(async () => {
  server = await startServer();
  await server.stop();
  const store = await openStore({ sqliteFile: path.join(server.dataDir, 'tidewatch.sqlite') });
  await writeScriptedResponse(store.db, { positions: true });
  await store.close();
  await server.restart();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'review-desk', displayName: '复盘值班', role: 'duty_officer', password: 'desk-password-1' }));
  token = await login(server.baseUrl, 'review-desk', 'desk-password-1');
  browser = await launchChromium();
  desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // A chart that throws while painting stops the replay's map; the replay case checks none did.
  desk.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(desk, server.baseUrl, 'review-desk', 'desk-password-1', /\/desk$/);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('after-action review (复盘)', () => {
  it('replays a scripted response on the desk: units as they were, a gap as a gap, events on the timeline, the live alarms beside it', async () => {
    await desk.getByTestId('desk-tab-review').click();
    await desk.getByTestId('review-from').fill('2025-09-15T08:00');
    await desk.getByTestId('review-to').fill('2025-09-15T10:00');
    await desk.getByTestId('review-replay').click();
    expect(await desk.getByTestId('replay-banner').textContent()).toBe('回放');
    await expect.poll(async () => (await replayOnMap(desk))?.units.length, { timeout: 15_000 }).toBe(3);
    expect(await desk.getByTestId('alarm-panel').isVisible()).toBe(true);

    // The SOS at 09:00 is marked on the timeline; a click there shows the board as it was then.
    await expect.poll(() => desk.getByTestId('replay-mark').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const sos = desk.locator('[data-testid="replay-mark"].alarm_critical');
    await sos.click();
    await expect.poll(async () => (await replayOnMap(desk))?.units.find((u) => u.name === '甲队')?.alarm, { timeout: 10_000 }).toBe(true);
    const atSos = (await replayOnMap(desk))!;
    expect(atSos.at).toBe(T0 + 60 * MIN);
    expect(atSos.incidents).toContain('20250915-001');
    expect(atSos.dispatches).toBe(1);

    // 丙队 sent nothing from 08:30 to 08:50: at 08:40 it is silent at its last fix, not slid across the gap.
    const bar = await desk.getByTestId('replay-timeline').boundingBox();
    await desk.mouse.click(bar!.x + bar!.width / 3, bar!.y + 2);
    await expect.poll(async () => (await replayOnMap(desk))?.units.find((u) => u.name === '丙队')?.gap, { timeout: 10_000 }).toBe(true);

    await desk.getByTestId('replay-speed-600').click();
    await desk.getByTestId('replay-play').click();
    const before = (await replayOnMap(desk))!;
    await expect.poll(async () => (await replayOnMap(desk))!.at - before.at, { timeout: 15_000 }).toBeGreaterThan(5 * MIN);
    expect((await replayOnMap(desk))!.frames).toBeGreaterThan(before.frames);
    await saveScreenshot(desk, 'review-replay');
    expect(pageErrors).toEqual([]);
    await desk.getByTestId('replay-exit').click();
    await desk.getByTestId('replay-controls').waitFor({ state: 'detached' });
  });

  it('prints the report page with the scripted figures, and the server makes the PDF and CSV', async () => {
    const query = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 24 * 60 * MIN).toISOString()}&exercise=false`;
    await desk.goto(`${server.baseUrl}/review/report?${query}`);
    await desk.getByTestId('report-summary').waitFor();
    expect(await desk.getByTestId('report-summary-warnings').textContent()).toBe('3 次');
    // The level banner heads the page: the scripted typhoon response reached Ⅱ; the drill's response is in the drill report only.
    expect(await desk.getByTestId('report-level-banner').evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))).toEqual(['II']);
    expect(await desk.getByTestId('report-table-responseLevels').textContent()).toContain('10级风圈12小时内影响');
    expect(await desk.getByTestId('report-summary-reporting').textContent()).toBe('按时 3，迟报 2，漏报 1');
    expect(await desk.getByTestId('report-summary-dispatches').textContent()).toBe('10 项');
    expect(await desk.getByTestId('report-summary-shelters').textContent()).toBe('210 人（转移 240 人）');
    expect(await desk.getByTestId('report-table-dispatches').textContent()).toContain('甲队');
    await saveScreenshot(desk, 'review-report');
    await desk.emulateMedia({ media: 'print' });
    expect(await desk.getByTestId('report-pdf').isVisible()).toBe(false);
    const printed = await desk.pdf({ format: 'A4' });
    expect(printed.subarray(0, 5).toString()).toBe('%PDF-');
    await desk.emulateMedia({ media: 'screen' });

    const auth = { authorization: `Bearer ${token}` };
    const pdf = await fetch(`${server.baseUrl}/api/review/report/pdf?${query}`, { headers: auth });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = Buffer.from(await (await fetch(`${server.baseUrl}/api/review/report/csv/reporting?${query}`, { headers: auth })).arrayBuffer()).toString('utf8');
    expect(csv.startsWith('\uFEFF事件编号,事件,级别,按时,迟报,漏报')).toBe(true);

    await desk.goto(`${server.baseUrl}/history/dispatch/d-1`);
    await expect.poll(() => desk.getByTestId('history-entry').count(), { timeout: 10_000 }).toBe(5);
    expect(await desk.getByTestId('history-subject').textContent()).toContain('目的地d-1');
  });
});
