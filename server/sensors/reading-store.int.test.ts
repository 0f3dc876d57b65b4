import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import type { Reading } from '../../shared/schemas/sensor-reading';
import { StationCreateSchema } from '../../shared/schemas/station';
import { dropPostgresSchema, openStore, type Store } from '../db/database';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { ReadingRetentionJob } from './reading-retention';
import { insertReadings, readReadings } from './reading-store';
import { StationService } from './station-service';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const T0 = Date.parse('2026-09-14T00:00:00Z');
const silent = { info: () => undefined, error: () => undefined, warn: () => undefined } as never;

describe.each(['sqlite', 'postgres'] as const)('gauge storage on %s', (dialect) => {
  const schema = `tw_test_${randomBytes(5).toString('hex')}`;
  let store: Store;
  let stations: StationService;

  beforeAll(async () => {
    store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
    const log = new EventLog(store.db);
    const bus = new EventBus(await log.currentSeq(), (a, b) => log.readRange(a, b), (e) => {
      throw e;
    });
    stations = new StationService(store.db, new Transactor(store.db, log, bus), () => T0);
  });
  afterAll(async () => {
    await store.close();
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });

  it('stores a reading once however often it is resent, and tells which were new', async () => {
    const r = (element: Reading['element'], observedAt: number, value: number | null): Reading => ({ stationId: 'st-1', element, observedAt, value, source: 'sl651' });
    const first = await insertReadings(store.db, [r('level', T0, 3.2), r('rain_total', T0, 100), r('voltage', T0, null), r('level', T0, 3.2)], T0);
    expect(first.map((x) => x.element)).toEqual(['level', 'rain_total', 'voltage']);
    const again = await insertReadings(store.db, [r('level', T0, 3.3), r('level', T0 + 60_000, 3.4)], T0 + 60_000);
    expect(again.map((x) => [x.element, x.observedAt])).toEqual([['level', T0 + 60_000]]);
    const stored = await readReadings(store.db, 'st-1', { from: T0, to: T0 + 60_000, limit: 100 });
    expect(stored.map((x) => [x.element, x.observedAt, x.value])).toEqual([
      ['level', T0, 3.2],
      ['rain_total', T0, 100],
      ['voltage', T0, null],
      ['level', T0 + 60_000, 3.4],
    ]);
  });

  it('ages readings out after the retention', async () => {
    await insertReadings(store.db, [{ stationId: 'st-2', element: 'rain', observedAt: T0 - 10 * 86_400_000, value: 1, source: 'mqtt' }], T0);
    const job = new ReadingRetentionJob({ db: store.db, retentionDays: 7, logger: silent, clock: () => T0 });
    expect(await job.runOnce()).toBe(1);
    expect(await readReadings(store.db, 'st-2', { from: 0, to: T0, limit: 10 })).toEqual([]);
    await job.close();
  });

  it('keeps station codes and SL 651 addresses unique', async () => {
    const base = { name: '测试站', kind: 'rain', location: { lat: 29.2, lon: 121.94 }, elements: [] };
    const station = await stations.create(StationCreateSchema.parse({ ...base, code: 'U-1', sl651: { address: '0033022588', password: '1234', workMode: 'M1' } }), SYSTEM_ACTOR);
    expect(station).toMatchObject({ township: '石浦镇', elements: ['rain', 'rain_total', 'voltage'] });
    await expect(stations.create(StationCreateSchema.parse({ ...base, code: 'U-1' }), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(stations.create(StationCreateSchema.parse({ ...base, code: 'U-2', sl651: { address: '0033022588', password: '9999', workMode: 'M2' } }), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await stations.get(station.id)).sl651).toEqual({ address: '0033022588', password: '1234', workMode: 'M1' });
  });
});
