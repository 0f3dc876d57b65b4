import type { Contact } from '../../../shared/schemas/contact';
import { toContact } from '../../contacts/contact-store';
import type { Db } from '../../db/db-handle';
import type { RecipientRow } from '../schema';

/**
 * The backups (B角) of silent primary recipients, from the contact registry: one per backup contact (two
 * primaries sharing a backup reach them once), and `backupFor` naming the primary recipient each stands in for.
 * Used by the escalation of warnings and of plan tasks alike.
 */
export async function backupsOf(db: Db, silent: readonly RecipientRow[]): Promise<{ contacts: Contact[]; backupFor: Map<string, string> }> {
  const contacts: Contact[] = [];
  const backupFor = new Map<string, string>();
  for (const primary of silent) {
    const contact = await db.selectFrom('contacts').select('backup_id').where('id', '=', primary.contact_id).executeTakeFirst();
    if (!contact?.backup_id || backupFor.has(contact.backup_id)) continue;
    const backup = await db.selectFrom('contacts').selectAll().where('id', '=', contact.backup_id).executeTakeFirst();
    if (!backup) continue;
    contacts.push(toContact(backup));
    backupFor.set(backup.id, primary.id);
  }
  return { contacts, backupFor };
}
