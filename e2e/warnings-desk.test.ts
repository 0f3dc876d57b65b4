import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery, Warning } from '../shared/schemas/warning';
import { signInEveryRole, type SignedIn } from '../server/testing/overview-support';
import { openStore } from '../server/db/database';
import { dataOf } from '../server/testing/int-support';
import { REPO_ROOT, startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

const PUBLIC_BASE_URL = 'https://warn.example.org';
const PASSWORD = 'long-enough-password';
let server: ServerHandle;
let as: SignedIn;
let browser: Browser;
let desk: Page;
let wall: Page;
/** The bureau's alert imported on the desk below. */
let importedAlertId = '';

type Hooks = { __tidewatch?: { warningAreasOnMap?: () => Array<{ key: string; colour: string | null; rings: number }> } };
const areasOnMap = (page: Page) => page.evaluate(() => (window as unknown as Hooks).__tidewatch?.warningAreasOnMap?.() ?? null);

beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_BASE_URL } });
  as = await signInEveryRole(server);
  // Two people must answer for 石浦镇: one will use the link, the other is reached by phone.
  for (const [name, phone] of [['石浦镇长', '13900000001'], ['石浦副镇长', '13900000002']]) {
    dataOf(await as.http.duty.post('/api/contacts', { name, duty: 'township_head', township: '石浦镇', phones: [phone], channels: ['sms'] }));
  }
  browser = await launchChromium();
  desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(desk, server.baseUrl, as.users.duty.username, PASSWORD, /\/desk/);
  wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await signIn(wall, server.baseUrl, as.users.wall.username, PASSWORD, /\/wall$/);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('warnings on the desk and the wall', () => {
  it('a draft → 签发 on a commander’s phone → one answers by the link, one by phone → the desk board and the wall show the coverage', async () => {
    await desk.goto(`${server.baseUrl}/desk/warnings`);
    await desk.getByTestId('warning-new').click();
    const form = desk.getByTestId('warning-form');
    await form.getByTestId('warning-hazard').selectOption('rainstorm');
    await form.getByTestId('warning-colour').selectOption('orange');
    await form.getByTestId('warning-townships').getByLabel('石浦镇').check();
    // The texts come from the Chinese template for the hazard, colour and townships.
    await expect.poll(() => form.getByTestId('warning-headline').inputValue(), { timeout: 10_000 }).toContain('暴雨橙色预警');
    await form.getByTestId('warning-save').click();
    const detail = desk.getByTestId('warning-detail');
    await expect.poll(() => detail.getAttribute('data-standing'), { timeout: 10_000 }).toBe('draft');
    const warningId = (await detail.getAttribute('data-warning-id'))!;
    expect(await desk.getByTestId('warning-issue').count()).toBe(0);
    expect(await desk.getByTestId('warnings-drafts').getByTestId('warning-row').count()).toBe(1);

    // The commander signs off from home, on a phone.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(phone, server.baseUrl, as.users.commander.username, PASSWORD, /\/desk/);
    await phone.goto(`${server.baseUrl}/desk/warnings/${warningId}`);
    await phone.getByTestId('warning-issue').tap();
    await phone.getByTestId('warning-issue').tap();
    await expect.poll(() => phone.getByTestId('warning-detail').getAttribute('data-standing'), { timeout: 10_000 }).toBe('in_force');
    expect(await phone.getByTestId('warning-approved-by').textContent()).toContain('值班指挥长');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(phone, 'warnings-sign-off-phone');

    // The desk saves the published CAP file (fetched with the sign-in token) and links to the warning's history.
    await expect.poll(() => detail.getAttribute('data-standing'), { timeout: 10_000 }).toBe('in_force');
    expect(await detail.getByTestId('warning-history-link').getAttribute('href')).toBe(`/history/warning/${warningId}`);
    const [download] = await Promise.all([desk.waitForEvent('download'), detail.getByTestId('warning-cap-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xml$/);
    const cap = await fs.promises.readFile((await download.path())!, 'utf8');
    expect(cap).toContain('<status>Actual</status>');

    // The township head answers 收到 from the personal link.
    const deliveries = dataOf(await as.http.duty.get<Delivery[]>(`/api/warnings/${warningId}/deliveries`));
    const message = deliveries.find((d) => d.to === '13900000001')!;
    const link = /https:\/\/warn\.example\.org(\/w\/[A-Za-z0-9_-]{43})/.exec(message.text)![1]!;
    await phone.goto(`${server.baseUrl}${link}`);
    await phone.getByRole('button', { name: '收到' }).tap();
    await phone.getByText('✓ 已收到').waitFor();

    // The desk sees it live, and records the deputy's answer taken by phone.
    const board = desk.getByTestId('answer-board');
    const row = (name: string) => board.getByTestId('recipient-row').filter({ hasText: name }).first();
    await expect.poll(() => row('石浦镇长').getAttribute('data-state'), { timeout: 10_000 }).toBe('received');
    const silent = board.getByTestId('answer-silent').getByTestId('recipient-row');
    await expect.poll(() => silent.count(), { timeout: 10_000 }).toBe(1);
    expect(await silent.getByTestId('recipient-phone').textContent()).toBe('13900000002');
    await silent.getByTestId('phone-answer-open').click();
    await silent.getByTestId('phone-answer-note').fill('电话确认，已组织巡查');
    await silent.getByTestId('phone-answer-received').click();
    await expect.poll(() => board.getByTestId('answer-silent').getByTestId('recipient-row').count(), { timeout: 10_000 }).toBe(0);
    expect(await row('石浦副镇长').getByTestId('recipient-phone-answer').textContent()).toContain('值班员甲');
    await expect.poll(() => board.getByTestId('coverage-total').textContent(), { timeout: 10_000 }).toContain('2/2');
    expect(await board.getByTestId('outbox').getByTestId('outbox-message').count()).toBe(2);
    await saveScreenshot(desk, 'warnings-desk-board');

    // The wall: the warning in force, its coverage, its area on the map; no names or phones.
    const item = wall.locator(`[data-testid="wall-warning"][data-warning-id="${warningId}"]`);
    await expect.poll(() => item.getByTestId('wall-warning-coverage').textContent(), { timeout: 10_000 }).toContain('100%');
    expect(await item.getAttribute('data-colour')).toBe('orange');
    expect(await wall.getByTestId('wall').textContent()).not.toContain('13900000001');
    await expect.poll(async () => (await areasOnMap(wall))?.find((a) => a.key === warningId)?.colour ?? null, { timeout: 10_000 }).toBe('orange');
    await saveScreenshot(wall, 'warnings-wall');
    const issued = dataOf(await as.http.duty.get<Warning>(`/api/warnings/${warningId}`));
    expect(issued).toMatchObject({ status: 'issued', draftedBy: { name: '值班员甲' }, approvedBy: { name: '值班指挥长' } });
    await phone.close();
  });

  it('imports contacts from CSV (a bad file lists its lines) and a CAP file (a bad one lists its problems, a real one is listed and drawn on the wall)', async () => {
    await desk.goto(`${server.baseUrl}/desk/warnings`);
    await desk.getByTestId('contacts-open').click();
    const registry = desk.getByTestId('contacts-registry');
    await registry.getByText('导入联系人 CSV').click();
    const header = '姓名,职务,乡镇,单位,电话,渠道,AB角';
    const csv = (lines: string[]) => ({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\r\n')) });
    await registry.getByTestId('contact-csv-file').setInputFiles(csv(['赵六,队长,鹤浦镇,,13900000009,短信,', '钱七,网格员,火星镇,,13900000008,短信,']));
    await registry.getByTestId('contact-csv-submit').click();
    await expect.poll(() => registry.getByTestId('contact-csv-error').locator('li').allTextContents(), { timeout: 10_000 }).toHaveLength(2);
    await registry.getByTestId('contact-csv-file').setInputFiles(csv(['鹤浦镇长,乡镇主要负责人,鹤浦镇,,13900000011,短信,鹤浦副镇长', '鹤浦副镇长,分管负责人,鹤浦镇,,13900000012,短信,']));
    await registry.getByTestId('contact-csv-submit').click();
    await registry.getByTestId('contact-csv-ok').waitFor();
    const head = registry.getByTestId('contact-row').filter({ has: desk.locator('strong', { hasText: /^鹤浦镇长$/ }) });
    await expect.poll(() => head.textContent(), { timeout: 10_000 }).toContain('B角：鹤浦副镇长');
    await desk.getByTestId('contacts-open').click();

    const importer = desk.getByTestId('cap-import');
    await desk.getByText('导入 CAP 预警文件').click();
    await importer.getByTestId('cap-import-file').setInputFiles({ name: 'bad.xml', mimeType: 'application/xml', buffer: Buffer.from('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier></alert>') });
    await importer.getByTestId('cap-import-submit').click();
    const error = importer.getByTestId('cap-import-error');
    await error.waitFor();
    expect(await error.locator('li').count()).toBeGreaterThan(1);
    expect(await desk.getByTestId('warnings-received').getByTestId('cap-alert-row').count()).toBe(0);

    // The bureau's real alert, its expiry moved to six hours from now so that it is in force.
    const inSixHours = new Date(Date.now() + (8 + 6) * 3_600_000).toISOString().slice(0, 19) + '+08:00';
    const file = fs.readFileSync(path.join(REPO_ROOT, 'server/warnings/fixtures/example_china_baoding_cma_lightning_yellow.cap.xml'), 'utf8');
    const real = Buffer.from(file.replaceAll('<expires>2024-07-13T03:31:38+08:00</expires>', `<expires>${inSixHours}</expires>`));
    await importer.getByTestId('cap-import-file').setInputFiles({ name: 'baoding.xml', mimeType: 'application/xml', buffer: real });
    await importer.getByTestId('cap-import-submit').click();
    await importer.getByTestId('cap-import-ok').waitFor();
    await desk.getByTestId('cap-alert-detail').waitFor();
    const alertId = (await desk.getByTestId('cap-alert-detail').getAttribute('data-alert-id'))!;
    importedAlertId = alertId;
    expect(await desk.getByTestId('cap-alert-detail').textContent()).toContain('保定');
    await expect.poll(() => wall.locator(`[data-testid="wall-warning"][data-warning-id="${alertId}"]`).getAttribute('data-colour'), { timeout: 10_000 }).toBe('yellow');
    await expect.poll(async () => (await areasOnMap(wall))?.some((a) => a.key === alertId) ?? false, { timeout: 10_000 }).toBe(true);
  });

  it('opens from its link, in a fresh page, an alert cancelled ten days ago (no longer in the board’s snapshot), and says when a link names no alert', async () => {
    expect(importedAlertId).not.toBe('');
    // Age the alert in the store: cancelled, received ten days ago, so the snapshot leaves it out.
    await server.stop();
    const store = await openStore({ sqliteFile: path.join(server.dataDir, 'tidewatch.sqlite') });
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3_600_000).toISOString();
    await store.db.updateTable('cap_alerts').set({ state: 'cancelled', received_at: tenDaysAgo }).where('id', '=', importedAlertId).execute();
    await store.close();
    await server.restart();

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, as.users.duty.username, PASSWORD, /\/desk/);
    await page.goto(`${server.baseUrl}/desk/warnings?alert=${importedAlertId}`);
    const detail = page.locator(`[data-testid="cap-alert-detail"][data-alert-id="${importedAlertId}"]`);
    await detail.waitFor({ timeout: 15_000 });
    expect(await detail.textContent()).toContain('保定');
    await saveScreenshot(page, 'warnings-desk-old-alert-by-link');

    await page.goto(`${server.baseUrl}/desk/warnings?alert=no-such-alert`);
    await expect.poll(() => page.getByTestId('desk-not-found').getAttribute('data-kind'), { timeout: 15_000 }).toBe('alert');
    expect(await page.getByTestId('cap-alert-detail').count()).toBe(0);
    await context.close();
  });
});
