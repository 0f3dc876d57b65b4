import { SYSTEM_ACTOR } from '../../../shared/schemas/event';
import type { Recipient, TownshipCoverage, Warning, WarningCoverage } from '../../../shared/schemas/warning';
import type { Db } from '../../db/db-handle';
import type { RecordEvent } from '../../events/transactor';
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
  backupFor: row.backup_for,
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

const answered = (r: RecipientRow) => r.state === 'received' || r.state === 'done';

/**
 * Per township: how many primaries were asked, how many answered 收到 (or 已落实, or their backup did), how
 * many reported 已落实. Backups are not counted twice: they stand in for their primary.
 */
export function townshipCoverage(townships: readonly string[], rows: readonly RecipientRow[]): TownshipCoverage[] {
  const backupAnswered = (primary: RecipientRow) => rows.some((r) => r.backup_for === primary.id && answered(r));
  return townships.map((township) => {
    const mine = rows.filter((r) => r.township === township && r.role === 'primary');
    return { township, recipients: mine.length, received: mine.filter((r) => answered(r) || backupAnswered(r)).length, done: mine.filter((r) => r.state === 'done').length };
  });
}

export async function coverageOf(db: Db, warning: Pick<Warning, 'id' | 'townships'>): Promise<WarningCoverage> {
  return { warningId: warning.id, townships: townshipCoverage(warning.townships, await recipientsOf(db, warning.id)) };
}

/** Tells every board screen the new counts, in the transaction that changed them. */
export async function recordCoverage(db: Db, record: RecordEvent, warning: Pick<Warning, 'id' | 'townships'>): Promise<void> {
  await record({ type: 'warning.coverage_changed', actor: SYSTEM_ACTOR, payload: await coverageOf(db, warning) });
}
