import type { Kysely } from 'kysely';

/**
 * The 演练 flag on dispatches and incidents (the typhoon loop: every new record carries it). A drill's records
 * are shown marked and kept out of the real figures and reports; records written before this are real.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dispatches').addColumn('exercise', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('incidents').addColumn('exercise', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('exercise').execute();
  await db.schema.alterTable('dispatches').dropColumn('exercise').execute();
}
