import { Redis } from 'ioredis';
import { dropPostgresSchema } from '../db/database';

/** What a cluster test leaves behind: its PostgreSQL schema and its Redis keys (streams, limits), removed. */
export async function removeClusterState(pgUrl: string, schema: string, redisUrl: string, redisPrefix: string): Promise<void> {
  await dropPostgresSchema(pgUrl, schema);
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${redisPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
