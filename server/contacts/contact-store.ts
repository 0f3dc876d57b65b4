import type { Contact } from '../../shared/schemas/contact';
import type { Db } from '../db/db-handle';
import { notFound } from '../errors';
import type { ContactRow } from '../warnings/schema';

export const toContact = (row: ContactRow): Contact => ({
  id: row.id,
  name: row.name,
  duty: row.duty as Contact['duty'],
  township: row.township,
  unit: row.unit,
  phones: JSON.parse(row.phones),
  channels: JSON.parse(row.channels),
  backupId: row.backup_id,
  updatedAt: row.updated_at,
});

export const toContactRow = (c: Contact): ContactRow => ({
  id: c.id,
  name: c.name,
  duty: c.duty,
  township: c.township,
  unit: c.unit,
  phones: JSON.stringify(c.phones),
  channels: JSON.stringify(c.channels),
  backup_id: c.backupId,
  updated_at: c.updatedAt,
});

export async function listContacts(db: Db): Promise<Contact[]> {
  return (await db.selectFrom('contacts').selectAll().orderBy('township').orderBy('name').execute()).map(toContact);
}

export async function loadContact(db: Db, id: string): Promise<Contact> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Contact');
  return toContact(row);
}

/** The contacts of some townships: the primaries (nobody's backup) and, by id, everyone (for finding backups). */
export async function contactsIn(db: Db, townships: readonly string[]): Promise<{ primaries: Contact[]; byId: Map<string, Contact> }> {
  const all = (await db.selectFrom('contacts').selectAll().execute()).map(toContact);
  const backups = new Set(all.flatMap((c) => (c.backupId ? [c.backupId] : [])));
  const wanted = new Set(townships);
  return { primaries: all.filter((c) => wanted.has(c.township) && !backups.has(c.id)), byId: new Map(all.map((c) => [c.id, c])) };
}
