import type { Kysely } from 'kysely';
import type { Router } from 'express';
import type { Dispatch } from '../../shared/schemas/dispatch';
import type { FieldFix, Fix } from '../../shared/schemas/position';
import type { AlarmService } from '../alarms/alarm-service';
import type { Principal } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import type { Config } from '../config/config';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { JobLock } from '../jobs/interval-job';
import type { Logger } from '../logger';
import type { BackgroundJob } from '../module';
import type { TidewatchSocket } from '../realtime/types';
import { ActionLedger } from '../actions/action-ledger';
import { AssignmentWriter } from './assignment-writer';
import { DispatchReader } from './dispatch-reader';
import type { Db } from './dispatch-rows';
import { DispatchService } from './dispatch-service';
import { registerDispatchSocket } from './dispatch-sockets';
import { DispatchEscalationWatcher } from './escalation-watcher';
import { dispatchRoutes } from './routes';
import { SosService } from './sos-service';
import { TeamSuggester } from './team-suggester';

export interface DispatchModuleDeps {
  db: Kysely<Database>;
  transactor: Transactor;
  alarms: AlarmService;
  sessions: SessionService;
  config: Pick<Config, 'DISPATCH_DELIVERY_TIMEOUT_SECONDS' | 'DISPATCH_ACCEPT_TIMEOUT_SECONDS' | 'STALE_AFTER_SECONDS'>;
  latestFix(teamId: string): Fix | null;
  /** Whether a tablet of the team is connected now, to this instance or (cluster mode) to another. */
  tabletOnline(teamId: string): boolean;
  acceptFieldFix(principal: Principal, fix: FieldFix): Promise<boolean>;
  logger: Logger;
  /** Who runs the escalation watcher; one instance by default. */
  jobLock?: JobLock;
  clock: () => number;
}

export interface DispatchModule {
  dispatches: DispatchService;
  routes: Router[];
  registerSocket(socket: TidewatchSocket): void;
  readSnapshot(db: Db, viewer: Principal): Promise<Dispatch[]>;
  jobs: BackgroundJob[];
}

/** Builds the dispatch capability from the app's shared services: one call and a few hooks in the composition root. */
export function createDispatchModule(deps: DispatchModuleDeps): DispatchModule {
  const { db, transactor, alarms, config, logger, clock } = deps;
  const reader = new DispatchReader(db, clock);
  const ledger = new ActionLedger(db, transactor, clock);
  const dispatches = new DispatchService(ledger, new AssignmentWriter(alarms, clock), reader, clock);
  const sos = new SosService({ ledger, alarms, acceptFix: deps.acceptFieldFix });
  const suggester = new TeamSuggester(db, deps.latestFix, config.STALE_AFTER_SECONDS * 1000, clock, deps.tabletOnline);
  const watcher = new DispatchEscalationWatcher({
    db,
    transactor,
    alarms,
    deliveryTimeoutMs: config.DISPATCH_DELIVERY_TIMEOUT_SECONDS * 1000,
    acceptTimeoutMs: config.DISPATCH_ACCEPT_TIMEOUT_SECONDS * 1000,
    clock,
    ...(deps.jobLock ? { lock: deps.jobLock } : {}),
    logger,
  });
  return {
    dispatches,
    routes: [dispatchRoutes({ sessions: deps.sessions, dispatches, reader, suggester, sos })],
    registerSocket: (socket) => registerDispatchSocket(socket, { dispatches, reader, sos, logger }),
    readSnapshot: (snapshotDb, viewer) => reader.forSnapshot(snapshotDb, viewer),
    jobs: [watcher],
  };
}
