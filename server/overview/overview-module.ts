import type { Kysely } from 'kysely';
import type { SessionService } from '../auth/session-service';
import type { Database } from '../db/schema';
import { OverviewService } from './overview-service';
import { overviewRoutes } from './routes';

export interface OverviewModuleDeps {
  db: Kysely<Database>;
  sessions: SessionService;
  clock: () => number;
}

/** The situation summary behind the wall's panels, read from the incidents', shelters' and supplies' tables. */
export function createOverviewModule({ db, sessions, clock }: OverviewModuleDeps) {
  const overview = new OverviewService(db, clock);
  return { overview, routes: [overviewRoutes(sessions, overview)] };
}

export type OverviewModule = ReturnType<typeof createOverviewModule>;
