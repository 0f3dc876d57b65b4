import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { isClusterMode, type Config } from '../config/config';
import { SINGLE_INSTANCE_LOCK, type JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { BackgroundJob } from '../module';
import { AdvisoryJobLock } from './advisory-job-lock';
import { CommittedEventListener } from './event-listener';
import { PositionRelay } from './position-relay';
import { inMemoryLimiters, redisLimiters } from './rate-limiters';
import { TabletPresence } from './tablet-presence';
import { RedisTabletPresenceStore } from './tablet-presence-store';

const NEVER_WAITING = { enableOfflineQueue: false, commandTimeout: 1_000, maxRetriesPerRequest: 0 };

type ClusterConfig = Pick<Config, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'REDIS_URL' | 'REDIS_PREFIX'>;

export interface ClusterModuleDeps {
  config: ClusterConfig;
  /** The bus learns that every event up to `seq` is committed (another instance wrote it). */
  announce(seq: number): void;
  currentSeq(): Promise<number>;
  logger: Logger;
}

/** The channel an instance notifies its committed seqs on: one per database schema (tests give each run its own). */
export function eventChannelFor(config: ClusterConfig): string | null {
  return isClusterMode(config) ? `tidewatch_events_${config.DATABASE_SCHEMA ?? 'public'}` : null;
}

/**
 * What lets several instances serve one county (README "Several instances"): job ownership on PostgreSQL
 * advisory locks, events heard through LISTEN/NOTIFY and read from the log, room broadcasts through the
 * Socket.IO Redis streams adapter, positions through the position relay (to every instance's position hub and
 * screens), the teams with a tablet online through the tablet presence, and rate limits counted in Redis. On one
 * instance (no REDIS_URL) every part is the single-instance default and nothing connects anywhere.
 */
export function createClusterModule({ config, announce, currentSeq, logger }: ClusterModuleDeps) {
  if (!isClusterMode(config)) {
    return { clustered: false, jobLock: SINGLE_INSTANCE_LOCK as JobLock, limiters: inMemoryLimiters, socketAdapter: undefined, positionRelay: null, tabletPresence: null, jobs: [] as BackgroundJob[], jobsHeld: (): number | null => null };
  }
  const namespace = config.DATABASE_SCHEMA ?? 'public';
  const jobLock = new AdvisoryJobLock({ connectionString: config.DATABASE_URL, namespace, logger });
  const listener = new CommittedEventListener({ connectionString: config.DATABASE_URL, channel: eventChannelFor(config)!, announce, currentSeq, logger });
  // Writes only (XADD, PUBLISH), for the adapter and the position relay: the adapter reads its stream and
  // subscribes on its own duplicates of this connection, so no command here waits behind a blocking XREAD.
  const adapterRedis = watched(new Redis(config.REDIS_URL), 'socket adapter', logger);
  // Limiters never wait for Redis: a command that cannot run at once (or answer within a second) counts locally.
  const limiterRedis = watched(new Redis(config.REDIS_URL, NEVER_WAITING), 'rate limits', logger);
  // Never waits either: a heartbeat that cannot run is simply missed (see TabletPresence).
  const presenceRedis = watched(new Redis(config.REDIS_URL, NEVER_WAITING), 'tablet presence', logger);
  const tabletPresence = new TabletPresence({ store: new RedisTabletPresenceStore(presenceRedis, config.REDIS_PREFIX), logger });
  const positionRelay = new PositionRelay(adapterRedis, watched(new Redis(config.REDIS_URL), 'positions', logger), `${config.REDIS_PREFIX}:positions`, logger);
  // Room broadcasts only (a few a second): its stream's 10,000 entries (maxLen) then cover far more than any
  // pause of an instance. Positions stay off it (see RealtimeServer.publishPositions).
  const socketAdapter: ServerOptions['adapter'] = createAdapter(adapterRedis, { streamName: `${config.REDIS_PREFIX}:socket.io`, channelPrefix: `${config.REDIS_PREFIX}:socket.io` });
  const jobs: BackgroundJob[] = [
    {
      start: () => listener.start(),
      // Closed last (the cluster module comes first): every other job has released its lock by now.
      close: async () => {
        positionRelay.close();
        await tabletPresence.close();
        await listener.close();
        await jobLock.close();
        adapterRedis.disconnect();
        limiterRedis.disconnect();
        presenceRedis.disconnect();
      },
    },
  ];
  return { clustered: true, jobLock: jobLock as JobLock, limiters: redisLimiters(limiterRedis, config.REDIS_PREFIX), socketAdapter, positionRelay: positionRelay as PositionRelay | null, tabletPresence: tabletPresence as TabletPresence | null, jobs, jobsHeld: (): number | null => jobLock.heldCount };
}

export type ClusterModule = ReturnType<typeof createClusterModule>;

/** Logs a lost Redis once per outage (ioredis reports every reconnect attempt) and its return. */
function watched(redis: Redis, what: string, logger: Logger): Redis {
  let down = false;
  redis.on('error', (err) => {
    if (down) return;
    down = true;
    logger.warn({ err, redis: what }, 'Redis unreachable: rate limits count per instance, positions reach only this instance\'s screens and dispatch suggestions soon count only its tablets until it is back');
  });
  redis.on('ready', () => {
    if (down) logger.info({ redis: what }, 'Redis reachable again');
    down = false;
  });
  return redis;
}
