import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Router } from 'express';
import { rolesFor } from '../shared/permissions';
import type { IncidentBoardSnapshot } from '../shared/schemas/incident-board';
import type { AlarmService } from './alarms/alarm-service';
import type { SessionService } from './auth/session-service';
import { ActionLedger } from './actions/action-ledger';
import { BoardSummaryService } from './overview/overview-service';
import { boardRoutes } from './overview/routes';
import type { Database } from './db/schema';
import { DutyLogService } from './duty/duty-log-service';
import { shiftsBetween, toHandover } from './duty/duty-store';
import { HandoverService } from './duty/handover-service';
import { RosterService } from './duty/roster-service';
import { dutyRoutes } from './duty/routes';
import type { Transactor } from './events/transactor';
import { AttachmentFiles } from './incidents/attachment-files';
import { AttachmentService } from './incidents/attachment-service';
import { FieldReportService } from './incidents/field-report-service';
import { WriteLimiter } from './actions/write-limiter';
import { IncidentService } from './incidents/incident-service';
import { listIncidents } from './incidents/incident-store';
import { ReportDeadlineWatcher } from './incidents/report-deadline-watcher';
import { ReportingRulesService } from './incidents/reporting-rules-service';
import { incidentRoutes, incidentUploadRoutes } from './incidents/routes';
import type { Logger } from './logger';
import { EvacuationService } from './shelters/evacuation-service';
import { shelterRoutes } from './shelters/routes';
import { ShelterService } from './shelters/shelter-service';
import { listShelters, listTownshipEvacuations } from './shelters/shelter-store';
import { supplyCsvRoutes } from './supplies/csv/csv-routes';
import { SupplyCsvService } from './supplies/csv/supply-csv-service';
import { DepotService } from './supplies/depot-service';
import { supplyRoutes } from './supplies/routes';
import { StockLedger } from './supplies/stock-ledger';
import { StockService } from './supplies/stock-service';
import { SupplyItemService } from './supplies/supply-item-service';
import { SupplyRunService } from './supplies/supply-run-service';
import { listDepots, listItems, listRuns, listStockLevels } from './supplies/supply-store';
import { onRequest } from './realtime/request-handler';
import type { TidewatchSocket } from './realtime/types';
import type { JobLock } from './jobs/interval-job';

const HOUR = 3_600_000;

export interface IncidentBoardDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: SessionService;
  alarms: AlarmService;
  dataDir: string;
  /** Field reports one tablet may file at once, and then per minute. */
  fieldReportsPerMinute: number;
  logger: Logger;
  clock: () => number;
  /** Who runs the report-deadline watcher; one instance by default. */
  jobLock?: JobLock;
}

/**
 * Composes the incident board (issue 5): incidents with reporting deadlines, shelters, supplies and the
 * duty watch. The composition root mounts its routers, registers its socket requests and runs its watchers.
 */
export function createIncidentBoard({ db, transactor, sessions, alarms, dataDir, fieldReportsPerMinute, logger, clock, jobLock }: IncidentBoardDeps) {
  const rules = new ReportingRulesService(db, transactor);
  const incidents = new IncidentService(db, transactor, rules, alarms, clock);
  const files = new AttachmentFiles(path.join(dataDir, 'attachments'));
  const attachments = new AttachmentService(db, transactor, files, clock);
  // A tablet may file a handful of reports at once (its queue after an outage), then about one every 6 s.
  const fieldReports = new FieldReportService(new ActionLedger(db, transactor, clock), incidents, attachments, clock, new WriteLimiter({ burst: fieldReportsPerMinute, perMinute: fieldReportsPerMinute, clock }));
  const deadlineWatcher = new ReportDeadlineWatcher({ db, alarms, clock, logger, ...(jobLock ? { lock: jobLock } : {}) });
  const shelters = new ShelterService(db, transactor, alarms, clock);
  const evacuation = new EvacuationService(db, transactor, clock);
  const ledger = new StockLedger(alarms, clock);
  const depots = new DepotService(db, transactor, clock);
  const items = new SupplyItemService(db, transactor, clock);
  const stock = new StockService(db, transactor, ledger);
  const runs = new SupplyRunService(db, transactor, ledger, clock);
  const csv = new SupplyCsvService(db, transactor, depots, items, stock);
  const roster = new RosterService(db, transactor, clock);
  const handovers = new HandoverService(db, transactor, clock);
  const dutyLog = new DutyLogService(db, transactor, clock);
  const summaries = new BoardSummaryService(db, clock);

  const services = { rules, incidents, attachments, fieldReports, shelters, evacuation, depots, items, stock, runs, csv, roster, handovers, dutyLog, summaries };
  return {
    services,
    apiRouters: [
      incidentRoutes({ sessions, incidents, attachments, rules }),
      shelterRoutes(sessions, shelters, evacuation),
      supplyRoutes({ sessions, depots, items, stock, runs }),
      supplyCsvRoutes(sessions, csv),
      dutyRoutes(sessions, roster, handovers, dutyLog),
      boardRoutes(sessions, summaries),
    ] as Router[],
    rootRouters: [incidentUploadRoutes({ sessions, attachments })] as Router[],
    background: [deadlineWatcher],
    registerSocket(socket: TidewatchSocket): void {
      onRequest(socket, 'incident:field_report', rolesFor('fieldTablet'), (report, principal) => fieldReports.file(report, principal), logger);
    },
    /** The board's lists for a snapshot, read in the snapshot's transaction. */
    async readSnapshotLists(tx: Kysely<Database> | Transaction<Database>): Promise<IncidentBoardSnapshot> {
      return {
        incidents: await listIncidents(tx, { openOnly: true }),
        shelters: await listShelters(tx),
        townshipEvacuations: await listTownshipEvacuations(tx),
        depots: await listDepots(tx),
        supplyItems: await listItems(tx),
        stockLevels: await listStockLevels(tx),
        supplyRuns: await listRuns(tx, { activeOnly: true }),
        dutyShifts: await shiftsBetween(tx, new Date(clock() - 12 * HOUR).toISOString(), new Date(clock() + 48 * HOUR).toISOString()),
        handovers: (await tx.selectFrom('duty_handovers').selectAll().orderBy('written_at', 'desc').limit(10).execute()).map(toHandover),
      };
    },
  };
}

export type IncidentBoard = ReturnType<typeof createIncidentBoard>;
