import type { Router } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { Authenticator } from '../http/contract-router';
import { ContactService } from './contact-service';
import { contactRoutes } from './routes';

export interface ContactsModule {
  contacts: ContactService;
  router: Router;
}

/** The 叫应 contacts registry: its service and its routes (CRUD and the CSV import). */
export function createContactsModule(deps: { db: Kysely<Database>; transactor: Transactor; sessions: Authenticator; clock: () => number }): ContactsModule {
  const contacts = new ContactService(deps.db, deps.transactor, deps.clock);
  return { contacts, router: contactRoutes(deps.sessions, contacts, deps.db, deps.transactor, deps.clock) };
}
