import type { Kysely } from 'kysely';

// Dispatches, one assignment per target team, the step timeline, and the ledger of applied client actions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dispatches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_type', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('dest_lat', 'double precision', (c) => c.notNull())
    .addColumn('dest_lon', 'double precision', (c) => c.notNull())
    .addColumn('dest_township', 'text')
    .addColumn('dest_label', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reassigned_from', 'text', (c) => c.references('dispatches.id'))
    .execute();
  await db.schema.createIndex('dispatches_created_at').on('dispatches').column('created_at').execute();
  await db.schema.createIndex('dispatches_incident').on('dispatches').column('incident_id').execute();

  // No foreign key to teams: the history of a team that is later deleted stays readable.
  await db.schema
    .createTable('dispatch_assignments')
    .addColumn('dispatch_id', 'text', (c) => c.notNull().references('dispatches.id'))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('channel', 'text')
    .addColumn('queue_order', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dispatch_assignments_pk', ['dispatch_id', 'team_id'])
    .execute();
  await db.schema.createIndex('dispatch_assignments_team_state').on('dispatch_assignments').columns(['team_id', 'state', 'queue_order']).execute();
  await db.schema.createIndex('dispatch_assignments_state_created').on('dispatch_assignments').columns(['state', 'created_at']).execute();

  await db.schema
    .createTable('dispatch_steps')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('dispatch_id', 'text', (c) => c.notNull().references('dispatches.id'))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('dispatch_steps_pk', ['seq', 'team_id'])
    .execute();
  await db.schema.createIndex('dispatch_steps_dispatch').on('dispatch_steps').columns(['dispatch_id', 'seq']).execute();

  await db.schema
    .createTable('processed_actions')
    .addColumn('action_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['processed_actions', 'dispatch_steps', 'dispatch_assignments', 'dispatches']) await db.schema.dropTable(table).execute();
}
