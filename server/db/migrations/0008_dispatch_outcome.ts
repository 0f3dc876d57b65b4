import type { Kysely } from 'kysely';

/**
 * A completed assignment keeps the team's outcome (people rescued, evacuated, a note) as JSON text: dispatch
 * statistics, read on the desk's dispatch detail and never added to the evacuation totals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dispatch_assignments').addColumn('outcome', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dispatch_assignments').dropColumn('outcome').execute();
}
