import type { Kysely } from 'kysely';

/**
 * 人员转移 per village within a township (the desk enters the villages' targets and the township's counts for
 * them), and the escalations of plan tasks to their owners' backups (B角) when unanswered by the deadline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('response_evacuation_villages')
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('village', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('reported_moved', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_evacuation_villages_pk', ['response_id', 'township', 'village'])
    .execute();
  await db.schema.alterTable('response_tasks').addColumn('escalations', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('response_tasks').dropColumn('escalations').execute();
  await db.schema.dropTable('response_evacuation_villages').execute();
}
