import type { Kysely } from 'kysely';

/**
 * Responses and digital plans (issue 15): plan versions (a document per hazard, level and version), the
 * responses with their history, their tasks (each with its prepared action) and the evacuation counts per
 * township. The personal links of 叫应 learn a subject: a warning, as before, or a plan task.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('response_plans')
    .addColumn('hazard', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('tasks', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('saved_by_id', 'text', (c) => c.notNull())
    .addColumn('saved_by_name', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_plans_pk', ['hazard', 'level', 'version'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hazard', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('exercise', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('level_since', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('plan_versions', 'text', (c) => c.notNull())
    .addColumn('drill_scope', 'text')
    .execute();
  await db.schema.createIndex('responses_state').on('responses').columns(['state', 'hazard']).execute();

  await db.schema
    .createTable('response_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('plan_version', 'integer', (c) => c.notNull())
    .addColumn('task_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('repeat_minutes', 'integer')
    .addColumn('occurrence', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('closed_reason', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('note', 'text')
    .addColumn('action', 'text')
    .addColumn('action_state', 'text', (c) => c.notNull())
    .addColumn('action_result', 'text')
    .addColumn('automatic', 'integer', (c) => c.notNull())
    .addColumn('exercise', 'integer', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('response_tasks_response').on('response_tasks').columns(['response_id', 'level']).execute();
  await db.schema.createIndex('response_tasks_due').on('response_tasks').columns(['state', 'due_at']).execute();

  await db.schema
    .createTable('response_evacuation')
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('reported_moved', 'integer', (c) => c.notNull())
    .addColumn('vessels', 'integer', (c) => c.notNull())
    .addColumn('vessels_in_port', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_evacuation_pk', ['response_id', 'township'])
    .execute();

  // `warning_id` keeps its name and holds the subject's id: the warning's, or the task's when subject_type is 'task'.
  await db.schema.alterTable('warning_recipients').addColumn('subject_type', 'text', (c) => c.notNull().defaultTo('warning')).execute();
  await db.schema.alterTable('warning_deliveries').addColumn('subject_type', 'text', (c) => c.notNull().defaultTo('warning')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('warning_deliveries').dropColumn('subject_type').execute();
  await db.schema.alterTable('warning_recipients').dropColumn('subject_type').execute();
  for (const table of ['response_evacuation', 'response_tasks', 'responses', 'response_plans']) await db.schema.dropTable(table).execute();
}
