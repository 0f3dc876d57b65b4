import type { Kysely } from 'kysely';

// Old processed actions are pruned by age; without this index every pass scans the table.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('processed_actions_created_at').on('processed_actions').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('processed_actions_created_at').execute();
}
