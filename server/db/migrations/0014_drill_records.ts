import type { Kysely } from 'kysely';

/**
 * The 演练 flag on the rest of what a drill creates: shelters it opened (until opened for real or closed),
 * check-ins made there, supply runs and alarms. `drill_contact_ids` keeps a drill warning drafted during a
 * real response to the contacts chosen for the drill (JSON list; null: the warning's townships as usual).
 * Rows written before this are real.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['shelters', 'shelter_movements', 'supply_runs', 'alarms']) {
    await db.schema.alterTable(table).addColumn('exercise', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  await db.schema.alterTable('warnings').addColumn('drill_contact_ids', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('warnings').dropColumn('drill_contact_ids').execute();
  for (const table of ['alarms', 'supply_runs', 'shelter_movements', 'shelters']) await db.schema.alterTable(table).dropColumn('exercise').execute();
}
