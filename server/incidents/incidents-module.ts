import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { IncidentLists } from '../../shared/schemas/incident';
import { ActionLedger } from '../actions/action-ledger';
import { WriteLimiter } from '../actions/write-limiter';
import type { AlarmService } from '../alarms/alarm-service';
import type { LimiterFactory } from '../cluster/rate-limiters';
import type { SessionService } from '../auth/session-service';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { TidewatchSocket } from '../realtime/types';
import { AttachmentFiles } from './attachment-files';
import { AttachmentService } from './attachment-service';
import { FieldReportService } from './field-report-service';
import { registerIncidentSocket } from './incident-sockets';
import { IncidentService } from './incident-service';
import { listIncidents } from './incident-store';
import { ReportDeadlineWatcher } from './report-deadline-watcher';
import { ReportingRulesService } from './reporting-rules-service';
import { incidentRoutes, incidentUploadRoutes } from './routes';

export interface IncidentsModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  sessions: SessionService;
  alarms: AlarmService;
  /** Photos are kept under `<dataDir>/attachments`. */
  dataDir: string;
  /** Field reports one tablet may file at once, and then per minute. */
  fieldReportsPerMinute: number;
  logger: Logger;
  clock: () => number;
  /** Who runs the report-deadline watcher; one instance by default. */
  jobLock?: JobLock;
  /** Counts each tablet's reports (over every instance in cluster mode); in this process by default. */
  limiters?: LimiterFactory;
}

/** Incidents with their reporting deadlines (a watcher raises `report_overdue`), photos, and field reports. */
export function createIncidentsModule({ db, transactor, sessions, alarms, dataDir, fieldReportsPerMinute, logger, clock, jobLock, limiters }: IncidentsModuleDeps) {
  const rules = new ReportingRulesService(db, transactor);
  const incidents = new IncidentService(db, transactor, rules, alarms, clock);
  const attachments = new AttachmentService(db, transactor, new AttachmentFiles(path.join(dataDir, 'attachments')), clock);
  // A tablet may file its whole queue after an outage at once, up to a minute's allowance.
  const limiter = new WriteLimiter({ name: 'field-reports', perMinute: fieldReportsPerMinute }, limiters);
  const fieldReports = new FieldReportService(new ActionLedger(db, transactor, clock), incidents, attachments, clock, limiter);
  const deadlineWatcher = new ReportDeadlineWatcher({ db, alarms, clock, logger, ...(jobLock ? { lock: jobLock } : {}) });
  return {
    services: { rules, incidents, attachments, fieldReports },
    routes: [incidentRoutes({ sessions, incidents, attachments, rules })],
    rootRoutes: [incidentUploadRoutes({ sessions, attachments })],
    registerSocket: (socket: TidewatchSocket) => registerIncidentSocket(socket, fieldReports, logger),
    jobs: [deadlineWatcher],
    /** The open incidents, read in the snapshot's transaction. */
    readSnapshot: async (tx: Kysely<Database> | Transaction<Database>): Promise<IncidentLists> => ({ incidents: await listIncidents(tx, { openOnly: true }) }),
  };
}

export type IncidentsModule = ReturnType<typeof createIncidentsModule>;
export type IncidentServices = IncidentsModule['services'];
