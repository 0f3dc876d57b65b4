import pg from 'pg';

/**
 * Runs `boot` (create the schema, migrate, create the admin, seed) while holding a PostgreSQL advisory lock, so
 * instances started at once on an empty database take turns: the first one creates and seeds, the others find it
 * done. Without a database URL (SQLite, one instance) it just runs `boot`.
 */
export async function withBootLock<T>(databaseUrl: string | undefined, schema: string | undefined, boot: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return boot();
  // A connection of its own: the lock is held by this session, and ends with it if the instance dies mid-boot.
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'tidewatch-boot', keepAlive: true });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [`tidewatch-boot:${schema ?? 'public'}`]);
    return await boot();
  } finally {
    await client.end().catch(() => undefined);
  }
}
