import type { Kysely, Transaction } from 'kysely';
import type { SupplyLists } from '../../shared/schemas/supply-run';
import type { AlarmService } from '../alarms/alarm-service';
import type { SessionService } from '../auth/session-service';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { supplyCsvRoutes } from './csv/csv-routes';
import { SupplyCsvService } from './csv/supply-csv-service';
import { DepotService } from './depot-service';
import { supplyRoutes } from './routes';
import { StockLedger } from './stock-ledger';
import { StockService } from './stock-service';
import { SupplyItemService } from './supply-item-service';
import { SupplyRunService } from './supply-run-service';
import { listDepots, listItems, listRuns, listStockLevels } from './supply-store';

export interface SuppliesModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: SessionService;
  alarms: AlarmService;
  clock: () => number;
}

/** Depots, the catalogue, stock with its ledger (low stock raises an alarm), supply runs, and CSV import/export. */
export function createSuppliesModule({ db, transactor, sessions, alarms, clock }: SuppliesModuleDeps) {
  const ledger = new StockLedger(alarms, clock);
  const depots = new DepotService(db, transactor, clock);
  const items = new SupplyItemService(db, transactor, clock);
  const stock = new StockService(db, transactor, ledger);
  const runs = new SupplyRunService(db, transactor, ledger, clock);
  const csv = new SupplyCsvService(db, transactor, depots, items, stock);
  return {
    services: { depots, items, stock, runs, csv },
    routes: [supplyRoutes({ sessions, depots, items, stock, runs }), supplyCsvRoutes(sessions, csv)],
    /** Depots, catalogue, stock and the runs under way, read in the snapshot's transaction. */
    readSnapshot: async (tx: Kysely<Database> | Transaction<Database>): Promise<SupplyLists> => ({
      depots: await listDepots(tx),
      supplyItems: await listItems(tx),
      stockLevels: await listStockLevels(tx),
      supplyRuns: await listRuns(tx, { activeOnly: true }),
    }),
  };
}

export type SuppliesModule = ReturnType<typeof createSuppliesModule>;
export type SupplyServices = SuppliesModule['services'];
