import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Shelter } from '../shared/schemas/shelter';
import type { SupplyItem } from '../shared/schemas/supply';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

let server: ServerHandle;
let browser: Browser;
let admin: ReturnType<typeof httpClient>;
let shelter: Shelter;

const DEPOT = 'E2E-county';

beforeAll(async () => {
  server = await startServer();
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'supply-desk', displayName: '林值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'supply-cmd', displayName: '陈指挥', role: 'commander', password: 'cmd-password-1' }));
  dataOf(await admin.post('/api/depots', { id: DEPOT, name: '象山县救灾物资储备库', tier: 'county', location: { lat: 29.4523, lon: 121.8652 }, manager: '孙国庆' }));
  dataOf(await admin.post('/api/supply-items', { id: 'tent', name: '帐篷', unit: '顶', category: '安置类', keyItem: true }));
  shelter = dataOf(await admin.post<Shelter>('/api/shelters', { name: '丹城实验小学安置点', level: 'township', township: '丹东街道', location: { lat: 29.4762, lon: 121.8705 }, capacity: 200 }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openSupplies(page: Page, username: string, password: string): Promise<void> {
  await signIn(page, server.baseUrl, username, password, /\/desk$/);
  await page.getByTestId('desk-tab-supplies').click();
  await page.getByTestId('supplies-desk').waitFor();
}

const stockRow = (page: Page, itemId: string) => page.locator(`[data-testid="depot-stock"][data-depot-id="${DEPOT}"] [data-testid="stock-row"][data-item-id="${itemId}"]`);
const available = (page: Page, itemId: string) => stockRow(page, itemId).getByTestId('stock-available').textContent();

async function recordMovement(page: Page, kind: 'receipt' | 'issue', quantity: number, reason: string): Promise<void> {
  const form = page.getByTestId('stock-movement-form');
  await form.getByTestId(`movement-kind-${kind}`).click();
  await form.getByTestId('movement-depot').selectOption(DEPOT);
  await form.getByTestId('supply-line-item').selectOption('tent');
  await form.getByTestId('supply-line-quantity').fill(String(quantity));
  await form.getByTestId('movement-reason').fill(reason);
  await form.getByTestId('movement-submit').click();
}

describe('supplies on the desk', () => {
  it('records a receipt, refuses an issue that would go negative, and a second desk sees the stock live', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openSupplies(desk, 'supply-desk', 'desk-password-1');
    const commander = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openSupplies(commander, 'supply-cmd', 'cmd-password-1');
    expect(await stockRow(commander, 'tent').count()).toBe(0);

    await desk.getByTestId('supplies-view-movement').click();
    await recordMovement(desk, 'receipt', 40, '年度储备入库');
    await expect.poll(() => desk.getByTestId('movement-ok').textContent(), { timeout: 10_000 }).toContain('已登记入库');
    // Who and why, in the ledger under the form.
    const ledger = desk.getByTestId('ledger-entry').filter({ hasText: '帐篷' }).first();
    await expect.poll(() => ledger.getByTestId('ledger-who').textContent(), { timeout: 10_000 }).toBe('林值班：年度储备入库');
    // The other desk, without a reload.
    await expect.poll(() => available(commander, 'tent'), { timeout: 10_000 }).toBe('40');

    await recordMovement(desk, 'issue', 100, '发放丹东街道');
    await expect.poll(() => desk.getByTestId('movement-error').textContent(), { timeout: 10_000 }).toBe('库存不足：象山县救灾物资储备库帐篷可用 40顶，本次需要 100顶。库存不能为负，未登记。');

    await saveScreenshot(desk, 'supplies-desk-movement');

    await recordMovement(desk, 'issue', 15, '发放丹东街道');
    await expect.poll(() => available(commander, 'tent'), { timeout: 10_000 }).toBe('25');

    // The commander sets a minimum above what is left: the row is highlighted on both desks.
    await stockRow(commander, 'tent').getByTestId('threshold-edit').click();
    await commander.getByTestId('threshold-input').fill('30');
    await commander.getByTestId('threshold-save').click();
    await expect.poll(() => stockRow(commander, 'tent').getAttribute('data-low'), { timeout: 10_000 }).toBe('true');
    await desk.getByTestId('supplies-view-stock').click();
    await expect.poll(() => stockRow(desk, 'tent').getAttribute('data-low'), { timeout: 10_000 }).toBe('true');
    // Duty officers may not set minimums.
    expect(await stockRow(desk, 'tent').getByTestId('threshold-edit').count()).toBe(0);

    await saveScreenshot(desk, 'supplies-desk-stock');
    await desk.close();
    await commander.close();
  });

  it('runs supplies to a shelter: allocate, depart, arrive, timed against the 12-hour goal on both desks', async () => {
    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openSupplies(desk, 'supply-desk', 'desk-password-1');
    const commander = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openSupplies(commander, 'supply-cmd', 'cmd-password-1');
    await commander.getByTestId('supplies-view-runs').click();

    await desk.getByTestId('supplies-view-runs').click();
    await desk.getByTestId('supply-run-new').click();
    const form = desk.getByTestId('supply-run-form');
    await form.getByTestId('run-from-depot').selectOption(DEPOT);
    await form.getByTestId('run-destination-type-shelter').click();
    await form.getByTestId('run-destination').selectOption(shelter.id);
    await form.getByTestId('supply-line-item').selectOption('tent');
    await form.getByTestId('supply-line-quantity').fill('10');
    await form.getByTestId('run-reason').fill('安置点保障');
    await form.getByTestId('run-allocate').click();

    const run = desk.getByTestId('supply-run').filter({ hasText: shelter.name });
    await expect.poll(() => run.getByTestId('supply-run-status').textContent(), { timeout: 10_000 }).toBe('已调配');
    expect(await run.getByTestId('supply-run-goal').textContent()).toMatch(/^已用 \d+ 分钟，距 12 小时目标剩 1[12] 小时 \d\d 分$/);
    await expect.poll(() => commander.getByTestId('supply-run').filter({ hasText: shelter.name }).count(), { timeout: 10_000 }).toBe(1);

    await run.getByTestId('supply-run-depart').click();
    await run.getByTestId('supply-run-confirm').click();
    await expect.poll(() => run.getAttribute('data-status'), { timeout: 10_000 }).toBe('in_transit');
    await run.getByTestId('supply-run-arrive').click();
    await run.getByTestId('supply-run-confirm').click();
    const onCommander = commander.getByTestId('supply-runs').locator(`[data-testid="supply-run"][data-status="arrived"]`);
    await expect.poll(() => onCommander.count(), { timeout: 10_000 }).toBe(1);
    expect(await onCommander.getByTestId('supply-run-goal').textContent()).toMatch(/达到 12 小时目标$/);
    await saveScreenshot(desk, 'supplies-desk-runs');
    await desk.close();
    await commander.close();
  });
});

describe('supplies CSV', () => {
  it('refuses a catalogue file with a bad row by line and imports nothing; a good file is imported with a count', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'admin', server.adminPassword, /\/desk$/);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByTestId('admin-tab-supplies').click();
    const tab = page.getByTestId('supplies-admin');
    await tab.waitFor();
    const before = dataOf(await admin.get<SupplyItem[]>('/api/supply-items')).length;
    await expect.poll(() => tab.getByTestId('item-row').count(), { timeout: 10_000 }).toBe(before);

    const upload = tab.getByTestId('csv-upload-form');
    await upload.getByTestId('csv-kind-items').click();
    const bad = ['编码,名称,类别,单位,重点物资', 'quilt,棉被,安置类,床,是', 'sandbag,编织袋/沙袋,防汛类,,是'].join('\r\n');
    await upload.getByTestId('csv-file').setInputFiles({ name: '物资目录.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await upload.getByTestId('csv-upload').click();
    const problems = upload.getByTestId('csv-problem');
    await expect.poll(() => problems.count(), { timeout: 10_000 }).toBe(1);
    expect(await problems.first().getAttribute('data-line')).toBe('3');
    expect(await problems.first().textContent()).toMatch(/^第 3 行：单位/);
    expect(await upload.getByTestId('csv-rejected').textContent()).toContain('未导入任何内容');
    expect(dataOf(await admin.get<SupplyItem[]>('/api/supply-items')).length).toBe(before);
    expect(await tab.getByTestId('item-row').count()).toBe(before);

    const good = ['编码,名称,类别,单位,重点物资', 'quilt,棉被,安置类,床,是', 'sandbag,编织袋/沙袋,防汛类,条,是'].join('\r\n');
    await upload.getByTestId('csv-file').setInputFiles({ name: '物资目录.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await upload.getByTestId('csv-upload').click();
    await expect.poll(() => upload.getByTestId('csv-imported').textContent(), { timeout: 10_000 }).toBe('已导入 2 行：新增 2，更新 0，未变 0');
    await expect.poll(() => tab.getByTestId('item-row').count(), { timeout: 10_000 }).toBe(before + 2);

    // The export is UTF-8 with a BOM, so Excel opens it.
    const [download] = await Promise.all([page.waitForEvent('download'), tab.getByTestId('csv-download-items').click()]);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('sandbag,编织袋/沙袋,防汛类,条,是');
    await saveScreenshot(page, 'supplies-admin-csv');
    await page.close();
  });
});
