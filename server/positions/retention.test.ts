import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fix } from '../../shared/schemas/position';
import { insertFixes } from './position-store';
import { downsampleHistory, RetentionJob } from './retention';
import { fix, openTestServices, silentLogger, type TestServices } from './test-support';

const MINUTE = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);

let services: TestServices;
const storedTimes = async (deviceId: string) =>
  (await services.store.db.selectFrom('positions').select('t').where('device_id', '=', deviceId).orderBy('t').execute()).map((r) => Number(r.t));

beforeEach(async () => {
  services = await openTestServices(() => NOW);
});
afterEach(async () => {
  await services.close();
});

/** One fix every 10 s for `minutes` minutes from `start`. */
const everyTenSeconds = (deviceId: string, start: number, minutes: number): Fix[] =>
  Array.from({ length: minutes * 6 }, (_, i) => fix('t1', start + i * 10_000, { deviceId }));

describe('downsampleHistory', () => {
  it('keeps the first fix per device per minute before the cutoff and everything after it', async () => {
    const start = NOW - 40 * DAY; // minute-aligned
    await insertFixes(services.store.db, [...everyTenSeconds('a', start, 3), ...everyTenSeconds('b', start + 5_000, 2)]);
    const cutoff = start + 2 * MINUTE;
    const deleted = await downsampleHistory(services.store.db, cutoff);
    expect(deleted).toBe(10 + 10);
    expect(await storedTimes('a')).toEqual([start, start + MINUTE, ...Array.from({ length: 6 }, (_, i) => start + 2 * MINUTE + i * 10_000)]);
    expect(await storedTimes('b')).toEqual([start + 5_000, start + MINUTE + 5_000]);
    expect(await downsampleHistory(services.store.db, cutoff)).toBe(0);
  });

  it('spans many days and honours a lower bound', async () => {
    const start = NOW - 10 * DAY;
    const fixes = [0, 1, 2, 3].flatMap((day) => everyTenSeconds('a', start + day * DAY, 1));
    await insertFixes(services.store.db, fixes);
    expect(await downsampleHistory(services.store.db, NOW, MINUTE, { newerThanMs: start + 2 * DAY })).toBe(10);
    expect(await storedTimes('a')).toHaveLength(6 + 6 + 1 + 1);
    expect(await downsampleHistory(services.store.db, NOW)).toBe(10);
  });
});

describe('RetentionJob', () => {
  it('runs at start, reports rows deleted and closes idempotently', async () => {
    const old = NOW - 31 * DAY;
    await insertFixes(services.store.db, [...everyTenSeconds('a', old, 2), ...everyTenSeconds('a', NOW - DAY, 1)]);
    const job = new RetentionJob({ db: services.store.db, retentionDays: 30, logger: silentLogger, clock: () => NOW });
    job.start();
    expect(await job.runOnce()).toBe(10); // joins the pass that start() began
    expect(await storedTimes('a')).toHaveLength(2 + 6);
    await job.close();
    await job.close();
    expect(await job.runOnce()).toBe(0);
  });
});
