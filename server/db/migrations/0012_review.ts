import type { Kysely } from 'kysely';

/**
 * After-action review (复盘): the report, an entity's history and the replay read the event log by time, in
 * pages keyed on (at, seq); without this index each page would scan the log from its start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_at_seq').on('events').columns(['at', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_at_seq').execute();
}
