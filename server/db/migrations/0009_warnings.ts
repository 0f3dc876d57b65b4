import type { Kysely } from 'kysely';

/**
 * Warnings and 叫应 (issue 14): the county's own warnings (one row per CAP message), received CAP alerts
 * (unique per sender + identifier, so references match), the contacts registry, each warning's recipients
 * (personal link token kept as a hash) and every message a channel was asked to carry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.unique())
    .addColumn('msg_type', 'text', (c) => c.notNull())
    .addColumn('replaces_id', 'text')
    .addColumn('hazard', 'text', (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('townships', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('effective', 'text', (c) => c.notNull())
    .addColumn('expires', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('exercise', 'integer', (c) => c.notNull())
    .addColumn('drafted_by_id', 'text', (c) => c.notNull())
    .addColumn('drafted_by_name', 'text', (c) => c.notNull())
    .addColumn('drafted_at', 'text', (c) => c.notNull())
    .addColumn('approved_by_id', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('replaced_by_id', 'text')
    .addColumn('cap_xml', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warnings_status').on('warnings').columns(['status', 'issued_at']).execute();

  await db.schema
    .createTable('cap_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cap_version', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('sent', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('msg_type', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('refs', 'text', (c) => c.notNull())
    .addColumn('infos', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('replaced_by_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('xml', 'text', (c) => c.notNull())
    .addUniqueConstraint('cap_alerts_sender_identifier', ['sender', 'identifier'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('phones', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('backup_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('warning_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warning_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('phones', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('backup_for', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('received_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_note', 'text')
    .addColumn('photo_file', 'text')
    .addColumn('phone_answer', 'text')
    .addColumn('failures', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warning_recipients_warning').on('warning_recipients').columns(['warning_id', 'township']).execute();

  await db.schema
    .createTable('warning_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warning_id', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warning_deliveries_pending').on('warning_deliveries').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('warning_deliveries_warning').on('warning_deliveries').column('warning_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['warning_deliveries', 'warning_recipients', 'contacts', 'cap_alerts', 'warnings']) await db.schema.dropTable(table).execute();
}
