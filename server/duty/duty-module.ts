import type { Kysely, Transaction } from 'kysely';
import type { DutyLists } from '../../shared/schemas/duty';
import type { SessionService } from '../auth/session-service';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { DutyLogService } from './duty-log-service';
import { shiftsBetween, toHandover } from './duty-store';
import { HandoverService } from './handover-service';
import { RosterService } from './roster-service';
import { dutyRoutes } from './routes';

const HOUR = 3_600_000;

export interface DutyModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: SessionService;
  clock: () => number;
}

/** The duty watch: the roster, handovers between shifts, and the duty log. */
export function createDutyModule({ db, transactor, sessions, clock }: DutyModuleDeps) {
  const roster = new RosterService(db, transactor, clock);
  const handovers = new HandoverService(db, transactor, clock);
  const dutyLog = new DutyLogService(db, transactor, clock);
  return {
    services: { roster, handovers, dutyLog },
    routes: [dutyRoutes(sessions, roster, handovers, dutyLog)],
    /** Shifts from half a day ago to two days ahead and the latest handovers, read in the snapshot's transaction. */
    readSnapshot: async (tx: Kysely<Database> | Transaction<Database>): Promise<DutyLists> => ({
      dutyShifts: await shiftsBetween(tx, new Date(clock() - 12 * HOUR).toISOString(), new Date(clock() + 48 * HOUR).toISOString()),
      handovers: (await tx.selectFrom('duty_handovers').selectAll().orderBy('written_at', 'desc').limit(10).execute()).map(toHandover),
    }),
  };
}

export type DutyModule = ReturnType<typeof createDutyModule>;
export type DutyServices = DutyModule['services'];
