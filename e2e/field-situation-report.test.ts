import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Incident } from '../shared/schemas/incident';
import type { IncidentDetail } from '../shared/schemas/incident-record';
import type { Team } from '../shared/schemas/team';
import { TEAM_INPUT, dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy';

let server: ServerHandle;
let proxy: TcpProxy;
let browser: Browser;
let admin: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startServer();
  proxy = await startTcpProxy(server.port);
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '东陈救援队', township: '东陈乡', base: { lat: 29.37, lon: 121.9 } }));
  dataOf(await admin.post('/api/users', { username: 'tablet-dc', displayName: '东陈平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.dispose();
});

describe('灾情上报 from a tablet', () => {
  it('queues a report with a downscaled photo while cut, and it lands as an incident once back', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, permissions: ['geolocation'], geolocation: { latitude: 29.3736, longitude: 121.9039, accuracy: 10 } });
    const page = await context.newPage();
    await signIn(page, proxy.url, 'tablet-dc', 'tablet-password-1', /\/field$/);
    await expect.poll(() => page.getByTestId('connection-state').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('online');

    // A big noisy camera photo (4000×3000), made in the page.
    const photo = await page.evaluate(async () => {
      const c = document.createElement('canvas');
      c.width = 4000;
      c.height = 3000;
      const ctx = c.getContext('2d')!;
      const img = ctx.createImageData(c.width, c.height);
      for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 2654435761) % 251;
      ctx.putImageData(img, 0, 0);
      const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/jpeg', 0.98));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
      return btoa(s);
    });

    proxy.cut();
    await page.getByTestId('situation-open').click();
    await page.getByTestId('situation-type-landslide').click();
    await page.getByTestId('situation-text').fill('红庙山村后山滑坡，两户房屋受威胁');
    await page.getByTestId('situation-photo').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo, 'base64') });
    await expect.poll(() => page.getByTestId('situation-photo-preview').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('situation-position').textContent(), { timeout: 10_000 }).toContain('29.37360');
    await page.getByTestId('situation-send').click();
    await expect.poll(() => page.getByTestId('situation-queued').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="outbox-item"][data-kind="incident:field_report"]').count(), { timeout: 5_000 }).toBe(1);
    await saveScreenshot(page, 'field-situation-queued');

    proxy.restore();
    await expect.poll(() => page.locator('[data-testid="outbox-item"][data-kind="incident:field_report"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByTestId('outbox-failed').count()).toBe(0);

    const incidents = dataOf(await admin.get<Incident[]>('/api/incidents?open=true'));
    const filed = incidents.filter((i) => i.source === 'field_report');
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ type: 'landslide', township: '东陈乡', location: { lat: 29.3736, lon: 121.9039 } });
    const detail = dataOf(await admin.get<IncidentDetail>(`/api/incidents/${filed[0]!.id}`));
    expect(detail.incident.account).toBe('红庙山村后山滑坡，两户房屋受威胁');
    expect(detail.attachments).toHaveLength(1);
    expect(detail.attachments[0]).toMatchObject({ mime: 'image/jpeg' });
    expect(detail.attachments[0]!.bytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    await context.close();
  });
});
