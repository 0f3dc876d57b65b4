import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { dropPostgresSchema, openStore, type Store } from '../db/database';
import { DeviceService } from '../devices/device-service';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { TeamService } from '../teams/team-service';
import { PositionHub } from './position-hub';
import { downsampleHistory } from './retention';
import { fix, silentLogger } from './test-support';
import { parseInput } from '../validation';
import { TeamCreateSchema } from '../../shared/schemas/team';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);
const DAY = 86_400_000;

/** The SQL that positions and devices write by hand (upserts, correlated deletes, increments), on both dialects. */
describe.each(['sqlite', 'postgres'] as const)('positions and devices on %s', (dialect) => {
  const schema = `tw_pos_${randomBytes(5).toString('hex')}`;
  let store: Store;
  let transactor: Transactor;
  let bus: EventBus;

  beforeAll(async () => {
    store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
    const log = new EventLog(store.db, () => NOW);
    bus = new EventBus(0, (a, b) => log.readRange(a, b), (e) => {
      throw e;
    });
    transactor = new Transactor(store.db, log, bus);
    const teams = new TeamService(store.db, transactor, () => NOW);
    for (const id of ['t1', 't2']) {
      await teams.create(parseInput(TeamCreateSchema, { name: id, kind: 'township', leader: '张三', phone: '110', headcount: 1, capabilities: [], baseName: '基地', base: { lat: 29.44, lon: 121.87 }, township: null }), SYSTEM_ACTOR, id);
    }
  });
  afterAll(async () => {
    bus.close();
    await store.close();
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });

  it('flushes history once per (device, t), loads the latest per team and reads trails and tracks', async () => {
    const hub = new PositionHub({ db: store.db, clock: () => NOW, publish: () => {}, logger: silentLogger });
    for (let i = 0; i < 1_200; i += 1) hub.accept(fix('t1', NOW - 1_200_000 + i * 1000));
    hub.accept(fix('t1', NOW - 1_200_000));
    hub.accept(fix('t2', NOW - 5_000, { lat: 29.5 }));
    await hub.close();
    const again = new PositionHub({ db: store.db, clock: () => NOW, publish: () => {}, logger: silentLogger });
    again.accept(fix('t2', NOW - 5_000, { lat: 29.5 }));
    await again.flush();
    await again.loadLatest();
    expect(again.latest().map((f) => [f.teamId, f.t]).sort()).toEqual([
      ['t1', NOW - 1_000],
      ['t2', NOW - 5_000],
    ]);
    const trails = await again.trails(NOW - 10_000);
    expect(trails.t1?.map((p) => p[2])).toEqual(Array.from({ length: 10 }, (_, i) => NOW - 10_000 + i * 1000));
    expect(trails.t2).toEqual([[121.87, 29.5, NOW - 5_000]]);
    expect((await again.track('t1', NOW - 3_000, NOW, 2)).map((f) => f.t)).toEqual([NOW - 2_000, NOW - 1_000]);
    await again.close();
  });

  it('downsamples old history with the correlated delete', async () => {
    const hub = new PositionHub({ db: store.db, clock: () => NOW, publish: () => {}, logger: silentLogger });
    const start = NOW - 40 * DAY;
    for (let i = 0; i < 18; i += 1) hub.accept(fix('t2', start + i * 10_000, { deviceId: 'old-device' }));
    await hub.close();
    expect(await downsampleHistory(store.db, NOW - 30 * DAY)).toBe(15);
    const left = await store.db.selectFrom('positions').select('t').where('device_id', '=', 'old-device').orderBy('t').execute();
    expect(left.map((r) => Number(r.t))).toEqual([start, start + 60_000, start + 120_000]);
  });

  it('registers, resolves and flushes device telemetry', async () => {
    const devices = new DeviceService(store.db, transactor, () => NOW);
    const credentials = await devices.register({ teamId: 't1', kind: 'osmand', name: 'Traccar' }, SYSTEM_ACTOR);
    expect(await devices.resolveOsmand(credentials.osmandId!)).toMatchObject({ teamId: 't1' });
    devices.noteRejected(credentials.device.id, 'too_old');
    devices.noteSeen(credentials.device.id, NOW);
    await devices.flush();
    devices.noteRejected(credentials.device.id, 'future_timestamp');
    await devices.flush();
    const row = await store.db.selectFrom('devices').selectAll().where('id', '=', credentials.device.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ rejected_fixes: 2, last_reject_reason: 'future_timestamp', last_seen_at: new Date(NOW).toISOString() });
    devices.noteSeen(credentials.device.id, NOW + 1, 57);
    devices.noteClockSkew(credentials.device.id, 290_000);
    devices.noteThinned(credentials.device.id);
    await devices.flush();
    const listed = (await devices.list()).find((d) => d.id === credentials.device.id);
    expect(listed).toMatchObject({ battery: 57, clockSkewMs: 290_000, thinnedFixes: 1 });
  });

  it('stores receive time and flags; a flagged fix is history only, never the latest or a trail point, even after a restart', async () => {
    const hub = new PositionHub({ db: store.db, clock: () => NOW, publish: () => {}, logger: silentLogger });
    hub.accept(fix('t2', NOW + 10_000, { deviceId: 'phone-9', lat: 29.61, receivedAt: NOW }));
    hub.accept(fix('t2', NOW + 20_000, { deviceId: 'phone-9', lat: 29.62, receivedAt: NOW + 1, flag: 'mock' }));
    await hub.close();
    const again = new PositionHub({ db: store.db, clock: () => NOW, publish: () => {}, logger: silentLogger });
    await again.loadLatest();
    expect(again.latestFor('t2')).toMatchObject({ lat: 29.61, receivedAt: NOW });
    expect((await again.trails(NOW)).t2?.map((p) => p[1])).toEqual([29.61]);
    expect((await again.track('t2', NOW, NOW + 60_000, 10)).map((f) => [f.lat, f.flag ?? null])).toEqual([
      [29.61, null],
      [29.62, 'mock'],
    ]);
    await again.close();
  });
});
