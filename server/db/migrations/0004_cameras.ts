import type { Kysely } from 'kysely';

// The camera registry for video relay. The source (RTSP URL, RTMP port and key, or WebRTC) is JSON text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cameras')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.unique())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cameras').execute();
}
