import type { Recipient } from '../../../shared/schemas/warning';
import type { Db } from '../../db/db-handle';
import { notFound } from '../../errors';
import type { RecipientRow } from '../schema';

export const toRecipient = (row: RecipientRow): Recipient => ({
  id: row.id,
  warningId: row.warning_id,
  subjectType: row.subject_type === 'task' ? 'task' : 'warning',
  contactId: row.contact_id,
  name: row.name,
  duty: row.duty,
  township: row.township,
  phones: JSON.parse(row.phones),
  role: row.role as Recipient['role'],
  state: row.state as Recipient['state'],
  queuedAt: row.queued_at,
  sentAt: row.sent_at,
  openedAt: row.opened_at,
  receivedAt: row.received_at,
  doneAt: row.done_at,
  doneNote: row.done_note,
  hasPhoto: row.photo_file !== null,
  phoneAnswer: row.phone_answer ? JSON.parse(row.phone_answer) : null,
  failures: JSON.parse(row.failures),
});

export async function recipientsOf(db: Db, warningId: string, subjectType = 'warning'): Promise<RecipientRow[]> {
  return db.selectFrom('warning_recipients').selectAll().where('warning_id', '=', warningId).where('subject_type', '=', subjectType).orderBy('township').orderBy('queued_at').orderBy('name').execute();
}

export async function loadRecipient(db: Db, id: string): Promise<RecipientRow> {
  const row = await db.selectFrom('warning_recipients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Recipient');
  return row;
}

const ORDER = ['queued', 'sent', 'opened', 'received', 'done'] as const;
/** States only move forward: a late "sent" never hides a "received". */
export const laterState = (current: string, next: Recipient['state']): Recipient['state'] =>
  ORDER.indexOf(next) > ORDER.indexOf(current as Recipient['state']) ? next : (current as Recipient['state']);
