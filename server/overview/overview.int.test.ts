import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../shared/schemas/device';
import type { Fix } from '../../shared/schemas/position';
import type { Team } from '../../shared/schemas/team';
import type { WallLayout } from '../../shared/schemas/wall';
import { REPO_ROOT, SERVER_ENTRY, startServer, type ServerHandle } from '../testing/server-process';
import { TEAM_INPUT, TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';

describe('alarms and the wall layout', () => {
  let server: ServerHandle;
  let admin: ReturnType<typeof httpClient>;
  let wall: TestClient;

  beforeAll(async () => {
    server = await startServer({ env: { STALE_AFTER_SECONDS: '2' } });
    admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
    dataOf(await admin.post('/api/users', { username: 'wall-b', displayName: '大屏B', role: 'wall', password: 'wall-password-1' }));
    wall = new TestClient(server.baseUrl, await login(server.baseUrl, 'wall-b', 'wall-password-1'));
    await wall.connected();
    await wall.request('sync:hello', { lastSeq: null });
  });
  afterAll(async () => {
    wall?.close();
    await server?.dispose();
  });

  it('raises an alarm on the wall when a unit stops reporting, and clears it when it reports again', async () => {
    const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '失联队' }));
    const device = dataOf(await admin.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'osmand', name: '终端' }));
    const report = () => fetch(`http://127.0.0.1:${server.osmandPort}/?id=${device.osmandId}&lat=29.45&lon=121.88&timestamp=${Date.now()}`);
    expect((await report()).status).toBe(200);
    const raised = await eventually(() => wall.events.find((e) => e.type === 'alarm.raised' && e.payload.alarm.sourceId === team.id), 8_000, 'the silence alarm');
    expect(raised.type === 'alarm.raised' && raised.payload.alarm).toMatchObject({ kind: 'unit_silent', severity: 'warning', params: { teamName: '失联队' } });

    const duty = new TestClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
    await duty.connected();
    const alarmId = raised.type === 'alarm.raised' ? raised.payload.alarm.id : '';
    expect(await duty.request('alarm:acknowledge', { alarmId })).toMatchObject({ ok: true, data: { state: 'acknowledged', acknowledgedBy: '系统管理员' } });
    duty.close();

    expect((await report()).status).toBe(200);
    await eventually(() => wall.events.some((e) => e.type === 'alarm.cleared' && e.payload.alarm.id === alarmId), 5_000, 'the alarm to clear');
  });

  it('pushes a layout set on the desk to every wall, and keeps it', async () => {
    const layout: WallLayout = { layers: { teams: true, trails: false, labels: true, townships: true, incidents: true, shelters: false, depots: true, typhoon: true, warnings: true, stations: true }, trailMinutes: 60 };
    dataOf(await admin.put('/api/wall-layout', layout));
    await eventually(() => wall.events.some((e) => e.type === 'wall.layout_changed' && e.payload.layout.trailMinutes === 60), 3_000, 'the layout push');
    expect(dataOf(await admin.get<WallLayout>('/api/wall-layout'))).toEqual(layout);
    expect((await admin.put('/api/wall-layout', { ...layout, trailMinutes: 100_000 })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('operations', () => {
  it('flushes positions taken just before a graceful stop', async () => {
    const server = await startServer();
    try {
      const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
      const team = dataOf(await admin.post<Team>('/api/teams', TEAM_INPUT));
      const device = dataOf(await admin.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'osmand', name: '终端' }));
      expect((await fetch(`http://127.0.0.1:${server.osmandPort}/?id=${device.osmandId}&lat=29.4321&lon=121.8765&timestamp=${Date.now()}`)).status).toBe(200);
      await server.stop('SIGTERM');
      expect(server.exit?.code).toBe(0);
      const db = new SqliteDatabase(path.join(server.dataDir, 'tidewatch.sqlite'), { readonly: true });
      expect(db.prepare('select lat from positions where team_id = ?').all(team.id)).toEqual([{ lat: 29.4321 }]);
      db.close();
    } finally {
      await server.dispose();
    }
  });

  it('seeds the demo county and moves simulated teams through the real ingest paths', async () => {
    const server = await startServer({ env: { SEED: 'demo', SIMULATE: '1' } });
    try {
      const accounts = fs.readFileSync(path.join(server.dataDir, 'demo-accounts.txt'), 'utf8');
      expect(accounts).toMatch(/commander\s+commander\s+\S+/);
      const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
      expect(dataOf(await admin.get<Team[]>('/api/teams')).length).toBeGreaterThanOrEqual(20);
      const first = await eventually(async () => {
        const fixes = dataOf(await admin.get<Fix[]>('/api/positions/latest'));
        return fixes.length >= 5 ? fixes : null;
      }, 10_000, 'simulated fixes');
      const devices = dataOf(await admin.get<Array<{ kind: string }>>('/api/devices'));
      expect(new Set(devices.map((d) => d.kind))).toEqual(new Set(['osmand', 'owntracks']));
      await eventually(async () => {
        const later = dataOf(await admin.get<Fix[]>('/api/positions/latest'));
        return later.some((f) => first.some((g) => g.teamId === f.teamId && (g.lat !== f.lat || g.lon !== f.lon)));
      }, 10_000, 'a simulated team to move');
    } finally {
      await server.dispose();
    }
  });

  it('backs up the SQLite store online while the server runs', async () => {
    const server = await startServer();
    try {
      const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
      dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '备份队' }));
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/server/backup.js')], { env: { ...process.env, DATA_DIR: server.dataDir }, encoding: 'utf8' });
      expect(run.status).toBe(0);
      const file = /backup written: (\S+)/.exec(run.stdout)?.[1];
      expect(file && fs.existsSync(file)).toBe(true);
      const copy = new SqliteDatabase(file!, { readonly: true });
      expect(copy.prepare('select name from teams').all()).toEqual([{ name: '备份队' }]);
      copy.close();
    } finally {
      await server.dispose();
    }
  });

  it('refuses to boot on invalid configuration, naming the variable', () => {
    const run = spawnSync(process.execPath, [SERVER_ENTRY], { env: { ...process.env, PORT: 'eighty', DATA_DIR: '/tmp/tw-bad-config' }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Invalid configuration/);
    expect(run.stderr).toMatch(/PORT/);
  });
});
