import type { Kysely } from 'kysely';
import type { SessionService } from '../auth/session-service';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { wallRoutes } from './routes';
import { WallLayoutService } from './wall-layout-service';

export interface WallModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: SessionService;
}

/** The wall's layout, arranged from the desk. */
export function createWallModule({ db, transactor, sessions }: WallModuleDeps) {
  const layouts = new WallLayoutService(db, transactor);
  return { layouts, routes: [wallRoutes(sessions, layouts)] };
}

export type WallModule = ReturnType<typeof createWallModule>;
