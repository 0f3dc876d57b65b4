import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/int-support';
import { TabletPresence, type LocalTablets } from './tablet-presence';
import { RedisTabletPresenceStore } from './tablet-presence-store';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TIMING = { heartbeatMs: 100, ttlMs: 500 };
const logger = pino({ level: 'silent' });

const roomsWith = (...teams: string[]): LocalTablets => ({ connectedTeams: () => teams, onTeamRoomsChanged: () => undefined });

describe('tablet presence in Redis', () => {
  const prefix = `tw-test-${randomBytes(5).toString('hex')}`;
  const connections: Redis[] = [];
  const presences: TabletPresence[] = [];
  const check = new Redis(REDIS_URL);
  afterAll(async () => {
    await Promise.all(presences.map((p) => p.close()));
    connections.forEach((r) => r.disconnect());
    const keys = await check.keys(`${prefix}:*`);
    if (keys.length > 0) await check.del(...keys);
    check.disconnect();
  });

  /** An instance as the cluster module builds it: its own connection that never waits for Redis. */
  function instance(local: LocalTablets, url = REDIS_URL) {
    const redis = new Redis(url, { enableOfflineQueue: false, commandTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => 200 });
    redis.on('error', () => undefined);
    connections.push(redis);
    const presence = new TabletPresence({ store: new RedisTabletPresenceStore(redis, prefix), logger, timing: TIMING });
    presences.push(presence);
    presence.start(local);
    return { redis, presence };
  }

  it('shows another instance\'s tablets until that instance dies without a word, then ends them within the TTL and leaves no key', async () => {
    const a = instance(roomsWith('team-1', 'team-2'));
    const b = instance(roomsWith('team-3'));
    await eventually(() => b.presence.connectedElsewhere('team-1') && b.presence.connectedElsewhere('team-2'), 2_000, 'A\'s tablets seen from B');
    await eventually(() => a.presence.connectedElsewhere('team-3'), 2_000, 'B\'s tablets seen from A');
    expect(b.presence.connectedElsewhere('team-3')).toBe(false);

    // As SIGKILL would: A's connection drops and no cleanup runs.
    a.redis.disconnect();
    const killedAt = Date.now();
    await eventually(() => !b.presence.connectedElsewhere('team-1'), 3_000, 'A\'s tablets ended on B');
    expect(Date.now() - killedAt).toBeLessThanOrEqual(TIMING.ttlMs + TIMING.heartbeatMs + 200);
    expect(await check.smembers(`${prefix}:tablets:instances`)).toEqual([b.presence.instanceId]);
    expect(await check.exists(`${prefix}:tablets:of:${a.presence.instanceId}`)).toBe(0);

    // B stops: its entry is removed at once, not left to expire.
    await b.presence.close();
    expect(await check.keys(`${prefix}:tablets:of:*`)).toEqual([]);
  });

  it('drops what it read once it is a TTL old while its own Redis connection is down', async () => {
    const a = instance(roomsWith('team-7'));
    const b = instance(roomsWith());
    await eventually(() => b.presence.connectedElsewhere('team-7'), 2_000, 'A\'s tablet seen from B');
    b.redis.disconnect();
    const cutAt = Date.now();
    await eventually(() => !b.presence.connectedElsewhere('team-7'), 3_000, 'B counting only its own tablets');
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(TIMING.ttlMs - TIMING.heartbeatMs);
    await Promise.all([a.presence.close(), b.presence.close()]);
  });
});
