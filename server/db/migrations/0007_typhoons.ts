import type { Kysely } from 'kysely';

/**
 * Typhoon storms (issue 13): one row per storm, named by its international number; the track and the
 * forecasts are JSON text (read and written whole, a few hundred points at most). `updated_at` is the storm's
 * version: the time of the newest data it holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('typhoon_storms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text')
    .addColumn('name_en', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('historical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('forecasts', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('typhoon_storms').execute();
}
