import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { dropPostgresSchema } from '../db/database';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A cluster test's own PostgreSQL schema and Redis prefix (`tag` names the test in them): the environment its
 * instances share, one admin password for all of them, and `remove()` for what they leave behind.
 */
export function clusterTestState(tag: string) {
  const schema = `tw_${tag}_${randomBytes(5).toString('hex')}`;
  const env = { DATABASE_URL: TEST_PG_URL, DATABASE_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `tw-test-${schema}`, ADMIN_PASSWORD: `Tw-${randomBytes(12).toString('base64url')}` };
  return { schema, env, remove: () => removeClusterState(TEST_PG_URL, schema, TEST_REDIS_URL, env.REDIS_PREFIX) };
}

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
