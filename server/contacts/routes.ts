import { Router } from 'express';
import type { Kysely } from 'kysely';
import { CONTACT_ROUTES } from '../../shared/routes/warnings';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { contractRouter, type Authenticator } from '../http/contract-router';
import { importContactsCsv } from './contact-csv';
import type { ContactService } from './contact-service';

export function contactRoutes(sessions: Authenticator, contacts: ContactService, db: Kysely<Database>, transactor: Transactor, clock: () => number): Router {
  return contractRouter(sessions, CONTACT_ROUTES, {
    list: () => contacts.list(),
    create: ({ body, actor }) => contacts.create(body, actor),
    update: ({ params, body, actor }) => contacts.update(params.id, body, actor),
    remove: ({ params, actor }) => contacts.remove(params.id, actor),
    importCsv: ({ body, actor }) => importContactsCsv(db, transactor, contacts, Buffer.from(body), actor, new Date(clock()).toISOString()),
  });
}
