import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { ContactCreateSchema, ContactUpdateSchema, type Contact } from '../../shared/schemas/contact';
import type { Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';
import { listContacts, loadContact, toContactRow } from './contact-store';

/** The registry of people who must answer warnings (叫应), each with an optional backup (AB角). */
export class ContactService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  list(): Promise<Contact[]> {
    return listContacts(this.db);
  }

  async create(data: z.output<typeof ContactCreateSchema>, actor: Actor, id = `contact-${randomUUID()}`): Promise<Contact> {
    return this.transactor.run((tx, record) => this.saveWithin(tx, record, { ...data, id, updatedAt: this.now() }, actor));
  }

  async update(id: string, patch: z.output<typeof ContactUpdateSchema>, actor: Actor): Promise<Contact> {
    return this.transactor.run(async (tx, record) => {
      const current = await loadContact(tx, id);
      const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), updatedAt: this.now() } as Contact;
      return this.saveWithin(tx, record, next, actor);
    });
  }

  async remove(id: string, actor: Actor): Promise<null> {
    return this.transactor.run(async (tx, record) => {
      await loadContact(tx, id);
      const primaries = await tx.selectFrom('contacts').select('name').where('backup_id', '=', id).execute();
      if (primaries.length > 0) throw new DomainError('CONFLICT', `This person is the backup of ${primaries.map((p) => p.name).join('、')}; name another backup first.`);
      await tx.deleteFrom('contacts').where('id', '=', id).execute();
      await record({ type: 'contact.removed', actor, payload: { contactId: id } });
      return null;
    });
  }

  /** Saves inside a caller's transaction (the CSV import saves a whole file in one). */
  async saveWithin(tx: Transaction<Database>, record: RecordEvent, contact: Contact, actor: Actor): Promise<Contact> {
    if (contact.backupId) {
      if (contact.backupId === contact.id) throw new DomainError('VALIDATION_FAILED', 'A person cannot be their own backup.', [{ path: 'backupId', message: 'is this contact' }]);
      const backup = await tx.selectFrom('contacts').select(['id', 'backup_id']).where('id', '=', contact.backupId).executeTakeFirst();
      if (!backup) throw new DomainError('VALIDATION_FAILED', 'The backup is not in the registry.', [{ path: 'backupId', message: 'unknown contact' }]);
      if (backup.backup_id === contact.id) throw new DomainError('VALIDATION_FAILED', 'Two people cannot be each other’s backup.', [{ path: 'backupId', message: 'circular' }]);
    }
    const row = toContactRow(contact);
    const exists = await tx.selectFrom('contacts').select('id').where('id', '=', contact.id).executeTakeFirst();
    if (exists) await tx.updateTable('contacts').set(row).where('id', '=', contact.id).execute();
    else await tx.insertInto('contacts').values(row).execute();
    await record({ type: 'contact.saved', actor, payload: { contact } });
    return contact;
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
