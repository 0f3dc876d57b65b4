import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Shelter, ShelterMovement } from '../shared/schemas/shelter';
import type { SupplyRun } from '../shared/schemas/supply-run';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';
import { clickMapAt } from './support/map';

let server: ServerHandle;
let browser: Browser;
let admin: ReturnType<typeof httpClient>;
let duty: ReturnType<typeof httpClient>;

const NAME = '鹤浦中心小学安置点';
const DEPOT = 'E2E-county';

beforeAll(async () => {
  server = await startServer();
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'registry-desk', displayName: '林值班', role: 'duty_officer', password: 'desk-password-1' }));
  duty = httpClient(server.baseUrl, await login(server.baseUrl, 'registry-desk', 'desk-password-1'));
  dataOf(await admin.post('/api/depots', { id: DEPOT, name: '象山县救灾物资储备库', tier: 'county', location: { lat: 29.4523, lon: 121.8652 }, manager: '孙国庆' }));
  dataOf(await admin.post('/api/supply-items', { id: 'quilt', name: '棉被', unit: '条', category: '安置类', keyItem: true }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Delivers quilts to the shelter the way the desk does: receipt at the depot, then a supply run there. */
async function deliverQuilts(shelterId: string, quantity: number): Promise<void> {
  dataOf(await duty.post('/api/stock/movements', { kind: 'receipt', depotId: DEPOT, lines: [{ itemId: 'quilt', quantity }], reason: '入库' }));
  const run = dataOf(await duty.post<SupplyRun>('/api/supply-runs', { fromDepotId: DEPOT, destinationType: 'shelter', destinationId: shelterId, lines: [{ itemId: 'quilt', quantity }], reason: '安置点保障' }));
  dataOf(await duty.post(`/api/supply-runs/${run.id}/depart`, { eta: new Date(Date.now() + 3_600_000).toISOString() }));
  dataOf(await duty.post(`/api/supply-runs/${run.id}/arrive`, {}));
}

/** hh:mm of an instant in Beijing time, worked out by hand (the browser runs in another zone). */
const beijingClock = (iso: string) => {
  const at = new Date(iso);
  return `${String((at.getUTCHours() + 8) % 24).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
};

describe('shelter registry', () => {
  it('the admin registers a shelter in 鹤浦镇; the desk sees it without reloading, checks 10 people in and sees it in the history', async () => {
    // The desk's browser runs in New York time: times on screen must still be Beijing time.
    const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 }, timezoneId: 'America/New_York' });
    await signIn(desk, server.baseUrl, 'registry-desk', 'desk-password-1', /\/desk$/);
    await desk.getByTestId('desk-tab-shelters').click();
    await desk.getByTestId('shelter-list').waitFor();
    await desk.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));

    const adminPage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(adminPage, server.baseUrl, 'admin', server.adminPassword, /\/desk$/);
    await adminPage.goto(`${server.baseUrl}/admin`);
    await adminPage.getByTestId('admin-tab-shelters').click();
    await adminPage.getByTestId('shelter-new').click();
    const form = adminPage.getByTestId('shelter-form');
    await form.getByTestId('shelter-form-name').fill(NAME);
    await form.getByTestId('shelter-form-level').selectOption('township');
    // A click on the map places the shelter and fills in the township it falls in.
    await clickMapAt(adminPage, form, 29.12, 121.93);
    await expect.poll(() => form.getByTestId('shelter-form-township').inputValue(), { timeout: 10_000 }).toBe('鹤浦镇');
    expect(Number(await form.getByTestId('shelter-form-lat').inputValue())).toBeCloseTo(29.12, 2);
    expect(Number(await form.getByTestId('shelter-form-lon').inputValue())).toBeCloseTo(121.93, 2);
    await form.getByTestId('shelter-form-address').fill('象山县鹤浦镇小百丈村');
    await form.getByTestId('shelter-form-capacity').fill('50');
    const facilities = form.getByTestId('shelter-form-facilities');
    await facilities.locator('label.chip', { hasText: '教室' }).click();
    await facilities.locator('label.chip', { hasText: '卫生间' }).click();
    await form.getByTestId('shelter-form-facility-new').fill('母婴室');
    await form.getByTestId('shelter-form-facility-add').click();
    await form.getByTestId('shelter-form-contact-name').fill('王校长');
    await form.getByTestId('shelter-form-contact-phone').fill('0574-65000000');
    await form.getByTestId('shelter-form-save').click();
    await form.waitFor({ state: 'detached', timeout: 10_000 });

    const registered = dataOf(await admin.get<Shelter[]>('/api/shelters')).find((s) => s.name === NAME)!;
    expect(registered).toMatchObject({
      level: 'township',
      township: '鹤浦镇',
      address: '象山县鹤浦镇小百丈村',
      capacity: 50,
      facilities: ['教室', '卫生间', '母婴室'],
      contactName: '王校长',
      contactPhone: '0574-65000000',
      status: 'closed',
      occupancy: 0,
    });
    const adminRow = adminPage.locator(`[data-testid="shelter-admin-row"][data-shelter-id="${registered.id}"]`);
    expect(await adminRow.getByTestId('shelter-occupancy').textContent()).toContain('0/50');

    // The desk, untouched since the shelter existed, lists it under 鹤浦镇.
    const row = desk.locator(`[data-testid="shelter-township"][data-township="鹤浦镇"] [data-testid="shelter-row"][data-shelter-id="${registered.id}"]`);
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain('0/50');
    await row.click();
    const detail = desk.getByTestId('shelter-detail');
    await expect.poll(() => detail.getByTestId('shelter-history').textContent(), { timeout: 10_000 }).toContain('暂无登记记录');
    await detail.getByTestId('shelter-open').click();
    await expect.poll(() => detail.getByTestId('shelter-detail-status').textContent(), { timeout: 10_000 }).toContain('开放');

    await detail.getByTestId('shelter-people').fill('10');
    await detail.getByTestId('shelter-note').fill('小百丈村转移');
    await detail.getByTestId('shelter-record').click();
    await expect.poll(() => detail.getByTestId('shelter-occupancy').textContent(), { timeout: 10_000 }).toContain('10/50');
    const entries = detail.getByTestId('shelter-movement');
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(1);
    const [checkIn] = dataOf(await duty.get<ShelterMovement[]>(`/api/shelters/${registered.id}/movements`));
    const first = await entries.first().textContent();
    for (const part of ['转入安置', '10 人', '林值班', '小百丈村转移', beijingClock(checkIn!.at)]) expect(first).toContain(part);

    // Newest first: a check-out goes on top.
    await detail.getByTestId('shelter-kind-check_out').check();
    await detail.getByTestId('shelter-people').fill('3');
    await detail.getByTestId('shelter-note').fill('返回家中');
    await detail.getByTestId('shelter-record').click();
    await expect.poll(async () => (await entries.all()).length, { timeout: 10_000 }).toBe(2);
    expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['check_out', 'check_in']);
    expect(await entries.first().textContent()).toContain('返回家中');

    // Supplies delivered to the shelter show with the catalogue's name and unit.
    expect(await detail.getByTestId('shelter-supplies').textContent()).toContain('暂无物资');
    await deliverQuilts(registered.id, 60);
    await expect.poll(() => detail.locator('[data-testid="shelter-supply"][data-item-id="quilt"]').textContent(), { timeout: 10_000 }).toBe('60条');
    expect(await detail.getByTestId('shelter-supplies').textContent()).toContain('棉被');
    expect(await desk.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // The admin's list follows the desk live; a capacity below the people checked in is refused in words.
    await expect.poll(() => adminRow.getByTestId('shelter-occupancy').textContent(), { timeout: 10_000 }).toContain('7/50');
    await adminRow.getByTestId('shelter-edit').click();
    await form.getByTestId('shelter-form-capacity').fill('5');
    await form.getByTestId('shelter-form-save').click();
    await expect.poll(() => adminPage.getByTestId('shelters-admin-error').textContent(), { timeout: 10_000 }).toBe('已有 7 人在住，容量不能低于在住人数');
    expect(dataOf(await admin.get<Shelter>(`/api/shelters/${registered.id}`)).capacity).toBe(50);

    await saveScreenshot(desk, 'shelter-registry-desk');
    await saveScreenshot(adminPage, 'shelter-registry-admin');
    await desk.close();
    await adminPage.close();
  });
});
