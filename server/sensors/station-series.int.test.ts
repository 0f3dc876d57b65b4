import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { StationSeriesSchema, type Reading } from '../../shared/schemas/sensor-reading';
import { StationCreateSchema, type Station } from '../../shared/schemas/station';
import { dropPostgresSchema, openStore, type Store } from '../db/database';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { insertReadings, readReadings } from './reading-store';
import { StationService } from './station-service';
import { stationSeries } from './station-series';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const HOUR = 3_600_000;
const MIN = 60_000;
// The chart's "now": the end of a stormy day of minute reports.
const NOW = Date.parse('2026-09-15T00:00:00Z');

describe.each(['sqlite', 'postgres'] as const)('a station chart over long ranges on %s', (dialect) => {
  const schema = `tw_test_${randomBytes(5).toString('hex')}`;
  let store: Store;
  let rainGauge: Station;
  let reservoir: Station;

  beforeAll(async () => {
    store = dialect === 'sqlite' ? await openStore({ sqliteFile: ':memory:' }) : await openStore({ databaseUrl: PG_URL, schema });
    const log = new EventLog(store.db);
    const bus = new EventBus(await log.currentSeq(), (a, b) => log.readRange(a, b), (e) => {
      throw e;
    });
    const stations = new StationService(store.db, new Transactor(store.db, log, bus), () => NOW);
    rainGauge = await stations.create(StationCreateSchema.parse({ code: 'RAIN-1', name: '雨量站', kind: 'rain', location: { lat: 29.2, lon: 121.94 }, elements: ['rain'] }), SYSTEM_ACTOR);
    reservoir = await stations.create(
      StationCreateSchema.parse({ code: 'RES-1', name: '水库站', kind: 'reservoir', location: { lat: 29.4, lon: 121.8 }, elements: ['level_upstream', 'wind_speed'], thresholds: { level: { warning: 30, guaranteed: 32 } } }),
      SYSTEM_ACTOR,
    );

    // Rain every minute for 24 h: tips of 0.05 to 0.35 mm, heavier in the afternoon (a total rounding must not change).
    const rain: Reading[] = [];
    for (let t = NOW - 24 * HOUR + MIN; t <= NOW; t += MIN) rain.push({ stationId: rainGauge.id, element: 'rain', observedAt: t, value: (((t / MIN) % 7) + 1) * 0.05, source: 'mqtt' });
    // The reservoir every minute for a week: a slow swell with a one-minute crest of 31.87 m at 06:07 three days ago,
    // and gusts every minute; a dropout (fill value) for one whole hour.
    const crestAt = NOW - 66 * HOUR + 7 * MIN;
    const dropout = NOW - 30 * HOUR;
    const reservoirReadings: Reading[] = [];
    for (let t = NOW - 7 * 24 * HOUR + MIN; t <= NOW; t += MIN) {
      const level = t === crestAt ? 31.87 : t >= dropout && t < dropout + HOUR ? null : 29 + Math.sin(t / (6 * HOUR)) * 0.4;
      reservoirReadings.push({ stationId: reservoir.id, element: 'level_upstream', observedAt: t, value: level, source: 'sl651' });
      reservoirReadings.push({ stationId: reservoir.id, element: 'wind_speed', observedAt: t, value: t === crestAt + 3 * MIN ? 33.1 : 8 + ((t / MIN) % 5), source: 'sl651' });
    }
    for (const batch of [rain, reservoirReadings]) for (let i = 0; i < batch.length; i += 2_000) await insertReadings(store.db, batch.slice(i, i + 2_000), NOW);
  }, 120_000);
  afterAll(async () => {
    await store.close();
    if (dialect === 'postgres') await dropPostgresSchema(PG_URL, schema);
  });

  it('keeps the 24-hour rain total exact: summed per hour, the same as adding every raw reading', async () => {
    const raw = await readReadings(store.db, rainGauge.id, { from: NOW - 24 * HOUR + 1, to: NOW, element: 'rain' });
    expect(raw).toHaveLength(24 * 60);
    const mm = (x: number) => Math.round(x * 1000) / 1000;
    const rawTotal = mm(raw.reduce((sum, r) => sum + r.value!, 0));
    const series = await stationSeries(store.db, rainGauge, 24, NOW);
    expect(series.sampling.rainBucketMs).toBe(HOUR);
    expect(series.rainHourly).toHaveLength(25);
    const bucketed = series.rainHourly.reduce((sum, h) => sum + h.mm, 0);
    expect(mm(bucketed)).toBe(rawTotal);
    expect(series.rainAccumulated.at(-1)!.mm).toBe(rawTotal);
    // Each hour holds exactly its own 60 tips (observed 00:01 … 01:00 for the hour from 00:00).
    const firstHour = raw.filter((r) => r.observedAt > NOW - 24 * HOUR && r.observedAt <= NOW - 23 * HOUR).reduce((sum, r) => sum + r.value!, 0);
    expect(series.rainHourly.find((h) => h.hourStart === NOW - 24 * HOUR)!.mm).toBe(mm(firstHour));
  });

  it('thins a week of minute levels and wind to the lowest and highest per 15 minutes, the crest and the strongest gust kept at their own time', async () => {
    const series = StationSeriesSchema.parse(await stationSeries(store.db, reservoir, 168, NOW));
    expect(series.sampling).toEqual({ levelBucketMs: 15 * MIN, rainBucketMs: HOUR });
    const levels = series.levels.level_upstream!;
    // 10,080 raw readings a week; at most two a bucket go out.
    expect(levels.length).toBeLessThanOrEqual(2 * 7 * 24 * 4 + 2);
    expect(levels.length).toBeGreaterThan(7 * 24 * 4);
    expect(levels).toContainEqual([NOW - 66 * HOUR + 7 * MIN, 31.87]);
    expect(Math.max(...levels.map(([, v]) => v ?? -Infinity))).toBe(31.87);
    expect(series.wind).toContainEqual([NOW - 66 * HOUR + 10 * MIN, 33.1]);
    // The hour without a measurement stays a gap, not a line drawn across it.
    const inDropout = levels.filter(([t]) => t >= NOW - 30 * HOUR && t < NOW - 29 * HOUR);
    expect(inDropout.length).toBeGreaterThan(0);
    expect(inDropout.every(([, v]) => v === null)).toBe(true);
    expect(levels.map(([t]) => t)).toEqual([...levels.map(([t]) => t)].sort((a, b) => a - b));
  });

  it('buckets a day at 2 minutes and three days at 10: at most two points in each of 720 buckets and the closing instant', async () => {
    const day = await stationSeries(store.db, reservoir, 24, NOW);
    const threeDays = await stationSeries(store.db, reservoir, 72, NOW);
    expect([day.sampling.levelBucketMs, threeDays.sampling.levelBucketMs]).toEqual([2 * MIN, 10 * MIN]);
    expect(day.levels.level_upstream!.length).toBeLessThanOrEqual(2 * 721);
    expect(threeDays.levels.level_upstream).toContainEqual([NOW - 66 * HOUR + 7 * MIN, 31.87]);
  });
});
