import type { Kysely, Transaction } from 'kysely';
import type { ShelterLists } from '../../shared/schemas/shelter';
import type { AlarmService } from '../alarms/alarm-service';
import type { SessionService } from '../auth/session-service';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { EvacuationService } from './evacuation-service';
import { shelterRoutes } from './routes';
import { ShelterService } from './shelter-service';
import { listShelters, listTownshipEvacuations } from './shelter-store';

export interface SheltersModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: SessionService;
  alarms: AlarmService;
  clock: () => number;
}

/** Shelters with their occupancy (a near-full one raises an alarm) and the townships' evacuation counts. */
export function createSheltersModule({ db, transactor, sessions, alarms, clock }: SheltersModuleDeps) {
  const shelters = new ShelterService(db, transactor, alarms, clock);
  const evacuation = new EvacuationService(db, transactor, clock);
  return {
    services: { shelters, evacuation },
    routes: [shelterRoutes(sessions, shelters, evacuation)],
    /** Shelters and township counts, read in the snapshot's transaction. */
    readSnapshot: async (tx: Kysely<Database> | Transaction<Database>): Promise<ShelterLists> => ({
      shelters: await listShelters(tx),
      townshipEvacuations: await listTownshipEvacuations(tx),
    }),
  };
}

export type SheltersModule = ReturnType<typeof createSheltersModule>;
export type ShelterServices = SheltersModule['services'];
