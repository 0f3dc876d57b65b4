import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Dispatch } from '../shared/schemas/dispatch';
import type { Incident } from '../shared/schemas/incident';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

let server: ServerHandle;
let browser: Browser;
let desk: ReturnType<typeof httpClient>;
let incident: Incident;
let dispatch: Dispatch;

beforeAll(async () => {
  server = await startServer();
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '丹城排涝队' }));
  dataOf(await admin.post('/api/users', { username: 'detail-desk', displayName: '郑值班', role: 'duty_officer', password: 'desk-password-1' }));
  desk = httpClient(server.baseUrl, await login(server.baseUrl, 'detail-desk', 'desk-password-1'));
  incident = dataOf(
    await desk.post<Incident>('/api/incidents', { title: '丹城新华路积水', type: 'waterlogging', severity: 'general', source: 'phone', location: { lat: 29.4701, lon: 121.8953 }, place: '新华路与丹河路口' }),
  );
  dispatch = dataOf(
    await desk.post<Dispatch>('/api/dispatches', {
      actionId: randomUUID(),
      teamIds: [team.id],
      taskType: 'rescue',
      priority: 'urgent',
      destination: { lat: 29.4701, lon: 121.8953, label: '新华路口' },
      incidentId: incident.id,
    }),
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('incident detail on the desk', () => {
  it('shows the photos full size, the dispatches serving the incident, and starts another dispatch for it', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, server.baseUrl, 'detail-desk', 'desk-password-1', /\/desk$/);
    // A 640×480 photo as a tablet would send it, drawn by the browser itself.
    const photo = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#1d4ed8';
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = '#fde047';
      g.fillRect(80, 80, 200, 120);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });

    await page.getByTestId('desk-tab-incidents').click();
    await page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"]`).click();
    const detail = page.getByTestId('incident-detail');
    await expect.poll(() => detail.getByTestId('incident-attachments').textContent(), { timeout: 10_000 }).toContain('暂无照片');

    // A photo added while the detail is open shows up by itself.
    dataOf(await desk.post(`/api/incidents/${incident.id}/attachments`, { mime: 'image/png', dataBase64: photo, caption: '路口积水' }));
    const thumb = detail.getByTestId('incident-photo');
    const thumbImage = thumb.locator('img');
    await expect.poll(() => thumbImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(640);
    const thumbWidth = (await thumbImage.boundingBox())!.width;
    await thumb.click();
    const full = page.getByTestId('incident-photo-full');
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 5_000 }).toBe(640);
    expect((await full.boundingBox())!.width).toBeGreaterThan(thumbWidth * 4);
    expect(await page.getByTestId('incident-photo-viewer').textContent()).toContain('路口积水');
    await saveScreenshot(page, 'incident-detail-photo');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('incident-photo-viewer').count()).toBe(0);

    // The dispatch serving it, with its team's state.
    const row = detail.locator(`[data-testid="incident-dispatch"][data-dispatch-id="${dispatch.id}"]`);
    expect(await row.textContent()).toContain('丹城排涝队');
    expect(await row.locator('[data-state]').last().getAttribute('data-state')).toBe('created');
    await saveScreenshot(page, 'incident-detail-desk');

    // Another dispatch starts linked to the incident and headed for where it is.
    await detail.getByTestId('incident-new-dispatch').click();
    const form = page.getByTestId('dispatch-form');
    await expect.poll(() => form.getByTestId('dispatch-incident').inputValue(), { timeout: 5_000 }).toBe(incident.id);
    await expect.poll(() => form.getByTestId('dispatch-coords').textContent(), { timeout: 5_000 }).toContain('29.47010');
    expect(await form.getByTestId('dispatch-label').inputValue()).toBe('新华路与丹河路口');
    await page.close();
  });
});
