import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Station } from '../shared/schemas/station';
import { dataOf, httpClient, login } from '../server/testing/int-support';
import { startServer, type ServerHandle } from '../server/testing/server-process';
import { launchChromium, saveScreenshot, signIn } from './support/browser';

// Readings are published over MQTT to the local Mosquitto, as a field gauge would.
const BROKER = 'mqtt://127.0.0.1:1883';
const run = randomBytes(4).toString('hex');

let server: ServerHandle;
let browser: Browser;
let desk: Page;
let wall: Page;
let gauge: mqtt.MqttClient;
let reservoir: Station;
let rain: Station;

type StationsHook = { __tidewatch?: { stationsOnMap?: () => Array<{ id: string; condition: string }> } };
const conditionOnMap = (page: Page, id: string) => page.evaluate((stationId) => (window as unknown as StationsHook).__tidewatch?.stationsOnMap?.().find((s) => s.id === stationId)?.condition ?? null, id);
const publish = (code: string, payload: unknown) => gauge.publishAsync(`tidewatch/stations/${code}/telemetry`, JSON.stringify(payload), { qos: 1 });

beforeAll(async () => {
  server = await startServer({ env: { MQTT_URL: BROKER, MQTT_CLIENT_ID: `tidewatch-e2e-${run}`, MQTT_SESSION_EXPIRY_SECONDS: '120', SENSOR_PUSH_MS: '50' } });
  const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  dataOf(await admin.post('/api/users', { username: 'gauge-desk', displayName: '监测值班', role: 'duty_officer', password: 'desk-password-1' }));
  dataOf(await admin.post('/api/users', { username: 'gauge-wall', displayName: '一号大屏', role: 'wall', password: 'wall-password-1' }));
  const level = { warning: 20, guaranteed: 22, hysteresis: 0.05 };
  reservoir = dataOf(await admin.post<Station>('/api/stations', { code: `RES-${run}`, name: '仓岙水库', kind: 'reservoir', location: { lat: 29.45, lon: 121.8 }, elements: ['level_upstream', 'rain'], thresholds: { level }, reportIntervalSeconds: 300 }));
  rain = dataOf(await admin.post<Station>('/api/stations', { code: `RG-${run}`, name: '石浦雨量站', kind: 'rain', location: { lat: 29.2, lon: 121.94 }, elements: ['rain'], reportIntervalSeconds: 300 }));
  gauge = await mqtt.connectAsync(BROKER, { clientId: `gauge-e2e-${run}` });
  browser = await launchChromium();
  wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await signIn(wall, server.baseUrl, 'gauge-wall', 'wall-password-1', /\/wall$/);
  desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await signIn(desk, server.baseUrl, 'gauge-desk', 'desk-password-1', /\/desk$/);
  await desk.getByTestId('desk-tab-gauges').click();
}, 90_000);
afterAll(async () => {
  await gauge?.endAsync();
  await browser?.close();
  await server?.dispose();
});

describe('gauges on the desk and the wall', () => {
  it('charts a reservoir’s readings on the desk with its 警戒 and 保证 lines, and the rain that fell', async () => {
    const now = Date.now();
    await publish(reservoir.code, [
      { ts: now - 3 * 3_600_000, values: { level_upstream: 18.6, rain: 0 } },
      { ts: now - 2 * 3_600_000, values: { level_upstream: 19.1, rain: 6 } },
      { ts: now - 3_600_000, values: { level_upstream: 19.5, rain: 9.5 } },
    ]);
    const row = desk.locator(`[data-testid="gauge-row"][data-station-id="${reservoir.id}"]`);
    await expect.poll(() => row.getAttribute('data-group'), { timeout: 15_000 }).toBe('normal');
    await row.click();
    const chart = desk.getByTestId('station-chart');
    await expect.poll(() => chart.getAttribute('data-panels'), { timeout: 10_000 }).toBe('rain level');
    await expect.poll(() => chart.locator('[data-testid="station-chart-level"][data-element="level_upstream"]').getAttribute('data-last'), { timeout: 10_000 }).toBe('19.5');
    const lines = chart.getByTestId('station-chart-line');
    expect(await lines.evaluateAll((els) => els.map((el) => [el.getAttribute('data-line'), el.getAttribute('data-value')]))).toEqual([
      ['warning', '20'],
      ['guaranteed', '22'],
    ]);
    expect(await chart.getByTestId('station-chart-rain').getAttribute('data-total')).toBe('15.5');
    await desk.getByTestId('station-hours-72').click();
    await expect.poll(() => chart.getAttribute('data-points'), { timeout: 10_000 }).toBe('73');
    expect(await desk.getByTestId('station-detail').getAttribute('data-group')).toBe('normal');
    await saveScreenshot(desk, 'gauges-desk-chart');
  });

  it('turns the station to alarm when its level passes the guaranteed line: red on the wall layer, in the wall top-10, and the desk alarm opens it', async () => {
    const now = Date.now();
    await publish(reservoir.code, { ts: now, values: { level_upstream: 22.4 } });
    await publish(rain.code, [{ ts: now - 30 * 60_000, values: { rain: 12 } }, { ts: now, values: { rain: 16.5 } }]);

    await expect.poll(() => conditionOnMap(wall, reservoir.id), { timeout: 15_000 }).toBe('danger');
    const levels = wall.getByTestId('wall-gauges-levels');
    await expect.poll(() => levels.locator(`[data-station-id="${reservoir.id}"]`).textContent(), { timeout: 10_000 }).toContain('+2.40');
    const rainTop = wall.getByTestId('wall-gauges-rain');
    await expect.poll(() => rainTop.locator(`[data-station-id="${rain.id}"]`).textContent(), { timeout: 10_000 }).toContain('28.5');
    await saveScreenshot(wall, 'gauges-wall');

    // The desk: the station heads the list as 告警, and its gauge alarm leads back to it.
    await expect.poll(() => desk.getByTestId('gauge-row').first().getAttribute('data-station-id'), { timeout: 10_000 }).toBe(reservoir.id);
    expect(await desk.getByTestId('station-detail').getAttribute('data-group')).toBe('alarm');
    await desk.getByTestId('desk-tab-incidents').click();
    const alarm = desk.locator('[data-testid="alarm-item"][data-kind="gauge_level"]');
    await alarm.getByTestId('alarm-message').click();
    await expect.poll(() => desk.getByTestId('station-detail').getAttribute('data-station-id'), { timeout: 10_000 }).toBe(reservoir.id);
    expect(new URL(desk.url()).pathname).toBe('/desk/gauges');
  });
});
