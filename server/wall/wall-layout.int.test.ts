import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallLayout } from '../../shared/schemas/wall';
import { startServer, type ServerHandle } from '../testing/server-process';
import { signInEveryRole, statusByRole, type SignedIn } from '../testing/overview-support';
import { TestClient, dataOf, eventually } from '../testing/int-support';

/** A layout as stored before the incident, shelter and depot layers could be switched off. */
const OLD_STORED_LAYOUT = { layers: { teams: true, trails: false, labels: true, townships: false }, trailMinutes: 45 };

let server: ServerHandle;
let as: SignedIn;

beforeAll(async () => {
  server = await startServer();
  await server.stop();
  const db = new SqliteDatabase(path.join(server.dataDir, 'tidewatch.sqlite'));
  db.prepare("insert into settings (key, value) values ('wall_layout', ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify(OLD_STORED_LAYOUT));
  db.close();
  await server.restart();
  as = await signInEveryRole(server);
});
afterAll(async () => server?.dispose());

describe('wall map layers for incidents, shelters and depots', () => {
  it('loads a layout stored before these layers existed, keeping its settings and showing the new layers', async () => {
    const expected = { layers: { ...OLD_STORED_LAYOUT.layers, incidents: true, shelters: true, depots: true, typhoon: true, warnings: true, stations: true }, trailMinutes: 45 };
    expect(dataOf(await as.http.wall.get<WallLayout>('/api/wall-layout'))).toEqual(expected);

    const wall = new TestClient(server.baseUrl, as.tokens.wall);
    await wall.connected();
    const hello = await wall.request('sync:hello', { lastSeq: null });
    wall.close();
    if (!hello.ok || hello.data.mode !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(hello)}`);
    expect(hello.data.snapshot.wallLayout).toEqual(expected);
  });

  it('lets only the desk roles switch a layer, and pushes the change to the wall', async () => {
    const shelterOff: WallLayout = { layers: { teams: true, trails: true, labels: true, townships: true, incidents: true, shelters: false, depots: true, typhoon: true, warnings: true, stations: true }, trailMinutes: 30 };
    const before = dataOf(await as.http.admin.get<WallLayout>('/api/wall-layout'));
    expect(await statusByRole(as, (http) => http.put('/api/wall-layout', shelterOff), ['wall', 'field'])).toEqual({ wall: 403, field: 403 });
    expect(dataOf(await as.http.admin.get<WallLayout>('/api/wall-layout'))).toEqual(before);

    const wall = new TestClient(server.baseUrl, as.tokens.wall);
    await wall.connected();
    await wall.request('sync:hello', { lastSeq: null });
    expect(dataOf(await as.http.duty.put<WallLayout>('/api/wall-layout', shelterOff))).toEqual(shelterOff);
    const pushed = await eventually(() => wall.events.find((e) => e.type === 'wall.layout_changed'), 5_000, 'the layout push');
    wall.close();
    expect(pushed.type === 'wall.layout_changed' && pushed.payload.layout.layers).toMatchObject({ incidents: true, shelters: false, depots: true });
    expect(dataOf(await as.http.wall.get<WallLayout>('/api/wall-layout')).layers.shelters).toBe(false);
    expect((await as.http.duty.put('/api/wall-layout', { ...shelterOff, layers: { ...shelterOff.layers, depots: 'off' } })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
