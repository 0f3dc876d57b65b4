import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Dispatch } from '../shared/schemas/dispatch';
import type { Shelter } from '../shared/schemas/shelter';
import type { SupplyRun } from '../shared/schemas/supply-run';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

let server: ServerHandle;
let browser: Browser;
let desk: ReturnType<typeof httpClient>;
let shelter: Shelter;
let team: Team;

const DEPOT = 'E2E-count';

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'count-desk', displayName: '林值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/depots', { id: DEPOT, name: '丹东街道物资仓库', tier: 'township', location: { lat: 29.4701, lon: 121.8754 }, manager: '周保管' }));
  dataOf(await admin.post('/api/supply-items', { id: 'tent', name: '帐篷', unit: '顶', keyItem: true }));
  dataOf(await admin.post('/api/supply-items', { id: 'quilt', name: '棉被', unit: '床', keyItem: true }));
  dataOf(await admin.post('/api/supply-items', { id: 'pump', name: '水泵', unit: '台' }));
  shelter = dataOf(await admin.post<Shelter>('/api/shelters', { name: '丹城实验小学安置点', level: 'township', township: '丹东街道', location: { lat: 29.4762, lon: 121.8705 }, capacity: 200 }));
  team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '丹东应急保障队' }));
  desk = httpClient(server.baseUrl, await login(server.baseUrl, 'count-desk', 'desk-password-1'));
  dataOf(await desk.post('/api/stock/movements', { kind: 'receipt', depotId: DEPOT, lines: [{ itemId: 'tent', quantity: 40 }, { itemId: 'quilt', quantity: 80 }], reason: '年度储备入库' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openSupplies(view: 'stocktake' | 'runs' | 'stock'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(page, server.baseUrl, 'count-desk', 'desk-password-1', /\/desk$/);
  await page.getByTestId('desk-tab-supplies').click();
  await page.getByTestId(`supplies-view-${view}`).click();
  return page;
}

const countRow = (page: Page, itemId: string) => page.locator(`[data-testid="stocktake-row"][data-item-id="${itemId}"]`);

describe('stocktake (盘点) on the desk', () => {
  it('shows each difference before it is recorded, holds back a count below what runs reserved, and records the rest in ledger and stock', async () => {
    // 10 tents are reserved for a run not yet on the road.
    dataOf(await desk.post('/api/supply-runs', { fromDepotId: DEPOT, destinationType: 'shelter', destinationId: shelter.id, lines: [{ itemId: 'tent', quantity: 10 }], reason: '安置点保障' }));
    const page = await openSupplies('stocktake');
    const form = page.getByTestId('stocktake-form');
    await form.getByTestId('stocktake-depot').selectOption(DEPOT);
    await expect.poll(() => countRow(page, 'tent').getByTestId('stocktake-book').textContent(), { timeout: 10_000 }).toMatch(/^\s*40\s*预留 10\s*$/);

    await countRow(page, 'tent').getByTestId('stocktake-counted').fill('5');
    await expect.poll(() => form.getByTestId('stocktake-problem').textContent()).toBe('不能少于已为调运预留的 10顶');
    await form.getByTestId('stocktake-reason').fill('汛前盘点');
    expect(await form.getByTestId('stocktake-submit').isDisabled()).toBe(true);

    await countRow(page, 'tent').getByTestId('stocktake-counted').fill('37');
    await countRow(page, 'quilt').getByTestId('stocktake-counted').fill('80');
    // Found though never on this depot's book.
    await countRow(page, 'pump').getByTestId('stocktake-counted').fill('2');
    expect(await countRow(page, 'tent').getByTestId('stocktake-difference').textContent()).toBe('−3');
    expect(await countRow(page, 'quilt').getByTestId('stocktake-difference').textContent()).toBe('0');
    expect(await countRow(page, 'pump').getByTestId('stocktake-difference').textContent()).toBe('+2');
    const summary = form.getByTestId('stocktake-summary');
    expect(await summary.locator('p').first().textContent()).toBe('已清点 3 项：盘盈 1 项，盘亏 1 项，与账面相符 1 项');
    expect(await summary.getByTestId('stocktake-change').allTextContents()).toEqual(['帐篷：账面 40顶，实盘 37顶，差异 −3顶', '水泵：账面 0台，实盘 2台，差异 +2台']);
    expect(await form.getByTestId('stocktake-submit').textContent()).toContain('登记盘点差异（2 项）');
    await saveScreenshot(page, 'supplies-stocktake-form');

    await form.getByTestId('stocktake-submit').click();
    await expect.poll(() => form.getByTestId('stocktake-ok').textContent(), { timeout: 10_000 }).toBe('已登记 2 项盘点差异，已计入台账');
    // The sheet is cleared for the next count, the matching count with it.
    expect(await countRow(page, 'quilt').getByTestId('stocktake-counted').inputValue()).toBe('');
    expect(await form.getByTestId('stocktake-summary').count()).toBe(0);
    // The ledger under the form: who and why, with the difference.
    const ledgerEntry = (itemName: string) => page.locator('[data-testid="ledger-entry"][data-kind="stocktake"]').filter({ hasText: itemName });
    await expect.poll(() => ledgerEntry('帐篷').count(), { timeout: 10_000 }).toBe(1);
    expect(await ledgerEntry('帐篷').locator('.qty').textContent()).toBe('-3顶');
    expect(await ledgerEntry('帐篷').getByTestId('ledger-who').textContent()).toBe('林值班：汛前盘点');
    expect(await ledgerEntry('水泵').locator('.qty').textContent()).toBe('+2台');
    // A count that matched the book leaves the ledger alone.
    expect(await ledgerEntry('棉被').count()).toBe(0);
    await saveScreenshot(page, 'supplies-stocktake-ledger');

    await page.getByTestId('supplies-view-stock').click();
    const stock = (itemId: string, cell: string) => page.locator(`[data-testid="depot-stock"][data-depot-id="${DEPOT}"] [data-testid="stock-row"][data-item-id="${itemId}"]`).getByTestId(cell);
    await expect.poll(() => stock('tent', 'stock-on-hand').textContent(), { timeout: 10_000 }).toMatch(/^\s*37/);
    expect(await stock('tent', 'stock-available').textContent()).toBe('27');
    expect(await stock('pump', 'stock-available').textContent()).toBe('2');
    await page.close();
  });
});

describe('supply runs carried by dispatches', () => {
  const runCard = (page: Page, id: string) => page.locator(`[data-testid="supply-run"][data-run-id="${id}"]`);

  it('creates a dispatch for a run from its form, then shows the dispatch’s team and state on the run as it moves', async () => {
    const page = await openSupplies('runs');
    await page.getByTestId('supply-run-new').click();
    const form = page.getByTestId('supply-run-form');
    await form.getByTestId('run-from-depot').selectOption(DEPOT);
    await form.getByTestId('run-destination-type-shelter').click();
    await form.getByTestId('run-destination').selectOption(shelter.id);
    await form.getByTestId('supply-line-item').selectOption('quilt');
    await form.getByTestId('supply-line-quantity').fill('20');
    await form.getByTestId('run-reason').fill('安置点夜间保暖');

    // The new-dispatch form opens headed for the shelter as a 物资运送 task, the run in its instructions.
    await form.getByTestId('run-new-dispatch').click();
    const dispatchForm = page.getByTestId('dispatch-form');
    await expect.poll(() => dispatchForm.getByTestId('dispatch-label').inputValue(), { timeout: 10_000 }).toBe(shelter.name);
    expect(await dispatchForm.getByTestId('dispatch-task-type').inputValue()).toBe('supply_run');
    expect(await dispatchForm.getByTestId('dispatch-instructions').inputValue()).toBe(`物资调运：丹东街道物资仓库 → ${shelter.name}。物资：棉被 20床。事由：安置点夜间保暖`);
    await dispatchForm.getByTestId('dispatch-coords').waitFor();
    await dispatchForm.locator('summary').click();
    await dispatchForm.locator(`[data-testid="dispatch-team-option"][data-team-id="${team.id}"] input`).check();
    await saveScreenshot(page, 'supplies-run-new-dispatch');
    await dispatchForm.getByTestId('dispatch-submit').click();

    // Back in the run form, the new dispatch is the one chosen to carry the run.
    await expect.poll(() => dispatchForm.count(), { timeout: 10_000 }).toBe(0);
    const dispatches = dataOf(await desk.get<Dispatch[]>('/api/dispatches'));
    const carrier = dispatches.find((d) => d.destination.label === shelter.name)!;
    expect(carrier.taskType).toBe('supply_run');
    await expect.poll(() => form.getByTestId('run-dispatch').inputValue()).toBe(carrier.id);
    expect(await form.getByTestId('run-dispatch').locator('option:checked').textContent()).toContain('丹东应急保障队');
    await form.getByTestId('run-allocate').click();

    await expect.poll(async () => (dataOf(await desk.get<SupplyRun[]>('/api/supply-runs')).find((r) => r.dispatchId === carrier.id) ? 1 : 0), { timeout: 10_000 }).toBe(1);
    const run = dataOf(await desk.get<SupplyRun[]>('/api/supply-runs')).find((r) => r.dispatchId === carrier.id)!;
    const card = runCard(page, run.id);
    const teamOnCard = card.getByTestId('supply-run-dispatch-team');
    await expect.poll(() => teamOnCard.textContent(), { timeout: 10_000 }).toContain('丹东应急保障队');
    expect(await teamOnCard.getAttribute('data-state')).toBe('created');
    expect(await teamOnCard.textContent()).toContain('待送达');

    // The team accepts by phone: the run shows it without a reload.
    dataOf(await desk.post(`/api/dispatches/${carrier.id}/steps`, { actionId: randomUUID(), teamId: team.id, to: 'accepted', channel: 'phone' }));
    await expect.poll(() => teamOnCard.getAttribute('data-state'), { timeout: 10_000 }).toBe('accepted');
    expect(await teamOnCard.textContent()).toContain('已接受');
    await saveScreenshot(page, 'supplies-run-carried-by-dispatch');

    // From the run to the dispatch's detail.
    await card.getByTestId('supply-run-dispatch-open').click();
    await expect.poll(() => page.getByTestId('dispatch-detail').getAttribute('data-dispatch-id'), { timeout: 10_000 }).toBe(carrier.id);
    await page.close();
  });

  it('lets a run be carried by a dispatch already under way', async () => {
    const existing = dataOf(
      await desk.post<Dispatch>('/api/dispatches', {
        actionId: randomUUID(),
        teamIds: [team.id],
        taskType: 'supply_run',
        priority: 'urgent',
        destination: { lat: shelter.location.lat, lon: shelter.location.lon, label: '丹城实验小学' },
      }),
    );
    const page = await openSupplies('runs');
    await page.getByTestId('supply-run-new').click();
    const form = page.getByTestId('supply-run-form');
    await form.getByTestId('run-from-depot').selectOption(DEPOT);
    await form.getByTestId('run-destination').selectOption(shelter.id);
    await form.getByTestId('supply-line-item').selectOption('quilt');
    await form.getByTestId('supply-line-quantity').fill('5');
    await form.getByTestId('run-reason').fill('补充棉被');
    await expect.poll(() => form.getByTestId('run-dispatch').locator(`option[value="${existing.id}"]`).count(), { timeout: 10_000 }).toBe(1);
    await form.getByTestId('run-dispatch').selectOption(existing.id);
    await form.getByTestId('run-allocate').click();

    await expect.poll(async () => dataOf(await desk.get<SupplyRun[]>('/api/supply-runs')).filter((r) => r.dispatchId === existing.id).length, { timeout: 10_000 }).toBe(1);
    const run = dataOf(await desk.get<SupplyRun[]>('/api/supply-runs')).find((r) => r.dispatchId === existing.id)!;
    await expect.poll(() => runCard(page, run.id).getByTestId('supply-run-dispatch-team').getAttribute('data-state'), { timeout: 10_000 }).toBe('created');
    await page.close();
  });
});
