import type { Kysely } from 'kysely';

/**
 * Gauges (物联感知): the station registry and its readings. A reading is keyed by station, element and
 * observation time, so an RTU's resend or an MQTT redelivery is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('elements', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('report_interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('sl651_address', 'text', (c) => c.unique())
    .addColumn('sl651_password', 'text')
    .addColumn('sl651_work_mode', 'text')
    .addColumn('maintenance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('maintenance_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('readings')
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('element', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('readings_pk', ['station_id', 'element', 'observed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('readings').execute();
  await db.schema.dropTable('stations').execute();
}
