import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/schemas/alarm';
import type { Incident } from '../../shared/schemas/incident';
import type { Reading, StationState } from '../../shared/schemas/sensor-reading';
import type { Station } from '../../shared/schemas/station';
import { dataOf, eventually } from '../testing/int-support';
import { signInEveryRole, type SignedIn } from '../testing/overview-support';
import { startServer, type ServerHandle } from '../testing/server-process';

// Lekima (2019), JMA best track (server/typhoon/fixtures/ATTRIBUTION.md): it passed east of Xiangshan on 9–10 August.
const LEKIMA = readFileSync(new URL('../typhoon/fixtures/jma_bst_1909_lekima.txt', import.meta.url), 'utf8');

let server: ServerHandle;
let as: SignedIn;

beforeAll(async () => {
  // The simulation clock starts at 12 UTC on 9 August 2019, half a storm-hour per real second.
  server = await startServer({ env: { SIMULATE: '1', SIMULATE_STORM_CLOCK: '2019-08-09T12:00:00Z', SIMULATE_SPEED: '1800', SENSOR_PUSH_MS: '50' } });
  as = await signInEveryRole(server);
}, 60_000);
afterAll(async () => server?.dispose());

const stateOf = async (id: string) => dataOf(await as.http.wall.get<StationState[]>('/api/stations/states')).find((s) => s.stationId === id);

describe('the storm-driven gauge simulation (SIMULATE=1)', () => {
  it('reads quiet weather without a storm; with Lekima over the county its gauges alarm and a red rain drafts an incident', async () => {
    const station = dataOf(await as.http.admin.post<Station>('/api/stations', { code: 'SIM-RG', name: '石浦模拟雨量站', kind: 'rain', location: { lat: 29.2, lon: 121.94 }, elements: ['rain', 'voltage'], reportIntervalSeconds: 300 }));

    // Without a storm the gauge still reports, through the ingest, and stays normal.
    await eventually(async () => ((await stateOf(station.id))?.heardAt ? true : null), 15_000, 'simulated readings');
    const readings = dataOf(await as.http.wall.get<Reading[]>(`/api/stations/${station.id}/readings?from=0`));
    expect(readings.length).toBeGreaterThan(0);
    expect(readings.every((r) => r.source === 'simulated' && (r.element !== 'rain' || r.value === 0))).toBe(true);
    expect((await stateOf(station.id))?.condition).toBe('normal');

    const imported = await fetch(`${server.baseUrl}/api/typhoons/import?historical=true`, { method: 'POST', headers: { authorization: `Bearer ${as.tokens.duty}`, 'content-type': 'text/plain' }, body: LEKIMA });
    expect(imported.status).toBe(200);

    const alarm = await eventually(async () => dataOf(await as.http.duty.get<Alarm[]>('/api/alarms')).find((a) => a.sourceId === station.id && a.kind === 'gauge_rain' && a.params.signal === 'red'), 30_000, 'red rain alarm');
    expect(alarm).toMatchObject({ severity: 'critical', params: { stationName: '石浦模拟雨量站' } });
    expect((await stateOf(station.id))?.condition).toBe('danger');
    const incident = await eventually(async () => dataOf(await as.http.duty.get<Incident[]>('/api/incidents')).find((i) => i.source === 'sensor' && i.place === '石浦模拟雨量站'), 10_000, 'drafted incident');
    expect(incident.status).toBe('reported');
  }, 90_000);
});
