import type { Kysely } from 'kysely';

/**
 * Tracker hardening: a fix keeps the time the server received it beside the device's own time (a phone
 * clock ahead must not freeze the marker) and a flag when the device marked it unusable (valid=false,
 * mock); a device keeps its battery (heard without a fix too), its clock skew and how many fixes were
 * thinned by the write limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('positions').addColumn('received_at', 'bigint').execute();
  await db.schema.alterTable('positions').addColumn('flag', 'text').execute();
  await db.schema.alterTable('devices').addColumn('battery', 'double precision').execute();
  await db.schema.alterTable('devices').addColumn('clock_skew_ms', 'bigint').execute();
  await db.schema.alterTable('devices').addColumn('thinned_fixes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['battery', 'clock_skew_ms', 'thinned_fixes']) await db.schema.alterTable('devices').dropColumn(column).execute();
  for (const column of ['received_at', 'flag']) await db.schema.alterTable('positions').dropColumn(column).execute();
}
